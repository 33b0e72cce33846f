/**
 * @module engine/score
 * Scores every unit for a period with the rule set in force: numerators, denominators, ratios,
 * points per indicator, group points, totals and ranks among peers. Pure: prepared records and a
 * period in, numbers out.
 */
import type { WorkingTime } from './calendar-port.js'
import { DOSSIER_INDICATORS } from './indicators/dossier-indicators.js'
import { PROCEDURE_INDICATORS } from './indicators/procedure-indicators.js'
import { countPublication } from './indicators/publication-indicators.js'
import { isClassified, petitionDissatisfaction, petitionLateness } from './indicators/petition-indicators.js'
import type { PeriodContext } from './indicators/types.js'
import type { Instant, Procedure, Unit } from './model.js'
import { monthsOf, parsePeriod, previousPeriod, splitPeriod, type Period } from './periods/period.js'
import { F, lowerBound, type DossierTable, type PreparedData } from './prepare/dossier-table.js'
import { ruleSetOn } from './rules/build.js'
import type { IndicatorCode, IndicatorRule, RuleSet } from './rules/types.js'
import { outcomeFor, pointsForRatio, round2, type IndicatorOutcome } from './scoring/points.js'

export interface ScoreOptions {
  /** Time the data are taken at; unfinished dossiers are judged at min(period end, asOf). */
  asOf: Instant
  /** Only this procedure's dossiers and catalogue entry (per-procedure view). */
  procedureCode?: string
}

export interface IndicatorResult {
  code: IndicatorCode
  portalCode: string | null
  name: string
  groupId: string
  outcome: IndicatorOutcome
  /** 2.2: mean processing time (days or hours, per the procedures' units). */
  value?: number | null
  notes: string[]
}

export interface GroupResult {
  id: string
  name: string
  points: number
  max: number
}

export interface UnitResult {
  unit: Unit
  total: number
  max: number
  rank: number
  peers: number
  groups: GroupResult[]
  indicators: IndicatorResult[]
}

export interface ScoreReport {
  period: Period
  ruleSet: RuleSet
  asOf: Instant
  /** The period is not over at `asOf`: numbers may still change. */
  provisional: boolean
  units: UnitResult[]
  warnings: string[]
}

/** Counters per unit for the dossier indicators: [den, loss] × indicators, then 2.2 count, sum. */
const DI = DOSSIER_INDICATORS
const K = DI.length * 2 + 2
const K_22_COUNT = DI.length * 2
const K_22_SUM = K_22_COUNT + 1

/** Cached per prepared dataset: procedure applicability rolled up to ancestors. */
const appliesSubCache = new WeakMap<PreparedData, Uint8Array>()

/** Procedure applies to a unit or one of its sub-units: `[u * P + p]`. */
export function appliesSub(d: PreparedData): Uint8Array {
  let a = appliesSubCache.get(d)
  if (!a) {
    a = orRollUp(d, d.applies)
    appliesSubCache.set(d, a)
  }
  return a
}

function orRollUp(d: PreparedData, rows: Uint8Array): Uint8Array {
  const P = d.procedures.length
  const out = rows.slice()
  for (const u of d.units.bottomUp) {
    const par = d.units.parent[u]
    if (par < 0) continue
    const a = u * P, b = par * P
    for (let p = 0; p < P; p++) out[b + p] |= out[a + p]
  }
  return out
}

function periodContext(period: Period, asOf: Instant): PeriodContext {
  return { start: period.start, end: period.end, asOf, cutoff: Math.min(period.end, asOf) }
}

/** Raw counts for a period (before rules turn them into points). */
interface Counts {
  dossier: Float64Array
  syncReportDen: Float64Array
  marks: Uint8Array
  pairSum: Map<IndicatorCode, { num: Float64Array; den: Float64Array }>
  petitions: Float64Array
  publication: Map<number, ReturnType<typeof countPublication>>
}

function procFilter(d: PreparedData, options: ScoreOptions): number {
  if (options.procedureCode === undefined) return -1
  const pf = d.procIndex.get(options.procedureCode)
  if (pf === undefined) throw new Error(`Không có thủ tục mã ${options.procedureCode} trong danh mục thủ tục`)
  return pf
}

function count(d: PreparedData, period: Period, options: ScoreOptions, cal: WorkingTime): Counts {
  const U = d.units.units.length
  const P = d.procedures.length
  const ctx = periodContext(period, options.asOf)
  const pf = procFilter(d, options)
  const c = new Float64Array(U * K)
  const marks = new Uint8Array(U * P)
  const PI = PROCEDURE_INDICATORS
  // Sweep the period's slice of a table (sorted by receipt): one pass for every indicator.
  const sweep = (t: DossierTable, dead: Uint8Array | undefined) => {
    const lo = lowerBound(t.at, period.start)
    const hi = lowerBound(t.at, period.end)
    for (let i = lo; i < hi; i++) {
      if (dead !== undefined && dead[i]) continue
      const p = t.proc[i]
      if (pf >= 0 && p !== pf) continue
      const f = t.flags[i]
      const u = t.unit[i]
      if (p >= 0) {
        let bits = 0
        for (let k = 0; k < PI.length; k++) if (PI[k].markBit && PI[k].marks(f)) bits |= PI[k].markBit
        if (bits) marks[u * P + p] |= bits
      }
      if (!(f & F.RECEIVED)) continue
      const base = u * K
      for (let k = 0; k < DI.length; k++) {
        const ind = DI[k]
        if (ind.inDenominator(f)) {
          c[base + 2 * k]++
          c[base + 2 * k + 1] += ind.loss(t, i, ctx)
        }
      }
      if (f & F.FINISHED_OK) {
        c[base + K_22_COUNT]++
        c[base + K_22_SUM] += t.processingTime[i]
      }
    }
  }
  sweep(d.table, d.dead)
  if (d.delta) sweep(d.delta, undefined)
  // Roll up additive counters: a unit includes its sub-units (tính cả cấp con).
  for (const u of d.units.bottomUp) {
    const par = d.units.parent[u]
    if (par < 0) continue
    for (let k = 0; k < K; k++) c[par * K + k] += c[u * K + k]
  }

  // 3.2: unit × procedure pairs, summed up the tree.
  const pairSum = new Map<IndicatorCode, { num: Float64Array; den: Float64Array }>()
  for (const ind of PI) {
    if (ind.aggregation !== 'sum') continue
    const num = new Float64Array(U), den = new Float64Array(U)
    for (let u = 0; u < U; u++) {
      for (let p = 0; p < P; p++) {
        if (pf >= 0 && p !== pf) continue
        if (!d.applies[u * P + p] || !ind.inDenominator(d.procedures[p])) continue
        den[u]++
        if (ind.inNumerator(d.procedures[p], (marks[u * P + p] & ind.markBit) !== 0)) num[u]++
      }
    }
    for (const u of d.units.bottomUp) {
      const par = d.units.parent[u]
      if (par >= 0) { num[par] += num[u]; den[par] += den[u] }
    }
    pairSum.set(ind.code, { num, den })
  }

  // 1.4 denominator from the national reporting system / portal counts.
  const syncReportDen = syncReportDenominators(d, period)

  // Petitions: [5.1 classified, total, 5.2 late, 5.3 dissatisfied] per unit.
  const PK = 4
  const pc = new Float64Array(U * PK)
  for (const pt of d.dataset.petitions) {
    if (pt.sentAt < period.start || pt.sentAt >= period.end) continue
    const u = d.units.byCode.get(pt.unitCode)
    if (u === undefined) continue
    // Per-procedure view: only petitions about a dossier of that procedure.
    if (pf >= 0 && (pt.dossierId === null || dossierProcedure(d).get(pt.dossierId) !== pf)) continue
    pc[u * PK + 1]++
    if (isClassified(pt)) pc[u * PK]++
    if (petitionLateness(pt, ctx, cal)) pc[u * PK + 2]++
    if (petitionDissatisfaction(pt, ctx, cal).length) pc[u * PK + 3]++
  }
  for (const u of d.units.bottomUp) {
    const par = d.units.parent[u]
    if (par < 0) continue
    for (let k = 0; k < PK; k++) pc[par * PK + k] += pc[u * PK + k]
  }

  // 1.1–1.3: once per root (province or ministry), over its procedures.
  const publication = new Map<number, ReturnType<typeof countPublication>>()
  for (let u = 0; u < U; u++) {
    const r = d.units.root[u]
    if (publication.has(r)) continue
    const procs = rootProcedures(d, r).filter((_, idx) => pf < 0 || idx === pf)
    publication.set(r, countPublication(pf >= 0 ? [d.procedures[pf]] : procs, d.units.units[r].level === 'ministry', ctx, cal))
  }
  return { dossier: c, syncReportDen, marks, pairSum, petitions: pc, publication }
}

const dossierProcCache = new WeakMap<PreparedData, Map<string, number>>()

function dossierProcedure(d: PreparedData): Map<string, number> {
  let m = dossierProcCache.get(d)
  if (!m) {
    m = new Map()
    for (let i = 0; i < d.table.n; i++) if (!d.dead?.[i]) m.set(d.table.ids[i], d.table.proc[i])
    if (d.delta) for (let i = 0; i < d.delta.n; i++) m.set(d.delta.ids[i], d.delta.proc[i])
    dossierProcCache.set(d, m)
  }
  return m
}

function rootProcedures(d: PreparedData, root: number): Procedure[] {
  const sub = appliesSub(d)
  const P = d.procedures.length
  return d.procedures.filter((_, p) => sub[root * P + p] === 1)
}

/**
 * 1.4: per unit, the larger of the national report's and the portal's count for each month of
 * the period (prorated for partial months); a month with no report falls back to last year's
 * monthly average when last year has reports. Rolled up by sum.
 */
function syncReportDenominators(d: PreparedData, period: Period): Float64Array {
  const U = d.units.units.length
  const out = new Float64Array(U)
  const reports = d.dataset.syncReports ?? []
  if (reports.length === 0) return out
  const byUnitMonth = new Map<string, number>()
  for (const r of reports) {
    const v = Math.max(r.receivedNationalReport ?? -1, r.receivedPortal ?? -1)
    if (v < 0) continue
    const key = `${r.unitCode}|${r.month}`
    byUnitMonth.set(key, Math.max(byUnitMonth.get(key) ?? 0, v))
  }
  const months = monthsOf(period)
  for (let u = 0; u < U; u++) {
    const code = d.units.units[u].code
    let sum = 0
    for (const { month, share } of months) {
      const v = byUnitMonth.get(`${code}|${month}`)
      if (v !== undefined) { sum += v * share; continue }
      const lastYear = +month.slice(0, 4) - 1
      let total = 0, any = false
      for (let m = 1; m <= 12; m++) {
        const lv = byUnitMonth.get(`${code}|${lastYear}-${String(m).padStart(2, '0')}`)
        if (lv !== undefined) { total += lv; any = true }
      }
      if (any) sum += (total / 12) * share
    }
    out[u] = sum
  }
  for (const u of d.units.bottomUp) {
    const par = d.units.parent[u]
    if (par >= 0) out[par] += out[u]
  }
  return out
}

function applyCommunePolicy(unit: Unit, rule: IndicatorRule, o: IndicatorOutcome): IndicatorOutcome {
  if (unit.level !== 'commune' || rule.commune === 'scored') return o
  if (rule.commune === 'full-points') return { kind: 'scored', numerator: o.numerator, denominator: o.denominator, ratio: null, points: rule.max, max: rule.max, policy: 'Không áp dụng cho cấp xã: được điểm tối đa' }
  return { kind: 'not-applicable', numerator: o.numerator, denominator: o.denominator, max: rule.max, reason: 'Không áp dụng cho cấp xã' }
}

/**
 * Outcome of one indicator of a unit from its counts, exactly as {@link scorePeriod} gives it: the
 * rule's points, 3.3 multiplied by the unit's sync ratio (`out14`, the 1.4 outcome), then the
 * commune policy. Exported so that the planner scores "what if" counts with the same function.
 */
export function indicatorOutcome(unit: Unit, rule: IndicatorRule, num: number, den: number, out14: IndicatorOutcome | null): { outcome: IndicatorOutcome; note: string | null } {
  let o = outcomeFor(rule, num, den)
  let note: string | null = null
  if (rule.code === '3.3' && o.kind === 'scored' && o.ratio !== null && out14 !== null && out14.kind === 'scored' && out14.ratio !== null) {
    // 3.3 is multiplied by the sync ratio (Mô tả công thức, chỉ tiêu 3.3).
    const ratio = o.ratio * out14.ratio
    o = { ...o, ratio, points: pointsForRatio(rule.points, rule.max, ratio) }
    note = `Đã nhân với tỷ lệ đồng bộ (1.4): ${(out14.ratio * 100).toFixed(2).replace('.', ',')}%`
  }
  return { outcome: applyCommunePolicy(unit, rule, o), note }
}

/** Score every unit for one period under one rule set. */
export function scorePeriod(d: PreparedData, period: Period, ruleSet: RuleSet, options: ScoreOptions, cal: WorkingTime): ScoreReport {
  const cnt = count(d, period, options, cal)
  const U = d.units.units.length
  const P = d.procedures.length
  const sub = appliesSub(d)
  const markSub = orRollUp(d, cnt.marks)
  const pf = procFilter(d, options)
  const groupOf = new Map<IndicatorCode, string>()
  for (const g of ruleSet.groups) for (const code of g.indicators) groupOf.set(code, g.id)
  const units: UnitResult[] = []
  for (let u = 0; u < U; u++) {
    const unit = d.units.units[u]
    const raw = new Map<IndicatorCode, { num: number; den: number; value?: number | null; notes: string[] }>()
    DI.forEach((ind, k) => {
      const den = cnt.dossier[u * K + 2 * k]
      raw.set(ind.code, { num: Math.max(0, den - cnt.dossier[u * K + 2 * k + 1]), den, notes: [] })
    })
    // 1.4: the denominator is the largest of the reports and the unit's own records.
    const r14 = raw.get('1.4')!
    const local = r14.den
    r14.den = Math.max(local, Math.round(cnt.syncReportDen[u]))
    if (cnt.syncReportDen[u] > local) r14.notes.push(`Mẫu số theo Hệ thống báo cáo/Cổng: ${Math.round(cnt.syncReportDen[u])} (hồ sơ trong dữ liệu: ${local})`)
    const count22 = cnt.dossier[u * K + K_22_COUNT]
    raw.set('2.2', { num: round2(cnt.dossier[u * K + K_22_SUM]), den: count22, value: count22 ? cnt.dossier[u * K + K_22_SUM] / count22 : null, notes: [] })
    for (const ind of PROCEDURE_INDICATORS) {
      if (ind.aggregation === 'sum') {
        const s = cnt.pairSum.get(ind.code)!
        raw.set(ind.code, { num: s.num[u], den: s.den[u], notes: [] })
        continue
      }
      let num = 0, den = 0
      for (let p = 0; p < P; p++) {
        if (pf >= 0 && p !== pf) continue
        if (!sub[u * P + p]) continue
        const proc = d.procedures[p]
        if (!ind.inDenominator(proc)) continue
        den++
        if (ind.inNumerator(proc, (markSub[u * P + p] & ind.markBit) !== 0)) num++
      }
      raw.set(ind.code, { num, den, notes: [] })
    }
    for (const pc of cnt.publication.get(d.units.root[u])!) raw.set(pc.code, { num: pc.numerator, den: pc.denominator, notes: [] })
    const pcBase = u * 4
    const pTotal = cnt.petitions[pcBase + 1]
    raw.set('5.1', { num: cnt.petitions[pcBase], den: pTotal, notes: [] })
    raw.set('5.2', { num: pTotal - cnt.petitions[pcBase + 2], den: pTotal, notes: [] })
    raw.set('5.3', { num: pTotal - cnt.petitions[pcBase + 3], den: pTotal, notes: [] })

    const indicators: IndicatorResult[] = []
    const groups: GroupResult[] = []
    let total = 0
    const out14 = outcomeFor(ruleSet.indicators['1.4']!, r14.num, r14.den)
    for (const g of ruleSet.groups) {
      let points = 0
      for (const code of g.indicators) {
        const rule = ruleSet.indicators[code]!
        const r = raw.get(code)!
        const { outcome: o, note } = indicatorOutcome(unit, rule, r.num, r.den, out14)
        if (note !== null) r.notes.push(note)
        if (o.kind === 'scored') points += o.points
        indicators.push({ code, portalCode: rule.portalCode, name: rule.name, groupId: g.id, outcome: o, value: r.value, notes: r.notes })
      }
      groups.push({ id: g.id, name: g.name, points, max: g.max })
      total += points
    }
    units.push({ unit, total, max: ruleSet.groups.reduce((s, g) => s + g.max, 0), rank: 0, peers: 0, groups, indicators })
  }
  rankPeers(units)
  const provisional = options.asOf < period.end
  return { period, ruleSet, asOf: options.asOf, provisional, units, warnings: [...d.warnings] }
}

/** Rank among units with the same parent and level; ties (at 2 decimals) share a rank: 1, 2, 2, 4. */
export function rankPeers(units: UnitResult[]): void {
  const groups = new Map<string, UnitResult[]>()
  for (const u of units) {
    const key = `${u.unit.parent ?? ''}|${u.unit.level}`
    let g = groups.get(key)
    if (!g) groups.set(key, (g = []))
    g.push(u)
  }
  for (const g of groups.values()) {
    const sorted = [...g].sort((a, b) => round2(b.total) - round2(a.total))
    sorted.forEach((u, i) => {
      u.rank = i > 0 && round2(sorted[i - 1].total) === round2(u.total) ? sorted[i - 1].rank : i + 1
      u.peers = g.length
    })
  }
}

/** A period that no rule set covers. */
export class NoRuleSetError extends Error {
  constructor(period: Period) {
    super(`Không có bộ quy tắc nào có hiệu lực cho kỳ ${period.label} (trước ngày Quyết định 766/QĐ-TTg có hiệu lực)`)
    this.name = 'NoRuleSetError'
  }
}

/**
 * Score a period with the rule sets in force: a period straddling two sets is split at the
 * change and each part is scored with its own set — never mixed.
 */
export function scoreWithRuleSets(d: PreparedData, period: Period, ruleSets: RuleSet[], options: ScoreOptions, cal: WorkingTime): ScoreReport[] {
  const parts = splitPeriod(period, ruleSets.map((s) => s.effectiveFrom))
  return parts.map((part) => {
    const set = ruleSetOn(ruleSets, part.firstDay)
    if (!set) throw new NoRuleSetError(part)
    const report = scorePeriod(d, part === period ? period : part, set, options, cal)
    if (parts.length > 1) report.warnings.push(`Kỳ ${period.label} trải qua hai bộ quy tắc; phần ${part.label} được tính theo bộ "${set.name}".`)
    return report
  })
}

export { parsePeriod, previousPeriod }
