/**
 * @module adapters/http/api/official
 * The portal's published points ("official") next to chiso's ("computed") for one unit and period,
 * from the portal responses saved in the store (`portal_snapshots`, `chiso import portal`).
 *
 * - A snapshot is used when its period (stated by the saved response, see `portal-response.ts`) is
 *   exactly the asked period; responses without a period are never guessed.
 * - A unit of a response is the store's unit when its `departmentId` or `departmentCode` is the
 *   unit's code, or its name is the unit's name (case and Unicode form aside).
 * - Per portal group, the newest capture (then the newest import) that lists the unit is used.
 * - Metric-shaped groups publish points per indicator (metric code → indicator through the rule
 *   set's `portalCode`, then the spec's table); tree-shaped groups publish only the group's points,
 *   which give an indicator's points only when the group has a single indicator that gives points
 *   (progress: 2.1). Every group is also compared as a whole (`groups`).
 */
import { createHash } from 'node:crypto'
import type { Period } from '../../../engine/periods/period.js'
import type { IndicatorCode, RuleSet } from '../../../engine/rules/types.js'
import type { UnitResult } from '../../../engine/score.js'
import { round2 } from '../../../engine/scoring/points.js'
import { parsePortalResponse, PORTAL_GROUP_NAMES, PORTAL_METRIC_CODES, PortalResponseError, type PortalGroup, type PortalResponse, type PortalUnitRow } from '../../portal/portal-response.js'
import { TREE_INDICATOR_INPUTS } from '../../portal/rescore.js'
import { readPortalSnapshots, type PortalSnapshot } from '../../store/read-store.js'
import type { Store } from '../../store/store.js'

/** One indicator: chiso's points, the portal's, and the difference (computed − official). */
export interface OfficialIndicator {
  id: string
  code: string
  name: string
  group: string
  max: number
  computed: number | null
  official: number | null
  diff: number | null
  officialNumerator: number | null
  officialDenominator: number | null
  /** Portal group the official number comes from, or null when the portal publishes none. */
  source: PortalGroup | null
}

/** One portal group of the unit: the published group points and chiso's sum for its indicators. */
export interface OfficialGroup {
  group: PortalGroup
  name: string
  indicators: string[]
  computed: number | null
  official: number | null
  diff: number | null
  capturedAt: string | null
  file: string
}

export interface OfficialComparison {
  /** The newest snapshot used, or null when no saved response covers the unit and period. */
  snapshot: { capturedAt: string | null; file: string; group: PortalGroup } | null
  snapshots: { capturedAt: string | null; file: string; group: PortalGroup; groupName: string }[]
  indicators: OfficialIndicator[]
  groups: OfficialGroup[]
}

const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim()
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString())
const diffOf = (computed: number | null, official: number | null) => (computed === null || official === null ? null : round2(computed - official))

/** Parsed responses, by body (a stored body never changes). */
const parsed = new Map<string, PortalResponse | null>()
function parse(s: PortalSnapshot): PortalResponse | null {
  const key = createHash('sha1').update(s.body).digest('base64')
  if (!parsed.has(key)) {
    try {
      parsed.set(key, parsePortalResponse(s.body, s.fileName))
    } catch (e) {
      if (!(e instanceof PortalResponseError)) throw e
      parsed.set(key, null)
    }
  }
  return parsed.get(key)!
}

function rowOf(response: PortalResponse, unit: { code: string; name: string }): PortalUnitRow | undefined {
  const name = norm(unit.name)
  return response.units.find((r) => r.unitId === unit.code || r.unitCode === unit.code) ?? response.units.find((r) => norm(r.unitName) === name)
}

/** The indicator a metric code stands for, in this rule set. */
function indicatorOf(set: RuleSet, code: string): IndicatorCode | null {
  for (const r of Object.values(set.indicators)) if (r && r.portalCodes.includes(code)) return r.code
  const known = PORTAL_METRIC_CODES[code]
  return known && set.indicators[known.indicator] ? known.indicator : null
}

/** Compare a unit's scores for a period with the newest saved portal responses covering them. */
export async function officialComparison(store: Store, set: RuleSet, period: Period, unit: UnitResult): Promise<OfficialComparison> {
  const newest = new Map<PortalGroup, { s: PortalSnapshot; response: PortalResponse; row: PortalUnitRow }>()
  for (const s of await readPortalSnapshots(store)) {
    if (s.periodFrom !== period.firstDay || s.periodTo !== period.lastDay) continue
    const response = parse(s)
    if (!response) continue
    const row = rowOf(response, unit.unit)
    if (!row) continue
    const had = newest.get(response.group)
    const key = (x: PortalSnapshot) => [x.capturedAt ?? -Infinity, x.importedAt, x.runId]
    if (had) {
      const [a, b] = [key(had.s), key(s)]
      if (a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] > b[2])))) continue
    }
    newest.set(response.group, { s, response, row })
  }

  const byCode = new Map(unit.indicators.map((i) => [i.code as string, i]))
  const computedOf = (code: string): number | null => {
    const i = byCode.get(code)
    return i && i.outcome.kind === 'scored' ? round2(i.outcome.points) : null
  }
  const official = new Map<string, { points: number | null; numerator: number | null; denominator: number | null; group: PortalGroup }>()
  const groups: OfficialGroup[] = []
  for (const [group, { s, response, row }] of newest) {
    let codes: string[]
    if (response.shape === 'metric') {
      codes = []
      for (const m of row.metrics) {
        const code = indicatorOf(set, m.code)
        if (code === null) continue
        if (!codes.includes(code)) codes.push(code)
        const had = official.get(code)
        if (!had || (had.points === null && m.score !== null)) official.set(code, { points: m.score, numerator: m.numerator, denominator: m.denominator, group })
      }
    } else {
      codes = TREE_INDICATOR_INPUTS[group as keyof typeof TREE_INDICATOR_INPUTS].map((x) => x.indicator as string).filter((c) => set.indicators[c as IndicatorCode])
      const scoring = codes.filter((c) => !set.indicators[c as IndicatorCode]!.tracked)
      if (scoring.length === 1) {
        const inputs = TREE_INDICATOR_INPUTS[group as keyof typeof TREE_INDICATOR_INPUTS].find((x) => x.indicator === scoring[0])!
        const num = inputs.numerator.map((p) => row.parameters[p]).every((v) => v !== undefined) ? inputs.numerator.reduce((a, p) => a + row.parameters[p], 0) : null
        official.set(scoring[0], { points: row.totalScore, numerator: num, denominator: row.parameters[inputs.denominator] ?? null, group })
      }
    }
    const points = codes.map(computedOf).filter((x): x is number => x !== null)
    const computed = points.length ? round2(points.reduce((a, b) => a + b, 0)) : null
    groups.push({ group, name: PORTAL_GROUP_NAMES[group], indicators: codes, computed, official: row.totalScore, diff: diffOf(computed, row.totalScore), capturedAt: iso(s.capturedAt), file: s.fileName })
  }

  const indicators: OfficialIndicator[] = unit.indicators.map((i) => {
    const o = official.get(i.code)
    const computed = computedOf(i.code)
    return {
      id: i.code,
      code: i.portalCode ?? i.code,
      name: i.name,
      group: i.groupId,
      max: i.outcome.max,
      computed,
      official: o ? o.points : null,
      diff: o ? diffOf(computed, o.points) : null,
      officialNumerator: o ? o.numerator : null,
      officialDenominator: o ? o.denominator : null,
      source: o ? o.group : null,
    }
  })
  const used = [...newest.values()].sort((a, b) => (b.s.capturedAt ?? 0) - (a.s.capturedAt ?? 0) || b.s.importedAt - a.s.importedAt)
  return {
    snapshot: used.length ? { capturedAt: iso(used[0].s.capturedAt), file: used[0].s.fileName, group: used[0].response.group } : null,
    snapshots: used.map((x) => ({ capturedAt: iso(x.s.capturedAt), file: x.s.fileName, group: x.response.group, groupName: PORTAL_GROUP_NAMES[x.response.group] })),
    indicators,
    groups,
  }
}
