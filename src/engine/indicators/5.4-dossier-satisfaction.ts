/**
 * Chỉ tiêu 5.4 – Tỷ lệ hài lòng trong tiếp nhận, giải quyết TTHC.
 * "100% trừ (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ bị phản ánh, kiến nghị hoặc không hài lòng)":
 * a dossier both late and complained about is deducted twice, as the formula reads.
 */
import { F } from '../prepare/dossier-table.js'
import { isLate, latenessReason } from './on-time.js'
import type { DossierIndicator } from './types.js'

export const dossierSatisfaction: DossierIndicator = {
  code: '5.4',
  inDenominator: () => true,
  loss: (t, i, ctx) => (t.flags[i] & F.REFUSED ? 0 : isLate(t, i, ctx) ? 1 : 0) + (t.flags[i] & F.BAD_FEEDBACK ? 1 : 0),
  reasons: (t, i, ctx) => {
    const out: string[] = []
    if (!(t.flags[i] & F.REFUSED) && isLate(t, i, ctx)) out.push(latenessReason(t, i, ctx))
    if (t.flags[i] & F.BAD_FEEDBACK) out.push('Bị phản ánh, kiến nghị hoặc đánh giá không hài lòng')
    return out
  },
}
