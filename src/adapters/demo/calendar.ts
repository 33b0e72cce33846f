/**
 * @module adapters/demo/calendar
 * An approximate civil-service calendar for the demo data: Monday–Friday, minus the holidays of
 * `shared/spec/calendar-working-days.md` §8 for 2022–2026 (plus the make-up Saturdays), and only
 * the fixed-date holidays for other years. It shapes the demo only (fewer dossiers on days off,
 * due dates roughly in working days); chiso's engine uses its own calendar.
 */
import { DAY_MS, dayNumberOf } from '../../engine/time/time.js'

/** Days off (Mon–Fri, `MM-DD`) and make-up Saturdays per year, from the calendar spec. */
const YEAR_TABLE: Record<number, { off: string[]; workingSaturdays: string[] }> = {
  2022: { off: ['01-03', '01-31', '02-01', '02-02', '02-03', '02-04', '04-11', '05-02', '05-03', '09-01', '09-02'], workingSaturdays: [] },
  2023: { off: ['01-02', '01-20', '01-23', '01-24', '01-25', '01-26', '05-01', '05-02', '05-03', '09-01', '09-04'], workingSaturdays: [] },
  2024: { off: ['01-01', '02-08', '02-09', '02-12', '02-13', '02-14', '04-18', '04-29', '04-30', '05-01', '09-02', '09-03'], workingSaturdays: ['05-04'] },
  2025: { off: ['01-01', '01-27', '01-28', '01-29', '01-30', '01-31', '04-07', '04-30', '05-01', '05-02', '09-01', '09-02'], workingSaturdays: ['04-26'] },
  2026: { off: ['01-01', '01-02', '02-16', '02-17', '02-18', '02-19', '02-20', '04-27', '04-30', '05-01', '08-31', '09-01', '09-02'], workingSaturdays: ['01-10', '08-22'] },
}

/** Fixed-date holidays used for years without a table. */
const FIXED_HOLIDAYS = ['01-01', '04-30', '05-01', '09-02']

/** Kind of a calendar day, for volumes. */
export type DayKind = 'working' | 'saturday' | 'sunday' | 'holiday'

/**
 * Working-day calendar over day numbers (days since 1970-01-01, as in `engine/time`). Years are
 * loaded lazily; lookups are O(1).
 */
export class DemoCalendar {
  private readonly off = new Set<number>()
  private readonly extraWorking = new Set<number>()
  private readonly loaded = new Set<number>()
  private readonly kinds = new Map<number, DayKind>()

  /** Kind of the day `day`. */
  kind(day: number): DayKind {
    let k = this.kinds.get(day)
    if (k === undefined) {
      this.ensureYear(day)
      const weekday = (day + 4) % 7 // 1970-01-01 was a Thursday; 0 = Sunday
      if (this.extraWorking.has(day)) k = 'working'
      else if (this.off.has(day)) k = 'holiday'
      else if (weekday === 0) k = 'sunday'
      else if (weekday === 6) k = 'saturday'
      else k = 'working'
      this.kinds.set(day, k)
    }
    return k
  }

  /** True if `day` is a working day of civil servants. */
  isWorkingDay(day: number): boolean {
    return this.kind(day) === 'working'
  }

  /** The working day `count` working days after `day` (count ≥ 0; 0 = `day` itself or the next working day). */
  addWorkingDays(day: number, count: number): number {
    let d = day
    while (!this.isWorkingDay(d)) d++
    let left = count
    while (left > 0) {
      d++
      if (this.isWorkingDay(d)) left--
    }
    return d
  }

  /** Working days in (from, to]: how many working days `to` is after `from`. */
  workingDaysBetween(from: number, to: number): number {
    let n = 0
    for (let d = from + 1; d <= to; d++) if (this.isWorkingDay(d)) n++
    return n
  }

  private ensureYear(day: number): void {
    const year = new Date(day * DAY_MS).getUTCFullYear()
    if (this.loaded.has(year)) return
    this.loaded.add(year)
    const table = YEAR_TABLE[year]
    for (const mmdd of table ? table.off : FIXED_HOLIDAYS) {
      const d = dayNumberOf(`${year}-${mmdd}`)
      if (d !== null) this.off.add(d)
    }
    for (const mmdd of table ? table.workingSaturdays : []) {
      const d = dayNumberOf(`${year}-${mmdd}`)
      if (d !== null) this.extraWorking.add(d)
    }
  }
}
