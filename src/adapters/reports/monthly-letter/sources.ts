/**
 * @module adapters/reports/monthly-letter/sources
 * The two sources of a letter's numbers: chiso's own computation on the office's data (this
 * period and the one before), or portal responses saved at a known time.
 */
import type { WorkingTime } from '../../../engine/calendar-port.js'
import type { Instant } from '../../../engine/model.js'
import { previousPeriod, type Period } from '../../../engine/periods/period.js'
import { lowerBound, type PreparedData } from '../../../engine/prepare/dossier-table.js'
import { ruleSetOn } from '../../../engine/rules/build.js'
import type { RuleSet } from '../../../engine/rules/types.js'
import { NoRuleSetError, scoreWithRuleSets } from '../../../engine/score.js'
import { readPortalResponse } from '../../portal/portal-response.js'
import { LetterError } from './letter-model.js'
import { snapshotFromPortal } from './portal-snapshot.js'
import { snapshotFromReport, type ScoreSnapshot } from './snapshot.js'

/** This period's numbers and the previous period's (null when there are none). */
export interface LetterSnapshots {
  current: ScoreSnapshot
  previous: ScoreSnapshot | null
}

/** Whether any dossier of the data was received in the period. */
export function hasDossiersIn(d: PreparedData, period: Period): boolean {
  for (const t of [d.table, d.delta]) {
    if (t && lowerBound(t.at, period.start) < lowerBound(t.at, period.end)) return true
  }
  return false
}

/**
 * chiso's numbers for a period and the one before, as `chiso score` computes them.
 * @throws LetterError when the period straddles two rule sets (one letter cannot quote two totals)
 */
export function snapshotsFromData(d: PreparedData, period: Period, ruleSets: RuleSet[], asOf: Instant, cal: WorkingTime): LetterSnapshots {
  const reports = scoreWithRuleSets(d, period, ruleSets, { asOf }, cal)
  if (reports.length !== 1) {
    throw new LetterError(`Kỳ ${period.label} trải qua hai bộ quy tắc (${reports.map((r) => r.period.label).join(' và ')}); một công văn không thể nêu hai tổng điểm. Hãy lập công văn cho từng phần của kỳ.`)
  }
  const current = snapshotFromReport(reports[0])
  const prev = previousPeriod(period)
  let previous: ScoreSnapshot | null = null
  if (hasDossiersIn(d, prev)) {
    try {
      const parts = scoreWithRuleSets(d, prev, ruleSets, { asOf }, cal)
      if (parts.length === 1) previous = snapshotFromReport(parts[0])
      else current.warnings.push(`Kỳ trước (${prev.label}) trải qua hai bộ quy tắc: không so sánh.`)
    } catch (e) {
      if (!(e instanceof NoRuleSetError)) throw e
    }
  }
  return { current, previous }
}

/**
 * The portal's numbers for a period (and, if files are given, for the period before).
 * @param files responses of this period, one per group
 * @param previousFiles responses of the previous period (may be empty)
 * @param asOf when the responses were taken from the portal
 */
export function snapshotsFromPortal(files: string[], previousFiles: string[], period: Period, ruleSets: RuleSet[], asOf: Instant): LetterSnapshots {
  const setFor = (p: Period) => {
    const set = ruleSetOn(ruleSets, p.firstDay)
    if (!set) throw new LetterError(`Không có bộ quy tắc nào có hiệu lực cho kỳ ${p.label}.`)
    return set
  }
  const current = snapshotFromPortal(files.map((f) => readPortalResponse(f)), setFor(period), period, asOf)
  let previous: ScoreSnapshot | null = null
  if (previousFiles.length) {
    const prev = previousPeriod(period)
    previous = snapshotFromPortal(previousFiles.map((f) => readPortalResponse(f)), setFor(prev), prev, asOf)
  } else {
    current.warnings.push('Không có số liệu Cổng của kỳ trước (--portal-previous): công văn không so sánh với kỳ trước.')
  }
  return { current, previous }
}
