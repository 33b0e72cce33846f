/**
 * @module engine/indicators/publication-indicators
 * Chỉ tiêu 1.1, 1.2, 1.3: publication of procedures, computed once for a province or ministry
 * (không tính cấp con) from the catalogue's publication data.
 * - 1.1 TTHC công bố đúng hạn: decision date in the period and no later than the latest effective
 *   date of the legal basis minus 5 working days (province) or 20 (ministry).
 * - 1.2 TTHC cập nhật, công khai đúng hạn: made public within 5 working days (10 for a ministry)
 *   of the decision; denominator adds those due in the period and not yet public.
 * - 1.3 TTHC công khai đầy đủ nội dung: public procedures with all seven parts, at report time.
 * Not modelled: a procedure in several decisions of one period (the catalogue holds one
 * publication per procedure).
 */
import type { WorkingTime } from '../calendar-port.js'
import type { Instant, Procedure } from '../model.js'
import { vnDateStart } from '../time/time.js'
import type { IndicatorCode } from '../rules/types.js'

export interface PublicationCount {
  code: IndicatorCode
  numerator: number
  denominator: number
  /** Procedures in the denominator and not the numerator, with the reason. */
  lost: { procedure: Procedure; reason: string }[]
}

/** Count 1.1, 1.2 and 1.3 over a province's or ministry's procedures. */
export function countPublication(
  procedures: Procedure[],
  isMinistry: boolean,
  period: { start: Instant; end: Instant; asOf: Instant },
  cal: WorkingTime
): PublicationCount[] {
  const c11: PublicationCount = { code: '1.1', numerator: 0, denominator: 0, lost: [] }
  const c12: PublicationCount = { code: '1.2', numerator: 0, denominator: 0, lost: [] }
  const c13: PublicationCount = { code: '1.3', numerator: 0, denominator: 0, lost: [] }
  const decisionLead = isMinistry ? 20 : 5
  const publishWithin = isMinistry ? 10 : 5
  const reportAt = Math.min(period.end, period.asOf)
  for (const p of procedures) {
    const pub = p.publication
    if (!pub) continue
    const decided = pub.decisionDate ? vnDateStart(pub.decisionDate)! : null
    const published = pub.publicOnPortalDate ? vnDateStart(pub.publicOnPortalDate)! : null
    // 1.1: the decision must be signed at least `decisionLead` working days before the legal basis
    // takes effect, i.e. decision + lead working days ≤ effective date.
    if (decided !== null && decided >= period.start && decided < period.end && pub.legalEffectiveDate) {
      c11.denominator++
      const effective = vnDateStart(pub.legalEffectiveDate)!
      if (cal.addWorkingDays(decided, decisionLead) <= effective + 86_400_000) c11.numerator++
      else c11.lost.push({ procedure: p, reason: `Quyết định công bố ngày ${pub.decisionDate} muộn hơn ${decisionLead} ngày làm việc trước ngày căn cứ pháp lý có hiệu lực (${pub.legalEffectiveDate})` })
    }
    // 1.2: public within `publishWithin` working days of the decision.
    if (decided !== null) {
      const deadline = cal.addWorkingDays(decided, publishWithin)
      const publicInPeriod = published !== null && published >= period.start && published < period.end
      const overdueNotPublic = (published === null || published >= period.end) && deadline <= period.end
      if (publicInPeriod || overdueNotPublic) {
        c12.denominator++
        if (publicInPeriod && published! < deadline) c12.numerator++
        else c12.lost.push({ procedure: p, reason: publicInPeriod ? `Công khai ngày ${pub.publicOnPortalDate}, quá ${publishWithin} ngày làm việc sau quyết định công bố (${pub.decisionDate})` : `Đến hạn công khai (quyết định ${pub.decisionDate}) nhưng chưa công khai` })
      }
    }
    // 1.3: state at report time.
    if (published !== null && published < reportAt) {
      c13.denominator++
      if ((pub.completeParts ?? 0) >= 7) c13.numerator++
      else c13.lost.push({ procedure: p, reason: `Công khai thiếu nội dung: có ${pub.completeParts ?? 0}/7 bộ phận` })
    }
  }
  return [c11, c12, c13]
}
