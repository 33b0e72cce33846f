/**
 * @module adapters/calendar-file/load-calendar
 * Reads the working-day calendar from YAML: the shipped `data/calendar/vn-civil-service.yaml`
 * plus optional user files that add or replace years. See `docs/calendar.md`.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import {
  CalendarDataError,
  createWorkingCalendar,
  mergeCalendarData,
  parseCalendarData,
  type CalendarData,
  type CalendarIssue,
  type WorkingCalendar,
} from '../../engine/calendar/working-calendar.js'

const PACKAGE_NAME = 'chiso'

const MESSAGES = {
  noPackageRoot: (from: string) =>
    `Không tìm thấy thư mục gốc của gói "${PACKAGE_NAME}" (tệp package.json có name "${PACKAGE_NAME}") khi đi ngược lên từ ${from}`,
  unreadable: (reason: string) => `không đọc được tệp (${reason})`,
  yamlSyntax: (column: number, reason: string) => `tệp YAML sai cú pháp (cột ${column}): ${reason}`,
} as const

let packageRootCache: string | undefined

/**
 * Absolute path of the chiso package root: the nearest folder, walking up from `from`, whose
 * `package.json` has `"name": "chiso"`. Works from `src/…` (vitest) and `dist/src/…` (build).
 * @param from a file URL or path to start from; defaults to this module
 * @throws {Error} when no such folder exists
 * @example
 * join(findPackageRoot(), 'rules', 'acts.yaml')
 */
export function findPackageRoot(from?: string | URL): string {
  if (from === undefined && packageRootCache !== undefined) return packageRootCache
  const start = from === undefined ? import.meta.url : from
  const startPath = start instanceof URL || start.startsWith('file:') ? fileURLToPath(start) : resolve(start)
  let dir = startPath
  for (;;) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }).name === PACKAGE_NAME) {
          if (from === undefined) packageRootCache = dir
          return dir
        }
      } catch {
        // An unreadable or invalid package.json belongs to some other folder: keep walking up.
      }
    }
    const parent = dirname(dir)
    if (parent === dir) throw new Error(MESSAGES.noPackageRoot(startPath))
    dir = parent
  }
}

/** Absolute path of the shipped calendar file `data/calendar/vn-civil-service.yaml`. */
export function shippedCalendarPath(): string {
  return join(findPackageRoot(), 'data', 'calendar', 'vn-civil-service.yaml')
}

/** The YAML node at `keys`, or the deepest ancestor that exists (for a line number). */
function nodeAt(root: unknown, keys: readonly (string | number)[]): Node | undefined {
  let node = root as Node | undefined
  for (const key of keys) {
    let next: unknown
    if (isMap(node)) {
      // Year keys may be written unquoted (a YAML integer): compare as text.
      const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === String(key))
      next = pair ? (pair.value ?? pair.key) : undefined
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key]
    }
    if (next === undefined || next === null || typeof next !== 'object') break
    node = next as Node
  }
  return node
}

/**
 * Reads and validates one calendar file.
 * @param file path of a YAML file (schema of `data/calendar/vn-civil-service.yaml`)
 * @throws {CalendarDataError} naming the file, the line and the key path of each problem
 */
export function readCalendarFile(file: string): CalendarData {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new CalendarDataError([
      { source: file, path: '', keys: [], message: MESSAGES.unreadable((e as Error).message) },
    ])
  }
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter, prettyErrors: false })
  if (doc.errors.length > 0) {
    throw new CalendarDataError(
      doc.errors.map((e): CalendarIssue => {
        const { line, col } = lineCounter.linePos(e.pos[0])
        return { source: file, path: '', keys: [], line, message: MESSAGES.yamlSyntax(col, e.message) }
      })
    )
  }
  try {
    return parseCalendarData(doc.toJS(), file)
  } catch (e) {
    if (!(e instanceof CalendarDataError)) throw e
    throw new CalendarDataError(
      e.issues.map((issue) => {
        const offset = nodeAt(doc.contents, issue.keys)?.range?.[0]
        return offset === undefined ? issue : { ...issue, line: lineCounter.linePos(offset).line }
      })
    )
  }
}

/** Options of `loadWorkingCalendar`. */
export interface LoadWorkingCalendarOptions {
  /** User calendar files, applied in order after the shipped file: each adds or replaces years. */
  extraFiles?: string[]
  /**
   * Apply provisional entries (e.g. 24/11/2026).
   * @default false
   */
  applyProvisional?: boolean
}

/**
 * Loads the shipped calendar plus user files and builds the working calendar.
 * @throws {CalendarDataError} when a file cannot be read or is invalid (the message names it)
 * @example
 * const cal = loadWorkingCalendar({ extraFiles: ['lich-2028.yaml'] })
 * cal.addWorkingDays(receivedAt, 5)
 */
export function loadWorkingCalendar(options: LoadWorkingCalendarOptions = {}): WorkingCalendar {
  const base = readCalendarFile(shippedCalendarPath())
  const extensions = (options.extraFiles ?? []).map(readCalendarFile)
  return createWorkingCalendar(mergeCalendarData(base, ...extensions), {
    applyProvisional: options.applyProvisional ?? false,
  })
}
