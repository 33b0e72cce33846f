/**
 * @module adapters/import
 * Input adapters: a data folder (national DongBoHoSoMC / CapNhatTienDoHoSoMC payloads plus the
 * office's catalogue, petitions and ratings) → the engine's `Dataset`. See `docs/data-formats.md`.
 */

// Loading a whole folder
export {
  DATA_FILES,
  DataDirError,
  loadDataDir,
  type FileLoadStats,
  type LoadDataDirOptions,
  type LoadDataDirResult,
  type LoadDataDirStats,
} from './data-dir.js'

// Import problems
export {
  countIssues,
  describeRecord,
  formatIssue,
  summarizeIssues,
  type ImportIssue,
  type IssueCounts,
  type IssueSeverity,
  type RecordKind,
} from './issues.js'

// One record at a time (for the HTTP sync endpoint and other adapters)
export {
  buildUnitDirectory,
  createDossierContext,
  NATIONAL_PROCEDURE_CODE,
  normalizeDossier,
  normalizeUnitName,
  resolveUnitName,
  type DossierContext,
  type NormalizeDossierResult,
  type UnitDirectory,
} from './dongbohosomc.js'
export { normalizeStep, StepTimeline, type NormalizeStepResult, type StepRef } from './steps.js'
export { asEnvelope, type Envelope, type ServiceName } from './envelope.js'

// Catalogue, petitions, ratings, sync reports
export {
  parseProcedures,
  parseUnits,
  type ParseProceduresResult,
  type ParseUnitsResult,
} from './catalog.js'
export {
  parsePetitions,
  parseRatings,
  parseSyncReports,
  type ParsePetitionsResult,
  type ParseRatingsResult,
  type ParseSyncReportsResult,
  type ReferenceSets,
} from './petitions.js'

// Value parsers
export { parseLooseDateTime, parsePayloadDate, type ParsedDate } from './parse-values.js'
export { forEachLine } from './ndjson.js'
