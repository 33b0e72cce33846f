/**
 * `POST /api/imports` through the whole server (`buildServer`) over a real SQLite store with demo
 * data: an administrator uploads files (DongBoHoSoMC JSON, CSV, units) which are imported as runs
 * with their counts and errors, and the live scores follow; everyone else is refused.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addUser, demoServer, login, type Client, type DemoServer } from './auth-helpers.js'

const asOf = Date.parse('2026-11-27T17:00:00+07:00')
let s: DemoServer
let admin: Client
let officer: Client
let viewer: Client
let unit: string
let procedure: string

beforeAll(async () => {
  s = await demoServer({ levels: 2, dossiers: 2000, seed: 11, asOf })
  await addUser(s.store, 'quantri', 'admin', null)
  const [first] = await s.store.readTable('dossiers', ['unit_code', 'procedure_code'])
  unit = String(first[0])
  procedure = String(first[1])
  await addUser(s.store, 'canbo', 'officer', unit)
  await addUser(s.store, 'xem', 'viewer', null)
  admin = await login(s.app, 'quantri', 'mat-khau-quantri')
  officer = await login(s.app, 'canbo', 'mat-khau-canbo')
  viewer = await login(s.app, 'xem', 'mat-khau-xem')
})
afterAll(async () => {
  await s?.app.close()
  await s?.store.close()
})

function dossier(id: string, extra: Record<string, string> = {}) {
  return { MaHoSo: id, MaTTHC: procedure, KenhThucHien: '2', NgayTiepNhan: '20261120090000', NgayHenTra: '20261125170000', TrangThaiHoSo: '4', MaDonVi: unit, DongBoDVCQG: '1', ...extra }
}

async function indicator(id: string) {
  const r = await admin.get(`/api/units/${unit}/indicators?period=2026-11`)
  expect(r.status).toBe(200)
  return r.body.indicators.find((i: { id: string }) => i.id === id) as { numerator: number; denominator: number }
}

function upload(c: Client, query: string, body: string | Buffer, type = 'application/json', headers: Record<string, string> = {}) {
  return c.req('POST', `/api/imports?${query}`, body, { 'content-type': type, ...headers })
}

describe('importing a file from the web application', () => {
  it('imports a DongBoHoSoMC file: run counts, the bad record named with its field, the good ones scored', async () => {
    const before = await indicator('3.3')
    const body = JSON.stringify([
      dossier(`${unit}-261120-8001`),
      dossier(`${unit}-261120-8002`, { NgayHenTra: '2026113' }),
      dossier(`${unit}-261120-8003`, { KenhThucHien: '1' }),
    ])
    const r = await upload(admin, 'kind=dossiers&fileName=hoso-thang-11.json', body)
    expect(r.status).toBe(200)
    expect(r.body.run).toMatchObject({ kind: 'dossiers', actor: 'quantri', status: 'completed', inserted: 2, rejected: 1, updated: 0, unchanged: 0, stale: 0 })
    const errors = r.body.errors.filter((e: { severity: string }) => e.severity === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ file: 'hoso-thang-11.json', position: 2, key: `${unit}-261120-8002`, field: 'NgayHenTra' })
    expect(errors[0].message).toContain('yyyyMMddHHmmss')
    expect(r.body.totalErrors).toBe(r.body.errors.length)

    // The same as GET /api/imports/:id, and audited under the signed-in user.
    const again = await admin.get(`/api/imports/${r.body.run.id}`)
    expect(again.body).toEqual(r.body)
    const audit = (await s.store.auditLog({ runId: r.body.run.id })).map((e) => [e.action, e.actor])
    expect(audit).toEqual([['import.started', 'quantri'], ['import.completed', 'quantri']])

    // The live scores include the two accepted dossiers (one online), not the rejected one.
    const after = await indicator('3.3')
    expect(after.denominator).toBe(before.denominator + 2)
    expect(after.numerator).toBe(before.numerator + 1)

    // The same file again: nothing changes.
    const replay = await upload(admin, 'kind=dossiers&fileName=hoso-thang-11.json', body)
    expect(replay.body.run).toMatchObject({ inserted: 0, unchanged: 2, rejected: 1 })
    expect(await indicator('3.3')).toEqual(after)
  })

  it('imports a CSV export with the default Vietnamese columns', async () => {
    const before = await indicator('3.3')
    const csv = [
      'Mã hồ sơ;Mã TTHC;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái;Mã đơn vị;Đã đồng bộ DVCQG',
      `${unit}-261121-8101;${procedure};Trực tuyến;21/11/2026 08:00;26/11/2026 17:00;4;${unit};Đã đồng bộ`,
      `${unit}-261121-8102;${procedure};Trực tuyến;21/11/2026 09:00;26/11/2026 17:00;4;${unit};Đã đồng bộ`,
      `${unit}-261121-8103;${procedure};Trực tiếp;21/11/2026 10:00;26/11/2026 17:00;4;${unit};Đã đồng bộ`,
    ].join('\r\n')
    const r = await upload(admin, 'kind=dossiers&fileName=' + encodeURIComponent('hồ sơ tháng 11.csv'), csv, 'text/csv; charset=utf-8')
    expect(r.status).toBe(200)
    expect(r.body.run).toMatchObject({ kind: 'dossiers', status: 'completed', inserted: 3, rejected: 0 })
    expect(r.body.errors.filter((e: { severity: string }) => e.severity === 'error')).toEqual([])
    const after = await indicator('3.3')
    expect(after.denominator).toBe(before.denominator + 3)
    expect(after.numerator).toBe(before.numerator + 2)
  })

  it('reloads the live data after another kind (units): names change, the dossiers stay', async () => {
    const before = await admin.get(`/api/units/${unit}/indicators?period=2026-11`)
    const units = JSON.parse(readFileSync(join(s.dir, 'data', 'units.json'), 'utf8')) as { code: string; name: string }[]
    const renamed = units.map((u) => (u.code === unit ? { ...u, name: `${u.name} (đổi tên)` } : u))
    const r = await upload(admin, 'kind=units&fileName=units.json', JSON.stringify(renamed))
    expect(r.status).toBe(200)
    expect(r.body.run).toMatchObject({ kind: 'units', status: 'completed', updated: 1, inserted: 0, rejected: 0 })
    const after = await admin.get(`/api/units/${unit}/indicators?period=2026-11`)
    expect(after.body.unit.name).toBe(`${before.body.unit.name} (đổi tên)`)
    expect(after.body.indicators).toEqual(before.body.indicators)
    // A push after the reload still reaches the scores.
    const pushed = await upload(admin, 'kind=dossiers&fileName=them.json', JSON.stringify([dossier(`${unit}-261122-8201`)]))
    expect(pushed.body.run.inserted).toBe(1)
    expect((await indicator('3.3')).denominator).toBe(before.body.indicators.find((i: { id: string }) => i.id === '3.3').denominator + 1)
  })

  it('keeps the run of an unreadable file, with its error', async () => {
    const r = await upload(admin, 'kind=units&fileName=hong.json', '{ "không phải": JSON')
    // The request was right, the file was not: the run holds the file-level error.
    expect(r.status).toBe(200)
    expect(r.body.run).toMatchObject({ kind: 'units', actor: 'quantri', status: 'completed', inserted: 0, updated: 0 })
    expect(r.body.errors.length).toBeGreaterThan(0)
    expect(r.body.errors[0].file).toBe('hong.json')
  })

  it('is refused to officers and viewers, without CSRF, and with bad parameters — no run started', async () => {
    const runs = (await s.store.listRuns()).length
    const body = JSON.stringify([dossier(`${unit}-261120-8999`)])
    expect((await upload(officer, 'kind=dossiers&fileName=a.json', body)).status).toBe(403)
    expect((await upload(viewer, 'kind=dossiers&fileName=a.json', body)).status).toBe(403)
    const noCsrf = await s.app.inject({ method: 'POST', url: '/api/imports?kind=dossiers', payload: body, headers: { cookie: admin.cookie, 'content-type': 'application/json' } })
    expect(noCsrf.statusCode).toBe(403)
    expect(noCsrf.json().code).toBe('csrf')
    const anonymous = await s.app.inject({ method: 'POST', url: '/api/imports?kind=dossiers', payload: body, headers: { 'content-type': 'application/json' } })
    expect(anonymous.statusCode).toBe(401)

    const unknown = await upload(admin, 'kind=hoso&fileName=a.json', body)
    expect(unknown.status).toBe(400)
    expect(unknown.body.error).toContain('Tham số kind "hoso"')
    const missing = await upload(admin, 'fileName=a.json', body)
    expect(missing.status).toBe(400)
    expect(missing.body.error).toContain('Thiếu tham số kind')
    const badExt = await upload(admin, 'kind=units&fileName=donvi.csv', 'a;b', 'text/csv')
    expect(badExt.status).toBe(400)
    expect(badExt.body.error).toContain('fileName')
    const path = await upload(admin, 'kind=dossiers&fileName=' + encodeURIComponent('../x.json'), body)
    expect(path.status).toBe(400)
    expect(path.body.error).toContain('fileName')
    const extra = await upload(admin, 'kind=dossiers&fileName=a.json&unit=1', body)
    expect(extra.status).toBe(400)
    expect(extra.body.error).toContain('unit')
    const type = await upload(admin, 'kind=dossiers&fileName=a.json', body, 'text/html')
    expect(type.status).toBe(415)
    expect(type.body.error).toContain('text/html')
    const empty = await upload(admin, 'kind=dossiers&fileName=a.json', '')
    expect(empty.status).toBe(400)
    expect(empty.body.error).toContain('Thiếu nội dung tệp')
    expect((await s.store.listRuns()).length).toBe(runs)
  })
})
