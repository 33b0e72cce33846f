/**
 * @module adapters/http/server
 * The HTTP server: the real-time feed (`/dvcqg/…`) and a JSON score API (`/api/…`) over the
 * live, in-memory scores. Listens on `PORT` (default 3000) when started by `chiso serve`.
 */
import Fastify, { type FastifyInstance } from 'fastify'
import type { WorkingCalendar } from '../../engine/calendar/working-calendar.js'
import type { LiveData } from '../../engine/live/live-data.js'
import { parsePeriod, PeriodError } from '../../engine/periods/period.js'
import { scoreJson } from '../cli/format.js'
import { registerFeed, type FeedIngestor } from './feed.js'
import { registerReadApi } from './api/read-api.js'
import type { RuleSet } from '../../engine/rules/types.js'
import type { Store } from '../store/store.js'
import { MESSAGES } from '../import/messages.js'
import { registerAuth } from './auth/auth-routes.js'
import { accessOf, requireRead } from './auth/access.js'
import type { ApiContext } from './context.js'
import { registerTargetsApi } from './api/targets-api.js'
import { registerPlannerApi } from './api/planner-api.js'
import { registerMoreApi } from './api/more-api.js'
import { registerLetterApi } from './api/letter-api.js'
import { registerExports } from './export/register-exports.js'
import { registerWeb } from './web/register-web.js'

export interface ServerOptions {
  live: LiveData
  ingest: FeedIngestor
  calendar: WorkingCalendar
  ruleSets: RuleSet[]
  /** The store: accounts, sessions, targets, audit log, imports. */
  store: Store
  /** Time the data are taken at (default: now). */
  now?: () => number
  /** Largest request body, bytes. @default 64 MiB */
  bodyLimit?: number
  /** Trust `X-Forwarded-*` of a reverse proxy (https detection for the Secure cookie). @default false */
  trustProxy?: boolean
}

/** Build the Fastify app (not listening). */
export function buildServer(options: ServerOptions): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: options.bodyLimit ?? 64 * 1024 * 1024, trustProxy: options.trustProxy ?? false })
  const now = options.now ?? Date.now

  // Every error answers in Vietnamese, in the portal's shape on the feed and as {error} on /api.
  app.setErrorHandler((err: Error & { statusCode?: number; status?: number; code?: string }, req, reply) => {
    // statusCode: Fastify's errors, AccessError, AccountError; status: ApiError (api/params.ts).
    const given = err.statusCode ?? err.status
    const status = given && given >= 400 && given < 600 ? given : 500
    const message =
      err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError
        ? `Nội dung yêu cầu: ${MESSAGES.notJson(null)}` // Fastify's own words are English and say no more
        : err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? 'Nội dung yêu cầu quá lớn'
          : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? 'Chỉ nhận nội dung JSON (Content-Type: application/json)'
            : err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
              ? 'Nội dung yêu cầu trống (cần một JSON)'
              : status >= 500
                ? 'Lỗi máy chủ; thao tác không được ghi nhận'
                : err.code?.startsWith('FST_')
                  ? `Yêu cầu không hợp lệ (${err.code})` // Fastify's own messages are English
                  : err.message
    if (status >= 500) req.log.error(err)
    if (req.url.startsWith('/dvcqg')) return reply.code(status).send({ error_code: String(status === 400 ? -1 : status), message })
    if (err.name === 'AccessError' && status === 401) return reply.code(401).send({ error: message, code: 'unauthenticated' })
    return reply.code(status).send({ error: message })
  })

  const ctx: ApiContext = { live: options.live, calendar: options.calendar, ruleSets: options.ruleSets, store: options.store, now }
  registerFeed(app, { ingest: options.ingest, onStored: (ds) => { for (const d of ds) options.live.upsert(d) } })
  // The session hook comes first: every /api route after it knows who asks (auth/access.ts).
  registerAuth(app, ctx)
  registerExports(app, ctx)
  registerReadApi(app, { live: options.live, calendar: options.calendar, ruleSets: options.ruleSets, now })
  registerMoreApi(app, ctx)
  registerTargetsApi(app, ctx)
  registerPlannerApi(app, ctx)
  registerLetterApi(app, ctx)
  registerWeb(app, ctx)

  app.get('/api/health', async () => ({ ok: true, dossiers: options.live.current().table.n, pushed: options.live.pushed }))

  app.get('/api/scores', async (req, reply) => {
    const q = req.query as { period?: string; unit?: string; procedure?: string }
    if (!q.period) return reply.code(400).send({ error: 'Thiếu tham số period (ví dụ 2026-08, 2026-Q3, 2026)' })
    let period
    try {
      period = parsePeriod(q.period)
    } catch (e) {
      if (e instanceof PeriodError) return reply.code(400).send({ error: e.message })
      throw e
    }
    const data = options.live.current()
    const access = q.unit ? requireRead(req, q.unit) : accessOf(req)
    if (q.unit && !data.units.byCode.has(q.unit)) return reply.code(404).send({ error: `Không có đơn vị mã ${q.unit}` })
    if (q.procedure && !data.procIndex.has(q.procedure)) return reply.code(404).send({ error: `Không có thủ tục mã ${q.procedure}` })
    const reports = options.live.score(period, { asOf: now(), procedureCode: q.procedure })
    const docs = reports.map((r) => scoreJson(r, r.units.filter((u) => (q.unit ? u.unit.code === q.unit : access.canRead(u.unit.code)))))
    return docs.length === 1 ? docs[0] : docs
  })
  return app
}
