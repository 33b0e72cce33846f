/**
 * @module engine/indicators/on-time
 * The on-time rule of 2.1, shared by 5.4 (Mô tả công thức tính chỉ số 766, chỉ tiêu 2.1):
 * finish (first of 9 > 10 > 8/3/7; a single pending supplement request; else the period's end)
 * minus the citizen's supplement time, compared by day with NgayHenTra — or, without it, with the
 * procedure's maximum time counted from receipt. Two or more supplement requests are overdue.
 */
import { F, type DossierTable } from '../prepare/dossier-table.js'
import { vnDayNumber, DAY_MS } from '../time/time.js'
import type { PeriodContext } from './types.js'

/** Working out of lateness: null if on time, else the number of days late (≥ 1) or 'supplements'. */
export function lateness(t: DossierTable, i: number, ctx: PeriodContext): null | number | 'supplements' {
  const f = t.flags[i]
  if (f & F.FORCED_LATE) return 'supplements'
  if (f & F.NO_DEADLINE) return null
  let finish = t.finishAdj[i]
  if (finish !== finish) finish = ctx.cutoff - t.supplementMs[i] // NaN: still open
  const day = vnDayNumber(finish)
  const due = t.dueDay[i]
  return day <= due ? null : day - due
}

/** Whether a dossier is overdue in the period. */
export function isLate(t: DossierTable, i: number, ctx: PeriodContext): boolean {
  return lateness(t, i, ctx) !== null
}

/** Vietnamese explanation of a late dossier. */
export function latenessReason(t: DossierTable, i: number, ctx: PeriodContext): string {
  const l = lateness(t, i, ctx)
  if (l === null) return ''
  if (l === 'supplements') return `Yêu cầu bổ sung ${t.supplementCount[i]} lần (từ hai lần trở lên bị tính quá hạn)`
  const open = t.finishAdj[i] !== t.finishAdj[i]
  const sup = t.supplementMs[i] > 0 ? `, đã trừ ${(t.supplementMs[i] / DAY_MS).toFixed(1).replace('.', ',')} ngày chờ bổ sung` : ''
  const due = t.flags[i] & F.DUE_COMPUTED ? 'hạn tính theo thời hạn giải quyết của TTHC' : 'so với ngày hẹn trả'
  // Days late are calendar days after the due day; with a calendar, also the working days among them.
  const finishDay = t.dueDay[i] + l
  const working = ctx.calendar ? `, tức ${ctx.calendar.workingDaysBetweenDays(t.dueDay[i], finishDay)} ngày làm việc` : ''
  return open ? `Chưa giải quyết xong, đã quá hạn ${l} ngày${working} (${due})` : `Quá hạn ${l} ngày${working} (${due}${sup})`
}
