/**
 * @module adapters/http/feed
 * The real-time feed: the same DongBoHoSoMC / CapNhatTienDoHoSoMC bodies a one-stop system already
 * pushes to Cổng DVCQG, answered in the portal's `{error_code, message}` style, authenticated by a
 * per-sender API key. An accepted push is committed to the store, then applied to the in-memory
 * scores (`LiveData`), so the unit's score follows within a second.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Dossier } from '../../engine/model.js'
import type { ImportIssue } from '../import/issues.js'

/** Who pushes: resolved from the API key. */
export interface Sender {
  id: number
  name: string
  /** Unit the sender pushes for (used when a dossier names no unit), or null. */
  unitCode: string | null
}

/** Where pushes go: the store (committed) and what changed for the scores. */
export interface FeedIngestor {
  /** Commit DongBoHoSoMC records; returns the normalized records now stored (new or newer). */
  dossiers(payload: unknown, sender: Sender, context: { envelopeUnit: string | null }): Promise<{ runId: number; stored: Dossier[]; unchanged: number; stale: number; issues: ImportIssue[] }>
  /** Commit CapNhatTienDoHoSoMC steps; returns the dossiers re-normalized from their merged steps. */
  steps(payload: unknown, sender: Sender): Promise<{ runId: number; stored: Dossier[]; added: number; duplicates: number; issues: ImportIssue[] }>
  /** The sender behind an API key, or null. */
  sender(apiKey: string): Promise<Sender | null>
}

export interface FeedOptions {
  ingest: FeedIngestor
  /** Called with every stored dossier after the commit (LiveData.upsert). */
  onStored(dossiers: Dossier[]): void
}

/** The portal's reply shape. */
interface PortalReply {
  error_code: string
  message: string
  /** chiso addition: per-record problems, so the sender knows what to fix. */
  errors?: { position: number | null; key: string | null; field: string | null; message: string }[]
  runId?: number
}

const OK = '0'

function apiKeyOf(req: FastifyRequest): string | null {
  const h = req.headers['x-api-key']
  if (typeof h === 'string' && h.trim()) return h.trim()
  const auth = req.headers.authorization
  if (typeof auth === 'string' && /^Bearer\s+/i.test(auth)) return auth.replace(/^Bearer\s+/i, '').trim()
  const body = req.body as { session?: unknown } | null
  if (body && typeof body === 'object' && !Array.isArray(body) && typeof body.session === 'string') return body.session
  return null
}

function errorsOf(issues: ImportIssue[]): PortalReply['errors'] {
  return issues.filter((i) => i.severity === 'error').map((i) => ({ position: i.index, key: i.key, field: i.field, message: i.message }))
}

/** Register the feed routes on a Fastify instance. */
export function registerFeed(app: FastifyInstance, options: FeedOptions): void {
  const authenticate = async (req: FastifyRequest, reply: FastifyReply): Promise<Sender | null> => {
    const key = apiKeyOf(req)
    const sender = key ? await options.ingest.sender(key) : null
    if (!sender) {
      await reply.code(401).send({ error_code: '401', message: key ? 'Khóa API không hợp lệ hoặc đã bị thu hồi' : 'Thiếu khóa API (tiêu đề X-API-Key)' } satisfies PortalReply)
      return null
    }
    return sender
  }

  const dossiers = async (req: FastifyRequest, reply: FastifyReply) => {
    const sender = await authenticate(req, reply)
    if (!sender) return
    const q = req.query as { MaDinhDanhDV?: string }
    const body = req.body as { madonvi?: unknown } | unknown[]
    const envelopeUnit = typeof q.MaDinhDanhDV === 'string' ? q.MaDinhDanhDV : !Array.isArray(body) && typeof body?.madonvi === 'string' ? body.madonvi : null
    const r = await options.ingest.dossiers(req.body, sender, { envelopeUnit })
    options.onStored(r.stored)
    const rejected = errorsOf(r.issues) ?? []
    const accepted = r.stored.length + r.unchanged + r.stale
    const rejectedRecords = new Set(rejected.map((e) => e.position ?? e.key)).size
    const reply0: PortalReply = {
      error_code: rejected.length === 0 ? OK : accepted > 0 ? '1' : '-1',
      message:
        rejected.length === 0
          ? `Đồng bộ thành công ${accepted} hồ sơ`
          : `Đồng bộ thành công ${accepted} hồ sơ; ${rejectedRecords} hồ sơ bị từ chối (${rejected.length} lỗi, xem "errors")`,
      runId: r.runId,
      ...(rejected.length ? { errors: rejected } : {}),
    }
    return reply.code(rejected.length && accepted === 0 ? 400 : 200).send(reply0)
  }

  const steps = async (req: FastifyRequest, reply: FastifyReply) => {
    const sender = await authenticate(req, reply)
    if (!sender) return
    const r = await options.ingest.steps(req.body, sender)
    options.onStored(r.stored)
    const rejected = errorsOf(r.issues) ?? []
    return reply.code(rejected.length && r.added + r.duplicates === 0 ? 400 : 200).send({
      error_code: rejected.length === 0 ? OK : r.added + r.duplicates > 0 ? '1' : '-1',
      message: `Cập nhật tiến độ thành công ${r.added} bước xử lý${r.duplicates ? ` (${r.duplicates} bước đã có)` : ''}${rejected.length ? `, ${rejected.length} lỗi` : ''}`,
      runId: r.runId,
      ...(rejected.length ? { errors: rejected } : {}),
    } satisfies PortalReply)
  }

  app.post('/dvcqg/DongBoHoSoMC', dossiers)
  app.post('/dvcqg/CapNhatTienDoHoSoMC', steps)
  // One endpoint with the service named in the body (S1 style).
  app.post('/dvcqg', async (req, reply) => {
    const service = (req.body as { service?: unknown } | null)?.service
    if (service === 'DongBoHoSoMC') return dossiers(req, reply)
    if (service === 'CapNhatTienDoHoSoMC') return steps(req, reply)
    return reply.code(400).send({ error_code: '-1', message: `Dịch vụ "${String(service)}" không được hỗ trợ (DongBoHoSoMC hoặc CapNhatTienDoHoSoMC)` } satisfies PortalReply)
  })
}
