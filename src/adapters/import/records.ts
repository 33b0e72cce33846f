/**
 * @module adapters/import/records
 * What the parsers of the small record files (units, procedures, petitions, ratings, sync
 * reports) share: the top-level shape check, the walk over the records, unknown-field warnings.
 */
import { fileIssue, RecordIssues, type ImportIssue, type RecordKind } from './issues.js'
import { MESSAGES } from './messages.js'
import { isObject } from './parse-values.js'

/** The file-level error of a file that is not a JSON array. */
export function notArray(file: string): ImportIssue {
  return fileIssue('error', file, MESSAGES.badTopLevel('một mảng JSON ([ … ])'))
}

/**
 * The records of a parsed array that are JSON objects, each with its issue collector; an element
 * that is not an object is reported (file, position) into `issues` and skipped.
 */
export function* objectRecords(
  payload: readonly unknown[],
  kind: RecordKind,
  file: string,
  issues: ImportIssue[]
): Generator<{ raw: Record<string, unknown>; rec: RecordIssues; index: number }> {
  for (let index = 0; index < payload.length; index++) {
    const raw: unknown = payload[index]
    const rec = new RecordIssues(kind, file, index + 1)
    if (!isObject(raw)) {
      rec.error(null, MESSAGES.notObject)
      issues.push(...rec.list)
      continue
    }
    yield { raw, rec, index }
  }
}

/** Warn about fields the format does not define, once per field and file (typos, other exports). */
export function warnUnknownFields(
  rec: RecordIssues,
  raw: Record<string, unknown>,
  known: ReadonlySet<string>,
  warned: Set<string>,
  prefix = ''
): void {
  for (const field of Object.keys(raw)) {
    const path = prefix + field
    if (known.has(field) || warned.has(path)) continue
    warned.add(path)
    rec.warn(path, MESSAGES.unknownField(path))
  }
}
