/**
 * @module adapters/http/auth/sessions
 * Login sessions. The browser holds a random 32-byte token in the cookie `chiso_session`; the
 * store keeps only its SHA-256 (`sessions.token_hash`) with the session's CSRF token. A session
 * ends after 12 hours without a request or 7 days after login, whichever comes first, or when it
 * is revoked (logout, account disabled, password set).
 *
 * Every `/api/` request resolves its session, so that must not queue behind the store's writer:
 * valid sessions are cached in memory (token hash → account, expiry). A miss reads the store (a
 * plain read, no transaction). At most once a minute per session, a request re-checks it against
 * the store in the background and records `last_seen_at` — so a session revoked by another process
 * (`chiso user disable`) ends within a minute, and this process's own revocations at once.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { UnitIndex } from '../../../engine/prepare/dossier-table.js'
import type { ColumnValue, Store, StoreTx } from '../../store/store.js'
import { numOrNull, textOrNull } from '../../store/schema.js'
import { Access } from './access.js'
import { SESSION_COLUMNS, USER_COLUMNS, userFromRow, type UserRecord } from './users.js'

/** Name of the session cookie. */
export const SESSION_COOKIE = 'chiso_session'
/** A session ends after this long without a request. */
export const IDLE_TIMEOUT_MS = 12 * 3_600_000
/** … and this long after the login at the latest. */
export const ABSOLUTE_TIMEOUT_MS = 7 * 24 * 3_600_000
/** A cached session is re-checked against the store (and `last_seen_at` written) at most this often. */
export const RECHECK_MS = 60_000

/** SHA-256 (hex) of a session token: what the store keeps. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Constant-time string equality. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8'), y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

/** A stored session. */
interface SessionRecord {
  tokenHash: string
  username: string
  csrfToken: string
  createdAt: number
  expiresAt: number
  lastSeenAt: number
  revokedAt: number | null
  ip: string | null
  userAgent: string | null
}

function sessionFromRow(r: readonly ColumnValue[]): SessionRecord {
  return {
    tokenHash: String(r[0]),
    username: String(r[1]),
    csrfToken: String(r[2]),
    createdAt: Number(r[3]),
    expiresAt: Number(r[4]),
    lastSeenAt: Number(r[5]),
    revokedAt: numOrNull(r[6]),
    ip: textOrNull(r[7]),
    userAgent: textOrNull(r[8]),
  }
}

function sessionRow(s: SessionRecord): Record<string, ColumnValue> {
  return {
    token_hash: s.tokenHash,
    username: s.username,
    csrf_token: s.csrfToken,
    created_at: s.createdAt,
    expires_at: s.expiresAt,
    last_seen_at: s.lastSeenAt,
    revoked_at: s.revokedAt,
    ip: s.ip,
    user_agent: s.userAgent,
  }
}

/** A valid session, as cached. */
export interface ActiveSession {
  readonly tokenHash: string
  readonly csrfToken: string
  user: UserRecord
  /** The stored row (its `last_seen_at` as last written). */
  record: SessionRecord
  /** Last request (memory; written to the store at most once a minute). */
  lastSeen: number
  /** Last check against the store. */
  checkedAt: number
  checking: boolean
  access: { units: UnitIndex; access: Access } | null
}

/** Why a stored session is no longer valid, or null when it is. */
function invalid(s: SessionRecord, user: UserRecord | null, now: number): string | null {
  if (s.revokedAt !== null) return 'revoked'
  if (now >= s.expiresAt) return 'expired'
  if (now - s.lastSeenAt >= IDLE_TIMEOUT_MS) return 'idle'
  if (user === null) return 'no user'
  if (user.disabled) return 'disabled'
  return null
}

/** The sessions of one server. */
export class SessionManager {
  private readonly cache = new Map<string, ActiveSession>()
  private readonly loading = new Map<string, Promise<ActiveSession | null>>()
  /** Background checks still running (awaited by {@link settle}). */
  private readonly pending = new Set<Promise<void>>()

  constructor(
    private readonly store: Store,
    readonly clock: () => number = Date.now
  ) {}

  /**
   * Open a session for `user` (who gave the right password). `inTx` runs in the same transaction
   * (the login's audit entry, last login time). The token is returned once: only its hash is kept.
   */
  async create(user: UserRecord, ip: string | null, userAgent: string | null, inTx?: (tx: StoreTx) => Promise<void>): Promise<{ token: string; session: ActiveSession }> {
    const token = randomBytes(32).toString('base64url')
    const now = this.clock()
    const record: SessionRecord = {
      tokenHash: tokenHash(token),
      username: user.username,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: now,
      expiresAt: now + ABSOLUTE_TIMEOUT_MS,
      lastSeenAt: now,
      revokedAt: null,
      ip,
      userAgent: userAgent === null ? null : userAgent.slice(0, 300),
    }
    await this.store.transaction(async (tx) => {
      await tx.insert('sessions', [sessionRow(record)])
      if (inTx) await inTx(tx)
    })
    const session: ActiveSession = { tokenHash: record.tokenHash, csrfToken: record.csrfToken, user, record, lastSeen: now, checkedAt: now, checking: false, access: null }
    this.sweep(now)
    this.cache.set(record.tokenHash, session)
    return { token, session }
  }

  /** The valid session of a cookie token, or null (unknown, revoked, expired, account disabled). */
  async resolve(token: string): Promise<ActiveSession | null> {
    if (token.length === 0 || token.length > 100) return null
    const hash = tokenHash(token)
    const now = this.clock()
    const hit = this.cache.get(hash)
    if (hit) {
      if (now >= hit.record.expiresAt || now - hit.lastSeen >= IDLE_TIMEOUT_MS) {
        this.cache.delete(hash)
        return null
      }
      hit.lastSeen = Math.max(hit.lastSeen, now)
      if (now - hit.checkedAt >= RECHECK_MS && !hit.checking) this.background(this.recheck(hit))
      return hit
    }
    let load = this.loading.get(hash)
    if (!load) {
      load = this.load(hash, now).finally(() => this.loading.delete(hash))
      this.loading.set(hash, load)
    }
    return load
  }

  /** Read a session missing from the cache (after a restart, or made by another process). */
  private async load(hash: string, now: number): Promise<ActiveSession | null> {
    const row = (await this.store.lookup('sessions', [hash], SESSION_COLUMNS)).get(hash)
    if (!row) return null
    const record = sessionFromRow(row)
    const userRow = (await this.store.lookup('users', [record.username], USER_COLUMNS)).get(record.username)
    const user = userRow ? userFromRow(userRow) : null
    if (invalid(record, user, now) !== null) return null
    const session: ActiveSession = { tokenHash: hash, csrfToken: record.csrfToken, user: user!, record, lastSeen: now, checkedAt: now, checking: false, access: null }
    if (now - record.lastSeenAt >= RECHECK_MS) {
      session.checkedAt = record.lastSeenAt
      this.background(this.recheck(session))
    }
    this.cache.set(hash, session)
    return session
  }

  /** Check a cached session against the store and write its `last_seen_at`, in one transaction. */
  private async recheck(s: ActiveSession): Promise<void> {
    s.checking = true
    try {
      const now = this.clock()
      const ok = await this.store.transaction(async (tx) => {
        const row = (await tx.get('sessions', [s.tokenHash], SESSION_COLUMNS)).get(s.tokenHash)
        if (!row) return false
        const record = sessionFromRow(row)
        const userRow = (await tx.get('users', [record.username], USER_COLUMNS)).get(record.username)
        const user = userRow ? userFromRow(userRow) : null
        if (invalid({ ...record, lastSeenAt: Math.max(record.lastSeenAt, s.lastSeen) }, user, now) !== null) return false
        s.record = { ...record, lastSeenAt: Math.max(record.lastSeenAt, s.lastSeen) }
        if (user!.role !== s.user.role || user!.unitCode !== s.user.unitCode) s.access = null
        s.user = user!
        await tx.upsert('sessions', [sessionRow(s.record)])
        return true
      })
      s.checkedAt = now
      if (!ok) this.cache.delete(s.tokenHash)
    } finally {
      s.checking = false
    }
  }

  private background(p: Promise<void>): void {
    // A failed check (store closing…) keeps the cached state; the next one tries again.
    const q = p.catch(() => undefined).finally(() => this.pending.delete(q))
    this.pending.add(q)
  }

  /** Wait for the background checks (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending])
  }

  /** What the session's user may do, computed once per unit list. */
  accessFor(s: ActiveSession, units: UnitIndex): Access {
    if (s.access === null || s.access.units !== units) s.access = { units, access: new Access(s.user, units, s.csrfToken) }
    return s.access.access
  }

  /** End one session (logout); `inTx` runs in the same transaction. */
  async revoke(hash: string, inTx?: (tx: StoreTx) => Promise<void>): Promise<void> {
    this.cache.delete(hash)
    const now = this.clock()
    await this.store.transaction(async (tx) => {
      const row = (await tx.get('sessions', [hash], SESSION_COLUMNS)).get(hash)
      if (row) {
        const record = sessionFromRow(row)
        if (record.revokedAt === null) await tx.upsert('sessions', [sessionRow({ ...record, revokedAt: now })])
      }
      if (inTx) await inTx(tx)
    })
    this.cache.delete(hash)
  }

  /**
   * Drop the cached sessions of an account (but `keep`), so the next request reads them again —
   * after the account was changed, disabled or given a new password (which revoked them in the store).
   */
  forgetUser(username: string, keep?: string): void {
    for (const [hash, s] of this.cache) if (s.user.username === username && hash !== keep) this.cache.delete(hash)
  }

  /** Update the cached account of the sessions kept by {@link forgetUser}. */
  refreshUser(user: UserRecord): void {
    for (const s of this.cache.values()) {
      if (s.user.username !== user.username) continue
      if (user.role !== s.user.role || user.unitCode !== s.user.unitCode) s.access = null
      s.user = user
    }
  }

  /** Cached sessions (for tests). */
  get size(): number {
    return this.cache.size
  }

  /** Drop expired entries once the cache is large. */
  private sweep(now: number): void {
    if (this.cache.size < 10_000) return
    for (const [hash, s] of this.cache) if (now >= s.record.expiresAt || now - s.lastSeen >= IDLE_TIMEOUT_MS) this.cache.delete(hash)
  }
}

/** Cookies of a request (`Cookie` header); the first value of a repeated name wins. */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>()
  if (!header) return out
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0) continue
    const name = part.slice(0, eq).trim()
    let value = part.slice(eq + 1).trim()
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1)
    if (name && !out.has(name)) {
      try {
        out.set(name, decodeURIComponent(value))
      } catch {
        out.set(name, value)
      }
    }
  }
  return out
}

/** Is `host` (a Host header, with or without port) a loopback name? */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false
  const h = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]
  return h === 'localhost' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

/** The `Set-Cookie` value of a session cookie (`token` null: clear it). */
export function sessionCookie(token: string | null, secure: boolean): string {
  const parts = [`${SESSION_COOKIE}=${token ?? ''}`, 'Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${token === null ? 0 : Math.floor(ABSOLUTE_TIMEOUT_MS / 1000)}`]
  if (secure) parts.push('Secure')
  return parts.join('; ')
}
