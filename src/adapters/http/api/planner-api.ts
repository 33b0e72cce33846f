/**
 * @module adapters/http/api/planner-api
 * The what-if planner (docs/web-api.md "What-if planner"): the best actions of a unit for a period
 * (`/api/units/:code/plan`) and its points and rank with some ratios changed
 * (`/api/units/:code/simulate?set=2.1:0.95,3.2:0.6`). Unit-scoped: 403 outside the user's scope.
 */
import type { FastifyInstance } from 'fastify'
import { planActions, simulate, type SimulatedState } from '../../../engine/planner/planner.js'
import { INDICATOR_CODES, type IndicatorCode } from '../../../engine/rules/types.js'
import type { IndicatorResult } from '../../../engine/score.js'
import { round2 } from '../../../engine/scoring/points.js'
import { requireRead } from '../auth/access.js'
import type { ApiContext } from '../context.js'
import { ApiError, onlyParams, periodParam, stringParam } from './params.js'
import { guard, periodJson, singleReport, unitJson } from './targets-api.js'

/** Most indicators in one `set`. */
const MAX_SET = INDICATOR_CODES.length

const ratio6 = (r: number) => Math.round(r * 1e6) / 1e6

function stateJson(s: SimulatedState) {
  return { total: round2(s.total), rank: s.rank, peers: s.peers, groups: s.groups.map((g) => ({ id: g.id, name: g.name, points: round2(g.points), max: g.max })) }
}

function indicatorJson(i: IndicatorResult, changed: boolean) {
  const o = i.outcome
  return {
    id: i.code,
    name: i.name,
    group: i.groupId,
    ratio: o.kind === 'scored' && o.ratio !== null ? ratio6(o.ratio) : null,
    points: o.kind === 'scored' ? round2(o.points) : null,
    max: o.max,
    notApplicable: o.kind === 'not-applicable' ? o.reason : null,
    changed,
  }
}

/** Register the planner routes. */
export function registerPlannerApi(app: FastifyInstance, ctx: ApiContext): void {
  const unitIndexOf = (code: string): number => {
    const u = ctx.live.current().units.byCode.get(code)
    if (u === undefined) throw new ApiError(404, `Không có đơn vị mã ${code}`)
    return u
  }

  app.get('/api/units/:code/plan', guard((req, q, params) => {
    onlyParams(q, ['period'])
    const period = periodParam(q)
    const u = unitIndexOf(params.code)
    requireRead(req, params.code)
    const report = singleReport(ctx, period, ctx.now())
    const r = report.units[u]
    return {
      unit: unitJson(r.unit),
      period: periodJson(report.period),
      provisional: report.provisional,
      total: round2(r.total),
      rank: r.rank,
      peers: r.peers,
      actions: planActions(report, u).map((a) => ({
        indicator: a.indicator,
        name: a.name,
        group: a.groupId,
        records: a.records,
        pointsGain: a.pointsGain,
        pointsPerRecord: Math.round(a.pointsPerRecord * 1e4) / 1e4,
        firstRecords: a.firstRecords,
        firstPointsGain: a.firstPointsGain,
        ratioBefore: ratio6(a.ratioBefore),
        ratioAfter: ratio6(a.ratioAfter),
        text: a.text,
      })),
    }
  }))

  app.get('/api/units/:code/simulate', guard((req, q, params) => {
    onlyParams(q, ['period', 'set'])
    const period = periodParam(q)
    const raw = stringParam(q, 'set')
    if (raw === undefined) throw new ApiError(400, 'Thiếu tham số set (ví dụ set=2.1:0.95,3.3:0.6 — mã chỉ tiêu:tỷ lệ từ 0 đến 1)')
    const u = unitIndexOf(params.code)
    requireRead(req, params.code)
    const report = singleReport(ctx, period, ctx.now())
    const overrides = new Map<IndicatorCode, number>()
    const parts = raw.split(',')
    if (parts.length > MAX_SET) throw new ApiError(400, `Tham số set: nhiều quá ${MAX_SET} chỉ tiêu`)
    for (const part of parts) {
      const m = /^\s*([0-9a-z.]+)\s*:\s*([0-9]+(?:\.[0-9]+)?)\s*$/i.exec(part)
      if (!m) throw new ApiError(400, `Tham số set: "${part}" không đúng dạng mã:tỷ lệ (ví dụ 3.3:0.6; tỷ lệ dùng dấu chấm thập phân)`)
      const code = m[1], value = +m[2]
      if (!(INDICATOR_CODES as readonly string[]).includes(code)) throw new ApiError(400, `Tham số set: chỉ tiêu "${code}" không tồn tại; các mã: ${INDICATOR_CODES.join(', ')}`)
      const rule = report.ruleSet.indicators[code as IndicatorCode]
      if (!rule) throw new ApiError(400, `Tham số set: chỉ tiêu ${code} không có trong bộ quy tắc "${report.ruleSet.name}"`)
      if (rule.tracked) throw new ApiError(400, `Tham số set: chỉ tiêu ${code} chỉ theo dõi, không tính điểm`)
      if (value > 1) throw new ApiError(400, `Tham số set: tỷ lệ của chỉ tiêu ${code} là ${m[2]}, phải từ 0 đến 1 (ví dụ 0.6 cho 60%)`)
      if (overrides.has(code as IndicatorCode)) throw new ApiError(400, `Tham số set: chỉ tiêu ${code} được nêu hai lần`)
      overrides.set(code as IndicatorCode, value)
    }
    const sim = simulate(report, u, overrides)
    const r = report.units[u]
    return {
      unit: unitJson(r.unit),
      period: periodJson(report.period),
      provisional: report.provisional,
      set: Object.fromEntries(overrides),
      before: stateJson(sim.before),
      after: { ...stateJson(sim.after), indicators: sim.after.indicators.map((i) => indicatorJson(i, overrides.has(i.code) || (i.code === '3.3' && overrides.has('1.4')))) },
    }
  }))
}
