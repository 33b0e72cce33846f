/**
 * Chỉ tiêu 1.4 – Tỷ lệ hồ sơ đồng bộ lên Cổng DVCQG.
 * Numerator: dossiers received in the period and synced. The denominator is not a dossier count:
 * the scorer takes the larger of the national reporting system's count, the portal's count and
 * the unit's own records (see rules/indicators/1.4.yaml).
 */
import { F } from '../prepare/dossier-table.js'
import type { DossierIndicator } from './types.js'

export const dossierSync: DossierIndicator = {
  code: '1.4',
  inDenominator: () => true,
  loss: (t, i) => (t.flags[i] & F.SYNCED ? 0 : 1),
  reasons: (t, i) => [t.flags[i] & F.SYNC_UNKNOWN ? 'Chưa rõ đã đồng bộ lên Cổng DVCQG (không có dữ liệu đồng bộ)' : 'Chưa đồng bộ lên Cổng DVCQG'],
}
