/**
 * @module engine/calendar-port
 * What the engine needs from a working-day calendar (implemented by `engine/calendar`).
 */
import type { Instant } from './model.js'

export interface WorkingTime {
  /** End (exclusive) of the n-th working day after the start's day. */
  addWorkingDays(start: Instant, n: number): Instant
  /** End (exclusive) of the n-th calendar day after the start's day. */
  addCalendarDays(start: Instant, n: number): Instant
  /** Start plus n elapsed hours. */
  addHours(start: Instant, n: number): Instant
  /** Working days in (fromDay, toDay] (day numbers). */
  workingDaysBetweenDays(fromDay: number, toDay: number): number
}
