/**
 * @module adapters/import/tabular
 * CSV and Excel (.xlsx) exports of one-stop systems, with Vietnamese column headers → the
 * DongBoHoSoMC-shaped records that `normalizeDossier` reads (string values, dates as
 * `yyyyMMddHHmmss` Vietnam time). Files are streamed row by row. Bad input gives issues naming
 * the file, the row, the record key and the column; the other rows are kept. See
 * `docs/tabular-import.md`.
 *
 * Two levels:
 * - {@link readTabularDossiers} streams raw records to a callback, for importers that normalize
 *   and store records themselves (use {@link normalizeTabularDossier} to normalize one: it names
 *   the column in `normalizeDossier`'s messages);
 * - {@link loadTabularDossiers} also normalizes and returns the dossiers (tests, small files).
 */
import { stat } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import type { Dossier, Unit } from '../../../engine/model.js'
import {
  buildUnitDirectory,
  createDossierContext,
  normalizeDossier,
  type DossierContext,
  type NormalizeDossierResult,
  type UnitDirectory,
} from '../dongbohosomc.js'
import { describeRecord, fileIssue, type ImportIssue } from '../issues.js'
import { MESSAGES } from '../messages.js'
import { quote } from '../parse-values.js'
import { CsvFileReader, type CsvProblem } from './csv.js'
import {
  compileMapping,
  type ColumnMapping,
  type ColumnTarget,
  type CompiledMapping,
  DEFAULT_MAPPING,
  normalizeHeader,
} from './mapping.js'
import { TABULAR_MESSAGES as M } from './messages.js'
import {
  cellText,
  type CellValue,
  columnLetters,
  convertRow,
  type HeaderResolution,
  isBlankRow,
  resolveHeader,
  type RowContext,
} from './rows.js'
import { XlsxReadError, XlsxSheetReader } from './xlsx.js'

export {
  compileMapping,
  DEFAULT_MAPPING,
  extendMapping,
  loadColumnMapping,
  MappingError,
  parseMappingObject,
  type ColumnMapping,
  type ColumnTarget,
  type CompiledMapping,
} from './mapping.js'
export { DEFAULT_DATE_FORMATS } from './date-formats.js'

/** The file formats read. */
export type TabularFormat = 'csv' | 'xlsx'

/** Where a raw record came from, passed with it to the callback of {@link readTabularDossiers}. */
export interface TabularPosition {
  /** File name used in messages (the base name unless `options.name` is given). */
  file: string
  /** 1-based row of the sheet (Excel) or line where the record starts (CSV). */
  row: number
  /** 1-based position of the record among the data rows of the file. */
  index: number
  /** DongBoHoSoMC field path → header of the file's column that filled it (for messages). */
  columns: ReadonlyMap<string, string>
  /** `unitCode` of the mapping: the unit that produced the export (envelope-like), or null. */
  unitCode: string | null
}

/** Receives each raw record; may return a promise (awaited before the next row is read). */
export type TabularRecordHandler = (
  raw: Record<string, unknown>,
  position: TabularPosition
) => void | Promise<void>

/**
 * Receives the issues of a read. `rejectedRow` is true for exactly one issue of each data row that
 * was rejected before normalization (so that a caller can count rejected records), false otherwise.
 */
export type TabularIssueSink = (issue: ImportIssue, rejectedRow: boolean) => void

/** Options of {@link readTabularDossiers}. */
export interface ReadTabularOptions {
  /** File name for messages; default: the base name of the path. */
  name?: string
  /** Format; default: from the extension (`.csv`, `.tsv`, `.txt` → csv; `.xlsx`, `.xlsm` → xlsx). */
  format?: TabularFormat
  /** CSV bytes per read (default 1 MiB). */
  chunkSize?: number
}

/** Counts and facts of one file read by {@link readTabularDossiers}. */
export interface TabularReadStats {
  file: string
  format: TabularFormat | null
  /** Excel sheet read, or null. */
  sheet: string | null
  /** CSV delimiter and encoding in use, or null. */
  delimiter: string | null
  encoding: string | null
  /** Row or line of the header, once found. */
  headerRow: number | null
  /** The file's columns that fill a field, in file order. */
  columns: { header: string; target: ColumnTarget }[]
  /** Data rows read (blank rows excluded). */
  rows: number
  /** Raw records passed to the callback. */
  records: number
  /** Rows rejected before normalization (bad date or amount, malformed CSV row). */
  rejected: number
  /** False when the file could not be read to its end (a file-level error was reported). */
  complete: boolean
}

/** Format of a file from its extension, or null. */
export function tabularFormatOf(file: string): TabularFormat | null {
  const ext = extname(file).toLowerCase()
  if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return 'csv'
  if (ext === '.xlsx' || ext === '.xlsm') return 'xlsx'
  return null
}

interface TableRow {
  cells: CellValue[]
  row: number
  problem: CsvProblem | null
}

/** Non-header rows scanned for the header when the mapping gives no `headerRow`. */
const HEADER_SEARCH_ROWS = 20

function isEmptyRow(cells: readonly CellValue[]): boolean {
  for (const c of cells) {
    if (c === null || c === undefined) continue
    if (typeof c === 'string' ? c.trim() !== '' : cellText(c) !== '') return false
  }
  return true
}

function csvProblemText(problem: CsvProblem): string {
  switch (problem.kind) {
    case 'text-after-quote':
      return M.textAfterQuote
    case 'unterminated-quote':
      return M.unterminatedQuote(problem.line, problem.lastLine)
    case 'record-too-long':
      return M.recordTooLong(problem.line, problem.max)
    case 'bad-encoding':
      return M.badEncoding(problem.encoding === 'utf-8' ? 'UTF-8' : problem.encoding, problem.line)
  }
}

async function* csvRows(reader: CsvFileReader): AsyncGenerator<TableRow, void, undefined> {
  for await (const record of reader.records()) {
    yield { cells: record.fields, row: record.line, problem: record.problem }
  }
}

async function* xlsxRows(reader: XlsxSheetReader): AsyncGenerator<TableRow, void, undefined> {
  for await (const { cells, row } of reader.rows()) yield { cells, row, problem: null }
}

/**
 * Stream the dossiers of a CSV or Excel file as DongBoHoSoMC-shaped raw records.
 *
 * The header row is `mapping.headerRow`, or the first of the first 20 non-empty rows holding a
 * header of MaHoSo (title rows above are skipped). Unknown headers give one warning each. A
 * missing MaHoSo or MaTTHC column is a file-level error and nothing is read. Each data row is
 * converted (see `rows.ts`); a row with an unparseable date or amount, or a malformed CSV row, is
 * rejected with an error naming the file, row, MaHoSo and column, and is not passed on; blank
 * rows are skipped. A fatal problem (unreadable file, unterminated quote, bad encoding, missing
 * sheet) is a file-level error; records passed before it stay passed.
 *
 * @param file path of a `.csv`/`.tsv`/`.txt` or `.xlsx` file
 * @param mapping column mapping (e.g. {@link DEFAULT_MAPPING} or from `loadColumnMapping`)
 * @param onRecord called for each accepted row, in order; pass `raw` to `normalizeDossier`
 *   (or {@link normalizeTabularDossier}) exactly like a JSON record
 * @param issues receives warnings and errors: an array, or a {@link TabularIssueSink}
 * @throws {MappingError} when the mapping itself is invalid; errors thrown by `onRecord`
 * @example
 * const issues: ImportIssue[] = []
 * const ctx = createDossierContext({ file: 'hoso.xlsx', units: directory })
 * await readTabularDossiers('hoso.xlsx', mapping, (raw, position) => {
 *   const { dossier, issues: found } = normalizeTabularDossier(raw, position, ctx)
 *   issues.push(...found)
 *   if (dossier) store.put(dossier)
 * }, issues)
 */
export async function readTabularDossiers(
  file: string,
  mapping: Readonly<ColumnMapping>,
  onRecord: TabularRecordHandler,
  issues: ImportIssue[] | TabularIssueSink,
  options: ReadTabularOptions = {}
): Promise<TabularReadStats> {
  const report: TabularIssueSink = Array.isArray(issues)
    ? (issue) => void issues.push(issue)
    : issues
  const compiled = compileMapping(mapping)
  const name = options.name ?? basename(file)
  const format = options.format ?? tabularFormatOf(file)
  const stats: TabularReadStats = {
    file: name,
    format,
    sheet: null,
    delimiter: null,
    encoding: null,
    headerRow: null,
    columns: [],
    rows: 0,
    records: 0,
    rejected: 0,
    complete: false,
  }
  const fail = (text: string, line: number | null = null) =>
    report(fileIssue('error', name, text, line), false)
  if (format === null) {
    const ext = extname(file).toLowerCase()
    fail(ext === '.xls' ? M.oldExcel : M.unsupportedFormat(ext || basename(file)))
    return stats
  }
  try {
    if (!(await stat(file)).isFile()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' })
  } catch (e) {
    fail(M.fileUnreadable((e as NodeJS.ErrnoException).code ?? (e as Error).message))
    return stats
  }

  const csv =
    format === 'csv'
      ? new CsvFileReader(file, {
          delimiter: mapping.delimiter,
          encoding: mapping.encoding,
          headerLine: mapping.headerRow,
          isHeader: (cell) => compiled.headers.has(normalizeHeader(cell)),
          chunkSize: options.chunkSize,
        })
      : null
  const xlsx = format === 'xlsx' ? new XlsxSheetReader(file, mapping.sheet) : null
  const source = csv !== null ? csvRows(csv) : xlsxRows(xlsx!)
  const columnLabel = csv !== null ? (i: number) => `thứ ${i + 1}` : columnLetters
  const unitCode = mapping.unitCode?.trim() || null

  const reader = new TableReader(
    name,
    compiled,
    report,
    stats,
    onRecord,
    columnLabel,
    unitCode,
    format
  )
  try {
    for await (const row of source) {
      if (xlsx !== null) reader.date1904 = xlsx.date1904
      if (!(await reader.accept(row))) return finish()
    }
    reader.finish()
    stats.complete = reader.headerFound && !reader.fatal
  } catch (e) {
    if (reader.callbackFailed) throw e
    if (e instanceof XlsxReadError) fail(e.message)
    else if (isFileError(e)) fail(M.fileUnreadable((e as NodeJS.ErrnoException).code!))
    else throw e
  }
  return finish()

  function finish(): TabularReadStats {
    stats.sheet = xlsx?.sheetName ?? null
    stats.delimiter = csv?.delimiter ?? null
    stats.encoding = csv?.encoding ?? null
    return stats
  }
}

function isFileError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code
  return typeof code === 'string' && /^E[A-Z]+$/.test(code)
}

/** The row-by-row logic of {@link readTabularDossiers}: header search, then data rows. */
class TableReader {
  headerFound = false
  fatal = false
  date1904 = false
  /** True when `onRecord` threw: its error is the caller's, never a file problem. */
  callbackFailed = false
  private header: HeaderResolution | null = null
  private headerWidth = 0
  private ctx: RowContext | null = null
  private readonly pending: TableRow[] = []
  private index = 0
  private readonly warnedColumns = new Set<number>()

  constructor(
    private readonly file: string,
    private readonly compiled: CompiledMapping,
    private readonly report: TabularIssueSink,
    private readonly stats: TabularReadStats,
    private readonly onRecord: TabularRecordHandler,
    private readonly columnLabel: (index: number) => string,
    private readonly unitCode: string | null,
    private readonly format: TabularFormat
  ) {}

  /** Handle one row; false when reading must stop. */
  async accept(row: TableRow): Promise<boolean> {
    if (row.problem !== null && row.problem.kind !== 'text-after-quote') {
      const text = csvProblemText(row.problem)
      this.report(fileIssue('error', this.file, text, row.problem.line), false)
      this.fatal = true
      return false
    }
    if (this.header !== null) return this.data(row)
    const wanted = this.compiled.mapping.headerRow
    if (wanted !== undefined) {
      if (row.row < wanted) return true
      if (row.row > wanted || isEmptyRow(row.cells)) {
        this.report(fileIssue('error', this.file, M.headerRowMissing(wanted)), false)
        this.fatal = true
        return false
      }
      return this.useHeader(row)
    }
    if (isEmptyRow(row.cells)) return true
    if (this.hasKeyHeader(row.cells)) return this.useHeader(row)
    this.pending.push(row)
    // No MaHoSo header near the top: take the first row, to report what its columns are
    if (this.pending.length >= HEADER_SEARCH_ROWS) return this.useHeader(this.pending[0])
    return true
  }

  /** End of the file. */
  finish(): void {
    if (this.header !== null || this.fatal) return
    const wanted = this.compiled.mapping.headerRow
    if (this.pending.length > 0) {
      this.useHeader(this.pending[0])
      return
    }
    const text = wanted !== undefined ? M.headerRowMissing(wanted) : M.emptyFile
    this.report(fileIssue('error', this.file, text), false)
    this.fatal = true
  }

  private hasKeyHeader(cells: readonly CellValue[]): boolean {
    for (const c of cells) {
      const text = cellText(c)
      if (text === '') continue
      if (this.compiled.headers.get(normalizeHeader(text))?.target === 'MaHoSo') return true
    }
    return false
  }

  private useHeader(row: TableRow): boolean {
    const header = resolveHeader(row.cells, row.row, this.compiled, this.file, this.columnLabel)
    for (const issue of header.issues) this.report(issue, false)
    this.header = header
    this.headerWidth = row.cells.length
    this.headerFound = true
    this.stats.headerRow = row.row
    this.stats.columns = header.columns.map((c) => ({ header: c.header, target: c.target }))
    this.pending.length = 0
    if (header.fatal) {
      this.fatal = true
      return false
    }
    this.ctx = { file: this.file, compiled: this.compiled, header, date1904: this.date1904 }
    return true
  }

  private async data(row: TableRow): Promise<boolean> {
    const header = this.header!
    const ctx = this.ctx!
    ctx.date1904 = this.date1904
    if (row.problem !== null) {
      this.index++
      this.stats.rows++
      this.stats.rejected++
      this.report(fileIssue('error', this.file, csvProblemText(row.problem), row.row), true)
      return true
    }
    if (isBlankRow(row.cells, header)) {
      this.warnUnlabeled(row)
      return true
    }
    this.index++
    this.stats.rows++
    if (this.format === 'csv' && row.cells.length !== this.headerWidth) {
      this.stats.rejected++
      const text = M.wrongColumnCount(row.cells.length, this.headerWidth)
      this.report(fileIssue('error', this.file, text, row.row), true)
      return true
    }
    this.warnUnlabeled(row)
    const converted = convertRow(row.cells, row.row, this.index, ctx)
    if (converted.issues !== null) {
      let counted = false
      for (const issue of converted.issues) {
        const rejectedRow = converted.rejected && !counted && issue.severity === 'error'
        if (rejectedRow) counted = true
        this.report(issue, rejectedRow)
      }
    }
    if (converted.rejected) {
      this.stats.rejected++
      return true
    }
    const position: TabularPosition = {
      file: this.file,
      row: row.row,
      index: this.index,
      columns: converted.headerOf ?? header.headerOf,
      unitCode: this.unitCode,
    }
    try {
      const done = this.onRecord(converted.raw, position)
      if (done !== undefined) await done
    } catch (e) {
      this.callbackFailed = true
      throw e
    }
    this.stats.records++
    return true
  }

  private warnUnlabeled(row: TableRow): void {
    const { labeled } = this.header!
    const cells = row.cells
    for (let i = 0; i < cells.length; i++) {
      if (labeled.has(i) || this.warnedColumns.has(i)) continue
      const c = cells[i]
      if (c === null || c === undefined) continue
      if (typeof c === 'string' ? c.trim() === '' : cellText(c) === '') continue
      this.warnedColumns.add(i)
      const text = M.unlabeledData(this.columnLabel(i), row.row)
      this.report(fileIssue('warning', this.file, text, row.row), false)
    }
  }
}

/**
 * `normalizeDossier`'s issues with the file's column named after the record, e.g.
 * `hoso.csv, dòng 7, hồ sơ thứ 6 (MaHoSo …), cột "Hình thức nộp": KenhThucHien "Online" không thuộc…`.
 * Issues whose field has no column are returned unchanged.
 */
export function annotateTabularIssues(
  found: readonly ImportIssue[],
  position: Pick<TabularPosition, 'columns'>
): readonly ImportIssue[] {
  let out: ImportIssue[] | null = null
  for (let i = 0; i < found.length; i++) {
    const issue = found[i]
    const header = issue.field === null ? undefined : position.columns.get(issue.field)
    if (header === undefined) continue
    const prefix = describeRecord('dossier', issue.file, issue.index, issue.key, issue.line ?? null)
    if (!issue.message.startsWith(`${prefix}: `)) continue
    out ??= found.slice()
    out[i] = { ...issue, message: `${prefix}, cột "${header}": ${issue.message.slice(prefix.length + 2)}` }
  }
  return out ?? found
}

/**
 * Normalize a raw record of {@link readTabularDossiers} with `normalizeDossier`: sets the
 * context's `file`, `index`, `line` (the row) and `envelopeUnit` (the mapping's `unitCode`) from
 * the position, and names the column in the messages. The caller still sets `ctx.steps`.
 */
export function normalizeTabularDossier(
  raw: Record<string, unknown>,
  position: TabularPosition,
  ctx: DossierContext
): NormalizeDossierResult {
  ctx.file = position.file
  ctx.index = position.index
  ctx.line = position.row
  ctx.envelopeUnit = position.unitCode
  const result = normalizeDossier(raw, ctx)
  if (result.issues.length === 0) return result
  const issues = annotateTabularIssues(result.issues, position)
  return { ...result, issues } as NormalizeDossierResult
}

/** Options of {@link loadTabularDossiers}. */
export interface LoadTabularOptions extends ReadTabularOptions {
  /** Accepted units (or a directory built with `buildUnitDirectory`). */
  units: readonly Pick<Unit, 'code' | 'name'>[] | UnitDirectory
  /** Unit credited when nothing else resolves (§10.2 `unitCode` step 4). */
  declaredUnit?: string | null
  /** MaCSDL codes of the population database. */
  populationDatabaseCodes?: readonly string[]
}

/** Result of {@link loadTabularDossiers}. */
export interface LoadTabularResult {
  /** Accepted dossiers, one per MaHoSo (a later row replaces an earlier one). */
  dossiers: Dossier[]
  issues: ImportIssue[]
  stats: TabularReadStats & {
    /** Rows accepted by `normalizeDossier` (including those later replaced). */
    accepted: number
    /** Rows rejected before or by `normalizeDossier`. */
    rejectedTotal: number
    /** Dossiers replaced by a later row with the same MaHoSo. */
    replaced: number
  }
}

/**
 * Read and normalize the dossiers of a CSV or Excel file (convenience for tests and small files;
 * holds every dossier in memory). A MaHoSo seen twice: the later row replaces the earlier one,
 * with a warning, as in `loadDataDir`.
 * @example
 * const { dossiers, issues } = await loadTabularDossiers('hoso.xlsx', DEFAULT_MAPPING, { units })
 */
export async function loadTabularDossiers(
  file: string,
  mapping: Readonly<ColumnMapping>,
  options: LoadTabularOptions
): Promise<LoadTabularResult> {
  const units = Array.isArray(options.units)
    ? buildUnitDirectory(options.units as readonly Pick<Unit, 'code' | 'name'>[])
    : (options.units as UnitDirectory)
  const name = options.name ?? basename(file)
  const issues: ImportIssue[] = []
  const declared = options.declaredUnit?.trim() || null
  if (declared !== null && !units.codes.has(declared)) {
    issues.push(fileIssue('error', name, MESSAGES.declaredUnitUnknown(declared)))
  }
  const unitCode = mapping.unitCode?.trim() || null
  if (unitCode !== null && !units.codes.has(unitCode)) {
    const text = M.unitCodeUnknown(quote(unitCode))
    issues.push(fileIssue('warning', name, text, null, unitCode, 'unitCode'))
  }
  const ctx = createDossierContext({
    file: name,
    units,
    declaredUnit: declared,
    populationDatabaseCodes: new Set(options.populationDatabaseCodes ?? []),
  })
  const dossiers: Dossier[] = []
  const slotOf = new Map<string, number>()
  const indexOfSlot: number[] = []
  let accepted = 0
  let rejected = 0
  let replaced = 0
  const stats = await readTabularDossiers(
    file,
    mapping,
    (raw, position) => {
      const { dossier, issues: found } = normalizeTabularDossier(raw, position, ctx)
      for (const issue of found) issues.push(issue)
      if (dossier === null) {
        rejected++
        return
      }
      accepted++
      const slot = slotOf.get(dossier.id)
      if (slot === undefined) {
        slotOf.set(dossier.id, dossiers.length)
        indexOfSlot.push(position.index)
        dossiers.push(dossier)
        return
      }
      replaced++
      const where = describeRecord('dossier', name, position.index, dossier.id, position.row)
      issues.push({
        severity: 'warning',
        file: name,
        index: position.index,
        key: dossier.id,
        field: 'MaHoSo',
        message: `${where}: ${MESSAGES.duplicateDossier(indexOfSlot[slot])}`,
        line: position.row,
      })
      dossiers[slot] = dossier
      indexOfSlot[slot] = position.index
    },
    issues,
    { ...options, name }
  )
  return {
    dossiers,
    issues,
    stats: { ...stats, accepted, rejectedTotal: stats.rejected + rejected, replaced },
  }
}
