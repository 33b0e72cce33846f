/**
 * @module engine/planner/rescore
 * One unit's points again, with some indicators' counts (or ratios) changed and everything else as
 * the engine gave it. Every indicator is scored by the engine's own {@link indicatorOutcome} (the
 * rule's points function, 3.3 × the 1.4 sync ratio, the commune policy) and the sums are taken in
 * the engine's order, so with no change the result is the engine's, number for number.
 */
import type { IndicatorCode, RuleSet } from '../rules/types.js'
import { indicatorOutcome, type GroupResult, type IndicatorResult, type UnitResult } from '../score.js'
import { outcomeFor, type IndicatorOutcome } from '../scoring/points.js'

/** What changes: new counts (numerator, denominator) or a ratio set directly. */
export interface UnitChanges {
  /** New counts of an indicator (same meaning as the engine's numerator and denominator). */
  counts?: ReadonlyMap<IndicatorCode, { num: number; den: number }>
  /**
   * A ratio (0…1) set directly: the indicator is scored as if its ratio were this one. For 3.3
   * this is the final ratio (the sync factor is not applied again).
   */
  ratios?: ReadonlyMap<IndicatorCode, number>
}

export interface Rescored {
  indicators: IndicatorResult[]
  groups: GroupResult[]
  total: number
}

/** Rescore one unit of a report under the report's rule set. */
export function rescoreUnit(u: UnitResult, ruleSet: RuleSet, changes: UnitChanges): Rescored {
  const counts = changes.counts ?? new Map()
  const ratios = changes.ratios ?? new Map()
  const unit = u.unit
  const byCode = new Map(u.indicators.map((i) => [i.code, i]))
  // The 1.4 outcome 3.3 is multiplied by (raw, before the commune policy, as in the engine).
  const rule14 = ruleSet.indicators['1.4']
  const old14 = byCode.get('1.4')
  let out14: IndicatorOutcome | null = null
  let changed14 = false
  if (rule14 && ratios.has('1.4')) {
    out14 = outcomeFor(rule14, ratios.get('1.4')!, 1)
    changed14 = true
  } else if (rule14 && counts.has('1.4')) {
    const c = counts.get('1.4')!
    out14 = outcomeFor(rule14, c.num, c.den)
    changed14 = true
  } else if (rule14 && old14) {
    out14 = outcomeFor(rule14, old14.outcome.numerator, old14.outcome.denominator)
  }
  const indicators = u.indicators.map((i): IndicatorResult => {
    const rule = ruleSet.indicators[i.code]
    if (!rule) return i
    let o: IndicatorOutcome
    if (ratios.has(i.code)) o = indicatorOutcome(unit, rule, ratios.get(i.code)!, 1, null).outcome
    else if (counts.has(i.code)) {
      const c = counts.get(i.code)!
      o = indicatorOutcome(unit, rule, c.num, c.den, out14).outcome
    } else if (i.code === '3.3' && changed14) o = indicatorOutcome(unit, rule, i.outcome.numerator, i.outcome.denominator, out14).outcome
    else return i
    return { ...i, outcome: o }
  })
  const now = new Map(indicators.map((i) => [i.code, i]))
  const groups: GroupResult[] = []
  let total = 0
  for (const g of ruleSet.groups) {
    let points = 0
    for (const code of g.indicators) {
      const o = now.get(code)?.outcome
      if (o && o.kind === 'scored') points += o.points
    }
    groups.push({ id: g.id, name: g.name, points, max: g.max })
    total += points
  }
  return { indicators, groups, total }
}
