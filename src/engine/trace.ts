/**
 * @module engine/trace
 * Explains a unit's indicator: the records in the complement of the numerator (the overdue
 * dossiers, the online dossiers without an electronic result, the fee procedures never paid
 * online…), each with the reason it lost the point — or, with `side: 'counted'`, the records the
 * numerator counts. Pure, like the scorer, and built on the same
 * indicator units, so a trace always adds up to the score.
 */
import type { WorkingTime } from './calendar-port.js'
import { DOSSIER_INDICATORS } from './indicators/dossier-indicators.js'
import { PROCEDURE_INDICATORS } from './indicators/procedure-indicators.js'
import { countPublication } from './indicators/publication-indicators.js'
import { petitionDissatisfaction, petitionLateness, isClassified } from './indicators/petition-indicators.js'
import type { PeriodContext } from './indicators/types.js'
import type { Instant } from './model.js'
import type { Period } from './periods/period.js'
import { F, lowerBound, type DossierTable, type PreparedData } from './prepare/dossier-table.js'
import type { IndicatorCode, RuleSet } from './rules/types.js'
import { appliesSub, scorePeriod, type IndicatorResult, type ScoreOptions } from './score.js'

export interface TraceItem {
  kind: 'dossier' | 'procedure' | 'service' | 'petition'
  /** MaHoSo, procedure code, `unit/procedure` or petition id. */
  id: string
  unitCode: string
  procedureCode: string | null
  /** Vietnamese reasons. */
  reasons: string[]
  /** How many deductions this record causes (5.4 may deduct twice). */
  weight: number
  receivedAt?: Instant | null
  dueAt?: Instant | null
  finishedAt?: Instant | null
}

export interface Trace {
  unitCode: string
  indicator: IndicatorResult
  items: TraceItem[]
  /** Explanation of what cannot be traced to records (e.g. a denominator from reports). */
  notes: string[]
}

/**
 * Which records to list: `lost` (default) — those in the complement of the numerator, each with
 * the reason it lost the point; `counted` — those the numerator counts.
 */
export type TraceSide = 'lost' | 'counted'

/** Options of {@link explain}: the scoring options and the side. */
export interface ExplainOptions extends ScoreOptions {
  side?: TraceSide
}

/** Unknown unit or indicator for an explanation. */
export class TraceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TraceError'
  }
}

function subtree(d: PreparedData, u: number): Uint8Array {
  const inside = new Uint8Array(d.units.units.length)
  for (let v = 0; v < inside.length; v++) {
    let w = v
    while (w !== -1 && w !== u) w = d.units.parent[w]
    if (w === u) inside[v] = 1
  }
  return inside
}

/** The records behind a unit's indicator for a period. */
export function explain(d: PreparedData, period: Period, ruleSet: RuleSet, unitCode: string, code: IndicatorCode, options: ExplainOptions, cal: WorkingTime): Trace {
  const u = d.units.byCode.get(unitCode)
  if (u === undefined) throw new TraceError(`Không có đơn vị mã ${unitCode} trong danh mục đơn vị`)
  if (!ruleSet.indicators[code]) throw new TraceError(`Chỉ tiêu ${code} không có trong bộ quy tắc "${ruleSet.name}"`)
  const report = scorePeriod(d, period, ruleSet, options, cal)
  const indicator = report.units[u].indicators.find((i) => i.code === code)!
  const counted = options.side === 'counted'
  const countedReason = `Được tính vào tử số của chỉ tiêu ${indicator.portalCode ?? code} (${indicator.name})`
  if (counted && (code === '1.1' || code === '1.2' || code === '1.3' || code === '2.2')) {
    throw new TraceError(`Chỉ tiêu ${code}: chưa liệt kê được các bản ghi trong tử số; hãy xem các bản ghi làm mất điểm`)
  }
  const ctx: PeriodContext = { start: period.start, end: period.end, asOf: options.asOf, cutoff: Math.min(period.end, options.asOf), calendar: cal }
  const inside = subtree(d, u)
  const pf = options.procedureCode === undefined ? -1 : d.procIndex.get(options.procedureCode)!
  const items: TraceItem[] = []
  const notes: string[] = [...indicator.notes]
  // The main table (minus rows replaced by the real-time feed) and the feed's delta.
  const segments: { t: DossierTable; dead?: Uint8Array }[] = [{ t: d.table, dead: d.dead }, ...(d.delta ? [{ t: d.delta }] : [])]
  const range = (t: DossierTable) => [lowerBound(t.at, period.start), lowerBound(t.at, period.end)] as const

  const dossierInd = DOSSIER_INDICATORS.find((i) => i.code === code)
  const procInd = PROCEDURE_INDICATORS.find((i) => i.code === code)
  if (dossierInd) {
    for (const { t, dead } of segments) for (let i = range(t)[0], hi = range(t)[1]; i < hi; i++) {
      if (dead?.[i]) continue
      const f = t.flags[i]
      if (!(f & F.RECEIVED) || !inside[t.unit[i]] || (pf >= 0 && t.proc[i] !== pf) || !dossierInd.inDenominator(f)) continue
      const w = dossierInd.loss(t, i, ctx)
      if ((w === 0) !== counted) continue
      const orNull = (x: number) => (x === x ? x : null)
      const reasons = counted ? [countedReason] : dossierInd.reasons(t, i, ctx)
      items.push({ kind: 'dossier', id: t.ids[i], unitCode: d.units.units[t.unit[i]].code, procedureCode: t.procCodes[i], reasons, weight: counted ? 1 : w, receivedAt: orNull(t.receivedAt[i]), dueAt: orNull(t.dueAt[i]), finishedAt: orNull(t.finishedAt[i]) })
    }
    if (code === '1.4' && !counted && indicator.outcome.denominator > 0) {
      const local = items.length
      notes.push(`${local} hồ sơ trong dữ liệu chưa đồng bộ; phần chênh lệch còn lại (nếu có) đến từ số liệu Hệ thống báo cáo/Cổng, không gắn được với hồ sơ cụ thể.`)
    }
  } else if (procInd) {
    const P = d.procedures.length
    const marks = new Uint8Array(d.units.units.length * P)
    for (const { t, dead } of segments) for (let i = range(t)[0], hi = range(t)[1]; i < hi; i++) {
      if (dead?.[i]) continue
      const p = t.proc[i]
      if (p < 0 || !inside[t.unit[i]] || (pf >= 0 && p !== pf)) continue
      if (procInd.markBit && procInd.marks(t.flags[i])) marks[t.unit[i] * P + p] = 1
    }
    if (procInd.aggregation === 'sum') {
      for (let v = 0; v < inside.length; v++) {
        if (!inside[v]) continue
        for (let p = 0; p < P; p++) {
          if ((pf >= 0 && p !== pf) || !d.applies[v * P + p]) continue
          const proc = d.procedures[p]
          if (!procInd.inDenominator(proc) || procInd.inNumerator(proc, marks[v * P + p] === 1) !== counted) continue
          items.push({ kind: 'service', id: `${d.units.units[v].code}/${proc.code}`, unitCode: d.units.units[v].code, procedureCode: proc.code, reasons: [counted ? `${proc.name}: ${countedReason}` : `${proc.name}: ${procInd.reason(proc)}`], weight: 1 })
        }
      }
    } else {
      for (let p = 0; p < P; p++) {
        if (pf >= 0 && p !== pf) continue
        let applies = false, marked = false
        for (let v = 0; v < inside.length; v++) {
          if (!inside[v]) continue
          if (d.applies[v * P + p]) applies = true
          if (marks[v * P + p]) marked = true
        }
        const proc = d.procedures[p]
        if (!applies || !procInd.inDenominator(proc) || procInd.inNumerator(proc, marked) !== counted) continue
        items.push({ kind: 'procedure', id: proc.code, unitCode, procedureCode: proc.code, reasons: [counted ? `${proc.name}: ${countedReason}` : `${proc.name}: ${procInd.reason(proc)}`], weight: 1 })
      }
    }
  } else if (code === '1.1' || code === '1.2' || code === '1.3') {
    const root = d.units.root[u]
    const P = d.procedures.length
    const procs = d.procedures.filter((_, p) => (pf < 0 || p === pf) && appliesSub(d)[root * P + p] === 1)
    const counts = countPublication(procs, d.units.units[root].level === 'ministry', ctx, cal)
    for (const lost of counts.find((c) => c.code === code)!.lost) {
      items.push({ kind: 'procedure', id: lost.procedure.code, unitCode: d.units.units[root].code, procedureCode: lost.procedure.code, reasons: [`${lost.procedure.name}: ${lost.reason}`], weight: 1 })
    }
    if (root !== u) notes.push(`Chỉ tiêu tính chung cho cả ${d.units.units[root].name} (không tính cấp con).`)
  } else if (code === '5.1' || code === '5.2' || code === '5.3') {
    for (const pt of d.dataset.petitions) {
      if (pt.sentAt < period.start || pt.sentAt >= period.end) continue
      const pu = d.units.byCode.get(pt.unitCode)
      if (pu === undefined || !inside[pu]) continue
      const reasons = code === '5.1' ? (isClassified(pt) ? [] : ['PAKN chưa được phân loại']) : code === '5.2' ? [petitionLateness(pt, ctx, cal)].filter((x): x is string => !!x) : petitionDissatisfaction(pt, ctx, cal)
      if (counted) {
        if (reasons.length === 0) items.push({ kind: 'petition', id: pt.id, unitCode: pt.unitCode, procedureCode: null, reasons: [countedReason], weight: 1, receivedAt: pt.sentAt })
      } else if (reasons.length) items.push({ kind: 'petition', id: pt.id, unitCode: pt.unitCode, procedureCode: null, reasons, weight: 1, receivedAt: pt.sentAt })
    }
  } else if (code === '2.2') {
    notes.push('Chỉ tiêu 2.2 chỉ theo dõi thời gian giải quyết trung bình, không tính điểm.')
  }
  return { unitCode, indicator, items, notes }
}
