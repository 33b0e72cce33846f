/**
 * Who sees and changes what, through the whole server over a real SQLite store with a three-level
 * demo province: a unit officer reads and writes only its unit and the units below it (a sibling
 * unit answers 403; lists contain only its subtree), a viewer never writes, a viewer restricted
 * to a unit reads only that subtree, an administrator sees everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Access, subtree } from '../../src/adapters/http/auth/access.js'
import { apiRoutes } from '../../src/adapters/http/auth/auth-routes.js'
import type { Unit } from '../../src/engine/model.js'
import { addUser, demoServer, login, type Client, type DemoServer } from './auth-helpers.js'

const asOf = Date.parse('2024-12-20T17:00:00+07:00')
const period = '2024-08'
let s: DemoServer
/** A district with communes, and another district beside it. */
let district: Unit
let commune: Unit
let sibling: Unit
let siblingCommune: Unit
let mine: Set<string>
let officer: Client
let unitViewer: Client
let viewer: Client
let admin: Client

const unitRoutes = (code: string) => [
  `/api/units/${code}/overview?period=${period}`,
  `/api/units/${code}/indicators?period=${period}`,
  `/api/units/${code}/trace?period=${period}&indicator=2.1`,
  `/api/units/${code}/trend?periods=3&until=${period}`,
]

/** A target on the ratio of indicator 3.2 for some units (docs/web-api.md). */
const target = (units: string[]) => ({
  name: 'Tỷ lệ hồ sơ trực tuyến',
  subject: { kind: 'indicator', code: '3.2' },
  threshold: 0.5,
  units,
  includeSubUnits: false,
  from: '2024-01',
  to: '2024-12',
  source: 'Công văn số 123/UBND-NC ngày 15/01/2024',
})

beforeAll(async () => {
  s = await demoServer({ levels: 3, dossiers: 2500, seed: 7, asOf })
  const units = s.live.current().units.units
  const withChildren = units.filter((u) => u.parent !== null && units.some((c) => c.parent === u.code))
  district = withChildren[0]
  sibling = withChildren.find((u) => u.parent === district.parent && u.level === district.level && u !== district)!
  commune = units.find((u) => u.parent === district.code)!
  siblingCommune = units.find((u) => u.parent === sibling.code)!
  expect(sibling, 'the demo has two districts with communes').toBeDefined()
  mine = subtree(s.live.current().units, district.code)
  const pw = {
    officer: await addUser(s.store, 'canbo', 'officer', district.code),
    unitViewer: await addUser(s.store, 'xemhuyen', 'viewer', sibling.code),
    viewer: await addUser(s.store, 'xemtinh', 'viewer', null),
    admin: await addUser(s.store, 'quantri', 'admin', null),
  }
  officer = await login(s.app, 'canbo', pw.officer)
  unitViewer = await login(s.app, 'xemhuyen', pw.unitViewer)
  viewer = await login(s.app, 'xemtinh', pw.viewer)
  admin = await login(s.app, 'quantri', pw.admin)
})
afterAll(async () => {
  await s?.app.close()
  await s?.store.close()
})

describe('the access rules', () => {
  it('scope a unit and everything below it; viewers never write', () => {
    const units = s.live.current().units
    const a = new Access({ username: 'a', displayName: 'A', role: 'officer', unitCode: district.code }, units)
    expect(a.canRead(district.code) && a.canRead(commune.code) && a.canWrite(commune.code)).toBe(true)
    expect(a.canRead(sibling.code) || a.canRead(district.parent!)).toBe(false)
    const v = new Access({ username: 'v', displayName: 'V', role: 'viewer', unitCode: null }, units)
    expect(v.canRead(sibling.code) && !v.canWrite(sibling.code)).toBe(true)
    expect(mine.size).toBe(1 + units.units.filter((u) => u.parent === district.code).length + units.units.filter((u) => u.parent !== null && mine.has(u.parent) && u.parent !== district.code).length)
  })
})

describe('a unit officer', () => {
  it("cannot read a sibling unit's overview, indicators, trace or trend (403)", async () => {
    for (const code of [sibling.code, siblingCommune.code, district.parent!]) {
      for (const url of unitRoutes(code)) {
        const r = await officer.get(url)
        expect(r.status, url).toBe(403)
        expect(r.body.error).toBe(`Tài khoản canbo không được xem số liệu của đơn vị ${code}`)
      }
    }
  })

  it('reads its own unit and the units below it', async () => {
    for (const code of [district.code, commune.code]) {
      for (const url of unitRoutes(code)) expect((await officer.get(url)).status, url).toBe(200)
    }
  })

  it('lists only its subtree in /api/units, /api/ranking and /api/scores', async () => {
    const units = await officer.get('/api/units')
    expect(units.status).toBe(200)
    expect(new Set(units.body.units.map((u: { code: string }) => u.code))).toEqual(mine)
    expect(units.body.total).toBe(mine.size)
    const ranking = await officer.get(`/api/ranking?period=${period}`)
    expect(ranking.status).toBe(200)
    const codes = ranking.body.rows.map((r: { code: string }) => r.code)
    expect(new Set(codes)).toEqual(mine)
    // Ranks stay those among all peers of the province.
    const full = await admin.get(`/api/ranking?period=${period}`)
    const rankOf = (rows: { code: string; rank: number }[], code: string) => rows.find((r) => r.code === code)!.rank
    expect(rankOf(ranking.body.rows, commune.code)).toBe(rankOf(full.body.rows, commune.code))
    const scores = await officer.get(`/api/scores?period=${period}`)
    expect(scores.status).toBe(200)
    expect(new Set(scores.body.units.map((u: { code: string }) => u.code))).toEqual(mine)
    expect((await officer.get(`/api/scores?period=${period}&unit=${sibling.code}`)).status).toBe(403)
    expect((await officer.get(`/api/scores?period=${period}&unit=${commune.code}`)).status).toBe(200)
  })

  it('cannot change another unit: POST /api/targets with a sibling unit is refused (403)', async () => {
    const r = await officer.req('POST', '/api/targets', target([sibling.code]))
    expect(r.status, JSON.stringify(r.body)).toBe(403)
    const mixed = await officer.req('POST', '/api/targets', target([district.code, sibling.code]))
    expect(mixed.status).toBe(403)
    // Its own unit is allowed (the targets routes, docs/web-api.md).
    const own = await officer.req('POST', '/api/targets', target([district.code]))
    expect(own.status, JSON.stringify(own.body)).toBe(201)
    const list = await admin.get('/api/targets')
    expect(JSON.stringify(list.body)).not.toContain(`"units":["${sibling.code}"]`)
  })

  it('cannot administer', async () => {
    expect((await officer.get('/api/users')).status).toBe(403)
    expect((await officer.get('/api/audit')).status).toBe(403)
  })
})

describe('a viewer', () => {
  it('restricted to a unit reads only that subtree', async () => {
    for (const url of unitRoutes(sibling.code)) expect((await unitViewer.get(url)).status, url).toBe(200)
    for (const url of unitRoutes(district.code)) expect((await unitViewer.get(url)).status, url).toBe(403)
    const units = await unitViewer.get('/api/units')
    expect(new Set(units.body.units.map((u: { code: string }) => u.code))).toEqual(subtree(s.live.current().units, sibling.code))
  })

  it('of the province reads every unit', async () => {
    expect((await viewer.get('/api/units')).body.total).toBe(s.live.current().units.units.length)
    for (const url of [...unitRoutes(district.code), ...unitRoutes(sibling.code)]) expect((await viewer.get(url)).status, url).toBe(200)
  })

  it('cannot POST, PATCH or DELETE anything (every such route, even its own unit)', async () => {
    const writes = apiRoutes(s.app).filter((r) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method) && !r.public && !r.url.startsWith('/api/session'))
    expect(writes.map((r) => `${r.method} ${r.url}`)).toEqual(expect.arrayContaining(['POST /api/users', 'PATCH /api/users/:username', 'POST /api/feed-keys']))
    for (const v of [viewer, unitViewer]) {
      for (const r of writes) {
        const url = r.url.replace(':code', sibling.code).replace(':username', v.user.username).replace(/:[a-zA-Z]+/g, '1')
        const body = r.url === '/api/targets' ? target([sibling.code]) : {}
        const res = await v.req(r.method as 'POST', url, body)
        expect(res.status, `${v.user.username} ${r.method} ${r.url}`).toBe(403)
        expect(res.body.error).toBe(`Tài khoản ${v.user.username} chỉ có quyền xem`)
      }
    }
    // Its own session stays its own to end.
    expect((await viewer.req('POST', '/api/session/password', { current: 'sai-mat-khau', next: 'mat-khau-moi-1' })).status).toBe(400)
  })
})

describe('an administrator', () => {
  it('sees every unit and every row', async () => {
    const units = s.live.current().units.units
    expect((await admin.get('/api/units')).body.total).toBe(units.length)
    const ranking = await admin.get(`/api/ranking?period=${period}`)
    expect(ranking.body.rows.length).toBe(units.length)
    for (const url of [...unitRoutes(district.code), ...unitRoutes(sibling.code)]) expect((await admin.get(url)).status, url).toBe(200)
    const scores = await admin.get(`/api/scores?period=${period}`)
    expect(scores.body.units.length).toBe(units.length)
  })
})
