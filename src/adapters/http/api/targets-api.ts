/**
 * @module adapters/http/api/targets-api
 * Directive targets (chỉ tiêu chỉ đạo), docs/web-api.md "Directive targets": create, change,
 * archive, list, history; compliance of the units with a target for a period, a summary of every
 * active target of a period, and a target's trend. Lists and compliance rows only contain units
 * the user may read; writing needs write access to every unit of the target (before and after a
 * change). Definitions are checked by `engine/targets` (Vietnamese errors naming the field).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Instant } from '../../../engine/model.js'
import { parsePeriod, previousPeriod, type Period } from '../../../engine/periods/period.js'
import type { UnitIndex } from '../../../engine/prepare/dossier-table.js'
import type { ScoreReport } from '../../../engine/score.js'
import { round2 } from '../../../engine/scoring/points.js'
import { compliance, STATUS_TEXT, summarize, type ComplianceRow } from '../../../engine/targets/compliance.js'
import { appliesTo, checkTarget, type TargetDefinition } from '../../../engine/targets/target.js'
import { AccessError, accessOf, requireRead, requireWrite, subtree, type Access } from '../auth/access.js'
import type { ApiContext } from '../context.js'
import { archiveTarget, createTarget, getTarget, listTargets, targetHistory, TargetStoreError, updateTarget, type TargetRecord } from '../targets-store.js'
import { ApiError, intParam, onlyParams, periodParam, stringParam, type RawQuery } from './params.js'
import { periodJson, reportOrNull as reportOrNullOf, singleReport as singleReportOf, unitJson } from './reports.js'

/** Longest target trend (`periods`). */
export const MAX_TARGET_TREND = 60

/** A refusal with a status the read API's ApiError does not carry (400 with several errors). */
class RouteError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

type Handler = (req: FastifyRequest, q: RawQuery, params: Record<string, string>) => unknown
/** Run a handler; every known refusal becomes `{ error }` with its status. */
export const guard =
  (fn: Handler) =>
  async (req: FastifyRequest, reply: FastifyReply) => {
    try {
      return await fn(req, (req.query ?? {}) as RawQuery, (req.params ?? {}) as Record<string, string>)
    } catch (e) {
      if (e instanceof ApiError || e instanceof RouteError || e instanceof AccessError || e instanceof TargetStoreError) {
        return reply.code(e.status).send(e instanceof AccessError && e.status === 401 ? { error: e.message, code: 'unauthenticated' } : { error: e.message })
      }
      throw e
    }
  }

/** The single report of a period (see reports.ts). */
export const singleReport = (ctx: ApiContext, period: Period, asOf: Instant): ScoreReport => singleReportOf(ctx.live, period, { asOf })
const reportOrNull = (ctx: ApiContext, period: Period, asOf: Instant): ScoreReport | null => reportOrNullOf(ctx.live, ctx.ruleSets, period, asOf)
export { periodJson, unitJson }

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString())

/** Unit codes a target covers (its units, and those below them when includeSubUnits). */
export function targetUnits(def: TargetDefinition, units: UnitIndex): string[] {
  if (!def.includeSubUnits) return def.units
  const out = new Set<string>()
  for (const c of def.units) for (const s of subtree(units, c)) out.add(s)
  // In the order of the unit list, the listed units first.
  const rest = units.units.map((u) => u.code).filter((c) => out.has(c) && !def.units.includes(c))
  return [...def.units, ...rest]
}

function targetJson(t: TargetRecord) {
  return { id: t.id, ...t.definition, createdBy: t.createdBy, createdAt: iso(t.createdAt), updatedBy: t.updatedBy, updatedAt: iso(t.updatedAt), archivedAt: iso(t.archivedAt) }
}

function rowJson(def: TargetDefinition, r: ComplianceRow) {
  const value = r.value === null ? null : def.subject.kind === 'indicator' ? Math.round(r.value * 1e6) / 1e6 : round2(r.value)
  return { unit: unitJson(r.unit), status: r.status, statusText: STATUS_TEXT[r.status], value, threshold: r.threshold, met: r.met, gap: r.gap }
}

/** A JSON object body. */
function bodyOf(req: FastifyRequest): Record<string, unknown> {
  const b = req.body
  if (b === null || b === undefined || typeof b !== 'object' || Array.isArray(b)) throw new RouteError(400, 'Nội dung yêu cầu phải là một đối tượng JSON (Content-Type: application/json)')
  return b as Record<string, unknown>
}

const booleanParam = (q: RawQuery, name: string): boolean => {
  const v = stringParam(q, name)
  if (v === undefined) return false
  if (v !== 'true' && v !== 'false') throw new ApiError(400, `Tham số ${name} "${v}" không hợp lệ; các giá trị: true, false`)
  return v === 'true'
}

/** Register the routes of directive targets. */
export function registerTargetsApi(app: FastifyInstance, ctx: ApiContext): void {
  const units = () => ctx.live.current().units

  /** Check a definition; 400 with every error joined. */
  const checked = (input: unknown): TargetDefinition => {
    const c = checkTarget(input, units().byCode, ctx.ruleSets)
    if (c.definition === null) throw new RouteError(400, c.errors.join('; '))
    return c.definition
  }

  /** Codes of a target the user may read. */
  const visibleUnits = (a: Access, def: TargetDefinition) => targetUnits(def, units()).filter((c) => a.canRead(c))

  /** A target the user may see (it touches the scope), or 404/403. */
  const visibleTarget = async (req: FastifyRequest, id: string): Promise<{ t: TargetRecord; a: Access }> => {
    const a = accessOf(req)
    const t = await getTarget(ctx.store, id)
    if (!t) throw new TargetStoreError(404, `Không có chỉ tiêu chỉ đạo mã ${id}`)
    if (visibleUnits(a, t.definition).length === 0) throw new AccessError(403, `Tài khoản ${a.user.username} không được xem chỉ tiêu ${id} (các đơn vị của chỉ tiêu nằm ngoài phạm vi tài khoản)`)
    return { t, a }
  }

  /** Compliance rows of a target in a report, for the given unit codes (known units only). */
  const rowsOf = (def: TargetDefinition, report: ScoreReport, codes: readonly string[]): ComplianceRow[] => {
    const byCode = units().byCode
    const idx = codes.map((c) => byCode.get(c)).filter((i): i is number => i !== undefined)
    return compliance(def, report, idx)
  }

  app.get('/api/targets', guard(async (req, q) => {
    onlyParams(q, ['unit', 'includeArchived'])
    const unit = stringParam(q, 'unit')
    const includeArchived = booleanParam(q, 'includeArchived')
    const a = accessOf(req)
    if (unit !== undefined) {
      if (!units().byCode.has(unit)) throw new ApiError(404, `Không có đơn vị mã ${unit}`)
      requireRead(req, unit)
    }
    const all = await listTargets(ctx.store, { includeArchived })
    const targets = all.filter((t) => {
      const vis = visibleUnits(a, t.definition)
      return vis.length > 0 && (unit === undefined || vis.includes(unit))
    })
    return { targets: targets.map(targetJson) }
  }))

  app.post('/api/targets', async (req, reply) =>
    guard(async (req, q) => {
      onlyParams(q, [])
      requireWrite(req, []) // a viewer is refused before anything else
      const def = checked(bodyOf(req))
      const a = requireWrite(req, def.units)
      const t = await createTarget(ctx.store, def, a.user.username, ctx.now())
      // Created, like an account or a feed key.
      reply.code(201)
      return { target: targetJson(t) }
    })(req, reply)
  )

  app.patch('/api/targets/:id', guard(async (req, q, params) => {
    onlyParams(q, [])
    requireWrite(req, [])
    const body = bodyOf(req)
    const old = await getTarget(ctx.store, params.id)
    if (!old) throw new TargetStoreError(404, `Không có chỉ tiêu chỉ đạo mã ${params.id}`)
    requireWrite(req, old.definition.units)
    if (old.archivedAt !== null) throw new TargetStoreError(409, `Chỉ tiêu ${old.id} đã lưu trữ, không sửa được`)
    const def = checked({ ...old.definition, ...body })
    const a = requireWrite(req, def.units)
    const t = await updateTarget(ctx.store, old.id, def, a.user.username, ctx.now(), old.updatedAt)
    return { target: targetJson(t) }
  }))

  app.delete('/api/targets/:id', guard(async (req, q, params) => {
    onlyParams(q, [])
    requireWrite(req, [])
    const old = await getTarget(ctx.store, params.id)
    if (!old) throw new TargetStoreError(404, `Không có chỉ tiêu chỉ đạo mã ${params.id}`)
    const a = requireWrite(req, old.definition.units)
    const t = await archiveTarget(ctx.store, old.id, a.user.username, ctx.now(), old.updatedAt)
    return { target: targetJson(t) }
  }))

  app.get('/api/targets/:id/history', guard(async (req, q, params) => {
    onlyParams(q, [])
    await visibleTarget(req, params.id)
    const versions = await targetHistory(ctx.store, params.id)
    return { versions: versions.map((v) => ({ at: iso(v.at), actor: v.actor, action: v.action, definition: v.definition })) }
  }))

  app.get('/api/targets/:id/compliance', guard(async (req, q, params) => {
    onlyParams(q, ['period'])
    const period = periodParam(q)
    const { t, a } = await visibleTarget(req, params.id)
    const def = t.definition
    if (!appliesTo(def, period)) {
      return { target: targetJson(t), period: periodJson(period), applies: false, met: 0, total: 0, noData: 0, rows: [] }
    }
    const report = singleReport(ctx, period, ctx.now())
    const rows = rowsOf(def, report, visibleUnits(a, def))
    return { target: targetJson(t), period: periodJson(report.period), applies: true, provisional: report.provisional, ...summarize(rows), rows: rows.map((r) => rowJson(def, r)) }
  }))

  app.get('/api/compliance', guard(async (req, q) => {
    onlyParams(q, ['period', 'unit'])
    const period = periodParam(q)
    const unit = stringParam(q, 'unit')
    const a = accessOf(req)
    let within: Set<string> | null = null
    if (unit !== undefined) {
      if (!units().byCode.has(unit)) throw new ApiError(404, `Không có đơn vị mã ${unit}`)
      requireRead(req, unit)
      within = subtree(units(), unit)
    }
    const report = singleReport(ctx, period, ctx.now())
    const out = []
    for (const t of await listTargets(ctx.store)) {
      const def = t.definition
      if (!appliesTo(def, period)) continue
      const codes = visibleUnits(a, def).filter((c) => within === null || within.has(c))
      if (codes.length === 0) continue
      const rows = rowsOf(def, report, codes)
      const s = summarize(rows)
      out.push({
        target: targetJson(t),
        ...s,
        achieved: s.total > 0 && s.met === s.total,
        short: rows.filter((r) => r.status === 'not-met').map((r) => rowJson(def, r)),
      })
    }
    const achieved = out.filter((x) => x.achieved).length
    const judged = out.filter((x) => x.total > 0).length
    return {
      period: periodJson(report.period),
      provisional: report.provisional,
      summary: { achieved, total: judged, text: `${achieved}/${judged} chỉ tiêu đạt` },
      targets: out,
    }
  }))

  app.get('/api/targets/:id/trend', guard(async (req, q, params) => {
    onlyParams(q, ['periods', 'until'])
    const n = intParam(q, 'periods', 1, MAX_TARGET_TREND, 12)
    const asOf = ctx.now()
    let last = parsePeriod(new Date(asOf + 7 * 3_600_000).toISOString().slice(0, 7))
    if (q.until !== undefined) {
      last = periodParam(q, 'until')
      if (last.kind !== 'month') throw new ApiError(400, `Tham số until "${last.label}" phải là một tháng (ví dụ 2024-12)`)
    }
    const { t, a } = await visibleTarget(req, params.id)
    const def = t.definition
    const codes = visibleUnits(a, def)
    const periods: Period[] = [last]
    while (periods.length < n) periods.unshift(previousPeriod(periods[0]))
    return {
      target: targetJson(t),
      points: periods.map((p) => {
        if (!appliesTo(def, p)) return { period: periodJson(p), applies: false, met: null, total: null, noData: null }
        const report = reportOrNull(ctx, p, asOf)
        if (!report) return { period: periodJson(p), applies: true, met: null, total: null, noData: null }
        return { period: periodJson(p), applies: true, provisional: report.provisional, ...summarize(rowsOf(def, report, codes)) }
      }),
    }
  }))
}
