/**
 * @module adapters/import/load-prepared
 * Reads a data folder straight into the engine's columnar table: each accepted dossier is written
 * into the table as it is read, so a province of a million dossiers is never held as objects.
 */
import type { WorkingTime } from '../../engine/calendar-port.js'
import { catalogueIndex, DossierTableBuilder, prepareFromBuilder, type PreparedData } from '../../engine/prepare/dossier-table.js'
import { loadDataDir, type LoadDataDirOptions, type LoadDataDirResult } from './data-dir.js'

export interface LoadPreparedResult extends Omit<LoadDataDirResult, 'dataset'> {
  prepared: PreparedData
}

/** Load `dir` and prepare it for scoring with the working-day calendar `cal`. */
export async function loadPrepared(dir: string, cal: WorkingTime, options: Omit<LoadDataDirOptions, 'dossierSink'> = {}): Promise<LoadPreparedResult> {
  let builder: DossierTableBuilder | null = null
  let applies: Uint8Array | null = null
  const { dataset, ...rest } = await loadDataDir(dir, {
    ...options,
    dossierSink: (units, procedures) => {
      const index = catalogueIndex(units, procedures)
      applies = index.applies
      builder = new DossierTableBuilder(index.units, procedures, index.procIndex, cal)
      return builder
    },
  })
  if (builder === null || applies === null) throw new Error('loadDataDir did not open the dossier sink')
  return { ...rest, prepared: prepareFromBuilder(dataset, builder, applies) }
}
