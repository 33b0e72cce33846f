/**
 * @module adapters/http/auth/admin-routes
 * Administrators' routes: accounts (`/api/users`), the audit log (`/api/audit`), import runs
 * (`/api/imports`, and `POST /api/imports` to import a file: `import-upload.ts`) and the feed's API
 * keys (`/api/feed-keys`). Every one calls `requireAdmin`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ImportRun } from '../../store/store.js'
import { ApiError, intParam, onlyParams, stringParam, type RawQuery } from '../api/params.js'
import type { ApiContext } from '../context.js'
import { createFeedKey, listFeedKeys, revokeFeedKey } from '../feed-keys.js'
import { registerImportUpload } from '../import-upload.js'
import { requireAdmin } from './access.js'
import type { SessionManager } from './sessions.js'
import { AccountError, bodyObject, createUser, listUsers, updateUser, type UserRecord } from './users.js'

/** Largest `limit` of `/api/audit`. */
export const MAX_AUDIT_LIMIT = 1000
/** Errors of one import run shown by `/api/imports/:id` (the count is always complete). */
export const MAX_RUN_ERRORS = 2000

export interface AdminDeps {
  sessions: SessionManager
  json: (u: UserRecord) => unknown
  knownUnit: (code: string) => boolean
  clock: () => number
}

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString())

function runJson(r: ImportRun) {
  return { ...r, startedAt: iso(r.startedAt), finishedAt: iso(r.finishedAt) }
}

/** Query parameters, refusals as 400 with the parameter named (params.ts). */
function query(req: FastifyRequest): RawQuery {
  return (req.query ?? {}) as RawQuery
}

/** A positive integer route parameter. */
function idParam(req: FastifyRequest, what: string): number {
  const raw = (req.params as Record<string, string>).id
  if (!/^\d{1,12}$/.test(raw) || +raw < 1) throw new ApiError(400, `Tham số id "${raw}" phải là số hiệu ${what} (số nguyên dương)`)
  return +raw
}

/** Register the administrators' routes. */
export function registerAdminRoutes(app: FastifyInstance, ctx: ApiContext, deps: AdminDeps): void {
  const { sessions, json, knownUnit, clock } = deps

  app.get('/api/users', async (req) => {
    requireAdmin(req)
    onlyParams(query(req), [])
    return { users: (await listUsers(ctx.store)).map(json) }
  })

  app.post('/api/users', async (req, reply) => {
    const a = requireAdmin(req)
    const { user, password } = await createUser(ctx.store, bodyObject(req.body), a.user.username, knownUnit, clock())
    reply.code(201)
    return password === undefined ? { user: json(user) } : { user: json(user), password }
  })

  app.patch('/api/users/:username', async (req) => {
    const a = requireAdmin(req)
    const { username } = req.params as { username: string }
    const body = bodyObject(req.body)
    if (Object.keys(body).length === 0) throw new AccountError(400, 'Không có trường nào để thay đổi (displayName, role, unitCode, disabled, password)')
    const { user } = await updateUser(ctx.store, username, body, a.user.username, knownUnit, { now: clock() })
    // Disabled or new password: the store revoked the sessions; drop them here too. Otherwise the
    // kept sessions see the new role and unit at once.
    if (user.disabled || body.password !== undefined) sessions.forgetUser(user.username)
    else sessions.refreshUser(user)
    return { user: json(user) }
  })

  app.get('/api/audit', async (req) => {
    requireAdmin(req)
    const q = query(req)
    onlyParams(q, ['action', 'actor', 'limit'])
    const action = stringParam(q, 'action')
    const actor = stringParam(q, 'actor')
    const limit = intParam(q, 'limit', 1, MAX_AUDIT_LIMIT, 200)
    const all = await ctx.store.auditLog()
    const entries = []
    for (let i = all.length - 1; i >= 0 && entries.length < limit; i--) {
      const e = all[i]
      if (action !== undefined && e.action !== action && !(action.endsWith('.') && e.action.startsWith(action))) continue
      if (actor !== undefined && e.actor !== actor) continue
      entries.push({ id: e.id, at: iso(e.at), actor: e.actor, action: e.action, runId: e.runId, details: e.details })
    }
    return { entries }
  })

  app.get('/api/imports', async (req) => {
    requireAdmin(req)
    onlyParams(query(req), [])
    const runs = await ctx.store.listRuns()
    return { runs: runs.reverse().map(runJson) }
  })

  app.get('/api/imports/:id', async (req) => {
    requireAdmin(req)
    onlyParams(query(req), [])
    const id = idParam(req, 'lần nhập')
    const run = await ctx.store.getRun(id)
    if (!run) throw new ApiError(404, `Không có lần nhập dữ liệu số ${id}`)
    const errors = await ctx.store.runErrors(id)
    return { run: runJson(run), totalErrors: errors.length, errors: errors.slice(0, MAX_RUN_ERRORS) }
  })

  registerImportUpload(app, ctx, runJson, MAX_RUN_ERRORS)

  app.get('/api/feed-keys', async (req) => {
    requireAdmin(req)
    onlyParams(query(req), [])
    return { keys: await listFeedKeys(ctx.store) }
  })

  app.post('/api/feed-keys', async (req, reply) => {
    const a = requireAdmin(req)
    const body = bodyObject(req.body)
    const unknown = Object.keys(body).filter((k) => k !== 'name' && k !== 'unitCode')
    if (unknown.length) throw new AccountError(400, `Trường ${unknown.join(', ')} không được hỗ trợ (các trường hợp lệ: name, unitCode)`)
    if (typeof body.name !== 'string' || body.name.trim() === '') throw new AccountError(400, 'Thiếu trường name (tên hệ thống gửi hồ sơ, ví dụ "Hệ thống một cửa điện tử tỉnh")')
    const name = body.name.trim().normalize('NFC')
    if (name.length > 200) throw new AccountError(400, 'Trường name dài quá 200 ký tự')
    let unitCode: string | null = null
    if (body.unitCode !== undefined && body.unitCode !== null) {
      if (typeof body.unitCode !== 'string' || !knownUnit(body.unitCode.trim())) throw new AccountError(400, `Trường unitCode: không có đơn vị mã ${String(body.unitCode)}`)
      unitCode = body.unitCode.trim()
    }
    const { id, key } = await createFeedKey(ctx.store, name, unitCode, a.user.username)
    const stored = (await listFeedKeys(ctx.store)).find((k) => k.id === id)
    reply.code(201)
    return { key: stored, secret: key }
  })

  app.delete('/api/feed-keys/:id', async (req) => {
    const a = requireAdmin(req)
    const id = idParam(req, 'khóa API')
    if (!(await revokeFeedKey(ctx.store, id, a.user.username))) throw new ApiError(404, `Không có khóa API đang hoạt động số ${id}`)
    return { key: (await listFeedKeys(ctx.store)).find((k) => k.id === id) }
  })
}
