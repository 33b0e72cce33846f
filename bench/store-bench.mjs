#!/usr/bin/env node
// Storage benchmark (issue 4): import throughput of the demo province's dossiers (DongBoHoSoMC
// NDJSON) into SQLite and PostgreSQL, each in a child process so that its peak memory is its own;
// then, on the SQLite store, the latency from a pushed dossier to its unit's updated score over
// 1,000 pushes through the HTTP feed, and incremental versus full recomputation.
//
//   node bench/store-bench.mjs [--dossiers 1000000] [--skip-postgres]
// Results go to bench/README.md by hand; never run by the tests.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const here = dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '1000000' }, 'skip-postgres': { type: 'boolean', default: false }, phase: { type: 'string' }, db: { type: 'string' } } })
const n = Number(values.dossiers)
const dir = join(here, 'out', `demo-${n}`)
const dist = join(here, '..', 'dist', 'src')
const mb = (b) => `${Math.round(b / 1048576)} MB`
const peak = () => process.resourceUsage().maxRSS * 1024

if (values.phase === 'import') {
  // Child: import the folder into one store and report.
  const { openStore } = await import(join(dist, 'adapters/store/store.js'))
  const { importDataDir } = await import(join(dist, 'adapters/store/import-run.js'))
  const store = await openStore(values.db, values.db.startsWith('postgres') ? { schema: 'bench' } : {})
  const t = performance.now()
  const r = await importDataDir(store, dir)
  const s = (performance.now() - t) / 1000
  const d = r.runs.find((x) => x.kind === 'dossiers')
  console.log(JSON.stringify({ db: store.dialect, seconds: +s.toFixed(1), dossiers: d.inserted + d.updated + d.unchanged, perSecond: Math.round((d.inserted + d.updated + d.unchanged) / s), peakRssMB: Math.round(peak() / 1048576) }))
  await store.close()
  process.exit(0)
}

if (!existsSync(join(dir, 'units.json'))) {
  const { writeDemoData } = await import(join(dist, 'adapters/demo/demo-data.js'))
  await writeDemoData(dir, { dossiers: n, seed: 766 })
}
const outDir = join(here, 'out')
mkdirSync(outDir, { recursive: true })
const sqlite = join(outDir, `store-${n}.db`)
for (const f of [sqlite, `${sqlite}-wal`, `${sqlite}-shm`]) rmSync(f, { force: true })
const targets = [sqlite]
if (!values['skip-postgres']) {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
  execFileSync('psql', [url, '-q', '-c', 'DROP SCHEMA IF EXISTS bench CASCADE'])
  targets.push(url)
}
for (const db of targets) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--phase', 'import', '--db', db, '--dossiers', String(n)], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  console.log(`import ${r.stdout.trim()}`)
}

// Push latency on the SQLite store.
const { openStore } = await import(join(dist, 'adapters/store/store.js'))
const { loadPreparedFromStore } = await import(join(dist, 'adapters/store/load-prepared.js'))
const { loadWorkingCalendar } = await import(join(dist, 'adapters/calendar-file/load-calendar.js'))
const { loadRuleSets } = await import(join(dist, 'adapters/rules-files/load-rules.js'))
const { LiveData } = await import(join(dist, 'engine/live/live-data.js'))
const { buildServer } = await import(join(dist, 'adapters/http/server.js'))
const { storeIngestor } = await import(join(dist, 'adapters/http/store-ingestor.js'))
const { createFeedKey } = await import(join(dist, 'adapters/http/feed-keys.js'))
const { parsePeriod } = await import(join(dist, 'engine/periods/period.js'))
const { scoreWithRuleSets } = await import(join(dist, 'engine/score.js'))
const cal = loadWorkingCalendar()
const sets = loadRuleSets()
const store = await openStore(sqlite)
const t0 = performance.now()
const { prepared } = await loadPreparedFromStore(store, cal)
const loadMs = performance.now() - t0
console.log(`load ${prepared.table.n} dossiers from SQLite into the columnar table: ${(loadMs / 1000).toFixed(2)} s, peak RSS ${mb(peak())}`)
const live = new LiveData(prepared, cal, sets)
const asOf = Date.parse('2026-11-27T17:00:00+07:00')
const app = buildServer({ live, ingest: storeIngestor(store), calendar: cal, ruleSets: sets, now: () => asOf })
await app.listen({ port: 0, host: '127.0.0.1' })
const base = `http://127.0.0.1:${app.server.address().port}`
const { key } = await createFeedKey(store, 'bench', null)
const unit = prepared.units.units.find((u) => u.level === 'department')
const proc = prepared.procedures.find((p) => p.units?.includes(unit.code))
const ms = []
let prev = (await (await fetch(`${base}/api/scores?period=2026-11&unit=${unit.code}`)).json()).units[0].indicators.find((i) => i.id === '2.1').denominator
for (let k = 0; k < 1000; k++) {
  const id = `${unit.code}-261127-B${String(k).padStart(5, '0')}`
  const body = [{ MaHoSo: id, MaTTHC: proc.code, TenTTHC: proc.name, KenhThucHien: '2', NgayTiepNhan: '20261127090000', NgayHenTra: '20261204170000', TrangThaiHoSo: '4', MaDonVi: unit.code, DongBoDVCQG: '1' }]
  const a = performance.now()
  const r = await fetch(`${base}/dvcqg/DongBoHoSoMC`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': key }, body: JSON.stringify(body) })
  if ((await r.json()).error_code !== '0') throw new Error('push refused')
  const s = await (await fetch(`${base}/api/scores?period=2026-11&unit=${unit.code}`)).json()
  const den = s.units[0].indicators.find((i) => i.id === '2.1').denominator
  if (den !== prev + 1) throw new Error(`score did not follow the push (${den} vs ${prev + 1})`)
  prev = den
  ms.push(performance.now() - a)
}
ms.sort((x, y) => x - y)
const pct = (p) => ms[Math.min(ms.length - 1, Math.floor(p * ms.length))].toFixed(1)
console.log(`push → updated unit score (HTTP, commit + rescore of the month), 1,000 pushes: p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms, max ${ms[ms.length - 1].toFixed(1)} ms`)

// Incremental (the month only, from the live table) versus full (reload from the store + score).
const month = parsePeriod('2026-11')
const { readDossier } = await import(join(dist, 'adapters/store/read-store.js'))
const pushed = (await readDossier(store, `${unit.code}-261127-B00000`)).dossier
let a = performance.now()
live.upsert(pushed)
live.score(month, { asOf })
const incMs = performance.now() - a
a = performance.now()
const full = await loadPreparedFromStore(store, cal)
scoreWithRuleSets(full.prepared, month, sets, { asOf }, cal)
const fullMs = performance.now() - a
console.log(`recompute after a push: incremental ${incMs.toFixed(1)} ms (month, in memory) vs full ${(fullMs / 1000).toFixed(2)} s (reload ${full.prepared.table.n} dossiers + score)`)
console.log(`peak RSS ${mb(peak())}`)
await app.close()
await store.close()
