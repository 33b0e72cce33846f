/**
 * @module adapters/store/postgres-store
 * The PostgreSQL store (`DATABASE_URL=postgres://…`), through a `pg.Pool` whose connections use
 * the store's schema as `search_path`. Writes of many rows are one statement per table and batch,
 * `INSERT … SELECT * FROM unnest(…) ON CONFLICT …` with one parameter per column (see
 * `insertSql`), so a batch of 2,000 dossiers costs a handful of round trips. Transactions take a
 * transaction-level advisory lock (one writer per schema at a time), so the read-decide-write of
 * an import batch is never raced by another importer. A running import also holds a session
 * advisory lock keyed by its run id, on one connection per process kept outside the pool: when
 * the process dies the locks go with the connection, and the next open marks its runs
 * `interrupted`. */
import { createHash } from 'node:crypto'
import pg from 'pg'
import { loadMigrations, pendingMigrations, type AppliedMigration } from './migrations.js'
import { STORE_MESSAGES } from './messages.js'
import { TABLES, type ColumnType, type ColumnValue, type Row, type TableName } from './schema.js'
import {
  AUDIT_COLUMNS,
  auditFromRow,
  defaultActor,
  hash32,
  hostName,
  ISSUE_COLUMNS,
  issueFromRow,
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

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/
/** Rows fetched per round trip when streaming dossiers. */
const FETCH_ROWS = 10_000
/** Second half of the writer-lock key (the first is the schema's hash); run locks use run ids ≥ 1. */
const WRITER_LOCK = 0
const MIGRATION_LOCK = -1

/** BIGINT (OID 20) as a JS number: every stored value (epoch ms, counts) is below 2^53. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
}

const ARRAY_TYPE: Record<ColumnType, string> = { text: 'text[]', json: 'text[]', bigint: 'bigint[]', int: 'integer[]', bool: 'smallint[]' }

/** A URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@')
  }
}

function reasonOf(e: unknown): string {
  const err = e as { code?: string; message?: string; errors?: { message?: string }[] }
  if (err.message) return err.code && !err.message.includes(err.code) ? `${err.message} (${err.code})` : err.message
  if (err.errors?.length) return err.errors.map((x) => x.message).join('; ')
  return err.code ?? String(e)
}

/**
 * Open a PostgreSQL store: create the schema if missing and apply pending migrations.
 * @throws {StoreError} when the server is unreachable, the schema name is invalid or a migration fails
 */
export async function openPostgresStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const schema = options.schema ?? 'public'
  if (!SCHEMA_NAME.test(schema)) throw new StoreError(STORE_MESSAGES.badSchemaName(schema))
  const description = `PostgreSQL ${redactUrl(url)}${schema === 'public' ? '' : ` (schema ${schema})`}`
  const clientConfig: pg.ClientConfig = {
    connectionString: url,
    options: `-c search_path=${schema}`,
    types: TYPES,
    application_name: 'chiso',
    connectionTimeoutMillis: 15_000,
  }
  const pool = new pg.Pool({ ...clientConfig, max: Math.max(2, options.poolSize ?? 4) })
  // An idle connection dropped by the server must not crash the process: the next query reports it.
  pool.on('error', () => undefined)
  try {
    const client = await pool.connect()
    try {
      if (schema !== 'public') {
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${q(schema)}`).catch((e: { code?: string }) => {
          // Two processes creating the schema at once: the loser sees a duplicate; the schema exists.
          if (e.code !== '23505' && e.code !== '42P06') throw e
        })
      }
    } finally {
      client.release()
    }
  } catch (e) {
    await pool.end().catch(() => undefined)
    throw new StoreError(STORE_MESSAGES.postgresUnreachable(redactUrl(url), reasonOf(e)), { cause: e })
  }
  const store = new PostgresStore(pool, clientConfig, url, schema, description, options.actor ?? defaultActor())
  try {
    await store.migrate()
    if (options.recoverRuns !== false) await store.recoverRuns()
  } catch (e) {
    await store.close().catch(() => undefined)
    throw e
  }
  return store
}

/** Statement names by SQL text: each connection prepares a named statement once. */
const statementNames = new Map<string, string>()

function statementName(text: string): string {
  let name = statementNames.get(text)
  if (name === undefined) statementNames.set(text, (name = 'chiso_' + createHash('sha1').update(text).digest('hex').slice(0, 24)))
  return name
}

/** A named (prepared once per connection) statement. */
function named(text: string, values: unknown[]): pg.QueryConfig {
  return { name: statementName(text), text, values }
}

/** A named statement returning rows as arrays. */
function namedArray(text: string, values: unknown[]): pg.QueryArrayConfig {
  return { name: statementName(text), text, values, rowMode: 'array' }
}

class PostgresStore implements Store {
  readonly dialect = 'postgres' as const
  readonly location: StoreLocation
  /** First half of every advisory-lock key of this schema. */
  readonly lockKey: number
  /** Running imports of this process, whose session locks `lockSession` holds. */
  private readonly runLocks = new Set<number>()
  /** The connection (outside the pool) holding the run locks, opened on the first run. */
  private lockSession: pg.Client | null = null
  private lockQueue: Promise<unknown> = Promise.resolve()
  private closed = false

  constructor(
    readonly pool: pg.Pool,
    private readonly clientConfig: pg.ClientConfig,
    url: string,
    readonly schema: string,
    readonly description: string,
    readonly actor: string
  ) {
    this.location = schema === 'public' ? { target: url } : { target: url, schema }
    this.lockKey = hash32(`chiso:${schema}`)
  }

  private async withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new StoreError(STORE_MESSAGES.storeClosed)
    const client = await this.pool.connect()
    let broken: Error | undefined
    try {
      return await fn(client)
    } catch (e) {
      // Only a server-reported error leaves the connection usable; any other is discarded.
      if (!(e instanceof pg.DatabaseError)) broken = e as Error
      throw e
    } finally {
      client.release(broken)
    }
  }

  private async rows(text: string, values: unknown[] = []): Promise<ColumnValue[][]> {
    return this.withClient(async (c) => (await c.query(namedArray(text, values))).rows as ColumnValue[][])
  }

  async appliedMigrations(): Promise<AppliedMigration[]> {
    const exists = await this.rows("SELECT to_regclass('schema_migrations') IS NOT NULL")
    if (!exists[0][0]) return []
    return (await this.rows('SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version')).map((r) => ({
      version: Number(r[0]),
      name: String(r[1]),
      checksum: String(r[2]),
      appliedAt: Number(r[3]),
    }))
  }

  async migrate(): Promise<string[]> {
    const all = loadMigrations('postgres')
    return this.withClient(async (c) => {
      await c.query('BEGIN')
      try {
        await c.query('SELECT pg_advisory_xact_lock($1, $2)', [this.lockKey, MIGRATION_LOCK])
        await c.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)')
        const applied = (await c.query({ text: 'SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version', rowMode: 'array' })).rows as ColumnValue[][]
        const pending = pendingMigrations(
          all,
          applied.map((r) => ({ version: Number(r[0]), name: String(r[1]), checksum: String(r[2]), appliedAt: Number(r[3]) }))
        )
        for (const m of pending) {
          try {
            await c.query(m.sql)
          } catch (e) {
            throw new StoreError(STORE_MESSAGES.migrationFailed(m.name, reasonOf(e)), { cause: e })
          }
          await c.query('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4)', [m.version, m.name, m.checksum, Date.now()])
        }
        if (pending.length > 0) {
          await c.query('INSERT INTO audit_log (at, actor, action, details) VALUES ($1, $2, $3, $4)', [
            Date.now(),
            this.actor,
            'store.migrated',
            JSON.stringify({ migrations: pending.map((m) => m.name) }),
          ])
        }
        await c.query('COMMIT')
        return pending.map((m) => m.name)
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined)
        throw e
      }
    })
  }

  async transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T> {
    return this.withClient(async (c) => {
      await c.query('BEGIN')
      const tx = new PostgresTx(c, this)
      try {
        await c.query(named('SELECT pg_advisory_xact_lock($1, $2)', [this.lockKey, WRITER_LOCK]))
        const result = await fn(tx)
        await c.query('COMMIT')
        for (const runId of tx.finished) await this.releaseRunLock(runId)
        return result
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined)
        throw e
      }
    })
  }

  /** Run `fn` on the lock session, one call at a time (it is a single connection). */
  private onLockSession<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
    const run = this.lockQueue.then(async () => {
      if (this.closed) throw new StoreError(STORE_MESSAGES.storeClosed)
      if (this.lockSession === null) {
        const c = new pg.Client({ ...this.clientConfig })
        // A dropped session loses its locks: the next call opens a new one.
        c.on('error', () => {
          if (this.lockSession === c) this.lockSession = null
        })
        await c.connect()
        this.lockSession = c
      }
      return fn(this.lockSession)
    })
    this.lockQueue = run.catch(() => undefined)
    return run
  }

  async startRun(kind: ImportKind, sources: readonly string[], actor = this.actor): Promise<number> {
    // The lock session inserts the run and takes its lock before the row is visible, so another
    // process never sees this run `running` without its lock. One session holds the locks of
    // every run of this process: concurrent runs do not each keep a pooled connection.
    return this.onLockSession(async (c) => {
      let locked: number | null = null
      await c.query('BEGIN')
      try {
        await c.query('SELECT pg_advisory_xact_lock($1, $2)', [this.lockKey, WRITER_LOCK])
        const r = await c.query({
          text: "INSERT INTO import_runs (kind, sources, actor, started_at, status, pid, host) VALUES ($1, $2, $3, $4, 'running', $5, $6) RETURNING id",
          values: [kind, JSON.stringify(sources), actor, Date.now(), process.pid, hostName()],
          rowMode: 'array',
        })
        const id = Number(r.rows[0][0])
        await c.query('SELECT pg_advisory_lock($1, $2)', [this.lockKey, id])
        locked = id
        await c.query('INSERT INTO audit_log (at, actor, action, run_id, details) VALUES ($1, $2, $3, $4, $5)', [Date.now(), actor, 'import.started', id, JSON.stringify({ kind, sources })])
        await c.query('COMMIT')
        this.runLocks.add(id)
        return id
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined)
        // A session lock survives the rollback of the transaction that took it.
        if (locked !== null) await c.query('SELECT pg_advisory_unlock($1, $2)', [this.lockKey, locked]).catch(() => undefined)
        throw e
      }
    })
  }

  /** Release the session lock of a finished run. */
  async releaseRunLock(runId: number): Promise<void> {
    if (!this.runLocks.delete(runId)) return
    await this.onLockSession((c) => c.query('SELECT pg_advisory_unlock($1, $2)', [this.lockKey, runId])).catch(() => undefined)
  }

  async failRun(runId: number, message: string): Promise<void> {
    await this.transaction(async (tx) => {
      const c = (tx as PostgresTx).client
      await c.query("UPDATE import_runs SET status = 'failed', finished_at = $1 WHERE id = $2 AND status = 'running'", [Date.now(), runId])
      await c.query('INSERT INTO import_errors (run_id, severity, file, message) VALUES ($1, $2, $3, $4)', [runId, 'error', '', message])
      await tx.audit('import.failed', { message }, runId)
    })
    await this.releaseRunLock(runId)
  }

  async recoverRuns(): Promise<number[]> {
    const running = (await this.rows("SELECT id FROM import_runs WHERE status = 'running' ORDER BY id")).map((r) => Number(r[0]))
    const dead: number[] = []
    for (const id of running) {
      if (this.runLocks.has(id)) continue
      const interrupted = await this.withClient(async (c) => {
        const got = (await c.query({ text: 'SELECT pg_try_advisory_lock($1, $2)', values: [this.lockKey, id], rowMode: 'array' })).rows[0][0] as boolean
        if (!got) return false // its process still holds the lock: still running
        try {
          await c.query('BEGIN')
          await c.query('SELECT pg_advisory_xact_lock($1, $2)', [this.lockKey, WRITER_LOCK])
          const r = await c.query("UPDATE import_runs SET status = 'interrupted', finished_at = $1 WHERE id = $2 AND status = 'running'", [Date.now(), id])
          if (r.rowCount) {
            await c.query('INSERT INTO audit_log (at, actor, action, run_id, details) VALUES ($1, $2, $3, $4, $5)', [Date.now(), this.actor, 'import.interrupted', id, '{}'])
          }
          await c.query('COMMIT')
          return (r.rowCount ?? 0) > 0
        } catch (e) {
          await c.query('ROLLBACK').catch(() => undefined)
          throw e
        } finally {
          await c.query('SELECT pg_advisory_unlock($1, $2)', [this.lockKey, id])
        }
      })
      if (interrupted) dead.push(id)
    }
    return dead
  }

  async getRun(runId: number): Promise<ImportRun | null> {
    const r = await this.rows(`SELECT ${RUN_COLUMNS} FROM import_runs WHERE id = $1`, [runId])
    return r.length === 0 ? null : runFromRow(r[0])
  }

  async listRuns(): Promise<ImportRun[]> {
    return (await this.rows(`SELECT ${RUN_COLUMNS} FROM import_runs ORDER BY id`)).map(runFromRow)
  }

  async runErrors(runId: number): Promise<StoredIssue[]> {
    return (await this.rows(`SELECT ${ISSUE_COLUMNS} FROM import_errors WHERE run_id = $1 ORDER BY id`, [runId])).map(issueFromRow)
  }

  async auditLog(filter: { runId?: number } = {}): Promise<AuditEntry[]> {
    const rows =
      filter.runId === undefined
        ? await this.rows(`SELECT ${AUDIT_COLUMNS} FROM audit_log ORDER BY id`)
        : await this.rows(`SELECT ${AUDIT_COLUMNS} FROM audit_log WHERE run_id = $1 ORDER BY id`, [filter.runId])
    return rows.map(auditFromRow)
  }

  async getSetting(key: string): Promise<unknown> {
    const r = await this.rows('SELECT value FROM settings WHERE key = $1', [key])
    return r.length === 0 ? undefined : (JSON.parse(String(r[0][0])) as unknown)
  }

  async lookup(table: TableName, keys: readonly string[], columns: readonly string[]): Promise<Map<string, ColumnValue[]>> {
    return this.withClient((c) => new PostgresTx(c, this).get(table, keys, columns))
  }

  async readTable(table: TableName, columns: readonly string[]): Promise<ColumnValue[][]> {
    return this.rows(`SELECT ${columns.map(q).join(', ')} FROM ${q(table)} ORDER BY ${orderColumn(table)}`)
  }

  async streamDossiers(columns: readonly string[], onRow: (row: ColumnValue[]) => void, options: StreamDossiersOptions = {}): Promise<number> {
    const w = options.window
    let where = ''
    if (w) {
      if (!Number.isFinite(w.from) || !Number.isFinite(w.to)) throw new RangeError('window bounds must be finite instants')
      const at = 'coalesce(received_at, submitted_at)'
      where = ` WHERE ${at} >= ${Math.floor(w.from)} AND ${at} < ${Math.ceil(w.to)}`
    }
    return this.withClient(async (c) => {
      // One snapshot for the whole read, fetched page by page through a server-side cursor.
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
      try {
        await c.query(`DECLARE chiso_dossiers NO SCROLL CURSOR FOR SELECT ${columns.map(q).join(', ')} FROM dossiers${where} ORDER BY seq`)
        let n = 0
        for (;;) {
          const page = (await c.query({ text: `FETCH FORWARD ${FETCH_ROWS} FROM chiso_dossiers`, rowMode: 'array' })).rows as ColumnValue[][]
          for (const row of page) onRow(row)
          n += page.length
          if (page.length < FETCH_ROWS) break
        }
        await c.query('COMMIT')
        return n
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined)
        throw e
      }
    })
  }

  async count(table: TableName): Promise<number> {
    return Number((await this.rows(`SELECT count(*) FROM ${q(table)}`))[0][0])
  }

  async close(): Promise<void> {
    if (this.closed) return
    await this.lockQueue
    this.closed = true
    // Closing the lock session releases the locks of runs still open (they stay `running`).
    if (this.lockSession !== null) await this.lockSession.end().catch(() => undefined)
    this.lockSession = null
    await this.pool.end()
  }
}

/** Insertion-order column of a table in PostgreSQL. */
function orderColumn(table: TableName): string {
  return table === 'portal_snapshots' || table === 'import_errors' || table === 'target_history' || table === 'feed_keys' ? 'id' : 'seq'
}

const sqlCache = new Map<string, string>()

function cached(key: string, build: () => string): string {
  let sql = sqlCache.get(key)
  if (sql === undefined) sqlCache.set(key, (sql = build()))
  return sql
}

/**
 * How the rows of a batch travel: one parameter per column, read back by `unnest`. Small columns
 * are PostgreSQL array literals built here (cheap for the server to read, unlike
 * `json_to_recordset`, and for the client, unlike the driver's generic array encoder). JSON-text
 * columns (raw payloads) are sent as their values joined by newlines and split with
 * `string_to_array` — JSON text never holds a raw newline, so nothing needs escaping — unless a
 * value of the batch is null or holds a newline (a portal body), then as an escaped array literal.
 * `lines` is the bit mask of the columns sent as lines (part of the statement's cache key).
 */
function insertSql(table: TableName, mode: 'upsert' | 'insert' | 'ignore', lines: number): string {
  return cached(`${mode}:${table}:${lines}`, () => {
    const spec = TABLES[table]
    const cols = spec.columns.map((c) => q(c.name))
    const params = spec.columns.map((c, i) => ((lines >> i) & 1 ? `string_to_array($${i + 1}, chr(10))` : `$${i + 1}::${ARRAY_TYPE[c.type]}`))
    let sql = `INSERT INTO ${q(table)} (${cols.join(', ')}) SELECT * FROM unnest(${params.join(', ')})`
    if (mode === 'ignore') sql += ' ON CONFLICT DO NOTHING'
    if (mode === 'upsert') {
      if (spec.conflict === null) throw new Error(`table ${table} has no conflict key`)
      const set = spec.columns.filter((c) => !c.insertOnly && !spec.conflict!.includes(c.name)).map((c) => `${q(c.name)} = EXCLUDED.${q(c.name)}`)
      sql += ` ON CONFLICT (${spec.conflict.map(q).join(', ')}) DO UPDATE SET ${set.join(', ')}`
    }
    return sql
  })
}

const NEEDS_ESCAPE = /["\\]/
const ESCAPE = /["\\]/g

/** A PostgreSQL array literal of texts (`{"a","b\\"c",NULL}`). */
function textArray(values: readonly ColumnValue[]): string {
  let out = '{'
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ','
    const v = values[i]
    if (v === null) out += 'NULL'
    else {
      const s = String(v)
      out += NEEDS_ESCAPE.test(s) ? `"${s.replace(ESCAPE, '\\$&')}"` : `"${s}"`
    }
  }
  return out + '}'
}

/** A PostgreSQL array literal of integers. */
function integerArray(table: TableName, column: string, values: readonly ColumnValue[]): string {
  let out = '{'
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ','
    const v = values[i]
    if (v === null) out += 'NULL'
    else if (typeof v === 'number' && Number.isSafeInteger(v)) out += v
    else throw new TypeError(`${table}.${column}: ${String(v)} is not an integer`)
  }
  return out + '}'
}

/** True when JSON texts can travel joined by newlines (see {@link insertSql}). */
function joinable(values: readonly ColumnValue[]): boolean {
  if (values.length === 1 && values[0] === '') return false
  for (const v of values) if (typeof v !== 'string' || v.includes('\n')) return false
  return true
}

/** The statement and parameters inserting `rows` into `table`. */
function insertQuery(table: TableName, mode: 'upsert' | 'insert' | 'ignore', rows: readonly Row[]): pg.QueryConfig {
  const cols = TABLES[table].columns
  const params: string[] = new Array<string>(cols.length)
  let lines = 0
  const values = new Array<ColumnValue>(rows.length)
  for (let i = 0; i < cols.length; i++) {
    const { name, type } = cols[i]
    for (let r = 0; r < rows.length; r++) {
      const v = rows[r][name]
      if (v === undefined) throw new Error(`${table}.${name} missing from row`)
      values[r] = v
    }
    if (type === 'json' && joinable(values)) {
      lines |= 1 << i
      params[i] = (values as string[]).join('\n')
    } else params[i] = type === 'text' || type === 'json' ? textArray(values) : integerArray(table, name, values)
  }
  return named(insertSql(table, mode, lines), params)
}

class PostgresTx implements StoreTx {
  /** Runs closed in this transaction: their session locks are released after the commit. */
  readonly finished: number[] = []

  constructor(
    readonly client: pg.PoolClient,
    private readonly store: PostgresStore
  ) {}

  async get(table: TableName, keys: readonly string[], columns: readonly string[]): Promise<Map<string, ColumnValue[]>> {
    const key = TABLES[table].key
    if (key === null) throw new Error(`table ${table} has no key column`)
    const out = new Map<string, ColumnValue[]>()
    if (keys.length === 0) return out
    const text = `SELECT ${q(key)}, ${columns.map(q).join(', ')} FROM ${q(table)} WHERE ${q(key)} = ANY($1::text[])`
    const res = await this.client.query(namedArray(text, [keys]))
    for (const row of res.rows as ColumnValue[][]) out.set(String(row[0]), row.slice(1))
    return out
  }

  async getMany(table: TableName, column: string, keys: readonly string[], columns: readonly string[]): Promise<Map<string, ColumnValue[][]>> {
    const out = new Map<string, ColumnValue[][]>()
    if (keys.length === 0) return out
    const order = TABLES[table].orderBy
    const text = `SELECT ${q(column)}, ${columns.map(q).join(', ')} FROM ${q(table)} WHERE ${q(column)} = ANY($1::text[]) ORDER BY ${q(column)}, ${order ? `${q(order)}, ` : ''}${orderColumn(table)}`
    const res = await this.client.query(namedArray(text, [keys]))
    for (const row of res.rows as ColumnValue[][]) {
      const k = String(row[0])
      let group = out.get(k)
      if (group === undefined) out.set(k, (group = []))
      group.push(row.slice(1))
    }
    return out
  }

  async upsert(table: TableName, rows: readonly Row[]): Promise<void> {
    if (rows.length === 0) return
    await this.client.query(insertQuery(table, 'upsert', rows))
  }

  async insert(table: TableName, rows: readonly Row[], options: { ignoreConflicts?: boolean } = {}): Promise<void> {
    if (rows.length === 0) return
    await this.client.query(insertQuery(table, options.ignoreConflicts ? 'ignore' : 'insert', rows))
  }

  async bumpRun(runId: number, c: Partial<RunCounts>): Promise<void> {
    await this.client.query(
      named(
        'UPDATE import_runs SET inserted = inserted + $1, updated = updated + $2, unchanged = unchanged + $3, rejected = rejected + $4, stale = stale + $5 WHERE id = $6',
        [c.inserted ?? 0, c.updated ?? 0, c.unchanged ?? 0, c.rejected ?? 0, c.stale ?? 0, runId]
      )
    )
  }

  async finishRun(runId: number, status: Exclude<RunStatus, 'running'>, details: Record<string, unknown>): Promise<void> {
    await this.client.query(named('UPDATE import_runs SET status = $1, finished_at = $2, details = $3 WHERE id = $4', [status, Date.now(), JSON.stringify(details), runId]))
    this.finished.push(runId)
  }

  async audit(action: string, details: Record<string, unknown>, runId: number | null = null, actor = this.store.actor): Promise<void> {
    await this.client.query(named('INSERT INTO audit_log (at, actor, action, run_id, details) VALUES ($1, $2, $3, $4, $5)', [Date.now(), actor, action, runId, JSON.stringify(details)]))
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.client.query(
      named('INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = EXCLUDED.updated_at', [
        key,
        JSON.stringify(value),
        Date.now(),
      ])
    )
  }
}
