/**
 * @module adapters/import/tabular/rows
 * One row of a CSV or Excel table → a DongBoHoSoMC-shaped raw object (string values, dates as
 * `yyyyMMddHHmmss`), with the header row resolved against the column mapping first. Cell values
 * come from the CSV reader (strings) or from exceljs (strings, numbers, booleans, dates, rich
 * text, hyperlinks, formulas with their cached result, error values).
 */
import { describeRecord, fileIssue, type ImportIssue } from '../issues.js'
import { quote } from '../parse-values.js'
import {
  compactOf,
  isoTextOf,
  parseDateText,
  wallClockOfExcelDate,
  wallClockOfExcelSerial,
  type WallClock,
} from './date-formats.js'
import {
  AMOUNT_WORDS,
  type ColumnTarget,
  type CompiledMapping,
  FLAG_WORDS,
  type FieldKind,
  normalizeHeader,
  normalizeValueKey,
  REQUIRED_TARGETS,
  targetKind,
} from './mapping.js'
import { TABULAR_MESSAGES as M } from './messages.js'

/** A cell as read: CSV gives strings; exceljs gives the other shapes too. */
export type CellValue = string | number | boolean | Date | null | undefined | object

/** A column of the file that fills a field. */
export interface ResolvedColumn {
  /** 0-based position of the cell in the row. */
  index: number
  /** Header as written in the file. */
  header: string
  target: ColumnTarget
  kind: FieldKind
  /** Value map of the column (its header's entries over its target's), or null. */
  values: ReadonlyMap<string, string> | null
  /** For list targets (`DanhSachLePhi[0].Gia`): the list, entry position and field. */
  list: { name: string; position: number; field: string } | null
}

/** Result of {@link resolveHeader}. */
export interface HeaderResolution {
  columns: ResolvedColumn[]
  /** The column of MaHoSo (for the record key in messages), or null. */
  keyColumn: ResolvedColumn | null
  /** 0-based positions of cells with a non-empty header. */
  labeled: ReadonlySet<number>
  /** Target → header as written in the file, for messages about fields. */
  headerOf: ReadonlyMap<string, string>
  /** Names of the lists some column fills (`DanhSachLePhi`…). */
  listNames: readonly string[]
  /** Warnings (unknown or duplicate columns) and errors (missing required columns). */
  issues: ImportIssue[]
  /** True when a required column is missing: the file must not be read further. */
  fatal: boolean
}

/** Excel column letters of a 0-based position: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1
  let s = ''
  while (n > 0) {
    const r = (n - 1) % 26
    s = String.fromCharCode(65 + r) + s
    n = Math.floor((n - 1) / 26)
  }
  return s
}

interface Unwrapped {
  value: string | number | boolean | Date | null
  hyperlink: string | null
  formula: string | null
  error: string | null
  missingResult: boolean
}

function unwrap(v: CellValue): Unwrapped {
  const out: Unwrapped = {
    value: null,
    hyperlink: null,
    formula: null,
    error: null,
    missingResult: false,
  }
  if (v === null || v === undefined) return out
  if (typeof v !== 'object' || v instanceof Date) {
    out.value = v as string | number | boolean | Date
    return out
  }
  const o = v as Record<string, unknown>
  if (Array.isArray(o.richText)) {
    const runs = o.richText as { text?: unknown }[]
    out.value = runs.map((r) => (typeof r.text === 'string' ? r.text : '')).join('')
    return out
  }
  if ('formula' in o || 'sharedFormula' in o) {
    out.formula = typeof o.formula === 'string' ? o.formula : null
    // exceljs's streaming reader gives NaN as the result of a formula that evaluated to an error
    const r = o.result
    if (r === undefined || r === null || (typeof r === 'number' && !Number.isFinite(r))) {
      out.missingResult = true
      return out
    }
    const inner = unwrap(o.result as CellValue)
    return { ...inner, formula: out.formula }
  }
  if (typeof o.hyperlink === 'string') {
    const inner = unwrap(o.text as CellValue)
    return { ...inner, hyperlink: o.hyperlink }
  }
  if ('error' in o) {
    out.error = String(o.error)
    return out
  }
  if (typeof o.text === 'string') out.value = o.text
  return out
}

/** Text of a header cell: strings, numbers, rich text… NFC-normalized and trimmed. */
export function cellText(v: CellValue): string {
  const u = unwrap(v)
  if (u.value === null) return ''
  if (u.value instanceof Date) {
    const w = wallClockOfExcelDate(u.value)
    return w === null ? '' : isoTextOf(w)
  }
  return String(u.value).normalize('NFC').trim()
}

function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0)
  return String(n)
}

/** A MaTTHC typed as a number loses its trailing zeros (2.00249): give back `d.dddddd`. */
function procedureText(n: number): string {
  if (n > 0 && n < 10) {
    const scaled = n * 1e6
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6) return n.toFixed(6)
  }
  return numberText(n)
}

const HYPERLINK_FORMULA = /^\s*=?\s*HYPERLINK\s*\(\s*"([^"]*)"/i

/**
 * An amount in whole VND → digits, or null. Accepts `150000`, `150.000`, `150,000`, `150 000`,
 * `1.500.000,00`, with a trailing `đ`, `đồng`, `VND`, `VNĐ` or `₫`.
 */
export function parseAmount(text: string): string | null {
  let s = text.replace(/[\s\u00a0]/g, '').replace(/(đồng|đ|vnđ|vnd|₫)$/i, '')
  if (s === '') return null
  let m = /^(.*?)([.,])(0{1,2})$/.exec(s)
  if (m !== null && !m[1].includes(m[2]) && m[1] !== '') {
    // a zero decimal part after the other separator (or none): 150000,00 or 1.500.000,00
    s = m[1]
  }
  if (/^\d+$/.test(s)) return s.length <= 15 ? s.replace(/^0+(?=\d)/, '') : null
  m = /^\d{1,3}([.,])\d{3}(?:\1\d{3})*$/.exec(s)
  if (m !== null) {
    const digits = s.replace(/[.,]/g, '')
    return digits.length <= 15 ? digits : null
  }
  return null
}

/**
 * Resolve the header row: which cell fills which field. Unknown headers give one warning each;
 * a second column for a field already filled gives a warning and is ignored; a required field
 * (MaHoSo, MaTTHC) without a column gives a file-level error and `fatal`.
 * @param columnLabel how to name a column position in messages (letters for Excel)
 */
export function resolveHeader(
  cells: readonly CellValue[],
  row: number,
  compiled: CompiledMapping,
  file: string,
  columnLabel: (index: number) => string
): HeaderResolution {
  const issues: ImportIssue[] = []
  const labeled = new Set<number>()
  const found: string[] = []
  const best = new Map<string, { index: number; header: string; priority: number }>()
  const losers: { index: number; header: string; target: string }[] = []
  for (let i = 0; i < cells.length; i++) {
    const header = cellText(cells[i])
    if (header === '') continue
    labeled.add(i)
    found.push(`"${header}"`)
    const entry = compiled.headers.get(normalizeHeader(header))
    if (entry === undefined) {
      const text = M.unknownHeader(header, columnLabel(i))
      issues.push(fileIssue('warning', file, text, row, null, null))
      continue
    }
    if (entry.target === null) continue
    const current = best.get(entry.target)
    const candidate = { index: i, header, priority: entry.priority }
    if (current === undefined) best.set(entry.target, candidate)
    else if (entry.priority < current.priority) {
      losers.push({ index: current.index, header: current.header, target: entry.target })
      best.set(entry.target, candidate)
    } else losers.push({ index: i, header, target: entry.target })
  }
  for (const loser of losers.sort((a, b) => a.index - b.index)) {
    const used = best.get(loser.target)!.header
    const text = M.duplicateColumn(loser.header, loser.target, used)
    issues.push(fileIssue('warning', file, text, row, null, loser.target))
  }

  const columns: ResolvedColumn[] = []
  const headerOf = new Map<string, string>()
  for (const [target, { index, header }] of best) {
    const kind = targetKind(target)!
    const byHeader = compiled.valuesByHeader.get(normalizeHeader(header))
    const byTarget = compiled.valuesByTarget.get(target)
    let values: ReadonlyMap<string, string> | null = null
    if (byHeader && byTarget) values = new Map([...byTarget, ...byHeader])
    else values = byHeader ?? byTarget ?? null
    const m = /^([A-Za-z]+)\[(\d)\]\.([A-Za-z]+)$/.exec(target)
    const list = m === null ? null : { name: m[1], position: +m[2], field: m[3] }
    columns.push({ index, header, target: target as ColumnTarget, kind, values, list })
    headerOf.set(target, header)
  }
  columns.sort((a, b) => a.index - b.index)

  let fatal = false
  for (const { target, what } of REQUIRED_TARGETS) {
    if (best.has(target)) continue
    // The error lists the header's columns: warnings about each of them would only repeat it
    if (!fatal) issues.length = 0
    fatal = true
    const aliases = (compiled.aliases.get(target) ?? []).map((h) => `"${h}"`).join(', ')
    const columns = found.join(', ') || '(không có)'
    const text = M.missingRequired(target, what, aliases || '(không có)', row, columns)
    issues.push(fileIssue('error', file, text, null, null, target))
  }
  if (!fatal && !best.has('TrangThaiHoSo')) {
    const aliases = (compiled.aliases.get('TrangThaiHoSo') ?? []).map((h) => `"${h}"`).join(', ')
    const text = M.noStatusColumn(aliases || '(không có)')
    issues.push(fileIssue('warning', file, text, row, null, 'TrangThaiHoSo'))
  }
  const keyColumn = columns.find((c) => c.target === 'MaHoSo') ?? null
  const listNames = [...new Set(columns.flatMap((c) => (c.list === null ? [] : [c.list.name])))]
  return { columns, keyColumn, labeled, headerOf, listNames, issues, fatal }
}

/** What {@link convertRow} needs besides the row. */
export interface RowContext {
  file: string
  compiled: CompiledMapping
  header: HeaderResolution
  /** Excel 1904 date system (for date serials in cells not formatted as dates). */
  date1904: boolean
}

/** Result of {@link convertRow}. */
export interface ConvertedRow {
  /** The DongBoHoSoMC-shaped record; meaningful only when not `rejected`. */
  raw: Record<string, unknown>
  /** MaHoSo as read, or null. */
  key: string | null
  /** Issues of the row (null when none). */
  issues: ImportIssue[] | null
  /** True when an error was found: the row must not be passed on. */
  rejected: boolean
  /**
   * Target → header for this row, when list entries were renumbered because an earlier entry's
   * columns were all empty (`DanhSachLePhi[1]` became `[0]`); null when it is the file's own.
   */
  headerOf: ReadonlyMap<string, string> | null
}

/** True when every mapped cell of the row is empty (blank lines, footers such as "Tổng cộng"). */
export function isBlankRow(cells: readonly CellValue[], header: HeaderResolution): boolean {
  for (const column of header.columns) {
    const v = cells[column.index]
    if (v === null || v === undefined) continue
    if (typeof v === 'string') {
      if (v.trim() !== '') return false
      continue
    }
    if (cellText(v) !== '' || unwrap(v).error !== null) return false
  }
  return true
}

/**
 * Convert one data row. Dates become `yyyyMMddHHmmss` (a date-only NgayHenTra gets the mapping's
 * `dueDateOnlyTime`), amounts digits, coded and flag values go through the value maps; empty cells
 * leave the field out. Unparseable dates and amounts reject the row, naming the column.
 * @param row 1-based row (Excel) or line (CSV) number
 * @param index 1-based position of the record among the data rows
 */
export function convertRow(
  cells: readonly CellValue[],
  row: number,
  index: number,
  ctx: RowContext
): ConvertedRow {
  const { file, header } = ctx
  const raw: Record<string, unknown> = {}
  let issues: ImportIssue[] | null = null
  let rejected = false
  let key: string | null = null
  if (header.keyColumn !== null) {
    const k = cellText(cells[header.keyColumn.index])
    if (k !== '') key = k
  }
  const report = (severity: 'error' | 'warning', column: ResolvedColumn, text: string) => {
    if (severity === 'error') rejected = true
    const where = `${describeRecord('dossier', file, index, key, row)}, cột "${column.header}"`
    ;(issues ??= []).push({
      severity,
      file,
      index,
      key,
      field: column.target,
      message: `${where}: ${text}`,
      line: row,
    })
  }

  let hasLists = false
  for (const column of header.columns) {
    const cell = cells[column.index]
    if (cell === null || cell === undefined || cell === '') continue
    const value = readCell(cell, column, ctx, report)
    if (value === null) continue
    if (column.list === null) raw[column.target] = value
    else {
      hasLists = true
      const { name, position, field } = column.list
      const list = (raw[name] ??= []) as (Record<string, string> | undefined)[]
      ;(list[position] ??= {})[field] = value
    }
  }

  let headerOf: Map<string, string> | null = null
  if (hasLists) {
    for (const name of header.listNames) {
      const list = raw[name] as (Record<string, string> | undefined)[] | undefined
      if (list === undefined || countDefined(list) === list.length) continue
      // An earlier entry's columns are all empty: renumber the entries, and the field paths of
      // this row's columns for messages (DanhSachLePhi[1].Gia becomes DanhSachLePhi[0].Gia)
      const compact: Record<string, string>[] = []
      const newPosition = new Map<number, number>()
      for (let i = 0; i < list.length; i++) {
        if (list[i] === undefined) continue
        newPosition.set(i, compact.length)
        compact.push(list[i]!)
      }
      raw[name] = compact
      headerOf ??= new Map(header.headerOf)
      const own = header.columns.filter((c) => c.list?.name === name)
      for (const c of own) headerOf.delete(c.target)
      for (const c of own) {
        const p = newPosition.get(c.list!.position)
        if (p !== undefined) headerOf.set(`${name}[${p}].${c.list!.field}`, c.header)
      }
    }
  }
  return { raw, key, issues, rejected, headerOf }
}

function countDefined(list: readonly unknown[]): number {
  let n = 0
  for (let i = 0; i < list.length; i++) if (list[i] !== undefined) n++
  return n
}

/** Value of one non-empty cell as a string for the raw record, or null (empty / reported). */
function readCell(
  cell: CellValue,
  column: ResolvedColumn,
  ctx: RowContext,
  report: (severity: 'error' | 'warning', column: ResolvedColumn, text: string) => void
): string | null {
  // Fast path: CSV text in a text column
  if (typeof cell === 'string' && column.kind === 'text') {
    const s = cell.trim()
    return s === '' ? null : s.normalize('NFC')
  }
  const u = unwrap(cell)
  if (u.error !== null) {
    report('warning', column, M.cellError(u.error))
    return null
  }
  if (u.missingResult) {
    report('warning', column, M.formulaNoResult)
    return null
  }
  const v = u.value
  if (column.kind === 'date') return readDate(v, column, ctx, report)
  if (column.kind === 'link') {
    if (u.hyperlink) return u.hyperlink
    const m = u.formula === null ? null : HYPERLINK_FORMULA.exec(u.formula)
    if (m !== null && m[1].trim() !== '') return m[1].trim()
  }
  let text: string
  if (v === null) return null
  if (typeof v === 'string') text = v.normalize('NFC').trim()
  else if (typeof v === 'number') {
    text = column.kind === 'procedure' ? procedureText(v) : numberText(v)
  }
  else if (typeof v === 'boolean') text = v ? '1' : '0'
  else {
    const w = wallClockOfExcelDate(v)
    text = w === null ? '' : isoTextOf(w)
  }
  if (text === '') return null
  if (column.kind === 'code' || column.kind === 'flag' || column.kind === 'amount') {
    const k = normalizeValueKey(text)
    const words =
      column.kind === 'flag' ? FLAG_WORDS : column.kind === 'amount' ? AMOUNT_WORDS : null
    const mapped = column.values?.get(k) ?? words?.get(k)
    if (mapped !== undefined) {
      if (mapped === '') return null
      text = mapped
    }
  }
  if (column.kind === 'amount') {
    if (typeof v === 'number' && text === numberText(v)) {
      if (!Number.isSafeInteger(v) || v < 0) {
        report('error', column, M.badAmount(quote(text)))
        return null
      }
      return text
    }
    const digits = parseAmount(text)
    if (digits === null) {
      report('error', column, M.badAmount(quote(text)))
      return null
    }
    return digits
  }
  return text
}

/** An integer of 8 or 14 digits typed as a number: `20260812` or `20260812081500`, not a serial. */
function isDigitDate(v: number): boolean {
  return Number.isInteger(v) && ((v >= 1e7 && v < 1e8) || (v >= 1e13 && v < 1e14))
}

function readDate(
  v: string | number | boolean | Date | null,
  column: ResolvedColumn,
  ctx: RowContext,
  report: (severity: 'error' | 'warning', column: ResolvedColumn, text: string) => void
): string | null {
  let wall: WallClock | null = null
  let dateOnly = false
  if (v === null) return null
  if (v instanceof Date) {
    wall = wallClockOfExcelDate(v)
    if (wall === null) {
      report('error', column, M.dateOutOfRange(quote(String(v))))
      return null
    }
    dateOnly = wall.hour === 0 && wall.minute === 0 && wall.second === 0
  } else if (typeof v === 'number' && !isDigitDate(v)) {
    // A date serial in a cell not formatted as a date
    wall = wallClockOfExcelSerial(v, ctx.date1904)
    if (wall === null) {
      report('error', column, M.dateOutOfRange(quote(v)))
      return null
    }
    dateOnly = wall.hour === 0 && wall.minute === 0 && wall.second === 0
  } else {
    const text = (typeof v === 'string' ? v : String(v)).trim()
    if (text === '') return null
    const parsed = parseDateText(text, ctx.compiled.formats)
    if (!parsed.ok) {
      const message =
        parsed.format !== null
          ? M.badDate(quote(text), parsed.format.pattern)
          : M.dateNoFormat(quote(text), ctx.compiled.formats.map((f) => f.pattern).join('; '))
      report('error', column, message)
      return null
    }
    wall = parsed.value
    dateOnly = parsed.dateOnly
  }
  if (dateOnly && column.target === 'NgayHenTra') {
    const t = ctx.compiled.dueDateOnlyTime
    wall = { ...wall, hour: t.hour, minute: t.minute, second: t.second }
  }
  return compactOf(wall)
}
