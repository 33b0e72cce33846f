/**
 * @module adapters/demo/demo-data
 * `chiso demo-data`: writes a reproducible synthetic province as the same input files the importer
 * reads — units, procedures, dossiers (DongBoHoSoMC objects), processing steps of a sample
 * (CapNhatTienDoHoSoMC), petitions, ratings and monthly sync reports.
 *
 * The province, "UBND tỉnh Minh Sơn" (`000.00.00.H99`), is fictional so that nobody mistakes demo
 * numbers for a real province's. Its units have deliberately good and bad quality profiles, so every
 * indicator has something to show. The same options always give byte-identical files: all
 * randomness comes from a seeded generator, never from `Math.random` or the clock. Dossiers are
 * streamed to disk, so a million of them need little memory.
 */
import { mkdir } from 'node:fs/promises'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { dayNumberOf, dayNumberStart } from '../../engine/time/time.js'
import { DemoCalendar } from './calendar.js'
import { streamDossiers } from './dossiers.js'
import { buildPetitions, buildSyncReports } from './petitions.js'
import { buildCatalogue, procedureRecord } from './procedures.js'
import { Random } from './random.js'
import { buildUnits, unitRecord } from './units.js'
import { RecordWriter, type RecordFormat } from './writer.js'

/** Options of `writeDemoData`. */
export interface DemoDataOptions {
  /** Number of dossiers (default 20,000). */
  dossiers?: number
  /** Seed of the generator (default 766). */
  seed?: number
  /** 2 = province → departments, communes (after 1/7/2025); 3 = with districts (before). Default 2. */
  levels?: 2 | 3
  /** Year of the data (default 2026 for levels 2, 2024 for levels 3). */
  year?: number
  /** Last day with data, `YYYY-MM-DD` (default 2026-11-27 for 2026, 31 December otherwise). */
  until?: string
  /** Dossier file format (default `ndjson` above 50,000 dossiers, else `json`). */
  format?: RecordFormat
  /** Called as dossiers are written, and once at the end. */
  onProgress?: (done: number, total: number) => void
}

/** What `writeDemoData` wrote. */
export interface DemoDataResult {
  /** Paths of the files written, in a fixed order. */
  files: string[]
  /** Records per kind: units, procedures, dossiers, steps, petitions, ratings, syncReports. */
  counts: Record<string, number>
}

/** Options with defaults applied and checked. */
export interface ResolvedDemoOptions {
  dossiers: number
  seed: number
  levels: 2 | 3
  year: number
  until: string
  format: RecordFormat
}

/** Apply the defaults of `DemoDataOptions` and reject impossible values (messages in Vietnamese). */
export function resolveDemoOptions(options: DemoDataOptions = {}): ResolvedDemoOptions {
  const dossiers = options.dossiers ?? 20_000
  if (!Number.isInteger(dossiers) || dossiers < 0) throw new Error(`Số hồ sơ phải là số nguyên không âm (nhận được ${dossiers})`)
  const seed = options.seed ?? 766
  if (!Number.isInteger(seed)) throw new Error(`Seed phải là số nguyên (nhận được ${seed})`)
  const levels = options.levels ?? 2
  if (levels !== 2 && levels !== 3) throw new Error(`Số cấp phải là 2 hoặc 3 (nhận được ${String(levels)})`)
  const year = options.year ?? (levels === 2 ? 2026 : 2024)
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`Năm không hợp lệ: ${year}`)
  const until = options.until ?? (year === 2026 ? '2026-11-27' : `${year}-12-31`)
  const untilDay = dayNumberOf(until)
  if (untilDay === null || !until.startsWith(`${year}-`)) {
    throw new Error(`Ngày cuối có dữ liệu "${until}" phải là một ngày YYYY-MM-DD trong năm ${year}`)
  }
  const format = options.format ?? (dossiers > 50_000 ? 'ndjson' : 'json')
  if (format !== 'json' && format !== 'ndjson') throw new Error(`Định dạng phải là json hoặc ndjson (nhận được ${String(format)})`)
  return { dossiers, seed, levels, year, until, format }
}

/**
 * Write the demo province into `outDir` (created if missing): `units.json`, `procedures.json`,
 * `dossiers.json` or `dossiers.ndjson`, `steps.json`, `petitions.json`, `ratings.json`,
 * `sync-reports.json`. Existing files of those names are replaced.
 */
export async function writeDemoData(outDir: string, options: DemoDataOptions = {}): Promise<DemoDataResult> {
  const o = resolveDemoOptions(options)
  await mkdir(outDir, { recursive: true })
  const root = new Random(o.seed)
  const calendar = new DemoCalendar()
  const firstDay = dayNumberOf(`${o.year}-01-01`) as number
  const untilDay = dayNumberOf(o.until) as number
  const untilEnd = dayNumberStart(untilDay + 1) - 1000

  const units = buildUnits(root.fork('units'), o.levels)
  const catalogue = buildCatalogue(root.fork('procedures'), units, { levels: o.levels, year: o.year, firstDay, untilDay, calendar })

  const paths = {
    units: join(outDir, 'units.json'),
    procedures: join(outDir, 'procedures.json'),
    dossiers: join(outDir, o.format === 'ndjson' ? 'dossiers.ndjson' : 'dossiers.json'),
    steps: join(outDir, 'steps.json'),
    petitions: join(outDir, 'petitions.json'),
    ratings: join(outDir, 'ratings.json'),
    syncReports: join(outDir, 'sync-reports.json'),
    settings: join(outDir, 'settings.json'),
  }
  // The demo's dossiers name the population database MaCSDL "7" (as the S2 sender does).
  await writeFile(paths.settings, JSON.stringify({ populationDatabaseCodes: ['7'] }, null, 2) + '\n')
  await writeFile(paths.units, jsonLines(units.map(unitRecord)))
  await writeFile(paths.procedures, jsonLines(catalogue.all.map(procedureRecord)))

  const writers = {
    dossiers: new RecordWriter(paths.dossiers, o.format),
    steps: new RecordWriter(paths.steps, 'json'),
    ratings: new RecordWriter(paths.ratings, 'json'),
  }
  const ctx = { rng: root.fork('dossiers'), calendar, year: o.year, firstDay, untilDay, untilEnd }
  const stream = await streamDossiers(ctx, units, catalogue, o.dossiers, writers, options.onProgress)
  await Promise.all([writers.dossiers.close(), writers.steps.close(), writers.ratings.close()])

  const petitions = buildPetitions({ ...ctx, rng: root.fork('petitions') }, units, stream.petitionSeeds)
  await writeFile(paths.petitions, jsonLines(petitions))
  const syncReports = buildSyncReports(root.fork('sync-reports'), units, stream, o.year, untilDay)
  await writeFile(paths.syncReports, jsonLines(syncReports))

  return {
    files: [paths.units, paths.procedures, paths.dossiers, paths.steps, paths.petitions, paths.ratings, paths.syncReports, paths.settings],
    counts: {
      units: units.length,
      procedures: catalogue.all.length,
      dossiers: stream.dossiers,
      steps: stream.steps,
      petitions: petitions.length,
      ratings: stream.ratings,
      syncReports: syncReports.length,
    },
  }
}

/** A JSON array with one element per line (small files). */
function jsonLines(items: unknown[]): string {
  return items.length === 0 ? '[]\n' : '[\n' + items.map((x) => JSON.stringify(x)).join(',\n') + '\n]\n'
}
