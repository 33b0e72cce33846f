/**
 * @module engine/indicators/types
 * The shapes of indicator units. Each indicator file is named after its legal code and says what
 * it counts; the rule set (rules/) says how many points it gives.
 */
import type { WorkingTime } from '../calendar-port.js'
import type { Instant } from '../model.js'
import type { IndicatorCode } from '../rules/types.js'
import type { DossierTable } from '../prepare/dossier-table.js'

/** The period as the indicators see it. */
export interface PeriodContext {
  start: Instant
  end: Instant
  /** Time the data are taken at (thời điểm lấy số liệu). */
  asOf: Instant
  /** Finish assumed for unfinished dossiers: the period's end, or `asOf` if earlier. */
  cutoff: Instant
  /**
   * Working-day calendar, given when explaining (trace) so reasons can count lateness in working
   * days too; scoring does not need it (lateness is judged by day against NgayHenTra).
   */
  calendar?: Pick<WorkingTime, 'workingDaysBetweenDays'>
}

/**
 * An indicator counted over dossiers received in the period (hồ sơ tiếp nhận trong kỳ).
 * numerator = max(0, denominator − Σ loss).
 */
export interface DossierIndicator {
  code: IndicatorCode
  /** Whether a received dossier (by its flags) counts in the denominator. */
  inDenominator(flags: number): boolean
  /** 0 when the dossier earns the point; otherwise the deductions it causes (usually 1). */
  loss(t: DossierTable, i: number, ctx: PeriodContext): number
  /** Vietnamese reasons why a dossier with loss > 0 lost the point. */
  reasons(t: DossierTable, i: number, ctx: PeriodContext): string[]
}
