/**
 * @module adapters/import/petitions
 * The office's own exports for group 5 and indicator 1.4: `petitions.json` (phản ánh, kiến nghị),
 * `ratings.json` (đánh giá mức độ hài lòng) and `sync-reports.json` (counts of the national
 * reporting system). Date-times accept `YYYY-MM-DDTHH:mm[:ss]` with an optional offset,
 * `YYYY-MM-DD HH:mm[:ss]` (Vietnam time) and `yyyyMMddHHmmss`. Format: `docs/data-formats.md`.
 */
import type { Instant, Petition, Rating, SyncReport } from '../../engine/model.js'
import { type ImportIssue, RecordIssues } from './issues.js'
import { MESSAGES } from './messages.js'
import { notArray, objectRecords, warnUnknownFields } from './records.js'
import { codeOf, parseLooseDateTime, quote } from './parse-values.js'

const PETITION_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'unitCode',
  'sentAt',
  'forwardedAt',
  'answeredAt',
  'rejectedAt',
  'supplementRequestedAt',
  'publishedAt',
  'category',
  'likes',
  'dislikes',
  'repeatedComplaint',
  'dossierId',
])
const RATING_FIELDS: ReadonlySet<string> = new Set(['dossierId', 'ratedAt', 'satisfied'])
const SYNC_REPORT_FIELDS: ReadonlySet<string> = new Set([
  'unitCode',
  'month',
  'receivedNationalReport',
  'receivedPortal',
])
const CATEGORIES: readonly string[] = ['procedure', 'staff', 'other']
const OPTIONAL_PETITION_DATES = [
  'forwardedAt',
  'answeredAt',
  'rejectedAt',
  'supplementRequestedAt',
  'publishedAt',
] as const
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** What the petition, rating and sync-report files are checked against. */
export interface ReferenceSets {
  /** Codes of the accepted units. */
  units: ReadonlySet<string>
  /** Ids of the accepted dossiers. */
  dossiers: { has(id: string): boolean }
}

function readId(
  rec: RecordIssues,
  raw: Record<string, unknown>,
  field: string,
  what: string
): string {
  const id = codeOf(raw[field])
  if (id === null) rec.error(field, MESSAGES.notText(field, quote(raw[field])))
  else if (id === '') rec.error(field, MESSAGES.missing(field, what))
  return id ?? ''
}

function readDateTime(
  rec: RecordIssues,
  raw: Record<string, unknown>,
  field: string
): Instant | null {
  const t = parseLooseDateTime(raw[field])
  if (t === 'malformed') {
    rec.error(field, MESSAGES.badDateTime(field, quote(raw[field])))
    return null
  }
  return t
}

function readCount(rec: RecordIssues, raw: Record<string, unknown>, field: string): number {
  const value = raw[field]
  if (value === undefined || value === null) return 0
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value
  rec.error(field, MESSAGES.badCount(field, quote(value)))
  return 0
}

/** Result of {@link parsePetitions}. */
export interface ParsePetitionsResult {
  petitions: Petition[]
  issues: ImportIssue[]
}

/**
 * Validate `petitions.json`: `id`, `unitCode` and `sentAt` required; other dates optional;
 * `category` procedure/staff/other (other values → null, warning); `likes`, `dislikes`
 * non-negative integers (default 0); `repeatedComplaint` a JSON boolean (default false);
 * `dossierId` optional. A malformed date rejects the petition; an unknown unit or dossier is a
 * warning. An id seen twice: the later record replaces the earlier (warning).
 */
export function parsePetitions(
  payload: unknown,
  refs: ReferenceSets,
  file = 'petitions.json'
): ParsePetitionsResult {
  if (!Array.isArray(payload)) return { petitions: [], issues: [notArray(file)] }
  const issues: ImportIssue[] = []
  const warned = new Set<string>()
  const petitions: Petition[] = []
  const position = new Map<string, { slot: number; index: number }>()
  for (const { raw, rec, index: i } of objectRecords(payload, 'petition', file, issues)) {
    const id = readId(rec, raw, 'id', 'mã phản ánh, kiến nghị')
    if (id) rec.key = id
    warnUnknownFields(rec, raw, PETITION_FIELDS, warned)
    const unitCode = readId(rec, raw, 'unitCode', 'mã đơn vị')
    const sentAt = readDateTime(rec, raw, 'sentAt')
    if (sentAt === null && parseLooseDateTime(raw.sentAt) === null) {
      rec.error('sentAt', MESSAGES.missing('sentAt', 'thời điểm gửi'))
    }
    const dates = OPTIONAL_PETITION_DATES.map((f) => readDateTime(rec, raw, f))
    let category: Petition['category'] = null
    if (raw.category !== undefined && raw.category !== null && raw.category !== '') {
      if (CATEGORIES.includes(raw.category as string)) {
        category = raw.category as Petition['category']
      } else rec.warn('category', MESSAGES.badCategory(quote(raw.category)))
    }
    const likes = readCount(rec, raw, 'likes')
    const dislikes = readCount(rec, raw, 'dislikes')
    let repeatedComplaint = false
    if (raw.repeatedComplaint !== undefined && raw.repeatedComplaint !== null) {
      if (typeof raw.repeatedComplaint === 'boolean') repeatedComplaint = raw.repeatedComplaint
      else {
        const text = MESSAGES.notBoolean('repeatedComplaint', quote(raw.repeatedComplaint))
        rec.error('repeatedComplaint', text)
      }
    }
    const dossierRaw = codeOf(raw.dossierId)
    if (dossierRaw === null) {
      rec.error('dossierId', MESSAGES.notText('dossierId', quote(raw.dossierId)))
    }
    const dossierId = dossierRaw || null
    if (!rec.rejected) {
      if (unitCode && !refs.units.has(unitCode)) {
        rec.warn('unitCode', MESSAGES.unknownUnit('unitCode', quote(unitCode)))
      }
      if (dossierId !== null && !refs.dossiers.has(dossierId)) {
        rec.warn('dossierId', MESSAGES.unknownDossier(quote(dossierId)))
      }
    }
    const previous = rec.rejected ? undefined : position.get(id)
    if (previous !== undefined) rec.warn('id', MESSAGES.duplicatePetition(previous.index))
    issues.push(...rec.list)
    if (rec.rejected) continue
    const petition: Petition = {
      id,
      unitCode,
      sentAt: sentAt!,
      forwardedAt: dates[0],
      answeredAt: dates[1],
      rejectedAt: dates[2],
      supplementRequestedAt: dates[3],
      publishedAt: dates[4],
      category,
      likes,
      dislikes,
      repeatedComplaint,
      dossierId,
    }
    if (previous !== undefined) {
      petitions[previous.slot] = petition
      position.set(id, { slot: previous.slot, index: i + 1 })
    } else {
      position.set(id, { slot: petitions.length, index: i + 1 })
      petitions.push(petition)
    }
  }
  return { petitions, issues }
}

/** Result of {@link parseRatings}. */
export interface ParseRatingsResult {
  ratings: Rating[]
  issues: ImportIssue[]
}

/**
 * Validate `ratings.json`: `dossierId` required, `ratedAt` optional, `satisfied` a JSON boolean.
 * A rating of a dossier not imported is kept, with a warning.
 */
export function parseRatings(
  payload: unknown,
  refs: Pick<ReferenceSets, 'dossiers'>,
  file = 'ratings.json'
): ParseRatingsResult {
  if (!Array.isArray(payload)) return { ratings: [], issues: [notArray(file)] }
  const issues: ImportIssue[] = []
  const warned = new Set<string>()
  const ratings: Rating[] = []
  for (const { raw, rec } of objectRecords(payload, 'rating', file, issues)) {
    const dossierId = readId(rec, raw, 'dossierId', 'mã hồ sơ được đánh giá')
    if (dossierId) rec.key = dossierId
    warnUnknownFields(rec, raw, RATING_FIELDS, warned)
    const at = readDateTime(rec, raw, 'ratedAt')
    let satisfied = false
    if (typeof raw.satisfied === 'boolean') satisfied = raw.satisfied
    else if (raw.satisfied === undefined || raw.satisfied === null) {
      rec.error('satisfied', MESSAGES.missing('satisfied', 'true hoặc false'))
    } else rec.error('satisfied', MESSAGES.notBoolean('satisfied', quote(raw.satisfied)))
    if (!rec.rejected && !refs.dossiers.has(dossierId)) {
      rec.warn('dossierId', MESSAGES.unknownDossier(quote(dossierId)))
    }
    issues.push(...rec.list)
    if (!rec.rejected) ratings.push({ dossierId, at, satisfied })
  }
  return { ratings, issues }
}

/** Result of {@link parseSyncReports}. */
export interface ParseSyncReportsResult {
  syncReports: SyncReport[]
  issues: ImportIssue[]
}

function readReportCount(
  rec: RecordIssues,
  raw: Record<string, unknown>,
  field: string
): number | null {
  const value = raw[field]
  if (value === undefined || value === null) return null
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value
  rec.error(field, MESSAGES.badCountOrNull(field, quote(value)))
  return null
}

/**
 * Validate `sync-reports.json`: `unitCode`, `month` (`YYYY-MM`), `receivedNationalReport` and
 * `receivedPortal` (non-negative integers or null). An unknown unit is a warning; the same unit
 * and month twice: the later record replaces the earlier (warning).
 */
export function parseSyncReports(
  payload: unknown,
  refs: Pick<ReferenceSets, 'units'>,
  file = 'sync-reports.json'
): ParseSyncReportsResult {
  if (!Array.isArray(payload)) return { syncReports: [], issues: [notArray(file)] }
  const issues: ImportIssue[] = []
  const warned = new Set<string>()
  const syncReports: SyncReport[] = []
  const position = new Map<string, { slot: number; index: number }>()
  for (const { raw, rec, index: i } of objectRecords(payload, 'syncReport', file, issues)) {
    const unitCode = readId(rec, raw, 'unitCode', 'mã đơn vị')
    const month = typeof raw.month === 'string' ? raw.month.trim() : ''
    if (unitCode) rec.key = month ? `${unitCode}, month ${month}` : unitCode
    warnUnknownFields(rec, raw, SYNC_REPORT_FIELDS, warned)
    if (!MONTH.test(month)) {
      if (raw.month === undefined || raw.month === null || raw.month === '') {
        rec.error('month', MESSAGES.missing('month', 'tháng dạng YYYY-MM'))
      } else rec.error('month', MESSAGES.badMonth(quote(raw.month)))
    }
    const receivedNationalReport = readReportCount(rec, raw, 'receivedNationalReport')
    const receivedPortal = readReportCount(rec, raw, 'receivedPortal')
    if (!rec.rejected && !refs.units.has(unitCode)) {
      rec.warn('unitCode', MESSAGES.unknownUnit('unitCode', quote(unitCode)))
    }
    const key = `${unitCode}\u0000${month}`
    const previous = rec.rejected ? undefined : position.get(key)
    if (previous !== undefined) rec.warn('month', MESSAGES.duplicateSyncReport(previous.index))
    issues.push(...rec.list)
    if (rec.rejected) continue
    const report: SyncReport = { unitCode, month, receivedNationalReport, receivedPortal }
    if (previous !== undefined) {
      syncReports[previous.slot] = report
      position.set(key, { slot: previous.slot, index: i + 1 })
    } else {
      position.set(key, { slot: syncReports.length, index: i + 1 })
      syncReports.push(report)
    }
  }
  return { syncReports, issues }
}
