/**
 * @module engine/time
 * Vietnam wall-clock time (Asia/Ho_Chi_Minh, UTC+07:00, no daylight saving) ↔ instants.
 * Pure arithmetic: no dependency on the process time zone.
 */
import type { Instant } from '../model.js'

/** Offset of Vietnam time from UTC, in milliseconds. */
export const VN_OFFSET_MS = 7 * 3600_000
export const DAY_MS = 86_400_000

/** Instant of a Vietnam wall-clock time. Month is 1-based. */
export function vnInstant(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0
): Instant {
  return Date.UTC(year, month - 1, day, hour, minute, second) - VN_OFFSET_MS
}

/** Vietnam calendar date `YYYY-MM-DD` of an instant. */
export function vnDate(at: Instant): string {
  return new Date(at + VN_OFFSET_MS).toISOString().slice(0, 10)
}

/** Vietnam wall-clock `YYYY-MM-DD HH:mm` of an instant (for messages and reports). */
export function vnDateTime(at: Instant): string {
  return new Date(at + VN_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}

/** ISO 8601 with the `+07:00` offset, e.g. `2026-08-05T09:30:00+07:00`. */
export function vnIso(at: Instant): string {
  return new Date(at + VN_OFFSET_MS).toISOString().slice(0, 19) + '+07:00'
}

/** Day number (days since 1970-01-01) of the Vietnam calendar date containing `at`. */
export function vnDayNumber(at: Instant): number {
  return Math.floor((at + VN_OFFSET_MS) / DAY_MS)
}

/** Instant of Vietnam midnight starting day number `day`. */
export function dayNumberStart(day: number): Instant {
  return day * DAY_MS - VN_OFFSET_MS
}

/** Day number of a `YYYY-MM-DD` string, or null if it is not a real date. */
export function dayNumberOf(date: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!m) return null
  const y = +m[1], mo = +m[2], d = +m[3]
  const t = Date.UTC(y, mo - 1, d)
  const back = new Date(t)
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null
  return t / DAY_MS
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** Instant of Vietnam midnight at the start of `YYYY-MM-DD`, or null if invalid. */
export function vnDateStart(date: string): Instant | null {
  const d = dayNumberOf(date)
  return d === null ? null : dayNumberStart(d)
}

/**
 * Parse the national payload format `yyyyMMddHHmmss` (Vietnam wall-clock time).
 * Returns `null` for "", null or undefined, and `'malformed'` for anything else that is not a
 * real 14-digit date-time (e.g. `20240230…`, `05/02/2024 16:30:00`).
 */
export function parseCompactVnDateTime(raw: unknown): Instant | null | 'malformed' {
  if (raw === undefined || raw === null || raw === '') return null
  if (typeof raw !== 'string' && typeof raw !== 'number') return 'malformed'
  const s = String(raw).trim()
  if (s === '') return null
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s)
  if (!m) return 'malformed'
  const [y, mo, d, h, mi, se] = m.slice(1).map(Number)
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) return 'malformed'
  const t = Date.UTC(y, mo - 1, d, h, mi, se)
  if (new Date(t).getUTCDate() !== d) return 'malformed'
  return t - VN_OFFSET_MS
}
