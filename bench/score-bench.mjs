#!/usr/bin/env node
// Benchmark of `chiso score` on the demo province: input parsing, preparation, and scoring every
// unit for a year, its 4 quarters and its 12 months (17 periods). Prints dossiers/second and peak
// memory; results go to bench/README.md by hand. Never run by the tests.
//
//   npm run bench                      # 1,000,000 dossiers (writes bench/out/ once, ~1.6 GB)
//   npm run bench -- --dossiers 200000 # smaller
import { existsSync } from 'node:fs'
import { join, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { writeDemoData } from '../dist/src/adapters/demo/demo-data.js'
import { loadPrepared } from '../dist/src/adapters/import/load-prepared.js'
import { loadWorkingCalendar } from '../dist/src/adapters/calendar-file/load-calendar.js'
import { loadRuleSets } from '../dist/src/adapters/rules-files/load-rules.js'
import { parsePeriod } from '../dist/src/engine/periods/period.js'
import { scoreWithRuleSets } from '../dist/src/engine/score.js'

const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '1000000' }, year: { type: 'string', default: '2026' } } })
const n = Number(values.dossiers)
const year = values.year
const here = dirname(fileURLToPath(import.meta.url))
const dir = join(here, 'out', `demo-${n}`)
const mb = (b) => `${Math.round(b / 1048576)} MB`
const peak = () => process.resourceUsage().maxRSS * 1024
const s = (ms) => `${(ms / 1000).toFixed(2)} s`

if (!existsSync(join(dir, 'units.json'))) {
  const t0 = performance.now()
  await writeDemoData(dir, { dossiers: n, seed: 766 })
  console.log(`demo-data ${n} dossiers: ${s(performance.now() - t0)}`)
}

const calendar = loadWorkingCalendar()
const ruleSets = loadRuleSets()
// Parsing and preparation are one streaming pass: each dossier is normalized and written into
// the columnar table as it is read.
const t1 = performance.now()
const { prepared, issues } = await loadPrepared(dir, calendar)
const parseMs = performance.now() - t1
const count = prepared.table.n
console.log(`parse + prepare (import, normalize, columnar table): ${s(parseMs)}  ${Math.round(count / (parseMs / 1000))} dossiers/s  issues ${issues.length}  heap ${mb(process.memoryUsage().heapUsed)}  peak RSS ${mb(peak())}`)

const periods = [year, ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`), ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`)]
const asOf = Date.parse(`${year}-11-28T12:00:00+07:00`)
// One warm-up pass so that the JIT compiles the hot loop, as in a long-running server.
scoreWithRuleSets(prepared, parsePeriod(`${year}-01`), ruleSets, { asOf }, calendar)
const t3 = performance.now()
let units = 0
const per = []
for (const label of periods) {
  const a = performance.now()
  const reports = scoreWithRuleSets(prepared, parsePeriod(label), ruleSets, { asOf }, calendar)
  per.push(`${label} ${Math.round(performance.now() - a)} ms`)
  units = reports[0].units.length
}
const scoreMs = performance.now() - t3
const swept = 3 * count // the year, the quarters and the months each cover the year once
console.log(`score ${periods.length} periods × ${units} units: ${s(scoreMs)}  ${Math.round(swept / (scoreMs / 1000))} dossier-periods/s`)
console.log(`  ${per.join(', ')}`)
console.log(`peak RSS (whole run): ${mb(peak())}`)
console.log(JSON.stringify({ dossiers: count, units, parseAndPrepareSeconds: +(parseMs / 1000).toFixed(2), scoreSeconds17Periods: +(scoreMs / 1000).toFixed(3), peakRssMB: Math.round(peak() / 1048576), node: process.version }))
