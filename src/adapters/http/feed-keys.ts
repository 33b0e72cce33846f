/**
 * @module adapters/http/feed-keys
 * API keys of the real-time feed, one per sender (a one-stop system), one row each in the store's
 * `feed_keys` table (migration 003) with the key's SHA-256: the key itself is shown once, when it
 * is created. Each creation is its own insert (the id comes from the database), so concurrent
 * creations never overwrite each other; a revocation updates its row only. Keys of the former
 * `feedApiKeys` setting are moved into the table by the migration, with their ids.
 */
import { createHash, randomBytes } from 'node:crypto'
import { textOrNull, type ColumnValue } from '../store/schema.js'
import type { Store } from '../store/store.js'
import type { Sender } from './feed.js'

/** A feed key as listed (never its hash). Times are ISO 8601 instants. */
export interface FeedKeyInfo {
  id: number
  name: string
  unitCode: string | null
  createdAt: string
  createdBy: string
  revokedAt: string | null
  revokedBy: string | null
}

const COLUMNS = ['id', 'name', 'unit_code', 'created_at', 'created_by', 'revoked_at', 'revoked_by', 'key_hash'] as const

/** SHA-256 (hex) of a key, as stored. */
export function feedKeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

const iso = (t: ColumnValue) => (t === null ? null : new Date(Number(t)).toISOString())

function info(r: readonly ColumnValue[]): FeedKeyInfo {
  return {
    id: Number(r[0]),
    name: String(r[1]),
    unitCode: textOrNull(r[2]),
    createdAt: iso(r[3])!,
    createdBy: String(r[4]),
    revokedAt: iso(r[5]),
    revokedBy: textOrNull(r[6]),
  }
}

/**
 * Create a key for a sender; returns the key (shown once) and its id. One insert and its
 * `feed-key.created` audit entry in one transaction. `actor`: for the audit log and `created_by`
 * (default: the store's).
 */
export async function createFeedKey(store: Store, name: string, unitCode: string | null, actor: string = store.actor): Promise<{ id: number; key: string }> {
  const key = `chiso_${randomBytes(24).toString('base64url')}`
  const hash = feedKeyHash(key)
  const id = await store.transaction(async (tx) => {
    await tx.insert('feed_keys', [{ name, unit_code: unitCode, key_hash: hash, created_at: Date.now(), created_by: actor, revoked_at: null, revoked_by: null }])
    const row = (await tx.get('feed_keys', [hash], ['id'])).get(hash)
    if (row === undefined) throw new Error('feed_keys: the inserted key cannot be read back')
    const newId = Number(row[0])
    await tx.audit('feed-key.created', { id: newId, name, unitCode }, null, actor)
    return newId
  })
  return { id, key }
}

/** Revoke a key by id; false if there is no such active key. */
export async function revokeFeedKey(store: Store, id: number, actor: string = store.actor): Promise<boolean> {
  const found = (await store.readTable('feed_keys', ['id', 'key_hash'])).find((r) => Number(r[0]) === id)
  if (found === undefined) return false
  const hash = String(found[1])
  return store.transaction(async (tx) => {
    // Read again inside the transaction: a concurrent revocation wins once.
    const row = (await tx.get('feed_keys', [hash], COLUMNS)).get(hash)
    if (row === undefined || row[5] !== null) return false
    const k = info(row)
    await tx.upsert('feed_keys', [
      { name: k.name, unit_code: k.unitCode, key_hash: hash, created_at: Number(row[3]), created_by: k.createdBy, revoked_at: Date.now(), revoked_by: actor },
    ])
    await tx.audit('feed-key.revoked', { id, name: k.name }, null, actor)
    return true
  })
}

/** Active and revoked keys, oldest first, without their hashes. */
export async function listFeedKeys(store: Store): Promise<FeedKeyInfo[]> {
  return (await store.readTable('feed_keys', COLUMNS)).map(info)
}

/**
 * The sender of an API key, or null (unknown or revoked): a plain read of the row by the key's
 * SHA-256 (an index lookup; the hash of a 192-bit random key reveals nothing to time).
 */
export async function senderOfKey(store: Store, key: string): Promise<Sender | null> {
  const hash = feedKeyHash(key)
  const row = (await store.lookup('feed_keys', [hash], ['id', 'name', 'unit_code', 'revoked_at'])).get(hash)
  if (row === undefined || row[3] !== null) return null
  return { id: Number(row[0]), name: String(row[1]), unitCode: textOrNull(row[2]) }
}
