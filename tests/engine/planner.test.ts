/**
 * The what-if planner on small readable cases scored by the real engine: the records to move into
 * a numerator for proportional and threshold rules, best first, gains that the engine confirms
 * when the records really change, and the simulator's totals and ranks (ties as in rankPeers).
 */
import { describe, expect, it } from 'vitest'
import { planActions, simulate } from '../../src/engine/planner/planner.js'
import { rescoreUnit } from '../../src/engine/planner/rescore.js'
import { round2 } from '../../src/engine/scoring/points.js'
import { DEFAULT_PROCEDURES, type CaseDossier } from '../cases/fixtures.js'
import { dossiers, scoreCase } from './score-helpers.js'

const feeDossier = (paid: boolean): Partial<CaseDossier> => ({ procedure: 'P2', paidOnline: paid, feeLineCount: 1, feeTotal: 1000, hasPositiveFee: true, channel: 'online', hasElectronicResult: true, hasCodedElectronicResult: true, hasComponentFile: true })

/** A department: 4 fee dossiers (`paid` paid online), 10 others (`reuse` reusing digitized data). */
function dept(prefix: string, unit: string, paid: number, reuse: number): CaseDossier[] {
  return [
    ...dossiers(`${prefix}F`, 4, (i) => ({ unit, ...feeDossier(i < paid) })),
    ...dossiers(`${prefix}R`, 10, (i) => ({ unit, channel: 'online', hasComponentFile: true, reusesDigitizedData: i < reuse })),
  ]
}
const reuseAll = (i: number) => i

describe('planActions', () => {
  it('proportional (3.6) and threshold (4.3) rules: records, gain, per record, text', () => {
    const { report, index } = scoreCase({ dossiers: dept('A', 'D', 1, 0) })
    const actions = planActions(report, index('D'))
    const a36 = actions.find((a) => a.indicator === '3.6')!
    // 1 of 4 paid: 1,5 of 6 points; 3 more → 6 points.
    expect(a36).toMatchObject({ records: 3, pointsGain: 4.5, pointsPerRecord: 1.5, firstRecords: 1, firstPointsGain: 1.5, ratioBefore: 0.25, ratioAfter: 1 })
    expect(a36.text).toBe('thanh toán trực tuyến thêm 3 hồ sơ: +4,5 điểm')
    // 4.3: 0 of 14 reusing, 2 points from 80%: ceil(0.8 × 14) = 12 records (11/14 = 78,6%).
    const a43 = actions.find((a) => a.indicator === '4.3')!
    expect(a43.records).toBe(12)
    expect(a43.pointsGain).toBe(2)
    expect(a43.pointsPerRecord).toBeCloseTo(2 / 12, 12)
    expect(a43.firstRecords).toBe(1)
    expect(a43.text).toBe('sử dụng lại dữ liệu số hóa thêm 12 hồ sơ: +2 điểm')
  })

  it('best points per record first', () => {
    const { report, index } = scoreCase({ dossiers: dept('A', 'D', 1, 0) })
    const actions = planActions(report, index('D'))
    expect(actions.length).toBeGreaterThan(2)
    for (let i = 1; i < actions.length; i++) expect(actions[i - 1].pointsPerRecord).toBeGreaterThanOrEqual(actions[i].pointsPerRecord)
    expect(actions.findIndex((a) => a.indicator === '3.6')).toBeLessThan(actions.findIndex((a) => a.indicator === '4.3'))
    // Only indicators that lost points, never tracked ones.
    const u = report.units[index('D')]
    for (const a of actions) {
      const o = u.indicators.find((i) => i.code === a.indicator)!.outcome
      expect(o.kind === 'scored' && o.points < o.max).toBe(true)
      expect(['2.2', '5.1']).not.toContain(a.indicator)
    }
  })

  it('the gain is the one the engine gives once the records really change', () => {
    const before = scoreCase({ dossiers: dept('A', 'D', 1, 3) })
    const actions = planActions(before.report, before.index('D'))
    const a36 = actions.find((a) => a.indicator === '3.6')!
    const a43 = actions.find((a) => a.indicator === '4.3')!
    const total = before.report.units[before.index('D')].total
    const paid = scoreCase({ dossiers: dept('A', 'D', 1 + a36.records, 3) })
    expect(round2(paid.report.units[paid.index('D')].total - total)).toBe(a36.pointsGain)
    // 3 of 14 reuse; records more reach 80%, one less does not.
    const reused = scoreCase({ dossiers: [...dossiers('AF', 4, (i) => ({ unit: 'D', ...feeDossier(i < 1), reusesDigitizedData: i < a43.records - 7 })), ...dossiers('AR', 10, (i) => ({ unit: 'D', channel: 'online', hasComponentFile: true, reusesDigitizedData: reuseAll(i) < 10 }))] })
    const o43 = reused.report.units[reused.index('D')].indicators.find((i) => i.code === '4.3')!.outcome
    expect(o43.numerator).toBe(3 + a43.records)
    expect(round2(reused.report.units[reused.index('D')].total - total)).toBe(a43.pointsGain)
  })

  it('1.4 counts its effect on 3.3 (multiplied by the sync ratio)', () => {
    const { report, index } = scoreCase({ dossiers: dossiers('H', 10, (i) => ({ channel: 'online', syncedToPortal: i < 4 })) })
    const a14 = planActions(report, index('D')).find((a) => a.indicator === '1.4')!
    // 1.4: 4/10 → 10/10 = +3,6 points; 3.3: 6 × 0.4 / 0.5 = 4,8 → 6 points (full from 50%: 5 synced... 0.5 ⇒ +1,2).
    expect(a14.records).toBe(6)
    expect(a14.pointsGain).toBe(round2(3.6 + 1.2))
    expect(a14.text).toBe('đồng bộ lên Cổng DVCQG thêm 6 hồ sơ: +4,8 điểm (kể cả điểm chỉ tiêu 3.3 nhân với tỷ lệ đồng bộ)')
  })

  it('no action for points given by a zero-denominator policy (no ratio to raise)', () => {
    const { report, index } = scoreCase({ dossiers: [] })
    const u = report.units[index('D')]
    const o21 = u.indicators.find((i) => i.code === '2.1')!.outcome
    expect(o21).toMatchObject({ kind: 'scored', denominator: 0, points: 0, ratio: null })
    const actions = planActions(report, index('D'))
    expect(actions.map((a) => a.indicator)).not.toContain('2.1')
    // 3.2: the unit's 2 online services have no online dossier yet.
    expect(actions.find((a) => a.indicator === '3.2')).toMatchObject({ records: 2, pointsGain: 4, text: 'có hồ sơ trực tuyến ở thêm 2 dịch vụ công trực tuyến: +4 điểm' })
  })
})

describe('rescoreUnit', () => {
  it('without a change gives the engine numbers exactly', () => {
    const { report } = scoreCase({ dossiers: [...dept('A', 'D', 1, 3), ...dept('B', 'D2', 2, 9), ...dossiers('X', 5, (i) => ({ unit: 'X', procedure: 'P3', channel: i % 2 ? 'online' : 'in_person', syncedToPortal: i < 4 }))] })
    for (const u of report.units) {
      const r = rescoreUnit(u, report.ruleSet, {})
      expect(r.total).toBe(u.total)
      expect(r.groups).toEqual(u.groups)
    }
  })
})

describe('simulate', () => {
  // D and D2 are peers (departments of T). D2 pays 3 of 4 online, D 1 of 4; everything else equal.
  const c = {
    procedures: { P1: { ...DEFAULT_PROCEDURES.P1, units: ['D', 'D2'] }, P2: { ...DEFAULT_PROCEDURES.P2, units: ['D', 'D2'] } },
    dossiers: [...dept('A', 'D', 1, 5), ...dept('B', 'D2', 3, 5)],
  }

  it('changes only the chosen indicators and ranks among unchanged peers, ties sharing a rank', () => {
    const { report, index } = scoreCase(c)
    const d = report.units[index('D')], d2 = report.units[index('D2')]
    expect(d.rank).toBe(2)
    expect(d2.rank).toBe(1)
    // 3.6 at 75% like D2: the same total, rank shared (1, 1).
    const tie = simulate(report, index('D'), new Map([['3.6', 0.75]]))
    expect(tie.before).toMatchObject({ total: d.total, rank: 2, peers: 2 })
    expect(round2(tie.after.total)).toBe(round2(d2.total))
    expect(tie.after.rank).toBe(1)
    expect(tie.after.peers).toBe(2)
    expect(round2(tie.after.total - d.total)).toBe(3) // 6 × (0,75 − 0,25)
    // 100%: ahead of D2.
    const ahead = simulate(report, index('D'), new Map([['3.6', 1]]))
    expect(ahead.after.rank).toBe(1)
    expect(round2(ahead.after.total - d2.total)).toBe(1.5)
    expect(ahead.after.indicators.find((i) => i.code === '3.6')!.outcome).toMatchObject({ kind: 'scored', ratio: 1, points: 6 })
    const g4 = ahead.after.groups.find((g) => g.id === '4')!
    expect(round2(g4.points - d.groups.find((g) => g.id === '4')!.points)).toBe(4.5)
    // The report itself is untouched.
    expect(d.rank).toBe(2)
    expect(d2.rank).toBe(1)
  })

  it('a threshold rule is capped: 4.3 at 90% gives the full 2 points, at 40% one point', () => {
    const { report, index } = scoreCase(c)
    const at = (r: number) => simulate(report, index('D'), new Map([['4.3', r]])).after.indicators.find((i) => i.code === '4.3')!.outcome
    expect(at(0.9)).toMatchObject({ points: 2 })
    expect(at(0.4)).toMatchObject({ points: 1 })
  })
})
