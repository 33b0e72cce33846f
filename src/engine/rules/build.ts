/**
 * @module engine/rules/build
 * Validates the parsed `rules/` files and builds the dated rule sets. Pure: the caller reads the
 * files (see `adapters/rules-files`). Every error names the file and the key.
 */
import { dayNumberOf } from '../time/time.js'
import {
  INDICATOR_CODES,
  type GroupRule,
  type IndicatorCode,
  type IndicatorRule,
  type LegalAct,
  type Provenance,
  type RuleSet,
} from './types.js'

/** A rules file that cannot be used. The message names the file, the key and what was expected. */
export class RuleFileError extends Error {
  constructor(
    readonly file: string,
    readonly key: string,
    detail: string
  ) {
    super(`Tệp quy tắc ${file}, khóa "${key}": ${detail}`)
    this.name = 'RuleFileError'
  }
}

export interface ParsedFile {
  file: string
  data: unknown
}

const PROVENANCES = ['doc', 'data', 'inferred'] as const
const ZERO_POLICIES = ['not-applicable', 'zero', 'full'] as const
const COMMUNE_POLICIES = ['scored', 'full-points', 'not-applicable'] as const
const SCOPES = ['own-and-children', 'province-wide'] as const

type Obj = Record<string, unknown>

function obj(file: string, key: string, v: unknown): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new RuleFileError(file, key, 'cần một đối tượng (object)')
  return v as Obj
}
/** Refuse keys the schema does not know (a typo would otherwise be silently ignored). */
function knownKeys(file: string, key: string, o: Obj, allowed: readonly string[]): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) throw new RuleFileError(file, `${key}.${k}`, `khóa không được hỗ trợ; các khóa hợp lệ: ${allowed.join(', ')}`)
  }
}
function str(file: string, key: string, v: unknown): string {
  if (typeof v !== 'string' || v.trim() === '') throw new RuleFileError(file, key, 'cần một chuỗi không rỗng')
  return v
}
function date(file: string, key: string, v: unknown): string {
  if (typeof v !== 'string' || dayNumberOf(v) === null) throw new RuleFileError(file, key, `cần một ngày dạng "YYYY-MM-DD" có thật, nhận được ${JSON.stringify(v)}`)
  return v
}
function num(file: string, key: string, v: unknown, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) throw new RuleFileError(file, key, `cần một số từ ${min} đến ${max}, nhận được ${JSON.stringify(v)}`)
  return v
}
function oneOf<T extends string>(file: string, key: string, v: unknown, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) throw new RuleFileError(file, key, `cần một trong ${allowed.join(', ')}, nhận được ${JSON.stringify(v)}`)
  return v as T
}
function code(file: string, key: string, v: unknown): IndicatorCode {
  return oneOf(file, key, v, INDICATOR_CODES)
}

/** `portalCode`: null, one code, or a list of codes. */
function portalCodes(file: string, v: unknown): string[] {
  if (v === null || v === undefined) return []
  if (Array.isArray(v)) return v.map((c, i) => str(file, `portalCode[${i}]`, c))
  return [str(file, 'portalCode', v)]
}

/** Parse `acts.yaml`. */
export function buildActs(f: ParsedFile): Map<string, LegalAct> {
  const root = obj(f.file, '(gốc)', f.data)
  if (!Array.isArray(root.acts)) throw new RuleFileError(f.file, 'acts', 'cần một danh sách')
  const acts = new Map<string, LegalAct>()
  root.acts.forEach((a, i) => {
    const k = `acts[${i}]`
    const o = obj(f.file, k, a)
    const act: LegalAct = {
      id: str(f.file, `${k}.id`, o.id),
      title: str(f.file, `${k}.title`, o.title),
      signed: date(f.file, `${k}.signed`, o.signed),
      effective: date(f.file, `${k}.effective`, o.effective),
      href: typeof o.href === 'string' ? o.href : undefined,
    }
    if (acts.has(act.id)) throw new RuleFileError(f.file, `${k}.id`, `mã văn bản "${act.id}" bị trùng`)
    acts.set(act.id, act)
  })
  return acts
}

function reference(file: string, key: string, v: unknown, acts: Map<string, LegalAct>) {
  const o = obj(file, key, v)
  const act = str(file, `${key}.act`, o.act)
  if (!acts.has(act)) throw new RuleFileError(file, `${key}.act`, `văn bản "${act}" không có trong acts.yaml`)
  return {
    act,
    article: typeof o.article === 'string' ? o.article : undefined,
    href: typeof o.href === 'string' ? o.href : undefined,
  }
}

interface IndicatorVersion extends Omit<IndicatorRule, 'effectiveFrom'> {
  effectiveFrom: string
}

/** Parse one `indicators/<code>.yaml`: its dated values, oldest first. */
export function buildIndicatorVersions(f: ParsedFile, acts: Map<string, LegalAct>): IndicatorVersion[] {
  const o = obj(f.file, '(gốc)', f.data)
  knownKeys(f.file, '(gốc)', o, ['code', 'portalCode', 'name', 'description', 'reference', 'values'])
  const c = code(f.file, 'code', o.code)
  const expectedFile = `${c}.yaml`
  if (!f.file.endsWith(expectedFile)) throw new RuleFileError(f.file, 'code', `mã "${c}" phải nằm trong tệp ${expectedFile}`)
  const codes = portalCodes(f.file, o.portalCode)
  const base = {
    portalCode: codes[0] ?? null,
    code: c,
    portalCodes: codes,
    name: str(f.file, 'name', o.name),
    description: str(f.file, 'description', o.description),
    reference: reference(f.file, 'reference', o.reference, acts),
  }
  const values = obj(f.file, 'values', o.values)
  const dates = Object.keys(values).sort()
  if (dates.length === 0) throw new RuleFileError(f.file, 'values', 'cần ít nhất một giá trị theo ngày')
  return dates.map((d) => {
    const k = `values."${d}"`
    date(f.file, k, d)
    const v = obj(f.file, k, values[d])
    knownKeys(f.file, k, v, ['max', 'points', 'zeroDenominator', 'commune', 'scope', 'tracked', 'provenance', 'notes'])
    const p = obj(f.file, `${k}.points`, v.points)
    const kind = oneOf(f.file, `${k}.points.kind`, p.kind, ['proportional', 'threshold'] as const)
    const max = num(f.file, `${k}.max`, v.max, 0, 100)
    const tracked = v.tracked === true
    if (tracked !== (max === 0)) throw new RuleFileError(f.file, `${k}.tracked`, 'chỉ tiêu chỉ theo dõi (tracked: true) phải có max: 0 và ngược lại')
    return {
      ...base,
      max,
      points: kind === 'proportional' ? { kind } : { kind, threshold: num(f.file, `${k}.points.threshold`, p.threshold, 0.01, 1) },
      zeroDenominator: oneOf(f.file, `${k}.zeroDenominator`, v.zeroDenominator, ZERO_POLICIES),
      commune: oneOf(f.file, `${k}.commune`, v.commune, COMMUNE_POLICIES),
      scope: oneOf(f.file, `${k}.scope`, v.scope, SCOPES),
      tracked,
      provenance: oneOf(f.file, `${k}.provenance`, v.provenance, PROVENANCES),
      notes: typeof v.notes === 'string' ? v.notes : undefined,
      effectiveFrom: d,
    }
  })
}

/**
 * Build the rule sets: one per layout, from its effective date to the day before the next
 * layout's. Each indicator takes the value in force on the layout's effective date; an indicator
 * value that changes inside a layout's span starts a new rule set, so that a rule set is constant.
 */
export function buildRuleSets(input: { acts: ParsedFile; layouts: ParsedFile[]; indicators: ParsedFile[] }): RuleSet[] {
  const acts = buildActs(input.acts)
  const versions = new Map<IndicatorCode, IndicatorVersion[]>()
  for (const f of input.indicators) {
    const vs = buildIndicatorVersions(f, acts)
    if (versions.has(vs[0].code)) throw new RuleFileError(f.file, 'code', `chỉ tiêu ${vs[0].code} được khai báo hai lần`)
    versions.set(vs[0].code, vs)
  }
  const layouts = input.layouts.map((f) => {
    const o = obj(f.file, '(gốc)', f.data)
    const effectiveFrom = date(f.file, 'effectiveFrom', o.effectiveFrom)
    if (!Array.isArray(o.groups) || o.groups.length === 0) throw new RuleFileError(f.file, 'groups', 'cần một danh sách nhóm')
    const seen = new Set<string>()
    const groups: GroupRule[] = o.groups.map((g, i) => {
      const k = `groups[${i}]`
      const go = obj(f.file, k, g)
      knownKeys(f.file, k, go, ['id', 'name', 'max', 'indicators'])
      if (!Array.isArray(go.indicators)) throw new RuleFileError(f.file, `${k}.indicators`, 'cần một danh sách mã chỉ tiêu')
      const codes = go.indicators.map((c, j) => {
        const cc = code(f.file, `${k}.indicators[${j}]`, c)
        if (seen.has(cc)) throw new RuleFileError(f.file, `${k}.indicators[${j}]`, `chỉ tiêu ${cc} nằm trong hai nhóm`)
        if (!versions.has(cc)) throw new RuleFileError(f.file, `${k}.indicators[${j}]`, `chưa có tệp indicators/${cc}.yaml`)
        seen.add(cc)
        return cc
      })
      return { id: str(f.file, `${k}.id`, String(go.id ?? '')), name: str(f.file, `${k}.name`, go.name), max: num(f.file, `${k}.max`, go.max, 0, 100), indicators: codes }
    })
    return {
      file: f.file,
      name: str(f.file, 'name', o.name),
      effectiveFrom,
      provenance: oneOf(f.file, 'provenance', o.provenance, PROVENANCES),
      reference: reference(f.file, 'reference', o.reference, acts),
      notes: typeof o.notes === 'string' ? o.notes : undefined,
      groups,
    }
  })
  layouts.sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom))
  for (let i = 1; i < layouts.length; i++) {
    if (layouts[i].effectiveFrom === layouts[i - 1].effectiveFrom) throw new RuleFileError(layouts[i].file, 'effectiveFrom', `hai bố cục cùng hiệu lực từ ${layouts[i].effectiveFrom}`)
  }

  // Cut points: each layout start, and each indicator value change inside a layout.
  const sets: RuleSet[] = []
  layouts.forEach((layout, li) => {
    const until = layouts[li + 1]?.effectiveFrom ?? null
    const cuts = new Set([layout.effectiveFrom])
    for (const g of layout.groups) for (const c of g.indicators) for (const v of versions.get(c)!) {
      if (v.effectiveFrom > layout.effectiveFrom && (until === null || v.effectiveFrom < until)) cuts.add(v.effectiveFrom)
    }
    const starts = [...cuts].sort()
    starts.forEach((start, si) => {
      const next = starts[si + 1] ?? until
      const indicators: RuleSet['indicators'] = {}
      for (const g of layout.groups) {
        let sum = 0
        for (const c of g.indicators) {
          const inForce = versions.get(c)!.filter((v) => v.effectiveFrom <= start).pop()
          if (!inForce) throw new RuleFileError(layout.file, `groups (nhóm ${g.id})`, `chỉ tiêu ${c} chưa có giá trị hiệu lực tại ${start}`)
          indicators[c] = inForce
          sum += inForce.max
        }
        if (Math.abs(sum - g.max) > 1e-9) throw new RuleFileError(layout.file, `groups (nhóm ${g.id}).max`, `tổng điểm tối đa các chỉ tiêu (${sum}) khác điểm của nhóm (${g.max}) tại ${start}`)
      }
      sets.push({
        id: start,
        name: layout.name,
        effectiveFrom: start,
        effectiveTo: next ? dateBefore(next) : null,
        provenance: layout.provenance as Provenance,
        reference: layout.reference,
        notes: layout.notes,
        groups: layout.groups,
        indicators,
      })
    })
  })
  return sets
}

function dateBefore(d: string): string {
  return new Date((dayNumberOf(d)! - 1) * 86_400_000).toISOString().slice(0, 10)
}

/** The rule set in force on a date, or null before the first one. */
export function ruleSetOn(sets: RuleSet[], day: string): RuleSet | null {
  let found: RuleSet | null = null
  for (const s of sets) if (s.effectiveFrom <= day) found = s
  return found
}
