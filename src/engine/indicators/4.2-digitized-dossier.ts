/**
 * Chỉ tiêu 4.2 – Tỷ lệ số hóa hồ sơ.
 * Digitized = at least one component with a file and, for procedures returning a paper result,
 * an electronic result; over all dossiers.
 */
import { F } from '../prepare/dossier-table.js'
import type { DossierIndicator } from './types.js'

export const digitizedDossier: DossierIndicator = {
  code: '4.2',
  inDenominator: () => true,
  loss: (t, i) => {
    const f = t.flags[i]
    if (!(f & F.COMPONENT_FILE)) return 1
    return f & F.PAPER_PROC && !(f & F.E_RESULT) ? 1 : 0
  },
  reasons: (t, i) => {
    const f = t.flags[i]
    const out: string[] = []
    if (!(f & F.COMPONENT_FILE)) out.push('Không có thành phần hồ sơ nào có tệp đính kèm')
    if (f & F.PAPER_PROC && !(f & F.E_RESULT)) out.push('Chưa có kết quả điện tử dù TTHC yêu cầu kết quả bản giấy')
    return out
  },
}
