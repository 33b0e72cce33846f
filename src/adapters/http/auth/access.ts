/**
 * @module adapters/http/auth/access
 * Who is asking and what they may touch. Every `/api/` route (but login and the OpenAPI page) runs
 * after the session hook, which puts an {@link Access} on the request; routes then call
 * {@link accessOf}, {@link requireRead}, {@link requireWrite} or {@link requireAdmin}. The rules,
 * in one place:
 *
 * - `admin` (quản trị): every unit of the province, reads and writes everything, manages accounts,
 *   feed keys and imports;
 * - `officer` (cán bộ đơn vị): reads and writes (targets) only its own unit and the units below it;
 * - `viewer` (chỉ xem): reads only — the whole province, or one unit and those below it when the
 *   account names a unit; never writes.
 */
import type { FastifyRequest } from 'fastify'
import type { UnitIndex } from '../../../engine/prepare/dossier-table.js'

/** Roles of an account. */
export const ROLES = ['admin', 'officer', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** Vietnamese names of the roles, for pages and messages. */
export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Quản trị',
  officer: 'Cán bộ đơn vị',
  viewer: 'Chỉ xem',
}

/** The account behind a session. */
export interface SessionUser {
  username: string
  displayName: string
  role: Role
  /** Unit of an officer (required) or a restricted viewer; null = whole province. */
  unitCode: string | null
}

/** A refusal by the access rules: 401 (not signed in) or 403 (not allowed), Vietnamese message. */
export class AccessError extends Error {
  constructor(
    readonly status: 401 | 403,
    message: string
  ) {
    super(message)
    this.name = 'AccessError'
  }

  /** Read by the server's error handler. */
  get statusCode(): number {
    return this.status
  }
}

/** What one signed-in user may read and write. */
export class Access {
  /** Unit codes the user may see; null = every unit. */
  readonly scope: ReadonlySet<string> | null

  constructor(
    readonly user: SessionUser,
    units: UnitIndex,
    /** CSRF token of the session (sent back by pages in `X-CSRF-Token`). */
    readonly csrfToken = ''
  ) {
    this.scope = user.role === 'admin' || user.unitCode === null ? null : subtree(units, user.unitCode)
  }

  get isAdmin(): boolean {
    return this.user.role === 'admin'
  }

  /** May the user read this unit's numbers and records? */
  canRead(unitCode: string): boolean {
    return this.scope === null || this.scope.has(unitCode)
  }

  /** May the user change things (targets) about this unit? Viewers never. */
  canWrite(unitCode: string): boolean {
    return this.user.role !== 'viewer' && this.canRead(unitCode)
  }
}

/** A unit and every unit below it (codes). Unknown code → just itself (it scopes nothing). */
export function subtree(units: UnitIndex, code: string): Set<string> {
  const out = new Set<string>([code])
  const root = units.byCode.get(code)
  if (root === undefined) return out
  // Parents may come after children in the list: repeat until nothing is added.
  let added = true
  while (added) {
    added = false
    for (let i = 0; i < units.units.length; i++) {
      const u = units.units[i]
      if (!out.has(u.code) && u.parent !== null && out.has(u.parent)) {
        out.add(u.code)
        added = true
      }
    }
  }
  return out
}

const ACCESS = Symbol.for('chiso.access')

/** Attach the access of the request (done by the session hook). */
export function setAccess(req: FastifyRequest, access: Access): void {
  ;(req as unknown as Record<symbol, Access>)[ACCESS] = access
}

/** The access of a signed-in request. @throws {AccessError} 401 when nobody is signed in */
export function accessOf(req: FastifyRequest): Access {
  const a = (req as unknown as Record<symbol, Access | undefined>)[ACCESS]
  if (!a) throw new AccessError(401, 'Chưa đăng nhập hoặc phiên đã hết hạn; hãy đăng nhập lại')
  return a
}

/** @throws {AccessError} 403 unless the user may read `unitCode` */
export function requireRead(req: FastifyRequest, unitCode: string): Access {
  const a = accessOf(req)
  if (!a.canRead(unitCode)) throw new AccessError(403, `Tài khoản ${a.user.username} không được xem số liệu của đơn vị ${unitCode}`)
  return a
}

/** @throws {AccessError} 403 unless the user may change things about every unit of `unitCodes` */
export function requireWrite(req: FastifyRequest, unitCodes: readonly string[]): Access {
  const a = accessOf(req)
  if (a.user.role === 'viewer') throw new AccessError(403, `Tài khoản ${a.user.username} chỉ có quyền xem`)
  const outside = unitCodes.filter((c) => !a.canWrite(c))
  if (outside.length) throw new AccessError(403, `Tài khoản ${a.user.username} không được thay đổi số liệu của đơn vị ${outside.join(', ')}`)
  return a
}

/** @throws {AccessError} 403 unless the user is an administrator */
export function requireAdmin(req: FastifyRequest): Access {
  const a = accessOf(req)
  if (!a.isAdmin) throw new AccessError(403, `Chỉ tài khoản quản trị được thực hiện thao tác này`)
  return a
}
