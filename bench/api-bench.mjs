#!/usr/bin/env node
// Load benchmark of the web application's JSON API: the demo province (default 1,000,000
// dossiers) in a SQLite store, served by the real `chiso serve` in a child process, signed in as
// an administrator through `POST /api/session`, then autocannon (100 connections, 10 s each, in
// this process) against a unit's overview and the ranking of the default period (`/api/meta`).
// Prints p50 / p99 latency and requests per second; results go to bench/README.md by hand.
// Never run by the tests.
//
//   npm run build && node bench/api-bench.mjs [--dossiers 1000000] [--connections 100] [--duration 10]
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'

const here = dirname(fileURLToPath(import.meta.url))
const dist = join(here, '..', 'dist', 'src')
const { values } = parseArgs({ options: { dossiers: { type: 'string', default: '1000000' }, connections: { type: 'string', default: '100' }, duration: { type: 'string', default: '10' } } })
const n = Number(values.dossiers)
const connections = Number(values.connections)
const duration = Number(values.duration)
const dataDir = join(here, 'out', `demo-${n}`)
const db = join(here, 'out', `api-${n}.db`)
mkdirSync(join(here, 'out'), { recursive: true })
const s = (ms) => `${(ms / 1000).toFixed(1)} s`

// 1. Data and store (kept between runs).
if (!existsSync(join(dataDir, 'units.json'))) {
  const { writeDemoData } = await import(join(dist, 'adapters/demo/demo-data.js'))
  const t = performance.now()
  await writeDemoData(dataDir, { dossiers: n, seed: 766 })
  console.log(`demo-data ${n} dossiers: ${s(performance.now() - t)}`)
}
const { openStore } = await import(join(dist, 'adapters/store/store.js'))
const { createUser, readUser, updateUser } = await import(join(dist, 'adapters/http/auth/users.js'))
const fresh = !existsSync(db)
const store = await openStore(db)
if (fresh || (await store.count('dossiers')) === 0) {
  const { importDataDir } = await import(join(dist, 'adapters/store/import-run.js'))
  const t = performance.now()
  await importDataDir(store, dataDir)
  console.log(`import into SQLite: ${s(performance.now() - t)}`)
}
// 2. An administrator with a known password.
const password = `bench-${Math.random().toString(36).slice(2)}-mat-khau`
if (await readUser(store, 'bench')) await updateUser(store, 'bench', { password }, 'bench', () => true)
else await createUser(store, { username: 'bench', displayName: 'Đo tải', role: 'admin', unitCode: null, password }, 'bench', () => true)
await store.close()

// 3. The real server, in its own process.
const t0 = performance.now()
const server = spawn(process.execPath, [join(dist, 'adapters/cli/main.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] })
const base = await new Promise((resolve, reject) => {
  let out = ''
  server.stdout.on('data', (b) => {
    out += b
    const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out)
    if (m) resolve(m[1])
  })
  server.on('exit', (code) => reject(new Error(`chiso serve stopped (${code}): ${out}`)))
})
console.log(`chiso serve ready at ${base} after ${s(performance.now() - t0)} (loads ${n} dossiers from the store)`)

try {
  const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password }) })
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`)
  const cookie = login.headers.get('set-cookie').split(';')[0]
  const get = async (path) => {
    const r = await fetch(`${base}${path}`, { headers: { cookie } })
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${await r.text()}`)
    return r.json()
  }
  const meta = await get('/api/meta')
  const period = meta.defaultPeriod
  const province = meta.province.code
  const targets = [`/api/units/${province}/overview?period=${period}`, `/api/ranking?period=${period}`]
  const results = []
  for (const path of targets) {
    // The first request scores the period (then cached, as in a running server).
    const a = performance.now()
    await get(path)
    const firstMs = performance.now() - a
    const r = await autocannon({ url: `${base}${path}`, connections, duration, headers: { cookie } })
    const row = {
      path,
      firstRequestMs: Math.round(firstMs),
      p50ms: r.latency.p50,
      p99ms: r.latency.p99,
      maxMs: r.latency.max,
      reqPerSec: Math.round(r.requests.average),
      requests: r.requests.total,
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
    }
    results.push(row)
    console.log(`${path}: p50 ${row.p50ms} ms, p99 ${row.p99ms} ms, max ${row.maxMs} ms, ${row.reqPerSec} req/s (${row.requests} requests, non-2xx ${row.non2xx}, errors ${row.errors}); first request ${row.firstRequestMs} ms`)
  }
  console.log(JSON.stringify({ dossiers: n, connections, durationSeconds: duration, period, node: process.version, results }))
} finally {
  server.kill('SIGTERM')
}
