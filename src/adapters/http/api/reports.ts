/**
 * @module adapters/http/api/reports
 * What every group of API routes shares: the JSON of a unit, a period and a rule set, and the one
 * report of a period (a period over two rule sets is refused, never mixed).
 */
import type { LiveData } from '../../../engine/live/live-data.js'
import type { Instant, Unit } from '../../../engine/model.js'
import { periodTitle, type Period } from '../../../engine/periods/period.js'
import type { PreparedData } from '../../../engine/prepare/dossier-table.js'
import { ruleSetOn } from '../../../engine/rules/build.js'
import type { RuleSet } from '../../../engine/rules/types.js'
import { NoRuleSetError, type IndicatorResult, type ScoreReport } from '../../../engine/score.js'
import { round2 } from '../../../engine/scoring/points.js'
import { ApiError } from './params.js'

export const unitJson = (u: Unit) => ({ code: u.code, name: u.name, level: u.level, parent: u.parent })
export const periodJson = (p: Period) => ({ label: p.label, kind: p.kind, title: periodTitle(p), firstDay: p.firstDay, lastDay: p.lastDay })
export const ruleSetJson = (r: RuleSet) => ({ id: r.id, name: r.name, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo })
/** An instant as ISO 8601, null when missing. */
export const iso = (t: Instant | null | undefined) => (t == null || t !== t ? null : new Date(t).toISOString())

/** What every answer about one unit in one report starts with: the unit, period, rule set, time. */
export function reportHead(unit: Unit, report: ScoreReport) {
  return { unit: unitJson(unit), period: periodJson(report.period), ruleSet: ruleSetJson(report.ruleSet), asOf: iso(report.asOf), provisional: report.provisional }
}

/** Index of a unit by code. @throws {ApiError} 404 for an unknown code */
export function unitIndexOf(d: PreparedData, code: string): number {
  const u = d.units.byCode.get(code)
  if (u === undefined) throw new ApiError(404, `Không có đơn vị mã ${code}`)
  return u
}

/**
 * The single report of a period.
 * @throws {ApiError} 400 when no rule set covers the period or it spans two rule sets
 */
export function singleReport(live: LiveData, period: Period, options: { asOf: Instant; procedureCode?: string }): ScoreReport {
  let reports: ScoreReport[]
  try {
    reports = live.score(period, options)
  } catch (e) {
    if (e instanceof NoRuleSetError) throw new ApiError(400, `Tham số period: ${e.message}`)
    throw e
  }
  if (reports.length !== 1) {
    throw new ApiError(400, `Tham số period: kỳ ${period.label} trải qua ${reports.length} bộ quy tắc; hãy xem từng phần: ${reports.map((r) => r.period.label).join(', ')}`)
  }
  return reports[0]
}

/** The report of a period, or null when no single rule set covers it (trends skip such periods). */
export function reportOrNull(live: LiveData, ruleSets: readonly RuleSet[], period: Period, asOf: Instant): ScoreReport | null {
  const set = ruleSetOn(ruleSets as RuleSet[], period.firstDay)
  if (!set || ruleSetOn(ruleSets as RuleSet[], period.lastDay) !== set) return null
  const reports = live.score(period, { asOf })
  return reports.length === 1 ? reports[0] : null
}

/** Points an indicator lost (max − points), null when not applicable. */
export function pointsLost(i: IndicatorResult): number | null {
  return i.outcome.kind === 'scored' ? round2(i.outcome.max - i.outcome.points) : null
}

/** An indicator's numbers as the API shows them. */
export function indicatorJson(i: IndicatorResult) {
  const o = i.outcome
  return {
    id: i.code,
    code: i.portalCode ?? i.code,
    name: i.name,
    group: i.groupId,
    numerator: o.numerator,
    denominator: o.denominator,
    ratio: o.kind === 'scored' && o.ratio !== null ? Math.round(o.ratio * 1e6) / 1e6 : null,
    points: o.kind === 'scored' ? round2(o.points) : null,
    max: o.max,
    pointsLost: pointsLost(i),
    notApplicable: o.kind === 'not-applicable' ? o.reason : null,
    policy: o.kind === 'scored' && o.policy ? o.policy : null,
    ...(i.code === '2.2' ? { meanProcessingTime: i.value == null ? null : round2(i.value) } : {}),
    notes: i.notes,
  }
}
