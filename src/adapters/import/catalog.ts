/**
 * @module adapters/import/catalog
 * The office's own catalogue files: `units.json` (the unit tree) and `procedures.json` (the
 * procedures it applies, with the QĐ 766 flags the national catalogue does not publish, see
 * `shared/spec/data-dossier-sync.md` §6 and §8 question 11). Validation is strict: every
 * violation is an error naming file, record, code and field; a bad record is dropped and the
 * others are kept. Format: `docs/data-formats.md`.
 */
import {
  PROCEDURE_LEVELS,
  UNIT_LEVELS,
  type OnlineLevel,
  type Procedure,
  type ProcedureLevel,
  type Publication,
  type TimeUnit,
  type Unit,
  type UnitLevel,
} from '../../engine/model.js'
import { normalizeUnitName } from './dongbohosomc.js'
import { type ImportIssue, RecordIssues } from './issues.js'
import { MESSAGES } from './messages.js'
import { notArray, objectRecords, warnUnknownFields } from './records.js'
import { isIsoDate, isObject, quote } from './parse-values.js'

const UNIT_FIELDS: ReadonlySet<string> = new Set(['code', 'name', 'level', 'parent'])
const PROCEDURE_FIELDS: ReadonlySet<string> = new Set([
  'code',
  'name',
  'level',
  'onlineLevel',
  'eligibleFullOnline',
  'hasFee',
  'paperResult',
  'citizenSubject',
  'maxTime',
  'timeUnit',
  'units',
  'publication',
  'electronicCertification',
])
const PUBLICATION_FIELDS: ReadonlySet<string> = new Set([
  'decisionDate',
  'legalEffectiveDate',
  'publicOnPortalDate',
  'completeParts',
])
const ONLINE_LEVELS: readonly OnlineLevel[] = ['full', 'partial', 'none']
const TIME_UNITS: readonly TimeUnit[] = ['working_day', 'day', 'hour']
const BOOLEAN_FIELDS = ['eligibleFullOnline', 'hasFee', 'paperResult', 'citizenSubject'] as const
const DATE_FIELDS = ['decisionDate', 'legalEffectiveDate', 'publicOnPortalDate'] as const
const NATIONAL_CODE = /^\d\.\d{6}$/

/** A file-level error when a catalogue file is not a JSON array. */
function readText(
  rec: RecordIssues,
  raw: Record<string, unknown>,
  field: string,
  what: string
): string {
  const value = raw[field]
  if (typeof value === 'string' && value.trim() !== '') return value.trim()
  if (value === undefined || value === null || value === '') {
    rec.error(field, MESSAGES.missing(field, what))
  } else rec.error(field, MESSAGES.notText(field, quote(value)))
  return ''
}

function readEnum<T extends string>(
  rec: RecordIssues,
  raw: Record<string, unknown>,
  field: string,
  allowed: readonly T[]
): T {
  const value = raw[field]
  if ((allowed as readonly unknown[]).includes(value)) return value as T
  rec.error(field, MESSAGES.badEnum(field, quote(value), allowed.join(', ')))
  return allowed[0]
}

function readBoolean(
  rec: RecordIssues,
  raw: Record<string, unknown>,
  field: string,
  path = field
): boolean {
  const value = raw[field]
  if (typeof value === 'boolean') return value
  if (value === undefined) rec.error(path, MESSAGES.missing(path, 'true hoặc false'))
  else rec.error(path, MESSAGES.notBoolean(path, quote(value)))
  return false
}

/** Result of {@link parseUnits}. */
export interface ParseUnitsResult {
  units: Unit[]
  issues: ImportIssue[]
}

/**
 * Validate `units.json`: an array of `{ code, name, level, parent }`. `level` is one of
 * ministry, province, department, district, commune; `parent` is null or the code of another
 * accepted unit of the file. Duplicate codes, unknown or rejected parents and cycles are errors;
 * a unit whose parent is dropped is dropped too. Two units with the same name get a warning (the
 * name cannot resolve `DonViXuLy`).
 * @param payload the parsed JSON of the file
 */
export function parseUnits(payload: unknown, file = 'units.json'): ParseUnitsResult {
  if (!Array.isArray(payload)) return { units: [], issues: [notArray(file)] }
  const issues: ImportIssue[] = []
  const warned = new Set<string>()
  const inFile = new Set<string>()
  const firstAt = new Map<string, number>()
  const candidates: { unit: Unit; rec: RecordIssues }[] = []
  for (const { raw, rec, index: i } of objectRecords(payload, 'unit', file, issues)) {
    const code = readText(rec, raw, 'code', 'mã định danh đơn vị')
    if (code) rec.key = code
    warnUnknownFields(rec, raw, UNIT_FIELDS, warned)
    const name = readText(rec, raw, 'name', 'tên đơn vị')
    const level = readEnum<UnitLevel>(rec, raw, 'level', UNIT_LEVELS)
    let parent: string | null = null
    const parentValue = raw.parent
    if (typeof parentValue === 'string' && parentValue.trim() !== '') parent = parentValue.trim()
    else if (parentValue !== undefined && parentValue !== null && parentValue !== '') {
      rec.error('parent', MESSAGES.notText('parent', quote(parentValue)))
    }
    if (code) inFile.add(code)
    if (code && !rec.rejected) {
      const previous = firstAt.get(code)
      if (previous !== undefined) rec.error('code', MESSAGES.duplicateCode('đơn vị', previous))
      else firstAt.set(code, i + 1)
    }
    if (rec.rejected) issues.push(...rec.list)
    else candidates.push({ unit: { code, name, level, parent }, rec })
  }

  // Parents: must be accepted units of the file; drop cycles and their descendants.
  const accepted = new Map(candidates.map((c) => [c.unit.code, c]))
  const reject = (c: { unit: Unit; rec: RecordIssues }, text: string) => {
    c.rec.error('parent', text)
    accepted.delete(c.unit.code)
  }
  for (let changed = true; changed; ) {
    changed = false
    for (const c of accepted.values()) {
      const parent = c.unit.parent
      if (parent === null || accepted.has(parent)) continue
      const text = inFile.has(parent)
        ? MESSAGES.parentRejected(parent)
        : MESSAGES.parentMissing(parent)
      reject(c, text)
      changed = true
    }
    if (changed) continue
    const state = new Map<string, 'visiting' | 'done'>()
    for (const start of accepted.keys()) {
      const path: string[] = []
      let code: string | null = start
      while (code !== null && !state.has(code)) {
        state.set(code, 'visiting')
        path.push(code)
        code = accepted.get(code)!.unit.parent
      }
      if (code !== null && state.get(code) === 'visiting') {
        const cycle = path.slice(path.indexOf(code))
        const chain = [...cycle, code].join(' → ')
        for (const member of cycle) reject(accepted.get(member)!, MESSAGES.parentCycle(chain))
        changed = true
      }
      for (const p of path) state.set(p, 'done')
      if (changed) break
    }
  }

  const units: Unit[] = []
  const names = new Map<string, string>()
  for (const c of candidates) {
    if (accepted.has(c.unit.code)) {
      const name = normalizeUnitName(c.unit.name)
      const other = names.get(name)
      if (other !== undefined) {
        c.rec.warn('name', MESSAGES.duplicateUnitName(quote(c.unit.name), other))
      }
      else names.set(name, c.unit.code)
      units.push(c.unit)
    }
    issues.push(...c.rec.list)
  }
  issues.sort((a, b) => (a.index ?? 0) - (b.index ?? 0))
  return { units, issues }
}

function readPublication(
  rec: RecordIssues,
  value: unknown,
  warned: Set<string>
): Publication | undefined {
  if (value === undefined || value === null) return undefined
  if (!isObject(value)) {
    rec.error('publication', MESSAGES.entryNotObject('publication'))
    return undefined
  }
  warnUnknownFields(rec, value, PUBLICATION_FIELDS, warned, 'publication.')
  const publication: Publication = {
    decisionDate: null,
    legalEffectiveDate: null,
    publicOnPortalDate: null,
    completeParts: null,
  }
  for (const field of DATE_FIELDS) {
    const date = value[field]
    if (date === undefined || date === null) continue
    if (isIsoDate(date)) publication[field] = date
    else rec.error(`publication.${field}`, MESSAGES.badIsoDate(`publication.${field}`, quote(date)))
  }
  const parts = value.completeParts
  if (parts !== undefined && parts !== null) {
    if (typeof parts === 'number' && Number.isInteger(parts) && parts >= 0 && parts <= 7) {
      publication.completeParts = parts
    } else rec.error('publication.completeParts', MESSAGES.badCompleteParts(quote(parts)))
  }
  return publication
}

/** Result of {@link parseProcedures}. */
export interface ParseProceduresResult {
  procedures: Procedure[]
  issues: ImportIssue[]
}

/**
 * Validate `procedures.json`: an array of procedures with `code` (`d.dddddd`), `name`, `level`
 * (ministry, province, district, commune), `onlineLevel` (full, partial, none), the JSON booleans
 * `eligibleFullOnline`, `hasFee`, `paperResult`, `citizenSubject`, `maxTime` (≥ 0), `timeUnit`
 * (working_day, day, hour), and optional `units` (unit codes; unknown codes → warning),
 * `publication` (`YYYY-MM-DD` dates, `completeParts` 0…7) and `electronicCertification`.
 * @param payload the parsed JSON of the file
 * @param knownUnits codes of the accepted units
 */
export function parseProcedures(
  payload: unknown,
  knownUnits: ReadonlySet<string>,
  file = 'procedures.json'
): ParseProceduresResult {
  if (!Array.isArray(payload)) return { procedures: [], issues: [notArray(file)] }
  const issues: ImportIssue[] = []
  const warned = new Set<string>()
  const procedures: Procedure[] = []
  const seenAt = new Map<string, number>()
  for (const { raw, rec, index: i } of objectRecords(payload, 'procedure', file, issues)) {
    const code = readText(rec, raw, 'code', 'mã thủ tục hành chính')
    if (code) {
      rec.key = code
      if (!NATIONAL_CODE.test(code)) rec.error('code', MESSAGES.badProcedureCode(quote(code)))
      const previous = seenAt.get(code)
      if (previous !== undefined) rec.error('code', MESSAGES.duplicateCode('thủ tục', previous))
    }
    warnUnknownFields(rec, raw, PROCEDURE_FIELDS, warned)
    const name = readText(rec, raw, 'name', 'tên thủ tục')
    const level = readEnum<ProcedureLevel>(rec, raw, 'level', PROCEDURE_LEVELS)
    const onlineLevel = readEnum(rec, raw, 'onlineLevel', ONLINE_LEVELS)
    const [eligibleFullOnline, hasFee, paperResult, citizenSubject] = BOOLEAN_FIELDS.map((f) =>
      readBoolean(rec, raw, f)
    )
    const maxTime = raw.maxTime
    if (typeof maxTime !== 'number' || !Number.isFinite(maxTime) || maxTime < 0) {
      if (maxTime === undefined) {
        rec.error('maxTime', MESSAGES.missing('maxTime', 'thời hạn giải quyết'))
      } else rec.error('maxTime', MESSAGES.badMaxTime(quote(maxTime)))
    }
    const timeUnit = readEnum(rec, raw, 'timeUnit', TIME_UNITS)

    let units: string[] | undefined
    if (raw.units !== undefined && raw.units !== null) {
      if (!Array.isArray(raw.units)) rec.error('units', MESSAGES.notArray('units'))
      else {
        units = []
        raw.units.forEach((u: unknown, j: number) => {
          if (typeof u === 'string' && u.trim() !== '') units!.push(u.trim())
          else rec.error(`units[${j}]`, MESSAGES.notText(`units[${j}]`, quote(u)))
        })
        const unknown = units.filter((u) => !knownUnits.has(u))
        if (unknown.length > 0) {
          rec.warn('units', MESSAGES.unknownProcedureUnits(unknown.join(', ')))
        }
      }
    }
    const publication = readPublication(rec, raw.publication, warned)
    let electronicCertification: boolean | undefined
    if (raw.electronicCertification !== undefined && raw.electronicCertification !== null) {
      electronicCertification = readBoolean(rec, raw, 'electronicCertification')
    }

    if (code && !seenAt.has(code) && !rec.rejected) seenAt.set(code, i + 1)
    issues.push(...rec.list)
    if (rec.rejected) continue
    const procedure: Procedure = {
      code,
      name,
      level,
      onlineLevel,
      eligibleFullOnline,
      hasFee,
      paperResult,
      citizenSubject,
      maxTime: maxTime as number,
      timeUnit,
    }
    if (units !== undefined) procedure.units = units
    if (publication !== undefined) procedure.publication = publication
    if (electronicCertification !== undefined) {
      procedure.electronicCertification = electronicCertification
    }
    procedures.push(procedure)
  }
  return { procedures, issues }
}
