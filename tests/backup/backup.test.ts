/**
 * Backups and restores of both databases, and the export of one period as input files: each
 * checked by scoring the copy and comparing with the original.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { backupStore, restoreStore } from '../../src/adapters/backup/backup.js'
import { exportPeriod } from '../../src/adapters/backup/export-period.js'
import { loadWorkingCalendar } from '../../src/adapters/calendar-file/load-calendar.js'
import { writeDemoData } from '../../src/adapters/demo/demo-data.js'
import { loadPrepared } from '../../src/adapters/import/load-prepared.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { importDataDir } from '../../src/adapters/store/import-run.js'
import { loadPreparedFromStore } from '../../src/adapters/store/load-prepared.js'
import { openStore, type Store } from '../../src/adapters/store/store.js'
import { parsePeriod } from '../../src/engine/periods/period.js'
import type { PreparedData } from '../../src/engine/prepare/dossier-table.js'
import { scoreWithRuleSets } from '../../src/engine/score.js'

const cal = loadWorkingCalendar()
const sets = loadRuleSets()
const asOf = Date.parse('2026-11-28T12:00:00+07:00')
const aug = parsePeriod('2026-08')
const PG = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

function scores(p: PreparedData) {
  return scoreWithRuleSets(p, aug, sets, { asOf }, cal)[0].units.map((u) => [u.unit.code, u.total, u.rank, u.indicators.map((i) => [i.code, i.outcome.numerator, i.outcome.denominator])])
}
async function storeScores(store: Store) {
  return scores((await loadPreparedFromStore(store, cal)).prepared)
}

let tmp: string
let data: string
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'chiso-backup-'))
  data = join(tmp, 'data')
  await writeDemoData(data, { dossiers: 2500, seed: 9 })
})

describe('SQLite backup', () => {
  it('copies a consistent store that restores to the same scores, and refuses to overwrite without force', async () => {
    const path = join(tmp, 'a.db')
    const store = await openStore(path)
    await importDataDir(store, data)
    const original = await storeScores(store)
    await backupStore(path, join(tmp, 'a.backup'))
    await store.close()
    await restoreStore(join(tmp, 'a.backup'), join(tmp, 'b.db'))
    const copy = await openStore(join(tmp, 'b.db'))
    expect(await storeScores(copy)).toEqual(original)
    expect((await copy.listRuns()).length).toBeGreaterThan(0)
    await copy.close()
    await expect(restoreStore(join(tmp, 'a.backup'), join(tmp, 'b.db'))).rejects.toThrow('đã tồn tại; thêm --force')
  })
})

describe('PostgreSQL backup (pg_dump / pg_restore)', () => {
  const schema = `chiso_backup_${process.pid}`
  afterAll(() => {
    execFileSync('psql', [PG, '-q', '-c', `DROP SCHEMA IF EXISTS ${schema} CASCADE`])
  })
  it('dumps a schema, survives its loss, and restores to the same scores', async () => {
    const store = await openStore(PG, { schema })
    await importDataDir(store, data)
    const original = await storeScores(store)
    await store.close()
    const file = join(tmp, 'pg.dump')
    await backupStore(PG, file, { schema })
    execFileSync('psql', [PG, '-q', '-c', `DROP SCHEMA ${schema} CASCADE`])
    await restoreStore(file, PG)
    const restored = await openStore(PG, { schema })
    expect(await storeScores(restored)).toEqual(original)
    await restored.close()
  })
})

describe('export of one period', () => {
  it('writes input files that score the period exactly as the store does', async () => {
    const store = await openStore(join(tmp, 'e.db'))
    await importDataDir(store, data)
    const out = join(tmp, 'export-2026-08')
    const counts = await exportPeriod(store, aug, out)
    expect(counts.dossiers).toBeGreaterThan(0)
    const fromStore = await storeScores(store)
    await store.close()
    const fromFiles = await loadPrepared(out, cal)
    expect(fromFiles.issues.filter((i) => i.severity === 'error')).toEqual([])
    expect(scores(fromFiles.prepared)).toEqual(fromStore)
  })
})
