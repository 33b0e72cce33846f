/**
 * `chiso score` and `chiso explain`: load a data folder, prepare it, score or trace a period.
 */
import { parseArgs } from 'node:util'
import { loadWorkingCalendar } from '../../calendar-file/load-calendar.js'
import { loadPrepared } from '../../import/load-prepared.js'
import { loadPreparedFromStore } from '../../store/load-prepared.js'
import { openStore } from '../../store/store.js'
import { existsSync } from 'node:fs'
import { formatIssue, summarizeIssues } from '../../import/issues.js'
import { loadRuleSets } from '../../rules-files/load-rules.js'
import { parsePeriod, type Period } from '../../../engine/periods/period.js'
import type { PreparedData } from '../../../engine/prepare/dossier-table.js'
import { scoreWithRuleSets, type ScoreReport } from '../../../engine/score.js'
import { explain } from '../../../engine/trace.js'
import { ruleSetOn } from '../../../engine/rules/build.js'
import { INDICATOR_CODES, type IndicatorCode } from '../../../engine/rules/types.js'
import { parseLooseDateTime } from '../../import/parse-values.js'
import { CliError } from '../errors.js'
import { scoreCsv, scoreJson, scoreText, traceText } from '../format.js'
import type { WorkingCalendar } from '../../../engine/calendar/working-calendar.js'

const COMMON = {
  data: { type: 'string' },
  db: { type: 'string' },
  period: { type: 'string' },
  unit: { type: 'string' },
  procedure: { type: 'string' },
  format: { type: 'string', default: 'table' },
  'as-of': { type: 'string' },
  calendar: { type: 'string', multiple: true },
  lenient: { type: 'boolean', default: false },
  'population-db': { type: 'string', multiple: true },
} as const

interface Loaded {
  prepared: PreparedData
  calendar: WorkingCalendar
  exitCode: number
}

function need(v: string | undefined, flag: string): string {
  if (!v) throw new CliError(`Thiếu tham số --${flag}.`)
  return v
}

function asOfFrom(v: string | undefined): number {
  if (!v) return Date.now()
  const t = parseLooseDateTime(v.length === 10 ? `${v} 23:59:59` : v)
  if (t === null || t === 'malformed') throw new CliError(`--as-of "${v}" không hợp lệ (dạng YYYY-MM-DD hoặc YYYY-MM-DDTHH:mm).`)
  return t
}

async function load(values: { data?: string; db?: string; calendar?: string[]; lenient?: boolean; 'population-db'?: string[] }): Promise<Loaded> {
  if (values.data && values.db) throw new CliError('Chỉ dùng một nguồn: --data THƯ_MỤC hoặc --db KHO.')
  const calendar = loadWorkingCalendar({ extraFiles: values.calendar ?? [] })
  if (!values.data) {
    // The store (SQLite file or PostgreSQL URL): rows stream into the columnar table.
    const target = values.db ?? process.env.DATABASE_URL
    if (!target) throw new CliError('Thiếu nguồn dữ liệu: --data THƯ_MỤC hoặc --db chiso.db|postgres://…')
    if (!/^postgres(ql)?:\/\//i.test(target) && !existsSync(target)) throw new CliError(`Không có kho dữ liệu ${target}; tạo bằng "chiso import data THƯ_MỤC --db ${target}".`)
    const store = await openStore(target)
    try {
      const { prepared, settings } = await loadPreparedFromStore(store, calendar)
      if (settings.populationDatabaseCodes.length === 0) prepared.warnings.push(POPULATION_WARNING)
      return { prepared, calendar, exitCode: 0 }
    } finally {
      await store.close()
    }
  }
  const dir = values.data
  const { prepared, issues, settings } = await loadPrepared(dir, calendar, { populationDatabaseCodes: values['population-db'] ?? [] })
  const errors = issues.filter((i) => i.severity === 'error')
  const warnings = issues.filter((i) => i.severity === 'warning')
  for (const i of errors.slice(0, 50)) process.stderr.write(`${formatIssue(i)}\n`)
  if (errors.length > 50) process.stderr.write(`… và ${errors.length - 50} lỗi khác.\n`)
  for (const i of warnings.slice(0, 20)) process.stderr.write(`${formatIssue(i)}\n`)
  if (warnings.length > 20) process.stderr.write(`… và ${warnings.length - 20} cảnh báo khác.\n`)
  if (issues.length) process.stderr.write(`${summarizeIssues(issues)}\n`)
  if (settings.populationDatabaseCodes.length === 0) prepared.warnings.push(POPULATION_WARNING)
  let exitCode = 0
  if (errors.length && !values.lenient) {
    process.stderr.write(`Có ${errors.length} bản ghi không đọc được (đã bỏ qua, các bản ghi khác vẫn được tính). Dùng --lenient để chấp nhận và trả mã thoát 0.\n`)
    exitCode = 1
  }
  return { prepared, calendar, exitCode }
}

const POPULATION_WARNING = 'Chưa cấu hình mã CSDL dân cư (settings.json "populationDatabaseCodes" hoặc --population-db): chỉ tiêu 4.5a, 4.5b chỉ tính tài khoản VNeID và thành phần lấy từ kho dữ liệu.'

function calendarWarnings(cal: WorkingCalendar, period: Period): string[] {
  const out: string[] = []
  for (let y = +period.firstDay.slice(0, 4); y <= +period.lastDay.slice(0, 4); y++) {
    const w = cal.coverageWarning(y)
    if (w) out.push(w)
  }
  for (const y of cal.missingYears()) {
    const w = cal.coverageWarning(y)
    if (w && !out.includes(w)) out.push(w)
  }
  return out
}

/** `chiso score`. */
export async function runScore(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, detail: { type: 'boolean', default: false } }, allowPositionals: false })
  const period = parsePeriod(need(values.period, 'period'))
  const format = values.format
  if (!['table', 'json', 'csv'].includes(format)) throw new CliError(`--format "${format}" không hợp lệ (table, json hoặc csv).`)
  const { prepared, calendar, exitCode } = await load(values)
  const ruleSets = loadRuleSets()
  if (values.unit && !prepared.units.byCode.has(values.unit)) throw new CliError(`Không có đơn vị mã ${values.unit} trong units.json.`)
  const reports = scoreWithRuleSets(prepared, period, ruleSets, { asOf: asOfFrom(values['as-of']), procedureCode: values.procedure }, calendar)
  for (const r of reports) r.warnings.push(...calendarWarnings(calendar, r.period))
  const pick = (r: ScoreReport) => (values.unit ? r.units.filter((u) => u.unit.code === values.unit) : r.units)
  if (format === 'json') {
    const docs = reports.map((r) => scoreJson(r, pick(r)))
    process.stdout.write(JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2) + '\n')
  } else if (format === 'csv') {
    process.stdout.write(reports.map((r, i) => (i ? scoreCsv(r, pick(r)).split('\n').slice(1).join('\n') : scoreCsv(r, pick(r)))).join('\n') + '\n')
  } else {
    const text = reports.map((r) => {
      const shown = values.unit ? r.units.filter((u) => u.unit.code === values.unit || u.unit.parent === values.unit) : r.units
      const detailed = values.unit ? pick(r) : values.detail ? r.units : []
      return scoreText(r, shown, detailed)
    })
    process.stdout.write(text.join('\n\n') + '\n')
  }
  return exitCode
}

/** `chiso explain`. */
export async function runExplain(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, indicator: { type: 'string' }, limit: { type: 'string', default: '50' } }, allowPositionals: false })
  const period = parsePeriod(need(values.period, 'period'))
  const unit = need(values.unit, 'unit')
  const code = need(values.indicator, 'indicator')
  if (!(INDICATOR_CODES as readonly string[]).includes(code)) throw new CliError(`Chỉ tiêu "${code}" không tồn tại. Các mã: ${INDICATOR_CODES.join(', ')}.`)
  const limit = Number(values.limit)
  if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--limit "${values.limit}" phải là số nguyên dương.`)
  const { prepared, calendar, exitCode } = await load(values)
  const ruleSets = loadRuleSets()
  const set = ruleSetOn(ruleSets, period.firstDay)
  if (!set || ruleSetOn(ruleSets, period.lastDay) !== set) throw new CliError(`Kỳ ${period.label} không nằm trọn trong một bộ quy tắc; hãy giải thích từng phần của kỳ.`)
  const trace = explain(prepared, period, set, unit, code as IndicatorCode, { asOf: asOfFrom(values['as-of']), procedureCode: values.procedure }, calendar)
  if (values.format === 'json') process.stdout.write(JSON.stringify(trace, null, 2) + '\n')
  else process.stdout.write(traceText(trace, limit) + '\n')
  return exitCode
}
