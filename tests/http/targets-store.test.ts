/**
 * The targets store on both real databases: SQLite (a temporary file) and PostgreSQL
 * (`DATABASE_URL`, default postgres://postgres@127.0.0.1:5432/test, a schema of its own dropped at
 * the end). Versions, archive, audit entries, refusals (404, 409).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { archiveTarget, createTarget, getTarget, listTargets, targetHistory, TargetStoreError, updateTarget } from '../../src/adapters/http/targets-store.js'
import { openStore, type Store } from '../../src/adapters/store/store.js'
import type { TargetDefinition } from '../../src/engine/targets/target.js'

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const schema = `chiso_targets_${process.pid}_${Date.now().toString(36)}`
const opened: Store[] = []

afterAll(async () => {
  for (const s of opened) await s.close()
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)
  } finally {
    await client.end()
  }
})

const def: TargetDefinition = {
  name: 'Tỷ lệ hồ sơ trực tuyến', subject: { kind: 'indicator', code: '3.3' }, threshold: 0.52, units: ['000.00.01.H99'],
  includeSubUnits: false, from: '2024-01', to: '2024-12', source: 'Công văn số 123/UBND-NC ngày 15/01/2024',
}

const stores: [string, () => Promise<Store>][] = [
  ['SQLite', () => openStore(join(mkdtempSync(join(tmpdir(), 'chiso-targets-')), 'chiso.db'))],
  ['PostgreSQL', () => openStore(url, { schema })],
]

for (const [name, open] of stores) {
  describe(`targets store on ${name}`, () => {
    it('keeps every version, audits every change, refuses what cannot be done', async () => {
      const store = await open()
      opened.push(store)
      const t = await createTarget(store, def, 'canbo', 1_000)
      expect(t).toEqual({ id: t.id, definition: def, createdBy: 'canbo', createdAt: 1_000, updatedBy: 'canbo', updatedAt: 1_000, archivedAt: null })
      expect(await getTarget(store, t.id)).toEqual(t)
      const other = await createTarget(store, { ...def, name: 'Khác' }, 'quantri', 1_500)
      expect(other.id).not.toBe(t.id)

      const changed = { ...def, threshold: 0.6 }
      const u = await updateTarget(store, t.id, changed, 'quantri', 2_000, 1_000)
      expect(u).toMatchObject({ createdBy: 'canbo', createdAt: 1_000, updatedBy: 'quantri', updatedAt: 2_000, definition: changed })
      // Someone changed it since it was read: 409.
      const stale = await updateTarget(store, t.id, def, 'canbo', 2_500, 1_000).catch((e: unknown) => e)
      expect(stale).toBeInstanceOf(TargetStoreError)
      expect((stale as TargetStoreError).status).toBe(409)

      const a = await archiveTarget(store, t.id, 'canbo', 3_000)
      expect(a.archivedAt).toBe(3_000)
      await expect(archiveTarget(store, t.id, 'canbo', 4_000)).rejects.toMatchObject({ status: 409 })
      await expect(updateTarget(store, t.id, def, 'canbo', 4_000)).rejects.toMatchObject({ status: 409, message: `Chỉ tiêu ${t.id} đã lưu trữ, không sửa được` })
      await expect(updateTarget(store, 'T-AAAAAAAA', def, 'canbo', 4_000)).rejects.toMatchObject({ status: 404, message: 'Không có chỉ tiêu chỉ đạo mã T-AAAAAAAA' })
      await expect(targetHistory(store, 'T-AAAAAAAA')).rejects.toMatchObject({ status: 404 })

      expect(await targetHistory(store, t.id)).toEqual([
        { at: 1_000, actor: 'canbo', action: 'created', definition: def },
        { at: 2_000, actor: 'quantri', action: 'updated', definition: changed },
        { at: 3_000, actor: 'canbo', action: 'archived', definition: changed },
      ])
      expect((await listTargets(store)).map((x) => x.id)).toEqual([other.id])
      expect((await listTargets(store, { includeArchived: true })).map((x) => x.id)).toEqual([t.id, other.id])
      const audit = (await store.auditLog()).filter((e) => e.action.startsWith('target.'))
      expect(audit.map((e) => [e.action, e.actor, e.details.id])).toEqual([
        ['target.created', 'canbo', t.id],
        ['target.created', 'quantri', other.id],
        ['target.updated', 'quantri', t.id],
        ['target.archived', 'canbo', t.id],
      ])
      expect(audit[2].details.definition).toEqual(changed)
    })
  })
}
