/**
 * @module adapters/store/store-common
 * Pieces shared by the SQLite and PostgreSQL implementations: the columns and row decoding of
 * runs, errors and audit entries, process liveness and SQL identifier quoting.
 */
import { hostname } from 'node:os'
import type { AuditEntry, ImportKind, ImportRun, RunStatus, StoredIssue } from './store.js'
import { numOrNull, textOrNull, type ColumnValue } from './schema.js'

/** Columns of `import_runs` read by {@link runFromRow}. */
export const RUN_COLUMNS =
  'id, kind, sources, actor, started_at, finished_at, status, inserted, updated, unchanged, rejected, stale, details'

/** Columns of `import_errors` read by {@link issueFromRow}. */
export const ISSUE_COLUMNS = 'run_id, severity, file, position, line, record_key, field, message'

/** Columns of `audit_log` read by {@link auditFromRow}. */
export const AUDIT_COLUMNS = 'id, at, actor, action, run_id, details'

/** Parse a JSON object column; `{}` when empty or not an object. */
export function jsonObject(text: ColumnValue): Record<string, unknown> {
  if (typeof text !== 'string' || text === '') return {}
  const value: unknown = JSON.parse(text)
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

/** An `import_runs` row (columns of {@link RUN_COLUMNS}) as an {@link ImportRun}. */
export function runFromRow(r: ColumnValue[]): ImportRun {
  return {
    id: Number(r[0]),
    kind: r[1] as ImportKind,
    sources: JSON.parse(String(r[2])) as string[],
    actor: String(r[3]),
    startedAt: Number(r[4]),
    finishedAt: numOrNull(r[5]),
    status: r[6] as RunStatus,
    inserted: Number(r[7]),
    updated: Number(r[8]),
    unchanged: Number(r[9]),
    rejected: Number(r[10]),
    stale: Number(r[11]),
    details: jsonObject(r[12]),
  }
}

/** An `import_errors` row (columns of {@link ISSUE_COLUMNS}) as a {@link StoredIssue}. */
export function issueFromRow(r: ColumnValue[]): StoredIssue {
  return {
    runId: Number(r[0]),
    severity: r[1] as StoredIssue['severity'],
    file: String(r[2]),
    position: numOrNull(r[3]),
    line: numOrNull(r[4]),
    key: textOrNull(r[5]),
    field: textOrNull(r[6]),
    message: String(r[7]),
  }
}

/** An `audit_log` row (columns of {@link AUDIT_COLUMNS}) as an {@link AuditEntry}. */
export function auditFromRow(r: ColumnValue[]): AuditEntry {
  return {
    id: Number(r[0]),
    at: Number(r[1]),
    actor: String(r[2]),
    action: String(r[3]),
    runId: numOrNull(r[4]),
    details: jsonObject(r[5]),
  }
}

/** True when a process with this id exists on this machine. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** This machine's name, recorded with each run. */
export function hostName(): string {
  return hostname()
}

/** A SQL identifier in double quotes (names come from `schema.ts`, never from input). */
export function q(name: string): string {
  return `"${name}"`
}

/** Default actor of audit entries: the operating-system user, else `chiso`. */
export function defaultActor(): string {
  return process.env.USER || process.env.USERNAME || process.env.LOGNAME || 'chiso'
}

/** A 32-bit FNV-1a hash of a text (PostgreSQL advisory-lock key of a schema). */
export function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h | 0
}
