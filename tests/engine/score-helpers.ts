/**
 * Helpers of the targets and planner tests: score a small readable case (tests/cases/fixtures.ts)
 * with the real engine, rule sets and calendar.
 */
import { loadWorkingCalendar } from '../../src/adapters/calendar-file/load-calendar.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { parsePeriod } from '../../src/engine/periods/period.js'
import { prepare } from '../../src/engine/prepare/dossier-table.js'
import { scoreWithRuleSets, type ScoreReport } from '../../src/engine/score.js'
import { buildDataset, parseCaseTime, type CaseDossier, type CaseInput } from '../cases/fixtures.js'

export const calendar = loadWorkingCalendar()
export const ruleSets = loadRuleSets()

/** Score a case for a period (one rule set). */
export function scoreCase(c: CaseInput, period = '2026-08'): { report: ScoreReport; index: (alias: string) => number; code: (alias: string) => string } {
  const { dataset, aliases } = buildDataset(c)
  const prepared = prepare(dataset, calendar)
  const reports = scoreWithRuleSets(prepared, parsePeriod(period), ruleSets, { asOf: parseCaseTime('2026-11-28 12:00') }, calendar)
  if (reports.length !== 1) throw new Error('kỳ trải qua hai bộ quy tắc')
  const report = reports[0]
  const index = (alias: string) => report.units.findIndex((u) => u.unit.code === aliases.unit(alias))
  return { report, index, code: aliases.unit }
}

/** n dossiers of a unit named `${prefix}1…n`, `extra(i)` for the i-th (0-based). */
export function dossiers(prefix: string, n: number, extra: (i: number) => Partial<CaseDossier> = () => ({})): CaseDossier[] {
  return Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i + 1}`, ...extra(i) }))
}
