/**
 * @module engine/prepare/dossier-table
 * Compiles normalized records into a columnar table the scorer can sweep quickly: dossiers sorted
 * by receipt time, one typed array per derived value, period-independent facts as bit flags.
 * Everything here depends only on the records, the catalogue and the calendar — not on a period.
 */
import type { WorkingTime } from '../calendar-port.js'
import type { Dataset, Dossier, Instant, Procedure, Unit } from '../model.js'
import { DAY_MS, vnDayNumber } from '../time/time.js'

/** Bit flags of a dossier (cờ hồ sơ). */
export const F = {
  RECEIVED: 1 << 0,
  ONLINE: 1 << 1,
  POSTAL: 1 << 2,
  /** The procedure must return a paper result. */
  PAPER_PROC: 1 << 3,
  E_RESULT: 1 << 4,
  CODED_E_RESULT: 1 << 5,
  FEE_PROC: 1 << 6,
  /** Fee lines present and all at 0 (excluded from 3.6). */
  FEE_ALL_ZERO: 1 << 7,
  FEE_DATA: 1 << 8,
  PAID_ONLINE: 1 << 9,
  COMPONENT_FILE: 1 << 10,
  REUSE: 1 << 11,
  DATA_STORE: 1 << 12,
  POPULATION: 1 << 13,
  CITIZEN_PROC: 1 << 14,
  CERT_PROC: 1 << 15,
  SYNCED: 1 << 16,
  SYNC_UNKNOWN: 1 << 17,
  /** Two or more supplement requests: overdue (2.1). */
  FORCED_LATE: 1 << 18,
  /** Finished as 9 or 10 (2.2). */
  FINISHED_OK: 1 << 19,
  /** A petition about it or an unsatisfied rating (5.4). */
  BAD_FEEDBACK: 1 << 20,
  ONLINE_SERVICE_PROC: 1 << 21,
  UNKNOWN_PROC: 1 << 22,
  /** No due date and no way to compute one (2.1 cannot judge it). */
  NO_DEADLINE: 1 << 23,
  /** Finish time is a pending supplement request. */
  PENDING_SUPPLEMENT: 1 << 24,
  /** Refused at the desk (3): not an accepted dossier. */
  REFUSED: 1 << 25,
  DUE_COMPUTED: 1 << 26,
} as const

export interface UnitIndex {
  units: Unit[]
  byCode: Map<string, number>
  /** Parent index, -1 for a root. */
  parent: Int32Array
  /** Unit indices ordered children before parents (for roll-up). */
  bottomUp: number[]
  /** Index of the root ancestor of each unit. */
  root: Int32Array
}

export interface DossierTable {
  n: number
  /** Records in table order (sorted by receipt, or submission when not received). */
  records: Dossier[]
  unit: Int32Array
  proc: Int32Array
  /** Sort key: receivedAt, or submittedAt when not received. */
  at: Float64Array
  flags: Uint32Array
  /** Finish time minus completed supplement time; NaN while unfinished. */
  finishAdj: Float64Array
  /** Total completed supplement time (ms). */
  supplementMs: Float64Array
  /** Vietnam day number of the deadline (due day inclusive), -1 if none. */
  dueDay: Int32Array
  /** Processing time in the procedure's unit for finished (9/10) dossiers, NaN otherwise. */
  processingTime: Float64Array
}

export interface PreparedData {
  dataset: Dataset
  units: UnitIndex
  procedures: Procedure[]
  procIndex: Map<string, number>
  table: DossierTable
  /** Procedure applies to unit: `applies[u * P + p]`. */
  applies: Uint8Array
  warnings: string[]
}

/** Build the unit index, checking parents and cycles. */
export function indexUnits(units: Unit[]): UnitIndex {
  const byCode = new Map<string, number>()
  units.forEach((u, i) => byCode.set(u.code, i))
  const parent = new Int32Array(units.length).fill(-1)
  units.forEach((u, i) => {
    if (u.parent !== null && byCode.has(u.parent)) parent[i] = byCode.get(u.parent)!
  })
  const depth = new Int32Array(units.length)
  const root = new Int32Array(units.length)
  for (let i = 0; i < units.length; i++) {
    let d = 0, j = i
    while (parent[j] !== -1) {
      j = parent[j]
      if (++d > units.length) throw new Error(`Đơn vị ${units[i].code}: quan hệ cấp trên bị vòng lặp`)
    }
    depth[i] = d
    root[i] = j
  }
  const bottomUp = units.map((_, i) => i).sort((a, b) => depth[b] - depth[a])
  return { units, byCode, parent, bottomUp, root }
}

/** Which units apply a procedure: its `units` list, or every unit of its level. */
function unitsApplying(p: Procedure, idx: UnitIndex): number[] {
  if (p.units && p.units.length > 0) return p.units.map((c) => idx.byCode.get(c)).filter((i): i is number => i !== undefined)
  const out: number[] = []
  idx.units.forEach((u, i) => {
    if (u.level === p.level) out.push(i)
  })
  return out
}

/** Deadline day for a dossier without NgayHenTra: received + the procedure's maximum time. */
function computedDueDay(receivedAt: Instant, p: Procedure, cal: WorkingTime): number {
  const end =
    p.timeUnit === 'working_day'
      ? cal.addWorkingDays(receivedAt, p.maxTime)
      : p.timeUnit === 'day'
        ? cal.addCalendarDays(receivedAt, p.maxTime)
        : cal.addHours(receivedAt, p.maxTime)
  // `end` is an exclusive instant; the due day is the day containing the last moment before it.
  return vnDayNumber(end - 1)
}

/** Compile a dataset for scoring. */
export function prepare(dataset: Dataset, cal: WorkingTime): PreparedData {
  const warnings: string[] = []
  const units = indexUnits(dataset.units)
  const procedures = dataset.procedures
  const procIndex = new Map<string, number>()
  procedures.forEach((p, i) => procIndex.set(p.code, i))
  const P = procedures.length
  const applies = new Uint8Array(units.units.length * P)
  procedures.forEach((p, pi) => {
    for (const u of unitsApplying(p, units)) applies[u * P + pi] = 1
  })

  // Feedback (5.4): dossiers with a petition about them or an unsatisfied rating.
  const badFeedback = new Set<string>()
  for (const pt of dataset.petitions) if (pt.dossierId) badFeedback.add(pt.dossierId)
  for (const r of dataset.ratings) if (!r.satisfied) badFeedback.add(r.dossierId)

  const kept: Dossier[] = []
  let unknownUnit = 0, noDate = 0
  for (const d of dataset.dossiers) {
    if (!units.byCode.has(d.unitCode)) { unknownUnit++; continue }
    if (d.receivedAt === null && d.submittedAt === null) { noDate++; continue }
    kept.push(d)
  }
  if (unknownUnit) warnings.push(`${unknownUnit} hồ sơ thuộc đơn vị không có trong danh mục đơn vị: không được tính.`)
  if (noDate) warnings.push(`${noDate} hồ sơ không có ngày tiếp nhận lẫn ngày nộp: không thuộc kỳ nào.`)
  kept.sort((a, b) => (a.receivedAt ?? a.submittedAt!) - (b.receivedAt ?? b.submittedAt!))

  const n = kept.length
  const t: DossierTable = {
    n,
    records: kept,
    unit: new Int32Array(n),
    proc: new Int32Array(n),
    at: new Float64Array(n),
    flags: new Uint32Array(n),
    finishAdj: new Float64Array(n),
    supplementMs: new Float64Array(n),
    dueDay: new Int32Array(n),
    processingTime: new Float64Array(n),
  }
  let unknownProc = 0, noDeadline = 0
  for (let i = 0; i < n; i++) {
    const d = kept[i]
    const pi = procIndex.get(d.procedureCode) ?? -1
    const p = pi >= 0 ? procedures[pi] : null
    t.unit[i] = units.byCode.get(d.unitCode)!
    t.proc[i] = pi
    t.at[i] = d.receivedAt ?? d.submittedAt!
    let f = 0
    if (d.receivedAt !== null) f |= F.RECEIVED
    if (d.channel === 'online') f |= F.ONLINE
    else if (d.channel === 'postal') f |= F.POSTAL
    if (p === null) { f |= F.UNKNOWN_PROC; unknownProc++ }
    else {
      if (p.paperResult) f |= F.PAPER_PROC
      if (p.hasFee) f |= F.FEE_PROC
      if (p.citizenSubject) f |= F.CITIZEN_PROC
      if (p.electronicCertification) f |= F.CERT_PROC
      if (p.onlineLevel !== 'none') f |= F.ONLINE_SERVICE_PROC
    }
    if (d.hasElectronicResult) f |= F.E_RESULT
    if (d.hasCodedElectronicResult) f |= F.CODED_E_RESULT
    if (d.feeLineCount > 0) f |= F.FEE_DATA
    if (d.feeLineCount > 0 && !d.hasPositiveFee) f |= F.FEE_ALL_ZERO
    if (d.paidOnline) f |= F.PAID_ONLINE
    if (d.hasComponentFile) f |= F.COMPONENT_FILE
    if (d.reusesDigitizedData) f |= F.REUSE
    if (d.hasComponentFromPersonalDataStore || d.resultPushedToPersonalDataStore) f |= F.DATA_STORE
    if (d.vneidAuthenticated || d.hasComponentFromPersonalDataStore || d.populationDbConnected) f |= F.POPULATION
    if (d.syncedToPortal === true) f |= F.SYNCED
    else if (d.syncedToPortal === null) f |= F.SYNC_UNKNOWN
    if (d.status === '3' || d.endStatus === '3') f |= F.REFUSED
    if (badFeedback.has(d.id)) f |= F.BAD_FEEDBACK

    // 2.1: supplement time is taken off the elapsed time; two or more requests = overdue.
    const sup = d.supplementRequests
    let supMs = 0
    for (const s of sup) if (s.completedAt !== null) supMs += s.completedAt - s.requestedAt
    if (sup.length >= 2) f |= F.FORCED_LATE
    let finish = d.finishedAt
    if (finish === null && sup.length === 1 && sup[0].completedAt === null) {
      // One pending supplement request as the last state: its time is the finish (spec 2.1).
      finish = sup[0].requestedAt
      f |= F.PENDING_SUPPLEMENT
    }
    t.supplementMs[i] = supMs
    t.finishAdj[i] = finish === null ? NaN : finish - supMs

    let due = -1
    if (d.dueAt !== null) due = vnDayNumber(d.dueAt)
    else if (d.receivedAt !== null && p !== null && p.maxTime > 0) {
      due = computedDueDay(d.receivedAt, p, cal)
      f |= F.DUE_COMPUTED
    }
    if (due < 0) { f |= F.NO_DEADLINE; noDeadline++ }
    t.dueDay[i] = due

    t.processingTime[i] = NaN
    if (d.finishedAt !== null && d.receivedAt !== null && (d.endStatus === '9' || d.endStatus === '10')) {
      f |= F.FINISHED_OK
      const elapsed = d.finishedAt - supMs - d.receivedAt
      const unit = p?.timeUnit ?? 'day'
      t.processingTime[i] =
        unit === 'working_day'
          ? cal.workingDaysBetweenDays(vnDayNumber(d.receivedAt), vnDayNumber(d.finishedAt - supMs))
          : unit === 'day'
            ? elapsed / DAY_MS
            : elapsed / 3_600_000
    }
    t.flags[i] = f
  }
  if (unknownProc) warnings.push(`${unknownProc} hồ sơ có mã TTHC không có trong danh mục thủ tục: các chỉ tiêu theo thủ tục không tính được cho chúng.`)
  if (noDeadline) warnings.push(`${noDeadline} hồ sơ không có ngày hẹn trả và không tính được hạn từ danh mục thủ tục: không xét đúng hạn (2.1).`)
  return { dataset, units, procedures, procIndex, table: t, applies, warnings }
}

/** First table index whose sort key is ≥ `at` (binary search). */
export function lowerBound(a: Float64Array, at: number): number {
  let lo = 0, hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid] < at) lo = mid + 1
    else hi = mid
  }
  return lo
}
