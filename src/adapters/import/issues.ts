/**
 * @module adapters/import/issues
 * Problems found while importing a data folder. An error means the record (or the file) was
 * rejected; a warning means it was kept with a default value. Every issue names the file, the
 * record (1-based position and id) and the payload field, in a Vietnamese sentence
 * (`shared/spec/data-dossier-sync.md` §10.1).
 */
import { MESSAGES } from './messages.js'

/** `error`: the record or file was rejected. `warning`: kept, with a default value. */
export type IssueSeverity = 'error' | 'warning'

/** One problem found while importing. */
export interface ImportIssue {
  severity: IssueSeverity
  /** File name as given in the data folder, e.g. `dossiers.json`. */
  file: string
  /** 1-based position of the record in the file, or null for a file-level problem. */
  index: number | null
  /** The record's id (MaHoSo, unit code, procedure code, petition id…), or null. */
  key: string | null
  /** Payload field path, e.g. `DanhSachHoSoBoSung[1].NgayBoSung` (array positions 0-based). */
  field: string | null
  /** Full Vietnamese sentence naming the file, record and field. */
  message: string
  /** 1-based line number, for NDJSON files only. */
  line?: number
}

/** The kinds of records the import reads; each has a Vietnamese noun and an id field. */
export type RecordKind =
  | 'dossier'
  | 'step'
  | 'unit'
  | 'procedure'
  | 'petition'
  | 'rating'
  | 'syncReport'

const RECORD_NAMES: Readonly<Record<RecordKind, { noun: string; keyName: string }>> = {
  dossier: { noun: 'hồ sơ', keyName: 'MaHoSo' },
  step: { noun: 'bước xử lý', keyName: 'MaHoSo' },
  unit: { noun: 'đơn vị', keyName: 'code' },
  procedure: { noun: 'thủ tục', keyName: 'code' },
  petition: { noun: 'phản ánh, kiến nghị', keyName: 'id' },
  rating: { noun: 'đánh giá', keyName: 'dossierId' },
  syncReport: { noun: 'số liệu đồng bộ', keyName: 'unitCode' },
}

/**
 * Vietnamese description of a record, e.g. `dossiers.json, hồ sơ thứ 3 (MaHoSo 000.00.01.H22-…)`
 * or `dossiers.ndjson, dòng 7, hồ sơ thứ 7 (không có MaHoSo)`.
 */
export function describeRecord(
  kind: RecordKind,
  file: string,
  index: number | null,
  key: string | null,
  line: number | null = null
): string {
  const { noun, keyName } = RECORD_NAMES[kind]
  let text = file
  if (line !== null) text += `, dòng ${line}`
  if (index !== null) text += `, ${noun} thứ ${index}`
  return text + (key ? ` (${keyName} ${key})` : ` (không có ${keyName})`)
}

/** A problem with a whole file (or one NDJSON line that is not a record). */
export function fileIssue(
  severity: IssueSeverity,
  file: string,
  text: string,
  line: number | null = null,
  key: string | null = null,
  field: string | null = null
): ImportIssue {
  const where = line === null ? file : `${file}, dòng ${line}`
  const message = `${where}: ${text}`
  const issue: ImportIssue = { severity, file, index: null, key, field, message }
  if (line !== null) issue.line = line
  return issue
}

const NO_ISSUES: readonly ImportIssue[] = Object.freeze([])

/**
 * Collects the issues of one record. Issues are allocated only when something is wrong, so a
 * clean record costs one small object. Set `key` as soon as the record's id is known.
 */
export class RecordIssues {
  /** The record's id, used in messages; null until known. */
  key: string | null = null
  /** True once an error was recorded: the record must be dropped. */
  rejected = false
  private issues: ImportIssue[] | null = null

  constructor(
    readonly kind: RecordKind,
    readonly file: string,
    readonly index: number | null,
    readonly line: number | null = null
  ) {}

  /** Record an error (the record is rejected). `text` follows the record's description. */
  error(field: string | null, text: string): void {
    this.rejected = true
    this.add('error', field, text)
  }

  /** Record a warning (the record is kept). */
  warn(field: string | null, text: string): void {
    this.add('warning', field, text)
  }

  /** The issues so far (a shared frozen empty array when there are none). */
  get list(): readonly ImportIssue[] {
    return this.issues ?? NO_ISSUES
  }

  private add(severity: IssueSeverity, field: string | null, text: string): void {
    const record = describeRecord(this.kind, this.file, this.index, this.key, this.line)
    const message = `${record}: ${text}`
    const issue: ImportIssue = {
      severity,
      file: this.file,
      index: this.index,
      key: this.key,
      field,
      message,
    }
    if (this.line !== null) issue.line = this.line
    ;(this.issues ??= []).push(issue)
  }
}

/**
 * One line for a person: the severity in Vietnamese, then the message.
 * @example
 * formatIssue(issue)
 * // 'Lỗi: dossiers.json, hồ sơ thứ 3 (MaHoSo …): NgayHenTra "2024013" không đúng định dạng…'
 */
export function formatIssue(issue: ImportIssue): string {
  const label = issue.severity === 'error' ? MESSAGES.errorLabel : MESSAGES.warningLabel
  return `${label}: ${issue.message}`
}

/** Counts behind {@link summarizeIssues}. */
export interface IssueCounts {
  /** Rejected records per file (distinct records with at least one error). */
  rejectedByFile: Map<string, number>
  /** File-level errors per file (a file or line that could not be read as records). */
  fileErrorsByFile: Map<string, number>
  /** Warnings per file. */
  warningsByFile: Map<string, number>
  rejected: number
  fileErrors: number
  warnings: number
}

/** Count rejected records, file-level errors and warnings, per file, in order of appearance. */
export function countIssues(issues: readonly ImportIssue[]): IssueCounts {
  const rejectedByFile = new Map<string, number>()
  const fileErrorsByFile = new Map<string, number>()
  const warningsByFile = new Map<string, number>()
  const seen = new Set<string>()
  let rejected = 0
  let fileErrors = 0
  let warnings = 0
  for (const issue of issues) {
    if (issue.severity === 'warning') {
      warningsByFile.set(issue.file, (warningsByFile.get(issue.file) ?? 0) + 1)
      warnings++
    } else if (issue.index === null && issue.line === undefined) {
      fileErrorsByFile.set(issue.file, (fileErrorsByFile.get(issue.file) ?? 0) + 1)
      fileErrors++
    } else {
      const id = `${issue.file}\u0000${issue.index ?? ''}\u0000${issue.line ?? ''}`
      if (seen.has(id)) continue
      seen.add(id)
      rejectedByFile.set(issue.file, (rejectedByFile.get(issue.file) ?? 0) + 1)
      rejected++
    }
  }
  return { rejectedByFile, fileErrorsByFile, warningsByFile, rejected, fileErrors, warnings }
}

function perFile(counts: Map<string, number>): string {
  return [...counts].map(([file, n]) => `${file}: ${n}`).join('; ')
}

/**
 * Vietnamese summary: number of rejected records per file, file-level errors, number of warnings.
 * @example
 * summarizeIssues(issues)
 * // 'Số bản ghi bị từ chối: 2 (dossiers.json: 1; units.json: 1).
 * //  Số cảnh báo: 3 (dossiers.json: 3).'
 */
export function summarizeIssues(issues: readonly ImportIssue[]): string {
  const c = countIssues(issues)
  const parts: string[] = []
  parts.push(
    c.rejected === 0
      ? MESSAGES.summaryNoRejected
      : MESSAGES.summaryRejected(c.rejected, perFile(c.rejectedByFile))
  )
  if (c.fileErrors > 0) {
    parts.push(MESSAGES.summaryFileErrors(c.fileErrors, perFile(c.fileErrorsByFile)))
  }
  parts.push(
    c.warnings === 0
      ? MESSAGES.summaryNoWarnings
      : MESSAGES.summaryWarnings(c.warnings, perFile(c.warningsByFile))
  )
  return parts.join(' ')
}
