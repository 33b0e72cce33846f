/**
 * Runs the readable indicator cases of `tests/cases/<code>.yaml` (OpenFisca-style): each case
 * gives a few records and the expected numerator, denominator and points of one unit, scored with
 * the real rule set and the real working-day calendar.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadWorkingCalendar } from '../../src/adapters/calendar-file/load-calendar.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { parsePeriod } from '../../src/engine/periods/period.js'
import { prepare } from '../../src/engine/prepare/dossier-table.js'
import { scoreWithRuleSets } from '../../src/engine/score.js'
import { explain } from '../../src/engine/trace.js'
import { ruleSetOn } from '../../src/engine/rules/build.js'
import type { IndicatorCode } from '../../src/engine/rules/types.js'
import { buildDataset, parseCaseTime, type CaseInput } from './fixtures.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const calendar = loadWorkingCalendar()
const ruleSets = loadRuleSets()

interface CaseFile {
  indicator: IndicatorCode
  description: string
  cases: (CaseInput & {
    name: string
    period?: string
    asOf?: string
    unit?: string
    procedure?: string
    expect: { numerator?: number; denominator?: number; points?: number | null; ratio?: number | null; notApplicable?: boolean; traced?: string[]; reasons?: Record<string, string>; total?: number; ruleSet?: string; parts?: number }
  })[]
}

const files = readdirSync(here).filter((f) => f.endsWith('.yaml')).sort()

describe('indicator cases', () => {
  it('cover every indicator of the 2026 rule set', () => {
    const set = ruleSetOn(ruleSets, '2026-08-01')!
    const covered = new Set(files.map((f) => (parse(readFileSync(join(here, f), 'utf8')) as CaseFile).indicator))
    for (const code of Object.keys(set.indicators)) expect(covered, `tests/cases/${code}.yaml`).toContain(code)
  })
  for (const file of files) {
    const doc = parse(readFileSync(join(here, file), 'utf8')) as CaseFile
    describe(`${doc.indicator} – ${doc.description}`, () => {
      for (const c of doc.cases) {
        it(c.name, () => {
          const { dataset, aliases } = buildDataset(c)
          const prepared = prepare(dataset, calendar)
          const period = parsePeriod(c.period ?? '2026-08')
          const asOf = parseCaseTime(c.asOf ?? '2026-11-28 12:00')
          const reports = scoreWithRuleSets(prepared, period, ruleSets, { asOf, procedureCode: c.procedure }, calendar)
          if (c.expect.parts !== undefined) expect(reports.length).toBe(c.expect.parts)
          const report = reports[reports.length - 1]
          if (c.expect.ruleSet) expect(report.ruleSet.id).toBe(c.expect.ruleSet)
          const unitCode = aliases.unit(c.unit ?? 'D')
          const unit = report.units.find((u) => u.unit.code === unitCode)!
          expect(unit, `unit ${unitCode}`).toBeDefined()
          const ind = unit.indicators.find((i) => i.code === doc.indicator)!
          const o = ind.outcome
          if (c.expect.numerator !== undefined) expect(o.numerator, 'numerator').toBe(c.expect.numerator)
          if (c.expect.denominator !== undefined) expect(o.denominator, 'denominator').toBe(c.expect.denominator)
          if (c.expect.notApplicable) expect(o.kind).toBe('not-applicable')
          if (c.expect.points !== undefined) {
            if (c.expect.points === null) expect(o.kind).toBe('not-applicable')
            else {
              expect(o.kind).toBe('scored')
              if (o.kind === 'scored') expect(o.points).toBeCloseTo(c.expect.points, 4)
            }
          }
          if (c.expect.ratio !== undefined && o.kind === 'scored') {
            if (c.expect.ratio === null) expect(o.ratio).toBeNull()
            else expect(o.ratio!).toBeCloseTo(c.expect.ratio, 6)
          }
          if (c.expect.total !== undefined) expect(unit.total).toBeCloseTo(c.expect.total, 4)
          if (c.expect.traced) {
            const set = report.ruleSet
            const tr = explain(prepared, report.period, set, unitCode, doc.indicator, { asOf, procedureCode: c.procedure }, calendar)
            expect(tr.items.map((x) => x.id).sort()).toEqual(c.expect.traced.map((x) => aliases.record(x)).sort())
            // The Vietnamese reason of a traced record, when the case gives it.
            for (const [alias, reason] of Object.entries(c.expect.reasons ?? {})) {
              expect(tr.items.find((x) => x.id === aliases.record(alias))?.reasons.join('; ')).toBe(reason)
            }
          }
        })
      }
    })
  }
})
