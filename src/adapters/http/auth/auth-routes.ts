/**
 * @module adapters/http/auth/auth-routes
 * Sessions (login/logout), the session hook that sets {@link Access} on every `/api/` request, the
 * CSRF check, and (through `admin-routes.ts`) accounts, audit log, imports and feed keys.
 * See `docs/accounts.md`.
 *
 * - Public: `POST /api/session` (login), `GET /api/openapi.json`, `GET /api/health`; every other
 *   `/api/` route answers 401 `{ error, code: 'unauthenticated' }` without a valid session cookie.
 * - Every request but GET/HEAD with a session must send `X-CSRF-Token` (403 otherwise); login
 *   checks `Origin` (when sent) against `Host` instead.
 * - The feed (`/dvcqg/…`, its own API keys) and the dashboard's static files are not touched.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ApiContext } from '../context.js'
import { AccessError, setAccess } from './access.js'
import { registerAdminRoutes } from './admin-routes.js'
import { ANONYMOUS } from './audit.js'
import { dummyHash, verifyPassword } from './passwords.js'
import { isLoopbackHost, parseCookies, sameSecret, SESSION_COOKIE, sessionCookie, SessionManager, type ActiveSession } from './sessions.js'
import { LoginThrottle, throttledMessage } from './throttle.js'
import { AccountError, bodyObject, readUser, touchLogin, updateUser, userJson, type UserRecord } from './users.js'

/** Routes anyone may call: `METHOD path`. */
const PUBLIC = new Set(['POST /api/session', 'GET /api/openapi.json', 'HEAD /api/openapi.json', 'GET /api/health', 'HEAD /api/health'])
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

export const MESSAGES = {
  unauthenticated: 'Chưa đăng nhập hoặc phiên đã hết hạn; hãy đăng nhập lại',
  csrf: 'Thiếu hoặc sai mã chống giả mạo yêu cầu (tiêu đề X-CSRF-Token); hãy tải lại trang rồi thử lại',
  badCredentials: 'Sai tên đăng nhập hoặc mật khẩu',
  disabled: (u: string) => `Tài khoản ${u} đã bị khóa; hãy liên hệ quản trị hệ thống`,
  origin: (origin: string) => `Yêu cầu đăng nhập đến từ trang khác (Origin: ${origin}); hãy đăng nhập từ chính trang của hệ thống`,
  wrongCurrent: 'Trường current: mật khẩu hiện tại không đúng',
}

/** Options for tests: the clock of sessions and throttling (default: the real time). */
export interface AuthOptions {
  clock?: () => number
}

const SESSION = Symbol.for('chiso.session')

/** The session of a signed-in request. */
export function sessionOf(req: FastifyRequest): ActiveSession {
  const s = (req as unknown as Record<symbol, ActiveSession | undefined>)[SESSION]
  if (!s) throw new AccessError(401, MESSAGES.unauthenticated)
  return s
}

/** Routes a viewer may call with a method other than GET/HEAD: their own session. */
const VIEWER_WRITES = new Set(['DELETE /api/session', 'POST /api/session/password'])

/** The session manager of an app (tests, admin routes). */
const MANAGERS = new WeakMap<FastifyInstance, SessionManager>()
export function sessionsOf(app: FastifyInstance): SessionManager | undefined {
  return MANAGERS.get(app)
}

/** A route of the app: method and URL pattern. */
export interface RouteInfo {
  method: string
  url: string
  /** Answered without a session. */
  public: boolean
}
const ROUTES = new WeakMap<FastifyInstance, RouteInfo[]>()
/** Every `/api/` route registered after {@link registerAuth} (all of them in `buildServer`). */
export function apiRoutes(app: FastifyInstance): readonly RouteInfo[] {
  return ROUTES.get(app) ?? []
}

/** Is the request https (directly, or behind a trusted proxy) or addressed to a loopback host? */
export function secureCookieFor(req: FastifyRequest): boolean {
  return req.protocol === 'https' || isLoopbackHost(req.headers.host)
}

/** Path without the query string. */
const pathOf = (url: string) => {
  const q = url.indexOf('?')
  return q < 0 ? url : url.slice(0, q)
}

/** Register the session hook and the session, account, audit, import and feed-key routes. */
export function registerAuth(app: FastifyInstance, ctx: ApiContext, options: AuthOptions = {}): void {
  const clock = options.clock ?? Date.now
  const sessions = new SessionManager(ctx.store, clock)
  const throttle = new LoginThrottle(clock)
  MANAGERS.set(app, sessions)
  const routes: RouteInfo[] = []
  ROUTES.set(app, routes)
  app.addHook('onRoute', (r) => {
    if (!r.url.startsWith('/api')) return
    for (const method of Array.isArray(r.method) ? r.method : [r.method]) routes.push({ method, url: r.url, public: PUBLIC.has(`${method} ${r.url}`) })
  })
  const units = () => ctx.live.current().units
  const unitName = (code: string) => {
    const d = units()
    const i = d.byCode.get(code)
    return i === undefined ? null : d.units[i].name
  }
  const knownUnit = (code: string) => units().byCode.has(code)
  const json = (u: UserRecord) => userJson(u, unitName)

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(req.url)
    const route = req.routeOptions.url
    const underApi = path.startsWith('/api/') || path === '/api' || (route !== undefined && route.startsWith('/api/'))
    if (!underApi) return
    if (route !== undefined && PUBLIC.has(`${req.method} ${route}`) && PUBLIC.has(`${req.method} ${path}`)) return
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE)
    const session = token === undefined ? null : await sessions.resolve(token)
    if (session === null) return reply.code(401).send({ error: MESSAGES.unauthenticated, code: 'unauthenticated' })
    if (!SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token']
      if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) return reply.code(403).send({ error: MESSAGES.csrf, code: 'csrf' })
      // Viewers only read: refused here for every route, whatever the route itself checks.
      if (session.user.role === 'viewer' && !(route !== undefined && VIEWER_WRITES.has(`${req.method} ${route}`))) {
        return reply.code(403).send({ error: `Tài khoản ${session.user.username} chỉ có quyền xem` })
      }
    }
    ;(req as unknown as Record<symbol, ActiveSession>)[SESSION] = session
    setAccess(req, sessions.accessFor(session, units()))
  })
  app.addHook('onClose', async () => {
    await sessions.settle()
  })

  /** Audit entry with the request's IP, inside a transaction. */
  const detailsOf = (req: FastifyRequest, details: Record<string, unknown>) => ({ ...details, ip: req.ip })

  app.post('/api/session', async (req, reply) => {
    const origin = req.headers.origin
    if (origin !== undefined && origin !== 'null') {
      // Compare as URLs, so that a default port written in one and not the other still matches.
      let same = false
      try {
        const o = new URL(origin)
        same = req.headers.host !== undefined && o.host === new URL(`${o.protocol}//${req.headers.host}`).host
      } catch {
        same = false
      }
      if (!same) return reply.code(403).send({ error: MESSAGES.origin(origin) })
    } else if (origin === 'null') {
      return reply.code(403).send({ error: MESSAGES.origin(origin) })
    }
    const body = bodyObject(req.body)
    const unknown = Object.keys(body).filter((k) => k !== 'username' && k !== 'password')
    if (unknown.length) throw new AccountError(400, `Trường ${unknown.join(', ')} không được hỗ trợ (các trường hợp lệ: username, password)`)
    if (typeof body.username !== 'string' || body.username.trim() === '') throw new AccountError(400, 'Thiếu trường username (tên đăng nhập)')
    if (typeof body.password !== 'string' || body.password === '') throw new AccountError(400, 'Thiếu trường password (mật khẩu)')
    if (body.username.length > 100 || body.password.length > 1000) throw new AccountError(400, 'Trường username hoặc password dài quá mức cho phép')
    const username = body.username.trim().toLowerCase()
    const ip = req.ip
    const keys = [`user:${username}`, `ip:${ip}`]
    const until = throttle.blockedUntil(keys)
    if (until !== null) {
      const now = clock()
      reply.header('retry-after', String(Math.max(1, Math.ceil((until - now) / 1000))))
      return reply.code(429).send({ error: throttledMessage(until, now) })
    }
    const user = await readUser(ctx.store, username)
    const right = await verifyPassword(body.password, user ? user.passwordHash : await dummyHash())
    if (!user || !right || user.disabled) {
      throttle.fail(keys)
      const reason = !user ? 'unknown-user' : !right ? 'bad-password' : 'disabled'
      await ctx.store.transaction((tx) => tx.audit('login.failed', { username, ip, reason }, null, ANONYMOUS))
      if (user && right && user.disabled) return reply.code(403).send({ error: MESSAGES.disabled(username) })
      return reply.code(401).send({ error: MESSAGES.badCredentials, code: 'bad-credentials' })
    }
    throttle.clear(`user:${username}`)
    const ua = req.headers['user-agent']
    const now = clock()
    const { token, session } = await sessions.create(user, ip, typeof ua === 'string' ? ua : null, async (tx) => {
      await touchLogin(tx, user, now)
      await tx.audit('login.succeeded', { username, ip }, null, username)
    })
    session.user = { ...user, lastLoginAt: now }
    reply.header('set-cookie', sessionCookie(token, secureCookieFor(req)))
    return { user: json(session.user), csrfToken: session.csrfToken }
  })

  app.get('/api/session', async (req) => {
    const s = sessionOf(req)
    return { user: json(s.user), csrfToken: s.csrfToken }
  })

  app.delete('/api/session', async (req, reply) => {
    const s = sessionOf(req)
    await sessions.revoke(s.tokenHash, (tx) => tx.audit('logout', detailsOf(req, { username: s.user.username }), null, s.user.username))
    reply.header('set-cookie', sessionCookie(null, secureCookieFor(req)))
    return { ok: true }
  })

  app.post('/api/session/password', async (req) => {
    const s = sessionOf(req)
    const body = bodyObject(req.body)
    const unknown = Object.keys(body).filter((k) => k !== 'current' && k !== 'next')
    if (unknown.length) throw new AccountError(400, `Trường ${unknown.join(', ')} không được hỗ trợ (các trường hợp lệ: current, next)`)
    if (typeof body.current !== 'string' || body.current === '') throw new AccountError(400, 'Thiếu trường current (mật khẩu hiện tại)')
    if (body.next === undefined) throw new AccountError(400, 'Thiếu trường next (mật khẩu mới)')
    const username = s.user.username
    const keys = [`user:${username}`, `ip:${req.ip}`]
    const until = throttle.blockedUntil(keys)
    if (until !== null) throw Object.assign(new Error(throttledMessage(until, clock())), { statusCode: 429 })
    const user = await readUser(ctx.store, username)
    if (!user || !(await verifyPassword(body.current, user.passwordHash))) {
      throttle.fail(keys)
      throw new AccountError(400, MESSAGES.wrongCurrent)
    }
    if (body.next === body.current) throw new AccountError(400, 'Trường next: mật khẩu mới phải khác mật khẩu hiện tại')
    const { user: after } = await updateUser(ctx.store, username, { password: body.next }, username, knownUnit, { now: clock(), keepSession: s.tokenHash, passwordField: 'next' })
    sessions.forgetUser(username, s.tokenHash)
    sessions.refreshUser(after)
    return { ok: true }
  })

  registerAdminRoutes(app, ctx, { sessions, json, knownUnit, clock })
}
