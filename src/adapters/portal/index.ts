/**
 * @module adapters/portal
 * `chiso portal rescore`: read a response of the national portal's evaluation API and recompute
 * every unit's points with chiso's rule set, to explain the portal's number.
 */
import { RuleFileError } from '../../engine/rules/build.js'
import type { RuleSet } from '../../engine/rules/types.js'
import { dayNumberOf } from '../../engine/time/time.js'
import { loadRuleSets } from '../rules-files/load-rules.js'
import { formatRescoreJson, formatRescoreTable, type RescoreReport } from './format.js'
import { parsePeriodText, PortalResponseError, readPortalResponse } from './portal-response.js'
import { NoRuleSetError, rescorePortalResponse, ruleSetForResponse } from './rescore.js'

export * from './portal-response.js'
export * from './rescore.js'
export * from './format.js'

export interface PortalRescoreOptions {
  format: 'table' | 'json'
  /** Rules folder (default: the package's `rules/`). */
  rulesDir?: string
  /**
   * Period of the response when the file does not state it: `2026-08`, `2026-Q3`, `2026`,
   * `2026-07-01..2026-09-30` or a day `2026-08-15`. Chooses the rule set in force on its first day.
   */
  period?: string
  /** Choose the rule set in force on this day (`YYYY-MM-DD`), whatever the period. */
  date?: string
}

/** Build the report of a response file (no formatting). Throws on unreadable files or options. */
export function rescorePortalFile(file: string, options: Omit<PortalRescoreOptions, 'format'> & { ruleSets?: RuleSet[] } = {}): RescoreReport {
  if (options.date !== undefined && dayNumberOf(options.date) === null) {
    throw new PortalResponseError(file, `ngày chọn bộ quy tắc "${options.date}" không hợp lệ (cần dạng YYYY-MM-DD)`)
  }
  const period = options.period === undefined ? undefined : parsePeriodText(options.period)
  if (period === null) {
    throw new PortalResponseError(file, `kỳ "${options.period}" không hợp lệ (ví dụ: 2026-08, 2026-Q3, 2026, 2026-07-01..2026-09-30)`)
  }
  const response = readPortalResponse(file)
  const sets = options.ruleSets ?? loadRuleSets(options.rulesDir)
  const choice = ruleSetForResponse(sets, response, { date: options.date, period })
  const result = rescorePortalResponse(period ? { ...response, period } : response, choice.ruleSet)
  return { file, result, ruleSet: choice.ruleSet, ruleDate: choice.date, warnings: choice.warnings }
}

/**
 * Run `chiso portal rescore <file>`. Exit code 0 when the file was rescored (even with mismatches,
 * which the output lists), 2 when the file, the rules or the options cannot be used (the output is
 * then the Vietnamese error message).
 */
export function runPortalRescore(file: string, options: PortalRescoreOptions): { output: string; exitCode: number } {
  let report: RescoreReport
  try {
    report = rescorePortalFile(file, options)
  } catch (e) {
    if (e instanceof PortalResponseError || e instanceof RuleFileError || e instanceof NoRuleSetError) {
      return { output: `Lỗi: ${e.message}\n`, exitCode: 2 }
    }
    const errno = e as NodeJS.ErrnoException
    if (errno instanceof Error && typeof errno.code === 'string' && typeof errno.path === 'string') {
      return { output: `Lỗi: không đọc được ${errno.path} (${errno.code}).\n`, exitCode: 2 }
    }
    throw e
  }
  return { output: options.format === 'json' ? formatRescoreJson(report) : formatRescoreTable(report), exitCode: 0 }
}
