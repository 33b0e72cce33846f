/**
 * @module adapters/store/read-store
 * Reading records back from a store: the small tables as engine records (units, procedures,
 * petitions, ratings, sync reports), one dossier with its stored context and steps, portal
 * snapshots, and the store settings. Dossiers in bulk are streamed by `load-prepared.ts`.
 */
import type { Dossier, Instant, Petition, ProcessStep, Procedure, Rating, SyncReport, Unit } from '../../engine/model.js'
import {
  HEADER_COLUMNS,
  DOSSIER_COLUMNS,
  dossierFromRow,
  PETITION_COLUMNS,
  petitionFromRow,
  PROCEDURE_COLUMNS,
  procedureFromRow,
  RATING_COLUMNS,
  ratingFromRow,
  STEP_COLUMNS,
  stepFromRow,
  SYNC_REPORT_COLUMNS,
  syncReportFromRow,
  UNIT_COLUMNS,
  unitFromRow,
} from './rows.js'
import type { Store } from './store.js'
import { numOrNull, textOrNull } from './schema.js'

/** Setting holding the MaCSDL codes of the population database (`settings.json` of a folder). */
export const POPULATION_CODES_SETTING = 'populationDatabaseCodes'

/** Units in the order they were first imported. */
export async function readUnits(store: Store): Promise<Unit[]> {
  return (await store.readTable('units', UNIT_COLUMNS)).map(unitFromRow)
}

/** Procedures (the catalogue records as imported) in the order they were first imported. */
export async function readProcedures(store: Store): Promise<Procedure[]> {
  return (await store.readTable('procedures', PROCEDURE_COLUMNS)).map(procedureFromRow)
}

/** Petitions in the order they were first imported. */
export async function readPetitions(store: Store): Promise<Petition[]> {
  return (await store.readTable('petitions', PETITION_COLUMNS)).map(petitionFromRow)
}

/** Ratings in the order they were first imported. */
export async function readRatings(store: Store): Promise<Rating[]> {
  return (await store.readTable('ratings', RATING_COLUMNS)).map(ratingFromRow)
}

/** Sync reports in the order they were first imported. */
export async function readSyncReports(store: Store): Promise<SyncReport[]> {
  return (await store.readTable('sync_reports', SYNC_REPORT_COLUMNS)).map(syncReportFromRow)
}

/** The population-database codes in force for the store (empty when never set). */
export async function readPopulationDatabaseCodes(store: Store): Promise<string[]> {
  const value = await store.getSetting(POPULATION_CODES_SETTING)
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

/** A stored dossier: the canonical record and what it was built from. */
export interface StoredDossier {
  dossier: Dossier
  /** The DongBoHoSoMC object as received (JSON text). */
  rawPayload: string
  envelopeUnit: string | null
  declaredUnit: string | null
  sourceFile: string
  sourcePosition: number | null
  sourceLine: number | null
  /** Latest event instant of the header (the version rule), or null. */
  version: Instant | null
  statusRank: number
  payloadHash: string
  recordHash: string
  firstSeenRun: number
  lastRun: number
  updatedAt: Instant
}

const STORED_COLUMNS = [...DOSSIER_COLUMNS, ...HEADER_COLUMNS, 'last_run', 'updated_at']

/** One dossier by MaHoSo, or null. */
export async function readDossier(store: Store, id: string): Promise<StoredDossier | null> {
  const rows = await store.transaction((tx) => tx.get('dossiers', [id], STORED_COLUMNS))
  const r = rows.get(id)
  if (r === undefined) return null
  const n = DOSSIER_COLUMNS.length
  const opt = (v: unknown) => (v === null ? null : Number(v))
  return {
    dossier: dossierFromRow(r),
    rawPayload: String(r[n]),
    envelopeUnit: textOrNull(r[n + 1]),
    declaredUnit: textOrNull(r[n + 2]),
    sourceFile: String(r[n + 3]),
    sourcePosition: opt(r[n + 4]),
    sourceLine: opt(r[n + 5]),
    version: opt(r[n + 6]),
    statusRank: Number(r[n + 7]),
    payloadHash: String(r[n + 8]),
    recordHash: String(r[n + 9]),
    firstSeenRun: Number(r[n + 10]),
    lastRun: Number(r[n + 11]),
    updatedAt: Number(r[n + 12]),
  }
}

/** The merged step timeline of a dossier (stored or pending), by time then arrival. */
export async function readSteps(store: Store, dossierId: string): Promise<ProcessStep[]> {
  const groups = await store.transaction((tx) => tx.getMany('dossier_steps', 'dossier_id', [dossierId], STEP_COLUMNS))
  return (groups.get(dossierId) ?? []).map((r) => stepFromRow(dossierId, r))
}

/** A stored response of the portal's evaluation API. */
export interface PortalSnapshot {
  /** Portal group (`transparency`, `dvc-progress-tree`…). */
  group: string
  /** Vietnamese label of the period, when the response states it. */
  periodLabel: string | null
  /** `YYYY-MM-DD`, when known. */
  periodFrom: string | null
  periodTo: string | null
  fileName: string
  capturedAt: Instant | null
  importedAt: Instant
  /** The response body as received. */
  body: string
  runId: number
}

/** Every stored portal snapshot, oldest import first. */
export async function readPortalSnapshots(store: Store): Promise<PortalSnapshot[]> {
  const rows = await store.readTable('portal_snapshots', [
    'group_name',
    'period_label',
    'period_from',
    'period_to',
    'file_name',
    'captured_at',
    'imported_at',
    'body',
    'run_id',
  ])
  return rows.map((r) => ({
    group: String(r[0]),
    periodLabel: textOrNull(r[1]),
    periodFrom: textOrNull(r[2]),
    periodTo: textOrNull(r[3]),
    fileName: String(r[4]),
    capturedAt: numOrNull(r[5]),
    importedAt: Number(r[6]),
    body: String(r[7]),
    runId: Number(r[8]),
  }))
}
