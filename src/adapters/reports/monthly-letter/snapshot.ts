/**
 * @module adapters/reports/monthly-letter/snapshot
 * The numbers a letter quotes, whatever their source: chiso's own computation (a `ScoreReport`)
 * or the portal's published evaluation (see `portal-snapshot.ts`). Points are rounded to 2
 * decimals and ratios to 6, exactly as `chiso score --format json` prints them, so the letter,
 * its appendix and `chiso score` show the same numbers.
 */
import type { Instant, UnitLevel } from '../../../engine/model.js'
import type { Period } from '../../../engine/periods/period.js'
import type { RuleSet } from '../../../engine/rules/types.js'
import type { ScoreReport } from '../../../engine/score.js'
import { round2 } from '../../../engine/scoring/points.js'

/** Where the numbers come from. */
export type SnapshotSource =
  | { kind: 'chiso'; asOf: Instant }
  | { kind: 'portal'; asOf: Instant; files: string[] }

/** One indicator of one unit. */
export interface SnapshotIndicator {
  code: string
  name: string
  groupId: string
  numerator: number | null
  denominator: number | null
  /** 0…1 (6 decimals), or null when there is none (N/A, points from a policy, not published). */
  ratio: number | null
  /** Points (2 decimals), or null when N/A, tracked only or not published. */
  points: number | null
  max: number
  /** Tracked only (theo dõi): gives no points. */
  tracked: boolean
  /** 2.2: mean processing time, days (2 decimals). */
  meanDays?: number | null
  /** Why there are no points, in Vietnamese (N/A reason). */
  note?: string
  /** The source does not publish this indicator's ratio or points (portal: group points only). */
  notPublished?: boolean
}

/** Points of one group of one unit. */
export interface SnapshotGroup {
  id: string
  name: string
  /** Null when the source has nothing for this group. */
  points: number | null
  max: number
}

/** One unit with its numbers. */
export interface SnapshotUnit {
  code: string
  /** The portal's `departmentId`, for units of a portal snapshot. */
  portalId?: string
  name: string
  level: UnitLevel
  parent: string | null
  total: number
  max: number
  rank: number
  peers: number
  groups: SnapshotGroup[]
  indicators: SnapshotIndicator[]
}

/** The layout of the rule set the numbers follow. */
export interface SnapshotLayout {
  id: string
  name: string
  groups: { id: string; name: string; max: number; indicators: { code: string; name: string; max: number; tracked: boolean }[] }[]
}

/** All the numbers of one period. */
export interface ScoreSnapshot {
  source: SnapshotSource
  period: Period
  layout: SnapshotLayout
  /** The period is not over at the time the data are taken at. */
  provisional: boolean
  units: SnapshotUnit[]
  warnings: string[]
}

/** The layout (groups and indicators with their maxima) of a rule set. */
export function layoutOf(ruleSet: RuleSet): SnapshotLayout {
  return {
    id: ruleSet.id,
    name: ruleSet.name,
    groups: ruleSet.groups.map((g) => ({
      id: g.id,
      name: g.name,
      max: g.max,
      indicators: g.indicators.map((code) => {
        const rule = ruleSet.indicators[code]!
        return { code, name: rule.name, max: rule.max, tracked: rule.tracked }
      }),
    })),
  }
}

const ratio6 = (r: number) => Math.round(r * 1e6) / 1e6

/** The snapshot of a chiso score report (one rule set, one period). */
export function snapshotFromReport(report: ScoreReport): ScoreSnapshot {
  return {
    source: { kind: 'chiso', asOf: report.asOf },
    period: report.period,
    layout: layoutOf(report.ruleSet),
    provisional: report.provisional,
    warnings: [...report.warnings],
    units: report.units.map((u) => ({
      code: u.unit.code,
      name: u.unit.name,
      level: u.unit.level,
      parent: u.unit.parent,
      total: round2(u.total),
      max: u.max,
      rank: u.rank,
      peers: u.peers,
      groups: u.groups.map((g) => ({ id: g.id, name: g.name, points: round2(g.points), max: g.max })),
      indicators: u.indicators.map((i) => {
        const o = i.outcome
        const rule = report.ruleSet.indicators[i.code]
        const out: SnapshotIndicator = {
          code: i.code,
          name: i.name,
          groupId: i.groupId,
          numerator: o.numerator,
          denominator: o.denominator,
          ratio: o.kind === 'scored' && o.ratio !== null ? ratio6(o.ratio) : null,
          points: o.kind === 'scored' && !rule?.tracked ? round2(o.points) : null,
          max: o.max,
          tracked: rule?.tracked ?? false,
        }
        if (i.code === '2.2') out.meanDays = i.value == null ? null : round2(i.value)
        if (o.kind === 'not-applicable') out.note = o.reason
        else if (o.policy) out.note = o.policy
        return out
      }),
    })),
  }
}

/**
 * The unit of a snapshot named by `key`: its code, else its portal id, else its exact name
 * (case and Unicode form ignored).
 */
export function unitOf(s: ScoreSnapshot, key: string): SnapshotUnit | undefined {
  const norm = (x: string) => x.normalize('NFC').trim().toLocaleLowerCase('vi')
  return s.units.find((u) => u.code === key) ?? s.units.find((u) => u.portalId === key) ?? s.units.find((u) => norm(u.name) === norm(key))
}
