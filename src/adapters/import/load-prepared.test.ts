import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadWorkingCalendar } from '../calendar-file/load-calendar.js'
import { writeDemoData } from '../demo/demo-data.js'
import { loadRuleSets } from '../rules-files/load-rules.js'
import { parsePeriod } from '../../engine/periods/period.js'
import { prepare } from '../../engine/prepare/dossier-table.js'
import { scoreWithRuleSets } from '../../engine/score.js'
import { loadDataDir } from './data-dir.js'
import { loadPrepared } from './load-prepared.js'

const cal = loadWorkingCalendar()
const sets = loadRuleSets()
const asOf = Date.parse('2026-11-28T12:00:00+07:00')

function scores(p: ReturnType<typeof prepare>) {
  return scoreWithRuleSets(p, parsePeriod('2026-Q3'), sets, { asOf }, cal)[0].units.map((u) => ({
    code: u.unit.code, total: u.total, rank: u.rank,
    indicators: u.indicators.map((i) => [i.code, i.outcome.numerator, i.outcome.denominator, i.outcome.kind === 'scored' ? i.outcome.points : null]),
  }))
}

describe('loadPrepared (streaming into the columnar table)', () => {
  it('scores exactly like loading the records into memory first, including a replaced MaHoSo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-lp-'))
    await writeDemoData(dir, { dossiers: 3000, seed: 3 })
    const file = join(dir, 'dossiers.json')
    const all = JSON.parse(readFileSync(file, 'utf8'))
    // A newer version of an August dossier arrives later in the file: it replaces the first.
    const idx = all.findIndex((d: { NgayTiepNhan?: string }) => d.NgayTiepNhan?.startsWith('202608'))
    all.push({ ...all[idx], KenhThucHien: all[idx].KenhThucHien === '2' ? '1' : '2' })
    writeFileSync(file, JSON.stringify(all))

    const inMemory = await loadDataDir(dir)
    const streamed = await loadPrepared(dir, cal)
    expect(streamed.prepared.table.n).toBe(inMemory.dataset.dossiers.length)
    expect(streamed.issues).toEqual(inMemory.issues)
    expect(scores(streamed.prepared)).toEqual(scores(prepare(inMemory.dataset, cal)))
  })
})
