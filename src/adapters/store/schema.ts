/**
 * @module adapters/store/schema
 * The columns of the store's record tables, described once for both dialects. The DDL lives in
 * the numbered migrations (`migrations/{sqlite,postgres}/NNN-name.sql`); these specs drive the
 * generic statements (upsert, insert, lookup) each implementation builds, so the import logic in
 * `import-run.ts` never writes SQL. A spec must list exactly the columns its migration creates,
 * minus the insertion-order column (`rowid` in SQLite, `seq` in PostgreSQL) and generated ids.
 * See `docs/storage.md`.
 */

/**
 * Storage type of a column. `bigint`: epoch milliseconds and amounts; `bool`: 0/1; `json`: JSON
 * text stored as TEXT, byte for byte.
 */
export type ColumnType = 'text' | 'bigint' | 'int' | 'bool' | 'json'

/** One column of a record table. */
export interface ColumnSpec {
  readonly name: string
  readonly type: ColumnType
  /** Written on insert only, never changed by an upsert (e.g. `first_seen_run`). */
  readonly insertOnly?: boolean
}

/** A record table: its columns and how rows are found. */
export interface TableSpec {
  readonly name: TableName
  /** Conflict target of upserts and ignored inserts; null = no unique key (append only). */
  readonly conflict: readonly string[] | null
  /** The single text column `StoreTx.get` looks rows up by, or null. */
  readonly key: string | null
  /** Extra ordering of `StoreTx.getMany` results before the insertion order. */
  readonly orderBy?: string
  readonly columns: readonly ColumnSpec[]
}

/** The record tables the generic primitives of `StoreTx` work on. */
export const TABLE_NAMES = [
  'units',
  'procedures',
  'dossiers',
  'dossier_steps',
  'petitions',
  'ratings',
  'sync_reports',
  'portal_snapshots',
  'import_errors',
  'users',
  'sessions',
  'targets',
  'target_history',
  'feed_keys',
] as const
export type TableName = (typeof TABLE_NAMES)[number]

/** A value as written to or read from a column. */
export type ColumnValue = string | number | null
/** A nullable number column's value as read. */
export const numOrNull = (v: ColumnValue): number | null => (v === null ? null : Number(v))
/** A nullable text column's value as read. */
export const textOrNull = (v: ColumnValue): string | null => (v === null ? null : String(v))

/** A row to write: one value per column of the table's spec. */
export type Row = Record<string, ColumnValue>

const c = (name: string, type: ColumnType, insertOnly = false): ColumnSpec =>
  insertOnly ? { name, type, insertOnly } : { name, type }

/** Bookkeeping columns of every upserted record table. */
const TRACKING: readonly ColumnSpec[] = [
  c('record_hash', 'text'),
  c('first_seen_run', 'int', true),
  c('last_run', 'int'),
  c('updated_at', 'bigint'),
]

/** The canonical `Dossier` fields, as columns (names follow `engine/model.ts`). */
export const DOSSIER_CANONICAL_COLUMNS: readonly ColumnSpec[] = [
  c('dossier_id', 'text'),
  c('procedure_code', 'text'),
  c('unit_code', 'text'),
  c('channel', 'text'),
  c('received_at', 'bigint'),
  c('submitted_at', 'bigint'),
  c('due_at', 'bigint'),
  c('finished_at', 'bigint'),
  c('end_status', 'text'),
  c('status', 'text'),
  c('supplement_requests', 'json'),
  c('result_returned_at', 'bigint'),
  c('paid_online', 'bool'),
  c('fee_total', 'bigint'),
  c('has_positive_fee', 'bool'),
  c('fee_line_count', 'int'),
  c('has_component_file', 'bool'),
  c('reuses_digitized_data', 'bool'),
  c('has_component_from_personal_data_store', 'bool'),
  c('result_pushed_to_personal_data_store', 'bool'),
  c('has_electronic_result', 'bool'),
  c('has_coded_electronic_result', 'bool'),
  c('vneid_authenticated', 'bool'),
  c('population_db_connected', 'bool'),
  c('synced_to_portal', 'bool'),
]

/** Every table spec, by name. */
export const TABLES: Readonly<Record<TableName, TableSpec>> = {
  units: {
    name: 'units',
    conflict: ['code'],
    key: 'code',
    columns: [c('code', 'text'), c('name', 'text'), c('level', 'text'), c('parent', 'text'), c('raw', 'json'), ...TRACKING],
  },
  procedures: {
    name: 'procedures',
    conflict: ['code'],
    key: 'code',
    columns: [c('code', 'text'), c('name', 'text'), c('level', 'text'), c('record', 'json'), c('raw', 'json'), ...TRACKING],
  },
  dossiers: {
    name: 'dossiers',
    conflict: ['dossier_id'],
    key: 'dossier_id',
    columns: [
      ...DOSSIER_CANONICAL_COLUMNS,
      c('raw_payload', 'json'),
      c('envelope_unit', 'text'),
      c('declared_unit', 'text'),
      c('source_file', 'text'),
      c('source_position', 'int'),
      c('source_line', 'int'),
      c('version', 'bigint'),
      c('status_rank', 'int'),
      c('payload_hash', 'text'),
      ...TRACKING,
    ],
  },
  dossier_steps: {
    name: 'dossier_steps',
    conflict: ['dossier_id', 'at', 'status_raw'],
    key: null,
    orderBy: 'at',
    columns: [
      c('dossier_id', 'text'),
      c('at', 'bigint'),
      c('status_raw', 'text'),
      c('status', 'text'),
      c('text', 'text'),
      c('officer', 'text'),
      c('department', 'text'),
      c('raw', 'json'),
      c('source_file', 'text'),
      c('source_position', 'int'),
      c('run_id', 'int'),
    ],
  },
  petitions: {
    name: 'petitions',
    conflict: ['id'],
    key: 'id',
    columns: [
      c('id', 'text'),
      c('unit_code', 'text'),
      c('sent_at', 'bigint'),
      c('forwarded_at', 'bigint'),
      c('answered_at', 'bigint'),
      c('rejected_at', 'bigint'),
      c('supplement_requested_at', 'bigint'),
      c('published_at', 'bigint'),
      c('category', 'text'),
      c('likes', 'int'),
      c('dislikes', 'int'),
      c('repeated_complaint', 'bool'),
      c('dossier_id', 'text'),
      c('raw', 'json'),
      ...TRACKING,
    ],
  },
  ratings: {
    name: 'ratings',
    conflict: ['rating_key'],
    key: 'rating_key',
    columns: [c('rating_key', 'text'), c('dossier_id', 'text'), c('rated_at', 'bigint'), c('satisfied', 'bool'), c('raw', 'json'), ...TRACKING],
  },
  sync_reports: {
    name: 'sync_reports',
    conflict: ['report_key'],
    key: 'report_key',
    columns: [
      c('report_key', 'text'),
      c('unit_code', 'text'),
      c('month', 'text'),
      c('received_national_report', 'bigint'),
      c('received_portal', 'bigint'),
      c('raw', 'json'),
      ...TRACKING,
    ],
  },
  portal_snapshots: {
    name: 'portal_snapshots',
    conflict: ['body_hash'],
    key: 'body_hash',
    columns: [
      c('group_name', 'text'),
      c('period_label', 'text'),
      c('period_from', 'text'),
      c('period_to', 'text'),
      c('file_name', 'text'),
      c('captured_at', 'bigint'),
      c('imported_at', 'bigint'),
      c('body', 'json'),
      c('body_hash', 'text'),
      c('run_id', 'int'),
    ],
  },
  import_errors: {
    name: 'import_errors',
    conflict: null,
    key: null,
    columns: [
      c('run_id', 'int'),
      c('severity', 'text'),
      c('file', 'text'),
      c('position', 'int'),
      c('line', 'int'),
      c('record_key', 'text'),
      c('field', 'text'),
      c('message', 'text'),
    ],
  },
  // The web application's tables (migration 002).
  users: {
    name: 'users',
    conflict: ['username'],
    key: 'username',
    columns: [
      c('username', 'text'),
      c('display_name', 'text'),
      c('role', 'text'),
      c('unit_code', 'text'),
      c('password_hash', 'text'),
      c('disabled', 'bool'),
      c('created_at', 'bigint', true),
      c('updated_at', 'bigint'),
      c('last_login_at', 'bigint'),
    ],
  },
  sessions: {
    name: 'sessions',
    conflict: ['token_hash'],
    key: 'token_hash',
    columns: [
      c('token_hash', 'text'),
      c('username', 'text'),
      c('csrf_token', 'text'),
      c('created_at', 'bigint', true),
      c('expires_at', 'bigint'),
      c('last_seen_at', 'bigint'),
      c('revoked_at', 'bigint'),
      c('ip', 'text'),
      c('user_agent', 'text'),
    ],
  },
  targets: {
    name: 'targets',
    conflict: ['id'],
    key: 'id',
    columns: [
      c('id', 'text'),
      c('definition', 'json'),
      c('created_by', 'text', true),
      c('created_at', 'bigint', true),
      c('updated_by', 'text'),
      c('updated_at', 'bigint'),
      c('archived_at', 'bigint'),
    ],
  },
  target_history: {
    name: 'target_history',
    conflict: null,
    key: null,
    columns: [c('target_id', 'text'), c('at', 'bigint'), c('actor', 'text'), c('action', 'text'), c('definition', 'json')],
  },
  // API keys of the real-time feed (migration 003): the id is generated, the key's SHA-256 finds it.
  feed_keys: {
    name: 'feed_keys',
    conflict: ['key_hash'],
    key: 'key_hash',
    columns: [
      c('name', 'text'),
      c('unit_code', 'text'),
      c('key_hash', 'text'),
      c('created_at', 'bigint', true),
      c('created_by', 'text', true),
      c('revoked_at', 'bigint'),
      c('revoked_by', 'text'),
    ],
  },
}

/** Names of the columns of a table, in spec order. */
export function columnNames(table: TableName): string[] {
  return TABLES[table].columns.map((col) => col.name)
}
