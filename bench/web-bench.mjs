#!/usr/bin/env node
// Time to first render of the dashboard's overview in Debian's Chromium (playwright-core).
//
//   node bench/web-bench.mjs --db bench/out/api-1000000.db [--runs 7] [--cpu-slowdown 4]
//
// Starts the real `chiso serve` on the store (a bench account is created or reset), signs in
// through `POST /api/session`, then opens `/#/` in a fresh page per run and measures, from the
// navigation start, until the total score of the overview is on screen (`#total [data-value]`).
// Each run is done twice: at full speed and with Chromium's CPU throttled (DevTools
// `Emulation.setCPUThrottlingRate`) to stand in for a slow office PC. Cold = first run (empty
// cache), warm = the median of the others. Numbers go to bench/README.md; nothing is asserted.
import { execFileSync, spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'dist/src/adapters/cli/main.js')
const { values } = parseArgs({ options: { db: { type: 'string' }, runs: { type: 'string', default: '7' }, 'cpu-slowdown': { type: 'string', default: '4' }, port: { type: 'string', default: '3917' } } })
if (!values.db) throw new Error('Dùng: node bench/web-bench.mjs --db KHO [--runs 7] [--cpu-slowdown 4]')
const runs = Number(values.runs)
const slowdown = Number(values['cpu-slowdown'])
const password = 'bench-mat-khau-' + Date.now()

const userArgs = ['--password', password, '--db', values.db]
try {
  execFileSync(process.execPath, [cli, 'user', 'passwd', 'bench', ...userArgs], { stdio: 'pipe' })
} catch {
  execFileSync(process.execPath, [cli, 'user', 'add', '--username', 'bench', '--name', 'Đo hiệu năng', '--role', 'admin', ...userArgs], { stdio: 'pipe' })
}

const server = spawn(process.execPath, [cli, 'serve', '--db', values.db, '--port', values.port], { stdio: ['ignore', 'pipe', 'inherit'] })
const base = `http://127.0.0.1:${values.port}`
const loadStart = Date.now()
await new Promise((resolve, reject) => {
  server.stdout.on('data', (b) => { if (String(b).includes('đang phục vụ')) resolve() })
  server.on('exit', (code) => reject(new Error(`chiso serve dừng (mã ${code})`)))
})
console.log(`server ready in ${((Date.now() - loadStart) / 1000).toFixed(1)} s`)

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
})
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
try {
  for (const rate of [1, slowdown]) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } })
    const login = await context.request.post(`${base}/api/session`, { data: { username: 'bench', password }, headers: { origin: base } })
    if (!login.ok()) throw new Error(`đăng nhập thất bại: ${login.status()} ${await login.text()}`)
    const times = []
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate })
      await page.goto(`${base}/#/`, { waitUntil: 'commit' })
      // Polled at every animation frame inside the page: the time the total is first in the DOM.
      times.push(await page.evaluate(() => new Promise((resolve) => {
        const check = () => (document.querySelector('#total [data-value]') ? resolve(performance.now()) : requestAnimationFrame(check))
        check()
      })))
      await page.close()
    }
    const label = rate === 1 ? 'full speed' : `CPU ×${rate} slower`
    console.log(`overview first render, ${label}: cold ${times[0].toFixed(0)} ms, warm median ${median(times.slice(1)).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`)
    await context.close()
  }
} finally {
  await browser.close()
  server.kill('SIGTERM')
}
