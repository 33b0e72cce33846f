/**
 * `chiso report letter --db` uses the office profile saved in the store from the web application
 * (Quản trị → Hồ sơ cơ quan) when no `--profile` is given; `--profile` still wins.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { findPackageRoot } from '../../src/adapters/calendar-file/load-calendar.js'
import { demoProfilePath, PROFILE_SETTING } from '../../src/adapters/reports/index.js'
import { openStore } from '../../src/adapters/store/store.js'
import { paragraphs, unzip } from '../reports/ooxml.js'

const cli = join(findPackageRoot(), 'dist/src/adapters/cli/main.js')
const chiso = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const text = (docx: string) => paragraphs(unzip(docx).get('word/document.xml')!).map((p) => p.text).join('\n')
let dir: string
let db: string

beforeAll(async () => {
  expect(existsSync(cli), 'npm run build must run before the CLI tests').toBe(true)
  dir = mkdtempSync(join(tmpdir(), 'chiso-report-profile-'))
  db = join(dir, 'chiso.db')
  expect(chiso('demo-data', '--out', join(dir, 'data'), '--dossiers', '400', '--seed', '4').code).toBe(0)
  expect(chiso('import', 'data', join(dir, 'data'), '--db', db).code).toBe(0)
  const yaml = readFileSync(demoProfilePath(), 'utf8').replace('name: [ỦY BAN NHÂN DÂN, TỈNH MINH SƠN]', 'name: [ỦY BAN NHÂN DÂN, TỈNH LƯU KHO]')
  expect(yaml).toContain('TỈNH LƯU KHO')
  const store = await openStore(db)
  await store.transaction((tx) => tx.setSetting(PROFILE_SETTING, yaml))
  await store.close()
})

describe('chiso report letter --db with a profile saved from the web', () => {
  it('uses the stored profile', () => {
    const out = join(dir, 'cong-van.docx')
    const r = chiso('report', 'letter', '--db', db, '--period', '2026-10', '--out', out, '--as-of', '2026-11-27T17:00')
    expect(r.code, r.err).toBe(0)
    expect(r.err).not.toContain('hồ sơ cơ quan mẫu')
    expect(text(out)).toContain('TỈNH LƯU KHO')
  })

  it('lets --profile win over the stored one', () => {
    const out = join(dir, 'cong-van-mau.docx')
    const r = chiso('report', 'letter', '--db', db, '--period', '2026-10', '--out', out, '--as-of', '2026-11-27T17:00', '--profile', demoProfilePath())
    expect(r.code, r.err).toBe(0)
    const t = text(out)
    expect(t).toContain('TỈNH MINH SƠN')
    expect(t).not.toContain('TỈNH LƯU KHO')
  })
})
