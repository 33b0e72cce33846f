import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Unit } from '../../../engine/model.js'
import { readFixture } from '../../../../tests/fixtures/import/data-dirs.js'
import { vnInstant } from '../../../engine/time/time.js'
import { loadTabularDossiers } from './index.js'
import { compileMapping, DEFAULT_MAPPING, loadColumnMapping, targetKind } from './mapping.js'

const DOC = join(dirname(fileURLToPath(import.meta.url)), '../../../../docs/tabular-import.md')

let text: string
let dir: string
beforeAll(async () => {
  text = await readFile(DOC, 'utf8')
  dir = await mkdtemp(join(tmpdir(), 'chiso-tabular-doc-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function between(start: string, end: string): string {
  const a = text.indexOf(start)
  const b = text.indexOf(end)
  expect(a).toBeGreaterThan(-1)
  return text.slice(a + start.length, b)
}

const names = (cell: string) => [...cell.matchAll(/"([^"]*)"|`([^`]*)`/g)].map((m) => m[1] ?? m[2])

describe('docs/tabular-import.md', () => {
  it('lists exactly the default mapping, in priority order', () => {
    const rows = between('<!-- default-mapping:start -->', '<!-- default-mapping:end -->')
      .split('\n')
      .filter((l) => l.startsWith('| `'))
      .map((l) => l.split(' | '))
    const documented = rows.map(([field, kind, headers]) => [field.slice(3, -1), kind, names(headers)])
    const compiled = compileMapping(DEFAULT_MAPPING)
    const actual = [...compiled.aliases].map(([target, headers]) => [target, targetKind(target), headers])
    expect(documented).toEqual(actual)
    const ignored = names(between('<!-- ignored:start -->', '<!-- ignored:end -->'))
    expect(ignored).toEqual(Object.entries(DEFAULT_MAPPING.columns).filter(([, t]) => t === null).map(([h]) => h))
  })

  it('has an example mapping and export that load without any issue', async () => {
    const files: Record<string, string> = {}
    for (const m of text.matchAll(/<!-- file: (\S+) -->\n```[a-z]*\n([\s\S]*?)\n```/g)) files[m[1]] = m[2] + '\n'
    expect(Object.keys(files)).toEqual(['mapping.yaml', 'hoso.csv'])
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content)
    const mapping = await loadColumnMapping(join(dir, 'mapping.yaml'))
    const units = await readFixture<Unit[]>('units.json')
    const { dossiers, issues, stats } = await loadTabularDossiers(join(dir, 'hoso.csv'), mapping, { units })
    expect(issues).toEqual([])
    expect(stats.headerRow).toBe(4)
    expect(dossiers.map((d) => [d.id, d.channel, d.status, d.unitCode, d.feeTotal, d.supplementRequests.length])).toEqual([
      ['000.00.12.H44-260901-0001', 'online', '9', '000.00.12.H44', 0, 0],
      ['000.00.12.H44-260901-0002', 'in_person', '4', '000.00.12.H44', 50000, 1],
    ])
    expect(dossiers[0].dueAt).toBe(vnInstant(2026, 9, 3, 23, 59, 59))
  })
})
