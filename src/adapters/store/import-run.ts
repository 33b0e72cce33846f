/**
 * @module adapters/store/import-run
 * Imports into the store, written once over the `Store` primitives for both databases. Each
 * import is a run; records are read with the import adapter's parsers and normalizers and
 * committed in batches, one transaction per batch (records, steps, errors and counters together).
 *
 * Dossiers are upserted by MaHoSo with the version rule of `rows.ts`: a newer header replaces the
 * stored one, an older one arriving late is kept out (`stale`, a warning), an identical one is a
 * no-op, an equal version with another payload replaces it (the later push wins). Steps are merged
 * append-only by (MaHoSo, ThoiDiemXuLy, raw TrangThai); a stored dossier that gains steps is
 * normalized again from its stored payload and all its steps; steps of a dossier not yet stored
 * wait for it. Units, procedures, petitions, ratings, sync reports and portal snapshots are in
 * `import-records.ts`. See `docs/storage.md`.
 */
import { readdir, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { Dossier, Instant, ProcessStep } from '../../engine/model.js'
import { vnDateTime } from '../../engine/time/time.js'
import { DATA_FILES } from '../import/data-dir.js'
import { buildUnitDirectory, createDossierContext, normalizeDossier, type DossierContext, type UnitDirectory } from '../import/dongbohosomc.js'
import { describeRecord, fileIssue, type ImportIssue } from '../import/issues.js'
import { MESSAGES } from '../import/messages.js'
import { codeOf, isObject, quote } from '../import/parse-values.js'
import { normalizeStep } from '../import/steps.js'
import { DEFAULT_MAPPING, loadColumnMapping, readTabularDossiers, tabularFormatOf } from '../import/tabular/index.js'
import { importPetitions, importProcedures, importRatings, importSyncReports, importUnits } from './import-records.js'
import { STORE_MESSAGES } from './messages.js'
import { readJsonFile, readPayloadBody, readPayloadFile, type PayloadItem, type PayloadSink } from './payload-reader.js'
import { POPULATION_CODES_SETTING, readPopulationDatabaseCodes, readUnits } from './read-store.js'
import {
  compareVersions,
  HEADER_COLUMNS,
  dossierToRow,
  hashText,
  headerVersion,
  STEP_COLUMNS,
  stepFromRow,
  stepKey,
  statusRank,
  type HeaderVersion,
} from './rows.js'
import { checkFiles, emptyBatch, runImport, type Batch, type ImportOptions, type ImportResult, type Run } from './run.js'
import type { ColumnValue, Row } from './schema.js'
import { StoreError } from './store-error.js'
import type { Store, StoreTx } from './store.js'

export {
  importPetitions,
  importPortalSnapshot,
  importProcedures,
  importRatings,
  importSyncReports,
  importUnits,
  RECORD_IMPORTERS,
  type PortalImportOptions,
} from './import-records.js'
export type { BatchProgress, ImportOptions, ImportResult } from './run.js'

/** Options of {@link importDossiers}. */
export interface DossierImportOptions extends ImportOptions {
  /**
   * Unit credited with dossiers nothing else resolves (§10.2 `unitCode` step 4); must be a
   * stored unit. Remembered per dossier, for later re-normalization.
   */
  declaredUnit?: string
  /**
   * MaCSDL codes of the population database. When given they become the store's setting (used
   * by later runs too, and when steps re-normalize a dossier); else the stored setting applies.
   */
  populationDatabaseCodes?: string[]
  /** Return the canonical records written (new or newer) in `stored` (for the real-time feed). */
  collect?: boolean
  /**
   * Steps stored before this run for dossiers not yet stored (`StepImportResult.pending`): those
   * whose dossier is still missing after the run get one warning each.
   */
  stepsAwaiting?: readonly PendingSteps[]
  /** Column mapping (YAML/JSON) for CSV and Excel files; default: the built-in mapping. */
  mappingFile?: string
}

/** Steps kept for a dossier that is not stored (yet). */
export interface PendingSteps {
  dossierId: string
  /** Number of steps. */
  steps: number
  /** File (or source) the first of them came from. */
  file: string
}

/** Result of a dossier import. */
export interface DossierImportResult extends ImportResult {
  /** With `collect`: the canonical records written, one per MaHoSo (the latest). */
  stored: Dossier[]
}

/** Options of {@link importSteps}. */
export interface StepImportOptions extends ImportOptions {
  /** Return the dossiers re-normalized from their merged steps in `stored`. */
  collect?: boolean
  /**
   * Warn about steps whose dossier is not stored (one warning per MaHoSo). `importDataDir` turns
   * it off and lets the dossier run warn about those still missing after it. @default true
   */
  warnPending?: boolean
}

/** Result of a step import: `inserted` new steps, `unchanged` duplicates, `updated` dossiers. */
export interface StepImportResult extends ImportResult {
  /** With `collect`: the stored dossiers whose canonical record changed with the new steps. */
  stored: Dossier[]
  /** Steps kept for dossiers not stored, per MaHoSo. */
  pending: PendingSteps[]
}

/** Options of the body imports (an HTTP push instead of a file). */
export interface PayloadImportOptions extends DossierImportOptions {
  /** Name of the source in messages and in the run (e.g. `DongBoHoSoMC`). */
  source?: string
  /** Unit of the push when the body has no `madonvi` (the query's `MaDinhDanhDV`). */
  envelopeUnit?: string | null
}

/** Columns of a stored dossier the version rule compares. */
const STATE_COLUMNS = ['version', 'status_rank', 'payload_hash', 'record_hash', 'status']

const NO_STEPS: readonly ProcessStep[] = Object.freeze([])

/** A stored (or just written) dossier, as the version rule sees it. */
interface DossierState extends HeaderVersion {
  payloadHash: string
  recordHash: string
  status: string
}

/** What normalizing needs from the store: the unit directory, procedures, settings. */
interface StoreCatalogue {
  directory: UnitDirectory
  procedureCodes: ReadonlySet<string>
  populationDatabaseCodes: string[]
  unitCount: number
}

async function loadCatalogue(store: Store, codes?: readonly string[]): Promise<StoreCatalogue> {
  const units = await readUnits(store)
  const procedureCodes = new Set((await store.readTable('procedures', ['code'])).map((r) => String(r[0])))
  const populationDatabaseCodes =
    codes === undefined ? await readPopulationDatabaseCodes(store) : [...new Set(codes.map((c) => c.trim()).filter((c) => c !== ''))]
  return { directory: buildUnitDirectory(units), procedureCodes, populationDatabaseCodes, unitCount: units.length }
}

function pushAll(target: ImportIssue[], source: readonly ImportIssue[]): void {
  for (let i = 0; i < source.length; i++) target.push(source[i])
}

function when(t: Instant | null): string {
  return t === null ? STORE_MESSAGES.noEventTime : vnDateTime(t)
}

/** A dossier row with the columns besides the canonical ones. */
function fullRow(d: Dossier, extra: Row): Row {
  const row = dossierToRow(d)
  for (const k in extra) row[k] = extra[k]
  return row
}

// ---------------------------------------------------------------------------------------------
// Re-normalization of a stored dossier with its merged steps

/**
 * Normalize a stored dossier again with `steps` (its whole merged timeline): the derived values
 * (finish time, supplement requests, status when the header has none) can come from the steps.
 * Returns the new row when the canonical record changed, null when it did not; a rejection (not
 * expected: steps never make a header worse) gives a warning and keeps the stored record.
 */
function renormalize(
  ctx: DossierContext,
  id: string,
  header: readonly ColumnValue[],
  steps: readonly ProcessStep[],
  runId: number,
  now: Instant,
  batch: Batch
): { row: Row; dossier: Dossier } | null {
  const [raw, envelopeUnit, declaredUnit, file, position, line, version, rank, payloadHash, recordHash, firstSeen] = header
  ctx.file = String(file)
  ctx.index = position === null ? 0 : Number(position)
  ctx.line = line === null ? null : Number(line)
  ctx.envelopeUnit = envelopeUnit === null ? null : String(envelopeUnit)
  ctx.declaredUnit = declaredUnit === null ? null : String(declaredUnit)
  ctx.steps = steps
  const { dossier, issues } = normalizeDossier(JSON.parse(String(raw)), ctx)
  ctx.declaredUnit = null
  if (dossier === null) {
    const reason = issues.find((i) => i.severity === 'error')?.message ?? ''
    batch.issues.push(fileIssue('warning', ctx.file, STORE_MESSAGES.renormalizeRejected(id, reason), ctx.line ?? null, id, 'MaHoSo'))
    return null
  }
  const hash = hashText(JSON.stringify(dossier))
  if (hash === recordHash) return null
  const row = fullRow(dossier, {
    raw_payload: raw,
    envelope_unit: envelopeUnit,
    declared_unit: declaredUnit,
    source_file: file,
    source_position: position,
    source_line: line,
    version,
    status_rank: rank,
    payload_hash: payloadHash,
    record_hash: hash,
    first_seen_run: firstSeen,
    last_run: runId,
    updated_at: now,
  })
  return { row, dossier }
}

// ---------------------------------------------------------------------------------------------
// Dossiers

interface PendingDossier {
  raw: unknown
  text: string | null
  envelopeUnit: string | null
  file: string
  line: number | null
  index: number
}

/** A record normalized ahead of its transaction (without steps), with its fingerprints. */
interface PreparedDossier {
  rec: PendingDossier
  /** MaHoSo when the record has one. */
  id: string | null
  dossier: Dossier | null
  issues: readonly ImportIssue[]
  /** Payload text as stored: the NDJSON line as received, else the element as JSON. */
  text: string
  state: DossierState | null
}

/**
 * What the dossier and step sinks share: the current file, the records waiting for a batch, and
 * the issues and rejections carried into the next commit.
 */
abstract class BatchingSink<P> implements PayloadSink {
  file = ''
  readonly stored = new Map<string, Dossier>()
  protected pending: P[] = []
  protected carried = emptyBatch()

  constructor(protected readonly run: Run) {}

  abstract item(item: PayloadItem): void

  issue(issue: ImportIssue, rejectedRecord: boolean): void {
    this.carried.issues.push(issue)
    if (rejectedRecord) this.carried.counts.rejected++
  }

  async drain(): Promise<void> {
    const size = this.run.batchSize
    while (this.pending.length >= size) await this.flush(this.pending.splice(0, size))
  }

  /** Flush every record still waiting, batch by batch. */
  protected async flushAll(): Promise<void> {
    while (this.pending.length > 0) await this.flush(this.pending.splice(0, this.run.batchSize))
  }

  /** The issues and rejections collected since the last commit (handed to the next one). */
  protected takeCarried(): Batch {
    const b = this.carried
    this.carried = emptyBatch()
    return b
  }

  /** Commit the issues and rejections no batch took with it. */
  protected async commitCarried(): Promise<void> {
    if (this.carried.issues.length > 0 || this.carried.counts.rejected > 0) await this.run.commit(this.takeCarried())
  }

  protected abstract flush(records: P[]): Promise<void>
}

/**
 * Buffers the records of dossier files and commits them batch by batch. While a batch's
 * transaction is in flight (PostgreSQL: waiting on the server), the next batch is read and
 * normalized; its transaction starts only once the previous one committed, so batches still
 * commit one after the other, in file order.
 */
class DossierImporter extends BatchingSink<PendingDossier> {
  /** Unit of a body import without `madonvi`. */
  defaultEnvelopeUnit: string | null = null
  private inflight: Promise<void> = Promise.resolve()
  private settingSaved: boolean
  private readonly ctx: DossierContext
  private readonly warnedEnvelopeUnits = new Set<string>()
  /** Procedure codes not in the catalogue: how many dossiers, first file. */
  private readonly unknownProcedures = new Map<string, { count: number; file: string }>()

  constructor(
    run: Run,
    private readonly catalogue: StoreCatalogue,
    private readonly declaredUnit: string | null,
    private readonly options: DossierImportOptions
  ) {
    super(run)
    this.settingSaved = options.populationDatabaseCodes === undefined
    this.ctx = createDossierContext({
      file: '',
      units: catalogue.directory,
      declaredUnit,
      populationDatabaseCodes: new Set(catalogue.populationDatabaseCodes),
    })
  }

  item(item: PayloadItem): void {
    const envelopeUnit = item.envelope?.unit ?? this.defaultEnvelopeUnit
    if (envelopeUnit !== null && !this.catalogue.directory.codes.has(envelopeUnit) && !this.warnedEnvelopeUnits.has(envelopeUnit)) {
      this.warnedEnvelopeUnits.add(envelopeUnit)
      const text = MESSAGES.envelopeUnitUnknown(quote(envelopeUnit))
      this.carried.issues.push(fileIssue('warning', this.file, text, item.line, envelopeUnit, 'madonvi'))
    }
    this.pending.push({ raw: item.raw, text: item.text, envelopeUnit, file: this.file, line: item.line, index: item.index })
  }

  /** Commit what is left, then add the run's trailing warnings. */
  async finish(): Promise<void> {
    await this.flushAll()
    await this.inflight
    await this.commitCarried()
    for (const [code, { count, file }] of this.unknownProcedures) {
      this.run.trailing.push(fileIssue('warning', file, STORE_MESSAGES.unknownProcedure(count, code), null, code, 'MaTTHC'))
    }
    const awaiting = this.options.stepsAwaiting ?? []
    for (let i = 0; i < awaiting.length; i += this.run.batchSize) {
      const slice = awaiting.slice(i, i + this.run.batchSize)
      const found = await this.run.store.transaction((tx) => tx.get('dossiers', slice.map((p) => p.dossierId), ['status']))
      for (const p of slice) {
        if (found.has(p.dossierId)) continue
        this.run.trailing.push(fileIssue('warning', p.file, STORE_MESSAGES.pendingSteps(p.steps, p.dossierId), null, p.dossierId, 'MaHoSo'))
      }
    }
  }

  /** Normalize a batch (without steps), wait for the previous batch, start this one's transaction. */
  protected async flush(records: PendingDossier[]): Promise<void> {
    const prepared = records.map((rec) => this.prepare(rec, NO_STEPS))
    const carried = this.takeCarried()
    await this.inflight
    const commit = this.run.commit(carried, (tx, batch) => this.write(tx, batch, prepared)).then(() => {
      this.settingSaved = true
    })
    // Awaited by the next flush (or finish); a failure surfaces there and stops the run.
    commit.catch(() => undefined)
    this.inflight = commit
  }

  private prepare(rec: PendingDossier, steps: readonly ProcessStep[]): PreparedDossier {
    const id = isObject(rec.raw) ? codeOf(rec.raw.MaHoSo) || null : null
    const ctx = this.ctx
    ctx.file = rec.file
    ctx.index = rec.index
    ctx.line = rec.line
    ctx.envelopeUnit = rec.envelopeUnit
    ctx.steps = steps
    const { dossier, issues } = normalizeDossier(rec.raw, ctx)
    const text = dossier === null ? '' : (rec.text ?? JSON.stringify(rec.raw))
    let state: DossierState | null = null
    if (dossier !== null) {
      const raw = rec.raw as Record<string, unknown>
      state = {
        version: headerVersion(raw),
        rank: statusRank(raw),
        payloadHash: hashText(text),
        recordHash: hashText(JSON.stringify(dossier)),
        status: dossier.status,
      }
    }
    return { rec, id, dossier, issues, text, state }
  }

  private async write(tx: StoreTx, batch: Batch, records: PreparedDossier[]): Promise<void> {
    if (!this.settingSaved) await tx.setSetting(POPULATION_CODES_SETTING, this.catalogue.populationDatabaseCodes)
    const ids: string[] = []
    for (const p of records) if (p.id !== null) ids.push(p.id)
    const [stored, stepRows] = await Promise.all([
      tx.get('dossiers', ids, STATE_COLUMNS),
      tx.getMany('dossier_steps', 'dossier_id', ids, STEP_COLUMNS),
    ])
    const current = new Map<string, DossierState>()
    const writes = new Map<string, Row>()
    const runId = this.run.id
    const now = Date.now()
    for (let p of records) {
      // Steps already stored for this MaHoSo (pushed before its header): normalize with them.
      const own = p.id === null ? undefined : stepRows.get(p.id)
      if (own !== undefined) p = this.prepare(p.rec, own.map((r) => stepFromRow(p.id!, r)))
      const { rec, dossier, state: incoming } = p
      if (p.issues.length > 0) pushAll(batch.issues, p.issues)
      if (dossier === null || incoming === null) {
        batch.counts.rejected++
        continue
      }
      const prev = current.get(dossier.id) ?? stateOf(stored.get(dossier.id))
      if (prev !== null && prev.payloadHash === incoming.payloadHash && prev.recordHash === incoming.recordHash) {
        batch.counts.unchanged++
      } else if (prev !== null && compareVersions(incoming, prev) < 0) {
        batch.counts.stale++
        batch.issues.push(staleIssue(rec, dossier.id, incoming, prev))
        continue
      } else {
        if (prev === null) batch.counts.inserted++
        else batch.counts.updated++
        current.set(dossier.id, incoming)
        writes.set(
          dossier.id,
          fullRow(dossier, {
            raw_payload: p.text,
            envelope_unit: rec.envelopeUnit,
            declared_unit: this.declaredUnit,
            source_file: rec.file,
            source_position: rec.index,
            source_line: rec.line,
            version: incoming.version,
            status_rank: incoming.rank,
            payload_hash: incoming.payloadHash,
            record_hash: incoming.recordHash,
            first_seen_run: runId,
            last_run: runId,
            updated_at: now,
          })
        )
        if (this.options.collect) this.stored.set(dossier.id, dossier)
      }
      if (!this.catalogue.procedureCodes.has(dossier.procedureCode)) {
        const u = this.unknownProcedures.get(dossier.procedureCode)
        if (u === undefined) this.unknownProcedures.set(dossier.procedureCode, { count: 1, file: rec.file })
        else u.count++
      }
    }
    await tx.upsert('dossiers', [...writes.values()])
  }
}

function stateOf(row: ColumnValue[] | undefined): DossierState | null {
  if (row === undefined) return null
  return {
    version: row[0] === null ? null : Number(row[0]),
    rank: Number(row[1]),
    payloadHash: String(row[2]),
    recordHash: String(row[3]),
    status: String(row[4]),
  }
}

function staleIssue(rec: PendingDossier, id: string, incoming: DossierState, stored: DossierState): ImportIssue {
  const where = describeRecord('dossier', rec.file, rec.index, id, rec.line)
  const text = STORE_MESSAGES.staleDossier(when(incoming.version), incoming.status, when(stored.version), stored.status)
  const issue: ImportIssue = { severity: 'warning', file: rec.file, index: rec.index, key: id, field: 'MaHoSo', message: `${where}: ${text}` }
  if (rec.line !== null) issue.line = rec.line
  return issue
}

async function dossierImporter(store: Store, run: Run, options: DossierImportOptions, file: string): Promise<DossierImporter> {
  const catalogue = await loadCatalogue(store, options.populationDatabaseCodes)
  let declared: string | null = null
  if (options.declaredUnit !== undefined && options.declaredUnit.trim() !== '') {
    declared = options.declaredUnit.trim()
    if (!catalogue.directory.codes.has(declared)) throw new StoreError(STORE_MESSAGES.declaredUnitUnknown(declared))
  }
  const importer = new DossierImporter(run, catalogue, declared, options)
  if (catalogue.unitCount === 0) run.trailing.push(fileIssue('warning', file, STORE_MESSAGES.noUnits))
  return importer
}

/**
 * Import DongBoHoSoMC dossier files (`.json`: an array or an envelope; `.ndjson`: one record or
 * envelope per line, streamed) into the store, as one run.
 *
 * Each batch is one transaction. A record is normalized with the steps already stored for it,
 * then: new MaHoSo → `inserted`; same payload and same canonical record → `unchanged` (no
 * write); older header (version rule) → `stale`, a warning with its position, the stored one
 * kept; otherwise → `updated` (newer, or equal version with another payload: the later push
 * wins). Rejected records are reported with file, position, MaHoSo and field, and change nothing
 * stored.
 * @param files paths of the files, imported in order
 * @throws {StoreError} when a file is missing or the declared unit is unknown (before the run
 *   starts), or when a file cannot be read (the run is then `failed`)
 * @example
 * const r = await importDossiers(store, ['in/dossiers.ndjson'])
 * console.log(r.inserted, r.updated, r.unchanged, r.stale, r.rejected)
 */
export async function importDossiers(store: Store, files: readonly string[], options: DossierImportOptions = {}): Promise<DossierImportResult> {
  await checkFiles(files)
  let importer: DossierImporter | undefined
  const result = await runImport(store, 'dossiers', files, options, async (run) => {
    importer = await dossierImporter(store, run, options, basename(files[0] ?? 'dossiers'))
    for (const path of files) {
      const sink = importer
      sink.file = basename(path)
      if (tabularFormatOf(path) === null) {
        await readPayloadFile(path, sink.file, 'DongBoHoSoMC', sink)
        continue
      }
      // CSV / Excel exports of one-stop systems: rows become DongBoHoSoMC records through the
      // column mapping (docs/tabular-import.md), then follow the same rules as JSON records.
      const mapping = options.mappingFile ? await loadColumnMapping(options.mappingFile) : DEFAULT_MAPPING
      await readTabularDossiers(
        path,
        mapping,
        async (raw, pos) => {
          sink.item({ raw, text: null, line: pos.row, index: pos.index, envelope: pos.unitCode ? { records: [], unit: pos.unitCode, service: null } : null })
          await sink.drain()
        },
        (issue, rejectedRow) => sink.issue(issue, rejectedRow),
        { name: sink.file }
      )
    }
    await importer.finish()
  })
  return { ...result, stored: options.collect && importer ? [...importer.stored.values()] : [] }
}

/**
 * Import one DongBoHoSoMC body already parsed (an HTTP push: a bare array, an envelope
 * `{service, madonvi, data}` or one record) as one run, with the rules of {@link importDossiers}.
 */
export async function importDossierPayload(store: Store, payload: unknown, options: PayloadImportOptions = {}): Promise<DossierImportResult> {
  const source = options.source ?? 'DongBoHoSoMC'
  let importer: DossierImporter | undefined
  const result = await runImport(store, 'dossiers', [source], options, async (run) => {
    importer = await dossierImporter(store, run, options, source)
    importer.file = source
    importer.defaultEnvelopeUnit = options.envelopeUnit?.trim() || null
    await readPayloadBody(payload, source, 'DongBoHoSoMC', importer)
    await importer.finish()
  })
  return { ...result, stored: options.collect && importer ? [...importer.stored.values()] : [] }
}

// ---------------------------------------------------------------------------------------------
// Steps

interface PendingStep {
  step: ProcessStep
  text: string
  file: string
  index: number
}

/** Buffers the steps of step files and commits them batch by batch. */
class StepImporter extends BatchingSink<PendingStep> {
  private readonly ctx: DossierContext
  /** Steps kept for dossiers not (yet) stored: count and first file, per MaHoSo. */
  private readonly waiting = new Map<string, { count: number; file: string }>()
  private renormalized = 0

  /** Steps kept for dossiers not stored. */
  get waitingSteps(): PendingSteps[] {
    return [...this.waiting].map(([dossierId, { count, file }]) => ({ dossierId, steps: count, file }))
  }

  constructor(
    run: Run,
    catalogue: StoreCatalogue,
    private readonly options: StepImportOptions
  ) {
    super(run)
    this.ctx = createDossierContext({ file: '', units: catalogue.directory, populationDatabaseCodes: new Set(catalogue.populationDatabaseCodes) })
  }

  item(item: PayloadItem): void {
    const { step, issues } = normalizeStep(item.raw, { file: this.file, index: item.index, line: item.line })
    if (issues.length > 0) pushAll(this.carried.issues, issues)
    if (step === null) {
      this.carried.counts.rejected++
      return
    }
    this.pending.push({ step, text: item.text ?? JSON.stringify(item.raw), file: this.file, index: item.index })
  }

  async finish(): Promise<void> {
    await this.flushAll()
    await this.commitCarried()
    let pendingSteps = 0
    for (const [id, { count, file }] of this.waiting) {
      pendingSteps += count
      if (this.options.warnPending === false) continue
      this.run.trailing.push(fileIssue('warning', file, STORE_MESSAGES.pendingSteps(count, id), null, id, 'MaHoSo'))
    }
    Object.assign(this.run.details, { renormalized: this.renormalized, pendingSteps, pendingDossiers: this.waiting.size })
  }

  protected async flush(steps: PendingStep[]): Promise<void> {
    const b = this.takeCarried()
    const ids = [...new Set(steps.map((s) => s.step.dossierId))]
    let renormalized = 0
    const waiting: [string, number, string][] = []
    const stored: Dossier[] = []
    await this.run.commit(b, async (tx, batch) => {
      const known = await tx.getMany('dossier_steps', 'dossier_id', ids, STEP_COLUMNS)
      const merged = new Map<string, { steps: ProcessStep[]; keys: Set<string>; added: number; file: string }>()
      const rows: Row[] = []
      for (const p of steps) {
        const id = p.step.dossierId
        let m = merged.get(id)
        if (m === undefined) {
          const own = (known.get(id) ?? []).map((r) => stepFromRow(id, r))
          m = { steps: own, keys: new Set(own.map((s) => stepKey(s.at, s.statusRaw))), added: 0, file: p.file }
          merged.set(id, m)
        }
        const key = stepKey(p.step.at, p.step.statusRaw)
        if (m.keys.has(key)) {
          batch.counts.unchanged++
          continue
        }
        m.keys.add(key)
        m.steps.push(p.step)
        m.added++
        batch.counts.inserted++
        rows.push({
          dossier_id: id,
          at: p.step.at,
          status_raw: p.step.statusRaw,
          status: p.step.status,
          text: p.step.text,
          officer: p.step.officer,
          department: p.step.department,
          raw: p.text,
          source_file: p.file,
          source_position: p.index,
          run_id: this.run.id,
        })
      }
      await tx.insert('dossier_steps', rows, { ignoreConflicts: true })
      const changed = [...merged].filter(([, m]) => m.added > 0).map(([id]) => id)
      const headers = await tx.get('dossiers', changed, HEADER_COLUMNS)
      const rewrites: Row[] = []
      const now = Date.now()
      for (const id of changed) {
        const m = merged.get(id)!
        const header = headers.get(id)
        if (header === undefined) {
          waiting.push([id, m.added, m.file])
          continue
        }
        // Stable sort: equal times keep their arrival order, as the folder loader does.
        m.steps.sort((a, c) => a.at - c.at)
        const r = renormalize(this.ctx, id, header, m.steps, this.run.id, now, batch)
        if (r === null) continue
        rewrites.push(r.row)
        stored.push(r.dossier)
        batch.counts.updated++
        renormalized++
      }
      await tx.upsert('dossiers', rewrites)
    })
    this.renormalized += renormalized
    for (const [id, count, file] of waiting) {
      const w = this.waiting.get(id)
      if (w === undefined) this.waiting.set(id, { count, file })
      else w.count += count
    }
    if (this.options.collect) for (const d of stored) this.stored.set(d.id, d)
  }
}

/**
 * Import CapNhatTienDoHoSoMC step files into the store's append-only timeline, as one run.
 * Counts: `inserted` new steps, `unchanged` steps already stored (ignored), `rejected` invalid
 * steps, `updated` stored dossiers whose canonical record changed once normalized again with
 * their merged steps. Steps of a dossier not stored yet are kept and applied when its header
 * arrives (one warning per MaHoSo; `details.pendingSteps`).
 * @throws {StoreError} when a file is missing (before the run starts) or unreadable
 */
export async function importSteps(store: Store, files: readonly string[], options: StepImportOptions = {}): Promise<StepImportResult> {
  await checkFiles(files)
  let importer: StepImporter | undefined
  const result = await runImport(store, 'steps', files, options, async (run) => {
    importer = new StepImporter(run, await loadCatalogue(store), options)
    for (const path of files) {
      importer.file = basename(path)
      await readPayloadFile(path, importer.file, 'CapNhatTienDoHoSoMC', importer)
    }
    await importer.finish()
  })
  return { ...result, stored: options.collect && importer ? [...importer.stored.values()] : [], pending: importer?.waitingSteps ?? [] }
}

/**
 * Import one CapNhatTienDoHoSoMC body already parsed (an HTTP push) as one run, with the rules
 * of {@link importSteps}.
 */
export async function importStepPayload(store: Store, payload: unknown, options: StepImportOptions & { source?: string } = {}): Promise<StepImportResult> {
  const source = options.source ?? 'CapNhatTienDoHoSoMC'
  let importer: StepImporter | undefined
  const result = await runImport(store, 'steps', [source], options, async (run) => {
    importer = new StepImporter(run, await loadCatalogue(store), options)
    importer.file = source
    await readPayloadBody(payload, source, 'CapNhatTienDoHoSoMC', importer)
    await importer.finish()
  })
  return { ...result, stored: options.collect && importer ? [...importer.stored.values()] : [], pending: importer?.waitingSteps ?? [] }
}

// ---------------------------------------------------------------------------------------------
// A data folder

/** Options of {@link importDataDir}. */
export interface DataDirImportOptions extends ImportOptions {
  declaredUnit?: string
  /** Added to the folder's `settings.json` codes. */
  populationDatabaseCodes?: string[]
}

/** Result of {@link importDataDir}: one run per file kind present, in import order. */
export interface DataDirImportResult {
  runs: ImportResult[]
  /** Every problem of every run. */
  issues: ImportIssue[]
}

/**
 * Import a data folder (`docs/data-formats.md`) into the store: `units.json`, `procedures.json`,
 * the steps (first, so that dossiers are normalized with them), the dossiers, `petitions.json`,
 * `ratings.json` and `sync-reports.json` — each present file kind as one run. `settings.json`
 * gives the population-database codes, stored as the store's setting.
 * @throws {StoreError} when the folder is missing or holds none of these files
 */
export async function importDataDir(store: Store, dir: string, options: DataDirImportOptions = {}): Promise<DataDirImportResult> {
  let present: Set<string>
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('ENOTDIR')
    present = new Set(await readdir(dir))
  } catch (e) {
    throw new StoreError(MESSAGES.dataDirMissing(dir), { cause: e })
  }
  const path = (f: string) => join(dir, f)
  const has = (...fs: string[]) => fs.filter((f) => present.has(f)).map(path)
  const runs: ImportResult[] = []
  const settingIssues: ImportIssue[] = []
  let codes = options.populationDatabaseCodes
  if (present.has(DATA_FILES.settings)) {
    const s = await readJsonFile(path(DATA_FILES.settings), DATA_FILES.settings, settingIssues)
    const found = (s as { populationDatabaseCodes?: unknown } | null)?.populationDatabaseCodes
    if (Array.isArray(found) && found.every((c) => typeof c === 'string')) codes = [...(codes ?? []), ...found]
  }
  const base: ImportOptions = { ...(options.actor ? { actor: options.actor } : {}), ...(options.batchSize ? { batchSize: options.batchSize } : {}), ...(options.onBatch ? { onBatch: options.onBatch } : {}) }
  if (present.has(DATA_FILES.units)) runs.push(await importUnits(store, path(DATA_FILES.units), base))
  if (present.has(DATA_FILES.procedures)) runs.push(await importProcedures(store, path(DATA_FILES.procedures), base))
  const steps = has(DATA_FILES.stepsJson, DATA_FILES.stepsNdjson)
  let awaiting: PendingSteps[] = []
  if (steps.length > 0) {
    // Steps first, so that each dossier is normalized once, with its steps, when it arrives.
    const r = await importSteps(store, steps, { ...base, warnPending: false })
    awaiting = r.pending
    runs.push(r)
  }
  const dossiers = has(DATA_FILES.dossiersJson, DATA_FILES.dossiersNdjson)
  if (dossiers.length > 0) {
    const o: DossierImportOptions = { ...base, populationDatabaseCodes: codes ?? (await readPopulationDatabaseCodes(store)), stepsAwaiting: awaiting }
    if (options.declaredUnit !== undefined) o.declaredUnit = options.declaredUnit
    runs.push(await importDossiers(store, dossiers, o))
  }
  if (present.has(DATA_FILES.petitions)) runs.push(await importPetitions(store, path(DATA_FILES.petitions), base))
  if (present.has(DATA_FILES.ratings)) runs.push(await importRatings(store, path(DATA_FILES.ratings), base))
  if (present.has(DATA_FILES.syncReports)) runs.push(await importSyncReports(store, path(DATA_FILES.syncReports), base))
  if (runs.length === 0) throw new StoreError(MESSAGES.dossierFileMissing(dir))
  const issues = [...settingIssues]
  for (const r of runs) pushAll(issues, r.issues)
  return { runs, issues }
}
