/**
 * @module engine/periods
 * Reporting periods (kỳ báo cáo): month, quarter, year, or any date range, as Vietnam calendar
 * days. A period is the half-open interval [start, end) of instants.
 */
import type { Instant } from '../model.js'
import { dateOfDayNumber, dayNumberOf, dayNumberStart } from '../time/time.js'

export type PeriodKind = 'month' | 'quarter' | 'year' | 'range'

export interface Period {
  kind: PeriodKind
  /** Canonical label: `2026-08`, `2026-Q3`, `2026`, `2026-01-01..2026-03-15`. */
  label: string
  /** First day `YYYY-MM-DD`. */
  firstDay: string
  /** Last day `YYYY-MM-DD` (inclusive). */
  lastDay: string
  /** Vietnam midnight starting the first day. */
  start: Instant
  /** Vietnam midnight after the last day (exclusive). */
  end: Instant
}

/** A period label that cannot be read. */
export class PeriodError extends Error {
  constructor(label: string, detail: string) {
    super(`Kỳ "${label}" không hợp lệ: ${detail}. Dạng đúng: 2026-08 (tháng), 2026-Q3 (quý), 2026 (năm) hoặc 2026-01-01..2026-03-15 (khoảng ngày).`)
    this.name = 'PeriodError'
  }
}

/** Period from its first and last day numbers. */
export function periodOfDays(kind: PeriodKind, label: string, firstDay: number, lastDay: number): Period {
  return {
    kind,
    label,
    firstDay: dateOfDayNumber(firstDay),
    lastDay: dateOfDayNumber(lastDay),
    start: dayNumberStart(firstDay),
    end: dayNumberStart(lastDay + 1),
  }
}

function monthDays(year: number, month: number): [number, number] {
  const first = Date.UTC(year, month - 1, 1) / 86_400_000
  const last = Date.UTC(year, month, 1) / 86_400_000 - 1
  return [first, last]
}

/** Parse `2026-08`, `2026-Q3`, `2026` or `2026-01-01..2026-03-15`. */
export function parsePeriod(input: string): Period {
  const s = input.trim()
  let m: RegExpExecArray | null
  if ((m = /^(\d{4})$/.exec(s))) {
    const y = +m[1]
    return periodOfDays('year', s, monthDays(y, 1)[0], monthDays(y, 12)[1])
  }
  if ((m = /^(\d{4})-[Qq]([1-4])$/.exec(s))) {
    const y = +m[1], q = +m[2]
    return periodOfDays('quarter', `${y}-Q${q}`, monthDays(y, 3 * q - 2)[0], monthDays(y, 3 * q)[1])
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const y = +m[1], mo = +m[2]
    if (mo < 1 || mo > 12) throw new PeriodError(input, `tháng ${mo} không tồn tại`)
    const [a, b] = monthDays(y, mo)
    return periodOfDays('month', s, a, b)
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(s))) {
    const a = dayNumberOf(m[1]), b = dayNumberOf(m[2])
    if (a === null) throw new PeriodError(input, `ngày ${m[1]} không có thật`)
    if (b === null) throw new PeriodError(input, `ngày ${m[2]} không có thật`)
    if (b < a) throw new PeriodError(input, 'ngày cuối trước ngày đầu')
    return periodOfDays('range', s, a, b)
  }
  throw new PeriodError(input, 'không nhận ra dạng kỳ')
}

const ROMAN = ['I', 'II', 'III', 'IV']

/** Vietnamese title: `tháng 08/2026`, `quý III/2026`, `năm 2026`, `từ 01/01/2026 đến 15/03/2026`. */
export function periodTitle(p: Period): string {
  const dmy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`
  switch (p.kind) {
    case 'month':
      return `tháng ${p.label.slice(5, 7)}/${p.label.slice(0, 4)}`
    case 'quarter':
      return `quý ${ROMAN[+p.label.slice(6) - 1]}/${p.label.slice(0, 4)}`
    case 'year':
      return `năm ${p.label}`
    case 'range':
      return `từ ${dmy(p.firstDay)} đến ${dmy(p.lastDay)}`
  }
}

/** The period of the same kind just before (a range: the same number of days before). */
export function previousPeriod(p: Period): Period {
  const first = dayNumberOf(p.firstDay)!
  const last = dayNumberOf(p.lastDay)!
  switch (p.kind) {
    case 'year':
      return parsePeriod(String(+p.label - 1))
    case 'quarter': {
      const y = +p.label.slice(0, 4), q = +p.label.slice(6)
      return parsePeriod(q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`)
    }
    case 'month': {
      const y = +p.label.slice(0, 4), mo = +p.label.slice(5, 7)
      return parsePeriod(mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`)
    }
    case 'range': {
      const len = last - first + 1
      const a = dateOfDayNumber(first - len), b = dateOfDayNumber(first - 1)
      return periodOfDays('range', `${a}..${b}`, first - len, first - 1)
    }
  }
}

/** Months (`YYYY-MM`) that overlap the period, with the share of each month's days inside it. */
export function monthsOf(p: Period): { month: string; share: number }[] {
  const out: { month: string; share: number }[] = []
  const first = dayNumberOf(p.firstDay)!, last = dayNumberOf(p.lastDay)!
  let y = +p.firstDay.slice(0, 4), mo = +p.firstDay.slice(5, 7)
  for (;;) {
    const [a, b] = monthDays(y, mo)
    if (a > last) break
    const inside = Math.min(b, last) - Math.max(a, first) + 1
    out.push({ month: `${y}-${String(mo).padStart(2, '0')}`, share: inside / (b - a + 1) })
    mo++
    if (mo === 13) { mo = 1; y++ }
  }
  return out
}

/**
 * Split a period at the given cut dates (`YYYY-MM-DD`, each the first day of a new part).
 * Used when a period straddles two rule sets: each part is scored with its own set.
 */
export function splitPeriod(p: Period, cuts: string[]): Period[] {
  const first = dayNumberOf(p.firstDay)!, last = dayNumberOf(p.lastDay)!
  const inside = cuts.map((c) => dayNumberOf(c)!).filter((c) => c > first && c <= last).sort((a, b) => a - b)
  if (inside.length === 0) return [p]
  const bounds = [first, ...inside, last + 1]
  const parts: Period[] = []
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i], b = bounds[i + 1] - 1
    parts.push(periodOfDays('range', `${dateOfDayNumber(a)}..${dateOfDayNumber(b)}`, a, b))
  }
  return parts
}
