#!/usr/bin/env node
// `npm run demo`: writes the demo province (once) and shows its index for the last full month.
// Everything goes through the real command line and the real import path.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(root, 'dist/src/adapters/cli/main.js')
const dataDir = join(root, '.demo/data')
// The embedded default store: one SQLite file, no setup.
const db = join(root, '.demo/chiso.db')
const run = (args) => execFileSync(process.execPath, [cli, ...args], { stdio: 'inherit' })

if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
if (!existsSync(join(dataDir, 'units.json'))) run(['demo-data', '--out', dataDir])
if (!existsSync(db)) {
  console.log(`\n$ chiso import data .demo/data --db .demo/chiso.db\n`)
  run(['import', 'data', dataDir, '--db', db])
}

const now = new Date(Date.now() + 7 * 3600_000)
const y = now.getUTCFullYear(), m = now.getUTCMonth() // previous month, 1-based = m
const period = m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`
const demoYear = 2026
const shown = y === demoYear || (y === demoYear + 1 && m === 0) ? period : `${demoYear}-10`
console.log(`\n$ chiso score --db .demo/chiso.db --period ${shown}\n`)
run(['score', '--db', db, '--period', shown])
const cmd = './chiso'
console.log(`\nChi tiết một đơn vị:   ${cmd} score --db .demo/chiso.db --period ${shown} --unit <mã đơn vị>`)
console.log(`Hồ sơ làm mất điểm:    ${cmd} explain --db .demo/chiso.db --period ${shown} --unit <mã đơn vị> --indicator 2.1`)
console.log(`Công văn và phụ lục:   ${cmd} report letter --db .demo/chiso.db --period ${shown} --out cong-van.docx --pdf --xlsx`)
console.log(`Nhận hồ sơ trực tiếp:  ${cmd} feed-key add --db .demo/chiso.db --name "Một cửa"  rồi  ${cmd} serve --db .demo/chiso.db`)
