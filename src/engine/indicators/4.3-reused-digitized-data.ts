/**
 * Chỉ tiêu 4.3 – Tỷ lệ khai thác, sử dụng lại dữ liệu số hóa.
 * Dossiers with a component reusing digitized data (HoSoCoThanhPhanSoHoa = 1, DuocSoHoa,
 * DuocTaiSuDung), over dossiers received in the period.
 */
import { F } from '../prepare/dossier-table.js'
import type { DossierIndicator } from './types.js'

export const reusedDigitizedData: DossierIndicator = {
  code: '4.3',
  inDenominator: () => true,
  loss: (t, i) => (t.flags[i] & F.REUSE ? 0 : 1),
  reasons: () => ['Không có thành phần nào tái sử dụng dữ liệu đã số hóa'],
}
