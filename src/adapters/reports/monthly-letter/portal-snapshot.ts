/**
 * @module adapters/reports/monthly-letter/portal-snapshot
 * The numbers of a letter that quotes the national portal: one or more responses of the portal's
 * evaluation API (one file per group, saved at a known time) merged into one snapshot. The
 * published points are used as they are; the total of a unit is the sum of the published group
 * points, and the rank is recomputed among the units of the same level in the snapshot. Ratios
 * of tree-shaped groups come from the published counts (`TREE_INDICATOR_INPUTS`).
 */
import type { Instant } from '../../../engine/model.js'
import type { Period } from '../../../engine/periods/period.js'
import type { IndicatorCode, RuleSet } from '../../../engine/rules/types.js'
import { round2 } from '../../../engine/scoring/points.js'
import { PORTAL_GROUP_NAMES, PORTAL_METRIC_CODES, PortalResponseError, type PortalResponse, type PortalUnitRow } from '../../portal/portal-response.js'
import { TREE_INDICATOR_INPUTS } from '../../portal/rescore.js'
import { layoutOf, type ScoreSnapshot, type SnapshotGroup, type SnapshotIndicator, type SnapshotUnit } from './snapshot.js'

const ratio6 = (r: number) => Math.round(r * 1e6) / 1e6

/** Legal indicator codes a response carries. */
function indicatorCodesOf(ruleSet: RuleSet, response: PortalResponse): IndicatorCode[] {
  if (response.shape === 'tree') return TREE_INDICATOR_INPUTS[response.group as keyof typeof TREE_INDICATOR_INPUTS].map((s) => s.indicator)
  const out = new Set<IndicatorCode>()
  for (const u of response.units) for (const m of u.metrics) {
    const code = codeOfMetric(ruleSet, m.code)
    if (code) out.add(code)
  }
  return [...out]
}

function codeOfMetric(ruleSet: RuleSet, portalCode: string): IndicatorCode | null {
  for (const rule of Object.values(ruleSet.indicators)) if (rule && rule.portalCode === portalCode) return rule.code
  return PORTAL_METRIC_CODES[portalCode]?.indicator ?? null
}

interface MergedUnit {
  id: string
  code: string | null
  name: string
  level: SnapshotUnit['level']
  isRoot: boolean
  groups: Map<string, SnapshotGroup>
  indicators: Map<string, SnapshotIndicator>
}

/**
 * Merge portal responses into a snapshot.
 * @param responses parsed responses, at most one per group
 * @param ruleSet the rule set in force for the period (group names, maxima, indicator names)
 * @param period the period the responses are for; a response stating another period is refused
 * @param asOf when the responses were taken from the portal
 * @throws PortalResponseError for a response of another period, a group given twice, or an unknown group
 */
export function snapshotFromPortal(responses: PortalResponse[], ruleSet: RuleSet, period: Period, asOf: Instant): ScoreSnapshot {
  const warnings: string[] = []
  const units = new Map<string, MergedUnit>()
  const seenGroups = new Map<string, string>()
  for (const resp of responses) {
    if (resp.period && (resp.period.from !== period.firstDay || resp.period.to !== period.lastDay)) {
      throw new PortalResponseError(resp.file, `là số liệu ${resp.period.label} (${resp.period.from} đến ${resp.period.to}), không phải kỳ ${period.label} (${period.firstDay} đến ${period.lastDay})`)
    }
    const codes = indicatorCodesOf(ruleSet, resp)
    const group = ruleSet.groups.find((g) => codes.some((c) => g.indicators.includes(c)))
    if (!group) throw new PortalResponseError(resp.file, `nhóm "${PORTAL_GROUP_NAMES[resp.group]}" không ứng với nhóm nào của bộ quy tắc ${ruleSet.id}`)
    const prev = seenGroups.get(group.id)
    if (prev) throw new PortalResponseError(resp.file, `nhóm ${group.id} (${group.name}) đã có trong tệp ${prev}; mỗi nhóm chỉ dùng một tệp`)
    seenGroups.set(group.id, resp.file)
    for (const w of resp.warnings) warnings.push(`${resp.file}: ${w}`)
    for (const row of resp.units) {
      let u = units.get(row.unitId)
      if (!u) {
        u = { id: row.unitId, code: row.unitCode, name: row.unitName, level: row.level, isRoot: row.isRoot, groups: new Map(), indicators: new Map() }
        units.set(row.unitId, u)
      }
      if (row.unitCode) u.code = row.unitCode
      // Metric-shaped rows carry the precise type (PROVINCIAL_DEPARTMENT, COMMUNE…): prefer them.
      if (resp.shape === 'metric') u.level = row.level
      u.isRoot ||= row.isRoot
      u.groups.set(group.id, { id: group.id, name: group.name, points: row.totalScore === null ? null : round2(row.totalScore), max: row.totalMaxScore ?? group.max })
      for (const ind of indicatorsOf(resp, ruleSet, group.id, row)) {
        const had = u.indicators.get(ind.code)
        u.indicators.set(ind.code, had ? combine(had, ind) : ind)
      }
    }
  }
  const present = ruleSet.groups.filter((g) => seenGroups.has(g.id))
  const missing = ruleSet.groups.filter((g) => !seenGroups.has(g.id))
  if (missing.length) {
    warnings.push(`Số liệu Cổng không có nhóm ${missing.map((g) => `${g.id} (${g.name})`).join(', ')}: tổng điểm chỉ cộng các nhóm có trong tệp, trên tổng điểm tối đa của các nhóm đó.`)
  }
  const layout = layoutOf(ruleSet)
  layout.groups = layout.groups.filter((g) => seenGroups.has(g.id))
  const root = [...units.values()].find((u) => u.isRoot)
  const out: SnapshotUnit[] = [...units.values()].map((u) => {
    const groups = present.map((g) => u.groups.get(g.id) ?? { id: g.id, name: g.name, points: null, max: g.max })
    const indicators = present.flatMap((g) => g.indicators.map((c) => u.indicators.get(c)).filter((x): x is SnapshotIndicator => !!x))
    return {
      code: u.code ?? u.id,
      portalId: u.id,
      name: u.name,
      level: u.level,
      parent: u.isRoot || !root ? null : (root.code ?? root.id),
      total: round2(groups.reduce((s, g) => s + (g.points ?? 0), 0)),
      max: groups.reduce((s, g) => s + g.max, 0),
      rank: 0,
      peers: 0,
      groups,
      indicators,
    }
  })
  rankSnapshotUnits(out)
  return {
    source: { kind: 'portal', asOf, files: responses.map((r) => r.file) },
    period,
    layout,
    provisional: asOf < period.end,
    units: out,
    warnings,
  }
}

function combine(a: SnapshotIndicator, b: SnapshotIndicator): SnapshotIndicator {
  const numerator = a.numerator === null || b.numerator === null ? null : a.numerator + b.numerator
  const denominator = a.denominator === null || b.denominator === null ? null : a.denominator + b.denominator
  const points = a.points === null && b.points === null ? null : round2((a.points ?? 0) + (b.points ?? 0))
  return { ...a, numerator, denominator, ratio: numerator !== null && denominator ? ratio6(Math.min(1, numerator / denominator)) : null, points }
}

function indicatorsOf(resp: PortalResponse, ruleSet: RuleSet, groupId: string, row: PortalUnitRow): SnapshotIndicator[] {
  const out: SnapshotIndicator[] = []
  if (resp.shape === 'metric') {
    for (const m of row.metrics) {
      const code = codeOfMetric(ruleSet, m.code)
      const rule = code ? ruleSet.indicators[code] : undefined
      if (!code || !rule) continue
      const ind: SnapshotIndicator = {
        code,
        name: rule.name,
        groupId,
        numerator: m.numerator,
        denominator: m.denominator,
        ratio: m.ratio === null ? null : ratio6(m.ratio / 100),
        points: rule.tracked || m.score === null ? null : round2(m.score),
        max: m.maxScore ?? rule.max,
        tracked: rule.tracked,
      }
      const quality = [m.dataQualityStatus, m.dataQualityMessage].filter(Boolean).join(' – ')
      if (quality) ind.note = `Chất lượng dữ liệu: ${quality}`
      out.push(ind)
    }
    return out
  }
  const specs = TREE_INDICATOR_INPUTS[resp.group as keyof typeof TREE_INDICATOR_INPUTS]
  const scoring = specs.filter((s) => !(ruleSet.indicators[s.indicator]?.tracked ?? true) && (ruleSet.indicators[s.indicator]?.max ?? 0) > 0)
  for (const s of specs) {
    const rule = ruleSet.indicators[s.indicator]
    if (!rule) continue
    const names = [...s.numerator, s.denominator]
    const has = names.every((p) => p in row.parameters)
    const numerator = has ? s.numerator.reduce((sum, p) => sum + row.parameters[p], 0) : null
    const denominator = has ? row.parameters[s.denominator] : null
    // A group with one scoring indicator publishes that indicator's points as the group's points.
    const sole = scoring.length === 1 && scoring[0].indicator === s.indicator
    const points = sole && row.totalScore !== null ? round2(row.totalScore) : null
    out.push({
      code: s.indicator,
      name: rule.name,
      groupId,
      numerator,
      denominator,
      ratio: numerator !== null && denominator ? ratio6(Math.min(1, numerator / denominator)) : null,
      points,
      max: rule.max,
      tracked: rule.tracked,
      ...(sole ? {} : { note: 'Cổng chỉ công bố điểm của nhóm' }),
      ...(points === null || numerator === null ? { notPublished: true } : {}),
    })
  }
  return out
}

/** Rank units among those of the same parent and level; ties (2 decimals) share a rank. */
export function rankSnapshotUnits(units: SnapshotUnit[]): void {
  const byKey = new Map<string, SnapshotUnit[]>()
  for (const u of units) {
    const key = `${u.parent ?? ''}|${u.level}`
    const list = byKey.get(key) ?? []
    list.push(u)
    byKey.set(key, list)
  }
  for (const list of byKey.values()) {
    const sorted = [...list].sort((a, b) => b.total - a.total)
    sorted.forEach((u, i) => {
      u.rank = i > 0 && sorted[i - 1].total === u.total ? sorted[i - 1].rank : i + 1
      u.peers = list.length
    })
  }
}
