/**
 * @module adapters/demo/dossiers
 * Streams the demo dossiers (DongBoHoSoMC objects) in time order, day by day, and, on the way,
 * the processing steps of a sample of them, their ratings, the petitions linked to them and the
 * monthly counts behind the sync reports. Only one day of dossiers is in memory at a time.
 */
import type { Instant } from '../../engine/model.js'
import { DAY_MS, dayNumberStart, vnDayNumber } from '../../engine/time/time.js'
import type { DemoCalendar } from './calendar.js'
import { compactVn, isoVn, yymmddVn } from './format.js'
import { COMMUNE_STAFF, DEPARTMENT_STAFF, DOSSIER_WORDS, FILE_HOST, SUPPLEMENT_CONTENTS, STEP_TEXTS } from './names.js'
import { accountId, companyName, personName, personalId } from './people.js'
import type { Catalogue, DemoProcedure } from './procedures.js'
import { WeightedSampler, type Random } from './random.js'
import type { DemoUnit } from './units.js'
import type { RecordWriter } from './writer.js'

const MINUTE = 60_000
const HOUR = 3_600_000

/** Everything the dossier stream needs to know about the period. */
export interface DossierContext {
  rng: Random
  calendar: DemoCalendar
  year: number
  /** Day numbers of 1 January and of the last day with data. */
  firstDay: number
  untilDay: number
  /** Last second of the last day with data. */
  untilEnd: Instant
}

/** A petition to be written later: about a dossier, or (dossierId absent) about the unit. */
export interface PetitionSeed {
  unitIndex: number
  sentAt: Instant
  dossierId?: string
}

/** What the stream leaves behind for the other files. */
export interface DossierStreamResult {
  dossiers: number
  steps: number
  ratings: number
  /** Per unit (index into the unit list): dossiers received per month (index 0 = January). */
  receivedByMonth: Int32Array[]
  /** Per unit: dossiers synced to the portal per month. */
  syncedByMonth: Int32Array[]
  petitionSeeds: PetitionSeed[]
}

/** Writers the stream feeds. */
export interface DossierWriters {
  dossiers: RecordWriter
  steps: RecordWriter
  ratings: RecordWriter
}

/** Average petitions per dossier linked to a dossier (the other half are about the unit). */
export const LINKED_PETITION_RATE = 1 / 290
/** Cap on processing steps written. */
export const MAX_STEPS = 20_000

interface Supplement {
  requested: Instant
  completed: Instant | null
}

interface Timeline {
  received: Instant
  due: Instant
  status: string
  finish: Instant | null
  returned: Instant | null
  supplements: Supplement[]
  /** Finished (or still open) later than allowed once supplement time is taken off. */
  late: boolean
}

interface UnitState {
  unit: DemoUnit
  procedures: WeightedSampler<DemoProcedure>
  /** Staff titles of a commune or district rather than a department. */
  commune: boolean
}

/**
 * Generate `total` dossiers over the period and write them, with steps and ratings, through
 * `writers`. `onProgress` is called every 10,000 dossiers and at the end.
 */
export async function streamDossiers(
  ctx: DossierContext,
  units: DemoUnit[],
  catalogue: Catalogue,
  total: number,
  writers: DossierWriters,
  onProgress?: (done: number, total: number) => void
): Promise<DossierStreamResult> {
  const { rng, calendar } = ctx
  // Units that receive dossiers, each with its own popularity of its procedures.
  const states: (UnitState | null)[] = units.map((unit) => {
    const list = procedureListOf(unit, catalogue)
    if (list.length === 0 || unit.volume <= 0) return null
    const weights = list.map((p) => p.popularity * Math.exp(rng.normal() * 0.5))
    return { unit, procedures: new WeightedSampler(list, weights), commune: unit.level === 'commune' || unit.level === 'district' }
  })
  const receiving = states.flatMap((s, i) => (s ? [[s, i] as const] : []))
  const unitSampler = new WeightedSampler(receiving.map(([, i]) => i), receiving.map(([s]) => s.unit.volume))
  const months = 12
  const result: DossierStreamResult = {
    dossiers: 0, steps: 0, ratings: 0,
    receivedByMonth: units.map(() => new Int32Array(months)),
    syncedByMonth: units.map(() => new Int32Array(months)),
    petitionSeeds: [],
  }
  const gen = new DossierBuilder(ctx)
  const stepRate = total > 0 ? Math.min(0.02, MAX_STEPS / (total * 5.5)) : 0
  const perDay = dailyCounts(ctx, total)
  const seq = new Int32Array(units.length)
  let done = 0

  for (let di = 0; di < perDay.length; di++) {
    const day = ctx.firstDay + di
    const count = perDay[di]
    if (count === 0) continue
    const kind = calendar.kind(day)
    const unitIdx = new Int32Array(count)
    const secs = new Int32Array(count)
    for (let i = 0; i < count; i++) {
      unitIdx[i] = unitSampler.draw(rng)
      secs[i] = kind === 'working' ? officeSeconds(rng) : 8 * 3600 + Math.floor(rng.next() * 3.5 * 3600)
    }
    const order = Array.from({ length: count }, (_, i) => i).sort((a, b) => secs[a] - secs[b] || unitIdx[a] - unitIdx[b])
    seq.fill(0)
    const dayStart = dayNumberStart(day)
    const month = new Date(day * DAY_MS).getUTCMonth()
    for (const i of order) {
      const ui = unitIdx[i]
      const state = states[ui] as UnitState
      const received = dayStart + secs[i] * 1000
      const number = ++seq[ui]
      const stepBudget = result.steps < MAX_STEPS && rng.chance(stepRate) ? MAX_STEPS - result.steps : 0
      const built = gen.build(state, received, number, stepBudget)
      for (const s of built.steps) writers.steps.add(s)
      result.steps += built.steps.length
      writers.dossiers.add(built.record)
      result.dossiers++
      result.receivedByMonth[ui][month]++
      if (built.synced) result.syncedByMonth[ui][month]++
      if (built.rating) {
        writers.ratings.add(built.rating)
        result.ratings++
      }
      const p = state.unit.profile
      if (p.petitionFactor > 0 && rng.chance(LINKED_PETITION_RATE * p.petitionFactor)) {
        const sentAt = received + rng.int(1, 25) * DAY_MS + rng.int(-8, 5) * HOUR
        if (sentAt <= ctx.untilEnd && sentAt > received) {
          result.petitionSeeds.push({ unitIndex: ui, sentAt, dossierId: built.id })
        }
      }
      if (writers.dossiers.needsFlush) await writers.dossiers.flush()
      if (writers.steps.needsFlush) await writers.steps.flush()
      if (writers.ratings.needsFlush) await writers.ratings.flush()
      done++
      if (onProgress && done % 10_000 === 0) onProgress(done, total)
    }
  }
  if (onProgress) onProgress(done, total)
  return result
}

/** Procedures a unit receives dossiers for. */
function procedureListOf(unit: DemoUnit, catalogue: Catalogue): DemoProcedure[] {
  if (unit.level === 'department') return catalogue.byDepartment.get(unit.code) ?? []
  if (unit.level === 'district') return catalogue.district
  if (unit.level === 'commune') return catalogue.commune
  return []
}

/**
 * Dossiers per day: working days get the most (Mondays more, Fridays less, a rush before Tết and
 * at year end), Saturdays a few, Sundays and holidays fewer. Exact total by cumulative rounding.
 */
function dailyCounts(ctx: DossierContext, total: number): Int32Array {
  const days = ctx.untilDay - ctx.firstDay + 1
  const weights = new Float64Array(days)
  const monthFactor = [1.05, 0.85, 1.05, 1.0, 1.0, 1.0, 1.05, 1.0, 0.95, 1.0, 1.05, 1.15]
  const weekdayFactor = [0, 1.15, 1.05, 1.0, 0.98, 0.88, 0]
  let sum = 0
  for (let i = 0; i < days; i++) {
    const day = ctx.firstDay + i
    const kind = ctx.calendar.kind(day)
    const date = new Date(day * DAY_MS)
    let w: number
    if (kind === 'working') w = (weekdayFactor[date.getUTCDay()] || 1) * monthFactor[date.getUTCMonth()]
    else if (kind === 'saturday') w = 0.1
    else if (kind === 'sunday') w = 0.04
    else w = 0.03
    weights[i] = w
    sum += w
  }
  const counts = new Int32Array(days)
  let cumulative = 0
  let previous = 0
  for (let i = 0; i < days; i++) {
    cumulative += weights[i]
    const upTo = Math.round((total * cumulative) / sum)
    counts[i] = upTo - previous
    previous = upTo
  }
  return counts
}

/** Seconds after midnight of a receipt on a working day: 07:30–17:00, busier in the morning. */
function officeSeconds(rng: Random): number {
  const r = rng.next()
  if (r < 0.55) return 27_000 + Math.floor(rng.next() * 14_400) // 07:30–11:30
  if (r < 0.6) return 41_400 + Math.floor(rng.next() * 7_200) // 11:30–13:30
  return 48_600 + Math.floor(rng.next() * 12_600) // 13:30–17:00
}

interface Built {
  id: string
  record: Record<string, unknown>
  steps: Record<string, string>[]
  rating: Record<string, unknown> | null
  synced: boolean
}

/** Builds one dossier at a time; holds only counters. */
class DossierBuilder {
  private fileId = 100_000
  private resultCode = 0
  private readonly rng: Random
  private readonly cal: DemoCalendar

  constructor(private readonly ctx: DossierContext) {
    this.rng = ctx.rng
    this.cal = ctx.calendar
  }

  /**
   * One dossier of `state`'s unit received at `received`, number `number` of its day. When
   * `stepBudget` > 0 its processing steps are produced too, if there are no more than that.
   */
  build(state: UnitState, received: Instant, number: number, stepBudget: number): Built {
    const rng = this.rng
    const unit = state.unit
    const p = unit.profile
    const proc = state.procedures.draw(rng)
    const id = `${unit.code}-${yymmddVn(received)}-${String(number).padStart(4, '0')}`

    // Channel
    let channel: '1' | '2' | '3'
    if (proc.onlineLevel === 'none') channel = rng.chance(0.03) ? '3' : '1'
    else {
      const share = Math.min(0.99, p.onlineShare * (proc.onlineLevel === 'full' ? 1.05 : 0.85))
      channel = rng.chance(share) ? '2' : rng.chance(0.02) ? '3' : '1'
    }
    const online = channel === '2'
    const legacy = p.legacyPayload > 0 && rng.chance(p.legacyPayload)

    // Applicant
    const business = proc.citizenSubject ? rng.chance(0.1) : rng.chance(0.85)
    const person = personName(rng)
    const owner = business ? companyName(rng) : person.name
    const applicantType = business ? (rng.chance(0.92) ? '2' : '4') : '1'

    const t = this.timeline(proc, p.overdueRate, p.missingDueDate, received)
    const finished = t.status === '9' || t.status === '10'

    // Submission
    let submitted = received - rng.int(1, 15) * MINUTE
    if (online) submitted = received - Math.floor(-Math.log(1 - rng.next()) * 10 * HOUR) - rng.int(1, 30) * MINUTE
    submitted = Math.max(submitted, dayNumberStart(this.ctx.firstDay) + rng.int(0, 59) * MINUTE)
    if (submitted > received) submitted = received

    // Components, reuse and the data store
    const withFiles = online || rng.chance(p.digitize)
    const reuse = withFiles && rng.chance(p.reuse)
    const fromStore = withFiles && !business && rng.chance(p.dataStore)
    const components: Record<string, string>[] = []
    const day = yymmddVn(received)
    proc.components.forEach((name, ci) => {
      const fid = String(++this.fileId)
      const c: Record<string, string> = {
        TepDinhKemId: fid,
        TenTepDinhKem: name,
        IsDeleted: 'False',
        MaThanhPhanHoSo: `TP0${ci + 1}`,
        DuongDanTaiTepTin: withFiles ? `${FILE_HOST}/files/${day}/${fid}.pdf` : '',
        DuocSoHoa: reuse && ci === 0 ? '1' : '0',
        DuocTaiSuDung: reuse && ci === 0 ? (rng.chance(0.2) ? '2' : '1') : '0',
        DuocLayTuKhoDMQG: fromStore && ci === proc.components.length - 1 ? '1' : '0',
        MaKetQuaThayThe: '',
      }
      if (c.DuocTaiSuDung === '2') c.MaKetQuaThayThe = `KQ.${this.ctx.year - 1}.${String(rng.int(1, 999_999)).padStart(6, '0')}`
      components.push(c)
    })
    if (withFiles && rng.chance(0.03)) {
      const fid = String(++this.fileId)
      components.push({
        TepDinhKemId: fid, TenTepDinhKem: DOSSIER_WORDS.deletedComponent, IsDeleted: 'True', MaThanhPhanHoSo: '',
        DuongDanTaiTepTin: `${FILE_HOST}/files/${day}/${fid}.pdf`, DuocSoHoa: '1', DuocTaiSuDung: '1', DuocLayTuKhoDMQG: '1',
        MaKetQuaThayThe: '',
      })
    }

    // Fees and payment
    let fees: Record<string, string>[] | undefined
    let paid = '0'
    if (proc.hasFee && !(p.feeDataMissing > 0 && rng.chance(p.feeDataMissing))) {
      const zero = (online && proc.feeWaivedOnline) || rng.chance(0.06)
      fees = [{ TenPhiLePhi: proc.feeName, MaPhiLePhi: '1', HinhThucThu: '1', Gia: zero ? '0' : String(proc.feeAmount), LoaiPhiLePhi: '1' }]
      if (rng.chance(0.15)) {
        fees.push({ TenPhiLePhi: DOSSIER_WORDS.copyFee, MaPhiLePhi: '2', HinhThucThu: '1', Gia: zero ? '0' : '10000', LoaiPhiLePhi: '2' })
      }
      if (!zero && t.status !== '3') {
        const paidOnline = online ? rng.chance(p.onlinePayment) : rng.chance(p.onlinePayment * 0.2)
        paid = paidOnline ? (rng.chance(0.85) ? p.paymentVia : p.paymentVia === '1' ? '2' : '1') : rng.chance(0.5) ? '3' : '0'
      }
    }

    // Results
    let results: Record<string, string>[] = []
    if (finished) {
      if (rng.chance(p.electronicResult)) {
        const gid = String(++this.fileId)
        results = [{
          TenGiayTo: proc.resultName + DOSSIER_WORDS.electronicResult,
          MaThanhPhanHoSo: '',
          GiayToId: gid,
          DuongDanTepTinKetQua: `${FILE_HOST}/ketqua/${gid}.pdf`,
          MaGiayToKetQua: rng.chance(p.resultCodeMissing) ? '' : `KQ.${this.ctx.year}.${String(++this.resultCode).padStart(6, '0')}`,
        }]
      } else if (rng.chance(0.3)) {
        results = [{ TenGiayTo: proc.resultName, MaThanhPhanHoSo: '', GiayToId: String(++this.fileId), DuongDanTepTinKetQua: '', MaGiayToKetQua: '' }]
      }
    }

    // Steps for a sample; a few of them carry the finish or the supplements only in the steps.
    let steps: Record<string, string>[] = []
    let finishOnlyInSteps = false
    let supplementsOnlyInSteps = false
    if (stepBudget > 0) steps = this.steps(id, t, state.commune)
    if (steps.length > stepBudget) steps = []
    if (steps.length > 0) {
      finishOnlyInSteps = finished && rng.chance(0.15)
      supplementsOnlyInSteps = t.supplements.length > 0 && rng.chance(0.5)
    }

    const citizen = !business
    const synced = rng.chance(p.sync)
    const record: Record<string, unknown> = {
      MaHoSo: id,
      MaTTHC: p.localSuffix > 0 && rng.chance(legacy ? Math.max(0.8, p.localSuffix) : p.localSuffix)
        ? `${proc.code}.000.00.00.H99` : proc.code,
      TenTTHC: proc.name,
      MaLinhVuc: proc.field.code,
      TenLinhVuc: proc.field.name,
    }
    if (!legacy) record.KenhThucHien = channel
    record.ChuHoSo = owner
    record.LoaiDoiTuong = applicantType
    if (online && !legacy) record.MaDoiTuong = accountId(rng)
    if (!legacy) record.NgayNopHoSo = compactVn(submitted)
    record.NgayTiepNhan = compactVn(received)
    record.NgayHenTra = Number.isNaN(t.due) ? '' : compactVn(t.due)
    record.TrangThaiHoSo = t.status
    record.NgayKetThucXuLy = t.finish !== null && !finishOnlyInSteps ? compactVn(t.finish) : ''
    record.NgayTra = t.returned !== null ? compactVn(t.returned) : ''
    if (t.status === '3' && t.finish !== null && !legacy) record.NgayTuChoi = compactVn(t.finish)
    record.HinhThuc = channel === '3' || rng.chance(0.04) ? '1' : '0'
    record.DonViXuLy = unit.name
    if (p.sendsUnitCode ? rng.chance(0.97) : rng.chance(0.03)) record.MaDonVi = unit.code
    record.DongBoDVCQG = synced ? '1' : '0'
    if (!legacy) {
      record.NoiNopHoSo = online && rng.chance(0.2) ? '1' : '2'
      record.HoSoCoThanhPhanSoHoa = reuse ? '1' : '0'
      record.TaiKhoanDuocXacThucVoiVNeID = online && citizen && rng.chance(p.vneid) ? '1' : '0'
      record.DuocThanhToanTrucTuyen = paid
      if (citizen) record.DinhDanhCHS = [{ LoaiDinhDanh: '1', SoDinhDanh: personalId(rng, person.male) }]
      record.DSKetNoiCSDL = citizen && rng.chance(p.populationDb) ? [{ MaCSDL: '7' }] : []
    }
    record.TaiLieuNop = withFiles || rng.chance(0.5) ? components : []
    if (fees) record.DanhSachLePhi = fees
    record.DanhSachHoSoBoSung = supplementsOnlyInSteps ? [] : this.supplementList(t, state.commune)
    record.DanhSachGiayToKetQua = results

    let rating: Record<string, unknown> | null = null
    if (finished && rng.chance(0.1)) {
      const base = t.returned ?? (t.finish as number)
      const ratedAt = Math.min(this.ctx.untilEnd, base + rng.int(5, 60 * 48) * MINUTE)
      const satisfied = rng.chance(t.late ? p.satisfaction * 0.6 : p.satisfaction)
      rating = { dossierId: id, ratedAt: isoVn(ratedAt), satisfied }
    }
    return { id, record, steps, rating, synced }
  }

  /** Office time on `day` (moved to the next working day if needed), at least `after` + a few minutes. */
  private officeAt(day: number, after: Instant): Instant {
    let d = day
    while (!this.cal.isWorkingDay(d)) d++
    let at = dayNumberStart(d) + officeSeconds(this.rng) * 1000
    if (at <= after) {
      at = after + this.rng.int(10, 120) * MINUTE
      const local = vnDayNumber(at)
      const endOfDay = dayNumberStart(local) + 17 * HOUR
      if (at > endOfDay) at = this.officeAt(local + 1, after)
    }
    return at
  }

  /**
   * `hours` working hours after `at`: office days of 08:00–17:00 counted as 8 working hours
   * (1 working day = 8 hours, as one-stop systems convert), lunch not modelled.
   */
  private addWorkingHours(at: Instant, hours: number): Instant {
    const dayLength = 9 * HOUR
    let left = (hours / 8) * dayLength
    let t = at
    for (;;) {
      const day = vnDayNumber(t)
      const open = dayNumberStart(day) + 8 * HOUR
      const close = open + dayLength
      if (!this.cal.isWorkingDay(day) || t >= close) {
        t = dayNumberStart(this.cal.addWorkingDays(day + 1, 0)) + 8 * HOUR
        continue
      }
      if (t < open) t = open
      if (left <= close - t) return Math.round((t + left) / 1000) * 1000
      left -= close - t
      t = dayNumberStart(this.cal.addWorkingDays(day + 1, 0)) + 8 * HOUR
    }
  }

  /** Due date, outcome, finish, supplements and return of a dossier. */
  private timeline(proc: DemoProcedure, overdueRate: number, missingDue: number, received: Instant): Timeline {
    const rng = this.rng
    const cal = this.cal
    const untilEnd = this.ctx.untilEnd
    const recDay = vnDayNumber(received)

    let due: Instant
    let dueDay: number
    if (proc.timeUnit === 'hour') {
      due = this.addWorkingHours(received, proc.maxTime)
      dueDay = vnDayNumber(due)
    } else {
      dueDay = proc.timeUnit === 'working_day' ? cal.addWorkingDays(recDay, proc.maxTime) : cal.addWorkingDays(recDay + proc.maxTime, 0)
      due = dayNumberStart(dueDay) + 17 * HOUR
    }
    const dueSent = rng.chance(missingDue) ? NaN : due

    // Refused, withdrawn, stopped
    const u = rng.next()
    if (u < 0.024) {
      const kind = u < 0.014 ? '3' : u < 0.02 ? '7' : '8'
      const finish = kind === '3'
        ? Math.min(untilEnd, received + rng.int(5, 240) * MINUTE)
        : this.officeAt(cal.addWorkingDays(recDay, rng.int(1, kind === '7' ? 10 : 15)), received)
      if (finish <= untilEnd) {
        return { received, due: dueSent, status: kind, finish, returned: null, supplements: [], late: false }
      }
    }

    const late = rng.chance(overdueRate)
    let finish: Instant
    const supplements: Supplement[] = []
    if (proc.timeUnit === 'hour') {
      finish = late
        ? this.addWorkingHours(due, 0.5 + rng.next() * 16)
        : this.addWorkingHours(received, proc.maxTime * (0.05 + 0.9 * rng.next()))
    } else {
      const allowedDays = Math.max(0, cal.workingDaysBetween(recDay, dueDay))
      let baseDay: number
      if (late) baseDay = cal.addWorkingDays(dueDay, 1 + Math.min(30, Math.floor(-Math.log(1 - rng.next()) * 4)))
      else baseDay = cal.addWorkingDays(recDay, Math.floor(allowedDays * Math.pow(rng.next(), 1.4)))
      // Supplements: the citizen's time is added to the elapsed time.
      const r = rng.next()
      const n = proc.maxTime >= 2 ? (r < 0.12 ? 1 : r < 0.145 ? 2 : 0) : 0
      let shift = 0
      let cursor = received
      const offsets = Array.from({ length: n }, () => rng.next()).sort()
      const span = Math.max(0, baseDay - recDay)
      for (const f of offsets) {
        const requested = this.officeAt(recDay + Math.floor(f * span) + shift, cursor)
        const waitDays = rng.int(1, 12)
        const completed = this.officeAt(vnDayNumber(requested) + waitDays, requested)
        shift += vnDayNumber(completed) - vnDayNumber(requested)
        supplements.push({ requested, completed })
        cursor = completed
      }
      finish = this.officeAt(baseDay + shift, cursor)
      if (!late && n === 0 && finish > due) finish = Math.max(cursor + 5 * MINUTE, due - rng.int(1, 120) * MINUTE)
    }

    // Still open at the end of the data?
    if (finish > untilEnd) {
      const kept = supplements
        .filter((s) => s.requested <= untilEnd)
        .map((s) => (s.completed !== null && s.completed > untilEnd ? { requested: s.requested, completed: null } : s))
      let status = '4'
      const last = kept[kept.length - 1]
      if (last && last.completed === null) status = '5'
      else if (rng.chance(0.1)) {
        const from = last?.completed ?? received
        const requested = from + Math.floor(rng.next() * (untilEnd - from))
        if (requested > from && requested <= untilEnd) {
          kept.push({ requested, completed: null })
          status = '5'
        }
      } else if (proc.hasFee && rng.chance(0.15)) status = '6'
      else if (untilEnd - received < 2 * DAY_MS && rng.chance(0.5)) status = '2'
      return { received, due: dueSent, status, finish: null, returned: null, supplements: kept, late: due < untilEnd }
    }

    let returned: Instant | null = null
    let status = '9'
    if (rng.chance(0.65)) {
      const r = this.officeAt(cal.addWorkingDays(vnDayNumber(finish), rng.int(0, 3)), finish)
      if (r <= untilEnd) {
        returned = r
        status = '10'
      }
    }
    return { received, due: dueSent, status, finish, returned, supplements, late }
  }

  /** DanhSachHoSoBoSung of a timeline. */
  private supplementList(t: Timeline, commune: boolean): Record<string, unknown>[] {
    const staff = commune ? COMMUNE_STAFF : DEPARTMENT_STAFF
    let dueBefore = t.due
    return t.supplements.map((s, i) => {
      const dueAfter = Number.isNaN(dueBefore) || s.completed === null ? NaN : dueBefore + (s.completed - s.requested)
      const entry = {
        HoSoBoSungId: i + 1,
        NguoiYeuCauBoSung: personName(this.rng).name,
        NoiDungBoSung: this.rng.pick(SUPPLEMENT_CONTENTS),
        NgayBoSung: compactVn(s.requested),
        NguoiTiepNhanBoSung: s.completed === null ? '' : personName(this.rng).name,
        ThongTinTiepNhan: s.completed === null ? '' : DOSSIER_WORDS.supplementReceivedAt + staff.desk.office,
        NgayTiepNhanBoSung: s.completed === null ? '' : compactVn(s.completed),
        TrangThaiBoSung: s.completed !== null,
        DanhSachGiayToBoSung: [],
        DanhSachLePhiBoSung: [],
        NgayHenTraTruoc: Number.isNaN(dueBefore) ? '' : compactVn(dueBefore),
        NgayHenTraMoi: Number.isNaN(dueAfter) ? '' : compactVn(dueAfter),
      }
      dueBefore = dueAfter
      return entry
    })
  }

  /** CapNhatTienDoHoSoMC steps of a timeline, in time order. */
  private steps(id: string, t: Timeline, commune: boolean): Record<string, string>[] {
    const rng = this.rng
    const staff = commune ? COMMUNE_STAFF : DEPARTMENT_STAFF
    const desk = personName(rng).name
    const specialist = personName(rng).name
    const specialistTitle = rng.pick(staff.specialist.titles)
    const office = rng.pick(staff.specialist.offices)
    const leader = personName(rng).name
    const leaderTitle = rng.pick(staff.leader.titles)
    const out: Record<string, string>[] = []
    const endOfDay = (at: Instant): Instant => dayNumberStart(vnDayNumber(at)) + 17 * HOUR
    const push = (at: Instant, status: string, text: string, who: string, title: string, where: string, deadline: Instant): void => {
      const start = out.length > 0 ? out[out.length - 1].ThoiDiemXuLy : compactVn(t.received)
      out.push({
        MaHoSo: id, NguoiXuLy: who, ChucDanh: title, ThoiDiemXuLy: compactVn(at), PhongBanXuLy: where,
        NoiDungXuLy: text, TrangThai: status, NgayBatDau: start, NgayKetThucTheoQuyDinh: compactVn(deadline),
      })
    }
    const untilEnd = this.ctx.untilEnd
    let last = t.received
    push(t.received, '2', STEP_TEXTS.receive, desk, staff.desk.title, staff.desk.office, endOfDay(t.received))
    if (t.status === '3') {
      push(t.finish as number, '3', STEP_TEXTS.refuse, desk, staff.desk.title, staff.desk.office, endOfDay(t.received))
      return out
    }
    const dueOrDay = Number.isNaN(t.due) ? endOfDay(t.received) + 5 * DAY_MS : t.due
    const forwardAt = t.received + rng.int(15, 180) * MINUTE
    const firstEvent = t.supplements[0]?.requested ?? t.finish ?? untilEnd
    if (forwardAt < firstEvent && forwardAt <= untilEnd) {
      push(forwardAt, '4', STEP_TEXTS.forward, desk, staff.desk.title, staff.desk.office, endOfDay(forwardAt))
      last = forwardAt
    }
    for (const s of t.supplements) {
      push(s.requested, '5', STEP_TEXTS.supplement, specialist, specialistTitle, office, dueOrDay)
      last = s.requested
      if (s.completed !== null) {
        push(s.completed, '4', STEP_TEXTS.resume, desk, staff.desk.title, staff.desk.office, dueOrDay)
        last = s.completed
      }
    }
    if (t.finish === null) {
      if (t.status === '6') {
        const at = last + Math.floor(rng.next() * (untilEnd - last))
        if (at > last) push(at, '6', STEP_TEXTS.fee, specialist, specialistTitle, office, dueOrDay)
      } else if (t.status === '4' && last === t.received) {
        const at = Math.min(untilEnd, last + rng.int(10, 120) * MINUTE)
        if (at > last) push(at, '4', rng.pick(STEP_TEXTS.review), specialist, specialistTitle, office, dueOrDay)
      }
      return out
    }
    const finish = t.finish
    if (t.status === '7') {
      push(finish, '7', STEP_TEXTS.withdraw, desk, staff.desk.title, staff.desk.office, dueOrDay)
      return out
    }
    if (t.status === '8') {
      push(finish, '8', STEP_TEXTS.stop, specialist, specialistTitle, office, dueOrDay)
      return out
    }
    let submitAt = finish - rng.int(20, 180) * MINUTE
    const finishDayOpen = dayNumberStart(vnDayNumber(finish)) + 7.5 * HOUR
    if (submitAt < finishDayOpen) submitAt = finishDayOpen + Math.floor(rng.next() * Math.max(0, finish - finishDayOpen))
    if (submitAt > last && submitAt < finish) push(submitAt, '4', STEP_TEXTS.submit, specialist, specialistTitle, office, dueOrDay)
    push(finish, '9', STEP_TEXTS.sign, leader, leaderTitle, staff.leader.office, dueOrDay)
    if (t.returned !== null) push(t.returned, '10', STEP_TEXTS.returned, desk, staff.desk.title, staff.desk.office, dueOrDay)
    return out
  }
}
