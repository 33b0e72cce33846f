/**
 * @module adapters/portal/rescore
 * Recomputes, with chiso's rule set, every unit's points of a portal response from the counts the
 * portal publishes, and compares them with the portal's points. One row per unit × indicator, plus
 * one group-total row per unit. Every computed number comes from the rule set (maxima, points rules,
 * thresholds, zero-denominator and commune policies) and the response's counts; nothing published is
 * copied into a computed score.
 *
 * Decisions (see `docs/conformance.md`):
 * - tracked indicators (max 0, e.g. 5.1) give no points: computed score null, which agrees with a
 *   published null (or 0);
 * - N/A (zero denominator under a `not-applicable` policy) is computed as null and agrees only with
 *   a published null;
 * - tree-shaped responses publish only the group's points: their per-indicator rows have status
 *   `not-published` and are checked through the unit's group-total row;
 * - a row the response carries no inputs for is `not-recomputable` and counted in `unmatched`.
 */
import type { UnitLevel } from '../../engine/model.js'
import { ruleSetOn } from '../../engine/rules/build.js'
import type { IndicatorCode, IndicatorRule, RuleSet } from '../../engine/rules/types.js'
import { outcomeFor } from '../../engine/scoring/points.js'
import {
  PORTAL_METRIC_CODES,
  type PortalGroup,
  type PortalMetric,
  type PortalPeriod,
  type PortalResponse,
  type PortalUnitRow,
} from './portal-response.js'

/** Tolerance, in points, between chiso's unrounded points and the portal's 2-decimal points. */
export const RESCORE_TOLERANCE = 0.015

/** Date whose rule set is used when neither the response nor the caller gives a period. */
export const DEFAULT_RULE_DATE = '2026-08-01'

/** No rule set is in force on the date chosen for a response. */
export class NoRuleSetError extends Error {
  constructor(readonly date: string) {
    super(`Không có bộ quy tắc nào có hiệu lực ngày ${date}.`)
    this.name = 'NoRuleSetError'
  }
}

/** `indicator` value of a unit's group-total row. */
export const GROUP_TOTAL = 'total'

/**
 * - `match`: chiso's points are within the tolerance of the portal's (or both are null / N/A);
 * - `mismatch`: they differ, or the maxima differ;
 * - `not-published`: the portal publishes no points for this indicator of the unit (tree-shaped
 *   groups publish only the group's points); checked through the unit's group-total row;
 * - `not-recomputable`: the response carries no inputs for the row.
 */
export type RescoreStatus = 'match' | 'mismatch' | 'not-published' | 'not-recomputable'

/** One unit × indicator (or unit × group total) of a rescored response. */
export interface RescoreRow {
  group: PortalGroup
  unitId: string
  unitName: string
  level: UnitLevel
  /** Legal code (e.g. `1.4`), `total` for the group-total row, or the portal code if unmapped. */
  indicator: string
  /** The portal's metric code, for metric-shaped rows. */
  portalCode?: string
  numerator: number | null
  denominator: number | null
  /** Published points (2 decimals), or null when the portal shows none. */
  officialScore: number | null
  /** chiso's points, unrounded; null for N/A, tracked indicators and rows without inputs. */
  computedScore: number | null
  /** |computed − official| when both are numbers; 0 when both are null; otherwise null. */
  diff: number | null
  status: RescoreStatus
  /** Why a row is what it is (policy applied, missing inputs, differing maxima…), in Vietnamese. */
  note?: string
  dataQualityStatus?: string
  dataQualityMessage?: string
}

export interface RescoreSummary {
  rows: number
  /** Rows with status `match`. */
  withinTolerance: number
  /** Rows with status `not-published` (checked through their group-total row). */
  notPublished: number
  tolerance: number
  /** Largest `diff` over the rows that were compared. */
  largestDiff: number
  /** Rows with status `mismatch` or `not-recomputable`. */
  unmatched: RescoreRow[]
}

export interface RescoreResult {
  group: PortalGroup
  period?: PortalPeriod
  /** Id of the rule set used. */
  ruleSetId: string
  rows: RescoreRow[]
  summary: RescoreSummary
  /** Warnings about the response (partial page, missing rule-set group…), in Vietnamese. */
  warnings: string[]
}

type TreeGroup = 'dvc-progress-tree' | 'provide-online-tree' | 'formality-online-payment-tree'

/**
 * How each tree-shaped group's indicators are computed from the portal's parameters
 * (`shared/spec/indicators.md`, table "Points from a ratio").
 */
export const TREE_INDICATOR_INPUTS: Record<TreeGroup, readonly { indicator: IndicatorCode; numerator: readonly string[]; denominator: string }[]> = {
  'dvc-progress-tree': [{ indicator: '2.1', numerator: ['totalOnTime'], denominator: 'totalReceived' }],
  'provide-online-tree': [
    { indicator: '3.1', numerator: ['partialCount', 'fullCount'], denominator: 'authorityCount' },
    { indicator: '3.2', numerator: ['onlineDossierCount'], denominator: 'onlineServiceTotal' },
    { indicator: '3.3', numerator: ['channelOnlineSum'], denominator: 'channelTotalSum' },
  ],
  'formality-online-payment-tree': [
    { indicator: '3.5a', numerator: ['totalFeeDossierFormality'], denominator: 'totalFeeFormality' },
    { indicator: '3.5b', numerator: ['totalDossierOnlineFormalityPaymentSuccess'], denominator: 'totalFeeFormality' },
    { indicator: '3.6', numerator: ['totalDossierOnlinePaymentSuccess'], denominator: 'totalDossierFinancialObligation' },
  ],
}

/**
 * How a group's published total is formed. `sum`: the sum of the unrounded points of the indicators
 * that have a score (spec, "Zero denominator" and "Rounding"). `rounded-components`: the portal's
 * published payment formula (spec, "Payment detail"): the group ratio is the sum of each indicator's
 * share 100 × points / group maximum, each rounded to one decimal, and points = ratio × maximum / 100.
 */
const TOTAL_METHOD: Record<PortalGroup, 'sum' | 'rounded-components'> = {
  transparency: 'sum',
  'handling-satisfaction': 'sum',
  'dossier-digitized': 'sum',
  'dvc-progress-tree': 'sum',
  'provide-online-tree': 'sum',
  'formality-online-payment-tree': 'rounded-components',
}

const EPS = 1e-9

/** Vietnamese number with a decimal comma, `digits` decimals. */
export function viNumber(x: number, digits = 2): string {
  const r = Math.sign(x) * (Math.round(Math.abs(x) * 10 ** digits + EPS) / 10 ** digits)
  return r.toFixed(digits).replace('.', ',')
}

function round1(x: number): number {
  return (Math.sign(x) * Math.round(Math.abs(x) * 10 + EPS)) / 10
}

interface Computed {
  score: number | null
  notes: string[]
}

/** chiso's points for one indicator of one unit, from published counts. */
function computeIndicator(rule: IndicatorRule, numerator: number | null, denominator: number | null, level: UnitLevel): Computed {
  if (rule.tracked) return { score: null, notes: ['Chỉ tiêu chỉ theo dõi, không tính điểm'] }
  if (level === 'commune' && rule.commune === 'not-applicable') return { score: null, notes: ['Không áp dụng cho cấp xã (N/A)'] }
  if (level === 'commune' && rule.commune === 'full-points') return { score: rule.max, notes: ['Cấp xã được điểm tối đa theo bộ quy tắc'] }
  const notes: string[] = []
  if (numerator === null || denominator === null) notes.push('Cổng không công bố tử số/mẫu số: coi như mẫu số bằng 0')
  const o = outcomeFor(rule, numerator ?? 0, denominator ?? 0)
  if (o.kind === 'not-applicable') return { score: null, notes: [...notes, 'Mẫu số bằng 0: không áp dụng (N/A)'] }
  if (o.policy) notes.push(o.policy)
  return { score: o.points, notes }
}

function compare(official: number | null, computed: number | null, tracked: boolean): { diff: number | null; status: 'match' | 'mismatch' } {
  if (computed === null) {
    if (official === null || (tracked && official === 0)) return { diff: 0, status: 'match' }
    return { diff: null, status: 'mismatch' }
  }
  if (official === null) return { diff: null, status: 'mismatch' }
  const diff = Math.abs(computed - official)
  return { diff, status: diff <= RESCORE_TOLERANCE + EPS ? 'match' : 'mismatch' }
}

/** The indicator a portal metric code stands for: the rule set's `portalCode` first, then the spec's table. */
function indicatorForCode(ruleSet: RuleSet, code: string): { rule: IndicatorRule | null; indicator: string; note?: string } {
  for (const rule of Object.values(ruleSet.indicators)) if (rule && rule.portalCodes.includes(code)) return { rule, indicator: rule.code }
  const known = PORTAL_METRIC_CODES[code]
  if (!known) return { rule: null, indicator: code, note: `Không tính lại được: mã chỉ số ${code} không có trong bộ quy tắc hay bảng mã Cổng` }
  const rule = ruleSet.indicators[known.indicator] ?? null
  if (!rule) return { rule: null, indicator: known.indicator, note: `Không tính lại được: bộ quy tắc ${ruleSet.id} không có chỉ tiêu ${known.indicator}` }
  return {
    rule,
    indicator: known.indicator,
    note: `Mã Cổng ${code} chưa khai báo trong rules/indicators/${known.indicator}.yaml (portalCode: ${rule.portalCode ?? 'null'}); gắn với chỉ tiêu ${known.indicator} theo bảng mã của đặc tả`,
  }
}

function joinNotes(notes: (string | undefined)[]): string | undefined {
  const n = notes.filter((x): x is string => !!x)
  return n.length ? n.join('; ') : undefined
}

/**
 * Check the rule set's group against the response's group: same indicators with points, same
 * maximum. Returns a note for each disagreement (each one makes the group-total row a mismatch).
 */
function groupChecks(ruleSet: RuleSet, codes: string[], unit: PortalUnitRow): string[] {
  const notes: string[] = []
  const groups = ruleSet.groups.filter((g) => g.indicators.some((c) => codes.includes(c)))
  if (groups.length !== 1) {
    notes.push(`Các chỉ tiêu ${codes.join(', ')} thuộc ${groups.length} nhóm trong bộ quy tắc ${ruleSet.id}`)
    return notes
  }
  const g = groups[0]
  const missing = g.indicators.filter((c) => !codes.includes(c) && (ruleSet.indicators[c]?.max ?? 0) > 0)
  if (missing.length) notes.push(`Nhóm ${g.id} của bộ quy tắc còn có chỉ tiêu ${missing.join(', ')} mà phản hồi không có`)
  if (unit.totalMaxScore !== null && Math.abs(unit.totalMaxScore - g.max) > EPS) {
    notes.push(`Điểm tối đa của nhóm: Cổng ${viNumber(unit.totalMaxScore)}, bộ quy tắc ${ruleSet.id} ${viNumber(g.max)}`)
  }
  return notes
}

interface IndicatorPart {
  indicator: string
  rule: IndicatorRule | null
  score: number | null
  recomputable: boolean
}

/** The group-total row of a unit, from its indicator rows. */
function totalRow(group: PortalGroup, ruleSet: RuleSet, unit: PortalUnitRow, parts: IndicatorPart[]): RescoreRow {
  const base = {
    group,
    unitId: unit.unitId,
    unitName: unit.unitName,
    level: unit.level,
    indicator: GROUP_TOTAL,
    numerator: null,
    denominator: null,
    officialScore: unit.totalScore,
  }
  if (parts.length === 0) {
    return { ...base, computedScore: null, diff: null, status: 'not-recomputable', note: 'Không tính lại được: phản hồi không có chỉ số nào cho đơn vị này' }
  }
  const blocked = parts.filter((p) => !p.recomputable)
  if (blocked.length) {
    return {
      ...base,
      computedScore: null,
      diff: null,
      status: 'not-recomputable',
      note: `Không tính lại được vì không tính lại được ${blocked.map((p) => p.indicator).join(', ')}`,
    }
  }
  const codes = [...new Set(parts.map((p) => p.indicator))]
  const structural = groupChecks(ruleSet, codes, unit)
  const notes = [...structural]
  const scored = parts.filter((p) => p.score !== null)
  const unrounded = scored.reduce((s, p) => s + (p.score as number), 0)
  let computed: number | null = scored.length ? unrounded : null
  // Spec "Payment detail": ratio = Σ round1(100 × points / G), points = ratio × G / 100, where G
  // is the group's maximum (sum of its indicators' maxima in the rule set).
  const G = parts.reduce((s, p) => s + (p.rule?.max ?? 0), 0)
  if (TOTAL_METHOD[group] === 'rounded-components' && scored.length && G > 0) {
    const ratio = scored.reduce((s, p) => s + round1((100 * (p.score as number)) / G), 0)
    computed = (ratio * G) / 100
    notes.push(`Công thức Cổng (đặc tả, "Payment detail"): tỷ lệ nhóm ${viNumber(ratio, 1)}% = tổng các thành phần làm tròn 0,1; tổng điểm chưa làm tròn ${viNumber(unrounded, 3)}`)
    if (unit.ratio !== null && Math.abs(unit.ratio - ratio) > 0.05 + EPS) notes.push(`Tỷ lệ nhóm Cổng công bố ${viNumber(unit.ratio, 1)}%`)
  }
  const cmp = compare(unit.totalScore, computed, false)
  return { ...base, computedScore: computed, diff: cmp.diff, status: structural.length ? 'mismatch' : cmp.status, note: joinNotes(notes) }
}

function metricRows(group: PortalGroup, ruleSet: RuleSet, unit: PortalUnitRow): RescoreRow[] {
  const rows: RescoreRow[] = []
  const parts: IndicatorPart[] = []
  for (const m of unit.metrics) {
    const row = metricRow(group, ruleSet, unit, m)
    rows.push(row.row)
    parts.push(row.part)
  }
  rows.push(totalRow(group, ruleSet, unit, parts))
  return rows
}

function metricRow(group: PortalGroup, ruleSet: RuleSet, unit: PortalUnitRow, m: PortalMetric): { row: RescoreRow; part: IndicatorPart } {
  const mapped = indicatorForCode(ruleSet, m.code)
  const base = {
    group,
    unitId: unit.unitId,
    unitName: unit.unitName,
    level: unit.level,
    indicator: mapped.indicator,
    portalCode: m.code,
    numerator: m.numerator,
    denominator: m.denominator,
    officialScore: m.score,
    ...(m.dataQualityStatus !== undefined ? { dataQualityStatus: m.dataQualityStatus } : {}),
    ...(m.dataQualityMessage !== undefined ? { dataQualityMessage: m.dataQualityMessage } : {}),
  }
  if (!mapped.rule) {
    return {
      row: { ...base, computedScore: null, diff: null, status: 'not-recomputable', note: mapped.note },
      part: { indicator: mapped.indicator, rule: null, score: null, recomputable: false },
    }
  }
  const rule = mapped.rule
  const c = computeIndicator(rule, m.numerator, m.denominator, unit.level)
  const cmp = compare(m.score, c.score, rule.tracked)
  const notes = [mapped.note, ...c.notes]
  let status: RescoreStatus = cmp.status
  if (m.maxScore !== null && Math.abs(m.maxScore - rule.max) > EPS) {
    notes.push(`Điểm tối đa: Cổng ${viNumber(m.maxScore)}, bộ quy tắc ${viNumber(rule.max)}`)
    status = 'mismatch'
  }
  if (m.dataQualityStatus || m.dataQualityMessage) notes.push(`Chất lượng dữ liệu: ${[m.dataQualityStatus, m.dataQualityMessage].filter(Boolean).join(' – ')}`)
  return {
    row: { ...base, computedScore: c.score, diff: cmp.diff, status, note: joinNotes(notes) },
    part: { indicator: rule.code, rule, score: c.score, recomputable: true },
  }
}

function treeRows(group: TreeGroup, ruleSet: RuleSet, unit: PortalUnitRow): RescoreRow[] {
  const rows: RescoreRow[] = []
  const parts: IndicatorPart[] = []
  const specs = TREE_INDICATOR_INPUTS[group]
  // A group with a single indicator that gives points (progress: 2.1, 2.2 being tracked): the
  // published group points are that indicator's points, so its row is compared with them.
  const scoring = specs.filter((s) => (ruleSet.indicators[s.indicator]?.max ?? 0) > 0)
  const sole = scoring.length === 1 && unit.totalMaxScore !== null && Math.abs(unit.totalMaxScore - ruleSet.indicators[scoring[0].indicator]!.max) < EPS ? scoring[0].indicator : null
  for (const spec of specs) {
    const official = spec.indicator === sole ? unit.totalScore : null
    const base = { group, unitId: unit.unitId, unitName: unit.unitName, level: unit.level, indicator: spec.indicator, officialScore: official }
    const names = [...spec.numerator, spec.denominator]
    const missing = names.filter((p) => !(p in unit.parameters))
    const rule = ruleSet.indicators[spec.indicator] ?? null
    if (missing.length || !rule) {
      const note = !rule
        ? `Không tính lại được: bộ quy tắc ${ruleSet.id} không có chỉ tiêu ${spec.indicator}`
        : `Không tính lại được: phản hồi không có tham số ${missing.join(', ')} cho đơn vị này (Cổng chỉ công bố điểm nhóm)`
      rows.push({ ...base, numerator: null, denominator: null, computedScore: null, diff: null, status: 'not-recomputable', note })
      parts.push({ indicator: spec.indicator, rule, score: null, recomputable: false })
      continue
    }
    const numerator = spec.numerator.reduce((s, p) => s + unit.parameters[p], 0)
    const denominator = unit.parameters[spec.denominator]
    const c = computeIndicator(rule, numerator, denominator, unit.level)
    const formula = spec.numerator.length > 1 ? `(${spec.numerator.join(' + ')}) / ${spec.denominator}` : `${spec.numerator[0]} / ${spec.denominator}`
    if (sole === spec.indicator) {
      const cmp = compare(official, c.score, rule.tracked)
      rows.push({
        ...base,
        numerator,
        denominator,
        computedScore: c.score,
        diff: cmp.diff,
        status: cmp.status,
        note: joinNotes([formula, ...c.notes, `Nhóm chỉ có ${spec.indicator} tính điểm: so với điểm nhóm Cổng công bố`]),
      })
    } else {
      rows.push({ ...base, numerator, denominator, computedScore: c.score, diff: null, status: 'not-published', note: joinNotes([formula, ...c.notes]) })
    }
    parts.push({ indicator: spec.indicator, rule, score: c.score, recomputable: true })
  }
  rows.push(totalRow(group, ruleSet, unit, parts))
  return rows
}

/** Summary figures of a set of rows. */
export function summarize(rows: RescoreRow[]): RescoreSummary {
  let largestDiff = 0
  for (const r of rows) if (r.diff !== null && (r.status === 'match' || r.status === 'mismatch')) largestDiff = Math.max(largestDiff, r.diff)
  return {
    rows: rows.length,
    withinTolerance: rows.filter((r) => r.status === 'match').length,
    notPublished: rows.filter((r) => r.status === 'not-published').length,
    tolerance: RESCORE_TOLERANCE,
    largestDiff,
    unmatched: rows.filter((r) => r.status === 'mismatch' || r.status === 'not-recomputable'),
  }
}

/**
 * Recompute every unit's points of a portal response with a rule set, and compare them with the
 * published points. Pure: the caller reads the file and chooses the rule set
 * (see {@link ruleSetForResponse}).
 */
export function rescorePortalResponse(response: PortalResponse, ruleSet: RuleSet): RescoreResult {
  const rows: RescoreRow[] = []
  for (const unit of response.units) {
    if (response.shape === 'metric') rows.push(...metricRows(response.group, ruleSet, unit))
    else rows.push(...treeRows(response.group as TreeGroup, ruleSet, unit))
  }
  return {
    group: response.group,
    ...(response.period ? { period: response.period } : {}),
    ruleSetId: ruleSet.id,
    rows,
    summary: summarize(rows),
    warnings: [...response.warnings],
  }
}

/**
 * The rule set for a response: the one in force on `date` if given, else on the first day of the
 * period (the caller's, else the response's), else on {@link DEFAULT_RULE_DATE}.
 * @throws NoRuleSetError when no rule set is in force on that date.
 */
export function ruleSetForResponse(
  sets: RuleSet[],
  response: Pick<PortalResponse, 'period'>,
  options: { date?: string; period?: PortalPeriod } = {}
): { ruleSet: RuleSet; date: string; period?: PortalPeriod; warnings: string[] } {
  const warnings: string[] = []
  const period = options.period ?? response.period
  let date: string
  if (options.date) date = options.date
  else if (period) date = period.from
  else {
    date = DEFAULT_RULE_DATE
    warnings.push(`Phản hồi không ghi kỳ đánh giá: dùng bộ quy tắc có hiệu lực ngày ${DEFAULT_RULE_DATE} (mặc định); có thể chỉ định kỳ hoặc ngày để chọn bộ quy tắc khác.`)
  }
  const ruleSet = ruleSetOn(sets, date)
  if (!ruleSet) throw new NoRuleSetError(date)
  if (period && !options.date) {
    const atEnd = ruleSetOn(sets, period.to)
    if (atEnd && atEnd.id !== ruleSet.id) {
      warnings.push(`Kỳ ${period.label} nằm trên hai bộ quy tắc (${ruleSet.id} và ${atEnd.id}); dùng bộ quy tắc có hiệu lực ngày đầu kỳ (${ruleSet.id}).`)
    }
  }
  return { ruleSet, date, ...(period ? { period } : {}), warnings }
}
