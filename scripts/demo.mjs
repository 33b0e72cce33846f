#!/usr/bin/env node
// `npm run demo`: writes the demo province (once), imports it into the embedded SQLite store,
// makes sure three demo accounts exist with fresh passwords, and serves the dashboard.
// Everything goes through the real command line, the real import path and the real server.
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'dist/src/adapters/cli/main.js')
const dataDir = join(root, '.demo/data')
// The embedded default store: one SQLite file, no setup.
const db = join(root, '.demo/chiso.db')
const run = (args, stdio = 'inherit') => execFileSync(process.execPath, [cli, ...args], { stdio })
const quiet = (args) => {
  try {
    run(args, 'pipe')
    return true
  } catch {
    return false
  }
}

if (!existsSync(cli) || !existsSync(join(root, 'dist/web/index.html'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
// The portal's published numbers for October 2026 (demo: what the portal would show from the
// dossiers synced to it by 5 November), so the unit page can put official beside computed points.
const portalMonth = '2026-10'
if (!existsSync(join(dataDir, 'units.json'))) run(['demo-data', '--out', dataDir, '--portal', portalMonth])
if (!existsSync(db)) {
  console.log(`\n$ chiso import data .demo/data --db .demo/chiso.db\n`)
  run(['import', 'data', dataDir, '--db', db])
  const portalDir = join(dataDir, 'portal')
  if (existsSync(portalDir)) {
    const files = readdirSync(portalDir).filter((f) => f.endsWith('.json')).map((f) => join(portalDir, f))
    console.log(`\n$ chiso import portal .demo/data/portal/*.json --db .demo/chiso.db\n`)
    run(['import', 'portal', ...files, '--db', db])
  }
  // The province's directive targets for 2026 (the six of the seed letter), shown on the overview.
  console.log(`\n$ chiso target add scripts/demo-targets.yaml --db .demo/chiso.db\n`)
  run(['target', 'add', join(root, 'scripts/demo-targets.yaml'), '--db', db])
}

// Demo accounts: the province's administrator, an officer of one commune, a read-only viewer.
// Passwords are new at every run (the demo prints them); a real installation uses `chiso serve`,
// which creates the first administrator once, and `chiso user`.
const units = JSON.parse(readFileSync(join(dataDir, 'units.json'), 'utf8'))
const list = Array.isArray(units) ? units : units.units ?? units.data ?? []
const commune = list.find((u) => (u.level ?? u.CapDonVi) === 'commune') ?? list[1]
const communeCode = commune.code ?? commune.MaDonVi
const communeName = commune.name ?? commune.TenDonVi
const accounts = [
  { username: 'quantri', name: 'Quản trị tỉnh Minh Sơn', role: 'admin', unit: null, what: 'quản trị, cả tỉnh' },
  { username: 'canbo.xa', name: `Cán bộ ${communeName}`, role: 'officer', unit: communeCode, what: `cán bộ ${communeName}` },
  { username: 'xem', name: 'Người xem', role: 'viewer', unit: null, what: 'chỉ xem' },
]
for (const a of accounts) {
  a.password = randomBytes(12).toString('base64url')
  const changed = quiet(['user', 'passwd', a.username, '--password', a.password, '--db', db])
  if (!changed) {
    run(['user', 'add', '--username', a.username, '--name', a.name, '--role', a.role, ...(a.unit ? ['--unit', a.unit] : []), '--password', a.password, '--db', db], 'pipe')
  }
}

const port = process.env.PORT ?? '3000'
const child = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', port], { stdio: ['ignore', 'pipe', 'inherit'] })
let shown = false
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk)
  if (shown || !String(chunk).includes('openapi.json')) return
  shown = true
  console.log(`\nTỉnh mẫu Minh Sơn (dữ liệu hư cấu) — mở trang điều hành: http://127.0.0.1:${port}/`)
  console.log('Đăng nhập (mật khẩu mới ở mỗi lần chạy npm run demo):')
  for (const a of accounts) console.log(`  ${a.username.padEnd(9)} ${a.password}   (${a.what})`)
  console.log(`Dừng máy chủ: Ctrl+C. Dòng lệnh: ./chiso score --db .demo/chiso.db --period 2026-10, ./chiso report letter … (README)\n`)
})
const stop = () => child.kill('SIGTERM')
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
child.on('exit', (code) => process.exit(code ?? 0))
