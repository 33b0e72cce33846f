/**
 * @module adapters/http/feed-keys
 * API keys of the real-time feed, one per sender (a one-stop system), kept in the store's settings
 * as SHA-256 hashes: the key itself is shown once, when it is created.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Store } from '../store/store.js'
import type { Sender } from './feed.js'

const SETTING = 'feedApiKeys'

interface StoredKey {
  id: number
  name: string
  unitCode: string | null
  hash: string
  createdAt: string
  revokedAt: string | null
}

function hash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

async function readKeys(store: Store): Promise<StoredKey[]> {
  const v = await store.getSetting(SETTING)
  return Array.isArray(v) ? (v as StoredKey[]) : []
}

/** Create a key for a sender; returns the key (shown once) and its id. `actor`: for the audit log (default: the store's). */
export async function createFeedKey(store: Store, name: string, unitCode: string | null, actor?: string): Promise<{ id: number; key: string }> {
  const key = `chiso_${randomBytes(24).toString('base64url')}`
  // Read before the transaction: the store serializes access, a read inside would wait on it.
  const keys = await readKeys(store)
  const id = keys.reduce((m, k) => Math.max(m, k.id), 0) + 1
  keys.push({ id, name, unitCode, hash: hash(key), createdAt: new Date().toISOString(), revokedAt: null })
  await store.transaction(async (tx) => {
    await tx.setSetting(SETTING, keys)
    await tx.audit('feed-key.created', { id, name, unitCode }, null, actor)
  })
  return { id, key }
}

/** Revoke a key by id; false if there is no such active key. */
export async function revokeFeedKey(store: Store, id: number, actor?: string): Promise<boolean> {
  const keys = await readKeys(store)
  const k = keys.find((x) => x.id === id && x.revokedAt === null)
  if (!k) return false
  k.revokedAt = new Date().toISOString()
  await store.transaction(async (tx) => {
    await tx.setSetting(SETTING, keys)
    await tx.audit('feed-key.revoked', { id, name: k.name }, null, actor)
  })
  return true
}

/** Active and revoked keys, without their hashes. */
export async function listFeedKeys(store: Store): Promise<Omit<StoredKey, 'hash'>[]> {
  return (await readKeys(store)).map(({ hash: _h, ...rest }) => rest)
}

/** The sender of an API key, or null (unknown or revoked). Constant-time comparison. */
export async function senderOfKey(store: Store, key: string): Promise<Sender | null> {
  const h = Buffer.from(hash(key), 'hex')
  for (const k of await readKeys(store)) {
    if (k.revokedAt !== null) continue
    const other = Buffer.from(k.hash, 'hex')
    if (other.length === h.length && timingSafeEqual(other, h)) return { id: k.id, name: k.name, unitCode: k.unitCode }
  }
  return null
}
