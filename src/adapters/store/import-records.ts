/**
 * @module adapters/store/import-records
 * Imports of the office's own files into the store — `units.json`, `procedures.json`,
 * `petitions.json`, `ratings.json`, `sync-reports.json` — and of the portal's evaluation
 * responses. Each is one run, validated by the import adapter's parsers; records are upserted by
 * their key (unit code, procedure code, petition id, dossier + rating time, unit + month):
 * `inserted`, `updated` (the record or its payload changed) or `unchanged` (no write).
 */
import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import type { Instant } from '../../engine/model.js'
import { parseProcedures, parseUnits } from '../import/catalog.js'
import { fileIssue, type ImportIssue } from '../import/issues.js'
import { codeOf, isObject } from '../import/parse-values.js'
import { parsePetitions, parseRatings, parseSyncReports } from '../import/petitions.js'
import { parsePortalResponse, PortalResponseError, type PortalResponse } from '../portal/portal-response.js'
import { STORE_MESSAGES } from './messages.js'
import { readJsonFile } from './payload-reader.js'
import {
  hashText,
  petitionToRow,
  procedureToRow,
  ratingToRow,
  syncReportKey,
  syncReportToRow,
  unitToRow,
} from './rows.js'
import { checkFiles, countRejected, emptyBatch, runImport, type Batch, type ImportOptions, type ImportResult, type Run } from './run.js'
import type { Row, TableName } from './schema.js'
import { StoreError } from './store-error.js'
import type { Store } from './store.js'

/** A record to upsert by key: its typed columns and the payload element as JSON. */
interface KeyedRecord {
  key: string
  row: Row
  raw: string
}

/**
 * Upsert keyed records batch by batch. The fingerprint covers the typed columns and the raw
 * element; the same key twice in one file: the later one wins (counted against the earlier).
 */
async function upsertKeyed(run: Run, table: TableName, records: readonly KeyedRecord[], first: Batch): Promise<void> {
  const size = run.batchSize
  let start = 0
  do {
    const slice = records.slice(start, start + size)
    await run.commit(start === 0 ? first : emptyBatch(), async (tx, batch) => {
      const stored = await tx.get(table, slice.map((r) => r.key), ['record_hash'])
      const seen = new Map<string, string>()
      const writes = new Map<string, Row>()
      const now = Date.now()
      for (const r of slice) {
        const hash = hashText(`${JSON.stringify(r.row)}\u0000${r.raw}`)
        const before = seen.get(r.key) ?? (stored.get(r.key)?.[0] as string | undefined)
        if (before === hash) {
          batch.counts.unchanged++
          continue
        }
        if (before === undefined) batch.counts.inserted++
        else batch.counts.updated++
        seen.set(r.key, hash)
        writes.set(r.key, { ...r.row, raw: r.raw, record_hash: hash, first_seen_run: run.id, last_run: run.id, updated_at: now })
      }
      await tx.upsert(table, [...writes.values()])
    })
    start += size
  } while (start < records.length)
}

/** The payload elements without an error, in file order (what the parsers accepted). */
function acceptedElements(payload: unknown, issues: readonly ImportIssue[]): unknown[] {
  if (!Array.isArray(payload)) return []
  const rejected = new Set<number>()
  for (const i of issues) if (i.severity === 'error' && i.index !== null) rejected.add(i.index)
  return payload.filter((_, i) => !rejected.has(i + 1))
}

/** Read a whole-file JSON payload, parse it, and upsert the records it yields. */
async function importJsonRecords(
  store: Store,
  kind: 'units' | 'procedures' | 'petitions' | 'ratings' | 'sync-reports',
  table: TableName,
  path: string,
  options: ImportOptions,
  parse: (payload: unknown, file: string) => Promise<{ records: KeyedRecord[]; issues: ImportIssue[] }>
): Promise<ImportResult> {
  await checkFiles([path])
  const file = basename(path)
  return runImport(store, kind, [path], options, async (run) => {
    const issues: ImportIssue[] = []
    const payload = await readJsonFile(path, file, issues)
    const first = emptyBatch()
    first.issues = issues
    let records: KeyedRecord[] = []
    if (payload !== undefined) {
      const parsed = await parse(payload, file)
      for (const i of parsed.issues) issues.push(i)
      records = parsed.records
      first.counts.rejected = countRejected(parsed.issues)
    }
    await upsertKeyed(run, table, records, first)
  })
}

/** Elements zipped with the records a parser accepted, one for one, in order. */
function zip<T>(records: readonly T[], elements: readonly unknown[], key: (r: T) => string, row: (r: T) => Row): KeyedRecord[] {
  return records.map((r, i) => ({ key: key(r), row: row(r), raw: JSON.stringify(elements[i] ?? r) }))
}

/** Stored unit codes (the reference set of the catalogue and petition checks). */
async function unitCodes(store: Store): Promise<Set<string>> {
  return new Set((await store.readTable('units', ['code'])).map((r) => String(r[0])))
}

/**
 * Import `units.json` (the unit tree) as one run, upserting by unit code.
 * @throws {StoreError} when the file is missing or unreadable
 */
export async function importUnits(store: Store, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  return importJsonRecords(store, 'units', 'units', path, options, async (payload, file) => {
    const { units, issues } = parseUnits(payload, file)
    return { records: zip(units, acceptedElements(payload, issues), (u) => u.code, unitToRow), issues }
  })
}

/**
 * Import `procedures.json` (the catalogue with the QĐ 766 flags) as one run, upserting by
 * procedure code. Units are checked against the stored units.
 */
export async function importProcedures(store: Store, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const known = await unitCodes(store)
  return importJsonRecords(store, 'procedures', 'procedures', path, options, async (payload, file) => {
    const { procedures, issues } = parseProcedures(payload, known, file)
    return { records: zip(procedures, acceptedElements(payload, issues), (p) => p.code, procedureToRow), issues }
  })
}

/** Ids of stored dossiers among `ids` (reference checks of petitions and ratings). */
async function storedDossiers(store: Store, payload: unknown, field: string): Promise<Set<string>> {
  const ids = new Set<string>()
  if (Array.isArray(payload)) {
    for (const el of payload) {
      const id = isObject(el) ? codeOf(el[field]) : null
      if (id) ids.add(id)
    }
  }
  if (ids.size === 0) return ids
  const found = await store.transaction((tx) => tx.get('dossiers', [...ids], ['status']))
  return new Set(found.keys())
}

/** The last accepted element of each key (files where a later record replaces an earlier). */
function lastByKey(elements: readonly unknown[], key: (el: Record<string, unknown>) => string): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const el of elements) if (isObject(el)) out.set(key(el), el)
  return out
}

/** Import `petitions.json` as one run, upserting by petition id. */
export async function importPetitions(store: Store, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const units = await unitCodes(store)
  return importJsonRecords(store, 'petitions', 'petitions', path, options, async (payload, file) => {
    const dossiers = await storedDossiers(store, payload, 'dossierId')
    const { petitions, issues } = parsePetitions(payload, { units, dossiers }, file)
    const raw = lastByKey(acceptedElements(payload, issues), (el) => codeOf(el.id) ?? '')
    const records = petitions.map((p) => ({ key: p.id, row: petitionToRow(p), raw: JSON.stringify(raw.get(p.id) ?? p) }))
    return { records, issues }
  })
}

/** Import `ratings.json` as one run, upserting by dossier and rating time. */
export async function importRatings(store: Store, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  return importJsonRecords(store, 'ratings', 'ratings', path, options, async (payload, file) => {
    const dossiers = await storedDossiers(store, payload, 'dossierId')
    const { ratings, issues } = parseRatings(payload, { dossiers }, file)
    const records = zip(ratings, acceptedElements(payload, issues), (r) => String(ratingToRow(r).rating_key), ratingToRow)
    return { records, issues }
  })
}

/** Import `sync-reports.json` as one run, upserting by unit and month. */
export async function importSyncReports(store: Store, path: string, options: ImportOptions = {}): Promise<ImportResult> {
  const units = await unitCodes(store)
  return importJsonRecords(store, 'sync-reports', 'sync_reports', path, options, async (payload, file) => {
    const { syncReports, issues } = parseSyncReports(payload, { units }, file)
    const raw = lastByKey(acceptedElements(payload, issues), (el) =>
      JSON.stringify([codeOf(el.unitCode) ?? '', typeof el.month === 'string' ? el.month.trim() : ''])
    )
    const records = syncReports.map((s) => ({ key: syncReportKey(s), row: syncReportToRow(s), raw: JSON.stringify(raw.get(syncReportKey(s)) ?? s) }))
    return { records, issues }
  })
}

/** Options of {@link importPortalSnapshot}. */
export interface PortalImportOptions extends ImportOptions {
  /** When the response was fetched from the portal. @default the file's modification time */
  capturedAt?: Instant
}

/**
 * Store a response of the portal's evaluation API as a snapshot, as one run: the body exactly as
 * received, its group and period (from `parsePortalResponse`, which also validates it). The same
 * body imported again is `unchanged`; a file that is not a portal response is `rejected` with the
 * parser's Vietnamese message.
 * @throws {StoreError} when the file is missing or unreadable
 */
export async function importPortalSnapshot(store: Store, path: string, options: PortalImportOptions = {}): Promise<ImportResult> {
  await checkFiles([path])
  const file = basename(path)
  let text: string
  let mtime: number
  try {
    text = await readFile(path, 'utf8')
    mtime = (await stat(path)).mtimeMs
  } catch (e) {
    throw new StoreError(STORE_MESSAGES.portalUnreadable(file, (e as Error).message), { cause: e })
  }
  return runImport(store, 'portal', [path], options, async (run) => {
    const batch = emptyBatch()
    let response: PortalResponse
    try {
      response = parsePortalResponse(text, file)
    } catch (e) {
      if (!(e instanceof PortalResponseError)) throw e
      batch.issues.push(fileIssue('error', file, e.message.replace(/^Tệp phản hồi của Cổng [^:]*: /, '')))
      batch.counts.rejected++
      await run.commit(batch)
      return
    }
    const bodyHash = hashText(text)
    for (const w of response.warnings) batch.issues.push(fileIssue('warning', file, w))
    Object.assign(run.details, { group: response.group, period: response.period?.label ?? null })
    await run.commit(batch, async (tx, b) => {
      const existing = await tx.get('portal_snapshots', [bodyHash], ['run_id'])
      if (existing.size > 0) {
        b.counts.unchanged++
        return
      }
      b.counts.inserted++
      await tx.insert('portal_snapshots', [
        {
          group_name: response.group,
          period_label: response.period?.label ?? null,
          period_from: response.period?.from ?? null,
          period_to: response.period?.to ?? null,
          file_name: file,
          captured_at: Math.round(options.capturedAt ?? mtime),
          imported_at: Date.now(),
          body: text,
          body_hash: bodyHash,
          run_id: run.id,
        },
      ])
    })
  })
}

/** The importers of the one-file record kinds, by kind (the CLI and the web upload pick from it). */
export const RECORD_IMPORTERS = {
  units: importUnits,
  procedures: importProcedures,
  petitions: importPetitions,
  ratings: importRatings,
  'sync-reports': importSyncReports,
} as const
