/**
 * @module adapters/store/rows
 * Records ↔ rows: the canonical `Dossier` and `ProcessStep`, units, procedures, petitions,
 * ratings and sync reports as the columns of `schema.ts`, and back. Also the version rule that
 * decides whether a pushed dossier header replaces the stored one (`docs/storage.md`).
 */
import { createHash } from 'node:crypto'
import type {
  Channel,
  Dossier,
  DossierStatus,
  Instant,
  Petition,
  ProcessStep,
  Procedure,
  ProcedureLevel,
  Rating,
  SupplementRequest,
  SyncReport,
  Unit,
  UnitLevel,
} from '../../engine/model.js'
import { codeOf, isObject, parsePayloadDate } from '../import/parse-values.js'
import { DOSSIER_CANONICAL_COLUMNS, numOrNull, textOrNull, type ColumnValue, type Row } from './schema.js'

/** SHA-1 of a text, base64 (27 characters): payload and record fingerprints. */
export function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64').slice(0, 27)
}

const bit = (b: boolean): number => (b ? 1 : 0)
const num = numOrNull
const str = textOrNull

// ---------------------------------------------------------------------------------------------
// Version rule

/**
 * Rank of a header status (`TrangThaiHoSo`) in the life of a dossier: 1 < 2 < 4 < 5/6 < the
 * end states 3/7/8 < 9 < 10. Unknown or missing: 0.
 */
export const STATUS_RANK: Readonly<Record<string, number>> = Object.freeze({
  '1': 1,
  '2': 2,
  '4': 3,
  '5': 4,
  '6': 4,
  '3': 5,
  '7': 5,
  '8': 5,
  '9': 6,
  '10': 7,
})

/** The dates of a DongBoHoSoMC header that record an event (not `NgayHenTra`, a deadline). */
const EVENT_FIELDS = ['NgayNopHoSo', 'NgayTiepNhan', 'NgayKetThucXuLy', 'NgayTra', 'NgayTuChoi'] as const

function later(a: Instant | null, raw: unknown): Instant | null {
  const t = parsePayloadDate(raw)
  return typeof t === 'number' && (a === null || t > a) ? t : a
}

/**
 * Version of a pushed header: its latest event instant — the max of NgayNopHoSo, NgayTiepNhan,
 * NgayKetThucXuLy, NgayTra, NgayTuChoi and every NgayBoSung / NgayTiepNhanBoSung of
 * DanhSachHoSoBoSung — or null when it has none. Steps (CapNhatTienDoHoSoMC) are pushed apart
 * from the header and never count: a header is compared with a header.
 */
export function headerVersion(raw: Record<string, unknown>): Instant | null {
  let v: Instant | null = null
  for (const f of EVENT_FIELDS) v = later(v, raw[f])
  const list = raw.DanhSachHoSoBoSung
  if (Array.isArray(list)) {
    for (const entry of list) {
      if (!isObject(entry)) continue
      v = later(v, entry.NgayBoSung)
      v = later(v, entry.NgayTiepNhanBoSung)
    }
  }
  return v
}

/** {@link STATUS_RANK} of a header's `TrangThaiHoSo`. */
export function statusRank(raw: Record<string, unknown>): number {
  const code = codeOf(raw.TrangThaiHoSo)
  return (code && STATUS_RANK[code]) || 0
}

/** What the version rule compares. */
export interface HeaderVersion {
  version: Instant | null
  rank: number
}

/** Negative when `a` is older than `b`: by latest event instant (none = oldest), then status rank. */
export function compareVersions(a: HeaderVersion, b: HeaderVersion): number {
  const av = a.version ?? -Infinity
  const bv = b.version ?? -Infinity
  if (av !== bv) return av < bv ? -1 : 1
  return a.rank - b.rank
}

// ---------------------------------------------------------------------------------------------
// Dossiers

/** Column names of the canonical dossier fields, in {@link dossierFromRow} order. */
export const DOSSIER_COLUMNS: readonly string[] = DOSSIER_CANONICAL_COLUMNS.map((c) => c.name)

/** The canonical columns of a dossier. */
export function dossierToRow(d: Dossier): Row {
  return {
    dossier_id: d.id,
    procedure_code: d.procedureCode,
    unit_code: d.unitCode,
    channel: d.channel,
    received_at: d.receivedAt,
    submitted_at: d.submittedAt,
    due_at: d.dueAt,
    finished_at: d.finishedAt,
    end_status: d.endStatus,
    status: d.status,
    supplement_requests: d.supplementRequests.length === 0 ? '[]' : JSON.stringify(d.supplementRequests),
    result_returned_at: d.resultReturnedAt,
    paid_online: bit(d.paidOnline),
    fee_total: d.feeTotal,
    has_positive_fee: bit(d.hasPositiveFee),
    fee_line_count: d.feeLineCount,
    has_component_file: bit(d.hasComponentFile),
    reuses_digitized_data: bit(d.reusesDigitizedData),
    has_component_from_personal_data_store: bit(d.hasComponentFromPersonalDataStore),
    result_pushed_to_personal_data_store: bit(d.resultPushedToPersonalDataStore),
    has_electronic_result: bit(d.hasElectronicResult),
    has_coded_electronic_result: bit(d.hasCodedElectronicResult),
    vneid_authenticated: bit(d.vneidAuthenticated),
    population_db_connected: bit(d.populationDbConnected),
    synced_to_portal: d.syncedToPortal === null ? null : bit(d.syncedToPortal),
  }
}

const NO_SUPPLEMENTS: SupplementRequest[] = Object.freeze([]) as unknown as SupplementRequest[]

/** A dossier from its canonical columns ({@link DOSSIER_COLUMNS} order). */
export function dossierFromRow(r: readonly ColumnValue[]): Dossier {
  const supplements = r[10] === '[]' ? NO_SUPPLEMENTS : (JSON.parse(String(r[10])) as SupplementRequest[])
  return {
    id: String(r[0]),
    procedureCode: String(r[1]),
    unitCode: String(r[2]),
    channel: r[3] as Channel,
    receivedAt: num(r[4]),
    submittedAt: num(r[5]),
    dueAt: num(r[6]),
    finishedAt: num(r[7]),
    endStatus: r[8] as DossierStatus | null,
    status: r[9] as DossierStatus,
    supplementRequests: supplements,
    resultReturnedAt: num(r[11]),
    paidOnline: r[12] === 1,
    feeTotal: Number(r[13]),
    hasPositiveFee: r[14] === 1,
    feeLineCount: Number(r[15]),
    hasComponentFile: r[16] === 1,
    reusesDigitizedData: r[17] === 1,
    hasComponentFromPersonalDataStore: r[18] === 1,
    resultPushedToPersonalDataStore: r[19] === 1,
    hasElectronicResult: r[20] === 1,
    hasCodedElectronicResult: r[21] === 1,
    vneidAuthenticated: r[22] === 1,
    populationDbConnected: r[23] === 1,
    syncedToPortal: r[24] === null ? null : r[24] === 1,
  }
}

// ---------------------------------------------------------------------------------------------
// Steps

/** Columns of a stored step read back by {@link stepFromRow}. */
export const STEP_COLUMNS: readonly string[] = ['at', 'status', 'status_raw', 'text', 'officer', 'department']

/** A step of `dossierId` from its {@link STEP_COLUMNS}. */
export function stepFromRow(dossierId: string, r: readonly ColumnValue[]): ProcessStep {
  return {
    dossierId,
    at: Number(r[0]),
    status: r[1] as DossierStatus,
    statusRaw: String(r[2]),
    text: str(r[3]),
    officer: str(r[4]),
    department: str(r[5]),
  }
}

/** Merge key of a step (§9): ThoiDiemXuLy and the raw TrangThai, within one MaHoSo. */
export function stepKey(at: Instant, statusRaw: string): string {
  return `${at}|${statusRaw}`
}

// ---------------------------------------------------------------------------------------------
// Catalogue, petitions, ratings, sync reports

/** Columns of `units` read by {@link unitFromRow}. */
export const UNIT_COLUMNS: readonly string[] = ['code', 'name', 'level', 'parent']

/** The typed columns of a unit. */
export function unitToRow(u: Unit): Row {
  return { code: u.code, name: u.name, level: u.level, parent: u.parent }
}

/** A unit from its {@link UNIT_COLUMNS}. */
export function unitFromRow(r: readonly ColumnValue[]): Unit {
  return { code: String(r[0]), name: String(r[1]), level: r[2] as UnitLevel, parent: str(r[3]) }
}

/** Columns of `procedures` read by {@link procedureFromRow}. */
export const PROCEDURE_COLUMNS: readonly string[] = ['record']

/** The columns of a procedure: code, name, level and the whole record as JSON. */
export function procedureToRow(p: Procedure): Row {
  return { code: p.code, name: p.name, level: p.level satisfies ProcedureLevel, record: JSON.stringify(p) }
}

/** A procedure from its {@link PROCEDURE_COLUMNS}. */
export function procedureFromRow(r: readonly ColumnValue[]): Procedure {
  return JSON.parse(String(r[0])) as Procedure
}

/** Columns of `petitions` read by {@link petitionFromRow}. */
export const PETITION_COLUMNS: readonly string[] = [
  'id',
  'unit_code',
  'sent_at',
  'forwarded_at',
  'answered_at',
  'rejected_at',
  'supplement_requested_at',
  'published_at',
  'category',
  'likes',
  'dislikes',
  'repeated_complaint',
  'dossier_id',
]

/** The typed columns of a petition. */
export function petitionToRow(p: Petition): Row {
  return {
    id: p.id,
    unit_code: p.unitCode,
    sent_at: p.sentAt,
    forwarded_at: p.forwardedAt,
    answered_at: p.answeredAt,
    rejected_at: p.rejectedAt,
    supplement_requested_at: p.supplementRequestedAt,
    published_at: p.publishedAt,
    category: p.category,
    likes: p.likes,
    dislikes: p.dislikes,
    repeated_complaint: bit(p.repeatedComplaint),
    dossier_id: p.dossierId,
  }
}

/** A petition from its {@link PETITION_COLUMNS}. */
export function petitionFromRow(r: readonly ColumnValue[]): Petition {
  return {
    id: String(r[0]),
    unitCode: String(r[1]),
    sentAt: Number(r[2]),
    forwardedAt: num(r[3]),
    answeredAt: num(r[4]),
    rejectedAt: num(r[5]),
    supplementRequestedAt: num(r[6]),
    publishedAt: num(r[7]),
    category: r[8] as Petition['category'],
    likes: Number(r[9]),
    dislikes: Number(r[10]),
    repeatedComplaint: r[11] === 1,
    dossierId: str(r[12]),
  }
}

/** Columns of `ratings` read by {@link ratingFromRow}. */
export const RATING_COLUMNS: readonly string[] = ['dossier_id', 'rated_at', 'satisfied']

/** Key of a rating: the dossier and the time it was rated (JSON, unambiguous). */
export function ratingKey(r: Rating): string {
  return JSON.stringify([r.dossierId, r.at])
}

/** The typed columns of a rating, with its key. */
export function ratingToRow(r: Rating): Row {
  return { rating_key: ratingKey(r), dossier_id: r.dossierId, rated_at: r.at, satisfied: bit(r.satisfied) }
}

/** A rating from its {@link RATING_COLUMNS}. */
export function ratingFromRow(r: readonly ColumnValue[]): Rating {
  return { dossierId: String(r[0]), at: num(r[1]), satisfied: r[2] === 1 }
}

/** Columns of `sync_reports` read by {@link syncReportFromRow}. */
export const SYNC_REPORT_COLUMNS: readonly string[] = ['unit_code', 'month', 'received_national_report', 'received_portal']

/** Key of a sync report: unit and month (JSON, unambiguous). */
export function syncReportKey(s: SyncReport): string {
  return JSON.stringify([s.unitCode, s.month])
}

/** The typed columns of a sync report, with its key. */
export function syncReportToRow(s: SyncReport): Row {
  return {
    report_key: syncReportKey(s),
    unit_code: s.unitCode,
    month: s.month,
    received_national_report: s.receivedNationalReport,
    received_portal: s.receivedPortal,
  }
}

/** A sync report from its {@link SYNC_REPORT_COLUMNS}. */
export function syncReportFromRow(r: readonly ColumnValue[]): SyncReport {
  return { unitCode: String(r[0]), month: String(r[1]), receivedNationalReport: num(r[2]), receivedPortal: num(r[3]) }
}

/** Columns a stored dossier is normalized again from (steps arriving later). */
export const HEADER_COLUMNS: readonly string[] = [
  'raw_payload',
  'envelope_unit',
  'declared_unit',
  'source_file',
  'source_position',
  'source_line',
  'version',
  'status_rank',
  'payload_hash',
  'record_hash',
  'first_seen_run',
]
