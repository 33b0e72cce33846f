/**
 * The read-only JSON API over a real SQLite store filled with demo data: the shape of each route,
 * numbers equal to the engine's (`live.score`, `explain`), pagination, ranking order and ties,
 * Vietnamese validation errors, and an OpenAPI document listing every route.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import { loadWorkingCalendar } from '../../src/adapters/calendar-file/load-calendar.js'
import { writeDemoData } from '../../src/adapters/demo/demo-data.js'
import { registerReadApi } from '../../src/adapters/http/api/read-api.js'
import { Access, setAccess } from '../../src/adapters/http/auth/access.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { importDataDir } from '../../src/adapters/store/import-run.js'
import { loadPreparedFromStore } from '../../src/adapters/store/load-prepared.js'
import { openStore, type Store } from '../../src/adapters/store/store.js'
import { LiveData } from '../../src/engine/live/live-data.js'
import { parsePeriod } from '../../src/engine/periods/period.js'
import { ruleSetOn } from '../../src/engine/rules/build.js'
import type { RuleSet } from '../../src/engine/rules/types.js'
import type { ScoreReport, UnitResult } from '../../src/engine/score.js'
import { round2 } from '../../src/engine/scoring/points.js'
import { explain } from '../../src/engine/trace.js'

const cal = loadWorkingCalendar()
const asOf = Date.parse('2026-11-27T17:00:00+07:00')
let store: Store
let app: FastifyInstance
let live: LiveData
let ruleSets: RuleSet[]
const routes: string[] = []

const get = async (url: string) => {
  const r = await app.inject({ method: 'GET', url })
  return { status: r.statusCode, body: r.json() }
}
const report = (label: string): ScoreReport => {
  const rs = live.score(parsePeriod(label), { asOf })
  expect(rs).toHaveLength(1)
  return rs[0]
}
/** The province: the unit with the most 2.1 records in August. */
let unit: UnitResult
let province: string

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-api-'))
  await writeDemoData(join(dir, 'data'), { dossiers: 3000, seed: 5 })
  store = await openStore(join(dir, 'chiso.db'))
  await importDataDir(store, join(dir, 'data'))
  const { prepared } = await loadPreparedFromStore(store, cal)
  ruleSets = loadRuleSets()
  live = new LiveData(prepared, cal, ruleSets)
  // A bare app with only the read API, so the test does not depend on how server.ts registers it.
  app = Fastify({ logger: false })
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method]
    if (methods.includes('GET')) routes.push(r.url)
  })
  // Signed in as an administrator (the session hook's part; access rules are tested in access.test.ts).
  const admin = { username: 'quantri', displayName: 'Quản trị', role: 'admin' as const, unitCode: null }
  app.addHook('onRequest', async (req) => setAccess(req, new Access(admin, live.current().units)))
  registerReadApi(app, { live, calendar: cal, ruleSets, now: () => asOf })
  await app.ready()
  unit = report('2026-08').units.find((u) => u.unit.parent === null)!
  province = unit.unit.code
})
afterAll(async () => {
  await app?.close()
  await store?.close()
})

describe('GET /api/units', () => {
  it('lists every unit, filtered by level and parent', async () => {
    const all = await get('/api/units')
    expect(all.status).toBe(200)
    const units = live.current().units.units
    expect(all.body.total).toBe(units.length)
    expect(all.body.units[0]).toEqual({ code: units[0].code, name: units[0].name, level: units[0].level, parent: units[0].parent })
    const communes = await get('/api/units?level=commune')
    expect(communes.body.units.length).toBe(units.filter((u) => u.level === 'commune').length)
    expect(communes.body.units.every((u: { level: string }) => u.level === 'commune')).toBe(true)
    const children = await get(`/api/units?parent=${province}&level=department`)
    expect(children.body.units.length).toBe(units.filter((u) => u.parent === province && u.level === 'department').length)
    expect(children.body.units.length).toBeGreaterThan(0)
  })

  it('refuses a bad level, an unknown parent and an unknown parameter', async () => {
    expect(await get('/api/units?level=village')).toEqual({ status: 400, body: { error: expect.stringContaining('Tham số level "village" không hợp lệ') } })
    expect(await get('/api/units?parent=XYZ')).toEqual({ status: 404, body: { error: 'Không có đơn vị mã XYZ' } })
    expect(await get('/api/units?foo=1')).toEqual({ status: 400, body: { error: expect.stringContaining('Tham số foo không được hỗ trợ') } })
    expect(await get('/api/units?level=commune&level=province')).toEqual({ status: 400, body: { error: 'Tham số level chỉ được truyền một lần' } })
  })
})

describe('GET /api/ranking', () => {
  it('returns every unit with the scorer numbers, ranked within each peer group', async () => {
    const r = await get('/api/ranking?period=2026-08')
    expect(r.status).toBe(200)
    const rep = report('2026-08')
    expect(r.body.period).toMatchObject({ label: '2026-08', title: 'tháng 08/2026' })
    expect(r.body.ruleSet.id).toBe(rep.ruleSet.id)
    expect(r.body.provisional).toBe(false)
    expect(r.body.rows).toHaveLength(rep.units.length)
    const byCode = new Map(rep.units.map((u) => [u.unit.code, u]))
    for (const row of r.body.rows) {
      const u = byCode.get(row.code)!
      expect(row).toEqual({
        rank: u.rank, peers: u.peers, code: u.unit.code, name: u.unit.name, level: u.unit.level, parent: u.unit.parent, total: round2(u.total), max: u.max,
        groups: u.groups.map((g) => ({ id: g.id, name: g.name, points: round2(g.points), max: g.max })),
      })
    }
    // Peer groups are contiguous, ranks ascend inside, ties share a rank and keep code order.
    const seen = new Set<string>()
    let prevKey = ''
    for (let i = 0; i < r.body.rows.length; i++) {
      const row = r.body.rows[i]
      const key = `${row.parent}|${row.level}`
      if (key !== prevKey) {
        expect(seen.has(key)).toBe(false)
        seen.add(key)
        prevKey = key
        continue
      }
      const prev = r.body.rows[i - 1]
      expect(row.rank).toBeGreaterThanOrEqual(prev.rank)
      expect(row.total).toBeLessThanOrEqual(prev.total)
      if (row.total === prev.total) {
        expect(row.rank).toBe(prev.rank)
        expect(row.code > prev.code).toBe(true)
      } else expect(row.rank).toBe(i - r.body.rows.findIndex((x: { parent: string; level: string }) => `${x.parent}|${x.level}` === key) + 1)
    }
  })

  it('gives tied units the same rank, in code order', async () => {
    const rows = (await get(`/api/ranking?period=2026-08&parent=${province}&level=department`)).body.rows as { code: string; rank: number; total: number }[]
    const rep = report('2026-08').units.filter((u) => u.unit.parent === province && u.unit.level === 'department')
    const tied = rep.filter((u) => rep.some((v) => v !== u && round2(v.total) === round2(u.total)))
    expect(tied.length).toBeGreaterThan(1)
    const shared = tied[0].rank
    const group = rows.filter((r) => r.rank === shared)
    expect(group.length).toBe(tied.filter((u) => u.rank === shared).length)
    expect(group.map((r) => r.code)).toEqual([...group.map((r) => r.code)].sort())
    const after = rows[rows.findIndex((r) => r.rank === shared) + group.length]
    if (after) expect(after.rank).toBe(shared + group.length)
  })

  it('filters by level and parent and sorts by name, code or total in either order', async () => {
    const base = `/api/ranking?period=2026-08&parent=${province}&level=commune`
    const byRank = (await get(base)).body.rows as { code: string; name: string; rank: number; level: string; parent: string }[]
    expect(byRank.length).toBeGreaterThan(1)
    expect(byRank.every((x) => x.level === 'commune' && x.parent === province)).toBe(true)
    const asc = (await get(`${base}&order=asc`)).body.rows as typeof byRank
    expect(asc.map((x) => x.rank)).toEqual([...byRank.map((x) => x.rank)].reverse())
    const names = (await get(`${base}&sort=name`)).body.rows as typeof byRank
    expect(names.map((x) => x.name)).toEqual([...byRank.map((x) => x.name)].sort((a, b) => a.localeCompare(b, 'vi')))
    const codes = (await get(`${base}&sort=code&order=desc`)).body.rows as typeof byRank
    expect(codes.map((x) => x.code)).toEqual([...byRank.map((x) => x.code)].sort().reverse())
  })

  it('refuses missing or bad parameters, and a period over two rule sets', async () => {
    expect(await get('/api/ranking')).toEqual({ status: 400, body: { error: 'Thiếu tham số period (ví dụ 2026-08, 2026-Q3, 2026)' } })
    const bad = await get('/api/ranking?period=2026-13')
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/^Tham số period: Kỳ "2026-13" không hợp lệ/)
    expect((await get('/api/ranking?period=2026-08&sort=rank')).body.error).toContain('Tham số sort "rank" không hợp lệ')
    expect((await get('/api/ranking?period=2026-08&order=up')).body.error).toContain('Tham số order "up" không hợp lệ')
    const split = await get('/api/ranking?period=2025')
    expect(split.status).toBe(400)
    expect(split.body.error).toContain('trải qua 2 bộ quy tắc')
    const none = await get('/api/ranking?period=2020-01')
    expect(none.status).toBe(400)
    expect(none.body.error).toMatch(/^Tham số period: Không có bộ quy tắc nào có hiệu lực/)
  })
})

describe('GET /api/units/:code/overview', () => {
  it('gives total, rank, change against the previous period, groups and the weakest indicators', async () => {
    const r = await get(`/api/units/${unit.unit.code}/overview?period=2026-08`)
    expect(r.status).toBe(200)
    const u = report('2026-08').units.find((x) => x.unit.code === unit.unit.code)!
    const prev = report('2026-07').units.find((x) => x.unit.code === unit.unit.code)!
    expect(r.body).toMatchObject({ unit: { code: u.unit.code, name: u.unit.name }, total: round2(u.total), max: 100, rank: u.rank, peers: u.peers, provisional: false, asOf: new Date(asOf).toISOString() })
    expect(r.body.change).toMatchObject({ period: { label: '2026-07' }, total: round2(prev.total), rank: prev.rank, delta: round2(round2(u.total) - round2(prev.total)) })
    expect(r.body.groups).toEqual(u.groups.map((g) => ({ id: g.id, name: g.name, points: round2(g.points), max: g.max })))
    const lost = u.indicators
      .filter((i) => i.outcome.kind === 'scored' && round2(i.outcome.max - i.outcome.points) > 0)
      .map((i) => ({ id: i.code, lost: i.outcome.kind === 'scored' ? round2(i.outcome.max - i.outcome.points) : 0 }))
      .sort((a, b) => b.lost - a.lost || a.id.localeCompare(b.id))
      .slice(0, 5)
    expect(r.body.weakest.map((w: { id: string; pointsLost: number }) => ({ id: w.id, lost: w.pointsLost }))).toEqual(lost)
    expect(r.body.weakest.length).toBeGreaterThan(0)
  })

  it('has no change when the previous period has no dossiers, and marks an open period provisional', async () => {
    const jan = await get(`/api/units/${unit.unit.code}/overview?period=2026-01`)
    expect(jan.status).toBe(200)
    expect(jan.body.change).toBeNull()
    const nov = await get(`/api/units/${unit.unit.code}/overview?period=2026-11`)
    expect(nov.body.provisional).toBe(true)
  })

  it('answers 404 for an unknown unit', async () => {
    expect(await get('/api/units/000.00.99.X00/overview?period=2026-08')).toEqual({ status: 404, body: { error: 'Không có đơn vị mã 000.00.99.X00' } })
    expect((await get(`/api/units/${unit.unit.code}/overview`)).status).toBe(400)
  })
})

describe('GET /api/units/:code/indicators', () => {
  it('lists every indicator with the scorer numbers', async () => {
    const r = await get(`/api/units/${unit.unit.code}/indicators?period=2026-08`)
    expect(r.status).toBe(200)
    const u = report('2026-08').units.find((x) => x.unit.code === unit.unit.code)!
    expect(r.body.indicators).toHaveLength(u.indicators.length)
    u.indicators.forEach((ind, k) => {
      const got = r.body.indicators[k]
      const o = ind.outcome
      expect(got).toMatchObject({ id: ind.code, name: ind.name, group: ind.groupId, numerator: o.numerator, denominator: o.denominator, max: o.max, notes: ind.notes })
      if (o.kind === 'scored') {
        expect(got.points).toBe(round2(o.points))
        expect(got.pointsLost).toBe(round2(o.max - o.points))
        expect(got.ratio).toBe(o.ratio === null ? null : Math.round(o.ratio * 1e6) / 1e6)
        expect(got.notApplicable).toBeNull()
      } else {
        expect(got).toMatchObject({ points: null, pointsLost: null, ratio: null, notApplicable: o.reason })
      }
    })
    expect(r.body.total).toBe(round2(u.total))
  })
})

describe('GET /api/units/:code/trace', () => {
  const url = (extra: string) => `/api/units/${unit.unit.code}/trace?period=2026-08&indicator=2.1${extra}`

  it('pages through the records of explain, with Vietnamese reasons', async () => {
    const set = ruleSetOn(ruleSets, '2026-08-01')!
    const tr = explain(live.current(), parsePeriod('2026-08'), set, unit.unit.code, '2.1', { asOf }, cal)
    expect(tr.items.length).toBeGreaterThan(5)
    const p1 = await get(url('&pageSize=5'))
    expect(p1.status).toBe(200)
    expect(p1.body).toMatchObject({ total: tr.items.length, all: tr.items.length, page: 1, pageSize: 5, pages: Math.ceil(tr.items.length / 5) })
    expect(p1.body.indicator).toMatchObject({ id: '2.1', numerator: tr.indicator.outcome.numerator, denominator: tr.indicator.outcome.denominator })
    expect(p1.body.items.map((i: { id: string }) => i.id)).toEqual(tr.items.slice(0, 5).map((i) => i.id))
    expect(p1.body.items[0].reasons).toEqual(tr.items[0].reasons)
    expect(p1.body.items[0].reasons[0]).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/)
    const p2 = await get(url('&pageSize=5&page=2'))
    expect(p2.body.items.map((i: { id: string }) => i.id)).toEqual(tr.items.slice(5, 10).map((i) => i.id))
    const beyond = await get(url(`&pageSize=5&page=${p1.body.pages + 1}`))
    expect(beyond.body.items).toEqual([])
    const dflt = await get(url(''))
    expect(dflt.body).toMatchObject({ page: 1, pageSize: 50 })
    expect(dflt.body.items).toHaveLength(Math.min(50, tr.items.length))
  })

  it('lists the records the numerator counts with side=counted, and refuses it where records cannot be listed', async () => {
    const set = ruleSetOn(ruleSets, '2026-08-01')!
    const tr = explain(live.current(), parsePeriod('2026-08'), set, unit.unit.code, '2.1', { asOf, side: 'counted' }, cal)
    const r = await get(url('&side=counted&pageSize=500'))
    expect(r.body).toMatchObject({ side: 'counted', all: tr.indicator.outcome.numerator })
    expect(r.body.items.map((i: { id: string }) => i.id)).toEqual(tr.items.slice(0, 500).map((i) => i.id))
    expect((await get(url(''))).body.side).toBe('lost')
    expect((await get(url('&side=both'))).body.error).toContain('Tham số side')
    expect((await get(url('&side=counted').replace('indicator=2.1', 'indicator=1.1'))).body.error).toContain('chưa liệt kê được các bản ghi trong tử số')
  })

  it('filters on id or reason with q', async () => {
    const set = ruleSetOn(ruleSets, '2026-08-01')!
    const tr = explain(live.current(), parsePeriod('2026-08'), set, unit.unit.code, '2.1', { asOf }, cal)
    const id = tr.items[0].id
    const byId = await get(url(`&q=${encodeURIComponent(id)}`))
    expect(byId.body.total).toBe(tr.items.filter((i) => i.id.includes(id)).length)
    expect(byId.body.items[0].id).toBe(id)
    const word = tr.items[0].reasons[0].split(' ')[0]
    const byReason = await get(url(`&q=${encodeURIComponent(word.toUpperCase())}`))
    const expected = tr.items.filter((i) => i.id.toLowerCase().includes(word.toLowerCase()) || i.reasons.some((r) => r.toLowerCase().includes(word.toLowerCase()))).length
    expect(byReason.body.total).toBe(expected)
    expect(byReason.body.all).toBe(tr.items.length)
    expect((await get(url('&q=khong-co-gi-ca-xyz'))).body).toMatchObject({ total: 0, pages: 0, items: [] })
  })

  it('refuses bad parameters and a period over two rule sets, in Vietnamese', async () => {
    const two = await get(`/api/units/${unit.unit.code}/trace?period=2025&indicator=2.1`)
    expect(two).toEqual({ status: 400, body: { error: 'Tham số period: kỳ 2025 không nằm trọn trong một bộ quy tắc; hãy giải thích từng phần của kỳ' } })
    expect((await get(`/api/units/${unit.unit.code}/trace?period=2026-08`)).body.error).toContain('Thiếu tham số indicator')
    expect((await get(url('').replace('2.1', '9.9'))).body.error).toContain('Tham số indicator: chỉ tiêu "9.9" không tồn tại')
    expect((await get(url('&pageSize=0'))).body.error).toBe('Tham số pageSize "0" phải là số nguyên từ 1 đến 500')
    expect((await get(url('&page=abc'))).body.error).toBe('Tham số page "abc" phải là số nguyên từ 1 đến 1000000')
    expect((await get(url('&q='))).body.error).toBe('Tham số q không được để trống')
    // A period inside the earlier rule set is traced with that set (no data then: no records).
    const old = await get(`/api/units/${unit.unit.code}/trace?period=2024-08&indicator=5.4`)
    expect(old.status).toBe(200)
    expect(old.body).toMatchObject({ ruleSet: { id: '2022-06-23' }, total: 0, items: [] })
    expect((await get(`/api/units/KHONG/trace?period=2026-08&indicator=2.1`)).status).toBe(404)
  })
})

describe('GET /api/units/:code/trend', () => {
  it('gives the last N periods with the scorer totals and group points', async () => {
    const r = await get(`/api/units/${unit.unit.code}/trend?periods=12&kind=month&until=2026-10`)
    expect(r.status).toBe(200)
    expect(r.body.points).toHaveLength(12)
    expect(r.body.points.map((p: { period: { label: string } }) => p.period.label)).toEqual([
      '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10',
    ])
    for (const p of r.body.points.slice(2)) {
      const u = report(p.period.label).units.find((x) => x.unit.code === unit.unit.code)!
      expect(p).toMatchObject({ total: round2(u.total), rank: u.rank, peers: u.peers, groups: u.groups.map((g) => ({ id: g.id, name: g.name, points: round2(g.points), max: g.max })) })
    }
    expect(r.body.points[0].dossiers).toBe(0)
    expect(r.body.points[9].dossiers).toBeGreaterThan(0)
  })

  it('defaults to the 12 months up to now, accepts quarters, and checks its parameters', async () => {
    const d = await get(`/api/units/${unit.unit.code}/trend`)
    expect(d.body.points).toHaveLength(12)
    expect(d.body.points[11].period.label).toBe('2026-11')
    expect(d.body.points[11].provisional).toBe(true)
    const q = await get(`/api/units/${unit.unit.code}/trend?kind=quarter&periods=3&until=2026-Q3`)
    expect(q.body.points.map((p: { period: { label: string } }) => p.period.label)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3'])
    expect(q.body.points[2].total).toBe(round2(report('2026-Q3').units.find((x) => x.unit.code === unit.unit.code)!.total))
    // A year before the first rule set: no score, never a made-up one.
    const y = await get(`/api/units/${unit.unit.code}/trend?kind=year&periods=6&until=2026`)
    expect(y.body.points[0]).toMatchObject({ period: { label: '2021' }, total: null, ruleSet: null })
    expect(y.body.points[4]).toMatchObject({ period: { label: '2025' }, total: null })
    expect((await get(`/api/units/${unit.unit.code}/trend?kind=month&until=2026-Q3`)).body.error).toContain('Tham số until "2026-Q3" phải là một kỳ dạng month')
    expect((await get(`/api/units/${unit.unit.code}/trend?periods=0`)).body.error).toBe('Tham số periods "0" phải là số nguyên từ 1 đến 60')
    expect((await get(`/api/units/${unit.unit.code}/trend?kind=week`)).status).toBe(400)
  })
})

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document listing every route of the read API (the whole server: tests/http/openapi.test.ts)', async () => {
    const r = await get('/api/openapi.json')
    expect(r.status).toBe(200)
    expect(r.body.openapi).toBe('3.1.0')
    expect(routes.length).toBe(7)
    const paths = Object.keys(r.body.paths)
    for (const route of routes) expect(paths).toContain(route.replace(/:(\w+)/g, '{$1}'))
    for (const p of paths) for (const op of Object.values<{ description: string }>(r.body.paths[p])) expect(op.description).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/)
  })
})
