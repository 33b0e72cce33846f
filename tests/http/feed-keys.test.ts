/**
 * The feed's API keys in their own table (`feed_keys`, migration 003), on both real databases:
 * SQLite (a temporary file) and PostgreSQL (`DATABASE_URL`, default
 * postgres://postgres@127.0.0.1:5432/test, schemas of their own dropped at the end).
 * Concurrent creations all survive; keys of the former `feedApiKeys` setting still authenticate
 * after the upgrade; `chiso feed-key add|list|revoke` works over the table.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { runFeedKey } from '../../src/adapters/cli/commands/serve.js'
import { createFeedKey, listFeedKeys, revokeFeedKey, senderOfKey } from '../../src/adapters/http/feed-keys.js'
import { loadMigrations } from '../../src/adapters/store/migrations.js'
import { openStore, type Store } from '../../src/adapters/store/store.js'

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const prefix = `chiso_feedkeys_${process.pid}_${Date.now().toString(36)}`
const schemas: string[] = []
const opened: Store[] = []

afterAll(async () => {
  for (const s of opened) await s.close()
  if (schemas.length === 0) return
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`)
  } finally {
    await client.end()
  }
})

const sha256 = (k: string) => createHash('sha256').update(k, 'utf8').digest('hex')

/** Keys as the former code kept them, in the `feedApiKeys` setting. */
const OLD_KEYS = [
  { id: 1, name: 'Một cửa tỉnh', unitCode: null, hash: sha256('chiso_cu_1'), createdAt: '2026-10-01T02:03:04.567Z', revokedAt: null },
  { id: 2, name: 'Một cửa huyện', unitCode: '000.00.07.H99', hash: sha256('chiso_cu_2'), createdAt: '2026-10-02T00:00:00.000Z', revokedAt: '2026-10-05T08:00:00.000Z' },
  { id: 5, name: 'Một cửa xã', unitCode: null, hash: sha256('chiso_cu_5'), createdAt: '2026-10-03T00:00:00.000Z', revokedAt: null },
]
/** Audit entries the former code wrote for them. */
const OLD_AUDIT = [
  { actor: 'quantri', action: 'feed-key.created', details: { id: 1, name: 'Một cửa tỉnh', unitCode: null } },
  { actor: 'canbo.tinh', action: 'feed-key.created', details: { id: 2, name: 'Một cửa huyện', unitCode: '000.00.07.H99' } },
  { actor: 'quantri2', action: 'feed-key.revoked', details: { id: 2, name: 'Một cửa huyện' } },
]

/** A SQLite file with migrations 001 and 002 only (the release before 003) and the old setting. */
function oldSqliteStore(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'chiso-feedkeys-old-')), 'chiso.db')
  const db = new Database(path)
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT')
  for (const m of loadMigrations('sqlite').filter((x) => x.version <= 2)) {
    db.exec(m.sql)
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?, ?)').run(m.version, m.name, m.checksum, 1)
  }
  db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('feedApiKeys', JSON.stringify(OLD_KEYS), 2)
  for (const a of OLD_AUDIT) db.prepare('INSERT INTO audit_log (at, actor, action, run_id, details) VALUES (?, ?, ?, NULL, ?)').run(3, a.actor, a.action, JSON.stringify(a.details))
  db.close()
  return path
}

/** The same in a PostgreSQL schema of its own. */
async function oldPostgresStore(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`CREATE SCHEMA "${schema}"`)
    await client.query(`SET search_path = "${schema}"`)
    await client.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, checksum TEXT NOT NULL, applied_at BIGINT NOT NULL)')
    for (const m of loadMigrations('postgres').filter((x) => x.version <= 2)) {
      await client.query(m.sql)
      await client.query('INSERT INTO schema_migrations VALUES ($1, $2, $3, $4)', [m.version, m.name, m.checksum, 1])
    }
    await client.query('INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, $3)', ['feedApiKeys', JSON.stringify(OLD_KEYS), 2])
    for (const a of OLD_AUDIT) await client.query('INSERT INTO audit_log (at, actor, action, run_id, details) VALUES ($1, $2, $3, NULL, $4)', [3, a.actor, a.action, JSON.stringify(a.details)])
  } finally {
    await client.end()
  }
}

function newSchema(tag: string): string {
  const s = `${prefix}_${tag}`
  schemas.push(s)
  return s
}

const dialects: [string, () => Promise<Store>, () => Promise<Store>][] = [
  [
    'SQLite',
    () => openStore(join(mkdtempSync(join(tmpdir(), 'chiso-feedkeys-')), 'chiso.db')),
    async () => openStore(oldSqliteStore()),
  ],
  [
    'PostgreSQL',
    () => openStore(url, { schema: newSchema(`n${schemas.length}`) }),
    async () => {
      const schema = newSchema(`old${schemas.length}`)
      await oldPostgresStore(schema)
      return openStore(url, { schema })
    },
  ],
]

for (const [name, open, openOld] of dialects) {
  describe(`feed keys on ${name}`, () => {
    it('keeps all of 20 keys created at the same time, each valid, each audited', async () => {
      const store = await open()
      opened.push(store)
      const made = await Promise.all(Array.from({ length: 20 }, (_, i) => createFeedKey(store, `Hệ thống ${i + 1}`, i % 2 ? '000.00.07.H99' : null, `admin${i}`)))
      expect(new Set(made.map((m) => m.id)).size).toBe(20)
      expect(new Set(made.map((m) => m.key)).size).toBe(20)
      for (const [i, m] of made.entries()) {
        expect(await senderOfKey(store, m.key)).toEqual({ id: m.id, name: `Hệ thống ${i + 1}`, unitCode: i % 2 ? '000.00.07.H99' : null })
      }
      const listed = await listFeedKeys(store)
      expect(listed).toHaveLength(20)
      expect(listed.map((k) => k.id)).toEqual([...made.map((m) => m.id)].sort((a, b) => a - b))
      for (const k of listed) {
        const i = made.findIndex((m) => m.id === k.id)
        expect(k).toMatchObject({ name: `Hệ thống ${i + 1}`, createdBy: `admin${i}`, revokedAt: null, revokedBy: null })
        expect(Date.parse(k.createdAt)).toBeGreaterThan(Date.parse('2024-01-01'))
        expect(k).not.toHaveProperty('hash')
      }
      const audit = (await store.auditLog()).filter((e) => e.action === 'feed-key.created')
      expect(audit.map((e) => e.details.id).sort((a, b) => Number(a) - Number(b))).toEqual(listed.map((k) => k.id))
      expect(audit.every((e) => e.actor === `admin${made.findIndex((m) => m.id === e.details.id)}`)).toBe(true)

      // Two revocations of one key at once: exactly one succeeds; the key stops authenticating.
      const target = made[3]
      const both = await Promise.all([revokeFeedKey(store, target.id, 'a'), revokeFeedKey(store, target.id, 'b')])
      expect(both.filter(Boolean)).toHaveLength(1)
      expect(await senderOfKey(store, target.key)).toBeNull()
      expect(await senderOfKey(store, made[4].key)).not.toBeNull()
      const revoked = (await listFeedKeys(store)).find((k) => k.id === target.id)!
      expect(revoked.revokedAt).not.toBeNull()
      expect(['a', 'b']).toContain(revoked.revokedBy)
      expect((await store.auditLog()).filter((e) => e.action === 'feed-key.revoked').map((e) => e.details)).toEqual([{ id: target.id, name: 'Hệ thống 4' }])
      expect(await revokeFeedKey(store, 9999)).toBe(false)
      expect(await senderOfKey(store, 'chiso_khong_co')).toBeNull()
    })

    it('moves the keys of the former feedApiKeys setting into the table on upgrade', async () => {
      const store = await openOld()
      opened.push(store)
      expect((await store.appliedMigrations()).map((m) => m.name)).toContain('003-feed-keys')
      expect(await store.getSetting('feedApiKeys')).toBeUndefined()
      // The old keys still authenticate (the revoked one does not), with their ids.
      expect(await senderOfKey(store, 'chiso_cu_1')).toEqual({ id: 1, name: 'Một cửa tỉnh', unitCode: null })
      expect(await senderOfKey(store, 'chiso_cu_5')).toEqual({ id: 5, name: 'Một cửa xã', unitCode: null })
      expect(await senderOfKey(store, 'chiso_cu_2')).toBeNull()
      expect(await listFeedKeys(store)).toEqual([
        { id: 1, name: 'Một cửa tỉnh', unitCode: null, createdAt: '2026-10-01T02:03:04.567Z', createdBy: 'quantri', revokedAt: null, revokedBy: null },
        { id: 2, name: 'Một cửa huyện', unitCode: '000.00.07.H99', createdAt: '2026-10-02T00:00:00.000Z', createdBy: 'canbo.tinh', revokedAt: '2026-10-05T08:00:00.000Z', revokedBy: 'quantri2' },
        // No audit entry for it: the creator is unknown.
        { id: 5, name: 'Một cửa xã', unitCode: null, createdAt: '2026-10-03T00:00:00.000Z', createdBy: 'chiso', revokedAt: null, revokedBy: null },
      ])
      // New keys continue after the migrated ids; old ones can be revoked.
      const fresh = await createFeedKey(store, 'Mới', null, 'quantri')
      expect(fresh.id).toBeGreaterThan(5)
      expect(await revokeFeedKey(store, 1, 'quantri')).toBe(true)
      expect(await senderOfKey(store, 'chiso_cu_1')).toBeNull()
      expect((await senderOfKey(store, fresh.key))?.id).toBe(fresh.id)
    })
  })
}

describe('chiso feed-key', () => {
  it('adds, lists and revokes keys in the table', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'chiso-feedkeys-cli-')), 'chiso.db')
    const out: string[] = []
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
      out.push(String(s))
      return true
    })
    try {
      expect(await runFeedKey(['add', '--db', db, '--name', 'Một cửa tỉnh'])).toBe(0)
      const key = /\n(chiso_\S+)\n/.exec(out.join(''))![1]
      expect(await runFeedKey(['add', '--db', db, '--name', 'Một cửa khác'])).toBe(0)
      expect(await runFeedKey(['revoke', '2', '--db', db])).toBe(0)
      out.length = 0
      expect(await runFeedKey(['list', '--db', db])).toBe(0)
      const listed = out.join('')
      expect(listed).toMatch(/^#1 {2}Một cửa tỉnh {2}— {2}tạo \S+ bởi \S+\n#2 {2}Một cửa khác .* ĐÃ THU HỒI /)
      await expect(runFeedKey(['revoke', '2', '--db', db])).rejects.toThrow('Không có khóa đang hoạt động #2')
      const store = await openStore(db)
      try {
        expect(await senderOfKey(store, key)).toEqual({ id: 1, name: 'Một cửa tỉnh', unitCode: null })
      } finally {
        await store.close()
      }
    } finally {
      spy.mockRestore()
    }
  })
})
