/**
 * @module engine/targets/compliance
 * Does each unit meet a target in a scored period, and what is missing.
 *
 * - `met`: the value is at or above the threshold. Ratios are compared as the engine computes them
 *   (no rounding); points are compared as shown, rounded to 2 decimals.
 * - `not-met`: below; `gap` says how far: for a ratio, the fewest records k moved into the numerator
 *   (denominator unchanged) with ratio(num + k) ≥ threshold — "cần thêm 37 hồ sơ trực tuyến"; for
 *   points, the points missing — "thiếu 1,25 điểm" (and, for one indicator's points, the records).
 * - `no-data`: the unit has nothing to judge (denominator 0, indicator not applicable to it, or not
 *   in the period's rule set): neither met nor failed, `met` is null, and it is not counted in the
 *   "đạt / tổng" of a target.
 */
import type { Unit } from '../model.js'
import { rescoreUnit } from '../planner/rescore.js'
import { indicatorOutcome, type ScoreReport, type UnitResult } from '../score.js'
import { outcomeFor, round2 } from '../scoring/points.js'
import type { TargetDefinition } from './target.js'
import { RECORD_WORDING, viNumber, viPercent } from './wording.js'

export type ComplianceStatus = 'met' | 'not-met' | 'no-data'

/** Vietnamese labels of the statuses. */
export const STATUS_TEXT: Record<ComplianceStatus, string> = { met: 'đạt', 'not-met': 'chưa đạt', 'no-data': 'không có dữ liệu' }

export interface ComplianceGap {
  /** Records to move into the numerator (ratio and indicator-points targets); null when unknown or out of reach. */
  records: number | null
  /** Points missing (points targets); null for ratio targets. */
  points: number | null
  text: string
}

export interface ComplianceRow {
  unitIndex: number
  unit: Unit
  status: ComplianceStatus
  /** Ratio (0…1) or points; null without data. */
  value: number | null
  threshold: number
  /** null = no data (neither met nor failed). */
  met: boolean | null
  gap: ComplianceGap
}

const EPS = 1e-9

/** Smallest k in [lo, hi] with ok(k) (ok monotone), or null when even hi fails. */
function smallestK(lo: number, hi: number, ok: (k: number) => boolean): number | null {
  if (!ok(hi)) return null
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (ok(mid)) hi = mid
    else lo = mid + 1
  }
  return lo
}

const noData = (u: UnitResult, unitIndex: number, threshold: number, why: string): ComplianceRow => ({
  unitIndex, unit: u.unit, status: 'no-data', value: null, threshold, met: null, gap: { records: null, points: null, text: `${STATUS_TEXT['no-data']}: ${why}` },
})

const metRow = (u: UnitResult, unitIndex: number, value: number, threshold: number): ComplianceRow => ({
  unitIndex, unit: u.unit, status: 'met', value, threshold, met: true, gap: { records: 0, points: 0, text: STATUS_TEXT.met },
})

function rowFor(def: TargetDefinition, report: ScoreReport, unitIndex: number): ComplianceRow {
  const u = report.units[unitIndex]
  const t = def.threshold
  const s = def.subject
  if (s.kind === 'total' || s.kind === 'group') {
    let value: number
    if (s.kind === 'total') value = u.total
    else {
      const g = u.groups.find((x) => x.id === s.code)
      if (!g) return noData(u, unitIndex, t, `nhóm ${s.code} không có trong bộ quy tắc "${report.ruleSet.name}"`)
      value = g.points
    }
    if (round2(value) >= t) return metRow(u, unitIndex, value, t)
    const missing = round2(t - round2(value))
    return { unitIndex, unit: u.unit, status: 'not-met', value, threshold: t, met: false, gap: { records: null, points: missing, text: `thiếu ${viNumber(missing)} điểm` } }
  }
  const i = u.indicators.find((x) => x.code === s.code)
  const rule = report.ruleSet.indicators[s.code]
  if (!i || !rule) return noData(u, unitIndex, t, `chỉ tiêu ${s.code} không có trong bộ quy tắc "${report.ruleSet.name}"`)
  const o = i.outcome
  const wording = RECORD_WORDING[s.code]
  const { numerator: num, denominator: den } = o
  const room = Math.max(0, Math.ceil(den - num - EPS))
  // The engine's own scoring of the unit with k more records in the numerator (3.3 × the 1.4 ratio).
  const out14 = (() => {
    const r14 = u.indicators.find((x) => x.code === '1.4')
    const rule14 = report.ruleSet.indicators['1.4']
    return r14 && rule14 ? outcomeFor(rule14, r14.outcome.numerator, r14.outcome.denominator) : null
  })()

  if (s.kind === 'indicator') {
    if (o.kind === 'not-applicable') return noData(u, unitIndex, t, o.reason)
    if (den <= 0) return noData(u, unitIndex, t, 'mẫu số bằng 0')
    const ratioAt = (k: number): number => {
      const r = indicatorOutcome(u.unit, rule, Math.min(den, num + k), den, out14).outcome
      return r.kind === 'scored' && r.ratio !== null ? r.ratio : Math.min(1, Math.min(den, num + k) / den)
    }
    const value = ratioAt(0)
    if (value >= t) return metRow(u, unitIndex, value, t)
    const k = smallestK(0, room, (k) => ratioAt(k) >= t)
    const text = k === null
      ? `không đạt được ${viPercent(t)} chỉ bằng thêm ${wording.gap}: tối đa ${viPercent(ratioAt(room))}${s.code === '3.3' ? ' (tỷ lệ đã nhân với tỷ lệ đồng bộ 1.4)' : ''}`
      : `cần thêm ${viNumber(k, 0)} ${wording.gap}`
    return { unitIndex, unit: u.unit, status: 'not-met', value, threshold: t, met: false, gap: { records: k, points: null, text } }
  }

  // indicator-points
  if (o.kind === 'not-applicable') return noData(u, unitIndex, t, o.reason)
  const value = o.points
  if (round2(value) >= t) return metRow(u, unitIndex, value, t)
  const missing = round2(t - round2(value))
  let records: number | null = null
  if (den > 0 && o.ratio !== null) {
    const pointsAt = (k: number) => {
      const r = rescoreUnit(u, report.ruleSet, { counts: new Map([[s.code, { num: Math.min(den, num + k), den }]]) }).indicators.find((x) => x.code === s.code)!.outcome
      return r.kind === 'scored' ? r.points : 0
    }
    records = smallestK(0, room, (k) => round2(pointsAt(k)) >= t)
  }
  const text = `thiếu ${viNumber(missing)} điểm${records !== null ? ` (cần thêm ${viNumber(records, 0)} ${wording.gap})` : ''}`
  return { unitIndex, unit: u.unit, status: 'not-met', value, threshold: t, met: false, gap: { records, points: missing, text } }
}

/** Compliance of the given units (indices into `report.units`) with a target, in the given order. */
export function compliance(def: TargetDefinition, report: ScoreReport, unitIndices: readonly number[]): ComplianceRow[] {
  return unitIndices.map((u) => rowFor(def, report, u))
}

/** "đạt / tổng" of a set of rows: units with data only. */
export function summarize(rows: readonly ComplianceRow[]): { met: number; total: number; noData: number } {
  let met = 0, total = 0, noData = 0
  for (const r of rows) {
    if (r.status === 'no-data') noData++
    else {
      total++
      if (r.met) met++
    }
  }
  return { met, total, noData }
}
