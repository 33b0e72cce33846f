/**
 * @module adapters/import/dongbohosomc
 * One DongBoHoSoMC dossier object (the national sync payload, `shared/spec/data-dossier-sync.md`
 * §2) → the canonical `Dossier` of §10.2, with the import rules of §10.1: required fields,
 * rejection versus warning, unit resolution, and the values derived from the step timeline.
 * Runs once per record on files of a million dossiers: no per-call regex compilation, and
 * allocations only for what the record holds.
 */
import type {
  Channel,
  Dossier,
  DossierStatus,
  Instant,
  ProcessStep,
  SupplementRequest,
  Unit,
} from '../../engine/model.js'
import { type ImportIssue, RecordIssues } from './issues.js'
import { MESSAGES } from './messages.js'
import { codeOf, hasText, isObject, parsePayloadDate, quote } from './parse-values.js'

/** §10.2 `procedureCode`: the national code is the leading `d.dddddd` of MaTTHC. */
export const NATIONAL_PROCEDURE_CODE = /^(\d\.\d{6})(?:\.|$)/

/** Status codes 1–10 of §4, by their string code. */
export const DOSSIER_STATUS_CODES: ReadonlyMap<string, DossierStatus> = new Map(
  (['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const).map((c) => [c, c])
)

/** §10.2 `finishedAt`: the end states (9, 10, 8, 3, 7). */
const END_STATUSES: ReadonlySet<string> = new Set(['9', '10', '8', '3', '7'])

/** The one empty `supplementRequests` array shared by every dossier without a request. */
export const NO_SUPPLEMENT_REQUESTS: SupplementRequest[] = Object.freeze(
  []
) as unknown as SupplementRequest[]

const NO_STEPS: readonly ProcessStep[] = Object.freeze([])

/** Upper bound of remembered `DonViXuLy` spellings, so garbage names cannot grow memory. */
const NAME_CACHE_LIMIT = 20_000

/**
 * chiso's unit directory, used to resolve `MaDonVi`, `DonViXuLy` (a name) and the `MaHoSo`
 * prefix to a unit code. Build it with {@link buildUnitDirectory}.
 */
export interface UnitDirectory {
  /** Known unit codes. */
  readonly codes: ReadonlySet<string>
  /** Normalized name (see {@link normalizeUnitName}) → code; ambiguous names are left out. */
  readonly byName: ReadonlyMap<string, string>
  /** Names shared by two or more units, normalized, with the codes bearing them. */
  readonly ambiguousNames: ReadonlyMap<string, readonly string[]>
  /** Memo of raw `DonViXuLy` spellings → code or null. */
  readonly nameCache: Map<string, string | null>
}

/** §10.2 `unitCode` (1): names match after NFC normalization, trimming and lower-casing. */
export function normalizeUnitName(name: string): string {
  return name.normalize('NFC').trim().toLowerCase()
}

/** Build the unit directory from the accepted units. */
export function buildUnitDirectory(units: readonly Pick<Unit, 'code' | 'name'>[]): UnitDirectory {
  const codes = new Set<string>()
  const byName = new Map<string, string>()
  const ambiguousNames = new Map<string, string[]>()
  for (const unit of units) {
    codes.add(unit.code)
    const name = normalizeUnitName(unit.name)
    if (name === '') continue
    const shared = ambiguousNames.get(name)
    if (shared) shared.push(unit.code)
    else if (byName.has(name)) {
      ambiguousNames.set(name, [byName.get(name)!, unit.code])
      byName.delete(name)
    } else byName.set(name, unit.code)
  }
  return { codes, byName, ambiguousNames, nameCache: new Map() }
}

/** Code of the unit named `name` in the directory, or null (unknown or ambiguous name). */
export function resolveUnitName(directory: UnitDirectory, name: string): string | null {
  const cached = directory.nameCache.get(name)
  if (cached !== undefined) return cached
  const code = directory.byName.get(normalizeUnitName(name)) ?? null
  if (directory.nameCache.size < NAME_CACHE_LIMIT) directory.nameCache.set(name, code)
  return code
}

/**
 * What `normalizeDossier` needs besides the payload. One object may be reused for every record of
 * a file (the function keeps no reference to it): update `index`, `line`, `envelopeUnit` and
 * `steps` per record.
 */
export interface DossierContext {
  /** File name, for messages (e.g. `dossiers.json`). */
  file: string
  /** 1-based position of the record in the file. */
  index: number
  /** 1-based line number (NDJSON), or null. */
  line?: number | null
  /** The unit directory built from `units.json`. */
  units: UnitDirectory
  /** `madonvi` (or `MaDinhDanhDV`) of the envelope the record came in, or null. */
  envelopeUnit: string | null
  /** The unit declared for the import, or null. */
  declaredUnit: string | null
  /** §10.2 `populationDbConnected`: MaCSDL codes of the population database (default none). */
  populationDatabaseCodes: ReadonlySet<string>
  /** The steps known for this dossier (CapNhatTienDoHoSoMC), ideally sorted by `at`. */
  steps: readonly ProcessStep[]
}

/** Result of {@link normalizeDossier}. `issues` is shared and frozen when empty: do not mutate. */
export type NormalizeDossierResult =
  | { dossier: Dossier; issues: readonly ImportIssue[] }
  | { dossier: null; issues: readonly ImportIssue[] }

/** A context with defaults: no envelope, declared unit or population-database codes, no steps. */
export function createDossierContext(
  init: Pick<DossierContext, 'file' | 'units'> & Partial<DossierContext>
): DossierContext {
  return {
    index: 1,
    line: null,
    envelopeUnit: null,
    declaredUnit: null,
    populationDatabaseCodes: new Set(),
    steps: NO_STEPS,
    ...init,
  }
}

function sortedSteps(steps: readonly ProcessStep[]): readonly ProcessStep[] {
  for (let i = 1; i < steps.length; i++) {
    if (steps[i].at < steps[i - 1].at) return [...steps].sort((a, b) => a.at - b.at)
  }
  return steps
}

function readDate(rec: RecordIssues, value: unknown, field: string): Instant | null {
  const t = parsePayloadDate(value)
  if (t === 'malformed') {
    rec.error(field, MESSAGES.badCompactDate(field, quote(value)))
    return null
  }
  return t
}

/**
 * A 0/1(/2) flag of §10.2. Unexpected values count as 0, with a warning.
 * @param max highest allowed code (1 or 2)
 */
function readFlag(
  rec: RecordIssues,
  value: unknown,
  list: string | null,
  i: number,
  name: string,
  max: 1 | 2
): number {
  if (value === undefined || value === null || value === '' || value === '0') return 0
  if (value === '1') return 1
  const code = codeOf(value)
  if (code === '' || code === '0') return 0
  if (code === '1') return 1
  if (code === '2' && max === 2) return 2
  const path = list === null ? name : `${list}[${i}].${name}`
  rec.warn(path, MESSAGES.badFlag(path, quote(value), max === 2 ? '0/1/2' : '0/1', '0'))
  return 0
}

/** chiso extension flags: "1"/"0", 1/0, true/false. null = absent; undefined = invalid. */
function extensionFlag(value: unknown): boolean | null | undefined {
  if (value === undefined || value === null || value === '') return null
  if (value === '1' || value === 1 || value === true) return true
  if (value === '0' || value === 0 || value === false) return false
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase()
    if (v === '') return null
    if (v === '1' || v === 'true') return true
    if (v === '0' || v === 'false') return false
  }
  return undefined
}

function isDeleted(value: unknown): boolean {
  if (value === 'False' || value === undefined || value === null || value === '') return false
  if (value === true || value === 'True') return true
  return typeof value === 'string' && value.trim().toLowerCase() === 'true'
}

/** Gia of a fee line in VND, or -1 when malformed (§10.2 `feeTotal`). */
function feeAmount(value: unknown): number {
  if (value === undefined || value === null) return 0
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : -1
  if (typeof value !== 'string') return -1
  const s = value.trim()
  if (s.length === 0) return 0
  if (s.length > 15) return -1
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return -1
  }
  return +s
}

function addCodes(codes: ReadonlySet<string>, value: unknown): boolean {
  if (Array.isArray(value)) {
    for (const v of value) if (addCodes(codes, isObject(v) ? v.MaCSDL : v)) return true
    return false
  }
  const code = codeOf(value)
  if (!code) return false
  if (codes.has(code)) return true
  if (code.includes(',') || code.includes(';')) {
    for (const part of code.split(/[,;]/)) if (codes.has(part.trim())) return true
  }
  return false
}

/**
 * Normalize one DongBoHoSoMC dossier object into the canonical `Dossier` (§10.2).
 *
 * - Rejected (returns `dossier: null` with at least one error): missing `MaHoSo`; missing
 *   `MaTTHC` or one without a national `d.dddddd` prefix; no resolvable unit; any malformed date;
 *   no status in the header nor in the steps; a supplement entry without `NgayBoSung` or completed
 *   before it was requested; a malformed `Gia`; a `DongBoDVCQG` other than 1/0.
 * - Kept with a warning: unknown status (→ `'unknown'`), channel or flag codes (→ defaults),
 *   no receipt and no submission date, `NgayKetThucXuLy` with a non-end status, unknown `MaDonVi`.
 *
 * Unit resolution, first match wins: `MaDonVi` (chiso extension, a known code) → `DonViXuLy`
 * through the directory → the `MaHoSo` prefix before the first "-" when it is a known code →
 * the envelope `madonvi` when known → the declared import unit when known.
 *
 * @param raw one element of the payload's `data` array (or one NDJSON line)
 * @param ctx file, position, unit directory, envelope and declared units, steps of the dossier
 * @example
 * const ctx = createDossierContext({ file: 'dossiers.json', units: buildUnitDirectory(units) })
 * const { dossier, issues } = normalizeDossier(payload.data[0], ctx)
 */
export function normalizeDossier(raw: unknown, ctx: DossierContext): NormalizeDossierResult {
  const rec = new RecordIssues('dossier', ctx.file, ctx.index, ctx.line ?? null)
  if (!isObject(raw)) {
    rec.error(null, MESSAGES.notObject)
    return { dossier: null, issues: rec.list }
  }

  // MaHoSo (required)
  const id = codeOf(raw.MaHoSo)
  if (id) rec.key = id
  else if (id === null) rec.error('MaHoSo', MESSAGES.notText('MaHoSo', quote(raw.MaHoSo)))
  else rec.error('MaHoSo', MESSAGES.missing('MaHoSo', 'mã hồ sơ'))

  // MaTTHC (required): the national code, local suffixes stripped
  const procedureRaw = codeOf(raw.MaTTHC)
  let procedureCode = ''
  if (procedureRaw === null) rec.error('MaTTHC', MESSAGES.notText('MaTTHC', quote(raw.MaTTHC)))
  else if (procedureRaw === '') {
    rec.error('MaTTHC', MESSAGES.missing('MaTTHC', 'mã thủ tục hành chính'))
  } else if (!NATIONAL_PROCEDURE_CODE.test(procedureRaw)) {
    rec.error('MaTTHC', MESSAGES.notNationalProcedureCode(quote(procedureRaw)))
  } else procedureCode = procedureRaw.length === 8 ? procedureRaw : procedureRaw.slice(0, 8)

  // Header dates: malformed → reject (§10.1)
  const receivedAt = readDate(rec, raw.NgayTiepNhan, 'NgayTiepNhan')
  const submittedAt = readDate(rec, raw.NgayNopHoSo, 'NgayNopHoSo')
  const dueAt = readDate(rec, raw.NgayHenTra, 'NgayHenTra')
  const processingEndAt = readDate(rec, raw.NgayKetThucXuLy, 'NgayKetThucXuLy')
  const returnedAt = readDate(rec, raw.NgayTra, 'NgayTra')
  const refusedAt = readDate(rec, raw.NgayTuChoi, 'NgayTuChoi')

  const steps = ctx.steps.length > 1 ? sortedSteps(ctx.steps) : ctx.steps

  // Status: header, else the latest step
  const statusCode = codeOf(raw.TrangThaiHoSo)
  let status: DossierStatus = 'unknown'
  if (statusCode === '') {
    if (steps.length > 0) status = steps[steps.length - 1].status
    else rec.error('TrangThaiHoSo', MESSAGES.statusMissing)
  } else {
    const known = statusCode === null ? undefined : DOSSIER_STATUS_CODES.get(statusCode)
    if (known !== undefined) status = known
    else {
      const text = MESSAGES.unknownStatus('TrangThaiHoSo', quote(raw.TrangThaiHoSo))
      rec.warn('TrangThaiHoSo', text)
    }
  }

  // Channel
  let channel: Channel = 'in_person'
  const channelValue = raw.KenhThucHien
  if (channelValue === '2') channel = 'online'
  else if (channelValue !== undefined && channelValue !== null && channelValue !== '1') {
    const code = codeOf(channelValue)
    if (code === '2') channel = 'online'
    else if (code === '3') channel = 'postal'
    else if (code !== '' && code !== '1') {
      rec.warn('KenhThucHien', MESSAGES.unknownChannel(quote(channelValue)))
    }
  }

  // Unit (required)
  let unitCode: string | null = null
  const units = ctx.units
  const explicitUnit = codeOf(raw.MaDonVi)
  if (explicitUnit === null || (explicitUnit !== '' && !units.codes.has(explicitUnit))) {
    rec.warn('MaDonVi', MESSAGES.unitCodeUnknown(quote(raw.MaDonVi)))
  } else if (explicitUnit !== '') unitCode = explicitUnit
  const unitName = raw.DonViXuLy
  if (unitCode === null && typeof unitName === 'string' && unitName !== '') {
    unitCode = resolveUnitName(units, unitName)
  }
  let prefix = ''
  if (unitCode === null && id) {
    const dash = id.indexOf('-')
    if (dash > 0) {
      prefix = id.slice(0, dash)
      if (units.codes.has(prefix)) unitCode = prefix
    }
  }
  if (unitCode === null && ctx.envelopeUnit !== null && units.codes.has(ctx.envelopeUnit)) {
    unitCode = ctx.envelopeUnit
  }
  if (unitCode === null && ctx.declaredUnit !== null && units.codes.has(ctx.declaredUnit)) {
    unitCode = ctx.declaredUnit
  }
  if (unitCode === null) {
    const text = MESSAGES.unitUnresolved(
      explicitUnit ? quote(explicitUnit) : 'trống',
      hasText(unitName) ? quote(unitName) : 'trống',
      prefix ? quote(prefix) : 'trống'
    )
    rec.error('DonViXuLy', text)
  }

  // One pass over the timeline (sorted): first time of each end state, supplement runs
  let first9: Instant | null = null
  let first10: Instant | null = null
  let firstOther: Instant | null = null
  let otherStatus: DossierStatus | null = null
  let stepSupplements: SupplementRequest[] | null = null
  if (steps.length > 0) {
    let open: SupplementRequest | null = null
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i]
      const s = step.status
      if (s === '5') {
        // §10.2 supplementRequests: a run of TrangThai-5 steps opens one request
        if (open === null) {
          open = { requestedAt: step.at, completedAt: null }
          ;(stepSupplements ??= []).push(open)
        }
        continue
      }
      if (open !== null) {
        open.completedAt = step.at
        open = null
      }
      if (s === '9') {
        if (first9 === null) first9 = step.at
      } else if (s === '10') {
        if (first10 === null) first10 = step.at
      } else if (s === '8' || s === '3' || s === '7') {
        if (firstOther === null) {
          firstOther = step.at
          otherStatus = s
        }
      }
    }
  }

  // Supplement requests: DanhSachHoSoBoSung when non-empty, else the step runs
  let supplementRequests: SupplementRequest[] = NO_SUPPLEMENT_REQUESTS
  const supplementList = raw.DanhSachHoSoBoSung
  if (Array.isArray(supplementList) && supplementList.length > 0) {
    const list: SupplementRequest[] = []
    for (let i = 0; i < supplementList.length; i++) {
      const entry: unknown = supplementList[i]
      const path = `DanhSachHoSoBoSung[${i}]`
      if (!isObject(entry)) {
        rec.error(path, MESSAGES.entryNotObject(path))
        continue
      }
      const requested = parsePayloadDate(entry.NgayBoSung)
      const completedAt = readDate(rec, entry.NgayTiepNhanBoSung, `${path}.NgayTiepNhanBoSung`)
      if (requested === null) {
        rec.error(`${path}.NgayBoSung`, MESSAGES.supplementNoRequestDate(path))
        continue
      }
      const requestedAt = readDate(rec, entry.NgayBoSung, `${path}.NgayBoSung`)
      if (requestedAt === null) continue
      if (completedAt !== null && completedAt < requestedAt) {
        rec.error(
          `${path}.NgayTiepNhanBoSung`,
          MESSAGES.supplementCompletedBefore(
            path,
            quote(entry.NgayTiepNhanBoSung),
            quote(entry.NgayBoSung)
          )
        )
        continue
      }
      list.push({ requestedAt, completedAt })
    }
    if (list.length > 0) supplementRequests = list
  } else if (supplementList !== undefined && supplementList !== null && supplementList !== '') {
    if (!Array.isArray(supplementList)) {
      rec.error('DanhSachHoSoBoSung', MESSAGES.notArray('DanhSachHoSoBoSung'))
    }
  }
  if (supplementRequests === NO_SUPPLEMENT_REQUESTS && stepSupplements !== null) {
    supplementRequests = stepSupplements
  }

  // finishedAt (§10.2): NgayKetThucXuLy → steps 9 > 10 > {8, 3, 7} → header 10 (NgayTra) or
  // 3 (NgayTuChoi)
  let finishedAt: Instant | null = null
  let endStatus: DossierStatus | null = null
  if (processingEndAt !== null) {
    finishedAt = processingEndAt
    if (END_STATUSES.has(status)) endStatus = status
    else {
      const text = MESSAGES.endWithoutEndStatus(
        quote(raw.NgayKetThucXuLy),
        quote(raw.TrangThaiHoSo ?? status)
      )
      rec.warn('NgayKetThucXuLy', text)
    }
  } else if (first9 !== null) {
    finishedAt = first9
    endStatus = '9'
  } else if (first10 !== null) {
    finishedAt = first10
    endStatus = '10'
  } else if (firstOther !== null) {
    finishedAt = firstOther
    endStatus = otherStatus
  } else if (status === '10' && returnedAt !== null) {
    finishedAt = returnedAt
    endStatus = '10'
  } else if (status === '3' && refusedAt !== null) {
    finishedAt = refusedAt
    endStatus = '3'
  }

  // Fees
  let feeTotal = 0
  let feeLineCount = 0
  const fees = raw.DanhSachLePhi
  if (Array.isArray(fees)) {
    for (let i = 0; i < fees.length; i++) {
      const line: unknown = fees[i]
      if (!isObject(line)) {
        rec.error(`DanhSachLePhi[${i}]`, MESSAGES.entryNotObject(`DanhSachLePhi[${i}]`))
        continue
      }
      const amount = feeAmount(line.Gia)
      if (amount < 0) {
        const path = `DanhSachLePhi[${i}].Gia`
        rec.error(path, MESSAGES.badFee(path, quote(line.Gia)))
        continue
      }
      feeTotal += amount
      feeLineCount++
    }
  } else if (fees !== undefined && fees !== null && fees !== '') {
    rec.error('DanhSachLePhi', MESSAGES.notArray('DanhSachLePhi'))
  }

  // Components (deleted ones ignored)
  let hasComponentFile = false
  let reusesDigitizedData =
    readFlag(rec, raw.HoSoCoThanhPhanSoHoa, null, 0, 'HoSoCoThanhPhanSoHoa', 1) === 1
  let hasComponentFromPersonalDataStore = false
  const components = raw.TaiLieuNop
  if (Array.isArray(components)) {
    for (let i = 0; i < components.length; i++) {
      const c: unknown = components[i]
      if (!isObject(c)) {
        rec.warn(`TaiLieuNop[${i}]`, MESSAGES.entryIgnored(`TaiLieuNop[${i}]`))
        continue
      }
      if (isDeleted(c.IsDeleted)) continue
      if (!hasComponentFile && hasText(c.DuongDanTaiTepTin)) hasComponentFile = true
      if (readFlag(rec, c.DuocSoHoa, 'TaiLieuNop', i, 'DuocSoHoa', 1) === 1) {
        reusesDigitizedData = true
      }
      if (readFlag(rec, c.DuocTaiSuDung, 'TaiLieuNop', i, 'DuocTaiSuDung', 2) > 0) {
        reusesDigitizedData = true
      }
      if (readFlag(rec, c.DuocLayTuKhoDMQG, 'TaiLieuNop', i, 'DuocLayTuKhoDMQG', 1) === 1) {
        hasComponentFromPersonalDataStore = true
      }
    }
  } else if (components !== undefined && components !== null && components !== '') {
    rec.warn('TaiLieuNop', MESSAGES.entryIgnored('TaiLieuNop'))
  }

  // Electronic results
  let hasElectronicResult = false
  let hasCodedElectronicResult = false
  const results = raw.DanhSachGiayToKetQua
  if (Array.isArray(results)) {
    for (let i = 0; i < results.length; i++) {
      const r: unknown = results[i]
      if (!isObject(r)) {
        rec.warn(`DanhSachGiayToKetQua[${i}]`, MESSAGES.entryIgnored(`DanhSachGiayToKetQua[${i}]`))
        continue
      }
      if (hasText(r.DuongDanTepTinKetQua)) {
        hasElectronicResult = true
        if (hasText(r.MaGiayToKetQua)) hasCodedElectronicResult = true
      }
    }
  } else if (results !== undefined && results !== null && results !== '') {
    rec.warn('DanhSachGiayToKetQua', MESSAGES.entryIgnored('DanhSachGiayToKetQua'))
  }

  // Online payment: 1 portal, 2 local gateway; 0 and 3 not paid online (§8 question 2)
  let paidOnline = false
  const payment = raw.DuocThanhToanTrucTuyen
  if (payment !== undefined && payment !== null && payment !== '' && payment !== '0') {
    const code = codeOf(payment)
    if (code === '1' || code === '2') paidOnline = true
    else if (code !== '' && code !== '0' && code !== '3') {
      rec.warn(
        'DuocThanhToanTrucTuyen',
        MESSAGES.badFlag(
          'DuocThanhToanTrucTuyen',
          quote(payment),
          '0/1/2/3',
          'không thanh toán trực tuyến'
        )
      )
    }
  }

  const vneidAuthenticated =
    readFlag(rec, raw.TaiKhoanDuocXacThucVoiVNeID, null, 0, 'TaiKhoanDuocXacThucVoiVNeID', 1) === 1

  // Population database: only when codes are configured (§8 question 4)
  const populationCodes = ctx.populationDatabaseCodes
  const populationDbConnected =
    populationCodes.size > 0 &&
    (addCodes(populationCodes, raw.DSKetNoiCSDL) ||
      addCodes(populationCodes, raw.MaCSDL) ||
      addCodes(populationCodes, raw.MaCSDLDaKetNoi))

  // chiso extension fields
  const synced = extensionFlag(raw.DongBoDVCQG)
  if (synced === undefined) {
    rec.error('DongBoDVCQG', MESSAGES.badSyncFlag('DongBoDVCQG', quote(raw.DongBoDVCQG)))
  }
  const pushed = extensionFlag(raw.KetQuaDayVaoKhoDMQG)
  if (pushed === undefined) {
    rec.warn(
      'KetQuaDayVaoKhoDMQG',
      MESSAGES.badFlag('KetQuaDayVaoKhoDMQG', quote(raw.KetQuaDayVaoKhoDMQG), '0/1', '0')
    )
  }

  if (rec.rejected) return { dossier: null, issues: rec.list }

  if (receivedAt === null && submittedAt === null) rec.warn('NgayTiepNhan', MESSAGES.noReceiptDate)

  const dossier: Dossier = {
    id: id!,
    procedureCode,
    unitCode: unitCode!,
    channel,
    receivedAt,
    submittedAt,
    dueAt,
    finishedAt,
    endStatus,
    status,
    supplementRequests,
    resultReturnedAt: returnedAt ?? first10,
    paidOnline,
    feeTotal,
    hasPositiveFee: feeTotal > 0,
    feeLineCount,
    hasComponentFile,
    reusesDigitizedData,
    hasComponentFromPersonalDataStore,
    resultPushedToPersonalDataStore: pushed === true,
    hasElectronicResult,
    hasCodedElectronicResult,
    vneidAuthenticated,
    populationDbConnected,
    syncedToPortal: synced ?? null,
  }
  return { dossier, issues: rec.list }
}
