/**
 * @module adapters/import/parse-values
 * Small parsers shared by the importers: payload dates (`yyyyMMddHHmmss`, Vietnam time), the
 * looser date-times of petitions and ratings, `YYYY-MM-DD` dates, code strings, and value quoting
 * for messages. Written for speed: the dossier import calls them millions of times.
 */
import type { Instant } from '../../engine/model.js'
import {
  dayNumberOf,
  parseCompactVnDateTime,
  VN_OFFSET_MS,
  vnInstant,
} from '../../engine/time/time.js'

/** A parsed date: an instant, null for an empty value, or `'malformed'`. */
export type ParsedDate = Instant | null | 'malformed'

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Integer value of `count` decimal digits of `s` from `from`, or -1 if one is not a digit. */
function digits(s: string, from: number, count: number): number {
  let n = 0
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

/** Value of the two decimal digits of `s` at `i`, or -1. */
function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48
  const b = s.charCodeAt(i + 1) - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
}

/** Days from 1970-01-01 to a proleptic Gregorian date, for years ≥ 0 (H. Hinnant's algorithm). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146_097 + doe - 719_468
}

/**
 * Parse a payload date `yyyyMMddHHmmss` (Asia/Ho_Chi_Minh wall-clock time, §1 and §10.1).
 * Same results as `parseCompactVnDateTime` of `engine/time`, with a fast path for the common
 * 14-character string that allocates nothing.
 */
export function parsePayloadDate(raw: unknown): ParsedDate {
  if (typeof raw === 'string' && raw.length === 14) {
    const century = twoDigits(raw, 0)
    const yy = twoDigits(raw, 2)
    const mo = twoDigits(raw, 4)
    const d = twoDigits(raw, 6)
    const h = twoDigits(raw, 8)
    const mi = twoDigits(raw, 10)
    const se = twoDigits(raw, 12)
    if (century < 0 || yy < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || se < 0) return 'malformed'
    // Date.UTC maps years 0–99 to 1900–1999; leave that quirk to the reference parser.
    if (century > 0) {
      const y = century * 100 + yy
      if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || se > 59) {
        return 'malformed'
      }
      return (daysFromCivil(y, mo, d) * 86_400 + h * 3600 + mi * 60 + se) * 1000 - VN_OFFSET_MS
    }
  }
  return parseCompactVnDateTime(raw)
}

const LOOSE_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/

/**
 * Parse a petition or rating date-time: `YYYY-MM-DDTHH:mm[:ss[.sss]]` or `YYYY-MM-DD HH:mm[:ss]`
 * with an optional offset (`+07:00`, `Z`, any `±HH:mm`; none = Vietnam time), or the payload
 * format `yyyyMMddHHmmss`. "", null and undefined give null.
 */
export function parseLooseDateTime(raw: unknown): ParsedDate {
  if (raw === undefined || raw === null || raw === '') return null
  if (typeof raw === 'number') return parsePayloadDate(raw)
  if (typeof raw !== 'string') return 'malformed'
  const s = raw.trim()
  if (s === '') return null
  if (s.length === 14 && digits(s, 0, 14) >= 0) return parsePayloadDate(s)
  const m = LOOSE_DATE_TIME.exec(s)
  if (!m) return 'malformed'
  const y = +m[1]
  const mo = +m[2]
  const d = +m[3]
  const h = +m[4]
  const mi = +m[5]
  const se = m[6] === undefined ? 0 : +m[6]
  const ms = m[7] === undefined ? 0 : +m[7].padEnd(3, '0')
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || se > 59) {
    return 'malformed'
  }
  const zone = m[8]
  if (zone === undefined) return vnInstant(y, mo, d, h, mi, se) + ms
  const wall = Date.UTC(y, mo - 1, d, h, mi, se, ms)
  if (zone === 'Z') return wall
  const oh = +zone.slice(1, 3)
  const om = +zone.slice(4, 6)
  if (oh > 14 || om > 59) return 'malformed'
  const offset = (oh * 60 + om) * 60_000
  return zone[0] === '+' ? wall - offset : wall + offset
}

/** True for a `YYYY-MM-DD` string naming a real calendar date. */
export function isIsoDate(raw: unknown): raw is string {
  return typeof raw === 'string' && dayNumberOf(raw) !== null
}

/**
 * A code as a string (§10.1 "codes and flags are stored as strings"): strings are trimmed, finite
 * numbers become their decimal string, null/undefined give `''`; any other JSON value gives null.
 */
export function codeOf(raw: unknown): string | null {
  if (typeof raw === 'string') return raw.trim()
  if (raw === undefined || raw === null) return ''
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw)
  return null
}

/** True for a string with at least one non-space character. */
export function hasText(raw: unknown): boolean {
  if (typeof raw !== 'string' || raw.length === 0) return false
  const first = raw.charCodeAt(0)
  // Fast path: a printable ASCII first character (a URL, a code) needs no trimming.
  if (first > 32 && first < 127) return true
  return raw.trim().length > 0
}

/** True for a JSON object (not an array, not null). */
export function isObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw)
}

/** A value quoted for a message: strings in double quotes, other values as JSON, both shortened. */
export function quote(raw: unknown): string {
  if (raw === undefined) return '(không có)'
  let text: string
  if (typeof raw === 'string') text = `"${raw}"`
  else {
    try {
      text = JSON.stringify(raw) ?? String(raw)
    } catch {
      text = String(raw)
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text
}

/** Where a `JSON.parse` error is: a 1-based character position, `'end'`, or null (not said). */
export type JsonErrorPlace = number | 'end' | null

/** Where a `JSON.parse` error is, from the engine's message. */
export function jsonErrorPlace(error: unknown): JsonErrorPlace {
  const message = error instanceof Error ? error.message : String(error)
  const m = /position (\d+)/.exec(message)
  if (m) return +m[1] + 1
  return /end of (JSON|data)/i.test(message) ? 'end' : null
}

/**
 * Parse JSON text (a leading byte-order mark is ignored).
 * @returns `{ ok: true, value }` or `{ ok: false, place }`
 */
export function parseJson(
  text: string
): { ok: true; value: unknown } | { ok: false; place: JsonErrorPlace } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) }
  } catch (e) {
    return { ok: false, place: jsonErrorPlace(e) }
  }
}
