/**
 * @module adapters/reports/monthly-letter/docx
 * Lays a letter model out as a Word document following Nghị định 30/2020/NĐ-CP, Phụ lục I:
 * A4 portrait, margins 20/20/30/15 mm, Times New Roman, each element at the decree's sample size
 * and style, the two-column header in a borderless table, page numbers centred in the header from
 * page 2, and the appendix in its own landscape section whose page numbers restart at 1.
 * The checklist, item by item, is in `docs/letter.md`.
 */
import {
  AlignmentType, BorderStyle, Document, Header, LineRuleType, Packer, PageNumber, PageOrientation, Paragraph, SectionType, ShadingType,
  Tab, Table, TableBorders, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, VerticalAlignTable, WidthType,
  type ISectionOptions, type ParagraphChild,
} from 'docx'
import type { AppendixCell, AppendixColumn, AppendixTable, LetterModel } from './letter-model.js'
import { withFinalMark } from './vn-text.js'

const LEGEND_LABEL = 'Ghi chú:'

/** Page and type settings (twips; sizes in points). Values within the decree's ranges. */
export const LETTER_LAYOUT = Object.freeze({
  font: 'Times New Roman',
  /** A4 in twips. */
  pageWidth: 11906,
  pageHeight: 16838,
  /** 20 mm, 20 mm, 30 mm, 15 mm. */
  margin: { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567, footer: 567 },
  /** Header table columns (left: agency, Số, V/v; right: quốc hiệu, tiêu ngữ, date). */
  headerColumns: [3686, 5668],
  /** Signature table columns (left: Nơi nhận; right: signer). */
  signatureColumns: [4820, 4534],
  size: {
    parentAgency: 12, agency: 12, nation: 12, motto: 13, number: 13, placeDate: 13, subject: 12,
    recipients: 14, body: 14, signer: 14, distributionLabel: 12, distribution: 11, pageNumber: 14,
    appendixHeading: 14, appendixTitle: 14, appendixReference: 14, tableTitle: 13, legend: 12,
  },
  /** First-line indent of body paragraphs: 1 cm. */
  firstLineIndent: 567,
  /** 6 pt after each body paragraph; line spacing 1.15 lines (240ths of a line, rule "auto"). */
  paragraphAfter: 120,
  lineSpacing: 276,
  /**
   * Width of the line under the tiêu ngữ "Độc lập - Tự do - Hạnh phúc" at 13 pt bold: the text
   * measures 159 pt (3180 twips) in Times New Roman and in its metric twin Liberation Serif.
   */
  mottoLineWidth: 3180,
  /** Line spacing of centred header and signer lines: single (240ths of a line, rule "auto"). */
  blockLineSpacing: 240,
  /** Space left for the signature and seal. */
  signatureSpace: 1700,
  /** Appendix table cell side padding. */
  cellPadding: 45,
})

const L = LETTER_LAYOUT
const pt = (n: number) => n * 2

interface RunStyle {
  size: number
  bold?: boolean
  italics?: boolean
}

function run(text: string, s: RunStyle): TextRun {
  return new TextRun({ text, font: L.font, size: pt(s.size), bold: s.bold ?? false, italics: s.italics ?? false })
}

function centered(text: string, s: RunStyle, spacing: { before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: spacing.before ?? 0, after: spacing.after ?? 0, line: L.blockLineSpacing, lineRule: LineRuleType.AUTO }, children: [run(text, s)] })
}

/**
 * A short solid line centred in a cell of width `cellWidth`: an empty, tiny paragraph with a
 * bottom border, indented so the border is `lineWidth` long (the decree draws a line, not
 * underlined text).
 */
function centredLine(cellWidth: number, lineWidth: number, before = 0): Paragraph {
  const side = Math.max(0, Math.round((cellWidth - 2 * 108 - lineWidth) / 2))
  return new Paragraph({
    indent: { left: side, right: side },
    spacing: { before, after: 0, line: 60, lineRule: LineRuleType.EXACT },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    children: [new TextRun({ text: '', font: L.font, size: 2 })],
  })
}

/**
 * Rough width (twips) of upper-case bold text at `size` points in Times New Roman: capitals
 * average 0.72 em, spaces 0.25 em. Only used to size the short line under the agency name, which
 * the decree sets at 1/3 to 1/2 of the name's length.
 */
export function estimateCapsWidth(text: string, size: number): number {
  let em = 0
  for (const ch of text) em += ch === ' ' ? 0.25 : /[0-9]/.test(ch) ? 0.5 : ch === ch.toLocaleLowerCase('vi') && ch !== ch.toLocaleUpperCase('vi') ? 0.5 : 0.72
  return Math.round(em * size * 20)
}

function cell(children: Paragraph[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}): TableCell {
  return new TableCell({ children, width: { size: width, type: WidthType.DXA }, ...extra })
}

function headerTable(m: LetterModel): Table {
  const [lw, rw] = L.headerColumns
  const h = m.header
  const left: Paragraph[] = [
    ...h.parentAgency.map((t) => centered(t, { size: L.size.parentAgency })),
    ...h.agency.map((t) => centered(t, { size: L.size.agency, bold: true })),
  ]
  const longest = Math.max(...h.agency.map((t) => estimateCapsWidth(t, L.size.agency)))
  left.push(centredLine(lw, Math.round(longest * 0.4), 20))
  const right: Paragraph[] = [
    centered(h.nation, { size: L.size.nation, bold: true }),
    centered(h.motto, { size: L.size.motto, bold: true }),
    centredLine(rw, L.mottoLineWidth, 20),
  ]
  const row2 = new TableRow({
    children: [
      cell([centered(h.number, { size: L.size.number }, { before: 160 })], lw),
      cell([centered(h.placeDate, { size: L.size.placeDate, italics: true }, { before: 160 })], rw),
    ],
  })
  const row3 = new TableRow({
    children: [cell([centered(h.subject, { size: L.size.subject }, { before: 120 })], lw), cell([new Paragraph({ children: [] })], rw)],
  })
  return new Table({
    width: { size: lw + rw, type: WidthType.DXA },
    columnWidths: [lw, rw],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ children: [cell(left, lw), cell(right, rw)] }), row2, row3],
  })
}

/** "Kính gửi:" and the recipients, the dashes aligned one under the other after the colon. */
function recipientsBlock(m: LetterModel): Paragraph[] {
  const start = 1134
  const listAt = start + 1330
  const size = pt(L.size.recipients)
  const paragraphs: Paragraph[] = []
  m.recipients.forEach((r, i) => {
    const children: ParagraphChild[] =
      i === 0
        ? [new TextRun({ text: m.recipientsLabel, font: L.font, size }), new TextRun({ children: [new Tab()], font: L.font, size }), new TextRun({ text: r, font: L.font, size })]
        : [new TextRun({ text: r, font: L.font, size })]
    paragraphs.push(
      new Paragraph({
        indent: i === 0 ? { left: listAt, hanging: listAt - start } : { left: listAt },
        tabStops: [{ type: TabStopType.LEFT, position: listAt }],
        spacing: { before: i === 0 ? 360 : 0, after: i === m.recipients.length - 1 ? 240 : 0, line: L.lineSpacing, lineRule: LineRuleType.AUTO },
        children,
      })
    )
  })
  return paragraphs
}

function bodyParagraphs(m: LetterModel): Paragraph[] {
  return m.body.map(
    (p, i) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: L.firstLineIndent },
        spacing: { before: 0, after: L.paragraphAfter, line: L.lineSpacing, lineRule: LineRuleType.AUTO },
        keepNext: i === m.body.length - 1,
        children: [run(p.text, { size: L.size.body, italics: p.italic })],
      })
  )
}

function signatureTable(m: LetterModel): Table {
  const [lw, rw] = L.signatureColumns
  const left: Paragraph[] = [
    new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(m.distributionLabel, { size: L.size.distributionLabel, bold: true, italics: true })] }),
    ...m.distribution.map((d) => new Paragraph({ spacing: { before: 0, after: 0 }, children: [run(d, { size: L.size.distribution })] })),
  ]
  const right: Paragraph[] = [
    ...m.signer.authority.map((a) => centered(a, { size: L.size.signer, bold: true })),
    centered(m.signer.title, { size: L.size.signer, bold: true }),
    centered(m.signer.name, { size: L.size.signer, bold: true }, { before: L.signatureSpace }),
  ]
  return new Table({
    width: { size: lw + rw, type: WidthType.DXA },
    columnWidths: [lw, rw],
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [new TableRow({ cantSplit: true, children: [cell(left, lw, { margins: { left: 0 } }), cell(right, rw)] })],
  })
}

function pageNumberHeader(): Header {
  return new Header({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: L.font, size: pt(L.size.pageNumber) })] })],
  })
}

function emptyHeader(): Header {
  return new Header({ children: [new Paragraph({ children: [] })] })
}

/** Table font size from the number of columns: 11 pt, 10 pt, or 9 pt for the widest groups. */
export function tableFontSize(columns: number): number {
  return columns <= 10 ? 11 : columns <= 14 ? 10 : 9
}

function tableCellParagraph(text: string, size: number, align: (typeof AlignmentType)[keyof typeof AlignmentType], bold: boolean): Paragraph {
  return new Paragraph({ alignment: align, spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO }, children: [run(text, { size, bold })] })
}

const GRID = { style: BorderStyle.SINGLE, size: 4, color: '000000' }
const GRID_BORDERS = { top: GRID, bottom: GRID, left: GRID, right: GRID }

function appendixTable(t: AppendixTable, textWidth: number): Table {
  const size = tableFontSize(t.columns.length)
  const total = t.columns.reduce((s, c) => s + c.width, 0)
  const widths = t.columns.map((c) => Math.floor((c.width / total) * textWidth))
  const margins = { left: L.cellPadding, right: L.cellPadding, top: 20, bottom: 20 }
  const head = (text: string, w: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
    new TableCell({
      children: [tableCellParagraph(text, size, AlignmentType.CENTER, true)],
      width: { size: w, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' },
      borders: GRID_BORDERS,
      margins,
      ...extra,
    })
  const top: TableCell[] = []
  const sub: TableCell[] = []
  for (let i = 0; i < t.columns.length; ) {
    const c = t.columns[i]
    if (c.sub === null) {
      top.push(head(c.top, widths[i], { rowSpan: 2 }))
      i++
      continue
    }
    let j = i
    while (j < t.columns.length && t.columns[j].sub !== null && t.columns[j].top === c.top) j++
    top.push(head(c.top, widths.slice(i, j).reduce((s, w) => s + w, 0), { columnSpan: j - i }))
    for (let k = i; k < j; k++) sub.push(head(t.columns[k].sub as string, widths[k]))
    i = j
  }
  const rows: TableRow[] = [new TableRow({ tableHeader: true, cantSplit: true, children: top }), new TableRow({ tableHeader: true, cantSplit: true, children: sub })]
  for (const r of t.rows) {
    if (r.kind === 'section') {
      rows.push(
        new TableRow({
          cantSplit: true,
          keepNext: true,
          children: [new TableCell({ children: [tableCellParagraph(r.label, size, AlignmentType.LEFT, true)], columnSpan: t.columns.length, width: { size: textWidth, type: WidthType.DXA }, borders: GRID_BORDERS, margins })],
        })
      )
      continue
    }
    rows.push(new TableRow({ cantSplit: true, children: r.cells.map((c, i) => bodyCell(c, t.columns[i], widths[i], size, margins)) }))
  }
  return new Table({ width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows })
}

function bodyCell(c: AppendixCell, col: AppendixColumn, width: number, size: number, margins: { left: number; right: number; top: number; bottom: number }): TableCell {
  const align = col.kind === 'unit' || col.kind === 'text' ? AlignmentType.LEFT : AlignmentType.CENTER
  return new TableCell({
    children: [tableCellParagraph(c.text, size, align, !!c.bold || !!c.below)],
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: GRID_BORDERS,
    margins,
    ...(c.below ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'D9D9D9' } } : {}),
  })
}

function appendixSection(m: LetterModel): ISectionOptions {
  const a = m.appendix
  const textWidth = L.pageHeight - L.margin.left - L.margin.right
  const children: (Paragraph | Table)[] = [
    centered(a.heading, { size: L.size.appendixHeading, bold: true }),
    centered(a.title, { size: L.size.appendixTitle, bold: true }),
    centered(a.reference, { size: L.size.appendixReference, italics: true }),
    centredLine(textWidth + 216, 2268, 40),
  ]
  a.tables.forEach((t, i) => {
    children.push(
      new Paragraph({
        keepNext: true,
        pageBreakBefore: i > 0,
        spacing: { before: i === 0 ? 240 : 0, after: 120 },
        children: [run(t.title, { size: L.size.tableTitle, bold: true })],
      })
    )
    children.push(appendixTable(t, textWidth))
  })
  // The notes stay together; the last one ends with the decree's "./.".
  children.push(new Paragraph({ keepNext: true, spacing: { before: 160, after: 0 }, children: [run(LEGEND_LABEL, { size: L.size.legend, bold: true, italics: true })] }))
  a.legend.forEach((line, i) => {
    const last = i === a.legend.length - 1
    children.push(new Paragraph({ keepNext: !last, keepLines: true, spacing: { before: 0, after: 0 }, children: [run(`- ${last ? withFinalMark(line) : line}`, { size: L.size.legend })] }))
  })
  return {
    properties: {
      type: SectionType.NEXT_PAGE,
      titlePage: true,
      page: {
        size: { width: L.pageWidth, height: L.pageHeight, orientation: PageOrientation.LANDSCAPE },
        margin: L.margin,
        pageNumbers: { start: 1 },
      },
    },
    headers: { first: emptyHeader(), default: pageNumberHeader() },
    children,
  }
}

/** The Word document of a letter and its appendix. */
export function letterDocument(m: LetterModel): Document {
  const letter: ISectionOptions = {
    properties: {
      titlePage: true,
      page: { size: { width: L.pageWidth, height: L.pageHeight, orientation: PageOrientation.PORTRAIT }, margin: L.margin, pageNumbers: { start: 1 } },
    },
    headers: { first: emptyHeader(), default: pageNumberHeader() },
    children: [
      headerTable(m),
      ...recipientsBlock(m),
      ...bodyParagraphs(m),
      new Paragraph({ spacing: { before: 0, after: 0 }, keepNext: true, children: [] }),
      signatureTable(m),
    ],
  }
  return new Document({
    creator: 'chiso',
    title: m.meta.title,
    subject: m.meta.subject,
    description: m.meta.description,
    styles: {
      default: {
        document: { run: { font: L.font, size: pt(L.size.body) }, paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } } },
      },
    },
    sections: [letter, appendixSection(m)],
  })
}

/** The letter as `.docx` bytes. */
export async function renderLetterDocx(m: LetterModel): Promise<Buffer> {
  return Packer.toBuffer(letterDocument(m))
}

