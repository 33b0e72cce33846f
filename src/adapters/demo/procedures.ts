/**
 * @module adapters/demo/procedures
 * The procedure catalogue of the demo province: about 1,200 province-level procedures spread over
 * the departments, about 100 commune-level ones and, for levels 3, about 200 district-level ones.
 * Names come from the field word lists of `names.ts`; codes are unique national-style `d.dddddd`.
 */
import type { OnlineLevel, Procedure, ProcedureLevel, Publication, TimeUnit } from '../../engine/model.js'
import { dateOfDayNumber } from '../../engine/time/time.js'
import type { DemoCalendar } from './calendar.js'
import {
  ACTIONS, COMMUNE_FIELDS, COMMUNE_FIELDS_2024, COMPONENT_NAMES, DISTRICT_FIELDS, ELECTRONIC_CERTIFICATION_PROCEDURES,
  FEE_PREFIXES, FIELDS, HOURLY_PROCEDURE_PREFIX, NAME_QUALIFIERS, POPULAR_PROCEDURES, RESULT_NAME_DEFAULT, RESULT_NAMES,
  type FieldWords,
} from './names.js'
import type { Random } from './random.js'
import type { DemoUnit } from './units.js'

/** A demo procedure: the `procedures.json` record plus what the dossier generator needs. */
export interface DemoProcedure extends Procedure {
  field: FieldWords
  /** Fee per dossier (VND) when `hasFee`. */
  feeAmount: number
  feeName: string
  /** Online dossiers are exempt from the fee (Gia "0"). */
  feeWaivedOnline: boolean
  /** Relative number of dossiers. */
  popularity: number
  resultName: string
  components: string[]
}

/** The catalogue, grouped the way the dossier generator uses it. */
export interface Catalogue {
  all: DemoProcedure[]
  /** Department code → its procedures. */
  byDepartment: Map<string, DemoProcedure[]>
  commune: DemoProcedure[]
  district: DemoProcedure[]
}

/** Relative number of procedures per department id (others: 50). */
const DEPARTMENT_PROCEDURES: Record<string, number> = {
  nnmt: 200, tnmt: 110, nnptnt: 110, congthuong: 130, yte: 120, tuphap: 110, noivu: 110, ldtbxh: 100, taichinh: 100,
  khdt: 80, xaydung: 100, gtvt: 70, vhttdl: 90, giaoduc: 70, khcn: 60, ttt: 40, congan: 50, kcn: 25, dantoc: 15,
  ngoaivu: 10, vp: 10,
}

const FIELD_BY_ID = new Map(FIELDS.map((f) => [f.id, f]))
const FEE_AMOUNTS = [10_000, 20_000, 30_000, 50_000, 100_000, 150_000, 200_000, 300_000, 500_000, 1_000_000]
const WORKING_DAY_TIMES = [1, 2, 3, 3, 5, 5, 5, 7, 7, 10, 10, 12, 15, 15, 20, 20, 25, 30]

/** Context of the catalogue: era, year and the last day with data. */
export interface CatalogueContext {
  levels: 2 | 3
  year: number
  /** Day numbers of 1 January of the year and of the last day with data. */
  firstDay: number
  untilDay: number
  calendar: DemoCalendar
}

/** Build the catalogue for the departments of `units`. */
export function buildCatalogue(rng: Random, units: DemoUnit[], ctx: CatalogueContext): Catalogue {
  const usedCodes = new Set<string>()
  const usedNames = new Set<string>()
  const all: DemoProcedure[] = []
  const byDepartment = new Map<string, DemoProcedure[]>()

  const departments = units.filter((u) => u.level === 'department')
  const weights = departments.map((d) => DEPARTMENT_PROCEDURES[d.departmentId ?? ''] ?? 50)
  const totalWeight = weights.reduce((a, b) => a + b, 0)
  departments.forEach((d, i) => {
    const count = Math.max(3, Math.round((1200 * weights[i]) / totalWeight))
    const fields = (d.fields ?? []).map(fieldById)
    const list = namesFor(rng, fields, count, usedNames).map(([name, field, qualified]) =>
      makeProcedure(rng, name, field, 'province', usedCodes, qualified, [d.code]))
    byDepartment.set(d.code, list)
    all.push(...list)
  })

  const communeFields = (ctx.levels === 2 ? COMMUNE_FIELDS : COMMUNE_FIELDS_2024).map(fieldById)
  const commune = namesFor(rng, communeFields, 98, usedNames).map(([name, field, qualified]) =>
    makeProcedure(rng, name, field, 'commune', usedCodes, qualified))
  const certField = fieldById('chungthuc')
  for (const name of ELECTRONIC_CERTIFICATION_PROCEDURES) {
    usedNames.add(name)
    const p = makeProcedure(rng, name, certField, 'commune', usedCodes, false)
    p.electronicCertification = true
    p.onlineLevel = 'full'
    p.eligibleFullOnline = true
    p.paperResult = false
    commune.push(p)
  }
  all.push(...commune)

  let district: DemoProcedure[] = []
  if (ctx.levels === 3) {
    district = namesFor(rng, DISTRICT_FIELDS.map(fieldById), 200, usedNames).map(([name, field, qualified]) =>
      makeProcedure(rng, name, field, 'district', usedCodes, qualified))
    all.push(...district)
  }

  for (const p of all) if (p.level === 'province') p.publication = makePublication(rng, ctx)
  return { all, byDepartment, commune, district }
}

/** `procedures.json` record of a demo procedure (only the catalogue keys the importer reads). */
export function procedureRecord(p: DemoProcedure): Procedure {
  const r: Procedure = {
    code: p.code, name: p.name, level: p.level, onlineLevel: p.onlineLevel, eligibleFullOnline: p.eligibleFullOnline,
    hasFee: p.hasFee, paperResult: p.paperResult, citizenSubject: p.citizenSubject, maxTime: p.maxTime, timeUnit: p.timeUnit,
  }
  if (p.units) r.units = p.units
  if (p.publication) r.publication = p.publication
  if (p.electronicCertification) r.electronicCertification = true
  return r
}

function fieldById(id: string): FieldWords {
  const f = FIELD_BY_ID.get(id)
  if (!f) throw new Error(`demo names: unknown field id ${id}`)
  return f
}

/**
 * `count` unique names from the fields: their fixed names first, then "<action> <object>"
 * expansions, then qualified variants (flagged true), each group shuffled.
 */
function namesFor(rng: Random, fields: FieldWords[], count: number, used: Set<string>): [string, FieldWords, boolean][] {
  const fixed: [string, FieldWords][] = []
  const expanded: [string, FieldWords][] = []
  for (const f of fields) {
    for (const n of f.fixed) fixed.push([n, f])
    for (const [set, object] of f.items) for (const a of ACTIONS[set]) expanded.push([`${a} ${object}`, f])
  }
  const out: [string, FieldWords, boolean][] = []
  const take = (name: string, f: FieldWords, qualified = false): void => {
    if (out.length >= count || used.has(name)) return
    used.add(name)
    out.push([name, f, qualified])
  }
  for (const [n, f] of rng.shuffle(fixed)) take(n, f)
  for (const [n, f] of rng.shuffle(expanded)) take(n, f)
  const bases = [...fixed, ...expanded]
  for (const q of NAME_QUALIFIERS) {
    for (const [n, f] of rng.shuffle(bases)) take(n + q, f, true)
    if (out.length >= count) break
  }
  return out
}

function makeProcedure(
  rng: Random, name: string, field: FieldWords, level: ProcedureLevel, usedCodes: Set<string>, qualified: boolean,
  units?: string[]
): DemoProcedure {
  let code: string
  do {
    const first = rng.weightedIndex([0.6, 0.35, 0.05]) + 1
    code = `${first}.${String(rng.int(100, 13_000)).padStart(6, '0')}`
  } while (usedCodes.has(code))
  usedCodes.add(code)

  let popularity = 1 / Math.pow(rng.int(1, 60), 1.1)
  let popular = false
  for (const [key, w] of qualified ? [] : POPULAR_PROCEDURES) {
    if (name.includes(key)) {
      popularity = w * (0.8 + rng.next() * 0.4)
      popular = true
      break
    }
  }
  const onlineLevel: OnlineLevel = popular
    ? (rng.chance(0.8) ? 'full' : 'partial')
    : (['full', 'partial', 'none'] as const)[rng.weightedIndex([45, 35, 20])]
  if (onlineLevel === 'none') popularity *= 0.3

  let timeUnit: TimeUnit = 'working_day'
  let maxTime = rng.pick(WORKING_DAY_TIMES)
  if (name.startsWith(HOURLY_PROCEDURE_PREFIX)) {
    timeUnit = 'hour'
    maxTime = rng.pick([4, 8, 8, 24])
  } else if (rng.chance(0.1)) {
    timeUnit = 'day'
    maxTime = rng.pick([7, 10, 15, 20, 30, 45])
  } else if (rng.chance(0.02)) {
    timeUnit = 'hour'
    maxTime = rng.pick([4, 8, 24, 48])
  }

  const hasFee = rng.chance(0.3)
  const lower = name.charAt(0).toLowerCase() + name.slice(1)
  const resultName = RESULT_NAMES.find(([k]) => name.includes(k))?.[1] ?? RESULT_NAME_DEFAULT
  return {
    code, name, level, field, onlineLevel,
    eligibleFullOnline: onlineLevel === 'full' || (onlineLevel === 'partial' && rng.chance(0.3)),
    hasFee,
    feeAmount: hasFee ? rng.pick(FEE_AMOUNTS) : 0,
    feeName: rng.pick(FEE_PREFIXES) + lower,
    feeWaivedOnline: hasFee && rng.chance(0.15),
    paperResult: rng.chance(0.4),
    citizenSubject: rng.chance(0.7),
    maxTime, timeUnit,
    ...(units ? { units } : {}),
    popularity,
    resultName,
    components: rng.sample(COMPONENT_NAMES, rng.int(1, 4)),
  }
}

/**
 * Publication (QĐCB) data: about 18% of province procedures get a decision inside the year (some
 * late against the legal basis, some made public late or not yet), another 35% an older decision.
 */
function makePublication(rng: Random, ctx: CatalogueContext): Publication | undefined {
  const r = rng.next()
  const cal = ctx.calendar
  if (r < 0.18) {
    let decision = ctx.firstDay + rng.int(0, Math.max(0, ctx.untilDay - ctx.firstDay))
    while (!cal.isWorkingDay(decision) && decision > ctx.firstDay) decision--
    const legal = rng.chance(0.8)
      ? cal.addWorkingDays(decision, 5 + rng.int(0, 30)) // on time: at least 5 working days ahead
      : rng.chance(0.6) ? cal.addWorkingDays(decision, rng.int(0, 4)) : decision - rng.int(1, 30)
    const p = rng.next()
    let publicDay: number | null =
      p < 0.85 ? cal.addWorkingDays(decision, rng.int(1, 5)) : p < 0.95 ? cal.addWorkingDays(decision, rng.int(6, 20)) : null
    if (publicDay !== null && publicDay > ctx.untilDay) publicDay = null
    return {
      decisionDate: dateOfDayNumber(decision),
      legalEffectiveDate: dateOfDayNumber(legal),
      publicOnPortalDate: publicDay === null ? null : dateOfDayNumber(publicDay),
      completeParts: rng.chance(0.85) ? 7 : rng.int(5, 6),
    }
  }
  if (r < 0.53) {
    const decision = ctx.firstDay - rng.int(20, 3 * 365)
    const publicDay = cal.addWorkingDays(decision, rng.int(1, 8))
    return {
      decisionDate: dateOfDayNumber(decision),
      legalEffectiveDate: dateOfDayNumber(cal.addWorkingDays(decision, rng.int(3, 30))),
      publicOnPortalDate: dateOfDayNumber(publicDay),
      completeParts: rng.chance(0.9) ? 7 : rng.int(5, 6),
    }
  }
  return undefined
}
