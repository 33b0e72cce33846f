/**
 * Chỉ tiêu 3.3 – Tỷ lệ hồ sơ nộp trực tuyến.
 * Online (KenhThucHien = 2) over all dossiers received; for a procedure that must return a paper
 * result, an online dossier counts only with an electronic result (mã kết quả + đường dẫn).
 * The ratio is then multiplied by the unit's sync ratio (1.4) in the scorer.
 */
import { F } from '../prepare/dossier-table.js'
import type { DossierIndicator } from './types.js'

export const onlineSubmission: DossierIndicator = {
  code: '3.3',
  inDenominator: () => true,
  loss: (t, i) => {
    const f = t.flags[i]
    if (!(f & F.ONLINE)) return 1
    return f & F.PAPER_PROC && !(f & F.CODED_E_RESULT) ? 1 : 0
  },
  reasons: (t, i) => {
    const f = t.flags[i]
    if (!(f & F.ONLINE)) return [f & F.POSTAL ? 'Nộp qua bưu chính công ích' : 'Nộp trực tiếp']
    return ['Nộp trực tuyến nhưng chưa có kết quả điện tử (mã và đường dẫn kết quả) dù TTHC yêu cầu kết quả bản giấy']
  },
}
