/**
 * @module adapters/http/targets-store
 * Directive targets in the store (`targets`, `target_history`, migration 002) through the generic
 * primitives. Every change writes a new version into `target_history` and an audit entry
 * (`target.created`, `target.updated`, `target.archived`) in the same transaction. Archived targets
 * stay (with their history); they are only left out of lists and compliance.
 */
import { randomBytes } from 'node:crypto'
import type { TargetDefinition } from '../../engine/targets/target.js'
import type { ColumnValue, Store } from '../store/store.js'
import { numOrNull } from '../store/schema.js'

/** A stored target. */
export interface TargetRecord {
  id: string
  definition: TargetDefinition
  createdBy: string
  createdAt: number
  updatedBy: string
  updatedAt: number
  archivedAt: number | null
}

export type TargetAction = 'created' | 'updated' | 'archived'

/** One version of a target. */
export interface TargetVersion {
  at: number
  actor: string
  action: TargetAction
  definition: TargetDefinition
}

/** A refusal of the targets store: 404 (no such target) or 409 (archived, or changed meanwhile). */
export class TargetStoreError extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string
  ) {
    super(message)
    this.name = 'TargetStoreError'
  }

  get statusCode(): number {
    return this.status
  }
}

const COLUMNS = ['id', 'definition', 'created_by', 'created_at', 'updated_by', 'updated_at', 'archived_at'] as const
const HISTORY_COLUMNS = ['at', 'actor', 'action', 'definition'] as const
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** `T-` and 8 random base32 characters (40 bits). */
export function newTargetId(): string {
  const b = randomBytes(8)
  let s = 'T-'
  for (let i = 0; i < 8; i++) s += BASE32[b[i] & 31]
  return s
}

const json = (v: ColumnValue): TargetDefinition => (typeof v === 'string' ? JSON.parse(v) : v) as TargetDefinition

function fromRow(r: readonly ColumnValue[]): TargetRecord {
  return {
    id: String(r[0]),
    definition: json(r[1]),
    createdBy: String(r[2]),
    createdAt: Number(r[3]),
    updatedBy: String(r[4]),
    updatedAt: Number(r[5]),
    archivedAt: numOrNull(r[6]),
  }
}

function toRow(t: TargetRecord) {
  return {
    id: t.id,
    definition: JSON.stringify(t.definition),
    created_by: t.createdBy,
    created_at: t.createdAt,
    updated_by: t.updatedBy,
    updated_at: t.updatedAt,
    archived_at: t.archivedAt,
  }
}

const notFound = (id: string) => new TargetStoreError(404, `Không có chỉ tiêu chỉ đạo mã ${id}`)

/** Create a target (version 1). */
export async function createTarget(store: Store, definition: TargetDefinition, actor: string, now: number): Promise<TargetRecord> {
  return store.transaction(async (tx) => {
    let id = newTargetId()
    while ((await tx.get('targets', [id], ['id'])).size > 0) id = newTargetId()
    const t: TargetRecord = { id, definition, createdBy: actor, createdAt: now, updatedBy: actor, updatedAt: now, archivedAt: null }
    await tx.upsert('targets', [toRow(t)])
    await tx.insert('target_history', [{ target_id: id, at: now, actor, action: 'created', definition: JSON.stringify(definition) }])
    await tx.audit('target.created', { id, definition }, null, actor)
    return t
  })
}

/**
 * Replace a target's definition (a new version). `expectedUpdatedAt`: the `updatedAt` the caller
 * read before deciding — refused with 409 when someone changed the target in between.
 */
export async function updateTarget(store: Store, id: string, definition: TargetDefinition, actor: string, now: number, expectedUpdatedAt?: number): Promise<TargetRecord> {
  return store.transaction(async (tx) => {
    const row = (await tx.get('targets', [id], COLUMNS)).get(id)
    if (!row) throw notFound(id)
    const old = fromRow(row)
    if (old.archivedAt !== null) throw new TargetStoreError(409, `Chỉ tiêu ${id} đã lưu trữ, không sửa được`)
    if (expectedUpdatedAt !== undefined && old.updatedAt !== expectedUpdatedAt) throw new TargetStoreError(409, `Chỉ tiêu ${id} vừa được ${old.updatedBy} sửa; hãy tải lại rồi thử lại`)
    const t: TargetRecord = { ...old, definition, updatedBy: actor, updatedAt: Math.max(now, old.updatedAt + 1) }
    await tx.upsert('targets', [toRow(t)])
    await tx.insert('target_history', [{ target_id: id, at: t.updatedAt, actor, action: 'updated', definition: JSON.stringify(definition) }])
    await tx.audit('target.updated', { id, definition }, null, actor)
    return t
  })
}

/** Archive a target (kept with its history, left out of lists and compliance). */
export async function archiveTarget(store: Store, id: string, actor: string, now: number, expectedUpdatedAt?: number): Promise<TargetRecord> {
  return store.transaction(async (tx) => {
    const row = (await tx.get('targets', [id], COLUMNS)).get(id)
    if (!row) throw notFound(id)
    const old = fromRow(row)
    if (old.archivedAt !== null) throw new TargetStoreError(409, `Chỉ tiêu ${id} đã được lưu trữ từ trước`)
    if (expectedUpdatedAt !== undefined && old.updatedAt !== expectedUpdatedAt) throw new TargetStoreError(409, `Chỉ tiêu ${id} vừa được ${old.updatedBy} sửa; hãy tải lại rồi thử lại`)
    const at = Math.max(now, old.updatedAt + 1)
    const t: TargetRecord = { ...old, updatedBy: actor, updatedAt: at, archivedAt: at }
    await tx.upsert('targets', [toRow(t)])
    await tx.insert('target_history', [{ target_id: id, at, actor, action: 'archived', definition: JSON.stringify(old.definition) }])
    await tx.audit('target.archived', { id, definition: old.definition }, null, actor)
    return t
  })
}

/** Every target, oldest first (archived ones only when asked). */
export async function listTargets(store: Store, options: { includeArchived?: boolean } = {}): Promise<TargetRecord[]> {
  const rows = (await store.readTable('targets', COLUMNS)).map(fromRow)
  return options.includeArchived ? rows : rows.filter((t) => t.archivedAt === null)
}

/** One target, or null. */
export async function getTarget(store: Store, id: string): Promise<TargetRecord | null> {
  const row = (await store.lookup('targets', [id], COLUMNS)).get(id)
  return row ? fromRow(row) : null
}

/** Every version of a target, oldest first. @throws {TargetStoreError} 404 */
export async function targetHistory(store: Store, id: string): Promise<TargetVersion[]> {
  return store.transaction(async (tx) => {
    if ((await tx.get('targets', [id], ['id'])).size === 0) throw notFound(id)
    const rows = (await tx.getMany('target_history', 'target_id', [id], HISTORY_COLUMNS)).get(id) ?? []
    return rows.map((r) => ({ at: Number(r[0]), actor: String(r[1]), action: String(r[2]) as TargetAction, definition: json(r[3]) }))
  })
}
