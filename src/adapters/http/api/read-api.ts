/**
 * @module adapters/http/api/read-api
 * The read-only JSON API of the web application: units, rankings, a unit's overview, its
 * indicators, the records behind an indicator (trace) and its trend over periods. Every number
 * comes from `LiveData.score` / `explain`, so the API always agrees with the CLI and the feed.
 * Refusals are `{ error }` with a Vietnamese message naming the parameter.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { WorkingCalendar } from '../../../engine/calendar/working-calendar.js'
import type { LiveData } from '../../../engine/live/live-data.js'
import type { Instant } from '../../../engine/model.js'
import { parsePeriod, previousPeriod, type Period } from '../../../engine/periods/period.js'
import { lowerBound, type PreparedData } from '../../../engine/prepare/dossier-table.js'
import { ruleSetOn } from '../../../engine/rules/build.js'
import { INDICATOR_CODES, type IndicatorCode, type RuleSet } from '../../../engine/rules/types.js'
import { type ScoreReport, type UnitResult } from '../../../engine/score.js'
import { round2 } from '../../../engine/scoring/points.js'
import { explain, TraceError, type Trace, type TraceItem } from '../../../engine/trace.js'
import { accessOf, requireRead } from '../auth/access.js'
import { isExportRequest, MAX_EXPORT_ROWS } from '../export/export-request.js'
import { openApiDocument } from './openapi.js'
import { indicatorJson, iso, periodJson, pointsLost, reportHead, reportOrNull as reportOrNullOf, ruleSetJson, singleReport, unitIndexOf, unitJson } from './reports.js'
import { ApiError, enumParam, intParam, levelParam, onlyParams, periodParam, stringParam, type RawQuery } from './params.js'

/** What the read API reads from. */
export interface ReadApiOptions {
  live: LiveData
  calendar: WorkingCalendar
  ruleSets: RuleSet[]
  /** Time the data are taken at (default: now). */
  now?: () => number
}

/** Trend period kinds. */
const TREND_KINDS = ['month', 'quarter', 'year'] as const
type TrendKind = (typeof TREND_KINDS)[number]

const SORTS = ['total', 'name', 'code'] as const
/** Trace sides: records that lost the point, or those the numerator counts. */
const TRACE_SIDES = ['lost', 'counted'] as const
const ORDERS = ['asc', 'desc'] as const

/** Largest trace page (`pageSize`). */
export const MAX_PAGE_SIZE = 500
/** Longest trend (`periods`). */
export const MAX_TREND_PERIODS = 60

const groupsJson = (u: UnitResult) => u.groups.map((g) => ({ id: g.id, name: g.name, points: round2(g.points), max: g.max }))

function traceItemJson(t: TraceItem) {
  return {
    kind: t.kind,
    id: t.id,
    unitCode: t.unitCode,
    procedureCode: t.procedureCode,
    reasons: t.reasons,
    weight: t.weight,
    ...(t.receivedAt !== undefined ? { receivedAt: iso(t.receivedAt) } : {}),
    ...(t.dueAt !== undefined ? { dueAt: iso(t.dueAt) } : {}),
    ...(t.finishedAt !== undefined ? { finishedAt: iso(t.finishedAt) } : {}),
  }
}

/** Dossiers received (or submitted) in a period, including the feed's delta. */
export function dossiersIn(d: PreparedData, period: Period): number {
  let n = 0
  const t = d.table
  const lo = lowerBound(t.at, period.start), hi = lowerBound(t.at, period.end)
  n += hi - lo
  if (d.dead) for (let i = lo; i < hi; i++) n -= d.dead[i]
  if (d.delta) n += lowerBound(d.delta.at, period.end) - lowerBound(d.delta.at, period.start)
  return n
}

/** The period of a kind containing an instant (Vietnam calendar). */
function periodAt(kind: TrendKind, at: Instant): Period {
  const day = new Date(at + 7 * 3_600_000).toISOString().slice(0, 10)
  const y = day.slice(0, 4), m = +day.slice(5, 7)
  return parsePeriod(kind === 'year' ? y : kind === 'quarter' ? `${y}-Q${Math.ceil(m / 3)}` : day.slice(0, 7))
}

/** Normalize text for the trace filter: NFC, lower case. */
const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi')

/**
 * Register the read-only JSON API (`/api/units`, `/api/ranking`, `/api/units/:code/…`,
 * `/api/openapi.json`) on a Fastify instance.
 */
export function registerReadApi(app: FastifyInstance, options: ReadApiOptions): void {
  const { live, calendar, ruleSets } = options
  const now = options.now ?? Date.now

  /** Turn the API's and the engine's refusals into `{ error }` replies. */
  const handle =
    (fn: (q: RawQuery, params: Record<string, string>, req: FastifyRequest) => unknown) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      try {
        return fn((req.query ?? {}) as RawQuery, (req.params ?? {}) as Record<string, string>, req)
      } catch (e) {
        if (e instanceof ApiError) return reply.code(e.status).send({ error: e.message })
        throw e
      }
    }

  const unitOf = unitIndexOf
  const reportOf = (period: Period, asOf: Instant): ScoreReport => singleReport(live, period, { asOf })
  const reportOrNull = (period: Period, asOf: Instant): ScoreReport | null => reportOrNullOf(live, ruleSets, period, asOf)

  app.get('/api/openapi.json', handle((q) => {
    onlyParams(q, [])
    return openApiDocument()
  }))

  app.get('/api/units', handle((q, _params, req) => {
    const access = accessOf(req)
    onlyParams(q, ['level', 'parent'])
    const level = levelParam(q)
    const parent = stringParam(q, 'parent')
    const d = live.current()
    if (parent !== undefined) unitOf(d, parent)
    const units = d.units.units.filter((u) => (level === undefined || u.level === level) && (parent === undefined || u.parent === parent) && access.canRead(u.code))
    return { total: units.length, units: units.map(unitJson) }
  }))

  app.get('/api/ranking', handle((q, _params, req) => {
    const access = accessOf(req)
    onlyParams(q, ['period', 'level', 'parent', 'sort', 'order'])
    const period = periodParam(q)
    const level = levelParam(q)
    const parent = stringParam(q, 'parent')
    const sort = enumParam(q, 'sort', SORTS) ?? 'total'
    const order = enumParam(q, 'order', ORDERS) ?? (sort === 'total' ? 'desc' : 'asc')
    const d = live.current()
    if (parent !== undefined) unitOf(d, parent)
    const report = reportOf(period, now())
    const rows = report.units.filter((u) => (level === undefined || u.unit.level === level) && (parent === undefined || u.unit.parent === parent) && access.canRead(u.unit.code))
    // Peer groups (same parent and level) in order of first appearance; the chosen order inside.
    const groupIndex = new Map<string, number>()
    for (const u of rows) {
      const k = `${u.unit.parent ?? ''}|${u.unit.level}`
      if (!groupIndex.has(k)) groupIndex.set(k, groupIndex.size)
    }
    const sign = order === 'asc' ? 1 : -1
    const byCode = (a: UnitResult, b: UnitResult) => (a.unit.code < b.unit.code ? -1 : a.unit.code > b.unit.code ? 1 : 0)
    const within = (a: UnitResult, b: UnitResult): number => {
      if (sort === 'name') return sign * a.unit.name.localeCompare(b.unit.name, 'vi') || byCode(a, b)
      if (sort === 'code') return sign * byCode(a, b)
      // total: desc = best rank first; ties keep code order either way.
      return sign * (b.rank - a.rank) || byCode(a, b)
    }
    const sorted = [...rows].sort(
      (a, b) => groupIndex.get(`${a.unit.parent ?? ''}|${a.unit.level}`)! - groupIndex.get(`${b.unit.parent ?? ''}|${b.unit.level}`)! || within(a, b)
    )
    return {
      period: periodJson(report.period),
      ruleSet: ruleSetJson(report.ruleSet),
      asOf: iso(report.asOf),
      provisional: report.provisional,
      sort,
      order,
      rows: sorted.map((u) => ({ rank: u.rank, peers: u.peers, ...unitJson(u.unit), total: round2(u.total), max: u.max, groups: groupsJson(u) })),
    }
  }))

  app.get('/api/units/:code/overview', handle((q, params, req) => {
    requireRead(req, params.code)
    onlyParams(q, ['period'])
    const period = periodParam(q)
    const d = live.current()
    const u = unitOf(d, params.code)
    const asOf = now()
    const report = reportOf(period, asOf)
    const r = report.units[u]
    const prevPeriod = previousPeriod(period)
    const prevReport = dossiersIn(d, prevPeriod) > 0 ? reportOrNull(prevPeriod, asOf) : null
    const prev = prevReport?.units[u]
    const weakest = r.indicators
      .filter((i) => (pointsLost(i) ?? 0) > 0)
      .sort((a, b) => pointsLost(b)! - pointsLost(a)! || a.code.localeCompare(b.code))
      .slice(0, 5)
      .map((i) => ({ id: i.code, code: i.portalCode ?? i.code, name: i.name, group: i.groupId, points: round2((i.outcome as { points: number }).points), max: i.outcome.max, pointsLost: pointsLost(i) }))
    return {
      ...reportHead(r.unit, report),
      total: round2(r.total),
      max: r.max,
      rank: r.rank,
      peers: r.peers,
      change: prev
        ? { period: periodJson(prevPeriod), total: round2(prev.total), rank: prev.rank, peers: prev.peers, delta: round2(round2(r.total) - round2(prev.total)) }
        : null,
      groups: groupsJson(r),
      weakest,
    }
  }))

  app.get('/api/units/:code/indicators', handle((q, params, req) => {
    requireRead(req, params.code)
    onlyParams(q, ['period'])
    const period = periodParam(q)
    const u = unitOf(live.current(), params.code)
    const report = reportOf(period, now())
    const r = report.units[u]
    return {
      ...reportHead(r.unit, report),
      total: round2(r.total),
      max: r.max,
      indicators: r.indicators.map(indicatorJson),
    }
  }))

  app.get('/api/units/:code/trace', handle((q, params, req) => {
    requireRead(req, params.code)
    onlyParams(q, ['period', 'indicator', 'page', 'pageSize', 'q', 'side'])
    const side = enumParam(q, 'side', TRACE_SIDES) ?? 'lost'
    const period = periodParam(q)
    const code = stringParam(q, 'indicator')
    if (code === undefined) throw new ApiError(400, `Thiếu tham số indicator (mã chỉ tiêu, ví dụ 2.1)`)
    if (!(INDICATOR_CODES as readonly string[]).includes(code)) throw new ApiError(400, `Tham số indicator: chỉ tiêu "${code}" không tồn tại; các mã: ${INDICATOR_CODES.join(', ')}`)
    const page = intParam(q, 'page', 1, 1_000_000, 1)
    // An export (?format=csv|xlsx, export/register-exports.ts) takes every matching record on one page.
    const pageSize = intParam(q, 'pageSize', 1, isExportRequest(req) ? MAX_EXPORT_ROWS : MAX_PAGE_SIZE, 50)
    const text = stringParam(q, 'q')
    if (text !== undefined && text.length > 200) throw new ApiError(400, 'Tham số q dài quá 200 ký tự')
    const d = live.current()
    unitOf(d, params.code)
    const set = ruleSetOn(ruleSets, period.firstDay)
    if (!set) throw new ApiError(400, `Tham số period: không có bộ quy tắc nào có hiệu lực cho kỳ ${period.label}`)
    if (ruleSetOn(ruleSets, period.lastDay) !== set) {
      throw new ApiError(400, `Tham số period: kỳ ${period.label} không nằm trọn trong một bộ quy tắc; hãy giải thích từng phần của kỳ`)
    }
    const asOf = now()
    if (!set.indicators[code as IndicatorCode]) throw new ApiError(400, `Tham số indicator: chỉ tiêu ${code} không có trong bộ quy tắc "${set.name}"`)
    let trace: Trace
    try {
      trace = explain(d, period, set, params.code, code as IndicatorCode, { asOf, side }, calendar)
    } catch (e) {
      if (e instanceof TraceError) throw new ApiError(400, e.message)
      throw e
    }
    const needle = text === undefined ? null : fold(text)
    const items = needle === null ? trace.items : trace.items.filter((t) => fold(t.id).includes(needle) || t.reasons.some((r) => fold(r).includes(needle)))
    const start = (page - 1) * pageSize
    return {
      unit: unitJson(d.units.units[d.units.byCode.get(params.code)!]),
      period: periodJson(period),
      ruleSet: ruleSetJson(set),
      asOf: iso(asOf),
      indicator: indicatorJson(trace.indicator),
      notes: trace.notes,
      side,
      q: text ?? null,
      all: trace.items.length,
      total: items.length,
      page,
      pageSize,
      pages: Math.ceil(items.length / pageSize),
      items: items.slice(start, start + pageSize).map(traceItemJson),
    }
  }))

  app.get('/api/units/:code/trend', handle((q, params, req) => {
    requireRead(req, params.code)
    onlyParams(q, ['periods', 'kind', 'until'])
    const n = intParam(q, 'periods', 1, MAX_TREND_PERIODS, 12)
    const kind = enumParam(q, 'kind', TREND_KINDS) ?? 'month'
    const asOf = now()
    let last = periodAt(kind, asOf)
    if (q.until !== undefined) {
      last = periodParam(q, 'until')
      if (last.kind !== kind) throw new ApiError(400, `Tham số until "${last.label}" phải là một kỳ dạng ${kind} (ví dụ ${periodAt(kind, asOf).label})`)
    }
    const d = live.current()
    const u = unitOf(d, params.code)
    const periods: Period[] = [last]
    while (periods.length < n) periods.unshift(previousPeriod(periods[0]))
    return {
      unit: unitJson(d.units.units[u]),
      kind,
      asOf: iso(asOf),
      points: periods.map((p) => {
        const report = reportOrNull(p, asOf)
        const r = report?.units[u]
        return {
          period: periodJson(p),
          dossiers: dossiersIn(d, p),
          ruleSet: report ? ruleSetJson(report.ruleSet) : null,
          provisional: report ? report.provisional : null,
          total: r ? round2(r.total) : null,
          max: r ? r.max : null,
          rank: r ? r.rank : null,
          peers: r ? r.peers : null,
          groups: r ? groupsJson(r) : null,
        }
      }),
    }
  }))
}
