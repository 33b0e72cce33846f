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
const run = (args) => execFileSync(process.execPath, [cli, ...args], { stdio: 'inherit' })

if (!existsSync(cli)) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
if (!existsSync(join(dataDir, 'units.json'))) run(['demo-data', '--out', dataDir])

const now = new Date(Date.now() + 7 * 3600_000)
const y = now.getUTCFullYear(), m = now.getUTCMonth() // previous month, 1-based = m
const period = m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`
const demoYear = 2026
const shown = y === demoYear || (y === demoYear + 1 && m === 0) ? period : `${demoYear}-10`
console.log(`\n$ chiso score --data .demo/data --period ${shown}\n`)
run(['score', '--data', dataDir, '--period', shown])
console.log(`\nXem chi tiết một đơn vị:   node ${'dist/src/adapters/cli/main.js'} score --data .demo/data --period ${shown} --unit <mã đơn vị>`)
console.log(`Hồ sơ làm mất điểm:        node dist/src/adapters/cli/main.js explain --data .demo/data --period ${shown} --unit <mã đơn vị> --indicator 2.1`)
