/**
 * @module adapters/import/tabular/xlsx
 * Reads one sheet of an Excel workbook (.xlsx) row by row with exceljs's streaming reader
 * (`ExcelJS.stream.xlsx.WorkbookReader`), so that a large export is never loaded whole. Styles are
 * read so that date cells come back as `Date` objects (whose UTC fields are the wall-clock time
 * typed in the cell, see `date-formats.ts`). Hyperlink targets are not available while streaming:
 * a hyperlink cell gives its displayed text; a `HYPERLINK("url", …)` formula gives its URL.
 */
import ExcelJS from 'exceljs'
import type { Readable } from 'node:stream'
import { normalizeHeader } from './mapping.js'
import { TABULAR_MESSAGES as M } from './messages.js'
import type { CellValue } from './rows.js'

/** A row of the sheet: its cells (0-based: column A is `cells[0]`) and its 1-based row number. */
export interface XlsxRow {
  cells: CellValue[]
  row: number
}

/** A workbook that cannot be read, or has no such sheet; `message` is Vietnamese. */
export class XlsxReadError extends Error {
  override name = 'XlsxReadError'
}

/** The parts of exceljs's streaming reader used here (not in its type declarations). */
interface WorkbookReaderInternals {
  model?: { sheets?: { name: string }[] }
  properties?: { model?: { date1904?: boolean } }
  stream?: Readable
}

interface WorksheetReaderLike extends AsyncIterable<{ number: number; values: unknown }> {
  name: string
}

/**
 * Streams the rows of one sheet: `sheet` (matched ignoring case), or the first sheet of the
 * workbook in tab order. Rows absent from the file (never written) are skipped.
 * @example
 * const reader = new XlsxSheetReader('hoso.xlsx')
 * for await (const { row, cells } of reader.rows()) console.log(row, cells)
 */
export class XlsxSheetReader {
  /** The sheet being read, once found. */
  sheetName: string | null = null
  /** Sheet names of the workbook in tab order, once known. */
  sheetNames: string[] = []
  /** True when the workbook uses the 1904 date system. */
  date1904 = false

  constructor(
    readonly path: string,
    readonly sheet?: string
  ) {}

  /**
   * The rows of the sheet.
   * @throws {XlsxReadError} when the file is not a readable .xlsx, has no sheet, or lacks `sheet`
   */
  async *rows(): AsyncGenerator<XlsxRow, void, undefined> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(this.path, {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    })
    const internals = reader as unknown as WorkbookReaderInternals
    let found = false
    let seen = 0
    try {
      for await (const sheet of reader as unknown as AsyncIterable<WorksheetReaderLike>) {
        seen++
        this.sheetNames = internals.model?.sheets?.map((s) => s.name) ?? []
        this.date1904 = internals.properties?.model?.date1904 === true
        const wanted = this.sheet ?? this.sheetNames[0] ?? sheet.name
        if (normalizeHeader(sheet.name) !== normalizeHeader(wanted)) continue
        found = true
        this.sheetName = sheet.name
        for await (const row of sheet) {
          const values = row.values as CellValue[]
          yield { cells: Array.isArray(values) ? values.slice(1) : [], row: row.number }
        }
        break
      }
    } catch (e) {
      throw new XlsxReadError(M.notXlsx(e instanceof Error ? e.message : String(e)), { cause: e })
    } finally {
      internals.stream?.destroy()
    }
    if (found) return
    if (seen === 0) throw new XlsxReadError(M.noSheet)
    const names = this.sheetNames.map((n) => `"${n}"`).join(', ')
    throw new XlsxReadError(M.sheetMissing(this.sheet ?? '', names || '(không có)'))
  }
}
