import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { makeDataDir, removeDataDirs } from '../../../tests/fixtures/import/data-dirs.js'
import { loadDataDir } from './data-dir.js'

const DOC = join(dirname(fileURLToPath(import.meta.url)), '../../../docs/data-formats.md')

/** The code blocks of the document preceded by `<!-- file: name -->`, by file name. */
async function documentedFiles(): Promise<Record<string, string>> {
  const text = await readFile(DOC, 'utf8')
  const files: Record<string, string> = {}
  for (const m of text.matchAll(/<!-- file: (\S+) -->\n```[a-z]*\n([\s\S]*?)\n```/g)) files[m[1]] = m[2] + '\n'
  return files
}

afterAll(removeDataDirs)

describe('docs/data-formats.md', () => {
  it('has examples that load without any issue', async () => {
    const { 'dossiers.ndjson': ndjson, ...files } = await documentedFiles()
    expect(Object.keys(files).sort()).toEqual([
      'dossiers.json',
      'petitions.json',
      'procedures.json',
      'ratings.json',
      'steps.json',
      'sync-reports.json',
      'units.json',
    ])
    const { dataset, issues } = await loadDataDir(await makeDataDir(files))
    expect(issues).toEqual([])
    expect(dataset.dossiers[0]).toMatchObject({ syncedToPortal: true, resultPushedToPersonalDataStore: true })

    const catalog = { 'units.json': files['units.json'], 'procedures.json': files['procedures.json'] }
    const fromNdjson = await loadDataDir(await makeDataDir({ ...catalog, 'dossiers.ndjson': ndjson }))
    expect(fromNdjson.issues).toEqual([])
    expect(fromNdjson.dataset.dossiers.map((d) => [d.procedureCode, d.unitCode])).toEqual([
      ['1.000656', '000.00.12.H44'],
      ['1.004227', '000.00.03.H44'],
    ])
  })
})
