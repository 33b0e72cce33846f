/**
 * Accounts and sessions over a real SQLite store with demo data, through the whole server
 * (`buildServer` + `app.inject`): password hashes, the first administrator, login (right, wrong,
 * throttled, disabled, foreign Origin), cookie flags, CSRF, logout, password change, session
 * expiry and revocation, the administrators' routes, the audit log, and a 401 on every route that
 * is not public — listed from the routes actually registered, so routes added later are covered.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiRoutes } from '../../src/adapters/http/auth/auth-routes.js'
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../../src/adapters/http/auth/passwords.js'
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_MS, isLoopbackHost, parseCookies, RECHECK_MS, SessionManager } from '../../src/adapters/http/auth/sessions.js'
import { LOGIN_LIMIT, LoginThrottle } from '../../src/adapters/http/auth/throttle.js'
import { AccountError, ensureFirstAdmin, readUser, updateUser } from '../../src/adapters/http/auth/users.js'
import { openStore } from '../../src/adapters/store/store.js'
import { addUser, demoServer, login, type DemoServer } from './auth-helpers.js'
import { join } from 'node:path'

const asOf = Date.parse('2026-11-27T17:00:00+07:00')
let s: DemoServer
let adminPassword: string
const auditActions = async () => (await s.store.auditLog()).map((e) => e.action)

beforeAll(async () => {
  s = await demoServer({ levels: 2, dossiers: 600, seed: 3, asOf })
  const first = await ensureFirstAdmin(s.store, {})
  adminPassword = first.password!
  await s.app.ready()
})
afterAll(async () => {
  await s?.app.close()
  await s?.store.close()
})

describe('passwords', () => {
  it('are stored as scrypt$N$r$p$salt$hash and verified in constant time', async () => {
    const h = await hashPassword('mật khẩu dài đủ')
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{86}$/)
    expect(await verifyPassword('mật khẩu dài đủ', h)).toBe(true)
    expect(await verifyPassword('mật khẩu dài đủ ', h)).toBe(false)
    expect(await hashPassword('mật khẩu dài đủ')).not.toBe(h) // random salt
    expect(await verifyPassword('x', 'plain')).toBe(false)
    expect(await verifyPassword('x', 'scrypt$3$8$1$c2FsdA$aGFzaA')).toBe(false)
  })
  it('need at least 10 characters (Vietnamese message naming the field)', () => {
    expect(passwordProblem('ngan', 'next')).toBe('Trường next: mật khẩu phải có ít nhất 10 ký tự')
    expect(passwordProblem('đủ-mười-ký-tự')).toBeNull()
    expect(generatePassword()).toMatch(/^[A-Za-z2-9]{16}$/)
  })
})

describe('the first administrator', () => {
  it('is quantri with a random 16-character password on an empty store, once', async () => {
    const u = await readUser(s.store, 'quantri')
    expect(u).toMatchObject({ role: 'admin', unitCode: null, disabled: false })
    expect(adminPassword).toMatch(/^[A-Za-z2-9]{16}$/)
    expect(await verifyPassword(adminPassword, u!.passwordHash)).toBe(true)
    expect(await ensureFirstAdmin(s.store, { CHISO_ADMIN_USER: 'khac', CHISO_ADMIN_PASSWORD: 'mat-khau-khac-1' })).toEqual({ created: false })
  })
  it('comes from CHISO_ADMIN_USER / CHISO_ADMIN_PASSWORD when both are set', async () => {
    const store = await openStore(join(s.dir, 'empty.db'))
    try {
      await expect(ensureFirstAdmin(store, { CHISO_ADMIN_USER: 'admin1', CHISO_ADMIN_PASSWORD: 'ngan' })).rejects.toThrow(/CHISO_ADMIN_PASSWORD: mật khẩu phải có ít nhất 10/)
      expect(await ensureFirstAdmin(store, { CHISO_ADMIN_USER: 'Admin1', CHISO_ADMIN_PASSWORD: 'mat-khau-tu-env' })).toEqual({ created: true, username: 'admin1' })
      const u = await readUser(store, 'admin1')
      expect(await verifyPassword('mat-khau-tu-env', u!.passwordHash)).toBe(true)
      expect((await store.auditLog()).find((e) => e.action === 'user.created')?.details).toMatchObject({ username: 'admin1', firstAdmin: true })
    } finally {
      await store.close()
    }
  })
})

describe('login', () => {
  it('opens a session: user, CSRF token, HttpOnly SameSite=Strict cookie, only the token hash stored', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'quantri', password: adminPassword } })
    expect(r.statusCode).toBe(200)
    const body = r.json()
    expect(body.user).toMatchObject({ username: 'quantri', role: 'admin', roleName: 'Quản trị', unitCode: null, unitName: null, disabled: false })
    expect(body.user.lastLoginAt).toMatch(/^\d{4}-/)
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const cookie = String(r.headers['set-cookie'])
    expect(cookie).toMatch(/^chiso_session=[A-Za-z0-9_-]{43}; /)
    for (const flag of ['HttpOnly', 'SameSite=Strict', 'Path=/', 'Secure']) expect(cookie.split('; ')).toContain(flag) // inject's Host is localhost
    const token = parseCookies(cookie.split(';')[0]).get('chiso_session')!
    const rows = await s.store.readTable('sessions', ['token_hash', 'csrf_token'])
    expect(rows.map((x) => x[0])).toContain(createHash('sha256').update(token).digest('hex'))
    expect(rows.flat()).not.toContain(token)
    expect((await s.store.auditLog()).at(-1)).toMatchObject({ action: 'login.succeeded', actor: 'quantri' })
  })

  it('sets Secure on https (trusted proxy) and loopback hosts only', async () => {
    const cookieFor = async (app: typeof s.app, headers: Record<string, string>) =>
      String((await app.inject({ method: 'POST', url: '/api/session', headers, payload: { username: 'quantri', password: adminPassword } })).headers['set-cookie']).split('; ')
    expect(await cookieFor(s.app, { host: 'chiso.so-noi-vu.vn' })).not.toContain('Secure')
    expect(await cookieFor(s.app, { host: 'chiso.so-noi-vu.vn', 'x-forwarded-proto': 'https' })).not.toContain('Secure') // proxy not trusted
    expect(await cookieFor(s.app, { host: '127.0.0.1:3000' })).toContain('Secure')
    expect(await cookieFor(s.app, { host: '[::1]:3000' })).toContain('Secure')
    const proxied = s.build({ trustProxy: true })
    try {
      expect(await cookieFor(proxied, { host: 'chiso.so-noi-vu.vn', 'x-forwarded-proto': 'https' })).toContain('Secure')
    } finally {
      await proxied.close()
    }
    expect(isLoopbackHost('localhost:80')).toBe(true)
    expect(isLoopbackHost('localhost.evil.vn')).toBe(false)
  })

  it('refuses a wrong password and an unknown user with the same message, and audits both', async () => {
    const bad = await s.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'quantri', password: 'sai-mat-khau' }, remoteAddress: '10.9.0.1' })
    const unknown = await s.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'khongco', password: 'sai-mat-khau' }, remoteAddress: '10.9.0.1' })
    expect(bad.statusCode).toBe(401)
    expect(unknown.statusCode).toBe(401)
    expect(bad.json().error).toBe('Sai tên đăng nhập hoặc mật khẩu')
    expect(unknown.json().error).toBe(bad.json().error)
    expect(bad.headers['set-cookie']).toBeUndefined()
    const failed = (await s.store.auditLog()).filter((e) => e.action === 'login.failed').slice(-2)
    expect(failed.map((e) => e.details)).toEqual([
      { username: 'quantri', ip: '10.9.0.1', reason: 'bad-password' },
      { username: 'khongco', ip: '10.9.0.1', reason: 'unknown-user' },
    ])
  })

  it('names a missing or unknown field', async () => {
    const post = (payload: unknown) => s.app.inject({ method: 'POST', url: '/api/session', payload: payload as object, remoteAddress: '10.9.0.2' })
    expect((await post({ password: 'x' })).json().error).toContain('username')
    expect((await post({ username: 'quantri' })).json().error).toContain('password')
    const extra = await post({ username: 'quantri', password: 'x', remember: true })
    expect(extra.statusCode).toBe(400)
    expect(extra.json().error).toContain('remember')
  })

  it('refuses a login posted from another site (Origin)', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/session', headers: { origin: 'https://trang-la.vn' }, payload: { username: 'quantri', password: adminPassword } })
    expect(r.statusCode).toBe(403)
    expect(r.json().error).toContain('Origin')
    const same = await s.app.inject({ method: 'POST', url: '/api/session', headers: { origin: 'http://localhost:80', host: 'localhost:80' }, payload: { username: 'quantri', password: adminPassword } })
    expect(same.statusCode).toBe(200)
  })

  it(`throttles a user name after ${LOGIN_LIMIT} failures in 15 minutes, even with the right password then`, async () => {
    const pw = await addUser(s.store, 'thulan', 'viewer', null)
    for (let i = 0; i < LOGIN_LIMIT; i++) {
      const r = await s.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'thulan', password: 'sai-mat-khau' }, remoteAddress: `10.1.0.${i + 1}` })
      expect(r.statusCode).toBe(401)
    }
    const r = await s.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'thulan', password: pw }, remoteAddress: '10.1.0.99' })
    expect(r.statusCode).toBe(429)
    expect(r.json().error).toMatch(/^Đăng nhập sai quá 5 lần trong 15 phút; hãy thử lại sau \d\d:\d\d \(khoảng 15 phút nữa\)$/)
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(14 * 60)
  })

  it(`throttles an IP address after ${LOGIN_LIMIT} failures, whatever the user name`, async () => {
    const pw = await addUser(s.store, 'thuip', 'viewer', null)
    for (let i = 0; i < LOGIN_LIMIT; i++) await s.app.inject({ method: 'POST', url: '/api/session', payload: { username: `doan${i}`, password: 'sai-mat-khau' }, remoteAddress: '10.2.0.1' })
    expect((await s.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'thuip', password: pw }, remoteAddress: '10.2.0.1' })).statusCode).toBe(429)
    expect((await s.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'thuip', password: pw }, remoteAddress: '10.2.0.2' })).statusCode).toBe(200)
  })

  it('lets the window pass (throttle clock)', () => {
    let now = 1_000_000
    const t = new LoginThrottle(() => now)
    for (let i = 0; i < 5; i++) t.fail(['user:a'])
    expect(t.blockedUntil(['user:a', 'ip:x'])).toBe(1_000_000 + 15 * 60_000)
    now += 15 * 60_000 - 1
    expect(t.blockedUntil(['user:a'])).not.toBeNull()
    now += 1
    expect(t.blockedUntil(['user:a'])).toBeNull()
  })

  it('refuses a disabled account, even with the right password', async () => {
    const pw = await addUser(s.store, 'dakhoa', 'viewer', null)
    await updateUser(s.store, 'dakhoa', { disabled: true }, 'test', () => true)
    const r = await s.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'dakhoa', password: pw }, remoteAddress: '10.3.0.1' })
    expect(r.statusCode).toBe(403)
    expect(r.json().error).toBe('Tài khoản dakhoa đã bị khóa; hãy liên hệ quản trị hệ thống')
    expect(r.headers['set-cookie']).toBeUndefined()
  })
})

describe('sessions and CSRF', () => {
  it('answers 401 { code: unauthenticated } on every non-public /api route without a session', async () => {
    const routes = apiRoutes(s.app).filter((r) => !r.public)
    expect(routes.length).toBeGreaterThan(15)
    const publicOnes = apiRoutes(s.app).filter((r) => r.public).map((r) => `${r.method} ${r.url}`)
    expect(publicOnes).toEqual(expect.arrayContaining(['POST /api/session', 'GET /api/openapi.json', 'GET /api/health']))
    const unit = s.live.current().units.units[1].code
    for (const r of routes) {
      const url = r.url.replace(':code', unit).replace(':username', 'quantri').replace(/:[a-zA-Z]+/g, '1')
      for (const headers of [{}, { cookie: 'chiso_session=khong-hop-le' }]) {
        const res = await s.app.inject({ method: r.method as 'GET', url, headers, payload: r.method === 'GET' || r.method === 'HEAD' ? undefined : {} })
        expect(res.statusCode, `${r.method} ${r.url}`).toBe(401)
        if (r.method !== 'HEAD') expect(res.json(), `${r.method} ${r.url}`).toEqual({ error: 'Chưa đăng nhập hoặc phiên đã hết hạn; hãy đăng nhập lại', code: 'unauthenticated' })
      }
    }
    expect((await s.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200)
    expect((await s.app.inject({ method: 'GET', url: '/api/khong-co' })).statusCode).toBe(401)
  })

  it('GET /api/session returns the user and the CSRF token of the cookie', async () => {
    const c = await login(s.app, 'quantri', adminPassword)
    const r = await c.get('/api/session')
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ user: { username: 'quantri' }, csrfToken: c.csrf })
  })

  it('refuses a change without X-CSRF-Token or with a wrong one, accepts it with the token', async () => {
    const c = await login(s.app, 'quantri', adminPassword)
    const payload = { username: 'csrf1', displayName: 'Thử CSRF', role: 'viewer' }
    for (const headers of [{ cookie: c.cookie }, { cookie: c.cookie, 'x-csrf-token': 'sai' }]) {
      const r = await s.app.inject({ method: 'POST', url: '/api/users', headers, payload })
      expect(r.statusCode).toBe(403)
      expect(r.json()).toMatchObject({ code: 'csrf', error: expect.stringContaining('X-CSRF-Token') })
    }
    expect(await readUser(s.store, 'csrf1')).toBeNull()
    const ok = await c.req('POST', '/api/users', payload)
    expect(ok.status).toBe(201)
    expect(ok.body.password).toMatch(/^[A-Za-z2-9]{16}$/)
  })

  it('logout ends the session (store and cache) and clears the cookie', async () => {
    const c = await login(s.app, 'quantri', adminPassword)
    expect((await c.get('/api/session')).status).toBe(200)
    const out = await c.req('DELETE', '/api/session')
    expect(out.status).toBe(200)
    expect(out.body).toEqual({ ok: true })
    expect(String(out.headers['set-cookie'])).toMatch(/^chiso_session=; .*Max-Age=0/)
    expect((await c.get('/api/session')).status).toBe(401)
    expect((await s.store.auditLog()).at(-1)).toMatchObject({ action: 'logout', actor: 'quantri' })
  })

  it('survives a restart (read from the store) and expires after 12 idle hours or 7 days', async () => {
    const user = (await readUser(s.store, 'quantri'))!
    let now = Date.now()
    const a = new SessionManager(s.store, () => now)
    const { token } = await a.create(user, '127.0.0.1', 'test')
    const b = new SessionManager(s.store, () => now) // another process, or after a restart
    expect((await b.resolve(token))?.user.username).toBe('quantri')
    now += IDLE_TIMEOUT_MS - 1000
    expect(await a.resolve(token)).not.toBeNull()
    await a.settle()
    now += IDLE_TIMEOUT_MS - 1000 // active, so not idle: last request 12 h − 1 s ago
    expect(await a.resolve(token)).not.toBeNull()
    await a.settle()
    now += IDLE_TIMEOUT_MS
    expect(await a.resolve(token)).toBeNull()
    expect(await new SessionManager(s.store, () => now).resolve(token)).toBeNull()
    // Absolute limit: active every 11 hours, still ends after 7 days.
    const { token: t2 } = await a.create(user, null, null)
    const end = now + ABSOLUTE_TIMEOUT_MS
    while (now + 11 * 3_600_000 < end) {
      now += 11 * 3_600_000
      expect(await a.resolve(t2)).not.toBeNull()
      await a.settle()
    }
    now = end
    expect(await a.resolve(t2)).toBeNull()
  })

  it('drops within a minute a session revoked by another process (chiso user disable)', async () => {
    const pw = await addUser(s.store, 'bikhoa', 'viewer', null)
    const user = (await readUser(s.store, 'bikhoa'))!
    let now = Date.now()
    const m = new SessionManager(s.store, () => now)
    const { token } = await m.create(user, null, null)
    expect(pw).toBeTruthy()
    await updateUser(s.store, 'bikhoa', { disabled: true }, 'cli', () => true) // not through m
    expect(await m.resolve(token)).not.toBeNull() // cached
    now += RECHECK_MS
    await m.resolve(token) // starts the check
    await m.settle()
    expect(await m.resolve(token)).toBeNull()
    const row = (await s.store.readTable('sessions', ['username', 'revoked_at'])).filter((r) => r[0] === 'bikhoa')
    expect(row.every((r) => r[1] !== null)).toBe(true)
  })

  it('changing the password needs the current one, ends the other sessions, keeps this one', async () => {
    const pw = await addUser(s.store, 'doimk', 'viewer', null)
    const c1 = await login(s.app, 'doimk', pw)
    const c2 = await login(s.app, 'doimk', pw)
    const wrong = await c1.req('POST', '/api/session/password', { current: 'khong-dung-dau', next: 'mat-khau-moi-1' })
    expect(wrong.status).toBe(400)
    expect(wrong.body.error).toBe('Trường current: mật khẩu hiện tại không đúng')
    const short = await c1.req('POST', '/api/session/password', { current: pw, next: 'ngan' })
    expect(short.status).toBe(400)
    expect(short.body.error).toBe('Trường next: mật khẩu phải có ít nhất 10 ký tự')
    const ok = await c1.req('POST', '/api/session/password', { current: pw, next: 'mat-khau-moi-1' })
    expect(ok).toMatchObject({ status: 200, body: { ok: true } })
    expect((await c1.get('/api/session')).status).toBe(200)
    expect((await c2.get('/api/session')).status).toBe(401)
    await expect(login(s.app, 'doimk', pw, '10.4.0.1')).rejects.toThrow(/401/)
    expect((await login(s.app, 'doimk', 'mat-khau-moi-1')).user.username).toBe('doimk')
    expect((await s.store.auditLog()).filter((e) => e.action === 'password.changed').at(-1)).toMatchObject({ actor: 'doimk', details: { username: 'doimk', by: 'self' } })
  })
})

describe('administration', () => {
  it('creates, lists and changes accounts with clear field errors', async () => {
    const c = await login(s.app, 'quantri', adminPassword)
    const unit = s.live.current().units.units[3]
    const bad = async (payload: object, field: string, status = 400) => {
      const r = await c.req('POST', '/api/users', payload)
      expect(r.status, JSON.stringify(payload)).toBe(status)
      expect(r.body.error).toContain(field)
    }
    await bad({ username: 'cb1', displayName: 'Cán bộ', role: 'officer' }, 'unitCode')
    await bad({ username: 'cb1', displayName: 'Cán bộ', role: 'officer', unitCode: 'KHONG.CO' }, 'unitCode')
    await bad({ username: 'cb1', displayName: 'Cán bộ', role: 'giamdoc' }, 'role')
    await bad({ username: 'c', displayName: 'Cán bộ', role: 'viewer' }, 'username')
    await bad({ username: 'cb1', role: 'viewer' }, 'displayName')
    await bad({ username: 'cb1', displayName: 'Cán bộ', role: 'viewer', password: 'ngan' }, 'password')
    await bad({ username: 'cb1', displayName: 'Cán bộ', role: 'admin', unitCode: unit.code }, 'unitCode')
    const made = await c.req('POST', '/api/users', { username: 'CB1', displayName: 'Nguyễn Văn Cán', role: 'officer', unitCode: unit.code, password: 'mat-khau-cb1-1' })
    expect(made.status).toBe(201)
    expect(made.body).toEqual({ user: { username: 'cb1', displayName: 'Nguyễn Văn Cán', role: 'officer', roleName: 'Cán bộ đơn vị', unitCode: unit.code, unitName: unit.name, disabled: false, lastLoginAt: null } })
    await bad({ username: 'cb1', displayName: 'Lần hai', role: 'viewer' }, 'cb1', 409)
    const list = await c.get('/api/users')
    expect(list.body.users.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['quantri', 'cb1']))
    expect(JSON.stringify(list.body)).not.toContain('scrypt')

    const cb1 = await login(s.app, 'cb1', 'mat-khau-cb1-1')
    expect((await cb1.get(`/api/units/${unit.code}/indicators?period=2026-08`)).status).toBe(200)
    const patch = await c.req('PATCH', '/api/users/cb1', { role: 'viewer', unitCode: null, displayName: 'Nguyễn Văn Xem' })
    expect(patch.status).toBe(200)
    expect(patch.body.user).toMatchObject({ role: 'viewer', unitCode: null, displayName: 'Nguyễn Văn Xem' })
    // The open session follows at once: a province-wide viewer now, who cannot write.
    expect((await cb1.get('/api/session')).body.user.role).toBe('viewer')
    expect((await cb1.req('POST', '/api/users', { username: 'x12', displayName: 'X', role: 'viewer' })).status).toBe(403)
    expect((await c.req('PATCH', '/api/users/cb1', { disabled: 'co' })).body.error).toContain('disabled')
    expect((await c.req('PATCH', '/api/users/cb1', { email: 'a@b' })).body.error).toContain('email')
    expect((await c.req('PATCH', '/api/users/khongco', { disabled: true })).status).toBe(404)
    const off = await c.req('PATCH', '/api/users/cb1', { disabled: true })
    expect(off.body.user.disabled).toBe(true)
    expect((await cb1.get('/api/session')).status).toBe(401)
    const log = await s.store.auditLog()
    expect(log.filter((e) => e.action === 'user.updated').at(-1)).toMatchObject({ actor: 'quantri', details: { username: 'cb1', changes: { disabled: { from: false, to: true } } } })
  })

  it('never disables or demotes the last active administrator', async () => {
    const c = await login(s.app, 'quantri', adminPassword)
    for (const patch of [{ disabled: true }, { role: 'viewer' }]) {
      const r = await c.req('PATCH', '/api/users/quantri', patch)
      expect(r.status).toBe(409)
      expect(r.body.error).toContain('quản trị cuối cùng')
    }
    await addUser(s.store, 'quantri2', 'admin', null)
    const r = await c.req('PATCH', '/api/users/quantri2', { disabled: true })
    expect(r.status).toBe(200)
    expect((await c.req('PATCH', '/api/users/quantri', { role: 'viewer' })).status).toBe(409)
  })

  it('serves the audit log filtered by action and actor, newest first', async () => {
    const c = await login(s.app, 'quantri', adminPassword)
    const r = await c.get('/api/audit?action=login.succeeded&limit=3')
    expect(r.status).toBe(200)
    expect(r.body.entries).toHaveLength(3)
    expect(r.body.entries[0]).toMatchObject({ action: 'login.succeeded', actor: 'quantri', details: { username: 'quantri' } })
    expect(r.body.entries[0].id).toBeGreaterThan(r.body.entries[1].id)
    expect(r.body.entries[0].at).toMatch(/^\d{4}-\d\d-\d\dT/)
    const byActor = await c.get('/api/audit?actor=doimk')
    expect(byActor.body.entries.length).toBeGreaterThan(0)
    expect(byActor.body.entries.every((e: { actor: string }) => e.actor === 'doimk')).toBe(true)
    expect((await c.get('/api/audit?limit=0')).body.error).toContain('limit')
    expect((await c.get('/api/audit?nguoi=1')).body.error).toContain('nguoi')
    const actions = new Set(await auditActions())
    for (const a of ['login.succeeded', 'login.failed', 'logout', 'user.created', 'user.updated', 'password.changed']) expect(actions, a).toContain(a)
  })

  it('lists import runs and the errors of one', async () => {
    const c = await login(s.app, 'quantri', adminPassword)
    const runs = await c.get('/api/imports')
    expect(runs.status).toBe(200)
    const stored = await s.store.listRuns()
    expect(runs.body.runs.map((r: { id: number }) => r.id)).toEqual(stored.map((r) => r.id).reverse())
    expect(runs.body.runs[0]).toMatchObject({ status: 'completed', startedAt: expect.stringMatching(/^\d{4}-/) })
    const one = await c.get(`/api/imports/${stored[0].id}`)
    expect(one.body.run.id).toBe(stored[0].id)
    expect(one.body.errors).toEqual(await s.store.runErrors(stored[0].id))
    expect((await c.get('/api/imports/99999')).status).toBe(404)
    expect((await c.get('/api/imports/abc')).status).toBe(400)
  })

  it('creates (secret once), lists and revokes feed keys, audited with the admin as actor', async () => {
    const c = await login(s.app, 'quantri', adminPassword)
    expect((await c.req('POST', '/api/feed-keys', { unitCode: null })).body.error).toContain('name')
    expect((await c.req('POST', '/api/feed-keys', { name: 'Một cửa', unitCode: 'KHONG.CO' })).body.error).toContain('unitCode')
    const made = await c.req('POST', '/api/feed-keys', { name: 'Hệ thống một cửa thử' })
    expect(made.status).toBe(201)
    expect(made.body.secret).toMatch(/^chiso_/)
    expect(made.body.key).toMatchObject({ name: 'Hệ thống một cửa thử', unitCode: null, revokedAt: null })
    const list = await c.get('/api/feed-keys')
    expect(JSON.stringify(list.body)).not.toContain(made.body.secret)
    expect(list.body.keys.map((k: { id: number }) => k.id)).toContain(made.body.key.id)
    const gone = await c.req('DELETE', `/api/feed-keys/${made.body.key.id}`)
    expect(gone.body.key.revokedAt).not.toBeNull()
    expect((await c.req('DELETE', `/api/feed-keys/${made.body.key.id}`)).status).toBe(404)
    const log = await s.store.auditLog()
    expect(log.filter((e) => e.action.startsWith('feed-key.')).slice(-2).map((e) => [e.action, e.actor])).toEqual([
      ['feed-key.created', 'quantri'],
      ['feed-key.revoked', 'quantri'],
    ])
  })

  it('is for administrators only', async () => {
    const pw = await addUser(s.store, 'canbo2', 'officer', s.live.current().units.units[2].code)
    const c = await login(s.app, 'canbo2', pw)
    for (const [method, url, body] of [
      ['GET', '/api/users'],
      ['POST', '/api/users', { username: 'x13', displayName: 'X', role: 'viewer' }],
      ['PATCH', '/api/users/canbo2', { role: 'admin' }],
      ['GET', '/api/audit'],
      ['GET', '/api/imports'],
      ['GET', '/api/imports/1'],
      ['GET', '/api/feed-keys'],
      ['POST', '/api/feed-keys', { name: 'X' }],
      ['DELETE', '/api/feed-keys/1'],
    ] as const) {
      const r = await c.req(method, url, body)
      expect(r.status, `${method} ${url}`).toBe(403)
      expect(r.body.error).toBe('Chỉ tài khoản quản trị được thực hiện thao tác này')
    }
    expect((await readUser(s.store, 'canbo2'))!.role).toBe('officer')
  })

  it('refuses bad accounts in the store functions too (AccountError)', async () => {
    await expect(updateUser(s.store, 'quantri', { role: 'officer' }, 'test', () => true)).rejects.toBeInstanceOf(AccountError)
  })
})
