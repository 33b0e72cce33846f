/**
 * @module adapters/http/context
 * What every group of routes of the web application works with: the live scores, the calendar,
 * the rule sets, the store (accounts, targets, audit, imports) and the clock.
 */
import type { WorkingCalendar } from '../../engine/calendar/working-calendar.js'
import type { LiveData } from '../../engine/live/live-data.js'
import type { RuleSet } from '../../engine/rules/types.js'
import type { Store } from '../store/store.js'

export interface ApiContext {
  live: LiveData
  calendar: WorkingCalendar
  ruleSets: RuleSet[]
  store: Store
  /** Time the data are taken at. */
  now: () => number
}
