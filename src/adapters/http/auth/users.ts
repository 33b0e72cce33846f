/**
 * @module adapters/http/auth/users
 * Accounts in the store's `users` table: validation of every field (Vietnamese errors naming the
 * field), creation, changes (never leaving the province without an active administrator), the
 * first administrator of a new store. Shared by the web API and `chiso user`. Disabling an account
 * or setting its password revokes its sessions in the store, so a running server drops them too.
 */
import type { ColumnValue, Store, StoreTx } from '../../store/store.js'
import { numOrNull, textOrNull } from '../../store/schema.js'
import { ROLE_NAMES, ROLES, type Role, type SessionUser } from './access.js'
import { generatePassword, hashPassword, passwordProblem } from './passwords.js'

/** An account as stored. */
export interface UserRecord extends SessionUser {
  passwordHash: string
  disabled: boolean
  createdAt: number
  updatedAt: number
  lastLoginAt: number | null
}

/** A refusal about an account: 400 bad field, 404 unknown account, 409 conflict. */
export class AccountError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string
  ) {
    super(message)
    this.name = 'AccountError'
  }

  get statusCode(): number {
    return this.status
  }
}

export const USER_COLUMNS = ['username', 'display_name', 'role', 'unit_code', 'password_hash', 'disabled', 'created_at', 'updated_at', 'last_login_at'] as const
export const SESSION_COLUMNS = ['token_hash', 'username', 'csrf_token', 'created_at', 'expires_at', 'last_seen_at', 'revoked_at', 'ip', 'user_agent'] as const

const num = (v: ColumnValue): number => Number(v)

export function userFromRow(r: readonly ColumnValue[]): UserRecord {
  return {
    username: String(r[0]),
    displayName: String(r[1]),
    role: String(r[2]) as Role,
    unitCode: textOrNull(r[3]),
    passwordHash: String(r[4]),
    disabled: num(r[5]) !== 0,
    createdAt: num(r[6]),
    updatedAt: num(r[7]),
    lastLoginAt: numOrNull(r[8]),
  }
}

export function userRow(u: UserRecord) {
  return {
    username: u.username,
    display_name: u.displayName,
    role: u.role,
    unit_code: u.unitCode,
    password_hash: u.passwordHash,
    disabled: u.disabled ? 1 : 0,
    created_at: u.createdAt,
    updated_at: u.updatedAt,
    last_login_at: u.lastLoginAt,
  }
}

/** The account as the API shows it (never the hash). */
export function userJson(u: UserRecord, unitName: (code: string) => string | null) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    roleName: ROLE_NAMES[u.role],
    unitCode: u.unitCode,
    unitName: u.unitCode === null ? null : unitName(u.unitCode),
    disabled: u.disabled,
    lastLoginAt: u.lastLoginAt === null ? null : new Date(u.lastLoginAt).toISOString(),
  }
}

/** One account, or null. */
export async function readUser(store: Store, username: string): Promise<UserRecord | null> {
  const r = (await store.lookup('users', [username], USER_COLUMNS)).get(username)
  return r ? userFromRow(r) : null
}

/** Every account, in creation order. */
export async function listUsers(store: Store): Promise<UserRecord[]> {
  return (await store.readTable('users', USER_COLUMNS)).map(userFromRow)
}

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,39}$/

/** Lower-case, trimmed user name. @throws {AccountError} 400 naming the field */
export function usernameField(v: unknown, field = 'username'): string {
  if (typeof v !== 'string' || v.trim() === '') throw new AccountError(400, `Thiếu trường ${field} (tên đăng nhập)`)
  const name = v.trim().toLowerCase()
  if (!USERNAME.test(name)) {
    throw new AccountError(400, `Trường ${field} "${v}" không hợp lệ: tên đăng nhập dài 3–40 ký tự, chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới`)
  }
  return name
}

function displayNameField(v: unknown): string {
  if (typeof v !== 'string' || v.trim() === '') throw new AccountError(400, 'Thiếu trường displayName (họ tên người dùng)')
  const s = v.trim().normalize('NFC')
  if (s.length > 100) throw new AccountError(400, 'Trường displayName dài quá 100 ký tự')
  return s
}

function roleField(v: unknown): Role {
  if (typeof v !== 'string' || !(ROLES as readonly string[]).includes(v)) {
    throw new AccountError(400, `Trường role "${String(v)}" không hợp lệ; các vai trò: ${ROLES.map((r) => `${r} (${ROLE_NAMES[r]})`).join(', ')}`)
  }
  return v as Role
}

function unitField(v: unknown, knownUnit: (code: string) => boolean): string | null {
  if (v === null || v === undefined) return null
  if (typeof v !== 'string' || v.trim() === '') throw new AccountError(400, 'Trường unitCode phải là mã đơn vị (chuỗi) hoặc null')
  const code = v.trim()
  if (!knownUnit(code)) throw new AccountError(400, `Trường unitCode: không có đơn vị mã ${code}`)
  return code
}

/** Role and unit together: officers need a unit, administrators have none. */
function checkRoleUnit(role: Role, unitCode: string | null): void {
  if (role === 'officer' && unitCode === null) throw new AccountError(400, 'Trường unitCode: tài khoản cán bộ đơn vị (officer) phải gắn với một đơn vị')
  if (role === 'admin' && unitCode !== null) throw new AccountError(400, 'Trường unitCode: tài khoản quản trị (admin) quản lý cả tỉnh, không gắn với đơn vị; hãy để trống')
}

function newPasswordField(v: unknown, field = 'password'): string {
  const problem = passwordProblem(v, field)
  if (problem) throw new AccountError(400, problem)
  return v as string
}

function onlyFields(body: Record<string, unknown>, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k))
  if (unknown.length) throw new AccountError(400, `Trường ${unknown.join(', ')} không được hỗ trợ (các trường hợp lệ: ${allowed.join(', ')})`)
}

/** The body as an object. @throws {AccountError} 400 */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new AccountError(400, 'Nội dung yêu cầu phải là một đối tượng JSON')
  return body as Record<string, unknown>
}

/** Input of {@link createUser} (as received: every field is checked). */
export interface NewUserInput {
  username?: unknown
  displayName?: unknown
  role?: unknown
  unitCode?: unknown
  password?: unknown
}

/**
 * Create an account. Without a password, one of 16 characters is generated and returned (shown
 * once). Audited as `user.created`.
 * @throws {AccountError} 400 for a bad field, 409 when the user name is taken
 */
export async function createUser(
  store: Store,
  input: NewUserInput,
  actor: string,
  knownUnit: (code: string) => boolean,
  now = Date.now()
): Promise<{ user: UserRecord; password?: string }> {
  onlyFields(input as Record<string, unknown>, ['username', 'displayName', 'role', 'unitCode', 'password'])
  const username = usernameField(input.username)
  const displayName = displayNameField(input.displayName)
  const role = roleField(input.role)
  const unitCode = unitField(input.unitCode, knownUnit)
  checkRoleUnit(role, unitCode)
  const generated = input.password === undefined || input.password === null ? generatePassword(16) : undefined
  const password = generated ?? newPasswordField(input.password)
  const user: UserRecord = { username, displayName, role, unitCode, passwordHash: await hashPassword(password), disabled: false, createdAt: now, updatedAt: now, lastLoginAt: null }
  await store.transaction(async (tx) => {
    if ((await tx.get('users', [username], ['username'])).size > 0) throw new AccountError(409, `Tên đăng nhập ${username} đã có người dùng`)
    await tx.upsert('users', [userRow(user)])
    await tx.audit('user.created', { username, displayName, role, unitCode, passwordGenerated: generated !== undefined }, null, actor)
  })
  return generated ? { user, password: generated } : { user }
}

/** Changes of {@link updateUser} (as received). */
export interface UserPatch {
  displayName?: unknown
  role?: unknown
  unitCode?: unknown
  disabled?: unknown
  password?: unknown
}

/** Revoke every session of `username` in the store (but `keep`, a token hash). */
async function revokeSessions(tx: StoreTx, username: string, now: number, keep?: string): Promise<void> {
  const rows = (await tx.getMany('sessions', 'username', [username], SESSION_COLUMNS)).get(username) ?? []
  const revoke = rows.filter((r) => r[6] === null && r[0] !== keep)
  await tx.upsert(
    'sessions',
    revoke.map((r) => Object.fromEntries(SESSION_COLUMNS.map((c, i) => [c, c === 'revoked_at' ? now : r[i]])) as Record<string, ColumnValue>)
  )
}

/** Active administrators other than `except`, inside a transaction. */
async function otherActiveAdmins(tx: StoreTx, except: string): Promise<number> {
  const admins = (await tx.getMany('users', 'role', ['admin'], USER_COLUMNS)).get('admin') ?? []
  return admins.map(userFromRow).filter((u) => !u.disabled && u.username !== except).length
}

/**
 * Change an account. Audited as `user.updated` (fields changed, never the password) and, when the
 * password is set, `password.changed`. Disabling it or setting its password revokes its sessions
 * (but `keepSession`, a token hash: the caller's own session when changing their own password).
 * @throws {AccountError} 400 bad field, 404 unknown account, 409 when it would leave no active administrator
 */
export async function updateUser(
  store: Store,
  rawUsername: string,
  patch: UserPatch,
  actor: string,
  knownUnit: (code: string) => boolean,
  options: { now?: number; keepSession?: string; passwordField?: string } = {}
): Promise<{ user: UserRecord; changed: string[] }> {
  onlyFields(patch as Record<string, unknown>, ['displayName', 'role', 'unitCode', 'disabled', 'password'])
  const now = options.now ?? Date.now()
  const username = rawUsername.trim().toLowerCase()
  const displayName = patch.displayName === undefined ? undefined : displayNameField(patch.displayName)
  const role = patch.role === undefined ? undefined : roleField(patch.role)
  const unitCode = patch.unitCode === undefined ? undefined : unitField(patch.unitCode, knownUnit)
  if (patch.disabled !== undefined && typeof patch.disabled !== 'boolean') throw new AccountError(400, 'Trường disabled phải là true hoặc false')
  const disabled = patch.disabled as boolean | undefined
  const passwordHash = patch.password === undefined ? undefined : await hashPassword(newPasswordField(patch.password, options.passwordField))
  return store.transaction(async (tx) => {
    const row = (await tx.get('users', [username], USER_COLUMNS)).get(username)
    if (!row) throw new AccountError(404, `Không có tài khoản ${username}`)
    const before = userFromRow(row)
    const after: UserRecord = { ...before }
    if (displayName !== undefined) after.displayName = displayName
    if (role !== undefined) after.role = role
    if (unitCode !== undefined) after.unitCode = unitCode
    // Becoming administrator drops the unit unless one is given (then it is refused below).
    else if (role === 'admin') after.unitCode = null
    if (disabled !== undefined) after.disabled = disabled
    if (passwordHash !== undefined) after.passwordHash = passwordHash
    checkRoleUnit(after.role, after.unitCode)
    const wasActiveAdmin = before.role === 'admin' && !before.disabled
    const isActiveAdmin = after.role === 'admin' && !after.disabled
    if (wasActiveAdmin && !isActiveAdmin && (await otherActiveAdmins(tx, username)) === 0) {
      throw new AccountError(409, `Không thể ${after.disabled ? 'khóa' : 'đổi vai trò của'} tài khoản ${username}: đây là tài khoản quản trị cuối cùng còn hoạt động`)
    }
    const changed: string[] = (['displayName', 'role', 'unitCode', 'disabled'] as const).filter((k) => before[k] !== after[k])
    if (passwordHash !== undefined) changed.push('password')
    after.updatedAt = now
    await tx.upsert('users', [userRow(after)])
    if (after.disabled && !before.disabled) await revokeSessions(tx, username, now)
    if (passwordHash !== undefined) await revokeSessions(tx, username, now, options.keepSession)
    const fields = changed.filter((c) => c !== 'password')
    if (fields.length) {
      await tx.audit('user.updated', { username, changes: Object.fromEntries(fields.map((k) => [k, { from: before[k as keyof UserRecord], to: after[k as keyof UserRecord] }])) }, null, actor)
    }
    if (passwordHash !== undefined) await tx.audit('password.changed', { username, by: actor === username ? 'self' : 'admin' }, null, actor)
    return { user: after, changed }
  })
}

/** Record a successful login (time of the login). */
export async function touchLogin(tx: StoreTx, user: UserRecord, now: number): Promise<void> {
  await tx.upsert('users', [userRow({ ...user, lastLoginAt: now })])
}

/** What {@link ensureFirstAdmin} did. */
export interface FirstAdmin {
  created: boolean
  username?: string
  /** The generated password (to print once); absent when it came from the environment. */
  password?: string
}

/**
 * On a store without any account, create the first administrator: `CHISO_ADMIN_USER` and
 * `CHISO_ADMIN_PASSWORD` when both are set, otherwise `quantri` with a random 16-character
 * password (returned, to be printed once).
 * @throws {AccountError} when the environment's user name or password is refused
 */
export async function ensureFirstAdmin(store: Store, env: Record<string, string | undefined> = process.env): Promise<FirstAdmin> {
  if ((await store.count('users')) > 0) return { created: false }
  const fromEnv = Boolean(env.CHISO_ADMIN_USER && env.CHISO_ADMIN_PASSWORD)
  const username = fromEnv ? usernameField(env.CHISO_ADMIN_USER, 'CHISO_ADMIN_USER') : 'quantri'
  const password = fromEnv ? newPasswordField(env.CHISO_ADMIN_PASSWORD, 'CHISO_ADMIN_PASSWORD') : generatePassword(16)
  const now = Date.now()
  const user: UserRecord = { username, displayName: 'Quản trị hệ thống', role: 'admin', unitCode: null, passwordHash: await hashPassword(password), disabled: false, createdAt: now, updatedAt: now, lastLoginAt: null }
  const created = await store.transaction(async (tx) => {
    // Another process may have created one meanwhile.
    if ((await tx.getMany('users', 'role', ROLES, ['username'])).size > 0) return false
    await tx.upsert('users', [userRow(user)])
    await tx.audit('user.created', { username, displayName: user.displayName, role: 'admin', unitCode: null, firstAdmin: true, passwordGenerated: !fromEnv }, null, 'chiso')
    return true
  })
  if (!created) return { created: false }
  return fromEnv ? { created: true, username } : { created: true, username, password }
}
