/**
 * @module adapters/import/tabular/date-formats
 * Dates of CSV and Excel exports → the national `yyyyMMddHHmmss` string (Vietnam wall-clock
 * time), which `normalizeDossier` then reads like any DongBoHoSoMC date.
 *
 * Text cells are parsed with the mapping's `dateFormats`, in order; the tokens are `dd`/`d`
 * (day, 2 or 1–2 digits), `MM`/`M` (month), `yyyy` (year), `HH`/`H` (hour, 0–23), `mm` (minute),
 * `ss` (second); any other non-letter character is a literal, letters go in single quotes
 * (`yyyy-MM-dd'T'HH:mm:ss`), and a space matches one or more white-space characters.
 *
 * Excel stores a date as a serial number of days with no time zone: the wall-clock time typed in
 * the cell. exceljs returns such cells as a JS `Date` whose **UTC** fields are that wall-clock
 * time, so the UTC fields are read as Vietnam time (never the process's local time zone).
 */
import { TABULAR_MESSAGES as M } from './messages.js'

/** A calendar date and time of day as written (Vietnam wall-clock time). Month is 1-based. */
export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

type DatePart = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'

/** A compiled date format (see {@link compileDateFormat}). */
export interface DateFormat {
  /** The pattern as written, e.g. `dd/MM/yyyy HH:mm`. */
  readonly pattern: string
  /** False for a date-only format (no hour token). */
  readonly hasTime: boolean
  /** Anchored regular expression with one group per token, in {@link DateFormat.parts} order. */
  readonly regex: RegExp
  readonly parts: readonly DatePart[]
}

/**
 * Formats tried when a mapping declares none, in this order. Day first, as Vietnamese exports
 * write dates; `d/M/yyyy` variants accept the unpadded `5/8/2026 7:30` that some exports produce.
 */
export const DEFAULT_DATE_FORMATS: readonly string[] = Object.freeze([
  'dd/MM/yyyy HH:mm:ss',
  'dd/MM/yyyy HH:mm',
  'dd/MM/yyyy',
  'yyyy-MM-dd HH:mm:ss',
  'yyyy-MM-dd HH:mm',
  'yyyy-MM-dd',
  "yyyy-MM-dd'T'HH:mm:ss",
  'd/M/yyyy H:mm:ss',
  'd/M/yyyy H:mm',
  'd/M/yyyy',
  'yyyyMMddHHmmss',
])

/** A date format that cannot be compiled; `message` is Vietnamese. */
export class DateFormatError extends Error {
  override name = 'DateFormatError'
}

const TOKENS: Readonly<Record<string, { part: DatePart; digits: string; fixed: boolean }>> = {
  yyyy: { part: 'year', digits: '(\\d{4})', fixed: true },
  MM: { part: 'month', digits: '(\\d{2})', fixed: true },
  M: { part: 'month', digits: '(\\d{1,2})', fixed: false },
  dd: { part: 'day', digits: '(\\d{2})', fixed: true },
  d: { part: 'day', digits: '(\\d{1,2})', fixed: false },
  HH: { part: 'hour', digits: '(\\d{2})', fixed: true },
  H: { part: 'hour', digits: '(\\d{1,2})', fixed: false },
  mm: { part: 'minute', digits: '(\\d{2})', fixed: true },
  ss: { part: 'second', digits: '(\\d{2})', fixed: true },
}

const PART_NAMES: Readonly<Record<DatePart, string>> = {
  year: 'năm (yyyy)',
  month: 'tháng (MM hoặc M)',
  day: 'ngày (dd hoặc d)',
  hour: 'giờ (HH hoặc H)',
  minute: 'phút (mm)',
  second: 'giây (ss)',
}

function isLetter(c: string): boolean {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

/**
 * Compile a date pattern.
 * @throws {DateFormatError} on an unknown token (e.g. `DD`, `YYYY`, `hh`), a repeated or missing
 *   part (year, month and day are required; minutes need an hour, seconds need minutes), or two
 *   adjacent tokens of which one has a variable width (`dM`)
 * @example
 * parseDateText('12/08/2026 08:15', [compileDateFormat('dd/MM/yyyy HH:mm')])
 */
export function compileDateFormat(pattern: string): DateFormat {
  if (pattern.trim() === '') throw new DateFormatError(M.formatEmpty)
  const parts: DatePart[] = []
  let source = '^'
  let previous: { token: string; fixed: boolean } | null = null
  let i = 0
  const s = pattern.trim()
  while (i < s.length) {
    const c = s[i]
    if (isLetter(c)) {
      let j = i + 1
      while (j < s.length && s[j] === c) j++
      const token = s.slice(i, j)
      const def = TOKENS[token]
      if (def === undefined) throw new DateFormatError(M.formatUnknownToken(token))
      if (parts.includes(def.part)) throw new DateFormatError(M.formatRepeated(token))
      if (previous !== null && (!previous.fixed || !def.fixed)) {
        throw new DateFormatError(M.formatAdjacentNumbers(previous.token, token))
      }
      parts.push(def.part)
      source += def.digits
      previous = { token, fixed: def.fixed }
      i = j
      continue
    }
    previous = null
    if (c === "'") {
      const end = s.indexOf("'", i + 1)
      if (end === -1) throw new DateFormatError(M.formatUnclosedQuote)
      // '' inside the pattern is a literal single quote
      const literal = end === i + 1 ? "'" : s.slice(i + 1, end)
      source += literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      i = end + 1
      continue
    }
    if (/\s/.test(c)) {
      while (i < s.length && /\s/.test(s[i])) i++
      source += '\\s+'
      continue
    }
    source += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')
    i++
  }
  for (const part of ['year', 'month', 'day'] as const) {
    if (!parts.includes(part)) throw new DateFormatError(M.formatMissingPart(PART_NAMES[part]))
  }
  const hasHour = parts.includes('hour')
  const hasMinute = parts.includes('minute')
  if (!hasHour && (hasMinute || parts.includes('second'))) {
    throw new DateFormatError(M.formatMinuteWithoutHour)
  }
  if (hasHour && !hasMinute) throw new DateFormatError(M.formatHourWithoutMinute)
  return { pattern: s, hasTime: hasHour, regex: new RegExp(source + '$'), parts }
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
}

/** True for a real date and time of day, years 1900–9999. */
export function isValidWallClock(w: WallClock): boolean {
  return (
    Number.isInteger(w.year) &&
    w.year >= 1900 &&
    w.year <= 9999 &&
    w.month >= 1 &&
    w.month <= 12 &&
    w.day >= 1 &&
    w.day <= daysInMonth(w.year, w.month) &&
    w.hour >= 0 &&
    w.hour <= 23 &&
    w.minute >= 0 &&
    w.minute <= 59 &&
    w.second >= 0 &&
    w.second <= 59
  )
}

/**
 * Result of {@link parseDateText}: the wall-clock time, or the first format whose shape matched
 * although the date does not exist (`31/02/2026`), or null when no format matched at all.
 */
export type DateTextResult =
  | { ok: true; value: WallClock; dateOnly: boolean }
  | { ok: false; format: DateFormat | null }

/** Parse a trimmed text with the formats in order: the first that yields a real date wins. */
export function parseDateText(text: string, formats: readonly DateFormat[]): DateTextResult {
  let shapeMatched: DateFormat | null = null
  for (const format of formats) {
    const m = format.regex.exec(text)
    if (m === null) continue
    const w: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 }
    for (let i = 0; i < format.parts.length; i++) w[format.parts[i]] = +m[i + 1]
    if (isValidWallClock(w)) return { ok: true, value: w, dateOnly: !format.hasTime }
    shapeMatched ??= format
  }
  return { ok: false, format: shapeMatched }
}

function wallClockOfUtcMs(ms: number): WallClock | null {
  if (!Number.isFinite(ms)) return null
  // Excel keeps times as fractions of a day: 08:15 may come back as 08:14:59.999
  const d = new Date(Math.round(ms / 1000) * 1000)
  const w: WallClock = {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  }
  return isValidWallClock(w) ? w : null
}

/**
 * Wall-clock time of an Excel date cell as returned by exceljs (UTC fields = the time typed in
 * the cell), rounded to the second; null for an invalid date or a year outside 1900–9999.
 */
export function wallClockOfExcelDate(date: Date): WallClock | null {
  return wallClockOfUtcMs(date.getTime())
}

/**
 * Wall-clock time of an Excel serial number (days since 1899-12-30, or since 1904-01-01 in the
 * 1904 date system), for date cells whose number format does not mark them as dates.
 */
export function wallClockOfExcelSerial(serial: number, date1904: boolean): WallClock | null {
  if (!Number.isFinite(serial) || serial < 1) return null
  return wallClockOfUtcMs((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000)
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** The national `yyyyMMddHHmmss` string of a wall-clock time. */
export function compactOf(w: WallClock): string {
  return (
    String(w.year) +
    pad2(w.month) +
    pad2(w.day) +
    pad2(w.hour) +
    pad2(w.minute) +
    pad2(w.second)
  )
}

/** `yyyy-MM-dd HH:mm:ss` of a wall-clock time (an Excel date found in a text column). */
export function isoTextOf(w: WallClock): string {
  return `${w.year}-${pad2(w.month)}-${pad2(w.day)} ${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}`
}
