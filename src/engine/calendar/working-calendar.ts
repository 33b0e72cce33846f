/**
 * @module engine/calendar/working-calendar
 * Working days (ngày làm việc) of Vietnamese public offices, and deadlines counted in them.
 * See `docs/calendar.md` and `shared/spec/calendar-working-days.md`.
 *
 * A working day is Monday–Friday (QĐ 188/1999/QĐ-TTg), minus the year's `off` days (holidays,
 * compensatory days, swapped weekdays), plus its `workingSaturdays` (ngày làm bù). A year without
 * data counts Monday–Friday only, and is reported by `missingYears()` once a query touches it.
 *
 * Pure: no file or network I/O, no dependency on the process time zone. The data comes from the
 * calendar-file adapter (`src/adapters/calendar-file/`).
 */
import type { Instant } from '../model.js'
import { DAY_MS, dayNumberOf, dayNumberStart, vnDayNumber } from '../time/time.js'

/** How a calendar entry was established (the spec's labels [S], [S2], [C]). */
export const DATA_STATUSES = ['source', 'secondary', 'computed'] as const
/** `source`: official document; `secondary`: news or other project quoting it; `computed`: from the rules. */
export type DataStatus = (typeof DATA_STATUSES)[number]

/** One dated entry of a year: an off weekday or a make-up Saturday. */
export interface CalendarDayEntry {
  /** `YYYY-MM-DD`, in the year it is listed under. */
  date: string
  /** Display name (e.g. `Tết Nguyên đán`). */
  name: string
  status: DataStatus
  /** Short citation of where the date comes from. */
  source: string
  /** `false` marks a date derived from the rules but not announced. */
  confirmed?: boolean
}

/** A reported but unconfirmed entry; applied only with `applyProvisional: true`. */
export interface ProvisionalEntry extends CalendarDayEntry {
  kind: 'off' | 'workingSaturday'
}

/** A decision still to be taken by the Prime Minister (never guessed). */
export interface PendingEntry {
  name: string
  note: string
}

/** Lunar dates of the year (display and cross-checks only). */
export interface LunarDates {
  /** Mùng 1 tháng Giêng. */
  tet: string
  /** 10/3 âm lịch. */
  gioTo: string
  status: DataStatus
}

/** The day-off schedule of one year. */
export interface CalendarYear {
  /** `true` when every off day and make-up Saturday of the year is listed. */
  complete: boolean
  lunar: LunarDates
  /** Monday–Friday dates that are not working days. */
  off: CalendarDayEntry[]
  /** Saturdays that are working days. */
  workingSaturdays: CalendarDayEntry[]
  provisional?: ProvisionalEntry[]
  pending?: PendingEntry[]
}

/** Validated calendar data (`data/calendar/*.yaml`, schema version 1). */
export interface CalendarData {
  schemaVersion: 1
  timezone: 'Asia/Ho_Chi_Minh'
  weeklyRest: ['saturday', 'sunday']
  /** Keyed by the 4-digit year, e.g. `"2026"`. */
  years: Record<string, CalendarYear>
}

/** One problem found in calendar data. */
export interface CalendarIssue {
  /** File (or other origin) the data came from. */
  source: string
  /** Key path, e.g. `years."2026".off[3].date`. */
  path: string
  /** The same path as keys and indices, for locating the node in a parsed file. */
  keys: readonly (string | number)[]
  /** Line in the source file (1-based), when the adapter could locate it. */
  line?: number
  /** What is wrong and what was expected, in Vietnamese. */
  message: string
}

/** Data coverage of a year: every day listed, only some, or nothing. */
export type YearCoverage = 'complete' | 'partial' | 'none'

/** Options of `createWorkingCalendar`. */
export interface WorkingCalendarOptions {
  /**
   * Apply the `provisional` entries (e.g. Ngày Văn hóa Việt Nam 24/11/2026) as if confirmed.
   * @default false
   */
  applyProvisional?: boolean
}

/** Working-day queries and deadlines over calendar data. */
export interface WorkingCalendar {
  /** The data the calendar was built from. */
  readonly data: CalendarData
  /** Whether provisional entries are applied. */
  readonly provisionalApplied: boolean
  /** Whether a day (day number of `engine/time`, or `YYYY-MM-DD`) is a working day. */
  isWorkingDay(day: number | string): boolean
  /** Name of the off entry of a Monday–Friday day off, or null (weekends and working days). */
  holidayName(day: number | string): string | null
  /** Working days in a month (month 1–12). */
  workingDaysInMonth(year: number, month: number): number
  /** Working days in a year. */
  workingDaysInYear(year: number): number
  /**
   * Working days in the half-open interval (fromDay, toDay]: `fromDay` is not counted, `toDay` is.
   * So a working day `d` gives `workingDaysBetweenDays(d - 1, d) = 1` and
   * `workingDaysBetweenDays(d, d) = 0`. If `toDay < fromDay` the result is the negative count of
   * (toDay, fromDay].
   */
  workingDaysBetweenDays(fromDay: number | string, toDay: number | string): number
  /**
   * Deadline of a time limit of `n` working days: counting starts the day after the Vietnam date of
   * `start` (the receipt day is not counted) and the deadline is the END of the n-th working day,
   * i.e. the instant of Vietnam midnight starting the next calendar day (exclusive end: on time
   * means strictly before it). A fractional `n` is rounded up (0.5 → 1 working day). `n = 0` → end
   * of the start day.
   */
  addWorkingDays(start: Instant, n: number): Instant
  /**
   * Deadline of a time limit of `n` calendar days, with the convention of `addWorkingDays`:
   * end of the Vietnam date `n` days after the start's date; fractional `n` rounded up;
   * `n = 0` → end of the start day.
   */
  addCalendarDays(start: Instant, n: number): Instant
  /** `start` plus `n` elapsed hours (no end-of-day rounding). */
  addHours(start: Instant, n: number): Instant
  /** Data coverage of a year. */
  coverage(year: number): YearCoverage
  /** Vietnamese warning for a year without complete data, or null for a complete year. */
  coverageWarning(year: number): string | null
  /** Years touched by a query so far that have no data or incomplete data, ascending. */
  missingYears(): number[]
}

/** Invalid calendar data; `issues` lists every problem found. */
export class CalendarDataError extends Error {
  /** Every problem found, in document order. */
  readonly issues: readonly CalendarIssue[]

  /** @param issues at least one problem */
  constructor(issues: readonly CalendarIssue[]) {
    super(formatIssues(issues))
    this.name = 'CalendarDataError'
    this.issues = issues
  }
}

const WEEKDAY_NAMES = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy']

const MESSAGES = {
  header: (n: number) => `Dữ liệu lịch ngày làm việc không hợp lệ (${n} lỗi):`,
  issue: (i: CalendarIssue) =>
    `${i.source}${i.line === undefined ? '' : `, dòng ${i.line}`}${i.path === '' ? '' : `, ${i.path}`}: ${i.message}`,
  notMapping: 'cần một bảng khóa–giá trị (mapping)',
  notList: 'cần một danh sách (có thể rỗng: [])',
  missingKey: 'thiếu khóa bắt buộc',
  unknownKey: (key: string, allowed: readonly string[]) =>
    `khóa không được hỗ trợ "${key}"; các khóa hợp lệ: ${allowed.join(', ')}` +
    // YAML 1.1 loaders read an unquoted `off` as the boolean false (spec §8).
    (key === 'false' ? ' (khóa "off" phải đặt trong ngoặc kép: "off")' : ''),
  schemaVersion: (v: unknown) => `cần số 1, nhận được ${show(v)}`,
  timezone: (v: unknown) => `cần "Asia/Ho_Chi_Minh", nhận được ${show(v)}`,
  weeklyRest: (v: unknown) =>
    `cần [saturday, sunday] (QĐ 188/1999/QĐ-TTg), nhận được ${show(v)}; chưa hỗ trợ lịch nghỉ hằng tuần khác`,
  yearKey: (k: string) => `khóa năm "${k}" không hợp lệ; cần năm 4 chữ số từ 1900 đến 2199, ví dụ "2028"`,
  boolean: (v: unknown) => `cần true hoặc false, nhận được ${show(v)}`,
  text: (v: unknown) => `cần một chuỗi không rỗng, nhận được ${show(v)}`,
  status: (v: unknown) => `cần một trong ${DATA_STATUSES.join(', ')}, nhận được ${show(v)}`,
  kind: (v: unknown) => `cần "off" hoặc "workingSaturday", nhận được ${show(v)}`,
  dateNotString: (v: unknown) =>
    `cần ngày dạng "YYYY-MM-DD" đặt trong ngoặc kép, nhận được ${show(v)}`,
  dateMalformed: (v: string) =>
    `"${v}" không phải ngày hợp lệ; cần dạng "YYYY-MM-DD" đặt trong ngoặc kép, ví dụ "2026-02-16"`,
  dateOutsideYear: (v: string, year: string) =>
    `ngày ${v} không thuộc năm ${year}; mỗi ngày phải ghi dưới năm của chính nó`,
  offOnWeekend: (v: string, weekday: string) =>
    `ngày ${v} là ${weekday}; "off" chỉ ghi ngày từ thứ Hai đến thứ Sáu (thứ Bảy, Chủ nhật đã là ngày nghỉ hằng tuần; ngày nghỉ bù ghi ngày thứ Hai–thứ Sáu được nghỉ)`,
  notSaturday: (v: string, weekday: string) =>
    `ngày ${v} là ${weekday}, không phải thứ Bảy; "workingSaturdays" chỉ ghi thứ Bảy làm việc bù`,
  duplicate: (v: string, firstPath: string) => `ngày ${v} đã ghi ở ${firstPath}`,
  completeWithPending:
    'năm được đánh dấu complete: true nhưng còn mục "pending" chưa quyết định; đặt complete: false hoặc bỏ "pending"',
  noData: (year: number) =>
    `Năm ${year} chưa có dữ liệu ngày nghỉ lễ; ngày làm việc tính theo thứ Hai–thứ Sáu`,
  partialData: (year: number, pending: number) =>
    `Năm ${year} mới có một phần dữ liệu ngày nghỉ lễ` +
    (pending > 0 ? ` (còn ${pending} mục chưa được công bố)` : '') +
    '; ngày làm việc tính theo thứ Hai–thứ Sáu trừ các ngày nghỉ đã biết',
  badDay: (v: unknown) => `Ngày không hợp lệ: ${show(v)}; cần số thứ tự ngày (số nguyên) hoặc "YYYY-MM-DD"`,
  badMonth: (year: number, month: number) => `Tháng không hợp lệ: ${year}-${month}; cần tháng từ 1 đến 12`,
  badYear: (year: number) => `Năm không hợp lệ: ${year}; cần năm 4 chữ số`,
  badInstant: (v: unknown) => `Thời điểm bắt đầu không hợp lệ: ${show(v)}`,
  badAmount: (v: unknown) => `Thời hạn không hợp lệ: ${show(v)}; cần một số hữu hạn không âm`,
} as const

function show(v: unknown): string {
  if (v === undefined) return 'không có giá trị'
  if (typeof v === 'number') return String(v)
  if (v instanceof Date) return `ngày kiểu Date (${Number.isNaN(v.getTime()) ? 'không hợp lệ' : v.toISOString()})`
  try {
    return JSON.stringify(v) ?? String(v)
  } catch {
    return String(v)
  }
}

function formatIssues(issues: readonly CalendarIssue[]): string {
  return [MESSAGES.header(issues.length), ...issues.map((i) => `- ${MESSAGES.issue(i)}`)].join('\n')
}

/** `years."2026".off[3].date` from `['years', '2026', 'off', 3, 'date']`. */
function pathOf(keys: readonly (string | number)[]): string {
  let out = ''
  for (const k of keys) {
    if (typeof k === 'number') out += `[${k}]`
    else {
      const part = /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : JSON.stringify(k)
      out += out === '' ? part : `.${part}`
    }
  }
  return out
}

/** Day of week of a day number: 0 = Sunday … 6 = Saturday (1970-01-01, day 0, was a Thursday). */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7
}

// ---------------------------------------------------------------------------------------------
// Validation

const TOP_KEYS = ['schemaVersion', 'timezone', 'weeklyRest', 'years'] as const
const YEAR_KEYS = ['complete', 'lunar', 'off', 'workingSaturdays', 'provisional', 'pending'] as const
const LUNAR_KEYS = ['tet', 'gioTo', 'status'] as const
const ENTRY_KEYS = ['date', 'name', 'status', 'source', 'confirmed'] as const
const PROVISIONAL_KEYS = ['date', 'kind', 'name', 'status', 'source', 'confirmed'] as const
const PENDING_KEYS = ['name', 'note'] as const
const FIRST_DATA_YEAR = 1900
const LAST_DATA_YEAR = 2199

type Keys = readonly (string | number)[]
type Obj = Record<string, unknown>

/** Collects issues while walking the data; every check returns a usable value or undefined. */
class Checker {
  readonly issues: CalendarIssue[] = []
  constructor(readonly source: string) {}

  add(keys: Keys, message: string): void {
    this.issues.push({ source: this.source, path: pathOf(keys), keys: [...keys], message })
  }

  mapping(v: unknown, keys: Keys, allowed: readonly string[] | null): Obj | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Date) {
      this.add(keys, MESSAGES.notMapping)
      return undefined
    }
    if (allowed) {
      for (const k of Object.keys(v)) {
        if (!allowed.includes(k)) this.add([...keys, k], MESSAGES.unknownKey(k, allowed))
      }
    }
    return v as Obj
  }

  list(v: unknown, keys: Keys): unknown[] | undefined {
    if (!Array.isArray(v)) {
      this.add(keys, MESSAGES.notList)
      return undefined
    }
    return v
  }

  required(o: Obj, key: string, keys: Keys): unknown {
    if (!(key in o) || o[key] === undefined || o[key] === null) {
      this.add([...keys, key], MESSAGES.missingKey)
      return undefined
    }
    return o[key]
  }

  text(o: Obj, key: string, keys: Keys): string | undefined {
    const v = this.required(o, key, keys)
    if (v === undefined) return undefined
    if (typeof v !== 'string' || v.trim() === '') {
      this.add([...keys, key], MESSAGES.text(v))
      return undefined
    }
    return v
  }

  status(o: Obj, key: string, keys: Keys): DataStatus | undefined {
    const v = this.required(o, key, keys)
    if (v === undefined) return undefined
    if (!(DATA_STATUSES as readonly unknown[]).includes(v)) {
      this.add([...keys, key], MESSAGES.status(v))
      return undefined
    }
    return v as DataStatus
  }

  /** A real `YYYY-MM-DD` date of `year`; returns its day number. */
  date(o: Obj, key: string, keys: Keys, year: string): number | undefined {
    const v = this.required(o, key, keys)
    if (v === undefined) return undefined
    const at = [...keys, key]
    if (typeof v !== 'string') {
      this.add(at, MESSAGES.dateNotString(v))
      return undefined
    }
    const day = dayNumberOf(v)
    if (day === null) {
      this.add(at, MESSAGES.dateMalformed(v))
      return undefined
    }
    if (v.slice(0, 4) !== year) {
      this.add(at, MESSAGES.dateOutsideYear(v, year))
      return undefined
    }
    return day
  }
}

/** Validates and copies one off / workingSaturdays / provisional entry. */
function checkEntry(
  c: Checker,
  raw: unknown,
  keys: Keys,
  year: string,
  list: 'off' | 'workingSaturdays' | 'provisional'
): CalendarDayEntry | ProvisionalEntry | undefined {
  const o = c.mapping(raw, keys, list === 'provisional' ? PROVISIONAL_KEYS : ENTRY_KEYS)
  if (!o) return undefined
  let kind: ProvisionalEntry['kind'] | undefined
  if (list === 'provisional') {
    const k = c.required(o, 'kind', keys)
    if (k !== undefined) {
      if (k === 'off' || k === 'workingSaturday') kind = k
      else c.add([...keys, 'kind'], MESSAGES.kind(k))
    }
  } else {
    kind = list === 'off' ? 'off' : 'workingSaturday'
  }
  const day = c.date(o, 'date', keys, year)
  if (day !== undefined && kind !== undefined) {
    const wd = weekdayOf(day)
    // QĐ 188/1999/QĐ-TTg: Saturday and Sunday are the weekly rest, so `off` lists weekdays only
    // and a make-up day (ngày làm bù) is a Saturday (spec §8 conventions).
    if (kind === 'off' && (wd === 0 || wd === 6)) c.add([...keys, 'date'], MESSAGES.offOnWeekend(o.date as string, WEEKDAY_NAMES[wd]))
    if (kind === 'workingSaturday' && wd !== 6) c.add([...keys, 'date'], MESSAGES.notSaturday(o.date as string, WEEKDAY_NAMES[wd]))
  }
  const name = c.text(o, 'name', keys)
  const status = c.status(o, 'status', keys)
  const source = c.text(o, 'source', keys)
  let confirmed: boolean | undefined
  if ('confirmed' in o && o.confirmed !== undefined) {
    if (typeof o.confirmed === 'boolean') confirmed = o.confirmed
    else c.add([...keys, 'confirmed'], MESSAGES.boolean(o.confirmed))
  }
  if (day === undefined || kind === undefined || name === undefined || status === undefined || source === undefined) {
    return undefined
  }
  const entry: CalendarDayEntry = { date: o.date as string, name, status, source }
  if (confirmed !== undefined) entry.confirmed = confirmed
  return list === 'provisional' ? { ...entry, kind } : entry
}

function checkEntries<T extends CalendarDayEntry>(
  c: Checker,
  raw: unknown,
  keys: Keys,
  year: string,
  list: 'off' | 'workingSaturdays' | 'provisional'
): T[] {
  const items = c.list(raw, keys)
  if (!items) return []
  const out: T[] = []
  const seen = new Map<string, string>()
  items.forEach((item, i) => {
    const entry = checkEntry(c, item, [...keys, i], year, list)
    if (!entry) return
    const first = seen.get(entry.date)
    if (first !== undefined) c.add([...keys, i, 'date'], MESSAGES.duplicate(entry.date, first))
    else seen.set(entry.date, pathOf([...keys, i]))
    out.push(entry as T)
  })
  return out
}

function checkYear(c: Checker, raw: unknown, year: string): CalendarYear | undefined {
  const keys = ['years', year]
  const o = c.mapping(raw, keys, YEAR_KEYS)
  if (!o) return undefined
  const issuesBefore = c.issues.length

  const completeRaw = c.required(o, 'complete', keys)
  if (completeRaw !== undefined && typeof completeRaw !== 'boolean') c.add([...keys, 'complete'], MESSAGES.boolean(completeRaw))

  let lunar: LunarDates | undefined
  const lunarRaw = c.required(o, 'lunar', keys)
  const lo = lunarRaw === undefined ? undefined : c.mapping(lunarRaw, [...keys, 'lunar'], LUNAR_KEYS)
  if (lo) {
    const lk = [...keys, 'lunar']
    const tet = c.date(lo, 'tet', lk, year)
    const gioTo = c.date(lo, 'gioTo', lk, year)
    const status = c.status(lo, 'status', lk)
    if (tet !== undefined && gioTo !== undefined && status !== undefined) {
      lunar = { tet: lo.tet as string, gioTo: lo.gioTo as string, status }
    }
  }

  const offRaw = c.required(o, 'off', keys)
  const off = offRaw === undefined ? [] : checkEntries<CalendarDayEntry>(c, offRaw, [...keys, 'off'], year, 'off')
  const saturdaysRaw = c.required(o, 'workingSaturdays', keys)
  const workingSaturdays =
    saturdaysRaw === undefined
      ? []
      : checkEntries<CalendarDayEntry>(c, saturdaysRaw, [...keys, 'workingSaturdays'], year, 'workingSaturdays')
  const provisional =
    o.provisional === undefined || o.provisional === null
      ? undefined
      : checkEntries<ProvisionalEntry>(c, o.provisional, [...keys, 'provisional'], year, 'provisional')

  let pending: PendingEntry[] | undefined
  if (o.pending !== undefined && o.pending !== null) {
    const items = c.list(o.pending, [...keys, 'pending'])
    pending = []
    items?.forEach((item, i) => {
      const pk = [...keys, 'pending', i]
      const po = c.mapping(item, pk, PENDING_KEYS)
      if (!po) return
      const name = c.text(po, 'name', pk)
      const note = c.text(po, 'note', pk)
      if (name !== undefined && note !== undefined) pending!.push({ name, note })
    })
  }
  if (completeRaw === true && pending !== undefined && pending.length > 0) c.add([...keys, 'complete'], MESSAGES.completeWithPending)

  if (c.issues.length > issuesBefore || typeof completeRaw !== 'boolean' || !lunar) return undefined
  const y: CalendarYear = { complete: completeRaw, lunar, off, workingSaturdays }
  if (provisional !== undefined) y.provisional = provisional
  if (pending !== undefined) y.pending = pending
  return y
}

/**
 * Validates calendar data parsed from YAML (or JSON) and returns a clean copy.
 * @param obj the parsed document
 * @param source file name (or other origin) quoted in error messages
 * @throws {CalendarDataError} listing every problem with its key path, e.g.
 *   `years."2026".off[3].date: ngày 2026-02-14 là thứ Bảy; "off" chỉ ghi ngày từ thứ Hai đến thứ Sáu …`
 * @example
 * parseCalendarData(YAML.parse(text), 'data/calendar/vn-civil-service.yaml')
 */
export function parseCalendarData(obj: unknown, source: string): CalendarData {
  const c = new Checker(source)
  const root = c.mapping(obj, [], TOP_KEYS)
  if (!root) throw new CalendarDataError(c.issues)

  const version = c.required(root, 'schemaVersion', [])
  if (version !== undefined && version !== 1) c.add(['schemaVersion'], MESSAGES.schemaVersion(version))
  const tz = c.required(root, 'timezone', [])
  if (tz !== undefined && tz !== 'Asia/Ho_Chi_Minh') c.add(['timezone'], MESSAGES.timezone(tz))
  const rest = c.required(root, 'weeklyRest', [])
  if (
    rest !== undefined &&
    !(Array.isArray(rest) && rest.length === 2 && rest.includes('saturday') && rest.includes('sunday'))
  ) {
    c.add(['weeklyRest'], MESSAGES.weeklyRest(rest))
  }

  const years: Record<string, CalendarYear> = {}
  const yearsRaw = c.required(root, 'years', [])
  const yo = yearsRaw === undefined ? undefined : c.mapping(yearsRaw, ['years'], null)
  if (yo) {
    for (const [key, value] of Object.entries(yo)) {
      const n = Number(key)
      if (!/^\d{4}$/.test(key) || n < FIRST_DATA_YEAR || n > LAST_DATA_YEAR) {
        c.add(['years', key], MESSAGES.yearKey(key))
        continue
      }
      const y = checkYear(c, value, key)
      if (y) years[key] = y
    }
  }

  if (c.issues.length > 0) throw new CalendarDataError(c.issues)
  return { schemaVersion: 1, timezone: 'Asia/Ho_Chi_Minh', weeklyRest: ['saturday', 'sunday'], years }
}

/**
 * Merges calendar data: each extension adds years or replaces a year wholesale (its `off`,
 * `workingSaturdays`, … replace the base's; nothing is merged inside a year). Later extensions win.
 * @example
 * mergeCalendarData(shipped, userFile2028)
 */
export function mergeCalendarData(base: CalendarData, ...extensions: CalendarData[]): CalendarData {
  const years: Record<string, CalendarYear> = { ...base.years }
  for (const ext of extensions) Object.assign(years, ext.years)
  return { schemaVersion: 1, timezone: 'Asia/Ho_Chi_Minh', weeklyRest: ['saturday', 'sunday'], years }
}

// ---------------------------------------------------------------------------------------------
// The calendar

/** The precomputed table spans at least these years; data years outside widen it. */
const TABLE_FIRST_YEAR = 2000
const TABLE_LAST_YEAR = 2060
/** Day 4 (1970-01-05) is a Monday: the anchor of the closed-form Monday–Friday count. */
const MONDAY_ANCHOR = 4

/** Monday–Friday days in [MONDAY_ANCHOR, d) (negative below the anchor). */
function weekdaysBefore(d: number): number {
  const k = d - MONDAY_ANCHOR
  const weeks = Math.floor(k / 7)
  return 5 * weeks + Math.min(k - 7 * weeks, 5)
}

/** Smallest d with weekdaysBefore(d) ≥ t: the day after the t-th Monday–Friday from the anchor. */
function weekdaysBeforeInverse(t: number): number {
  const i = t - 1
  const weeks = Math.floor(i / 5)
  return MONDAY_ANCHOR + 7 * weeks + (i - 5 * weeks) + 1
}

function yearStartDay(year: number): number {
  return Date.UTC(year, 0, 1) / DAY_MS
}

function monthStartDay(year: number, month: number): number {
  return Date.UTC(year, month - 1, 1) / DAY_MS
}

function dayArg(day: number | string): number {
  if (typeof day === 'string') {
    const d = dayNumberOf(day)
    if (d === null) throw new RangeError(MESSAGES.badDay(day))
    return d
  }
  if (!Number.isInteger(day)) throw new RangeError(MESSAGES.badDay(day))
  return day
}

/** Whole days in `n`, rounded up; binary noise (2.0000000001) does not add a day. */
function wholeDays(n: number): number {
  if (!(n >= 0) || n === Infinity) throw new RangeError(MESSAGES.badAmount(n))
  return Math.ceil(n - 1e-9)
}

/**
 * Builds a working calendar. At creation it tabulates every day from 2000-01-01 to 2060-12-31
 * (wider if the data has other years): a working-day flag, a prefix sum of working days and the
 * day of each working day, so that `addWorkingDays` and `workingDaysBetweenDays` are O(1) with
 * no allocation. Outside the table only Monday–Friday applies, in closed form.
 * @param data validated data (`parseCalendarData`, `mergeCalendarData`)
 * @param options `applyProvisional` (default false)
 * @example
 * const cal = createWorkingCalendar(data)
 * cal.addWorkingDays(vnInstant(2026, 2, 12, 10), 5) === vnInstant(2026, 2, 27) // end of Thu 26/02
 */
export function createWorkingCalendar(data: CalendarData, options: WorkingCalendarOptions = {}): WorkingCalendar {
  const applyProvisional = options.applyProvisional ?? false
  const dataYears = Object.keys(data.years).map(Number)
  const firstYear = Math.min(TABLE_FIRST_YEAR, ...dataYears)
  const lastYear = Math.max(TABLE_LAST_YEAR, ...dataYears)
  const first = yearStartDay(firstYear)
  const end = yearStartDay(lastYear + 1)
  const size = end - first

  const working = new Uint8Array(size)
  const yearIndex = new Uint16Array(size)
  for (let y = firstYear, i = 0; y <= lastYear; y++) {
    const next = yearStartDay(y + 1) - first
    for (; i < next; i++) yearIndex[i] = y - firstYear
  }
  for (let i = 0; i < size; i++) {
    const wd = weekdayOf(first + i)
    working[i] = wd === 0 || wd === 6 ? 0 : 1
  }

  const holidayNames = new Map<number, string>()
  const markOff = (e: CalendarDayEntry) => {
    const d = dayNumberOf(e.date)! - first
    working[d] = 0
    holidayNames.set(d, e.name)
  }
  const markWorking = (e: CalendarDayEntry) => {
    working[dayNumberOf(e.date)! - first] = 1
  }
  for (const y of Object.values(data.years)) {
    y.off.forEach(markOff)
    y.workingSaturdays.forEach(markWorking)
    if (applyProvisional) {
      for (const p of y.provisional ?? []) (p.kind === 'off' ? markOff : markWorking)(p)
    }
  }

  // prefix[i] = working days among table days [0, i); ordinal[k] = table index of the (k+1)-th.
  const prefix = new Int32Array(size + 1)
  let total = 0
  for (let i = 0; i < size; i++) {
    total += working[i]
    prefix[i + 1] = total
  }
  const ordinal = new Int32Array(total)
  for (let i = 0, k = 0; i < size; i++) if (working[i] === 1) ordinal[k++] = i

  // W(d): working days before day d, on one scale for every d (Monday–Friday outside the table).
  const base = weekdaysBefore(first)
  const afterShift = base + total - weekdaysBefore(end)
  const before = (d: number): number => {
    if (d < first) return weekdaysBefore(d)
    if (d > end) return weekdaysBefore(d) + afterShift
    return base + prefix[d - first]
  }
  /** Smallest d with before(d) ≥ t. */
  const beforeInverse = (t: number): number => {
    if (t <= base) return weekdaysBeforeInverse(t)
    const k = t - base
    if (k <= total) return first + ordinal[k - 1] + 1
    return weekdaysBeforeInverse(t - afterShift)
  }

  const touched = new Uint8Array(lastYear - firstYear + 1)
  const touchedOutside = new Set<number>()
  const yearOf = (d: number): number =>
    d >= first && d < end ? firstYear + yearIndex[d - first] : new Date(d * DAY_MS).getUTCFullYear()
  /** Records the years of days [fromDay, toDay] as queried. */
  const touch = (fromDay: number, toDay: number): void => {
    const y2 = yearOf(toDay)
    for (let y = yearOf(fromDay); y <= y2; y++) {
      if (y >= firstYear && y <= lastYear) touched[y - firstYear] = 1
      else touchedOutside.add(y)
    }
  }

  function coverage(year: number): YearCoverage {
    const y = data.years[String(year)]
    if (!y) return 'none'
    return y.complete ? 'complete' : 'partial'
  }

  function assertYear(year: number): void {
    // Date.UTC maps years 0–99 to 1900–1999: accept 4-digit years only.
    if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(MESSAGES.badYear(year))
  }

  return {
    data,
    provisionalApplied: applyProvisional,

    isWorkingDay(day: number | string): boolean {
      const d = dayArg(day)
      touch(d, d)
      if (d >= first && d < end) return working[d - first] === 1
      const wd = weekdayOf(d)
      return wd !== 0 && wd !== 6
    },

    holidayName(day: number | string): string | null {
      const d = dayArg(day)
      return holidayNames.get(d - first) ?? null
    },

    workingDaysInMonth(year: number, month: number): number {
      assertYear(year)
      if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(MESSAGES.badMonth(year, month))
      const from = monthStartDay(year, month)
      const to = monthStartDay(year, month + 1)
      touch(from, from)
      return before(to) - before(from)
    },

    workingDaysInYear(year: number): number {
      assertYear(year)
      const from = yearStartDay(year)
      touch(from, from)
      return before(yearStartDay(year + 1)) - before(from)
    },

    workingDaysBetweenDays(fromDay: number | string, toDay: number | string): number {
      const a = dayArg(fromDay)
      const b = dayArg(toDay)
      if (a < b) touch(a + 1, b)
      else if (b < a) touch(b + 1, a)
      return before(b + 1) - before(a + 1)
    },

    addWorkingDays(start: Instant, n: number): Instant {
      if (!Number.isFinite(start)) throw new RangeError(MESSAGES.badInstant(start))
      const m = wholeDays(n)
      const startDay = vnDayNumber(start)
      if (m === 0) return dayNumberStart(startDay + 1)
      // The receipt day is not counted: the n-th working day after it ends the time limit.
      const next = beforeInverse(before(startDay + 1) + m)
      touch(startDay + 1, next - 1)
      return dayNumberStart(next)
    },

    addCalendarDays(start: Instant, n: number): Instant {
      if (!Number.isFinite(start)) throw new RangeError(MESSAGES.badInstant(start))
      return dayNumberStart(vnDayNumber(start) + wholeDays(n) + 1)
    },

    addHours(start: Instant, n: number): Instant {
      if (!Number.isFinite(start)) throw new RangeError(MESSAGES.badInstant(start))
      if (!Number.isFinite(n) || n < 0) throw new RangeError(MESSAGES.badAmount(n))
      return start + n * 3_600_000
    },

    coverage(year: number): YearCoverage {
      assertYear(year)
      return coverage(year)
    },

    coverageWarning(year: number): string | null {
      assertYear(year)
      const c = coverage(year)
      if (c === 'complete') return null
      if (c === 'none') return MESSAGES.noData(year)
      return MESSAGES.partialData(year, data.years[String(year)].pending?.length ?? 0)
    },

    missingYears(): number[] {
      const years: number[] = [...touchedOutside]
      touched.forEach((t, i) => {
        if (t === 1) years.push(firstYear + i)
      })
      return years.filter((y) => coverage(y) !== 'complete').sort((a, b) => a - b)
    },
  }
}
