/**
 * The two sides of a trace on a demo province: the records the numerator counts (`side:
 * 'counted'`) and those that lost the point (`lost`) never overlap, and together they are the
 * denominator, for every indicator counted over records.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadWorkingCalendar } from '../../src/adapters/calendar-file/load-calendar.js'
import { writeDemoData } from '../../src/adapters/demo/demo-data.js'
import { loadPrepared } from '../../src/adapters/import/load-prepared.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { parsePeriod } from '../../src/engine/periods/period.js'
import type { PreparedData } from '../../src/engine/prepare/dossier-table.js'
import { ruleSetOn } from '../../src/engine/rules/build.js'
import type { IndicatorCode, RuleSet } from '../../src/engine/rules/types.js'
import { explain, TraceError } from '../../src/engine/trace.js'

const cal = loadWorkingCalendar()
const asOf = Date.parse('2026-11-27T17:00:00+07:00')
const period = parsePeriod('2026-10')
let d: PreparedData
let set: RuleSet

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-trace-side-'))
  await writeDemoData(dir, { dossiers: 3000, seed: 21 })
  d = (await loadPrepared(dir, cal)).prepared
  set = ruleSetOn(loadRuleSets(), period.firstDay)!
})

/** Indicators whose denominator is not a list of records: publication (1.1–1.3), 1.4 (reports). */
const NOT_RECORDS = new Set(['1.1', '1.2', '1.3', '1.4', '2.2'])

describe('explain, side counted vs lost', () => {
  it('splits the denominator into counted and lost records for every record indicator of every unit', () => {
    let checked = 0
    for (const unit of d.units.units) {
      for (const code of Object.keys(set.indicators) as IndicatorCode[]) {
        if (NOT_RECORDS.has(code)) continue
        const lost = explain(d, period, set, unit.code, code, { asOf }, cal)
        const o = lost.indicator.outcome
        if (o.denominator === 0) continue
        const counted = explain(d, period, set, unit.code, code, { asOf, side: 'counted' }, cal)
        const lostIds = new Set(lost.items.map((i) => i.id))
        expect(counted.items.filter((i) => lostIds.has(i.id)), `${unit.code} ${code}`).toEqual([])
        expect(counted.items.length + lost.items.length, `${unit.code} ${code}`).toBe(o.denominator)
        for (const i of counted.items) expect(i.reasons.join(' ')).toContain('Được tính vào tử số')
        checked++
      }
    }
    expect(checked).toBeGreaterThan(200)
  })

  it('refuses the counted side where the numerator is not a list of records', () => {
    const unit = d.units.units[0].code
    expect(() => explain(d, period, set, unit, '1.1', { asOf, side: 'counted' }, cal)).toThrow(TraceError)
    expect(() => explain(d, period, set, unit, '1.1', { asOf, side: 'counted' }, cal)).toThrow('chưa liệt kê được các bản ghi trong tử số')
  })
})
