/**
 * @module adapters/portal/portal-response
 * Reads a response of the national portal's evaluation API (`/api/v1/reporting/evaluation/<group>`,
 * envelope `{code, data, message}`), recognises its group from its shape and its metric codes or
 * parameter names, and normalizes it into one row per unit. Nothing here computes points: see
 * `rescore.ts`.
 *
 * Two shapes (see `shared/data/README.md`):
 * - metric-shaped (`transparency`, `handling-satisfaction`, `dossier-digitized`): `data.overview`
 *   (the root unit) and `data.evaluation[]`, each with `metrics[]`;
 * - tree-shaped (`dvc-progress-tree`, `provide-online-tree`, `formality-online-payment-tree`):
 *   `data.parent` (the root unit) and `data.children[]`, each carrying the group's parameters.
 */
import { parsePeriod, periodTitle } from '../../engine/periods/period.js'
import { readFileSync } from 'node:fs'
import type { UnitLevel } from '../../engine/model.js'
import type { IndicatorCode } from '../../engine/rules/types.js'
import { dayNumberOf } from '../../engine/time/time.js'

/** The portal's evaluation groups, named as in the API path. */
export const PORTAL_GROUPS = [
  'transparency',
  'handling-satisfaction',
  'dossier-digitized',
  'dvc-progress-tree',
  'provide-online-tree',
  'formality-online-payment-tree',
] as const
export type PortalGroup = (typeof PORTAL_GROUPS)[number]

/** Vietnamese name of each portal group, as on the portal's evaluation pages. */
export const PORTAL_GROUP_NAMES: Record<PortalGroup, string> = {
  transparency: 'Công khai, minh bạch',
  'handling-satisfaction': 'Mức độ hài lòng',
  'dossier-digitized': 'Số hóa hồ sơ',
  'dvc-progress-tree': 'Tiến độ giải quyết',
  'provide-online-tree': 'Dịch vụ công trực tuyến',
  'formality-online-payment-tree': 'Thanh toán trực tuyến',
}

/**
 * The portal's metric codes of the metric-shaped groups and the legal indicator each belongs to,
 * as listed in `shared/spec/indicators.md`. Used to recognise the group of a response; the mapping
 * to the legal code is taken from the rule set's `portalCode` first (see `rescore.ts`), this table
 * is the fallback for codes a rule set does not declare.
 */
export const PORTAL_METRIC_CODES: Record<string, { group: PortalGroup; indicator: IndicatorCode }> = {
  PUBLISH_ON_TIME: { group: 'transparency', indicator: '1.1' },
  PUBLIC_UPDATE_ON_TIME: { group: 'transparency', indicator: '1.2' },
  PUBLIC_CONTENT_FULL: { group: 'transparency', indicator: '1.3' },
  DOSSIER_SYNC: { group: 'transparency', indicator: '1.4' },
  PETITION_CLASSIFICATION_TTHC: { group: 'handling-satisfaction', indicator: '5.1' },
  PETITION_CLASSIFICATION_STAFF: { group: 'handling-satisfaction', indicator: '5.1' },
  PETITION_PROCESSING_ON_TIME: { group: 'handling-satisfaction', indicator: '5.2' },
  PETITION_HANDLING_SATISFACTION: { group: 'handling-satisfaction', indicator: '5.3' },
  DOSSIER_RECEIVING_SATISFACTION: { group: 'handling-satisfaction', indicator: '5.4' },
  ORIGINAL_RESULT_AVAILABLE: { group: 'dossier-digitized', indicator: '4.1' },
  SO_HOA_GIAY_TO_GIAI_QUYET: { group: 'dossier-digitized', indicator: '4.2' },
  ELECTRONIC_CERTIFIED_COPY: { group: 'dossier-digitized', indicator: '4.6' },
  REUSED_DIGITIZED_DATA: { group: 'dossier-digitized', indicator: '4.3' },
  SYNCED_WITH_DVCQG_PERSONAL_STORAGE: { group: 'dossier-digitized', indicator: '4.4' },
  CITIZEN_DATA_CONNECTED_DOSSIER: { group: 'dossier-digitized', indicator: '4.5b' },
  CITIZEN_DATA_CONNECTED_FORMALITY: { group: 'dossier-digitized', indicator: '4.5a' },
}

/** Parameter names of each tree-shaped group (the first ones identify the group). */
export const PORTAL_TREE_PARAMETERS: Record<'dvc-progress-tree' | 'provide-online-tree' | 'formality-online-payment-tree', readonly string[]> = {
  'dvc-progress-tree': ['totalReceived', 'totalOnTime', 'totalOverdue', 'totalCompleted', 'avgProcessingDays'],
  'provide-online-tree': [
    'authorityCount', 'partialCount', 'fullCount', 'onlineDossierCount', 'onlineServiceTotal',
    'channelOnlineSum', 'channelDirectSum', 'channelPostalSum', 'channelTotalSum', 'onlineOnTimeSum', 'onlineOverdueSum',
  ],
  'formality-online-payment-tree': [
    'totalDossierOnlinePaymentSuccess', 'totalDossierFinancialObligation', 'totalDossierOnlineFormalityPaymentSuccess',
    'totalFeeDossierFormalityDistinct', 'totalFeeDossierFormality', 'totalFeeFormality',
  ],
}

/** A response file that cannot be used. The message (Vietnamese) names the file and the problem. */
export class PortalResponseError extends Error {
  constructor(
    readonly file: string,
    detail: string
  ) {
    super(`Tệp phản hồi của Cổng ${file}: ${detail}`)
    this.name = 'PortalResponseError'
  }
}

/** One metric of a metric-shaped unit row, as published. `ratio` is a percentage. */
export interface PortalMetric {
  code: string
  name: string
  numerator: number | null
  denominator: number | null
  ratio: number | null
  score: number | null
  maxScore: number | null
  dataQualityStatus?: string
  dataQualityMessage?: string
}

/** A period, as far as the response (or the caller) tells it. Dates are `YYYY-MM-DD`. */
export interface PortalPeriod {
  kind: 'month' | 'quarter' | 'year' | 'range'
  from: string
  to: string
  /** Vietnamese label, e.g. `tháng 08/2026`. */
  label: string
  /** Where the period comes from. */
  source: 'response' | 'option'
}

/** One unit of a response, normalized. */
export interface PortalUnitRow {
  unitId: string
  unitName: string
  /** `departmentCode` of tree-shaped responses, e.g. `H44.100`. */
  unitCode: string | null
  level: UnitLevel
  /** The portal's own level or type (`PROVINCE`, `COMMUNE`, `PROVINCIAL_DEPARTMENT`…), as published. */
  portalLevel: string | null
  /** The root unit of the response (`overview` / `parent`). */
  isRoot: boolean
  /** Published group points (`totalScore`, or `score` on progress children). */
  totalScore: number | null
  totalMaxScore: number | null
  /** Published group ratio, in percent. */
  ratio: number | null
  scoreDelta: number | null
  /** Metric-shaped responses: the unit's metrics in published order. */
  metrics: PortalMetric[]
  /** Tree-shaped responses: the group's numeric parameters the row carries. */
  parameters: Record<string, number>
}

/** A parsed response. */
export interface PortalResponse {
  file: string
  group: PortalGroup
  shape: 'metric' | 'tree'
  /** The period, when the response states it (the API body usually does not: it is in the request). */
  period?: PortalPeriod
  /** Root unit first, then the units in published order. */
  units: PortalUnitRow[]
  /** Things worth telling the reader about the file itself (e.g. a partial page). */
  warnings: string[]
}

type Obj = Record<string, unknown>

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function numOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

function optStr(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined
}

/**
 * Recognise the group of a response's `data`. Returns the group, or a Vietnamese explanation of
 * why none fits.
 */
export function detectPortalGroup(data: unknown): { group: PortalGroup; shape: 'metric' | 'tree' } | { error: string } {
  if (!isObj(data)) return { error: 'trường "data" không phải là một đối tượng' }
  if (isObj(data.overview) || Array.isArray(data.evaluation)) {
    const units = [data.overview, ...(Array.isArray(data.evaluation) ? data.evaluation : [])].filter(isObj)
    const groups = new Set<PortalGroup>()
    const unknown = new Set<string>()
    for (const u of units) {
      if (!Array.isArray(u.metrics)) continue
      for (const m of u.metrics) {
        const code = isObj(m) && typeof m.code === 'string' ? m.code : null
        if (code === null) continue
        const known = PORTAL_METRIC_CODES[code]
        if (known) groups.add(known.group)
        else unknown.add(code)
      }
    }
    if (groups.size === 1) return { group: [...groups][0], shape: 'metric' }
    if (groups.size > 1) return { error: `các mã chỉ số thuộc nhiều nhóm khác nhau (${[...groups].join(', ')}), không phải phản hồi của một nhóm` }
    return {
      error:
        unknown.size > 0
          ? `dạng chỉ số (overview/evaluation) nhưng không có mã chỉ số nào được nhận ra (${[...unknown].slice(0, 5).join(', ')})`
          : 'dạng chỉ số (overview/evaluation) nhưng không có chỉ số nào (metrics)',
    }
  }
  if (isObj(data.parent) || Array.isArray(data.children)) {
    const keys = new Set<string>()
    for (const u of [data.parent, ...(Array.isArray(data.children) ? data.children : [])]) if (isObj(u)) for (const k of Object.keys(u)) keys.add(k)
    const matches = (Object.keys(PORTAL_TREE_PARAMETERS) as (keyof typeof PORTAL_TREE_PARAMETERS)[]).filter((g) =>
      PORTAL_TREE_PARAMETERS[g].some((p) => keys.has(p))
    )
    if (matches.length === 1) return { group: matches[0], shape: 'tree' }
    if (matches.length > 1) return { error: `dạng cây (parent/children) mang tham số của nhiều nhóm (${matches.join(', ')})` }
    return { error: 'dạng cây (parent/children) nhưng không có tham số nào của nhóm tiến độ, dịch vụ công trực tuyến hay thanh toán trực tuyến' }
  }
  return { error: 'không nhận ra dạng dữ liệu: cần "overview"/"evaluation" (nhóm theo chỉ số) hoặc "parent"/"children" (nhóm dạng cây)' }
}

function levelOf(isRoot: boolean, type: string | null, level: string | null): UnitLevel {
  const t = (type ?? '').toUpperCase()
  const l = (level ?? '').toUpperCase()
  if (t.includes('COMMUNE') || l === 'COMMUNE') return 'commune'
  if (t.includes('DISTRICT') || l === 'DISTRICT') return 'district'
  if (t.includes('MINISTRY') || l === 'MINISTRY') return 'ministry'
  if (isRoot || t === 'PROVINCE') return 'province'
  return 'department'
}

function unitBase(file: string, where: string, u: unknown, isRoot: boolean) {
  if (!isObj(u)) throw new PortalResponseError(file, `${where} không phải là một đối tượng`)
  const id = u.departmentId
  if (typeof id !== 'string' || id === '') throw new PortalResponseError(file, `${where} thiếu "departmentId"`)
  const name = typeof u.departmentName === 'string' ? u.departmentName : id
  const type = optStr(u.departmentType) ?? null
  const lvl = optStr(u.departmentLevel) ?? optStr(u.level) ?? null
  return {
    u,
    base: {
      unitId: id,
      unitName: name,
      unitCode: optStr(u.departmentCode) ?? null,
      level: levelOf(isRoot, type, lvl),
      portalLevel: type ?? lvl,
      isRoot,
      totalScore: numOrNull(u.totalScore) ?? numOrNull(u.score),
      totalMaxScore: numOrNull(u.totalMaxScore) ?? numOrNull(u.maxScore),
      ratio: numOrNull(u.ratio),
      scoreDelta: numOrNull(u.scoreDelta),
    },
  }
}

function metricsOf(file: string, where: string, u: Obj): PortalMetric[] {
  if (!Array.isArray(u.metrics)) throw new PortalResponseError(file, `${where} thiếu danh sách "metrics"`)
  return u.metrics.map((m, i) => {
    if (!isObj(m) || typeof m.code !== 'string' || m.code === '') throw new PortalResponseError(file, `${where}.metrics[${i}] thiếu mã chỉ số "code"`)
    const metric: PortalMetric = {
      code: m.code,
      name: typeof m.name === 'string' ? m.name : m.code,
      numerator: numOrNull(m.numerator),
      denominator: numOrNull(m.denominator),
      ratio: numOrNull(m.ratio),
      score: numOrNull(m.score),
      maxScore: numOrNull(m.maxScore),
    }
    const status = optStr(m.dataQualityStatus)
    const message = optStr(m.dataQualityMessage)
    if (status !== undefined) metric.dataQualityStatus = status
    if (message !== undefined) metric.dataQualityMessage = message
    return metric
  })
}

function parametersOf(group: keyof typeof PORTAL_TREE_PARAMETERS, u: Obj): Record<string, number> {
  const out: Record<string, number> = {}
  for (const p of PORTAL_TREE_PARAMETERS[group]) {
    const v = numOrNull(u[p])
    if (v !== null) out[p] = v
  }
  return out
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** Normalize a date written `YYYY-MM-DD`, `DD/MM/YYYY` or as an ISO date-time; null if not a real date. */
function dateText(v: unknown): string | null {
  if (typeof v !== 'string') return null
  let d = v.trim()
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(d)
  if (vn) d = `${vn[3]}-${pad2(+vn[2])}-${pad2(+vn[1])}`
  d = d.slice(0, 10)
  return dayNumberOf(d) === null ? null : d
}

/**
 * Build a period from fields named as in the API request (`timeType`, `year`, `quarter`, `month`,
 * or `fromDate`/`toDate`), or null when they do not describe one.
 */
export function periodFromFields(o: Record<string, unknown>, source: PortalPeriod['source'] = 'response'): PortalPeriod | null {
  const from = dateText(o.fromDate)
  const to = dateText(o.toDate)
  if (from && to && from <= to) return { kind: 'range', from, to, label: `từ ${from} đến ${to}`, source }
  const year = Number(o.year)
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return null
  const type = String(o.timeType ?? '').toLowerCase()
  const month = Number(o.month)
  const quarter = Number(o.quarter)
  if ((type === 'month' || type === '') && Number.isInteger(month) && month >= 1 && month <= 12) {
    return fromEnginePeriod(`${year}-${pad2(month)}`, source)
  }
  if ((type === 'quarter' || type === '') && Number.isInteger(quarter) && quarter >= 1 && quarter <= 4) {
    return fromEnginePeriod(`${year}-Q${quarter}`, source)
  }
  if (type === 'year' || type === '') return fromEnginePeriod(String(year), source)
  return null
}

/**
 * Parse a period written by a user: `2026-08-15` (a day), `2026-08` (month), `2026-Q3` (quarter),
 * `2026` (year) or `2026-07-01..2026-09-30` (range). Null if not understood.
 */
export function parsePeriodText(text: string): PortalPeriod | null {
  const t = text.trim()
  if (dayNumberOf(t) !== null) return { kind: 'range', from: t, to: t, label: `ngày ${t}`, source: 'option' }
  try {
    return fromEnginePeriod(t, 'option')
  } catch {
    return null
  }
}

/** A portal period from a label the engine's period parser reads. */
function fromEnginePeriod(label: string, source: PortalPeriod['source']): PortalPeriod {
  const p = parsePeriod(label)
  return { kind: p.kind, from: p.firstDay, to: p.lastDay, label: periodTitle(p), source }
}

/** Look for the period in the envelope or `data` (a saved response may carry the request's fields). */
function periodOf(root: Obj, data: Obj): PortalPeriod | undefined {
  for (const o of [data.period, data.request, data, root.period, root.request, root]) {
    if (isObj(o)) {
      const p = periodFromFields(o)
      if (p) return p
    }
  }
  return undefined
}

/**
 * Parse the text of a portal response. `file` is only used in messages.
 * @throws PortalResponseError when the text is not JSON, not a portal response, or of an unknown shape.
 */
export function parsePortalResponse(text: string, file: string): PortalResponse {
  let root: unknown
  try {
    root = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (e) {
    throw new PortalResponseError(file, `không phải JSON hợp lệ (${(e as Error).message})`)
  }
  if (!isObj(root) || !('code' in root) || !('data' in root)) {
    throw new PortalResponseError(file, 'không phải phản hồi của Cổng DVCQG: cần một đối tượng dạng {"code", "data", "message"}')
  }
  if (root.code !== 'OK') {
    const msg = typeof root.message === 'string' ? root.message : ''
    throw new PortalResponseError(file, `Cổng trả về mã lỗi ${JSON.stringify(root.code)}${msg ? ` (${msg})` : ''}, không có số liệu để tính lại`)
  }
  const detected = detectPortalGroup(root.data)
  if ('error' in detected) throw new PortalResponseError(file, detected.error)
  const data = root.data as Obj
  const warnings: string[] = []
  const units: PortalUnitRow[] = []

  if (detected.shape === 'metric') {
    if (!Array.isArray(data.evaluation)) throw new PortalResponseError(file, 'thiếu danh sách đơn vị "data.evaluation"')
    const entries: [string, unknown, boolean][] = []
    if (data.overview !== undefined && data.overview !== null) entries.push(['data.overview', data.overview, true])
    data.evaluation.forEach((u, i) => entries.push([`data.evaluation[${i}]`, u, false]))
    for (const [where, raw, isRoot] of entries) {
      const { u, base } = unitBase(file, where, raw, isRoot)
      units.push({ ...base, metrics: metricsOf(file, where, u), parameters: {} })
    }
    const pg = data.pagination
    if (isObj(pg)) {
      const total = numOrNull(pg.total)
      if (total !== null && total > data.evaluation.length) {
        warnings.push(`Tệp chỉ có ${data.evaluation.length}/${total} đơn vị (phân trang: trang ${String(pg.currentPage ?? '?')}/${String(pg.totalPages ?? '?')}); các đơn vị còn lại không được tính lại.`)
      }
    }
  } else {
    const group = detected.group as keyof typeof PORTAL_TREE_PARAMETERS
    if (!Array.isArray(data.children)) throw new PortalResponseError(file, 'thiếu danh sách đơn vị "data.children"')
    const entries: [string, unknown, boolean][] = []
    if (data.parent !== undefined && data.parent !== null) entries.push(['data.parent', data.parent, true])
    data.children.forEach((u, i) => entries.push([`data.children[${i}]`, u, false]))
    for (const [where, raw, isRoot] of entries) {
      const { u, base } = unitBase(file, where, raw, isRoot)
      units.push({ ...base, metrics: [], parameters: parametersOf(group, u) })
    }
  }
  if (units.length === 0) throw new PortalResponseError(file, 'không có đơn vị nào')
  const period = periodOf(root, data)
  return { file, group: detected.group, shape: detected.shape, ...(period ? { period } : {}), units, warnings }
}

/**
 * Read and parse a portal response file.
 * @throws PortalResponseError when the file cannot be read or parsed.
 */
export function readPortalResponse(path: string, label = path): PortalResponse {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'không tồn tại' : code === 'EISDIR' ? 'là một thư mục, không phải tệp' : code === 'EACCES' ? 'không có quyền đọc' : `không đọc được (${(e as Error).message})`
    throw new PortalResponseError(label, why)
  }
  return parsePortalResponse(text, label)
}
