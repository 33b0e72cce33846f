/**
 * Chỉ tiêu 4.5b – Tỷ lệ hồ sơ sử dụng dữ liệu dân cư.
 * Dossiers using population data: VNeID-authenticated account, a component from the data store,
 * or a configured population-database code (MaCSDL).
 */
import { F } from '../prepare/dossier-table.js'
import type { DossierIndicator } from './types.js'

export const populationDataDossier: DossierIndicator = {
  code: '4.5b',
  inDenominator: () => true,
  loss: (t, i) => (t.flags[i] & F.POPULATION ? 0 : 1),
  reasons: () => ['Không sử dụng dữ liệu dân cư (không xác thực VNeID, không lấy từ kho, không kết nối CSDL dân cư)'],
}
