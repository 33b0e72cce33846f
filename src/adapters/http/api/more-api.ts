/**
 * @module adapters/http/api/more-api
 * What the pages need besides the read API: `GET /api/meta` (what a page needs to start),
 * `GET /api/procedures` and `GET /api/procedures/:code` (one national procedure across the units)
 * and `GET /api/units/:code/official` (the portal's published points next to chiso's, from the
 * saved portal responses in the store, see `official.ts`). Every number comes from
 * `LiveData.score`, like the read API; refusals are `{ error }` naming the parameter.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DOSSIER_INDICATORS } from '../../../engine/indicators/dossier-indicators.js'
import { PROCEDURE_INDICATORS } from '../../../engine/indicators/procedure-indicators.js'
import type { Instant } from '../../../engine/model.js'
import { parsePeriod, type Period } from '../../../engine/periods/period.js'
import { lowerBound, type PreparedData } from '../../../engine/prepare/dossier-table.js'
import { ruleSetOn } from '../../../engine/rules/build.js'
import { appliesSub, type ScoreReport } from '../../../engine/score.js'
import { accessOf, requireRead, ROLE_NAMES, type Access } from '../auth/access.js'
import type { ApiContext } from '../context.js'
import { officialComparison } from './official.js'
import { ApiError, intParam, levelParam, onlyParams, periodParam, stringParam, type RawQuery } from './params.js'
import { indicatorJson, iso, periodJson, reportHead, ruleSetJson, singleReport as singleReportOf, unitIndexOf, unitJson } from './reports.js'
import { dossiersIn } from './read-api.js'

/** Name of the application, as pages show it. */
export const APP_NAME = 'Chỉ số phục vụ người dân, doanh nghiệp (Quyết định 766/QĐ-TTg)'
/** Largest `limit` of `GET /api/procedures`. */
export const MAX_PROCEDURES = 5000

/**
 * Indicators of the procedure view: those counted from one procedure's dossiers and catalogue entry
 * (dossier indicators, procedure indicators, 1.1–1.3, 2.2). Left out: 1.4, whose denominator may come
 * from the unit's sync reports (not per procedure), and 5.1–5.3, petitions about the unit.
 */
export const PROCEDURE_VIEW_INDICATORS: ReadonlySet<string> = new Set<string>([
  '1.1',
  '1.2',
  '1.3',
  '2.2',
  ...DOSSIER_INDICATORS.map((i) => i.code as string).filter((c) => c !== '1.4'),
  ...PROCEDURE_INDICATORS.map((i) => i.code as string),
])

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi')
/** `YYYY-MM` of an instant, Vietnam calendar. */
const monthOf = (at: Instant) => new Date(at + 7 * 3_600_000).toISOString().slice(0, 7)

/** Months (`YYYY-MM`) with at least one dossier received or submitted, oldest first. */
export function monthsWithData(d: PreparedData): string[] {
  const ends: number[] = []
  for (const t of [d.table, d.delta]) {
    if (!t || t.n === 0) continue
    let i = 0
    while (i < t.n && !Number.isFinite(t.at[i])) i++
    let j = t.n - 1
    while (j >= 0 && !Number.isFinite(t.at[j])) j--
    if (i <= j) ends.push(t.at[i], t.at[j])
  }
  if (ends.length === 0) return []
  const first = monthOf(Math.min(...ends)), last = monthOf(Math.max(...ends))
  const out: string[] = []
  let y = +first.slice(0, 4), m = +first.slice(5, 7)
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`
    if (dossiersIn(d, parsePeriod(label)) > 0) out.push(label)
    if (label >= last) break
    if (++m > 12) (m = 1), y++
  }
  return out
}

/** The period pages open on: the latest month with data that is over at `now`, else the latest with data. */
export function defaultPeriodOf(months: readonly string[], now: Instant): string | null {
  const current = monthOf(now)
  const complete = months.filter((m) => m < current)
  return complete.length ? complete[complete.length - 1] : months.length ? months[months.length - 1] : null
}

/** Dossiers per procedure (index) of the units `inScope` (null = all), over every period. */
function dossiersPerProcedure(d: PreparedData, inScope: Uint8Array | null): Float64Array {
  const out = new Float64Array(d.procedures.length)
  for (const t of [d.table, d.delta]) {
    if (!t) continue
    const dead = t === d.table ? d.dead : undefined
    for (let i = 0; i < t.n; i++) {
      const p = t.proc[i]
      if (p < 0 || dead?.[i]) continue
      if (inScope !== null && !inScope[t.unit[i]]) continue
      out[p]++
    }
  }
  return out
}

/** Dossiers of one procedure received in a period, per unit, rolled up to the ancestors. */
function procedureDossiers(d: PreparedData, period: Period, p: number): Float64Array {
  const out = new Float64Array(d.units.units.length)
  for (const t of [d.table, d.delta]) {
    if (!t) continue
    const dead = t === d.table ? d.dead : undefined
    const hi = lowerBound(t.at, period.end)
    for (let i = lowerBound(t.at, period.start); i < hi; i++) if (t.proc[i] === p && !dead?.[i] && t.unit[i] >= 0) out[t.unit[i]]++
  }
  for (const u of d.units.bottomUp) {
    const par = d.units.parent[u]
    if (par >= 0) out[par] += out[u]
  }
  return out
}

function scopeMask(d: PreparedData, access: Access): Uint8Array | null {
  if (access.scope === null) return null
  const mask = new Uint8Array(d.units.units.length)
  d.units.units.forEach((u, i) => {
    if (access.canRead(u.code)) mask[i] = 1
  })
  return mask
}

/** Register `/api/meta`, `/api/procedures`, `/api/procedures/:code`, `/api/units/:code/official`. */
export function registerMoreApi(app: FastifyInstance, ctx: ApiContext): void {
  const { live, ruleSets } = ctx

  const handle =
    (fn: (q: RawQuery, params: Record<string, string>, req: FastifyRequest) => unknown) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      try {
        return await fn((req.query ?? {}) as RawQuery, (req.params ?? {}) as Record<string, string>, req)
      } catch (e) {
        if (e instanceof ApiError) return reply.code(e.status).send({ error: e.message })
        throw e
      }
    }

  const unitOf = unitIndexOf
  const singleReport = (period: Period, options: { asOf: Instant; procedureCode?: string }): ScoreReport => singleReportOf(live, period, options)

  // Months with data are recomputed only when the data change (a push makes a new view).
  const monthsCache = new WeakMap<PreparedData, string[]>()
  const monthsOf = (d: PreparedData) => {
    let m = monthsCache.get(d)
    if (!m) monthsCache.set(d, (m = monthsWithData(d)))
    return m
  }

  // Cheap enough to poll: the version of the data (grows with every pushed or imported change).
  app.get('/api/data-version', handle((q, _params, req) => {
    accessOf(req)
    onlyParams(q, [])
    return { dataVersion: live.version, asOf: iso(ctx.now()) }
  }))

  app.get('/api/meta', handle((q, _params, req) => {
    const access = accessOf(req)
    onlyParams(q, [])
    const d = live.current()
    const now = ctx.now()
    const months = monthsOf(d)
    const defaultPeriod = defaultPeriodOf(months, now)
    const day = defaultPeriod ? parsePeriod(defaultPeriod).firstDay : new Date(now + 7 * 3_600_000).toISOString().slice(0, 10)
    const set = ruleSetOn(ruleSets, day) ?? [...ruleSets].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).at(-1) ?? null
    const root = d.units.units.find((u) => u.parent === null) ?? null
    const u = access.user
    const unitName = (code: string | null) => (code === null ? null : (d.units.units[d.units.byCode.get(code) ?? -1]?.name ?? null))
    const groupOf = new Map<string, string>()
    for (const g of set?.groups ?? []) for (const c of g.indicators) groupOf.set(c, g.id)
    return {
      appName: APP_NAME,
      province: root ? unitJson(root) : null,
      asOf: iso(now),
      dataVersion: live.version,
      defaultPeriod,
      latestMonthWithData: months.length ? months[months.length - 1] : null,
      monthsWithData: months,
      ruleSet: set ? ruleSetJson(set) : null,
      ruleSets: ruleSets.map(ruleSetJson),
      indicators: set
        ? Object.values(set.indicators).map((r) => ({ id: r!.code, code: r!.portalCode ?? r!.code, name: r!.name, group: groupOf.get(r!.code) ?? null, max: r!.max, tracked: r!.tracked }))
        : [],
      groups: (set?.groups ?? []).map((g) => ({ id: g.id, name: g.name, max: g.max })),
      user: { username: u.username, displayName: u.displayName, role: u.role, roleName: ROLE_NAMES[u.role], unitCode: u.unitCode, unitName: unitName(u.unitCode) },
    }
  }))

  app.get('/api/procedures', handle((q, _params, req) => {
    const access = accessOf(req)
    onlyParams(q, ['q', 'limit'])
    const text = stringParam(q, 'q')
    if (text !== undefined && text.length > 200) throw new ApiError(400, 'Tham số q dài quá 200 ký tự')
    const limit = intParam(q, 'limit', 1, MAX_PROCEDURES, 100)
    const d = live.current()
    const mask = scopeMask(d, access)
    const counts = dossiersPerProcedure(d, mask)
    const P = d.procedures.length
    const applies = mask === null ? null : d.applies
    const needle = text === undefined ? null : fold(text)
    const rows: { code: string; name: string; level: string; dossiers: number }[] = []
    d.procedures.forEach((p, i) => {
      if (needle !== null && !fold(p.code).includes(needle) && !fold(p.name).includes(needle)) return
      if (applies !== null && counts[i] === 0) {
        // A restricted user sees the procedures of its units only.
        let any = false
        for (let u = 0; u < mask!.length && !any; u++) any = mask![u] === 1 && applies[u * P + i] === 1
        if (!any) return
      }
      rows.push({ code: p.code, name: p.name, level: p.level, dossiers: counts[i] })
    })
    rows.sort((a, b) => b.dossiers - a.dossiers || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    return { total: rows.length, procedures: rows.slice(0, limit) }
  }))

  app.get('/api/procedures/:code', handle((q, params, req) => {
    const access = accessOf(req)
    onlyParams(q, ['period', 'level', 'parent'])
    const period = periodParam(q)
    const level = levelParam(q)
    const parent = stringParam(q, 'parent')
    const d = live.current()
    if (parent !== undefined) unitOf(d, parent)
    const p = d.procIndex.get(params.code)
    if (p === undefined) throw new ApiError(404, `Không có thủ tục mã ${params.code} trong danh mục thủ tục`)
    const proc = d.procedures[p]
    const report = singleReport(period, { asOf: ctx.now(), procedureCode: proc.code })
    const P = d.procedures.length
    const applies = appliesSub(d)
    const dossiers = procedureDossiers(d, period, p)
    const rows = []
    for (const r of report.units) {
      const u = d.units.byCode.get(r.unit.code)!
      if (level !== undefined && r.unit.level !== level) continue
      if (parent !== undefined && r.unit.parent !== parent) continue
      if (!access.canRead(r.unit.code)) continue
      if (!applies[u * P + p] && dossiers[u] === 0) continue
      rows.push({ ...unitJson(r.unit), dossiers: dossiers[u], indicators: r.indicators.filter((i) => PROCEDURE_VIEW_INDICATORS.has(i.code)).map(indicatorJson) })
    }
    const set = report.ruleSet
    const groupOf = new Map<string, string>()
    for (const g of set.groups) for (const c of g.indicators) groupOf.set(c, g.id)
    return {
      procedure: { code: proc.code, name: proc.name, level: proc.level, onlineLevel: proc.onlineLevel, hasFee: proc.hasFee },
      period: periodJson(report.period),
      ruleSet: ruleSetJson(set),
      asOf: iso(report.asOf),
      provisional: report.provisional,
      indicators: Object.values(set.indicators)
        .filter((r) => PROCEDURE_VIEW_INDICATORS.has(r!.code))
        .map((r) => ({ id: r!.code, code: r!.portalCode ?? r!.code, name: r!.name, group: groupOf.get(r!.code) ?? null, max: r!.max })),
      rows,
    }
  }))

  app.get('/api/units/:code/official', handle(async (q, params, req) => {
    requireRead(req, params.code)
    onlyParams(q, ['period'])
    const period = periodParam(q)
    const d = live.current()
    const u = unitOf(d, params.code)
    const report = singleReport(period, { asOf: ctx.now() })
    const r = report.units[u]
    const cmp = await officialComparison(ctx.store, report.ruleSet, period, r)
    return {
      ...reportHead(r.unit, report),
      ...cmp,
    }
  }))
}

