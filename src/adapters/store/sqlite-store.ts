/**
 * @module adapters/store/sqlite-store
 * The embedded store: one SQLite file (better-sqlite3), `journal_mode=WAL` so readers never block
 * the importer, `synchronous=FULL` by default (each committed batch is on disk before the next
 * begins; the cost is one fsync per batch). better-sqlite3 is synchronous and has no network round
 * trip, so per-row prepared statements inside one transaction per batch are the fast path.
 * Operations of one store are queued so that an async transaction never interleaves with another.
 */
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { loadMigrations, pendingMigrations, type AppliedMigration } from './migrations.js'
import { STORE_MESSAGES } from './messages.js'
import { TABLES, type ColumnValue, type Row, type TableName } from './schema.js'
import {
  AUDIT_COLUMNS,
  auditFromRow,
  defaultActor,
  hostName,
  ISSUE_COLUMNS,
  issueFromRow,
  processAlive,
  q,
  RUN_COLUMNS,
  runFromRow,
} from './store-common.js'
import { StoreError } from './store-error.js'
import type {
  AuditEntry,
  ImportKind,
  ImportRun,
  OpenStoreOptions,
  RunCounts,
  RunStatus,
  Store,
  StoreLocation,
  StoredIssue,
  StoreTx,
  StreamDossiersOptions,
} from './store.js'

type Statement = Database.Statement<unknown[], unknown>

/**
 * Open (creating if missing) a SQLite store and apply pending migrations.
 * @throws {StoreError} when the file cannot be opened or a migration fails
 */
export async function openSqliteStore(path: string, options: OpenStoreOptions = {}): Promise<Store> {
  let db: Database.Database
  try {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
    db = new Database(path)
    db.pragma('journal_mode = WAL')
    db.pragma(`synchronous = ${options.synchronous === 'normal' ? 'NORMAL' : 'FULL'}`)
    db.pragma('busy_timeout = 15000')
    db.pragma('cache_size = -65536')
    db.pragma('foreign_keys = ON')
  } catch (e) {
    throw new StoreError(STORE_MESSAGES.sqliteOpenFailed(path, (e as Error).message), { cause: e })
  }
  const store = new SqliteStore(db, path, options.actor ?? defaultActor())
  try {
    await store.migrate()
    if (options.recoverRuns !== false) await store.recoverRuns()
  } catch (e) {
    db.close()
    throw e
  }
  return store
}

class SqliteStore implements Store {
  readonly dialect = 'sqlite' as const
  readonly description: string
  readonly location: StoreLocation
  private queue: Promise<unknown> = Promise.resolve()
  private readonly statements = new Map<string, Statement>()
  private closed = false

  constructor(
    private readonly db: Database.Database,
    path: string,
    readonly actor: string
  ) {
    this.description = path === ':memory:' ? 'SQLite (bộ nhớ)' : `SQLite ${resolve(path)}`
    this.location = { target: path === ':memory:' ? path : resolve(path) }
  }

  /** A cached prepared statement. */
  stmt(sql: string): Statement {
    let s = this.statements.get(sql)
    if (s === undefined) {
      s = this.db.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  /** Run `fn` after every earlier operation of this store has finished. */
  private exclusive<T>(fn: () => T | Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new StoreError(STORE_MESSAGES.storeClosed))
    const run = this.queue.then(fn)
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Synchronous transaction for the store's own small writes (inside `exclusive`). */
  private writeNow<T>(fn: () => T): T {
    this.db.exec('BEGIN IMMEDIATE')
    try {
      const result = fn()
      this.db.exec('COMMIT')
      return result
    } catch (e) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK')
      throw e
    }
  }

  private readApplied(): AppliedMigration[] {
    const exists = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get()
    if (!exists) return []
    const rows = this.db.prepare('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version').raw(true).all() as ColumnValue[][]
    return rows.map((r) => ({ version: Number(r[0]), name: String(r[1]), checksum: String(r[2]), appliedAt: Number(r[3]) }))
  }

  appliedMigrations(): Promise<AppliedMigration[]> {
    return this.exclusive(() => this.readApplied())
  }

  migrate(): Promise<string[]> {
    const all = loadMigrations('sqlite')
    return this.exclusive(() =>
      this.writeNow(() => {
        this.db.exec(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT'
        )
        const pending = pendingMigrations(all, this.readApplied())
        for (const m of pending) {
          try {
            this.db.exec(m.sql)
          } catch (e) {
            throw new StoreError(STORE_MESSAGES.migrationFailed(m.name, (e as Error).message), { cause: e })
          }
          this.db.prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)').run(m.version, m.name, m.checksum, Date.now())
        }
        if (pending.length > 0) {
          this.auditNow('store.migrated', { migrations: pending.map((m) => m.name) }, null, this.actor)
        }
        return pending.map((m) => m.name)
      })
    )
  }

  private auditNow(action: string, details: Record<string, unknown>, runId: number | null, actor: string): void {
    this.stmt('INSERT INTO audit_log (at, actor, action, run_id, details) VALUES (?, ?, ?, ?, ?)').run(Date.now(), actor, action, runId, JSON.stringify(details))
  }

  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.exclusive(async () => {
      this.db.exec('BEGIN IMMEDIATE')
      try {
        const result = await fn(new SqliteTx(this))
        this.db.exec('COMMIT')
        return result
      } catch (e) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK')
        throw e
      }
    })
  }

  startRun(kind: ImportKind, sources: readonly string[], actor = this.actor): Promise<number> {
    return this.exclusive(() =>
      this.writeNow(() => {
        const info = this.stmt(
          "INSERT INTO import_runs (kind, sources, actor, started_at, status, pid, host) VALUES (?, ?, ?, ?, 'running', ?, ?)"
        ).run(kind, JSON.stringify(sources), actor, Date.now(), process.pid, hostName())
        const id = Number(info.lastInsertRowid)
        this.auditNow('import.started', { kind, sources }, id, actor)
        return id
      })
    )
  }

  failRun(runId: number, message: string): Promise<void> {
    return this.exclusive(() =>
      this.writeNow(() => {
        this.stmt("UPDATE import_runs SET status = 'failed', finished_at = ? WHERE id = ? AND status = 'running'").run(Date.now(), runId)
        this.stmt('INSERT INTO import_errors (run_id, severity, file, message) VALUES (?, ?, ?, ?)').run(runId, 'error', '', message)
        this.auditNow('import.failed', { message }, runId, this.actor)
      })
    )
  }

  recoverRuns(): Promise<number[]> {
    return this.exclusive(() =>
      this.writeNow(() => {
        const rows = this.stmt("SELECT id, pid, host FROM import_runs WHERE status = 'running'").raw(true).all() as ColumnValue[][]
        const here = hostName()
        const dead: number[] = []
        for (const [id, pid, host] of rows) {
          // A run of a live process (this one or another importer) is still running.
          if (host !== here || pid === null || Number(pid) === process.pid || processAlive(Number(pid))) continue
          this.stmt("UPDATE import_runs SET status = 'interrupted', finished_at = ? WHERE id = ?").run(Date.now(), id)
          this.auditNow('import.interrupted', { pid: Number(pid), host }, Number(id), this.actor)
          dead.push(Number(id))
        }
        return dead
      })
    )
  }

  getRun(runId: number): Promise<ImportRun | null> {
    return this.exclusive(() => {
      const r = this.stmt(`SELECT ${RUN_COLUMNS} FROM import_runs WHERE id = ?`).raw(true).get(runId) as ColumnValue[] | undefined
      return r === undefined ? null : runFromRow(r)
    })
  }

  listRuns(): Promise<ImportRun[]> {
    return this.exclusive(() => (this.stmt(`SELECT ${RUN_COLUMNS} FROM import_runs ORDER BY id`).raw(true).all() as ColumnValue[][]).map(runFromRow))
  }

  runErrors(runId: number): Promise<StoredIssue[]> {
    return this.exclusive(() =>
      (this.stmt(`SELECT ${ISSUE_COLUMNS} FROM import_errors WHERE run_id = ? ORDER BY id`).raw(true).all(runId) as ColumnValue[][]).map(issueFromRow)
    )
  }

  auditLog(filter: { runId?: number } = {}): Promise<AuditEntry[]> {
    return this.exclusive(() => {
      const rows =
        filter.runId === undefined
          ? this.stmt(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY id`).raw(true).all()
          : this.stmt(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE run_id = ? ORDER BY id`).raw(true).all(filter.runId)
      return (rows as ColumnValue[][]).map(auditFromRow)
    })
  }

  getSetting(key: string): Promise<unknown> {
    return this.exclusive(() => {
      const r = this.stmt('SELECT value FROM settings WHERE key = ?').raw(true).get(key) as ColumnValue[] | undefined
      return r === undefined ? undefined : (JSON.parse(String(r[0])) as unknown)
    })
  }

  lookup(table: TableName, keys: readonly string[], columns: readonly string[]): Promise<Map<string, ColumnValue[]>> {
    return this.exclusive(() => new SqliteTx(this).get(table, keys, columns))
  }

  readTable(table: TableName, columns: readonly string[]): Promise<ColumnValue[][]> {
    return this.exclusive(() => this.stmt(`SELECT ${columns.map(q).join(', ')} FROM ${q(table)} ORDER BY rowid`).raw(true).all() as ColumnValue[][])
  }

  streamDossiers(columns: readonly string[], onRow: (row: ColumnValue[]) => void, options: StreamDossiersOptions = {}): Promise<number> {
    return this.exclusive(() => {
      const cols = columns.map(q).join(', ')
      const w = options.window
      const stmt = w
        ? this.stmt(`SELECT ${cols} FROM dossiers WHERE coalesce(received_at, submitted_at) >= ? AND coalesce(received_at, submitted_at) < ? ORDER BY rowid`)
        : this.stmt(`SELECT ${cols} FROM dossiers ORDER BY rowid`)
      const rows = (w ? stmt.raw(true).iterate(w.from, w.to) : stmt.raw(true).iterate()) as IterableIterator<ColumnValue[]>
      let n = 0
      for (const row of rows) {
        onRow(row)
        n++
      }
      return n
    })
  }

  count(table: TableName): Promise<number> {
    return this.exclusive(() => Number((this.stmt(`SELECT count(*) FROM ${q(table)}`).raw(true).get() as ColumnValue[])[0]))
  }

  close(): Promise<void> {
    return this.exclusive(() => {
      this.closed = true
      this.statements.clear()
      this.db.close()
    })
  }
}

/** SQL of the generic statements, built once per table and column list. */
const sqlCache = new Map<string, string>()

function cached(key: string, build: () => string): string {
  let sql = sqlCache.get(key)
  if (sql === undefined) sqlCache.set(key, (sql = build()))
  return sql
}

function insertSql(table: TableName, mode: 'upsert' | 'insert' | 'ignore'): string {
  return cached(`${mode}:${table}`, () => {
    const spec = TABLES[table]
    const cols = spec.columns.map((c) => q(c.name))
    let sql = `INSERT INTO ${q(table)} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`
    if (mode === 'ignore') sql += ' ON CONFLICT DO NOTHING'
    if (mode === 'upsert') {
      if (spec.conflict === null) throw new Error(`table ${table} has no conflict key`)
      const set = spec.columns.filter((c) => !c.insertOnly && !spec.conflict!.includes(c.name)).map((c) => `${q(c.name)} = excluded.${q(c.name)}`)
      sql += ` ON CONFLICT (${spec.conflict.map(q).join(', ')}) DO UPDATE SET ${set.join(', ')}`
    }
    return sql
  })
}

function valuesOf(table: TableName, row: Row): ColumnValue[] {
  const cols = TABLES[table].columns
  const out = new Array<ColumnValue>(cols.length)
  for (let i = 0; i < cols.length; i++) {
    const v = row[cols[i].name]
    if (v === undefined) throw new Error(`${table}.${cols[i].name} missing from row`)
    out[i] = v
  }
  return out
}

class SqliteTx implements StoreTx {
  constructor(private readonly store: SqliteStore) {}

  async get(table: TableName, keys: readonly string[], columns: readonly string[]): Promise<Map<string, ColumnValue[]>> {
    const key = TABLES[table].key
    if (key === null) throw new Error(`table ${table} has no key column`)
    const stmt = this.store.stmt(`SELECT ${columns.map(q).join(', ')} FROM ${q(table)} WHERE ${q(key)} = ?`).raw(true)
    const out = new Map<string, ColumnValue[]>()
    for (const k of keys) {
      if (out.has(k)) continue
      const row = stmt.get(k) as ColumnValue[] | undefined
      if (row !== undefined) out.set(k, row)
    }
    return out
  }

  async getMany(table: TableName, column: string, keys: readonly string[], columns: readonly string[]): Promise<Map<string, ColumnValue[][]>> {
    const order = TABLES[table].orderBy
    const stmt = this.store
      .stmt(`SELECT ${columns.map(q).join(', ')} FROM ${q(table)} WHERE ${q(column)} = ? ORDER BY ${order ? `${q(order)}, ` : ''}rowid`)
      .raw(true)
    const out = new Map<string, ColumnValue[][]>()
    for (const k of keys) {
      if (out.has(k)) continue
      const rows = stmt.all(k) as ColumnValue[][]
      if (rows.length > 0) out.set(k, rows)
    }
    return out
  }

  async upsert(table: TableName, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return
    const stmt = this.store.stmt(insertSql(table, 'upsert'))
    for (const row of rows) stmt.run(valuesOf(table, row))
  }

  async insert(table: TableName, rows: readonly Row[], options: { ignoreConflicts?: boolean } = {}): Promise<void> {
    if (rows.length === 0) return
    const stmt = this.store.stmt(insertSql(table, options.ignoreConflicts ? 'ignore' : 'insert'))
    for (const row of rows) stmt.run(valuesOf(table, row))
  }

  async bumpRun(runId: number, c: Partial<RunCounts>): Promise<void> {
    this.store
      .stmt('UPDATE import_runs SET inserted = inserted + ?, updated = updated + ?, unchanged = unchanged + ?, rejected = rejected + ?, stale = stale + ? WHERE id = ?')
      .run(c.inserted ?? 0, c.updated ?? 0, c.unchanged ?? 0, c.rejected ?? 0, c.stale ?? 0, runId)
  }

  async finishRun(runId: number, status: Exclude<RunStatus, 'running'>, details: Record<string, unknown>): Promise<void> {
    this.store.stmt('UPDATE import_runs SET status = ?, finished_at = ?, details = ? WHERE id = ?').run(status, Date.now(), JSON.stringify(details), runId)
  }

  async audit(action: string, details: Record<string, unknown>, runId: number | null = null, actor = this.store.actor): Promise<void> {
    this.store.stmt('INSERT INTO audit_log (at, actor, action, run_id, details) VALUES (?, ?, ?, ?, ?)').run(Date.now(), actor, action, runId, JSON.stringify(details))
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    this.store
      .stmt('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at')
      .run(key, JSON.stringify(value), Date.now())
  }
}
