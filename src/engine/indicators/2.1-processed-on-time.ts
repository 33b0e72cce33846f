/**
 * Chỉ tiêu 2.1 – Tỷ lệ hồ sơ xử lý trước hạn, đúng hạn.
 * "Hồ sơ tiếp nhận, xử lý trong kỳ đã giải quyết trước hạn, đúng hạn hoặc chưa đến hạn."
 * Counts accepted dossiers received in the period; a refused dossier (status 3) is not accepted.
 * Not modelled: dossiers received in an earlier period and handled in this one.
 */
import { F } from '../prepare/dossier-table.js'
import { isLate, latenessReason } from './on-time.js'
import type { DossierIndicator } from './types.js'

export const processedOnTime: DossierIndicator = {
  code: '2.1',
  inDenominator: (f) => (f & (F.REFUSED | F.NO_DEADLINE)) === 0,
  loss: (t, i, ctx) => (isLate(t, i, ctx) ? 1 : 0),
  reasons: (t, i, ctx) => [latenessReason(t, i, ctx)],
}
