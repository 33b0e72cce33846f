/**
 * @module adapters/store/migrations
 * The numbered SQL migrations of each dialect, read from
 * `src/adapters/store/migrations/{sqlite,postgres}/NNN-name.sql` under the package root. The build
 * compiles only TypeScript into `dist/`, so the SQL files are read from `src/` in both the source
 * tree and an installed package (they ship with it, see `docs/storage.md`).
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { findPackageRoot } from '../calendar-file/load-calendar.js'
import { STORE_MESSAGES } from './messages.js'
import { StoreError } from './store-error.js'

/** The SQL dialects of the store. */
export type Dialect = 'sqlite' | 'postgres'

/** One migration file. */
export interface Migration {
  /** The `NNN` of the file name. */
  version: number
  /** File name without `.sql`, e.g. `001-initial`. */
  name: string
  sql: string
  /** SHA-1 of the file, recorded when applied: an applied migration must never change. */
  checksum: string
}

/** A migration recorded in `schema_migrations`. */
export interface AppliedMigration {
  version: number
  name: string
  checksum: string
  /** Epoch milliseconds. */
  appliedAt: number
}

const FILE_NAME = /^(\d{3})-([a-z0-9][a-z0-9-]*)\.sql$/

/** Folder holding the migrations of `dialect`. */
export function migrationsDir(dialect: Dialect): string {
  return join(findPackageRoot(), 'src', 'adapters', 'store', 'migrations', dialect)
}

/**
 * The migrations of a dialect, in order.
 * @throws {StoreError} when the folder is missing, a file is misnamed or two share a number
 */
export function loadMigrations(dialect: Dialect, dir = migrationsDir(dialect)): Migration[] {
  if (!existsSync(dir)) throw new StoreError(STORE_MESSAGES.migrationsMissing(dir))
  const out: Migration[] = []
  const seen = new Set<number>()
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.sql')) continue
    const m = FILE_NAME.exec(file)
    if (!m) throw new StoreError(STORE_MESSAGES.badMigrationName(file))
    const version = Number(m[1])
    if (seen.has(version)) throw new StoreError(STORE_MESSAGES.duplicateMigration(version))
    seen.add(version)
    const sql = readFileSync(join(dir, file), 'utf8')
    out.push({ version, name: file.slice(0, -4), sql, checksum: createHash('sha1').update(sql).digest('hex') })
  }
  return out
}

/**
 * The migrations still to apply, after checking that the applied ones are known and unchanged.
 * @throws {StoreError} when an applied migration changed or is unknown to this version
 */
export function pendingMigrations(all: readonly Migration[], applied: readonly AppliedMigration[]): Migration[] {
  const byVersion = new Map(all.map((m) => [m.version, m]))
  for (const a of applied) {
    const m = byVersion.get(a.version)
    if (m === undefined) throw new StoreError(STORE_MESSAGES.migrationUnknown(a.name))
    if (m.checksum !== a.checksum) throw new StoreError(STORE_MESSAGES.migrationChanged(a.name))
  }
  const done = new Set(applied.map((a) => a.version))
  return all.filter((m) => !done.has(m.version))
}
