import { describe, expect, it } from 'vitest'
import { loadWorkingCalendar } from '../../adapters/calendar-file/load-calendar.js'
import { loadRuleSets } from '../../adapters/rules-files/load-rules.js'
import { buildDataset, type CaseDossier } from '../../../tests/cases/fixtures.js'
import { parsePeriod } from '../periods/period.js'
import { prepare } from '../prepare/dossier-table.js'
import { scoreWithRuleSets } from '../score.js'
import { explain } from '../trace.js'
import { LiveData } from './live-data.js'

const cal = loadWorkingCalendar()
const sets = loadRuleSets()
const asOf = Date.parse('2026-11-28T12:00:00+07:00')
const aug = parsePeriod('2026-08')

const base: CaseDossier[] = [
  { id: 'A', received: '2026-08-03 09:00', due: '2026-08-10 17:00', finished: '2026-08-12 10:00' },
  { id: 'B', received: '2026-08-04 09:00', due: '2026-08-10 17:00', finished: '2026-08-05 10:00', channel: 'online' },
  { id: 'C', unit: 'X', procedure: 'P3', received: '2026-07-20 09:00', due: '2026-07-25 17:00', finished: '2026-07-22 10:00' },
]

function summary(reports: ReturnType<typeof scoreWithRuleSets>) {
  return reports[0].units.map((u) => [u.unit.code, u.total, u.rank, u.indicators.map((i) => [i.code, i.outcome.numerator, i.outcome.denominator])])
}

describe('LiveData', () => {
  it('gives the same scores after pushes as a full rebuild with the same records', () => {
    const live = new LiveData(prepare(buildDataset({ dossiers: base }).dataset, cal), cal, sets)
    const before = live.score(aug, { asOf })
    // A newer version of A (now on time), a new dossier E, and C moved into August.
    const pushes: CaseDossier[] = [
      { id: 'A', received: '2026-08-03 09:00', due: '2026-08-10 17:00', finished: '2026-08-07 10:00' },
      { id: 'E', received: '2026-08-20 09:00', due: '2026-08-25 17:00', channel: 'online' },
      { id: 'C', unit: 'X', procedure: 'P3', received: '2026-08-02 09:00', due: '2026-08-05 17:00', finished: '2026-08-12 10:00' },
    ]
    for (const d of buildDataset({ dossiers: pushes }).dataset.dossiers) live.upsert(d)
    const after = live.score(aug, { asOf })
    const merged = [...base.filter((b) => !pushes.some((p) => p.id === b.id)), ...pushes]
    const full = scoreWithRuleSets(prepare(buildDataset({ dossiers: merged }).dataset, cal), aug, sets, { asOf }, cal)
    expect(summary(after)).toEqual(summary(full))
    expect(summary(after)).not.toEqual(summary(before))
  })

  it('recomputes only the periods a push touches', () => {
    const live = new LiveData(prepare(buildDataset({ dossiers: base }).dataset, cal), cal, sets)
    const jun = parsePeriod('2026-06')
    const junBefore = live.score(jun, { asOf })
    const augBefore = live.score(aug, { asOf })
    live.upsert(buildDataset({ dossiers: [{ id: 'E', received: '2026-08-20 09:00' }] }).dataset.dossiers[0])
    expect(live.score(jun, { asOf })).toBe(junBefore)
    expect(live.score(aug, { asOf })).not.toBe(augBefore)
  })

  it('explains pushed dossiers and no longer lists the versions they replaced', () => {
    const live = new LiveData(prepare(buildDataset({ dossiers: base }).dataset, cal), cal, sets)
    live.upsert(buildDataset({ dossiers: [{ id: 'A', received: '2026-08-03 09:00', due: '2026-08-10 17:00', finished: '2026-08-07 10:00' }, { id: 'F', received: '2026-08-05 09:00', due: '2026-08-06 17:00', finished: '2026-08-20 10:00' }] }).dataset.dossiers[0])
    live.upsert(buildDataset({ dossiers: [{ id: 'F', received: '2026-08-05 09:00', due: '2026-08-06 17:00', finished: '2026-08-20 10:00' }] }).dataset.dossiers[0])
    const set = sets.find((s) => s.id === '2025-07-01')!
    const tr = explain(live.current(), aug, set, '000.00.01.H99', '2.1', { asOf }, cal)
    expect(tr.items.map((i) => i.id)).toEqual(['F'])
  })
})
