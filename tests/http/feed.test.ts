/**
 * The real-time feed over a real SQLite store: pushes in the portal's formats, per-sender API
 * keys, portal-style replies, and scores that follow an accepted push.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { loadWorkingCalendar } from '../../src/adapters/calendar-file/load-calendar.js'
import { writeDemoData } from '../../src/adapters/demo/demo-data.js'
import { createFeedKey, revokeFeedKey } from '../../src/adapters/http/feed-keys.js'
import { buildServer } from '../../src/adapters/http/server.js'
import { ensureFirstAdmin } from '../../src/adapters/http/auth/users.js'
import { storeIngestor } from '../../src/adapters/http/store-ingestor.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { importDataDir } from '../../src/adapters/store/import-run.js'
import { loadPreparedFromStore } from '../../src/adapters/store/load-prepared.js'
import { readDossier } from '../../src/adapters/store/read-store.js'
import { openStore, type Store } from '../../src/adapters/store/store.js'
import { LiveData } from '../../src/engine/live/live-data.js'

const cal = loadWorkingCalendar()
let store: Store
let app: FastifyInstance
let key: string
let keyId: number
/** Session cookie of an administrator (the /api routes need one). */
let cookie: string
const unit = '000.00.07.H99'
const asOf = Date.parse('2026-11-27T17:00:00+07:00')

function dossier(id: string, extra: Record<string, string> = {}) {
  return { MaHoSo: id, MaTTHC: '1.008400', TenTTHC: 'Thủ tục thử', KenhThucHien: '2', NgayTiepNhan: '20261120090000', NgayHenTra: '20261125170000', TrangThaiHoSo: '4', MaDonVi: unit, DongBoDVCQG: '1', ...extra }
}

async function score(period = '2026-11') {
  const r = await app.inject({ method: 'GET', url: `/api/scores?period=${period}&unit=${unit}`, headers: { cookie } })
  expect(r.statusCode).toBe(200)
  return r.json().units[0] as { total: number; indicators: { id: string; numerator: number; denominator: number }[] }
}
const ind = (u: Awaited<ReturnType<typeof score>>, id: string) => u.indicators.find((i) => i.id === id)!

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-feed-'))
  await writeDemoData(join(dir, 'data'), { dossiers: 3000, seed: 5 })
  store = await openStore(join(dir, 'chiso.db'))
  await importDataDir(store, join(dir, 'data'))
  ;({ key, id: keyId } = await createFeedKey(store, 'Hệ thống một cửa thử nghiệm', null))
  const { prepared } = await loadPreparedFromStore(store, cal)
  const ruleSets = loadRuleSets()
  app = buildServer({ live: new LiveData(prepared, cal, ruleSets), ingest: storeIngestor(store), calendar: cal, ruleSets, store, now: () => asOf })
  await ensureFirstAdmin(store, { CHISO_ADMIN_USER: 'quantri', CHISO_ADMIN_PASSWORD: 'mat-khau-thu-nghiem' })
  const login = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'quantri', password: 'mat-khau-thu-nghiem' } })
  cookie = String(login.headers['set-cookie']).split(';')[0]
})
afterAll(async () => {
  await app?.close()
  await store?.close()
})

describe('the DongBoHoSoMC feed', () => {
  it('refuses a push without a key or with an unknown key, in the portal style', async () => {
    const none = await app.inject({ method: 'POST', url: '/dvcqg/DongBoHoSoMC', payload: [dossier('X-1')] })
    expect(none.statusCode).toBe(401)
    expect(none.json()).toEqual({ error_code: '401', message: 'Thiếu khóa API (tiêu đề X-API-Key)' })
    const wrong = await app.inject({ method: 'POST', url: '/dvcqg/DongBoHoSoMC', headers: { 'x-api-key': 'chiso_sai' }, payload: [dossier('X-1')] })
    expect(wrong.statusCode).toBe(401)
  })

  it('accepts a bare array, stores it, and the unit score follows at once', async () => {
    const before = await score()
    const r = await app.inject({ method: 'POST', url: '/dvcqg/DongBoHoSoMC', headers: { 'x-api-key': key }, payload: [dossier(`${unit}-261120-9001`), dossier(`${unit}-261120-9002`, { KenhThucHien: '1' })] })
    expect(r.statusCode).toBe(200)
    expect(r.json()).toMatchObject({ error_code: '0', message: 'Đồng bộ thành công 2 hồ sơ' })
    expect(await readDossier(store, `${unit}-261120-9001`)).not.toBeNull()
    const after = await score()
    expect(ind(after, '3.3').denominator).toBe(ind(before, '3.3').denominator + 2)
    expect(ind(after, '3.3').numerator).toBe(ind(before, '3.3').numerator + 1)
  })

  it('accepts the S1 envelope on the single endpoint, with the key as session', async () => {
    const r = await app.inject({ method: 'POST', url: '/dvcqg', payload: { service: 'DongBoHoSoMC', session: key, isUpdating: false, madonvi: unit, data: [dossier(`${unit}-261121-9003`)] } })
    expect(r.json()).toMatchObject({ error_code: '0' })
  })

  it('keeps the good records of a push and names the bad one with its position and field', async () => {
    const before = await score()
    const r = await app.inject({ method: 'POST', url: '/dvcqg/DongBoHoSoMC', headers: { 'x-api-key': key }, payload: [dossier(`${unit}-261122-9004`), dossier(`${unit}-261122-9005`, { NgayHenTra: '2026113' })] })
    const body = r.json()
    expect(body.error_code).toBe('1')
    expect(body.errors).toEqual([expect.objectContaining({ position: 2, key: `${unit}-261122-9005`, field: 'NgayHenTra' })])
    expect(body.errors[0].message).toContain('yyyyMMddHHmmss')
    expect(ind(await score(), '3.3').denominator).toBe(ind(before, '3.3').denominator + 1)
  })

  it('applies a newer version and ignores an older one arriving late', async () => {
    const id = `${unit}-261123-9006`
    await app.inject({ method: 'POST', url: '/dvcqg/DongBoHoSoMC', headers: { 'x-api-key': key }, payload: [dossier(id, { TrangThaiHoSo: '10', NgayKetThucXuLy: '20261127100000', NgayTra: '20261127110000' })] })
    const late = await app.inject({ method: 'POST', url: '/dvcqg/DongBoHoSoMC', headers: { 'x-api-key': key }, payload: [dossier(id)] })
    expect(late.json().error_code).toBe('0')
    expect((await readDossier(store, id))!.dossier.status).toBe('10')
  })

  it('merges CapNhatTienDoHoSoMC steps and re-scores the dossier they finish', async () => {
    const id = `${unit}-261124-9007`
    await app.inject({ method: 'POST', url: '/dvcqg/DongBoHoSoMC', headers: { 'x-api-key': key }, payload: [dossier(id, { TrangThaiHoSo: '4', NgayHenTra: '20261125170000' })] })
    const r = await app.inject({ method: 'POST', url: '/dvcqg/CapNhatTienDoHoSoMC', headers: { 'x-api-key': key }, payload: [{ MaHoSo: id, ThoiDiemXuLy: '20261126100000', TrangThai: '9', NoiDungXuLy: 'Xong' }] })
    expect(r.json()).toMatchObject({ error_code: '0' })
    expect((await readDossier(store, id))!.dossier.finishedAt).toBe(Date.parse('2026-11-26T10:00:00+07:00'))
  })

  it('answers malformed JSON and unknown services in Vietnamese', async () => {
    const bad = await app.inject({ method: 'POST', url: '/dvcqg/DongBoHoSoMC', headers: { 'x-api-key': key, 'content-type': 'application/json' }, payload: '{bad' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().message).toContain('không phải JSON hợp lệ')
    // Vietnamese only: the JSON parser's own (English) words are not passed on.
    expect(bad.json().message).toBe('Nội dung yêu cầu: nội dung không phải JSON hợp lệ')
    const cut = await app.inject({ method: 'POST', url: '/dvcqg/DongBoHoSoMC', headers: { 'x-api-key': key, 'content-type': 'application/json' }, payload: '[{"MaHoSo": "A",' })
    expect(cut.json().message).toBe('Nội dung yêu cầu: nội dung không phải JSON hợp lệ')
    const empty = await app.inject({ method: 'POST', url: '/dvcqg/DongBoHoSoMC', headers: { 'x-api-key': key, 'content-type': 'application/json' }, payload: '' })
    expect(empty.json().message).toBe('Nội dung yêu cầu trống (cần một JSON)')
    const svc = await app.inject({ method: 'POST', url: '/dvcqg', headers: { 'x-api-key': key }, payload: { service: 'LayThuTuc' } })
    expect(svc.json().message).toContain('không được hỗ trợ')
  })

  it('stops accepting a revoked key', async () => {
    await revokeFeedKey(store, keyId)
    const r = await app.inject({ method: 'POST', url: '/dvcqg/DongBoHoSoMC', headers: { 'x-api-key': key }, payload: [dossier('Y-1')] })
    expect(r.statusCode).toBe(401)
  })
})

describe('the score API', () => {
  it('serves the read API beside the feed on the same server', async () => {
    const r = await app.inject({ method: 'GET', url: `/api/units/${unit}/overview?period=2026-11`, headers: { cookie } })
    expect(r.statusCode).toBe(200)
    expect((await app.inject({ method: 'GET', url: '/api/openapi.json' })).json().openapi).toMatch(/^3\.1/)
  })
  it('validates the period and the unit with Vietnamese errors', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/scores?period=2026-13', headers: { cookie } })).json().error).toContain('không hợp lệ')
    expect((await app.inject({ method: 'GET', url: '/api/scores?period=2026-08&unit=nope', headers: { cookie } })).statusCode).toBe(404)
  })
})
