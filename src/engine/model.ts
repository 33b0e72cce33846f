/**
 * @module engine/model
 * The normalized records the engine consumes. Adapters (file import, database, HTTP feed) build
 * them; the engine never sees a raw payload. Times are epoch milliseconds (UTC instants); a
 * Vietnamese wall-clock time is converted once, at the edge (see `engine/time.ts`).
 *
 * Glossary: dossier = hồ sơ; procedure = thủ tục hành chính (TTHC); petition = phản ánh, kiến nghị
 * (PAKN); unit = đơn vị (bộ, tỉnh, sở, huyện, xã).
 */

/** Epoch milliseconds (UTC instant). */
export type Instant = number

/** Unit levels. `department` = sở, ngành (level `PROVINCE` on the portal). */
export const UNIT_LEVELS = ['ministry', 'province', 'department', 'district', 'commune'] as const
export type UnitLevel = (typeof UNIT_LEVELS)[number]

/** Đơn vị: an administrative unit scored by the index. */
export interface Unit {
  /** Mã định danh điện tử, e.g. `000.00.01.H22`. */
  code: string
  name: string
  level: UnitLevel
  /** Code of the parent unit (tỉnh for a sở or xã), or null for the root. */
  parent: string | null
}

/** Implementing level of a procedure (cấp thực hiện). */
export const PROCEDURE_LEVELS = ['ministry', 'province', 'district', 'commune'] as const
export type ProcedureLevel = (typeof PROCEDURE_LEVELS)[number]

export type OnlineLevel = 'full' | 'partial' | 'none'
/** Đơn vị tính of the maximum processing time. */
export type TimeUnit = 'working_day' | 'day' | 'hour'

/** QĐCB: the publication of a procedure (1.1, 1.2, 1.3). Dates are `YYYY-MM-DD`. */
export interface Publication {
  /** Ngày ký quyết định công bố. */
  decisionDate: string | null
  /** Latest effective date (NGAYHIEULUC) of the procedure's legal basis. */
  legalEffectiveDate: string | null
  /** Date the procedure was made public on the national procedure database. */
  publicOnPortalDate: string | null
  /** How many of the seven required parts the public record has (0…7). */
  completeParts: number | null
}

/** Thủ tục hành chính, from the procedure catalogue. */
export interface Procedure {
  code: string
  name: string
  level: ProcedureLevel
  onlineLevel: OnlineLevel
  /** Đủ điều kiện thực hiện DVCTT toàn trình. */
  eligibleFullOnline: boolean
  /** Có phí, lệ phí (catalog SOTIEN ≠ 0). */
  hasFee: boolean
  /** Must return a paper result (yêu cầu kết quả bản giấy). */
  paperResult: boolean
  /** Subjects include citizens (Công dân Việt Nam, người VN định cư ở nước ngoài, người nước ngoài). */
  citizenSubject: boolean
  /** Thời hạn giải quyết. */
  maxTime: number
  timeUnit: TimeUnit
  /** Units applying the procedure; absent = every unit of its level. */
  units?: string[]
  publication?: Publication
  /** Chứng thực bản sao điện tử từ bản chính (4.6). */
  electronicCertification?: boolean
}

export type Channel = 'in_person' | 'online' | 'postal'
export type DossierStatus = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | 'unknown'

export interface SupplementRequest {
  requestedAt: Instant
  completedAt: Instant | null
}

/** Hồ sơ: the canonical record of `shared/spec/data-dossier-sync.md` §10.2. */
export interface Dossier {
  /** MaHoSo. */
  id: string
  /** MaTTHC reduced to the national `d.dddddd` code. */
  procedureCode: string
  unitCode: string
  channel: Channel
  receivedAt: Instant | null
  submittedAt: Instant | null
  dueAt: Instant | null
  finishedAt: Instant | null
  /** Status used for `finishedAt` (9, 10, 8, 3, 7) or null. */
  endStatus: DossierStatus | null
  status: DossierStatus
  supplementRequests: SupplementRequest[]
  resultReturnedAt: Instant | null
  paidOnline: boolean
  feeTotal: number
  hasPositiveFee: boolean
  feeLineCount: number
  hasComponentFile: boolean
  reusesDigitizedData: boolean
  hasComponentFromPersonalDataStore: boolean
  /** Electronic result pushed to the citizen's data store (chiso extension field, 4.4). */
  resultPushedToPersonalDataStore: boolean
  hasElectronicResult: boolean
  hasCodedElectronicResult: boolean
  vneidAuthenticated: boolean
  populationDbConnected: boolean
  /** null = unknown (counted as not synced in 1.4, and reported). */
  syncedToPortal: boolean | null
}

/** A step of the processing timeline (CapNhatTienDoHoSoMC). */
export interface ProcessStep {
  dossierId: string
  at: Instant
  status: DossierStatus
  statusRaw: string
  text: string | null
  officer: string | null
  department: string | null
}

/** Phản ánh, kiến nghị (PAKN). */
export interface Petition {
  id: string
  unitCode: string
  /** Gửi: when the citizen sent it. */
  sentAt: Instant
  /** Chuyển: forwarded by VPCP or another agency; the 15-working-day clock restarts. */
  forwardedAt: Instant | null
  /** Trả lời (moved to awaiting publication / published). */
  answeredAt: Instant | null
  /** Từ chối tiếp nhận. */
  rejectedAt: Instant | null
  /** Yêu cầu bổ sung thông tin. */
  supplementRequestedAt: Instant | null
  /** Công khai kết quả. */
  publishedAt: Instant | null
  category: 'procedure' | 'staff' | 'other' | null
  likes: number
  dislikes: number
  /** Bị phản ánh lại (complained about again). */
  repeatedComplaint: boolean
  /** MaHoSo of the dossier the petition is about, if any (5.4). */
  dossierId: string | null
}

/** Đánh giá mức độ hài lòng of a dossier. */
export interface Rating {
  dossierId: string
  at: Instant | null
  satisfied: boolean
}

/** Counts of the national reporting system (1.4). Optional. */
export interface SyncReport {
  unitCode: string
  /** `YYYY-MM` the counts refer to. */
  month: string
  /** Dossiers received per the national reporting system. */
  receivedNationalReport: number | null
  /** Dossiers received per the portal. */
  receivedPortal: number | null
}

/** Everything the engine scores. */
export interface Dataset {
  units: Unit[]
  procedures: Procedure[]
  dossiers: Dossier[]
  steps?: ProcessStep[]
  petitions: Petition[]
  ratings: Rating[]
  syncReports?: SyncReport[]
}
