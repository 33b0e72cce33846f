/**
 * The store suite on SQLite: each store is a new file in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runStoreSuite } from './store.case.test.js'
import { openStore } from './store.js'

const dir = mkdtempSync(join(tmpdir(), 'chiso-sqlite-'))
let n = 0
afterAll(() => rmSync(dir, { recursive: true, force: true }))

runStoreSuite('SQLite', () => openStore(join(dir, `store-${++n}.db`)))

describe('SQLite store', () => {
  it('creates the file in WAL mode with synchronous FULL', async () => {
    const path = join(dir, 'nested', 'folder', 'wal.db')
    const store = await openStore(path)
    try {
      expect(store.dialect).toBe('sqlite')
      expect(store.location).toEqual({ target: path })
      const Database = (await import('better-sqlite3')).default
      const db = new Database(path, { readonly: true })
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
      db.close()
    } finally {
      await store.close()
    }
  })

  it('refuses a URL it does not know, in Vietnamese', async () => {
    await expect(openStore('mysql://localhost/chiso')).rejects.toThrow('Không nhận ra kho dữ liệu "mysql://localhost/chiso"')
  })
})
