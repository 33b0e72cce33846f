/**
 * @module engine/targets/target
 * Directive targets (chỉ tiêu chỉ đạo): what an office asks of its units by official letter, e.g.
 * "hồ sơ trực tuyến tối thiểu 52%". A target does not change points; it flags units. This module
 * holds the definition, its validation (Vietnamese errors naming the field) and when it applies.
 */
import type { Period } from '../periods/period.js'
import { parsePeriod, PeriodError } from '../periods/period.js'
import { INDICATOR_CODES, type IndicatorCode, type RuleSet } from '../rules/types.js'

/**
 * What a target is about: an indicator's ratio (threshold 0…1), an indicator's points, a group's
 * points (threshold 0…group maximum) or the total (0…100).
 */
export type TargetSubject =
  | { kind: 'indicator'; code: IndicatorCode }
  | { kind: 'indicator-points'; code: IndicatorCode }
  | { kind: 'group'; code: string }
  | { kind: 'total' }

export const SUBJECT_KINDS = ['indicator', 'indicator-points', 'group', 'total'] as const
export type SubjectKind = (typeof SUBJECT_KINDS)[number]

/** A target as stored and sent by the API (docs/web-api.md). */
export interface TargetDefinition {
  name: string
  subject: TargetSubject
  /** Ratio 0…1 (`indicator`) or points (the other kinds); a unit meets it at or above it. */
  threshold: number
  /** Unit codes the target is set for. */
  units: string[]
  /** Also every unit below each listed unit. */
  includeSubUnits: boolean
  /** First period (`YYYY-MM`, `YYYY-Qn` or `YYYY`). */
  from: string
  /** Last period, or null (open ended). */
  to: string | null
  /** The document that sets it, e.g. "Công văn số 123/UBND-NC ngày 15/01/2024". */
  source: string
}

const FIELDS = ['name', 'subject', 'threshold', 'units', 'includeSubUnits', 'from', 'to', 'source'] as const
const MAX_NAME = 200
const MAX_SOURCE = 500
const MAX_UNITS = 2000

/** Parse a target period label (month, quarter or year; not a date range). */
function periodField(field: string, v: unknown, errors: string[]): Period | null {
  if (typeof v !== 'string' || v.trim() === '') {
    errors.push(`Trường ${field}: phải là một kỳ dạng 2024-01 (tháng), 2024-Q1 (quý) hoặc 2024 (năm)`)
    return null
  }
  try {
    const p = parsePeriod(v)
    if (p.kind === 'range') {
      errors.push(`Trường ${field}: "${v}" là khoảng ngày; chỉ tiêu chỉ đạo dùng kỳ tháng (2024-01), quý (2024-Q1) hoặc năm (2024)`)
      return null
    }
    return p
  } catch (e) {
    if (e instanceof PeriodError) {
      errors.push(`Trường ${field}: ${e.message}`)
      return null
    }
    throw e
  }
}

/** Rule sets in force on some day of [firstDay, lastDay] (lastDay null = open ended). */
export function ruleSetsBetween(ruleSets: readonly RuleSet[], firstDay: string, lastDay: string | null): RuleSet[] {
  return ruleSets.filter((s) => (lastDay === null || s.effectiveFrom <= lastDay) && (s.effectiveTo === null || s.effectiveTo >= firstDay))
}

/** Result of {@link checkTarget}: the normalized definition, or the errors. */
export type TargetCheck = { definition: TargetDefinition; errors: [] } | { definition: null; errors: string[] }

/**
 * Check a target definition as received (any JSON): every field, the units against the known
 * ones, the subject and the threshold against every rule set in force over [from, to].
 * Strings are trimmed, unit codes de-duplicated; `includeSubUnits` defaults to false, `to` to
 * null, `source` to "".
 */
export function checkTarget(input: unknown, knownUnits: { has(code: string): boolean }, ruleSets: readonly RuleSet[]): TargetCheck {
  const errors: string[] = []
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { definition: null, errors: ['Nội dung chỉ tiêu phải là một đối tượng JSON'] }
  const o = input as Record<string, unknown>
  const unknown = Object.keys(o).filter((k) => !(FIELDS as readonly string[]).includes(k))
  if (unknown.length) errors.push(`Trường ${unknown.join(', ')} không được hỗ trợ (các trường hợp lệ: ${FIELDS.join(', ')})`)

  let name = ''
  if (typeof o.name !== 'string' || o.name.trim() === '') errors.push('Trường name: thiếu tên chỉ tiêu (ví dụ "Tỷ lệ hồ sơ trực tuyến")')
  else if (o.name.trim().length > MAX_NAME) errors.push(`Trường name: tên dài quá ${MAX_NAME} ký tự`)
  else name = o.name.trim()

  let source = ''
  if (o.source !== undefined && o.source !== null) {
    if (typeof o.source !== 'string') errors.push('Trường source: phải là chuỗi (số, ngày của văn bản chỉ đạo)')
    else if (o.source.trim().length > MAX_SOURCE) errors.push(`Trường source: dài quá ${MAX_SOURCE} ký tự`)
    else source = o.source.trim()
  }

  let includeSubUnits = false
  if (o.includeSubUnits !== undefined) {
    if (typeof o.includeSubUnits !== 'boolean') errors.push('Trường includeSubUnits: phải là true hoặc false')
    else includeSubUnits = o.includeSubUnits
  }

  const units: string[] = []
  if (!Array.isArray(o.units) || o.units.length === 0) errors.push('Trường units: phải là danh sách mã đơn vị, ít nhất một đơn vị')
  else if (o.units.length > MAX_UNITS) errors.push(`Trường units: nhiều quá ${MAX_UNITS} đơn vị`)
  else {
    const bad: string[] = []
    for (const [i, c] of o.units.entries()) {
      if (typeof c !== 'string' || c.trim() === '') {
        errors.push(`Trường units[${i}]: phải là mã đơn vị (chuỗi)`)
        continue
      }
      const code = c.trim()
      if (!knownUnits.has(code)) bad.push(code)
      else if (!units.includes(code)) units.push(code)
    }
    if (bad.length) errors.push(`Trường units: không có đơn vị mã ${bad.join(', ')}`)
  }

  const from = periodField('from', o.from, errors)
  let to: Period | null = null
  if (o.to !== undefined && o.to !== null) to = periodField('to', o.to, errors)
  if (from && to && to.lastDay < from.firstDay) errors.push(`Trường to: kỳ cuối ${to.label} đứng trước kỳ đầu ${from.label} (trường from)`)

  // Rule sets in force over the target's periods.
  let sets: RuleSet[] = []
  if (from && (o.to === undefined || o.to === null || to)) {
    if (to && to.lastDay < from.firstDay) sets = []
    else {
      sets = ruleSetsBetween(ruleSets, from.firstDay, to ? to.lastDay : null)
      const first = [...ruleSets].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0]
      if (first && from.firstDay < first.effectiveFrom) errors.push(`Trường from: kỳ ${from.label} bắt đầu trước khi bộ chỉ số có hiệu lực (${first.effectiveFrom})`)
    }
  }

  let subject: TargetSubject | null = null
  let limit: { max: number; what: string } | null = null
  const s = o.subject
  if (s === null || typeof s !== 'object' || Array.isArray(s)) errors.push(`Trường subject: phải là đối tượng { kind, code }, kind là một trong ${SUBJECT_KINDS.join(', ')}`)
  else {
    const so = s as Record<string, unknown>
    const extra = Object.keys(so).filter((k) => k !== 'kind' && k !== 'code')
    if (extra.length) errors.push(`Trường subject.${extra.join(', subject.')} không được hỗ trợ (chỉ có subject.kind và subject.code)`)
    const kind = so.kind
    if (typeof kind !== 'string' || !(SUBJECT_KINDS as readonly string[]).includes(kind)) {
      errors.push(`Trường subject.kind: "${String(kind)}" không hợp lệ; các giá trị: ${SUBJECT_KINDS.join(', ')}`)
    } else if (kind === 'total') {
      if (so.code !== undefined && so.code !== null) errors.push('Trường subject.code: chỉ tiêu về tổng điểm (total) không có mã')
      subject = { kind: 'total' }
      const maxima = sets.map((r) => r.groups.reduce((a, g) => a + g.max, 0))
      limit = { max: maxima.length ? Math.min(...maxima) : 100, what: 'tổng điểm tối đa' }
    } else if (typeof so.code !== 'string' || so.code.trim() === '') {
      errors.push(`Trường subject.code: thiếu mã ${kind === 'group' ? 'nhóm (ví dụ 3)' : 'chỉ tiêu (ví dụ 3.3)'}`)
    } else if (kind === 'group') {
      const code = so.code.trim()
      const found = sets.map((r) => ({ r, g: r.groups.find((g) => g.id === code) }))
      const missing = found.filter((f) => !f.g)
      if (missing.length) errors.push(`Trường subject.code: nhóm ${code} không có trong bộ quy tắc "${missing[0].r.name}"`)
      else {
        const names = new Set(found.map((f) => f.g!.name))
        if (names.size > 1) errors.push(`Trường subject.code: nhóm ${code} mang nghĩa khác nhau trong các bộ quy tắc có hiệu lực từ ${from?.label} đến ${to?.label ?? 'nay'} (${[...names].join(' / ')}); hãy đặt chỉ tiêu riêng cho từng bộ quy tắc`)
        subject = { kind: 'group', code }
        limit = { max: found.length ? Math.min(...found.map((f) => f.g!.max)) : Infinity, what: `điểm tối đa của nhóm ${code}` }
      }
    } else {
      const code = so.code.trim()
      if (!(INDICATOR_CODES as readonly string[]).includes(code)) errors.push(`Trường subject.code: chỉ tiêu "${code}" không tồn tại; các mã: ${INDICATOR_CODES.join(', ')}`)
      else {
        const ic = code as IndicatorCode
        const missing = sets.filter((r) => !r.indicators[ic])
        if (missing.length) errors.push(`Trường subject.code: chỉ tiêu ${code} không có trong bộ quy tắc "${missing[0].name}"`)
        else {
          const rules = sets.map((r) => r.indicators[ic]!)
          if (rules.some((r) => r.tracked)) errors.push(`Trường subject.code: chỉ tiêu ${code} chỉ theo dõi, không tính điểm, nên không đặt chỉ tiêu chỉ đạo được`)
          else if (kind === 'indicator') {
            subject = { kind: 'indicator', code: ic }
            limit = { max: 1, what: 'tỷ lệ 1 (100%)' }
          } else {
            subject = { kind: 'indicator-points', code: ic }
            limit = { max: rules.length ? Math.min(...rules.map((r) => r.max)) : Infinity, what: `điểm tối đa của chỉ tiêu ${code}` }
          }
        }
      }
    }
  }

  let threshold = NaN
  if (typeof o.threshold !== 'number' || !Number.isFinite(o.threshold)) {
    errors.push(subject?.kind === 'indicator' ? 'Trường threshold: phải là tỷ lệ từ 0 đến 1 (ví dụ 0.52 cho 52%)' : 'Trường threshold: phải là một số')
  } else if (o.threshold < 0) errors.push('Trường threshold: không được âm')
  else if (limit && o.threshold > limit.max) {
    errors.push(subject?.kind === 'indicator'
      ? `Trường threshold: ${o.threshold} lớn hơn 1; tỷ lệ ghi dạng 0…1 (ví dụ 0.52 cho 52%)`
      : `Trường threshold: ${o.threshold} lớn hơn ${limit.what} (${limit.max})`)
  } else threshold = o.threshold

  if (errors.length || !subject || !from) return { definition: null, errors: errors.length ? errors : ['Chỉ tiêu không hợp lệ'] }
  return { definition: { name, subject, threshold, units, includeSubUnits, from: from.label, to: to ? to.label : null, source }, errors: [] }
}

/** The errors of a definition (empty when valid). */
export function validateTarget(input: unknown, knownUnits: { has(code: string): boolean }, ruleSets: readonly RuleSet[]): string[] {
  return checkTarget(input, knownUnits, ruleSets).errors
}

/** First and last day of a target (last null = open ended). */
export function targetSpan(def: TargetDefinition): { firstDay: string; lastDay: string | null } {
  return { firstDay: parsePeriod(def.from).firstDay, lastDay: def.to === null ? null : parsePeriod(def.to).lastDay }
}

/** Does the target apply to (overlap) the period? */
export function appliesTo(def: TargetDefinition, period: Period): boolean {
  const { firstDay, lastDay } = targetSpan(def)
  return firstDay <= period.lastDay && (lastDay === null || lastDay >= period.firstDay)
}
