/**
 * @module adapters/demo/format
 * Fast formatting of instants as Vietnam wall-clock strings: the national payload's
 * `yyyyMMddHHmmss` and ISO 8601 with `+07:00`. Day parts are cached, so formatting millions of
 * dates costs little more than integer arithmetic.
 */
import { DAY_MS, VN_OFFSET_MS, dateOfDayNumber } from '../../engine/time/time.js'
import type { Instant } from '../../engine/model.js'

const compactDays = new Map<number, string>()
const isoDays = new Map<number, string>()

function two(n: number): string {
  return n < 10 ? '0' + n : String(n)
}

function split(at: Instant): [number, number] {
  const local = at + VN_OFFSET_MS
  const day = Math.floor(local / DAY_MS)
  return [day, Math.floor((local - day * DAY_MS) / 1000)]
}

/** `yyyyMMddHHmmss` (Vietnam time) of an instant. */
export function compactVn(at: Instant): string {
  const [day, sec] = split(at)
  let d = compactDays.get(day)
  if (d === undefined) {
    d = dateOfDayNumber(day).replaceAll('-', '')
    compactDays.set(day, d)
  }
  return d + two(Math.floor(sec / 3600)) + two(Math.floor(sec / 60) % 60) + two(sec % 60)
}

/** `YYYY-MM-DDTHH:mm:ss+07:00` of an instant. */
export function isoVn(at: Instant): string {
  const [day, sec] = split(at)
  let d = isoDays.get(day)
  if (d === undefined) {
    d = dateOfDayNumber(day)
    isoDays.set(day, d)
  }
  return `${d}T${two(Math.floor(sec / 3600))}:${two(Math.floor(sec / 60) % 60)}:${two(sec % 60)}+07:00`
}

/** `yyMMdd` (Vietnam date) of an instant, as in MaHoSo. */
export function yymmddVn(at: Instant): string {
  return compactVn(at).slice(2, 8)
}
