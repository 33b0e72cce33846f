/**
 * @module adapters/store/run
 * The life of an import run, for every kind of record: the `running` row, batches committed one
 * transaction each (records, their errors and the run's counters together), the closing
 * transaction (`completed`, trailing warnings, audit entry), or `failed` on an error. A process
 * killed mid-run leaves the run `running` and whole committed batches; the next open marks it
 * `interrupted`. See `docs/storage.md`.
 */
import { stat } from 'node:fs/promises'
import type { ImportIssue } from '../import/issues.js'
import { STORE_MESSAGES } from './messages.js'
import type { Row } from './schema.js'
import { StoreError } from './store-error.js'
import type { ImportKind, RunCounts, Store, StoreTx } from './store.js'

/** Options common to every import. */
export interface ImportOptions {
  /** Who imports, for the audit log. @default the store's actor */
  actor?: string
  /** Records per transaction. @default 2000 */
  batchSize?: number
  /** Called after each committed batch, with the run's counts so far. */
  onBatch?: (progress: BatchProgress) => void
}

/** Progress of a run after a committed batch. */
export interface BatchProgress {
  runId: number
  /** Number of batches committed so far. */
  batch: number
  /** Counts of the run so far (all committed). */
  counts: RunCounts
}

/** Result of an import run. */
export interface ImportResult extends RunCounts {
  runId: number
  kind: ImportKind
  /** Every problem found (also stored in `import_errors`). */
  issues: ImportIssue[]
  /** Extra counts of the run (also stored in `import_runs.details`). */
  details: Record<string, unknown>
}

/** Default records per transaction. */
export const DEFAULT_BATCH_SIZE = 2000

/** What one batch adds to its run: counters and problems. */
export interface Batch {
  counts: RunCounts
  issues: ImportIssue[]
}

/** Empty counters. */
export function zeroCounts(): RunCounts {
  return { inserted: 0, updated: 0, unchanged: 0, rejected: 0, stale: 0 }
}

/** An empty batch. */
export function emptyBatch(): Batch {
  return { counts: zeroCounts(), issues: [] }
}

/** An `import_errors` row of a run. */
export function issueRow(runId: number, issue: ImportIssue): Row {
  return {
    run_id: runId,
    severity: issue.severity,
    file: issue.file,
    position: issue.index,
    line: issue.line ?? null,
    record_key: issue.key,
    field: issue.field,
    message: issue.message,
  }
}

/** Distinct records (by position) with at least one error, plus file-level errors of one line. */
export function countRejected(issues: readonly ImportIssue[]): number {
  const rejected = new Set<number>()
  for (const issue of issues) {
    if (issue.severity === 'error' && issue.index !== null) rejected.add(issue.index)
  }
  return rejected.size
}

/** An import run in progress. */
export class Run {
  /** Counts of the committed batches. */
  readonly counts = zeroCounts()
  /** Problems of the committed batches. */
  readonly issues: ImportIssue[] = []
  /** Extra counts, written when the run completes. */
  readonly details: Record<string, unknown> = {}
  /** Warnings about the whole run, written when it completes (e.g. unknown procedures). */
  readonly trailing: ImportIssue[] = []
  private batches = 0

  constructor(
    readonly store: Store,
    readonly id: number,
    readonly kind: ImportKind,
    readonly actor: string,
    readonly options: ImportOptions
  ) {}

  /** Records per transaction. */
  get batchSize(): number {
    const n = this.options.batchSize ?? DEFAULT_BATCH_SIZE
    return Number.isInteger(n) && n > 0 ? n : DEFAULT_BATCH_SIZE
  }

  /**
   * Commit one batch in one transaction: `write` stores the records and may add to `batch`; the
   * batch's problems and counters are written in the same transaction.
   */
  async commit(batch: Batch, write?: (tx: StoreTx, batch: Batch) => Promise<void>): Promise<void> {
    await this.store.transaction(async (tx) => {
      if (write) await write(tx, batch)
      if (batch.issues.length > 0) await tx.insert('import_errors', batch.issues.map((i) => issueRow(this.id, i)))
      await tx.bumpRun(this.id, batch.counts)
    })
    const c = this.counts
    c.inserted += batch.counts.inserted
    c.updated += batch.counts.updated
    c.unchanged += batch.counts.unchanged
    c.rejected += batch.counts.rejected
    c.stale += batch.counts.stale
    for (const issue of batch.issues) this.issues.push(issue)
    this.batches++
    this.options.onBatch?.({ runId: this.id, batch: this.batches, counts: { ...c } })
  }
}

/**
 * Run an import: start the run, let `body` commit its batches, then close the run `completed`
 * with its trailing warnings and an `import.completed` audit entry. On an error the run is marked
 * `failed` (with the message) and the error rethrown.
 */
export async function runImport(
  store: Store,
  kind: ImportKind,
  sources: readonly string[],
  options: ImportOptions,
  body: (run: Run) => Promise<void>
): Promise<ImportResult> {
  const actor = options.actor ?? store.actor
  const runId = await store.startRun(kind, sources, actor)
  const run = new Run(store, runId, kind, actor, options)
  try {
    await body(run)
    await store.transaction(async (tx) => {
      if (run.trailing.length > 0) await tx.insert('import_errors', run.trailing.map((i) => issueRow(runId, i)))
      await tx.finishRun(runId, 'completed', run.details)
      await tx.audit('import.completed', { kind, sources, ...run.counts, ...run.details }, runId, actor)
    })
  } catch (e) {
    await store.failRun(runId, STORE_MESSAGES.runFailed((e as Error).message)).catch(() => undefined)
    throw e
  }
  for (const issue of run.trailing) run.issues.push(issue)
  return { runId, kind, ...run.counts, issues: run.issues, details: run.details }
}

/**
 * Check that every file exists and is a file, before a run starts.
 * @throws {StoreError} naming the first file that is not
 */
export async function checkFiles(files: readonly string[]): Promise<void> {
  for (const file of files) {
    let ok = false
    let reason = 'không tồn tại'
    try {
      ok = (await stat(file)).isFile()
      if (!ok) reason = 'không phải một tệp'
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code !== 'ENOENT') reason = code ?? (e as Error).message
    }
    if (!ok) throw new StoreError(STORE_MESSAGES.fileMissing(file, reason))
  }
}
