/**
 * @module engine/scoring/points
 * From a numerator and a denominator to an indicator outcome, following the indicator's rule.
 * An outcome is a tagged union so that N/A can never be displayed or summed as 0.
 */
import type { IndicatorRule, PointsRule } from '../rules/types.js'

export type IndicatorOutcome =
  | {
      kind: 'scored'
      numerator: number
      denominator: number
      /** 0…1, or null when the points come from a policy rather than a ratio. */
      ratio: number | null
      points: number
      max: number
      /** Why the points come from a policy (zero denominator, commune rule), if they do. */
      policy?: string
    }
  | {
      kind: 'not-applicable'
      numerator: number
      denominator: number
      max: number
      reason: string
    }

/** Points for a ratio r in 0…1 under a points rule with maximum `max`. */
export function pointsForRatio(rule: PointsRule, max: number, r: number): number {
  const ratio = Math.max(0, Math.min(1, r))
  if (rule.kind === 'proportional') return max * ratio
  return Math.min(max, (max * ratio) / rule.threshold)
}

/** Outcome of an indicator for given counts, applying the zero-denominator policy. */
export function outcomeFor(
  rule: Pick<IndicatorRule, 'points' | 'max' | 'zeroDenominator'>,
  numerator: number,
  denominator: number
): IndicatorOutcome {
  if (denominator <= 0) {
    switch (rule.zeroDenominator) {
      case 'not-applicable':
        return { kind: 'not-applicable', numerator, denominator, max: rule.max, reason: 'Không có số liệu (mẫu số bằng 0)' }
      case 'full':
        return { kind: 'scored', numerator, denominator, ratio: null, points: rule.max, max: rule.max, policy: 'Mẫu số bằng 0: được điểm tối đa' }
      case 'zero':
        return { kind: 'scored', numerator, denominator, ratio: null, points: 0, max: rule.max, policy: 'Mẫu số bằng 0: 0 điểm' }
    }
  }
  const ratio = Math.min(1, numerator / denominator)
  return { kind: 'scored', numerator, denominator, ratio, points: pointsForRatio(rule.points, rule.max, ratio), max: rule.max }
}

/** Round for display: 2 decimals, half away from zero, robust to binary noise (0.125 → 0.13). */
export function round2(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9) / 100
}
