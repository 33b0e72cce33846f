/**
 * The store suite on PostgreSQL (`DATABASE_URL`, default `postgres://postgres@127.0.0.1:5432/test`):
 * each store is a new schema, all dropped at the end. An unreachable server fails the suite with
 * a clear message; it is never skipped.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runStoreSuite } from './store.case.test.js'
import { openStore, StoreError } from './store.js'

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const prefix = `chiso_test_${process.pid}_${Date.now().toString(36)}`
const schemas: string[] = []

beforeAll(async () => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 })
  try {
    await client.connect()
  } catch (e) {
    throw new Error(
      `Không kết nối được PostgreSQL tại ${url} (${(e as Error).message}): các kiểm thử kho PostgreSQL không chạy được. Đặt DATABASE_URL hoặc khởi động máy chủ: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`
    )
  } finally {
    await client.end().catch(() => undefined)
  }
})

afterAll(async () => {
  if (schemas.length === 0) return
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`)
  } finally {
    await client.end()
  }
})

runStoreSuite('PostgreSQL', () => {
  const schema = `${prefix}_${schemas.length + 1}`
  schemas.push(schema)
  return openStore(url, { schema })
})

describe('PostgreSQL store', () => {
  it('keeps its tables in the schema it was given and hides the password in its description', async () => {
    const schema = `${prefix}_own`
    schemas.push(schema)
    const store = await openStore(url, { schema })
    try {
      expect(store.location).toEqual({ target: url, schema })
      expect(store.description).toContain(`schema ${schema}`)
      const client = new pg.Client({ connectionString: url })
      await client.connect()
      const r = await client.query("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'dossiers'", [schema])
      await client.end()
      expect(r.rows[0].n).toBe(1)
    } finally {
      await store.close()
    }
  })

  it('reports an unreachable server in Vietnamese', async () => {
    const err = await openStore('postgres://chiso:secret@127.0.0.1:1/none').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StoreError)
    expect((err as Error).message).toMatch(/^Không kết nối được PostgreSQL tại postgres:\/\/chiso:\*\*\*@127\.0\.0\.1:1\/none/)
  })

  it('refuses a schema name that is not a plain identifier', async () => {
    await expect(openStore(url, { schema: 'Bad-Name' })).rejects.toThrow('Tên schema PostgreSQL "Bad-Name" không hợp lệ')
  })
})
