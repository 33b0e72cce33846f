/**
 * @module adapters/store/load-prepared
 * Reads a store straight into the engine's columnar table, as `adapters/import/load-prepared.ts`
 * does for a folder: dossier rows are streamed (SQLite `iterate()`, PostgreSQL a cursor fetched
 * 10,000 rows at a time) into `DossierTableBuilder`, so a million dossiers are never held as
 * objects; units, procedures, petitions, ratings and sync reports are small and read whole.
 */
import { performance } from 'node:perf_hooks'
import type { WorkingTime } from '../../engine/calendar-port.js'
import type { Dataset, ProcessStep } from '../../engine/model.js'
import { catalogueIndex, DossierTableBuilder, prepareFromBuilder, type PreparedData } from '../../engine/prepare/dossier-table.js'
import { readPetitions, readPopulationDatabaseCodes, readProcedures, readRatings, readSyncReports, readUnits } from './read-store.js'
import { DOSSIER_COLUMNS, dossierFromRow, STEP_COLUMNS, stepFromRow } from './rows.js'
import type { Store, StreamDossiersOptions } from './store.js'

/** Options of {@link loadPreparedFromStore}. */
export interface LoadPreparedFromStoreOptions {
  /** Only dossiers whose sort time (receipt, else submission) is in `[from, to)`. */
  window?: StreamDossiersOptions['window']
  /**
   * Also load every stored step into `dataset.steps` (the engine does not read them; useful for
   * explanations). @default false
   */
  steps?: boolean
}

/** Result of {@link loadPreparedFromStore}. */
export interface LoadPreparedFromStoreResult {
  prepared: PreparedData
  stats: {
    /** Dossier rows streamed into the table. */
    dossiers: number
    /** Reading and building time, in milliseconds. */
    ms: number
  }
  /** Settings in force in the store. */
  settings: { populationDatabaseCodes: string[] }
}

/**
 * Load the store and prepare it for scoring with the working-day calendar `cal`. For the same
 * records, the scores equal those of `loadPrepared(folder)`.
 * @example
 * const { prepared } = await loadPreparedFromStore(store, loadWorkingCalendar())
 * const reports = scoreWithRuleSets(prepared, parsePeriod('2026-Q3'), loadRuleSets(), { asOf }, cal)
 */
export async function loadPreparedFromStore(store: Store, cal: WorkingTime, options: LoadPreparedFromStoreOptions = {}): Promise<LoadPreparedFromStoreResult> {
  const started = performance.now()
  const units = await readUnits(store)
  const procedures = await readProcedures(store)
  const index = catalogueIndex(units, procedures)
  const builder = new DossierTableBuilder(index.units, procedures, index.procIndex, cal)
  let slot = 0
  const dossiers = await store.streamDossiers(DOSSIER_COLUMNS, (row) => builder.put(slot++, dossierFromRow(row)), options.window ? { window: options.window } : {})
  const dataset: Dataset = {
    units,
    procedures,
    dossiers: [],
    petitions: await readPetitions(store),
    ratings: await readRatings(store),
  }
  const syncReports = await readSyncReports(store)
  if (syncReports.length > 0) dataset.syncReports = syncReports
  if (options.steps) {
    const rows = await store.readTable('dossier_steps', ['dossier_id', ...STEP_COLUMNS])
    dataset.steps = rows.map((r): ProcessStep => stepFromRow(String(r[0]), r.slice(1)))
  }
  const prepared = prepareFromBuilder(dataset, builder, index.applies)
  return {
    prepared,
    stats: { dossiers, ms: Math.round((performance.now() - started) * 10) / 10 },
    settings: { populationDatabaseCodes: await readPopulationDatabaseCodes(store) },
  }
}
