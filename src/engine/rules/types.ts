/**
 * @module engine/rules/types
 * The law as data: a rule set is the layout (groups and their indicators) in force from a date,
 * with each indicator's values (maximum, points rule, zero-denominator policy, applicability) as
 * they stood on that date. Built from `rules/` YAML by the rules-file adapter and validated by
 * `validate.ts`; the engine never reads files.
 */

/** Legal codes of the indicators (mã chỉ tiêu). */
export const INDICATOR_CODES = [
  '1.1', '1.2', '1.3', '1.4',
  '2.1', '2.2',
  '3.1', '3.2', '3.3', '3.5a', '3.5b', '3.6',
  '4.1', '4.2', '4.3', '4.4', '4.5a', '4.5b', '4.6',
  '5.1', '5.2', '5.3', '5.4',
] as const
export type IndicatorCode = (typeof INDICATOR_CODES)[number]

/** How the rule's statement was established (spec tags [doc], [data], [inferred]). */
export type Provenance = 'doc' | 'data' | 'inferred'

/** How a ratio becomes points. */
export type PointsRule =
  /** points = max × r */
  | { kind: 'proportional' }
  /** points = min(max, max × r / threshold): full points from the threshold upward. */
  | { kind: 'threshold'; threshold: number }

/**
 * What a zero denominator gives: `not-applicable` (N/A, adds nothing, never shown as 0),
 * `zero` (0 points), `full` (full points).
 */
export type ZeroDenominatorPolicy = 'not-applicable' | 'zero' | 'full'

/** How an indicator applies to a commune (cấp xã). */
export type CommunePolicy = 'scored' | 'full-points' | 'not-applicable'

/**
 * Whose records an indicator counts for a unit:
 * `own-and-children` — the unit's records and those of every unit below it (tính cả cấp con);
 * `province-wide` — computed once over the whole province (không tính cấp con) and shown on every
 * unit of it, as the portal shows 1.3.
 */
export type Scope = 'own-and-children' | 'province-wide'

export interface LegalReference {
  /** Id of an act in `rules/acts.yaml`. */
  act: string
  article?: string
  href?: string
}

/** One indicator as it stands on a date. */
export interface IndicatorRule {
  code: IndicatorCode
  /** Code of the portal's METRICS table, e.g. `PUBLISH_ON_TIME` (the first of `portalCodes`). */
  portalCode: string | null
  /** Every portal metric code published for it (5.1 is published as two metrics). */
  portalCodes: string[]
  /** Vietnamese name (tên chỉ tiêu). */
  name: string
  /** What is counted, in Vietnamese. */
  description: string
  max: number
  points: PointsRule
  zeroDenominator: ZeroDenominatorPolicy
  commune: CommunePolicy
  scope: Scope
  /** Tracked only (theo dõi), gives no points. */
  tracked: boolean
  /** Date from which this value holds (`YYYY-MM-DD`). */
  effectiveFrom: string
  reference: LegalReference
  provenance: Provenance
  /** What is deliberately not modelled, or what remains to be checked. */
  notes?: string
}

export interface GroupRule {
  /** `1` … `6` (or `1` … `5` in the five-group layout). */
  id: string
  name: string
  max: number
  indicators: IndicatorCode[]
}

export interface LegalAct {
  id: string
  title: string
  signed: string
  effective: string
  href?: string
}

/** The set of rules in force over a date interval. */
export interface RuleSet {
  /** Effective date of the layout, used as id (e.g. `2025-07-01`). */
  id: string
  name: string
  effectiveFrom: string
  /** Last day in force, or null while in force. */
  effectiveTo: string | null
  /** How the effective date is known. */
  provenance: Provenance
  reference: LegalReference
  notes?: string
  groups: GroupRule[]
  indicators: Partial<Record<IndicatorCode, IndicatorRule>>
}
