/**
 * @module adapters/http/api/params
 * Query-string checks for the read API: every parameter is validated and every refusal names
 * the parameter in Vietnamese, so a caller knows what to fix.
 */
import { UNIT_LEVELS, type UnitLevel } from '../../../engine/model.js'
import { parsePeriod, PeriodError, type Period } from '../../../engine/periods/period.js'

/** A refusal of the read API: HTTP status and a Vietnamese message, sent as `{ error }`. */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** Raw query of a request (values may be arrays when a parameter is repeated). */
export type RawQuery = Record<string, unknown>

/** Refuse parameters the route does not know. */
export function onlyParams(q: RawQuery, allowed: readonly string[]): void {
  const unknown = Object.keys(q).filter((k) => !allowed.includes(k))
  if (unknown.length) {
    const list = allowed.length ? allowed.join(', ') : 'không có'
    throw new ApiError(400, `Tham số ${unknown.join(', ')} không được hỗ trợ (các tham số hợp lệ: ${list})`)
  }
}

/** A single string parameter, or undefined when absent. */
export function stringParam(q: RawQuery, name: string): string | undefined {
  const v = q[name]
  if (v === undefined) return undefined
  if (typeof v !== 'string') throw new ApiError(400, `Tham số ${name} chỉ được truyền một lần`)
  if (v.trim() === '') throw new ApiError(400, `Tham số ${name} không được để trống`)
  return v.trim()
}

/** The required `period` parameter. */
export function periodParam(q: RawQuery, name = 'period'): Period {
  const v = stringParam(q, name)
  if (v === undefined) throw new ApiError(400, `Thiếu tham số ${name} (ví dụ 2026-08, 2026-Q3, 2026)`)
  try {
    return parsePeriod(v)
  } catch (e) {
    if (e instanceof PeriodError) throw new ApiError(400, `Tham số ${name}: ${e.message}`)
    throw e
  }
}

/** An optional unit level (`level`). */
export function levelParam(q: RawQuery, name = 'level'): UnitLevel | undefined {
  const v = stringParam(q, name)
  if (v === undefined) return undefined
  if (!(UNIT_LEVELS as readonly string[]).includes(v)) throw new ApiError(400, `Tham số ${name} "${v}" không hợp lệ; các giá trị: ${UNIT_LEVELS.join(', ')}`)
  return v as UnitLevel
}

/** An optional value among a fixed list. */
export function enumParam<T extends string>(q: RawQuery, name: string, values: readonly T[]): T | undefined {
  const v = stringParam(q, name)
  if (v === undefined) return undefined
  if (!(values as readonly string[]).includes(v)) throw new ApiError(400, `Tham số ${name} "${v}" không hợp lệ; các giá trị: ${values.join(', ')}`)
  return v as T
}

/** An optional integer in [min, max], `fallback` when absent. */
export function intParam(q: RawQuery, name: string, min: number, max: number, fallback: number): number {
  const v = stringParam(q, name)
  if (v === undefined) return fallback
  if (!/^\d+$/.test(v) || +v < min || +v > max) throw new ApiError(400, `Tham số ${name} "${v}" phải là số nguyên từ ${min} đến ${max}`)
  return +v
}
