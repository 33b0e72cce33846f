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
  /** MaHoSo of each row (table order: by receipt, or submission when not received). */
  ids: string[]
  /** National procedure code of each row (kept even when the catalogue lacks it). */
  procCodes: string[]
  unit: Int32Array
  proc: Int32Array
  /** Sort key: receivedAt, or submittedAt when not received. */
  at: Float64Array
  flags: Uint32Array
  /** Finish time minus completed supplement time; NaN while unfinished. */
  finishAdj: Float64Array
  /** Total completed supplement time (ms). */
  supplementMs: Float64Array
  supplementCount: Uint16Array
  /** Vietnam day number of the deadline (due day inclusive), -1 if none. */
  dueDay: Int32Array
  /** Processing time in the procedure's unit for finished (9/10) dossiers, NaN otherwise. */
  processingTime: Float64Array
  /** For explanations: NgayTiepNhan, NgayHenTra, finish (NaN = none). */
  receivedAt: Float64Array
  dueAt: Float64Array
  finishedAt: Float64Array
}

export interface PreparedData {
  /** Units, procedures, petitions, ratings, sync reports (dossiers live in `table`). */
  dataset: Dataset
  units: UnitIndex
  procedures: Procedure[]
  procIndex: Map<string, number>
  table: DossierTable
  /** Procedure applies to unit: `applies[u * P + p]`. */
  applies: Uint8Array
  warnings: string[]
  /** Dossiers pushed since `table` was built (real-time feed), swept after it. */
  delta?: DossierTable
  /** Rows of `table` replaced by a newer version in `delta` (1 = ignore the row). */
  dead?: Uint8Array
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

/** Growable typed column. */
function grow<T extends Float64Array | Int32Array | Uint32Array | Uint16Array>(a: T, size: number): T {
  if (size <= a.length) return a
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2))
  b.set(a)
  return b
}

/**
 * Builds the dossier table record by record, so that an importer can stream a million dossiers
 * without keeping them as objects. `put(slot, d)` writes row `slot`: the next slot appends, an
 * earlier one replaces (a newer version of the same MaHoSo).
 */
export class DossierTableBuilder {
  private count = 0
  private ids: string[] = []
  private procCodes: string[] = []
  private unit = new Int32Array(1024)
  private proc = new Int32Array(1024)
  private at = new Float64Array(1024)
  private flags = new Uint32Array(1024)
  private finishAdj = new Float64Array(1024)
  private supplementMs = new Float64Array(1024)
  private supplementCount = new Uint16Array(1024)
  private dueDay = new Int32Array(1024)
  private processingTime = new Float64Array(1024)
  private receivedAt = new Float64Array(1024)
  private dueAt = new Float64Array(1024)
  private finishedAt = new Float64Array(1024)
  private readonly codes = new Map<string, string>()

  constructor(
    readonly units: UnitIndex,
    readonly procedures: Procedure[],
    readonly procIndex: Map<string, number>,
    private readonly cal: WorkingTime
  ) {}

  /** Number of slots written. */
  get size(): number {
    return this.count
  }

  /** Write a dossier at `slot` (append when `slot === size`, replace when smaller). */
  put(slot: number, d: Dossier): void {
    if (slot > this.count) throw new RangeError(`slot ${slot} > ${this.count}`)
    if (slot === this.count) {
      this.count++
      const n = this.count
      this.unit = grow(this.unit, n); this.proc = grow(this.proc, n); this.at = grow(this.at, n)
      this.flags = grow(this.flags, n); this.finishAdj = grow(this.finishAdj, n); this.supplementMs = grow(this.supplementMs, n)
      this.supplementCount = grow(this.supplementCount, n); this.dueDay = grow(this.dueDay, n); this.processingTime = grow(this.processingTime, n)
      this.receivedAt = grow(this.receivedAt, n); this.dueAt = grow(this.dueAt, n); this.finishedAt = grow(this.finishedAt, n)
    }
    this.write(slot, d)
  }

  private intern(code: string): string {
    let c = this.codes.get(code)
    if (c === undefined) this.codes.set(code, (c = code))
    return c
  }

  private write(i: number, d: Dossier): void {
    const cal = this.cal
    const pi = this.procIndex.get(d.procedureCode) ?? -1
    const p = pi >= 0 ? this.procedures[pi] : null
    const u = this.units.byCode.get(d.unitCode)
    this.ids[i] = d.id
    this.procCodes[i] = this.intern(d.procedureCode)
    this.unit[i] = u ?? -1
    this.proc[i] = pi
    this.at[i] = d.receivedAt ?? d.submittedAt ?? NaN
    this.receivedAt[i] = d.receivedAt ?? NaN
    this.dueAt[i] = d.dueAt ?? NaN
    let f = 0
    if (d.receivedAt !== null) f |= F.RECEIVED
    if (d.channel === 'online') f |= F.ONLINE
    else if (d.channel === 'postal') f |= F.POSTAL
    if (p === null) f |= F.UNKNOWN_PROC
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
    this.supplementMs[i] = supMs
    this.supplementCount[i] = Math.min(sup.length, 65535)
    this.finishAdj[i] = finish === null ? NaN : finish - supMs
    this.finishedAt[i] = d.finishedAt ?? NaN

    let due = -1
    if (d.dueAt !== null) due = vnDayNumber(d.dueAt)
    else if (d.receivedAt !== null && p !== null && p.maxTime > 0) {
      due = computedDueDay(d.receivedAt, p, cal)
      f |= F.DUE_COMPUTED
    }
    if (due < 0) f |= F.NO_DEADLINE
    this.dueDay[i] = due

    this.processingTime[i] = NaN
    if (d.finishedAt !== null && d.receivedAt !== null && (d.endStatus === '9' || d.endStatus === '10')) {
      f |= F.FINISHED_OK
      const elapsed = d.finishedAt - supMs - d.receivedAt
      const unit = p?.timeUnit ?? 'day'
      this.processingTime[i] =
        unit === 'working_day'
          ? cal.workingDaysBetweenDays(vnDayNumber(d.receivedAt), vnDayNumber(d.finishedAt - supMs))
          : unit === 'day'
            ? elapsed / DAY_MS
            : elapsed / 3_600_000
    }
    this.flags[i] = f
  }

  /**
   * The table sorted by receipt time, without the dossiers that cannot be scored (unknown unit,
   * no date). `badFeedback` = MaHoSo of dossiers with a petition or an unsatisfied rating (5.4).
   */
  build(badFeedback: ReadonlySet<string>, warnings: string[]): DossierTable {
    const keep: number[] = []
    let unknownUnit = 0, noDate = 0, unknownProc = 0, noDeadline = 0
    for (let i = 0; i < this.count; i++) {
      if (this.unit[i] < 0) { unknownUnit++; continue }
      if (this.at[i] !== this.at[i]) { noDate++; continue }
      if (this.flags[i] & F.UNKNOWN_PROC) unknownProc++
      if (this.flags[i] & F.NO_DEADLINE) noDeadline++
      keep.push(i)
    }
    if (unknownUnit) warnings.push(`${unknownUnit} hồ sơ thuộc đơn vị không có trong danh mục đơn vị: không được tính.`)
    if (noDate) warnings.push(`${noDate} hồ sơ không có ngày tiếp nhận lẫn ngày nộp: không thuộc kỳ nào.`)
    if (unknownProc) warnings.push(`${unknownProc} hồ sơ có mã TTHC không có trong danh mục thủ tục: các chỉ tiêu theo thủ tục không tính được cho chúng.`)
    if (noDeadline) warnings.push(`${noDeadline} hồ sơ không có ngày hẹn trả và không tính được hạn từ danh mục thủ tục: không xét đúng hạn (2.1).`)
    const at = this.at
    const order = Uint32Array.from(keep).sort((a, b) => at[a] - at[b] || a - b)
    const n = order.length
    const pick = <T extends Float64Array | Int32Array | Uint32Array | Uint16Array>(src: T): T => {
      const out = new (src.constructor as new (n: number) => T)(n)
      for (let k = 0; k < n; k++) out[k] = src[order[k]]
      return out
    }
    const ids = new Array<string>(n), procCodes = new Array<string>(n)
    for (let k = 0; k < n; k++) { ids[k] = this.ids[order[k]]; procCodes[k] = this.procCodes[order[k]] }
    const flags = pick(this.flags)
    for (let k = 0; k < n; k++) if (badFeedback.has(ids[k])) flags[k] |= F.BAD_FEEDBACK
    return {
      n, ids, procCodes, flags,
      unit: pick(this.unit), proc: pick(this.proc), at: pick(this.at), finishAdj: pick(this.finishAdj),
      supplementMs: pick(this.supplementMs), supplementCount: pick(this.supplementCount), dueDay: pick(this.dueDay),
      processingTime: pick(this.processingTime), receivedAt: pick(this.receivedAt), dueAt: pick(this.dueAt), finishedAt: pick(this.finishedAt),
    }
  }
}

/** Units, procedures and their applicability: what a table builder needs before any dossier. */
export function catalogueIndex(units: Unit[], procedures: Procedure[]): { units: UnitIndex; procIndex: Map<string, number>; applies: Uint8Array } {
  const idx = indexUnits(units)
  const procIndex = new Map<string, number>()
  procedures.forEach((p, i) => procIndex.set(p.code, i))
  const P = procedures.length
  const applies = new Uint8Array(units.length * P)
  procedures.forEach((p, pi) => {
    for (const u of unitsApplying(p, idx)) applies[u * P + pi] = 1
  })
  return { units: idx, procIndex, applies }
}

/** MaHoSo of dossiers with a petition about them or an unsatisfied rating (5.4). */
export function badFeedbackIds(dataset: Pick<Dataset, 'petitions' | 'ratings'>): Set<string> {
  const bad = new Set<string>()
  for (const pt of dataset.petitions) if (pt.dossierId) bad.add(pt.dossierId)
  for (const r of dataset.ratings) if (!r.satisfied) bad.add(r.dossierId)
  return bad
}

/** Finish preparation from a builder filled by a streaming importer. */
export function prepareFromBuilder(dataset: Dataset, builder: DossierTableBuilder, applies: Uint8Array): PreparedData {
  const warnings: string[] = []
  const table = builder.build(badFeedbackIds(dataset), warnings)
  return { dataset, units: builder.units, procedures: builder.procedures, procIndex: builder.procIndex, table, applies, warnings }
}

/** Compile a dataset held in memory for scoring. */
export function prepare(dataset: Dataset, cal: WorkingTime): PreparedData {
  const { units, procIndex, applies } = catalogueIndex(dataset.units, dataset.procedures)
  const builder = new DossierTableBuilder(units, dataset.procedures, procIndex, cal)
  dataset.dossiers.forEach((d, i) => builder.put(i, d))
  return prepareFromBuilder(dataset, builder, applies)
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
