/**
 * @module engine/indicators/petition-indicators
 * Chỉ tiêu 5.1, 5.2, 5.3 over petitions (PAKN) sent in the period.
 * - 5.1 Phân loại PAKN (tracked): classified as about procedures or about staff.
 * - 5.2 PAKN xử lý đúng hạn: answered within 15 working days of being sent or forwarded; rejected
 *   within 2; supplement requested within 5; published within 2 after the answer; still open: on
 *   time while the cut-off is within 15 working days.
 * - 5.3 Hài lòng xử lý PAKN: minus petitions rated unsatisfied (more dislikes than likes), handled
 *   late, or complained about again.
 */
import type { WorkingTime } from '../calendar-port.js'
import type { Petition } from '../model.js'
import type { PeriodContext } from './types.js'

/** Null if the petition is handled on time, else the Vietnamese reason it is late. */
export function petitionLateness(p: Petition, ctx: PeriodContext, cal: WorkingTime): string | null {
  const start = p.forwardedAt ?? p.sentAt
  const within = (at: number, days: number) => at < cal.addWorkingDays(start, days)
  if (p.rejectedAt !== null) return within(p.rejectedAt, 2) ? null : 'Từ chối tiếp nhận sau quá 2 ngày làm việc'
  if (p.answeredAt !== null) {
    if (!within(p.answeredAt, 15)) return 'Trả lời sau quá 15 ngày làm việc'
    const publishBy = cal.addWorkingDays(p.answeredAt, 2)
    if (p.publishedAt !== null) return p.publishedAt < publishBy ? null : 'Công khai kết quả sau quá 2 ngày làm việc kể từ khi trả lời'
    return ctx.cutoff < publishBy ? null : 'Đã trả lời nhưng quá 2 ngày làm việc chưa công khai kết quả'
  }
  if (p.supplementRequestedAt !== null) return within(p.supplementRequestedAt, 5) ? null : 'Yêu cầu bổ sung sau quá 5 ngày làm việc'
  return within(ctx.cutoff, 15) ? null : 'Chưa xử lý, đã quá 15 ngày làm việc'
}

/** Reasons a petition counts against 5.3, empty if it counts as satisfied. */
export function petitionDissatisfaction(p: Petition, ctx: PeriodContext, cal: WorkingTime): string[] {
  const out: string[] = []
  if (p.dislikes > p.likes) out.push(`Đánh giá không hài lòng (${p.dislikes} không thích, ${p.likes} thích)`)
  const late = petitionLateness(p, ctx, cal)
  if (late) out.push(`Xử lý quá hạn: ${late}`)
  if (p.repeatedComplaint) out.push('Bị phản ánh lại')
  return out
}

/** Whether a petition is classified (5.1). */
export function isClassified(p: Petition): boolean {
  return p.category === 'procedure' || p.category === 'staff'
}
