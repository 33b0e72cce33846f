/**
 * Chỉ tiêu 4.6 – Chứng thực bản sao điện tử từ bản chính.
 * Dossiers of the certification procedures that were issued electronically; with no such dossier
 * the rule set gives full points (as the portal did for every unit in August 2026).
 */
import { F } from '../prepare/dossier-table.js'
import type { DossierIndicator } from './types.js'

export const electronicCertifiedCopy: DossierIndicator = {
  code: '4.6',
  inDenominator: (f) => (f & F.CERT_PROC) !== 0,
  loss: (t, i) => (t.flags[i] & F.E_RESULT ? 0 : 1),
  reasons: () => ['Chứng thực nhưng không cấp bản sao điện tử'],
}
