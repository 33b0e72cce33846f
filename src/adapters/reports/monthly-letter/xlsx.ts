/**
 * @module adapters/reports/monthly-letter/xlsx
 * The appendix as an Excel workbook: a summary sheet and one sheet per group, with the same
 * tables as the letter's appendix but real numbers (ratios as fractions shown as percentages,
 * points with 2 decimals), frozen header rows and unit column, and print setup for A4 landscape
 * fitted to the page width with the header rows repeated on every page.
 */
import ExcelJS from 'exceljs'
import { LETTER_STRINGS, type AppendixCell, type AppendixTable, type LetterModel } from './letter-model.js'

/** Number formats of the workbook's cells. */
export const XLSX_FORMATS: Record<AppendixCell['format'], string | undefined> = {
  text: undefined,
  integer: '0',
  points: '0.00',
  percent: '0.00%',
  days: '0.00',
}

/** First data row of every table sheet (rows 1–5: heading; 6–7: column headers). */
export const XLSX_FIRST_DATA_ROW = 8
/** Header rows of every table sheet. */
export const XLSX_HEADER_ROWS = [6, 7] as const

const FONT = 'Times New Roman'
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } }
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN }
const BELOW_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } }
const HEAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } }

function colWidth(rel: number): number {
  return Math.max(6, Math.round(rel * 1.5))
}

function addSheet(wb: ExcelJS.Workbook, m: LetterModel, t: AppendixTable): void {
  const n = t.columns.length
  const ws = wb.addWorksheet(t.sheetName, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: XLSX_HEADER_ROWS[1], topLeftCell: `C${XLSX_FIRST_DATA_ROW}`, activeCell: `C${XLSX_FIRST_DATA_ROW}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${XLSX_HEADER_ROWS[0]}:${XLSX_HEADER_ROWS[1]}`,
      // Inches: top/bottom 20 mm, left 30 mm, right 15 mm (as the letter).
      margins: { top: 0.79, bottom: 0.79, left: 1.18, right: 0.59, header: 0.3, footer: 0.3 },
    },
    headerFooter: { differentFirst: true, firstHeader: '', oddHeader: `&C&"${FONT}"&12&P` },
  })
  ws.columns = t.columns.map((c) => ({ width: colWidth(c.width) }))
  const a = m.appendix
  const heading: [string, Partial<ExcelJS.Font>][] = [
    [a.heading, { bold: true, size: 14 }],
    [a.title, { bold: true, size: 13 }],
    [a.reference, { italic: true, size: 12 }],
    [t.title, { bold: true, size: 12 }],
    [LETTER_STRINGS.sourceSentence(m.meta.description), { italic: true, size: 11 }],
  ]
  heading.forEach(([text, font], i) => {
    const r = i + 1
    ws.mergeCells(r, 1, r, n)
    const c = ws.getCell(r, 1)
    c.value = text
    c.font = { name: FONT, ...font }
    c.alignment = { horizontal: i < 3 ? 'center' : 'left', vertical: 'middle', wrapText: true }
    ws.getRow(r).height = i === 1 ? 34 : 18
  })
  // Two header rows: a column without a sub-header spans both; neighbours sharing a top share it.
  const [h1, h2] = XLSX_HEADER_ROWS
  for (let i = 0; i < n; ) {
    const c = t.columns[i]
    if (c.sub === null) {
      ws.mergeCells(h1, i + 1, h2, i + 1)
      ws.getCell(h1, i + 1).value = c.top
      i++
      continue
    }
    let j = i
    while (j < n && t.columns[j].sub !== null && t.columns[j].top === c.top) j++
    if (j - i > 1) ws.mergeCells(h1, i + 1, h1, j)
    ws.getCell(h1, i + 1).value = c.top
    for (let k = i; k < j; k++) ws.getCell(h2, k + 1).value = t.columns[k].sub
    i = j
  }
  for (const r of [h1, h2]) {
    ws.getRow(r).height = r === h1 ? 48 : 30
    for (let k = 1; k <= n; k++) {
      const c = ws.getCell(r, k)
      c.font = { name: FONT, size: 11, bold: true }
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
      c.border = BOX
      c.fill = HEAD_FILL
    }
  }
  let r = XLSX_FIRST_DATA_ROW
  for (const row of t.rows) {
    if (row.kind === 'section') {
      ws.mergeCells(r, 1, r, n)
      const c = ws.getCell(r, 1)
      c.value = row.label
      c.font = { name: FONT, size: 11, bold: true }
      for (let k = 1; k <= n; k++) ws.getCell(r, k).border = BOX
      r++
      continue
    }
    row.cells.forEach((cell, k) => {
      const c = ws.getCell(r, k + 1)
      c.value = cell.value
      const fmt = XLSX_FORMATS[cell.format]
      if (fmt) c.numFmt = fmt
      c.font = { name: FONT, size: 11, bold: !!cell.bold || !!cell.below }
      c.alignment = { horizontal: cell.format === 'text' ? 'left' : 'center', vertical: 'middle', wrapText: cell.format === 'text' }
      c.border = BOX
      if (cell.below) c.fill = BELOW_FILL
    })
    r++
  }
  r++
  for (const line of ['Ghi chú:', ...a.legend.map((l) => `- ${l}`)]) {
    ws.mergeCells(r, 1, r, n)
    const c = ws.getCell(r, 1)
    c.value = line
    c.font = { name: FONT, size: 11, italic: line === 'Ghi chú:', bold: line === 'Ghi chú:' }
    c.alignment = { wrapText: true, vertical: 'top' }
    ws.getRow(r).height = 30
    r++
  }
}

/** The appendix workbook of a letter. */
export function appendixWorkbook(m: LetterModel): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'chiso'
  wb.title = m.appendix.title
  wb.subject = m.meta.subject
  wb.description = m.meta.description
  // Fixed dates keep the same inputs giving the same file.
  wb.created = wb.modified = new Date(m.facts.asOf)
  for (const t of m.appendix.tables) addSheet(wb, m, t)
  return wb
}

/** The appendix as `.xlsx` bytes. */
export async function renderAppendixXlsx(m: LetterModel): Promise<Buffer> {
  const data = await appendixWorkbook(m).xlsx.writeBuffer()
  return Buffer.from(data as ArrayBuffer)
}
