/**
 * @module engine/planner
 * The what-if planner of one unit: which records, moved into an indicator's numerator, win back the
 * most points ({@link planActions}), and what the unit's total, groups and rank among its peers
 * would be with some ratios changed ({@link simulate}). Pure; every point comes from the engine's
 * own points function through {@link rescoreUnit}.
 *
 * Model: a "record" is one element of the indicator's denominator (a dossier, a procedure, an
 * online service, a petition) that is moved into the numerator — the denominator does not change.
 * Only the chosen unit changes; a parent unit's counts that include this unit's are not rolled up
 * again, and the other units keep their numbers.
 */
import type { IndicatorCode, RuleSet } from '../rules/types.js'
import { rankPeers, type GroupResult, type IndicatorResult, type ScoreReport, type UnitResult } from '../score.js'
import { round2 } from '../scoring/points.js'
import { RECORD_WORDING, viNumber } from '../targets/wording.js'
import { rescoreUnit } from './rescore.js'

export interface PlanAction {
  indicator: IndicatorCode
  name: string
  groupId: string
  /** Records to move into the numerator to win back every point they can win. */
  records: number
  /** Points the unit's total gains with `records` (including effects on other indicators). */
  pointsGain: number
  /** pointsGain / records. */
  pointsPerRecord: number
  /** The fewest records that change the shown total (+0,01 điểm or more), and their gain. */
  firstRecords: number
  firstPointsGain: number
  ratioBefore: number
  ratioAfter: number
  /** e.g. "thanh toán trực tuyến thêm 12 hồ sơ: +0,8 điểm". */
  text: string
}

/** Smallest k in [lo, hi] with ok(k), for ok monotone (false… true); hi when none before it. */
function smallest(lo: number, hi: number, ok: (k: number) => boolean): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (ok(mid)) hi = mid
    else lo = mid + 1
  }
  return lo
}

const EPS = 1e-9

/**
 * For each scored indicator of the unit that lost points, the records that win them back, best
 * points per record first (then larger gain, then code).
 */
export function planActions(report: ScoreReport, unitIndex: number, ruleSet: RuleSet = report.ruleSet): PlanAction[] {
  const u = report.units[unitIndex]
  const actions: PlanAction[] = []
  for (const i of u.indicators) {
    const rule = ruleSet.indicators[i.code]
    const o = i.outcome
    if (!rule || rule.tracked || rule.max <= 0 || o.kind !== 'scored' || o.ratio === null || o.denominator <= 0) continue
    const { numerator: num, denominator: den } = o
    const room = Math.ceil(den - num - EPS)
    if (room <= 0) continue
    const after = (k: number) => rescoreUnit(u, ruleSet, { counts: new Map([[i.code, { num: Math.min(den, num + k), den }]]) })
    const gain = (k: number) => after(k).total - u.total
    const most = gain(room)
    if (most <= EPS) continue
    const records = smallest(1, room, (k) => gain(k) >= most - EPS)
    const pointsGain = gain(records)
    const firstRecords = smallest(1, records, (k) => round2(gain(k)) >= 0.01)
    const ratioAfter = after(records).indicators.find((x) => x.code === i.code)!.outcome
    const also = i.code === '1.4' && u.indicators.some((x) => x.code === '3.3') ? ' (kể cả điểm chỉ tiêu 3.3 nhân với tỷ lệ đồng bộ)' : ''
    actions.push({
      indicator: i.code,
      name: i.name,
      groupId: i.groupId,
      records,
      pointsGain: round2(pointsGain),
      pointsPerRecord: pointsGain / records,
      firstRecords,
      firstPointsGain: round2(gain(firstRecords)),
      ratioBefore: o.ratio,
      ratioAfter: ratioAfter.kind === 'scored' && ratioAfter.ratio !== null ? ratioAfter.ratio : o.ratio,
      text: `${RECORD_WORDING[i.code].action(viNumber(records, 0))}: +${viNumber(pointsGain)} điểm${also}`,
    })
  }
  const order = new Map(u.indicators.map((x, k) => [x.code, k]))
  return actions.sort((a, b) => b.pointsPerRecord - a.pointsPerRecord || b.pointsGain - a.pointsGain || order.get(a.indicator)! - order.get(b.indicator)!)
}

export interface SimulatedState {
  total: number
  rank: number
  peers: number
  groups: GroupResult[]
}

export interface Simulation {
  before: SimulatedState
  after: SimulatedState & { indicators: IndicatorResult[] }
}

/**
 * The unit's points with the given indicators' ratios set (0…1), and its rank among its peers
 * (same parent and level, ties as in the engine's {@link rankPeers}), every other unit unchanged.
 */
export function simulate(report: ScoreReport, unitIndex: number, overrides: ReadonlyMap<IndicatorCode, number>, ruleSet: RuleSet = report.ruleSet): Simulation {
  const u = report.units[unitIndex]
  const r = rescoreUnit(u, ruleSet, { ratios: overrides })
  const key = (x: UnitResult) => `${x.unit.parent ?? ''}|${x.unit.level}`
  const peers = report.units.filter((x) => key(x) === key(u))
  const copies = peers.map((x) => (x === u ? { ...x, total: r.total } : { ...x }))
  rankPeers(copies)
  const me = copies[peers.indexOf(u)]
  return {
    before: { total: u.total, rank: u.rank, peers: u.peers, groups: u.groups },
    after: { total: r.total, rank: me.rank, peers: me.peers, groups: r.groups, indicators: r.indicators },
  }
}
