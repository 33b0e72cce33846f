/**
 * Chỉ tiêu 4.4 – Tỷ lệ số hóa có kết nối, chia sẻ để tái sử dụng.
 * Dossiers with a component taken from the citizen's data store (DuocLayTuKhoDMQG = 1, Kho quản
 * lý dữ liệu điện tử, TT 01/2023/TT-VPCP Điều 24) or whose electronic result was pushed to it.
 */
import { F } from '../prepare/dossier-table.js'
import type { DossierIndicator } from './types.js'

export const personalDataStore: DossierIndicator = {
  code: '4.4',
  inDenominator: () => true,
  loss: (t, i) => (t.flags[i] & F.DATA_STORE ? 0 : 1),
  reasons: () => ['Không lấy thành phần nào từ Kho dữ liệu của công dân và không đẩy kết quả vào kho'],
}
