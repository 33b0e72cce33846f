/**
 * The source of the numbers for `score`, `explain` and `report`: a data folder or the store.
 */
import { existsSync } from 'node:fs'
import { loadWorkingCalendar } from '../../calendar-file/load-calendar.js'
import { formatIssue, summarizeIssues } from '../../import/issues.js'
import { loadPrepared } from '../../import/load-prepared.js'
import { loadPreparedFromStore } from '../../store/load-prepared.js'
import { openStore } from '../../store/store.js'
import type { WorkingCalendar } from '../../../engine/calendar/working-calendar.js'
import type { PreparedData } from '../../../engine/prepare/dossier-table.js'
import { CliError } from '../errors.js'

export interface SourceValues {
  data?: string
  db?: string
  calendar?: string[]
  lenient?: boolean
  'population-db'?: string[]
}

export interface Loaded {
  prepared: PreparedData
  calendar: WorkingCalendar
  /** 1 when records were rejected and `--lenient` was not given. */
  exitCode: number
}

/**
 * Load the records to score: a data folder (`--data`) or the store (`--db`, else `DATABASE_URL`),
 * with the working-day calendar; import problems are written through `err`.
 */
export async function loadSource(values: SourceValues, err: (text: string) => void): Promise<Loaded> {
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
  for (const i of errors.slice(0, 50)) err(`${formatIssue(i)}\n`)
  if (errors.length > 50) err(`… và ${errors.length - 50} lỗi khác.\n`)
  for (const i of warnings.slice(0, 20)) err(`${formatIssue(i)}\n`)
  if (warnings.length > 20) err(`… và ${warnings.length - 20} cảnh báo khác.\n`)
  if (issues.length) err(`${summarizeIssues(issues)}\n`)
  if (settings.populationDatabaseCodes.length === 0) prepared.warnings.push(POPULATION_WARNING)
  let exitCode = 0
  if (errors.length && !values.lenient) {
    err(`Có ${errors.length} bản ghi không đọc được (đã bỏ qua, các bản ghi khác vẫn được tính). Dùng --lenient để chấp nhận và trả mã thoát 0.\n`)
    exitCode = 1
  }
  return { prepared, calendar, exitCode }
}

/** Shown in every score report while the population-database codes are not configured. */
export const POPULATION_WARNING = 'Chưa cấu hình mã CSDL dân cư (settings.json "populationDatabaseCodes" hoặc --population-db): chỉ tiêu 4.5a, 4.5b chỉ tính tài khoản VNeID và thành phần lấy từ kho dữ liệu.'

