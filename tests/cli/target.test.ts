/**
 * `chiso target add|list` end to end (the built CLI on a real SQLite store): the demo's targets
 * file (defaults + six targets of the seed letter) is checked and stored with its history and
 * audit entries; a file with one bad target adds nothing and names the file, the target and the
 * field.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { findPackageRoot } from '../../src/adapters/calendar-file/load-calendar.js'
import { listTargets, targetHistory } from '../../src/adapters/http/targets-store.js'
import { openStore } from '../../src/adapters/store/store.js'

const root = findPackageRoot()
const cli = join(root, 'dist/src/adapters/cli/main.js')
const chiso = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
let dir: string
let db: string

async function inStore<T>(fn: (store: Awaited<ReturnType<typeof openStore>>) => Promise<T>): Promise<T> {
  const store = await openStore(db)
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

beforeAll(() => {
  expect(existsSync(cli), 'npm run build must run before the CLI tests').toBe(true)
  dir = mkdtempSync(join(tmpdir(), 'chiso-target-'))
  db = join(dir, 'chiso.db')
  expect(chiso('demo-data', '--out', join(dir, 'data'), '--dossiers', '200', '--seed', '2').code).toBe(0)
  expect(chiso('import', 'units', join(dir, 'data', 'units.json'), '--db', db).code).toBe(0)
})

describe('chiso target', () => {
  it('adds the demo targets with the file defaults, then lists them', async () => {
    const r = chiso('target', 'add', join(root, 'scripts/demo-targets.yaml'), '--db', db)
    expect(r.code, r.err).toBe(0)
    expect(r.out.match(/^Đã thêm chỉ tiêu T-/gm)).toHaveLength(6)
    const targets = await inStore((s) => listTargets(s))
    expect(targets.map((t) => [t.definition.subject, t.definition.threshold])).toEqual([
      [{ kind: 'indicator', code: '3.3' }, 0.52],
      [{ kind: 'indicator', code: '3.6' }, 0.47],
      [{ kind: 'indicator', code: '4.3' }, 0.52],
      [{ kind: 'indicator', code: '5.2' }, 1],
      [{ kind: 'indicator', code: '1.2' }, 1],
      [{ kind: 'indicator', code: '5.4' }, 0.92],
    ])
    for (const t of targets) expect(t.definition).toMatchObject({ units: ['000.00.00.H99'], includeSubUnits: true, from: '2026-01', to: '2026-12' })
    expect(await inStore((s) => targetHistory(s, targets[0].id))).toHaveLength(1)
    expect((await inStore((s) => s.auditLog())).filter((e) => e.action === 'target.created')).toHaveLength(6)
    const list = chiso('target', 'list', '--db', db)
    expect(list.code).toBe(0)
    expect(list.out).toContain('Tỷ lệ thanh toán trực tuyến  (chỉ tiêu 3.6, mức 0.47, 2026-01…2026-12, 1 đơn vị và cấp dưới)')
  })

  it('adds nothing when one target of the files is wrong, naming file, target and field', async () => {
    const before = (await inStore((s) => listTargets(s))).length
    const file = join(dir, 'bad.yaml')
    writeFileSync(file, [
      'defaults: { units: ["000.00.00.H99"], from: "2026-01", source: "Công văn thử" }',
      'targets:',
      '  - { name: "Đúng", subject: { kind: indicator, code: "3.3" }, threshold: 0.5 }',
      '  - { name: "Sai", subject: { kind: indicator, code: "3.3" }, threshold: 1.5 }',
    ].join('\n'))
    const r = chiso('target', 'add', file, '--db', db)
    expect(r.code).not.toBe(0)
    expect(r.err).toContain(`${file}, chỉ tiêu thứ 2: Trường threshold`)
    expect((await inStore((s) => listTargets(s))).length).toBe(before)
  })
})
