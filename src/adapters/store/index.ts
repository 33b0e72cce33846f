/**
 * @module adapters/store
 * The store: one schema on SQLite (embedded default, one file, WAL) and PostgreSQL
 * (`DATABASE_URL=postgres://…`), imports as runs, and reading for scoring. See `docs/storage.md`.
 */

// Opening a store, its interface
export {
  defaultActor,
  openStore,
  StoreError,
  type AppliedMigration,
  type AuditEntry,
  type ColumnValue,
  type Dialect,
  type ImportKind,
  type ImportRun,
  type OpenStoreOptions,
  type Row,
  type RunCounts,
  type RunStatus,
  type Store,
  type StoredIssue,
  type StoreLocation,
  type StoreTx,
  type StreamDossiersOptions,
  type TableName,
} from './store.js'

// Imports (each one run)
export {
  importDataDir,
  importDossierPayload,
  importDossiers,
  importPetitions,
  importPortalSnapshot,
  importProcedures,
  importRatings,
  importStepPayload,
  importSteps,
  importSyncReports,
  importUnits,
  type BatchProgress,
  type DataDirImportOptions,
  type DataDirImportResult,
  type DossierImportOptions,
  type DossierImportResult,
  type ImportOptions,
  type ImportResult,
  type PayloadImportOptions,
  type PendingSteps,
  type PortalImportOptions,
  type StepImportOptions,
  type StepImportResult,
} from './import-run.js'

// Reading
export { loadPreparedFromStore, type LoadPreparedFromStoreOptions, type LoadPreparedFromStoreResult } from './load-prepared.js'
export {
  POPULATION_CODES_SETTING,
  readDossier,
  readPetitions,
  readPopulationDatabaseCodes,
  readPortalSnapshots,
  readProcedures,
  readRatings,
  readSteps,
  readSyncReports,
  readUnits,
  type PortalSnapshot,
  type StoredDossier,
} from './read-store.js'

// The version rule, schema and migrations
export { compareVersions, headerVersion, STATUS_RANK, statusRank, type HeaderVersion } from './rows.js'
export { TABLES, TABLE_NAMES, type ColumnSpec, type ColumnType, type TableSpec } from './schema.js'
export { loadMigrations, migrationsDir, type Migration } from './migrations.js'
