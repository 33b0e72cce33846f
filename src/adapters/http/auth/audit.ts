/**
 * @module adapters/http/auth/audit
 * One helper for every route group that writes to the audit log on behalf of the signed-in user:
 *
 * ```ts
 * import { audit } from '../auth/audit.js'
 * await audit(ctx.store, req, 'target.created', { id, units })
 * ```
 *
 * The actor is the signed-in user name (`(chưa đăng nhập)` when nobody is); the client's IP address
 * is added to the details. Read back with `GET /api/audit` (administrators).
 */
import type { FastifyRequest } from 'fastify'
import type { Store } from '../../store/store.js'
import { accessOf } from './access.js'

/** Actor of requests made without a session (failed logins). */
export const ANONYMOUS = '(chưa đăng nhập)'

/** The signed-in user name of a request, or {@link ANONYMOUS}. */
export function actorOf(req: FastifyRequest): string {
  try {
    return accessOf(req).user.username
  } catch {
    return ANONYMOUS
  }
}

/** Append one entry to the audit log, in its own transaction. */
export async function audit(store: Store, req: FastifyRequest, action: string, details: Record<string, unknown>): Promise<void> {
  await store.transaction((tx) => tx.audit(action, { ...details, ip: req.ip }, null, actorOf(req)))
}
