import { describe, expect, it } from 'vitest'
import { loadWorkingCalendar } from '../adapters/calendar-file/load-calendar.js'
import { loadRuleSets } from '../adapters/rules-files/load-rules.js'
import { buildDataset } from '../../tests/cases/fixtures.js'
import { parsePeriod } from './periods/period.js'
import { prepare } from './prepare/dossier-table.js'
import { ruleSetOn } from './rules/build.js'
import type { RuleSet } from './rules/types.js'
import { rankPeers, scorePeriod, type UnitResult } from './score.js'

const cal = loadWorkingCalendar()
const sets = loadRuleSets()
const set2026 = ruleSetOn(sets, '2026-08-01')!
const asOf = Date.parse('2026-11-28T12:00:00+07:00')

function unitResult(code: string, parent: string | null, total: number): UnitResult {
  return { unit: { code, name: code, level: 'commune', parent }, total, max: 100, rank: 0, peers: 0, groups: [], indicators: [] }
}

describe('rankPeers', () => {
  it('ranks units with the same parent and level, ties sharing a rank: 1, 2, 2, 4', () => {
    const units = [unitResult('a', 'T', 70), unitResult('b', 'T', 82.5), unitResult('c', 'T', 70.001), unitResult('d', 'T', 60), unitResult('e', 'U', 10)]
    rankPeers(units)
    expect(units.map((u) => `${u.unit.code}:${u.rank}/${u.peers}`)).toEqual(['a:2/4', 'b:1/4', 'c:2/4', 'd:4/4', 'e:1/1'])
  })
})

describe('scorePeriod', () => {
  it('gives full points to a commune for an indicator whose rule says so for communes', () => {
    const rule = set2026.indicators['3.6']!
    const communeFull: RuleSet = { ...set2026, indicators: { ...set2026.indicators, '3.6': { ...rule, commune: 'full-points' } } }
    const { dataset } = buildDataset({ dossiers: [{ id: 'A', unit: 'X', procedure: 'P4' }] })
    const p = prepare(dataset, cal)
    const r = scorePeriod(p, parsePeriod('2026-08'), communeFull, { asOf }, cal)
    const x = r.units.find((u) => u.unit.level === 'commune' && u.unit.name === 'UBND xã Hòa Bình')!
    const o = x.indicators.find((i) => i.code === '3.6')!.outcome
    expect(o).toMatchObject({ kind: 'scored', points: 6, policy: 'Không áp dụng cho cấp xã: được điểm tối đa' })
    const plain = scorePeriod(p, parsePeriod('2026-08'), set2026, { asOf }, cal).units.find((u) => u.unit.code === x.unit.code)!
    expect(plain.indicators.find((i) => i.code === '3.6')!.outcome).toMatchObject({ kind: 'scored', points: 0 })
  })

  it('restricts every indicator to one procedure with the per-procedure filter', () => {
    const { dataset } = buildDataset({
      dossiers: [
        { id: 'A', procedure: 'P1', due: '2026-08-10 17:00', finished: '2026-08-12 10:00' },
        { id: 'B', procedure: 'P2', due: '2026-08-10 17:00', finished: '2026-08-05 10:00' },
      ],
    })
    const p = prepare(dataset, cal)
    const d = (r: ReturnType<typeof scorePeriod>) => r.units.find((u) => u.unit.code === '000.00.01.H99')!.indicators
    const only = d(scorePeriod(p, parsePeriod('2026-08'), set2026, { asOf, procedureCode: '1.000002' }, cal))
    expect(only.find((i) => i.code === '2.1')!.outcome).toMatchObject({ numerator: 1, denominator: 1 })
    expect(only.find((i) => i.code === '3.1')!.outcome).toMatchObject({ numerator: 1, denominator: 1 })
    const all = d(scorePeriod(p, parsePeriod('2026-08'), set2026, { asOf }, cal))
    expect(all.find((i) => i.code === '2.1')!.outcome).toMatchObject({ numerator: 1, denominator: 2 })
  })

  it('marks an open period as provisional and sums group points into the total', () => {
    const { dataset } = buildDataset({ dossiers: [{ id: 'A' }] })
    const r = scorePeriod(prepare(dataset, cal), parsePeriod('2026-11'), set2026, { asOf }, cal)
    expect(r.provisional).toBe(true)
    for (const u of r.units) expect(u.total).toBeCloseTo(u.groups.reduce((s, g) => s + g.points, 0), 9)
  })

  it('refuses an unknown procedure code in the filter with a Vietnamese message', () => {
    const { dataset } = buildDataset({})
    expect(() => scorePeriod(prepare(dataset, cal), parsePeriod('2026-08'), set2026, { asOf, procedureCode: '9.999999' }, cal)).toThrow('Không có thủ tục mã 9.999999')
  })
})
