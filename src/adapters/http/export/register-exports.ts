/**
 * @module adapters/http/export/register-exports
 * `?format=csv|xlsx` on every table route (docs/exports.md). The routes themselves know nothing of
 * it: three hooks turn their JSON answer into a file.
 *
 * 1. `onRequest` (after the session hook): checks `format`, takes it out of the query (so that the
 *    route's own parameter check does not refuse it) and marks the request; on the trace route it
 *    also asks for every record on one page (the route allows up to {@link MAX_EXPORT_ROWS} when
 *    exporting).
 * 2. `preSerialization`: keeps the route's answer aside instead of serializing it (error answers
 *    pass through as JSON).
 * 3. `onSend`: the route's tabulator makes the table, written as CSV or XLSX, sent as an attachment,
 *    and the export is written to the audit log (`export`: route, query, format, rows) in the name
 *    of the signed-in user.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { accessOf } from '../auth/access.js'
import type { ApiContext } from '../context.js'
import { EXPORT_FORMATS, exportMarkOf, markExport, MAX_EXPORT_ROWS, type ExportFormat } from './export-request.js'
import { toCsv, toXlsx } from './table.js'
import { TABULATORS } from './tabulators.js'

export { isExportRequest, MAX_EXPORT_ROWS } from './export-request.js'

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

const TRACE_ROUTE = '/api/units/:code/trace'

/** Register the export hooks on the app (before the routes they serve, after the session hook). */
export function registerExports(app: FastifyInstance, ctx: ApiContext): void {
  /** Route answers kept aside between preSerialization and onSend. */
  const answers = new WeakMap<FastifyRequest, unknown>()

  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET') return
    const q = req.query as Record<string, unknown> | undefined
    if (!q || !Object.prototype.hasOwnProperty.call(q, 'format')) return
    const route = req.routeOptions.url
    // `/api/letter` has its own `format` (docx, pdf, xlsx: api/letter-api.ts).
    if (route === undefined || !route.startsWith('/api/') || route === '/api/letter') return
    const f = q.format
    if (typeof f !== 'string' || !(EXPORT_FORMATS as readonly string[]).includes(f)) {
      const shown = typeof f === 'string' ? `"${f}" ` : ''
      return reply.code(400).send({ error: `Tham số format ${shown}không hợp lệ; các giá trị: ${EXPORT_FORMATS.join(', ')} (truyền một lần)` })
    }
    if (!TABULATORS[route]) return reply.code(400).send({ error: `Tham số format: bảng này chưa xuất được (${route})` })
    const asked = { ...q }
    delete q.format
    if (route === TRACE_ROUTE) {
      // Every matching record, not one page.
      q.page = '1'
      q.pageSize = String(MAX_EXPORT_ROWS)
    }
    markExport(req, { format: f as ExportFormat, route, query: asked })
  })

  app.addHook('preSerialization', async (req, reply, payload) => {
    if (!exportMarkOf(req) || reply.statusCode >= 300) return payload
    answers.set(req, payload)
    return {}
  })

  app.addHook('onSend', async (req, reply, payload) => {
    const mark = exportMarkOf(req)
    if (!mark || !answers.has(req)) return payload
    const doc = answers.get(req) as Record<string, unknown>
    answers.delete(req)
    if (mark.route === TRACE_ROUTE && typeof doc.total === 'number' && Array.isArray(doc.items) && doc.total > doc.items.length) {
      reply.code(400).header('content-type', 'application/json; charset=utf-8')
      const n = doc.total.toLocaleString('vi-VN')
      return JSON.stringify({ error: `Tham số format: có ${n} bản ghi, nhiều hơn ${MAX_EXPORT_ROWS.toLocaleString('vi-VN')} bản ghi của một lần xuất; hãy lọc bớt bằng tham số q` })
    }
    const table = TABULATORS[mark.route](doc, (req.params ?? {}) as Record<string, string>, mark.query)
    const body = mark.format === 'csv' ? Buffer.from(toCsv(table), 'utf8') : await toXlsx(table)
    const username = accessOf(req).user.username
    await ctx.store.transaction((tx) => tx.audit('export', { route: mark.route, query: mark.query, format: mark.format, rows: table.rows.length }, null, username))
    const name = `${table.fileName}.${mark.format}`
    reply.header('content-type', CONTENT_TYPES[mark.format])
    reply.header('content-disposition', `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    reply.header('cache-control', 'no-store')
    return body
  })
}
