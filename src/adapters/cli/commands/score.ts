/**
 * `chiso score` and `chiso explain`: load a data folder, prepare it, score or trace a period.
 */
import { parseArgs } from 'node:util'
import { loadRuleSets } from '../../rules-files/load-rules.js'
import { parsePeriod, type Period } from '../../../engine/periods/period.js'
import { scoreWithRuleSets, type ScoreReport } from '../../../engine/score.js'
import { explain } from '../../../engine/trace.js'
import { ruleSetOn } from '../../../engine/rules/build.js'
import { INDICATOR_CODES, type IndicatorCode } from '../../../engine/rules/types.js'
import { parseLooseDateTime } from '../../import/parse-values.js'
import { CliError } from '../errors.js'
import { scoreCsv, scoreJson, scoreText, traceText } from '../format.js'
import type { WorkingCalendar } from '../../../engine/calendar/working-calendar.js'
import { loadSource } from './source.js'

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

/** Common options of `score` and `explain` (and, for the source, `report`). */
export { COMMON as SCORE_OPTIONS }

/** `chiso score`. */
export async function runScore(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { ...COMMON, detail: { type: 'boolean', default: false } }, allowPositionals: false })
  const period = parsePeriod(need(values.period, 'period'))
  const format = values.format
  if (!['table', 'json', 'csv'].includes(format)) throw new CliError(`--format "${format}" không hợp lệ (table, json hoặc csv).`)
  const { prepared, calendar, exitCode } = await loadSource(values, (t) => process.stderr.write(t))
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
  const { prepared, calendar, exitCode } = await loadSource(values, (t) => process.stderr.write(t))
  const ruleSets = loadRuleSets()
  const set = ruleSetOn(ruleSets, period.firstDay)
  if (!set || ruleSetOn(ruleSets, period.lastDay) !== set) throw new CliError(`Kỳ ${period.label} không nằm trọn trong một bộ quy tắc; hãy giải thích từng phần của kỳ.`)
  const trace = explain(prepared, period, set, unit, code as IndicatorCode, { asOf: asOfFrom(values['as-of']), procedureCode: values.procedure }, calendar)
  if (values.format === 'json') process.stdout.write(JSON.stringify(trace, null, 2) + '\n')
  else process.stdout.write(traceText(trace, limit) + '\n')
  return exitCode
}
