/**
 * @module adapters/store/store
 * The store: one schema on two real databases behind one interface. A plain path opens (or
 * creates) a SQLite file in WAL mode, the embedded default; a `postgres://` or `postgresql://` URL
 * opens PostgreSQL through a connection pool. Migrations are applied at open, inside a
 * transaction, and recorded in `schema_migrations`.
 *
 * The interface holds primitives only — generic lookups and writes over the record tables of
 * `schema.ts`, runs, audit log, settings and a streaming read of dossiers. The import rules
 * (versions, steps merge, batches) live once, above it, in `import-run.ts`; reading for scoring in
 * `load-prepared.ts`. See `docs/storage.md`.
 */
import type { Instant } from '../../engine/model.js'
import type { AppliedMigration, Dialect } from './migrations.js'
import { STORE_MESSAGES } from './messages.js'
import { openPostgresStore } from './postgres-store.js'
import type { ColumnValue, Row, TableName } from './schema.js'
import { openSqliteStore } from './sqlite-store.js'
import { StoreError } from './store-error.js'

export type { AppliedMigration, Dialect } from './migrations.js'
export type { ColumnValue, Row, TableName } from './schema.js'
export { StoreError } from './store-error.js'
export { defaultActor } from './store-common.js'

/** What a run imports. */
export type ImportKind = 'units' | 'procedures' | 'dossiers' | 'steps' | 'petitions' | 'ratings' | 'sync-reports' | 'portal'

/**
 * State of a run. `interrupted`: the process died while it was `running` (set at the next open);
 * `failed`: it stopped on an error it could report.
 */
export type RunStatus = 'running' | 'completed' | 'failed' | 'interrupted'

/** Counters of a run. See `docs/storage.md` for what each counts per kind. */
export interface RunCounts {
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  /** Records older than the stored version, kept out (dossiers only). */
  stale: number
}

/** A row of `import_runs`. */
export interface ImportRun extends RunCounts {
  id: number
  kind: ImportKind
  /** Files (or other sources) of the run. */
  sources: string[]
  actor: string
  startedAt: Instant
  finishedAt: Instant | null
  status: RunStatus
  /** Extra counts (pending steps, re-normalized dossiers…). */
  details: Record<string, unknown>
}

/** A row of `import_errors`: one problem of a run, as `ImportIssue` reported it. */
export interface StoredIssue {
  runId: number
  severity: 'error' | 'warning'
  file: string
  /** 1-based position of the record in the file, or null for a file-level problem. */
  position: number | null
  line: number | null
  /** MaHoSo, code, id… of the record, or null. */
  key: string | null
  field: string | null
  /** Vietnamese sentence. */
  message: string
}

/** A row of `audit_log`. */
export interface AuditEntry {
  id: number
  at: Instant
  actor: string
  /** e.g. `import.started`, `import.completed`, `store.migrated`. */
  action: string
  runId: number | null
  details: Record<string, unknown>
}

/** What another process needs to open the same store (`openStore(target, { schema })`). */
export interface StoreLocation {
  target: string
  schema?: string
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /**
   * PostgreSQL schema holding the tables, created if missing (tests use one per suite).
   * @default 'public'
   */
  schema?: string
  /**
   * SQLite `synchronous` pragma. `full` syncs the WAL at every commit, so a committed batch
   * survives a power cut too; with one commit per batch of 2,000 records its cost is negligible.
   * @default 'full'
   */
  synchronous?: 'full' | 'normal'
  /** Mark runs left `running` by a dead process as `interrupted`. @default true */
  recoverRuns?: boolean
  /** Who acts, for the audit log. @default the operating-system user, else `chiso` */
  actor?: string
  /** PostgreSQL pool size. @default 4 */
  poolSize?: number
}

/** Options of {@link Store.streamDossiers}. */
export interface StreamDossiersOptions {
  /**
   * Only dossiers whose sort time (receipt, else submission — the engine's table key) lies in
   * `[from, to)`: enough to score any period inside the window. Uses `dossiers_sort_at_idx`.
   */
  window?: { from: Instant; to: Instant }
}

/**
 * Primitives available inside {@link Store.transaction}: everything written through one `StoreTx`
 * commits together or not at all.
 */
export interface StoreTx {
  /** Rows of `table` by its key column (`TABLES[table].key`), values in `columns` order. */
  get(table: TableName, keys: readonly string[], columns: readonly string[]): Promise<Map<string, ColumnValue[]>>
  /**
   * Rows of `table` whose `column` is one of `keys`, grouped by it, each group ordered by the
   * table's `orderBy` column then insertion order.
   */
  getMany(table: TableName, column: string, keys: readonly string[], columns: readonly string[]): Promise<Map<string, ColumnValue[][]>>
  /** Insert or replace by the table's conflict key; `insertOnly` columns keep their first value. */
  upsert(table: TableName, rows: readonly Row[]): Promise<void>
  /** Insert; with `ignoreConflicts`, rows whose conflict key exists are skipped. */
  insert(table: TableName, rows: readonly Row[], options?: { ignoreConflicts?: boolean }): Promise<void>
  /** Add to the counters of a run. */
  bumpRun(runId: number, counts: Partial<RunCounts>): Promise<void>
  /** Close a run: status, finish time, details. */
  finishRun(runId: number, status: Exclude<RunStatus, 'running'>, details: Record<string, unknown>): Promise<void>
  /** Append to the audit log (actor: the store's default unless given). */
  audit(action: string, details: Record<string, unknown>, runId?: number | null, actor?: string): Promise<void>
  /** Set a store setting (JSON value). */
  setSetting(key: string, value: unknown): Promise<void>
}

/**
 * A chiso store (SQLite or PostgreSQL). All methods are async; calls on one store may overlap —
 * transactions are serialized by the implementation.
 */
export interface Store {
  readonly dialect: Dialect
  /** Where the store is, for messages (a URL without its password). */
  readonly description: string
  /** How to open the same store from another process. */
  readonly location: StoreLocation
  /** Default actor of audit entries. */
  readonly actor: string

  /** Migrations recorded in `schema_migrations`, in order. */
  appliedMigrations(): Promise<AppliedMigration[]>
  /** Apply the pending migrations in one transaction (done at open); names applied. */
  migrate(): Promise<string[]>

  /**
   * Run `fn` in one transaction (SQLite `BEGIN IMMEDIATE`; PostgreSQL with a writer lock held
   * until the commit): committed when `fn` resolves, rolled back when it throws. Inside `fn`, use
   * only `tx` — calling the store itself would wait for this very transaction.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>

  /** Insert a `running` run (committed at once) and its `import.started` audit entry; its id. */
  startRun(kind: ImportKind, sources: readonly string[], actor?: string): Promise<number>
  /** Mark a run `failed` with a file-level error and an audit entry. */
  failRun(runId: number, message: string): Promise<void>
  /** Mark runs left `running` by a dead process `interrupted` (done at open); their ids. */
  recoverRuns(): Promise<number[]>
  getRun(runId: number): Promise<ImportRun | null>
  /** Every run, oldest first. */
  listRuns(): Promise<ImportRun[]>
  /** Errors and warnings of a run, in the order found. */
  runErrors(runId: number): Promise<StoredIssue[]>
  /** Audit entries, oldest first; optionally those of one run. */
  auditLog(filter?: { runId?: number }): Promise<AuditEntry[]>
  /** A setting's JSON value, or undefined. */
  getSetting(key: string): Promise<unknown>

  /**
   * Rows of `table` by its key column, outside any transaction (a plain read: no writer lock), values
   * in `columns` order — the same answer as {@link StoreTx.get}. Used per request by the web
   * application (sessions, accounts), where a write transaction would serialize every request.
   */
  lookup(table: TableName, keys: readonly string[], columns: readonly string[]): Promise<Map<string, ColumnValue[]>>
  /** Every row of a (small) table in insertion order, values in `columns` order. */
  readTable(table: TableName, columns: readonly string[]): Promise<ColumnValue[][]>
  /**
   * Stream dossier rows in insertion order (SQLite `iterate()`, PostgreSQL a cursor fetched
   * 10,000 rows at a time) without holding them; the number of rows.
   */
  streamDossiers(columns: readonly string[], onRow: (row: ColumnValue[]) => void, options?: StreamDossiersOptions): Promise<number>
  /** Number of rows of a table. */
  count(table: TableName): Promise<number>
  /** Close the database connection(s). */
  close(): Promise<void>
}

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i
const OTHER_URL = /^[a-z][a-z0-9+.-]*:\/\//i

/**
 * Open a store, creating and migrating it if needed.
 *
 * - a plain path (or `:memory:`) → a SQLite file, created if missing, `journal_mode=WAL`,
 *   `synchronous=FULL` (see {@link OpenStoreOptions.synchronous});
 * - `postgres://…` or `postgresql://…` → PostgreSQL (`pg.Pool`), tables in `options.schema`.
 *
 * Runs left `running` by a process that died are marked `interrupted`.
 * @throws {StoreError} for an unknown URL scheme, an unreachable database or a migration problem
 * @example
 * const store = await openStore(process.env.DATABASE_URL ?? 'chiso.db')
 * const result = await importDataDir(store, 'data/ubnd-tinh')
 * await store.close()
 */
export async function openStore(target: string, options: OpenStoreOptions = {}): Promise<Store> {
  if (POSTGRES_URL.test(target)) return openPostgresStore(target, options)
  if (OTHER_URL.test(target)) throw new StoreError(STORE_MESSAGES.unsupportedTarget(target))
  return openSqliteStore(target, options)
}
