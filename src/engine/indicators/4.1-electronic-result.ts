/**
 * Chỉ tiêu 4.1 – Tỷ lệ hồ sơ có kết quả giải quyết điện tử.
 * Dossiers with an electronic result file, over dossiers of procedures returning a paper result.
 */
import { F } from '../prepare/dossier-table.js'
import type { DossierIndicator } from './types.js'

export const electronicResult: DossierIndicator = {
  code: '4.1',
  inDenominator: (f) => (f & F.PAPER_PROC) !== 0,
  loss: (t, i) => (t.flags[i] & F.E_RESULT ? 0 : 1),
  reasons: () => ['Không có tệp kết quả điện tử (DanhSachGiayToKetQua không có đường dẫn)'],
}
