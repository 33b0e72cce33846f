/**
 * @module adapters/import/data-dir
 * Reads an office's data folder into a `Dataset`: the catalogue (`units.json`,
 * `procedures.json`), the dossiers (`dossiers.json` or the streamed `dossiers.ndjson`), their
 * steps (`steps.json` / `steps.ndjson`, read first so that dossier derivations can use them) and
 * the optional petitions, ratings and sync reports. Problems are returned as issues; only a
 * folder that cannot be read as a whole throws a {@link DataDirError}. Format:
 * `docs/data-formats.md`.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Dataset, Dossier, ProcessStep, Procedure, Unit } from '../../engine/model.js'
import { parseProcedures, parseUnits } from './catalog.js'
import { buildUnitDirectory, createDossierContext, normalizeDossier } from './dongbohosomc.js'
import { asEnvelope, checkService, type Envelope, type ServiceName } from './envelope.js'
import { describeRecord, fileIssue, type ImportIssue } from './issues.js'
import { MESSAGES } from './messages.js'
import { forEachLine } from './ndjson.js'
import { codeOf, isObject, parseJson, quote } from './parse-values.js'
import { parsePetitions, parseRatings, parseSyncReports } from './petitions.js'
import { normalizeStep, StepTimeline } from './steps.js'

/** A data folder that cannot be imported at all (missing required file, unreadable file…). */
export class DataDirError extends Error {
  override name = 'DataDirError'

  /**
   * @param message Vietnamese sentence naming the folder or file
   * @param file the file concerned, or null for the folder itself
   */
  constructor(
    message: string,
    readonly file: string | null = null,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

/** Options of {@link loadDataDir}. */
export interface LoadDataDirOptions {
  /**
   * MaCSDL codes that denote the population database (§10.2 `populationDbConnected`).
   * @default [] (no dossier is marked as connected; the code table is unknown)
   */
  populationDatabaseCodes?: string[]
  /**
   * Receive accepted dossiers instead of keeping them in `dataset.dossiers` (which stays empty):
   * called once units and procedures are read; `put(slot, d)` appends at the next slot or replaces
   * an earlier slot with a newer version of the same MaHoSo. Lets a million dossiers stream into a
   * columnar table without being held as objects.
   */
  dossierSink?: (units: Unit[], procedures: Procedure[]) => { put(slot: number, dossier: Dossier): void }
  /**
   * Unit credited with dossiers whose unit nothing else resolves (§10.2 `unitCode` step 4).
   * Must be a code of `units.json`.
   */
  declaredUnit?: string
}

/** Counts of one file. */
export interface FileLoadStats {
  file: string
  /** Records read (for NDJSON: dossiers or steps, plus lines that are not valid JSON). */
  records: number
  /** Records kept (for dossiers, including those later replaced by a newer push). */
  accepted: number
  /** Records rejected. */
  rejected: number
  warnings: number
  /** Reading, parsing and normalizing time, in milliseconds. */
  ms: number
}

/** Counts of a load. */
export interface LoadDataDirStats {
  files: FileLoadStats[]
  /** Dossiers replaced by a later record with the same MaHoSo. */
  dossiersReplaced: number
  /** Steps ignored because the same (MaHoSo, ThoiDiemXuLy, TrangThai) was already present. */
  duplicateSteps: number
  /** Steps dropped because no accepted dossier has their MaHoSo. */
  orphanSteps: number
  totalMs: number
}

/** Result of {@link loadDataDir}. */
export interface LoadDataDirResult {
  dataset: Dataset
  issues: ImportIssue[]
  stats: LoadDataDirStats
  /** Settings in force: the options merged with the folder's `settings.json`. */
  settings: { populationDatabaseCodes: string[] }
}

/** The files of a data folder, in loading order. */
export const DATA_FILES = Object.freeze({
  units: 'units.json',
  procedures: 'procedures.json',
  stepsJson: 'steps.json',
  stepsNdjson: 'steps.ndjson',
  dossiersJson: 'dossiers.json',
  dossiersNdjson: 'dossiers.ndjson',
  petitions: 'petitions.json',
  ratings: 'ratings.json',
  syncReports: 'sync-reports.json',
  settings: 'settings.json',
})

/**
 * `settings.json` (optional): settings of the data folder, e.g.
 * `{ "populationDatabaseCodes": ["7"] }` — the MaCSDL codes that mean the population database
 * (4.5a, 4.5b; the national code table is unknown, so there is no built-in default).
 */
async function readSettings(dir: string, present: Set<string>, issues: ImportIssue[]): Promise<string[]> {
  if (!present.has(DATA_FILES.settings)) return []
  const raw = await readJson(dir, DATA_FILES.settings, false, issues)
  if (raw === undefined) return []
  const codes = (raw as { populationDatabaseCodes?: unknown } | null)?.populationDatabaseCodes
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (codes !== undefined && (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')))) {
    issues.push(fileIssue('error', DATA_FILES.settings, 'settings.json phải là một đối tượng, với "populationDatabaseCodes" là một mảng chuỗi (ví dụ ["7"]); tệp bị bỏ qua'))
    return []
  }
  return (codes as string[] | undefined) ?? []
}

const NO_STEPS: readonly ProcessStep[] = Object.freeze([])

class FileTally {
  records = 0
  rejected = 0
  private readonly started = performance.now()
  private readonly firstIssue: number

  constructor(
    readonly file: string,
    private readonly issues: ImportIssue[]
  ) {
    this.firstIssue = issues.length
  }

  done(): FileLoadStats {
    let warnings = 0
    for (let i = this.firstIssue; i < this.issues.length; i++) {
      const issue = this.issues[i]
      if (issue.file === this.file && issue.severity === 'warning') warnings++
    }
    return {
      file: this.file,
      records: this.records,
      accepted: this.records - this.rejected,
      rejected: this.rejected,
      warnings,
      ms: Math.round((performance.now() - this.started) * 10) / 10,
    }
  }
}

function pushAll(target: ImportIssue[], source: readonly ImportIssue[]): void {
  for (let i = 0; i < source.length; i++) target.push(source[i])
}

/**
 * Read a whole JSON file. Required files that cannot be read or parsed throw; optional ones give
 * a file-level error issue and `undefined`.
 */
async function readJson(
  dir: string,
  file: string,
  required: boolean,
  issues: ImportIssue[]
): Promise<unknown> {
  let text: string
  try {
    text = await readFile(join(dir, file), 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const message =
      code === 'ERR_STRING_TOO_LONG' || e instanceof RangeError
        ? MESSAGES.fileTooLarge(file)
        : MESSAGES.fileUnreadable(file, code ?? (e as Error).message)
    throw new DataDirError(message, file, { cause: e })
  }
  const parsed = parseJson(text)
  if (parsed.ok) return parsed.value
  const text2 = MESSAGES.notJson(parsed.place)
  if (required) throw new DataDirError(MESSAGES.requiredFileInvalid(file, text2), file)
  issues.push(fileIssue('error', file, text2))
  return undefined
}

/** Shape check of a catalogue file read whole: required files must be arrays. */
function requireArray(file: string, value: unknown): void {
  if (!Array.isArray(value)) {
    throw new DataDirError(
      MESSAGES.requiredFileInvalid(file, MESSAGES.badTopLevel('một mảng JSON ([ … ])')),
      file
    )
  }
}

/**
 * Feed the records of a payload file to `onRecord`: a JSON file holds a bare array or one
 * envelope; an NDJSON file holds one record or one envelope per line, streamed.
 */
async function readPayloadFile(
  dir: string,
  file: string,
  service: ServiceName,
  required: boolean,
  issues: ImportIssue[],
  tally: FileTally,
  onRecord: (raw: unknown, envelope: Envelope | null, line: number | null) => void
): Promise<void> {
  if (file.endsWith('.ndjson')) {
    try {
      await forEachLine(join(dir, file), (text, line) => {
        if (text.length === 0 || text.trim().length === 0) return
        const parsed = parseJson(text)
        if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
          tally.records++
          tally.rejected++
          const reason = parsed.ok ? MESSAGES.lineNotRecord : MESSAGES.notJson(parsed.place)
          issues.push(fileIssue('error', file, reason, line))
          return
        }
        const envelope = asEnvelope(parsed.value)
        if (envelope === null) {
          onRecord(parsed.value, null, line)
          return
        }
        const warning = checkService(envelope, service, file, line)
        if (warning) issues.push(warning)
        for (const raw of envelope.records) onRecord(raw, envelope, line)
      })
    } catch (e) {
      if (e instanceof DataDirError) throw e
      const code = (e as NodeJS.ErrnoException).code
      throw new DataDirError(MESSAGES.fileUnreadable(file, code ?? (e as Error).message), file, {
        cause: e,
      })
    }
    return
  }
  const payload = await readJson(dir, file, required, issues)
  if (payload === undefined) return
  const envelope = asEnvelope(payload)
  if (envelope === null) {
    const expected = MESSAGES.badTopLevel(
      service === 'DongBoHoSoMC'
        ? 'một mảng hồ sơ hoặc gói {service, isUpdating, madonvi, data}'
        : 'một mảng bước xử lý hoặc gói {service, madonvi, data}'
    )
    if (required) throw new DataDirError(MESSAGES.requiredFileInvalid(file, expected), file)
    issues.push(fileIssue('error', file, expected))
    return
  }
  const warning = checkService(envelope, service, file)
  if (warning) issues.push(warning)
  const hasEnvelope = !Array.isArray(payload)
  for (const raw of envelope.records) onRecord(raw, hasEnvelope ? envelope : null, null)
}

/** Pick the one present file among two formats; throws if both are. */
function pickOne(present: ReadonlySet<string>, dir: string, a: string, b: string): string | null {
  if (present.has(a) && present.has(b)) throw new DataDirError(MESSAGES.bothFormats(a, b, dir), a)
  return present.has(a) ? a : present.has(b) ? b : null
}

/**
 * Load a data folder into a `Dataset`.
 *
 * Required: `units.json`, `procedures.json`, and `dossiers.json` or `dossiers.ndjson`.
 * Optional: `steps.json` or `steps.ndjson`, `petitions.json`, `ratings.json`, `sync-reports.json`.
 * Dossier files hold DongBoHoSoMC objects as a bare array, an envelope
 * `{service, isUpdating, madonvi, data}`, or NDJSON (one dossier or one envelope per line, read as
 * a stream). A MaHoSo seen twice: the later record replaces the earlier (warning). Steps whose
 * MaHoSo matches no accepted dossier are dropped (one warning per MaHoSo).
 *
 * @param dir the data folder
 * @param options population-database codes and the declared unit
 * @throws {DataDirError} when the folder or a required file is missing, unreadable, not JSON or
 *   not of the expected shape, when both formats of one file are present, or when the declared
 *   unit is not in `units.json`
 * @example
 * const { dataset, issues } = await loadDataDir('data/ubnd-xa-hy-cuong')
 * console.log(summarizeIssues(issues))
 */
export async function loadDataDir(
  dir: string,
  options: LoadDataDirOptions = {}
): Promise<LoadDataDirResult> {
  const started = performance.now()
  const issues: ImportIssue[] = []
  const files: FileLoadStats[] = []

  let present: Set<string>
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('ENOTDIR')
    present = new Set(await readdir(dir))
  } catch (e) {
    throw new DataDirError(MESSAGES.dataDirMissing(dir), null, { cause: e })
  }
  for (const file of [DATA_FILES.units, DATA_FILES.procedures]) {
    if (!present.has(file)) throw new DataDirError(MESSAGES.requiredFileMissing(file, dir), file)
  }
  const dossierFile = pickOne(present, dir, DATA_FILES.dossiersJson, DATA_FILES.dossiersNdjson)
  if (dossierFile === null) {
    throw new DataDirError(MESSAGES.dossierFileMissing(dir), DATA_FILES.dossiersJson)
  }
  const stepFile = pickOne(present, dir, DATA_FILES.stepsJson, DATA_FILES.stepsNdjson)

  // Catalogue
  let tally = new FileTally(DATA_FILES.units, issues)
  const unitsPayload = await readJson(dir, DATA_FILES.units, true, issues)
  requireArray(DATA_FILES.units, unitsPayload)
  const parsedUnits = parseUnits(unitsPayload, DATA_FILES.units)
  pushAll(issues, parsedUnits.issues)
  tally.records = (unitsPayload as unknown[]).length
  tally.rejected = tally.records - parsedUnits.units.length
  files.push(tally.done())
  const directory = buildUnitDirectory(parsedUnits.units)

  tally = new FileTally(DATA_FILES.procedures, issues)
  const proceduresPayload = await readJson(dir, DATA_FILES.procedures, true, issues)
  requireArray(DATA_FILES.procedures, proceduresPayload)
  const parsedProcedures = parseProcedures(
    proceduresPayload,
    directory.codes,
    DATA_FILES.procedures
  )
  pushAll(issues, parsedProcedures.issues)
  tally.records = (proceduresPayload as unknown[]).length
  tally.rejected = tally.records - parsedProcedures.procedures.length
  files.push(tally.done())

  let declaredUnit: string | null = null
  if (options.declaredUnit !== undefined && options.declaredUnit.trim() !== '') {
    declaredUnit = options.declaredUnit.trim()
    if (!directory.codes.has(declaredUnit)) {
      throw new DataDirError(MESSAGES.declaredUnitUnknown(declaredUnit), DATA_FILES.units)
    }
  }

  // Steps, before dossiers (§10.2 derivations use them)
  const timeline = new StepTimeline()
  if (stepFile !== null) {
    const stepTally = new FileTally(stepFile, issues)
    const ref = { file: stepFile, index: 0, line: null as number | null }
    const onStep = (raw: unknown, _envelope: Envelope | null, line: number | null) => {
      stepTally.records++
      ref.index++
      ref.line = line
      const { step, issues: found } = normalizeStep(raw, ref)
      if (found.length > 0) pushAll(issues, found)
      if (step === null) stepTally.rejected++
      else timeline.add(step)
    }
    await readPayloadFile(dir, stepFile, 'CapNhatTienDoHoSoMC', false, issues, stepTally, onStep)
    timeline.finish()
    files.push(stepTally.done())
  }

  // Dossiers
  const dossierTally = new FileTally(dossierFile, issues)
  const populationDatabaseCodes = [...new Set([...(options.populationDatabaseCodes ?? []), ...(await readSettings(dir, present, issues))].map((c) => c.trim()).filter((c) => c !== ''))]
  const dossiers: Dossier[] = []
  const sink = options.dossierSink?.(parsedUnits.units, parsedProcedures.procedures)
  /** National procedure code per slot (for the unknown-procedure warnings). */
  const procOfSlot: string[] = []
  // Position in `dossiers` by MaHoSo; per position, the record index and the steps used
  const slotOf = new Map<string, number>()
  const recordIndexOfSlot: number[] = []
  const stepsOfSlot: (readonly ProcessStep[])[] = []
  let dossiersReplaced = 0
  const ctx = createDossierContext({
    file: dossierFile,
    units: directory,
    index: 0,
    declaredUnit,
    populationDatabaseCodes: new Set(populationDatabaseCodes),
  })
  const warnedEnvelopeUnits = new Set<string>()
  const onDossier = (raw: unknown, envelope: Envelope | null, line: number | null) => {
    dossierTally.records++
    ctx.index++
    ctx.line = line
    ctx.envelopeUnit = envelope?.unit ?? null
    if (ctx.envelopeUnit !== null && !directory.codes.has(ctx.envelopeUnit)) {
      if (!warnedEnvelopeUnits.has(ctx.envelopeUnit)) {
        warnedEnvelopeUnits.add(ctx.envelopeUnit)
        issues.push(
          fileIssue(
            'warning',
            dossierFile,
            MESSAGES.envelopeUnitUnknown(quote(ctx.envelopeUnit)),
            line,
            ctx.envelopeUnit,
            'madonvi'
          )
        )
      }
    }
    const id = isObject(raw) ? codeOf(raw.MaHoSo) : null
    ctx.steps = id ? timeline.stepsFor(id) : NO_STEPS
    const { dossier, issues: found } = normalizeDossier(raw, ctx)
    if (found.length > 0) pushAll(issues, found)
    if (dossier === null) {
      dossierTally.rejected++
      return
    }
    const slot = slotOf.get(dossier.id)
    if (slot === undefined) {
      const next = recordIndexOfSlot.length
      slotOf.set(dossier.id, next)
      if (sink) sink.put(next, dossier)
      else dossiers.push(dossier)
      procOfSlot.push(dossier.procedureCode)
      recordIndexOfSlot.push(ctx.index)
      stepsOfSlot.push(ctx.steps)
      return
    }
    // §10.1 repeated pushes: the latest accepted record replaces the header
    dossiersReplaced++
    issues.push({
      severity: 'warning',
      file: dossierFile,
      index: ctx.index,
      key: dossier.id,
      field: 'MaHoSo',
      message: `${describeRecord('dossier', dossierFile, ctx.index, dossier.id, line)}: ${
        MESSAGES.duplicateDossier(recordIndexOfSlot[slot])
      }`,
      ...(line === null ? {} : { line }),
    })
    if (sink) sink.put(slot, dossier)
    else dossiers[slot] = dossier
    procOfSlot[slot] = dossier.procedureCode
    recordIndexOfSlot[slot] = ctx.index
  }
  await readPayloadFile(dir, dossierFile, 'DongBoHoSoMC', true, issues, dossierTally, onDossier)
  files.push(dossierTally.done())

  // Procedures unknown to the catalogue: one warning per code
  const procedureCodes = new Set(parsedProcedures.procedures.map((p) => p.code))
  const unknownProcedures = new Map<string, number>()
  for (const code of procOfSlot) {
    if (!procedureCodes.has(code)) unknownProcedures.set(code, (unknownProcedures.get(code) ?? 0) + 1)
  }
  for (const [code, count] of unknownProcedures) {
    const text = MESSAGES.unknownProcedure(count, code)
    issues.push(fileIssue('warning', dossierFile, text, null, code, 'MaTTHC'))
  }

  // Steps of accepted dossiers; the others are dropped (one warning per MaHoSo)
  let steps: ProcessStep[] | undefined
  let orphanSteps = 0
  if (stepFile !== null) {
    steps = []
    for (const own of stepsOfSlot) {
      for (let i = 0; i < own.length; i++) steps.push(own[i])
    }
    for (const id of timeline.dossierIds()) {
      if (slotOf.has(id)) continue
      const count = timeline.stepsFor(id).length
      orphanSteps += count
      const text = MESSAGES.stepsOfUnknownDossier(count, id, dossierFile)
      issues.push(fileIssue('warning', stepFile, text, null, id, 'MaHoSo'))
    }
  }

  // Petitions, ratings, sync reports (optional)
  const refs = { units: directory.codes, dossiers: slotOf }
  const dataset: Dataset = {
    units: parsedUnits.units,
    procedures: parsedProcedures.procedures,
    dossiers,
    petitions: [],
    ratings: [],
  }
  if (steps !== undefined) dataset.steps = steps
  /** Read one optional record file, parse it, count it; `undefined` when absent or unreadable. */
  const optional = async <T>(file: string, parse: (payload: unknown) => { issues: readonly ImportIssue[] } & T): Promise<T | undefined> => {
    if (!present.has(file)) return undefined
    const t = new FileTally(file, issues)
    const payload = await readJson(dir, file, false, issues)
    let parsed: T | undefined
    if (payload !== undefined) {
      const result = parse(payload)
      pushAll(issues, result.issues)
      parsed = result
      t.records = Array.isArray(payload) ? payload.length : 0
      t.rejected = countRejected(result.issues)
    }
    files.push(t.done())
    return parsed
  }
  const petitions = await optional(DATA_FILES.petitions, (p) => parsePetitions(p, refs, DATA_FILES.petitions))
  if (petitions) dataset.petitions = petitions.petitions
  const ratings = await optional(DATA_FILES.ratings, (p) => parseRatings(p, refs, DATA_FILES.ratings))
  if (ratings) dataset.ratings = ratings.ratings
  const reports = await optional(DATA_FILES.syncReports, (p) => parseSyncReports(p, refs, DATA_FILES.syncReports))
  if (reports) dataset.syncReports = reports.syncReports

  return {
    dataset,
    issues,
    stats: {
      files,
      dossiersReplaced,
      duplicateSteps: timeline.duplicates,
      orphanSteps,
      totalMs: Math.round((performance.now() - started) * 10) / 10,
    },
    settings: { populationDatabaseCodes },
  }
}

function countRejected(issues: readonly ImportIssue[]): number {
  const rejected = new Set<number>()
  for (const issue of issues) {
    if (issue.severity === 'error' && issue.index !== null) rejected.add(issue.index)
  }
  return rejected.size
}
