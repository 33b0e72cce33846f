/**
 * Chỉ tiêu 3.6 – Tỷ lệ hồ sơ thanh toán trực tuyến.
 * Dossiers of procedures with a fee, minus those whose every fee line is 0, paid online
 * (DuocThanhToanTrucTuyen = 1 on the portal or 2 through the local gateway).
 */
import { F } from '../prepare/dossier-table.js'
import type { DossierIndicator } from './types.js'

export const onlinePayment: DossierIndicator = {
  code: '3.6',
  inDenominator: (f) => (f & F.FEE_PROC) !== 0 && (f & F.FEE_ALL_ZERO) === 0,
  loss: (t, i) => (t.flags[i] & F.PAID_ONLINE ? 0 : 1),
  reasons: (t) => ['Phí, lệ phí chưa được thanh toán trực tuyến'],
}
