/**
 * @module adapters/backup/export-period
 * Export everything of one period from the store as files in the input formats
 * (`docs/data-formats.md`), so that `chiso score --data DIR --period P` gives the store's scores.
 */
import { closeSync, openSync, writeSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { monthsOf, type Period } from '../../engine/periods/period.js'
import { readPopulationDatabaseCodes } from '../store/read-store.js'
import type { ColumnValue, Store } from '../store/store.js'

export interface ExportCounts {
  units: number
  procedures: number
  dossiers: number
  steps: number
  petitions: number
  ratings: number
  syncReports: number
}

const parse = (v: ColumnValue): Record<string, unknown> => JSON.parse(String(v)) as Record<string, unknown>

/** Write the period's records of `store` into `dir`. */
export async function exportPeriod(store: Store, period: Period, dir: string): Promise<ExportCounts> {
  await mkdir(dir, { recursive: true })
  const units = (await store.readTable('units', ['raw'])).map((r) => parse(r[0]))
  const procedures = (await store.readTable('procedures', ['raw'])).map((r) => parse(r[0]))
  await writeFile(join(dir, 'units.json'), JSON.stringify(units, null, 1))
  await writeFile(join(dir, 'procedures.json'), JSON.stringify(procedures, null, 1))

  // Dossiers: the payload as received, with the unit and the sync state the store resolved, so
  // that the files stand on their own (a push may have named its unit only in the envelope).
  const ids = new Set<string>()
  // Rows arrive synchronously from the store: write them synchronously, a megabyte at a time.
  const fd = openSync(join(dir, 'dossiers.ndjson'), 'w')
  let chunk = ''
  try {
    await store.streamDossiers(['dossier_id', 'unit_code', 'synced_to_portal', 'raw_payload'], (row) => {
      const raw = parse(row[3])
      if (!raw.MaDonVi) raw.MaDonVi = row[1]
      if (raw.DongBoDVCQG === undefined && row[2] !== null) raw.DongBoDVCQG = Number(row[2]) ? '1' : '0'
      ids.add(String(row[0]))
      chunk += JSON.stringify(raw) + '\n'
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk)
        chunk = ''
      }
    }, { window: { from: period.start, to: period.end } })
    writeSync(fd, chunk)
  } finally {
    closeSync(fd)
  }

  const steps = (await store.readTable('dossier_steps', ['dossier_id', 'raw'])).filter((r) => ids.has(String(r[0]))).map((r) => parse(r[1]))
  await writeFile(join(dir, 'steps.json'), JSON.stringify(steps))
  // Petitions sent in the period, and those about an exported dossier (5.4 counts them).
  const petitions = (await store.readTable('petitions', ['sent_at', 'dossier_id', 'raw']))
    .filter((r) => (Number(r[0]) >= period.start && Number(r[0]) < period.end) || (r[1] !== null && ids.has(String(r[1]))))
    .map((r) => parse(r[2]))
  await writeFile(join(dir, 'petitions.json'), JSON.stringify(petitions, null, 1))
  const ratings = (await store.readTable('ratings', ['dossier_id', 'raw'])).filter((r) => ids.has(String(r[0]))).map((r) => parse(r[1]))
  await writeFile(join(dir, 'ratings.json'), JSON.stringify(ratings))
  // Sync reports of the period's months and of the year before (1.4 falls back to it).
  const months = new Set(monthsOf(period).flatMap(({ month }) => [month, ...Array.from({ length: 12 }, (_, i) => `${+month.slice(0, 4) - 1}-${String(i + 1).padStart(2, '0')}`)]))
  const reports = (await store.readTable('sync_reports', ['month', 'raw'])).filter((r) => months.has(String(r[0]))).map((r) => parse(r[1]))
  await writeFile(join(dir, 'sync-reports.json'), JSON.stringify(reports, null, 1))
  await writeFile(join(dir, 'settings.json'), JSON.stringify({ populationDatabaseCodes: await readPopulationDatabaseCodes(store) }, null, 2) + '\n')
  return { units: units.length, procedures: procedures.length, dossiers: ids.size, steps: steps.length, petitions: petitions.length, ratings: ratings.length, syncReports: reports.length }
}
