/**
 * @module adapters/http/export/table
 * A table (title, typed columns, rows) written as CSV or XLSX.
 *
 * - CSV: UTF-8 with a byte-order mark (Excel opens it with the right diacritics), comma-separated,
 *   CRLF line ends; a cell holding `,`, `;`, `"`, CR or LF is quoted, so the file also reads right
 *   where Excel's list separator is `;`. Numbers are written with a decimal point, ratios as
 *   fractions (0.8125), dates as `YYYY-MM-DD HH:mm` Vietnam time.
 * - XLSX (exceljs): real numbers in numeric cells, ratios formatted as percentages, dates as date
 *   cells (Vietnam wall-clock time), a bold header row frozen in place with an auto filter, column
 *   widths from the content.
 *
 * In both, a text cell starting with `=`, `+`, `-`, `@`, a tab or a CR gets a leading `'`, so that
 * a name such as `=HYPERLINK(…)` is shown as text and never run as a formula.
 */
import ExcelJS from 'exceljs'

export type ColumnType = 'text' | 'number' | 'percent' | 'date'

export interface ExportColumn {
  /** Vietnamese header. */
  header: string
  key: string
  type: ColumnType
}

export type CellValue = string | number | boolean | null | undefined

/** A table to export. */
export interface ExportTable {
  /** Vietnamese title (workbook title). */
  title: string
  /** Worksheet name (cut to 31 characters, forbidden characters replaced). */
  sheetName: string
  /** File name without extension, ASCII, e.g. `xep-hang-2026-08`. */
  fileName: string
  columns: ExportColumn[]
  rows: Record<string, CellValue>[]
}

const DANGEROUS = /^[=+\-@\t\r]/

/** Neutralise a text that a spreadsheet would read as a formula. */
export function safeText(s: string): string {
  return DANGEROUS.test(s) ? `'${s}` : s
}

const VN_MS = 7 * 3_600_000

/** Instant (ISO text or ms) → ms, or null. */
function instantOf(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v !== 'string' || v === '') return null
  const t = Date.parse(v)
  return Number.isNaN(t) ? null : t
}

/** `YYYY-MM-DD HH:mm` in Vietnam time; a bare `YYYY-MM-DD` stays as it is. */
function vnDateText(v: CellValue): string {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v
  const t = instantOf(v)
  if (t === null) return v == null ? '' : String(v)
  return new Date(t + VN_MS).toISOString().slice(0, 16).replace('T', ' ')
}

function numberOf(v: CellValue): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'boolean') return v ? 1 : 0
  return null
}

function textOf(v: CellValue): string {
  if (v == null) return ''
  if (typeof v === 'boolean') return v ? 'có' : 'không'
  return String(v)
}

function csvCell(s: string): string {
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** The table as CSV text (with BOM). */
export function toCsv(t: ExportTable): string {
  const lines = [t.columns.map((c) => csvCell(safeText(c.header))).join(',')]
  for (const row of t.rows) {
    const cells = t.columns.map((c) => {
      const v = row[c.key]
      if (c.type === 'number' || c.type === 'percent') {
        const n = numberOf(v)
        return n === null ? (typeof v === 'string' ? csvCell(safeText(v)) : '') : String(n)
      }
      if (c.type === 'date') return csvCell(vnDateText(v))
      return csvCell(safeText(textOf(v)))
    })
    lines.push(cells.join(','))
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}

const FORBIDDEN_SHEET = /[[\]:*?/\\]/g

function sheetNameOf(s: string): string {
  const n = s.replace(FORBIDDEN_SHEET, ' ').trim().slice(0, 31)
  return n === '' ? 'Bảng' : n
}

/** Display length of a cell, for the column width. */
function widthOf(c: ExportColumn, v: CellValue): number {
  if (v == null || v === '') return 0
  if (c.type === 'date') return 16
  if (c.type === 'percent') return 9
  if (c.type === 'number') return Math.min(String(v).length + 2, 18)
  return textOf(v).length
}

/** The table as an XLSX file. */
export async function toXlsx(t: ExportTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'chiso'
  wb.title = t.title
  const ws = wb.addWorksheet(sheetNameOf(t.sheetName), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }] })
  ws.columns = t.columns.map((c) => ({
    header: safeText(c.header),
    key: c.key,
    style: c.type === 'percent' ? { numFmt: '0.00%' } : c.type === 'date' ? { numFmt: 'dd/mm/yyyy hh:mm' } : c.type === 'number' ? { numFmt: 'General' } : {},
  }))
  const widths = t.columns.map((c) => Math.max(c.header.length, 6))
  const sample = Math.min(t.rows.length, 2000)
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r]
    const values: Record<string, string | number | Date | null> = {}
    t.columns.forEach((c, k) => {
      const v = row[c.key]
      if (r < sample) widths[k] = Math.max(widths[k], widthOf(c, v))
      if (c.type === 'number' || c.type === 'percent') {
        const n = numberOf(v)
        values[c.key] = n !== null ? n : typeof v === 'string' && v !== '' ? safeText(v) : null
      } else if (c.type === 'date') {
        if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) values[c.key] = new Date(`${v}T00:00:00Z`)
        else {
          const ms = instantOf(v)
          // exceljs writes a Date's UTC fields: shift so that they are the Vietnam wall-clock time.
          values[c.key] = ms === null ? null : new Date(ms + VN_MS)
        }
      } else {
        const s = textOf(v)
        values[c.key] = s === '' ? null : safeText(s)
      }
    })
    ws.addRow(values)
  }
  t.columns.forEach((_, k) => {
    ws.getColumn(k + 1).width = Math.min(Math.max(widths[k] + 2, 8), 60)
  })
  const header = ws.getRow(1)
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', wrapText: true }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: Math.max(t.columns.length, 1) } }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
