/**
 * The what-if planner through the whole server (real sessions, real SQLite store, three-level demo
 * province): actions best first and agreeing with the engine, the simulator's totals and ranks,
 * scope (403 outside) and Vietnamese validation of `set`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planActions } from '../../src/engine/planner/planner.js'
import { rescoreUnit } from '../../src/engine/planner/rescore.js'
import type { Unit } from '../../src/engine/model.js'
import { parsePeriod } from '../../src/engine/periods/period.js'
import { rankPeers, type ScoreReport } from '../../src/engine/score.js'
import { round2 } from '../../src/engine/scoring/points.js'
import { addUser, demoServer, login, type Client, type DemoServer } from './auth-helpers.js'

const asOf = Date.parse('2024-12-20T17:00:00+07:00')
const period = '2024-08'
let s: DemoServer
let district: Unit
let sibling: Unit
let officer: Client
let admin: Client
let report: ScoreReport

beforeAll(async () => {
  s = await demoServer({ levels: 3, dossiers: 2500, seed: 13, asOf })
  const units = s.live.current().units.units
  const withChildren = units.filter((u) => u.parent !== null && units.some((c) => c.parent === u.code))
  district = withChildren[0]
  sibling = withChildren.find((u) => u.parent === district.parent && u.level === district.level && u !== district)!
  officer = await login(s.app, 'canbo', await addUser(s.store, 'canbo', 'officer', district.code))
  admin = await login(s.app, 'quantri', await addUser(s.store, 'quantri', 'admin', null))
  report = s.live.score(parsePeriod(period), { asOf })[0]
})
afterAll(async () => {
  await s?.app.close()
  await s?.store.close()
})

describe('the planner reuses the engine', () => {
  it('rescoring any unit of the demo province without a change gives the engine numbers exactly', () => {
    for (const u of report.units) {
      const r = rescoreUnit(u, report.ruleSet, {})
      expect(r.total).toBe(u.total)
      expect(r.groups).toEqual(u.groups)
    }
  })
})

describe('GET /api/units/:code/plan', () => {
  it('lists actions best first, with a Vietnamese text', async () => {
    const r = await officer.get(`/api/units/${district.code}/plan?period=${period}`)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    const actions = r.body.actions
    expect(actions.length).toBeGreaterThan(0)
    for (let i = 1; i < actions.length; i++) expect(actions[i - 1].pointsPerRecord).toBeGreaterThanOrEqual(actions[i].pointsPerRecord)
    const u = report.units.find((x) => x.unit.code === district.code)!
    const idx = report.units.indexOf(u)
    expect(actions.map((a: { indicator: string }) => a.indicator)).toEqual(planActions(report, idx).map((a) => a.indicator))
    for (const a of actions) {
      expect(a.text).toMatch(/ thêm [\d.]+ .+: \+[\d,]+ điểm/)
      // Moving `records` records into the numerator gains pointsGain: check against the rule directly.
      const o = u.indicators.find((i) => i.code === a.indicator)!.outcome
      expect(o.kind === 'scored' && o.points < o.max).toBe(true)
      expect(a.records).toBeGreaterThan(0)
      expect(a.records).toBeLessThanOrEqual(o.denominator - o.numerator + 1e-9)
      expect(a.pointsGain).toBeGreaterThan(0)
      expect(a.pointsGain).toBeLessThanOrEqual(round2(o.max - (o.kind === 'scored' ? o.points : 0)) + (a.indicator === '1.4' ? 6 : 0) + 0.01)
    }
    expect(r.body).toMatchObject({ unit: { code: district.code }, total: round2(u.total), rank: u.rank, peers: u.peers })
  })

  it('answers 403 outside the scope, 404 for an unknown unit, 400 for a bad period', async () => {
    expect((await officer.get(`/api/units/${sibling.code}/plan?period=${period}`)).status).toBe(403)
    expect((await admin.get(`/api/units/KHONG-CO/plan?period=${period}`)).status).toBe(404)
    const bad = await admin.get(`/api/units/${district.code}/plan?period=2024-13`)
    expect(bad.status).toBe(400)
    expect(bad.body.error).toMatch(/^Tham số period/)
    expect((await admin.get(`/api/units/${district.code}/plan`)).body.error).toMatch(/^Thiếu tham số period/)
  })
})

describe('GET /api/units/:code/simulate', () => {
  it('2.1 at 100%: the points of 2.1 become 20, the other units keep theirs, rank among peers', async () => {
    const u = report.units.find((x) => x.unit.code === district.code)!
    const o21 = u.indicators.find((i) => i.code === '2.1')!.outcome
    const r = await officer.get(`/api/units/${district.code}/simulate?period=${period}&set=2.1:1`)
    expect(r.status, JSON.stringify(r.body)).toBe(200)
    expect(r.body.before).toMatchObject({ total: round2(u.total), rank: u.rank, peers: u.peers })
    const gain = 20 - (o21.kind === 'scored' ? o21.points : 0)
    expect(r.body.after.total).toBe(round2(u.total + gain))
    expect(r.body.after.indicators.find((i: { id: string }) => i.id === '2.1')).toMatchObject({ ratio: 1, points: 20, changed: true })
    // The rank: the engine's rankPeers over the peers with only this unit's total changed.
    const peers = report.units.filter((x) => x.unit.parent === u.unit.parent && x.unit.level === u.unit.level).map((x) => ({ ...x, total: x === u ? u.total + gain : x.total }))
    rankPeers(peers)
    expect(r.body.after.rank).toBe(peers.find((x) => x.unit.code === district.code)!.rank)
    expect(r.body.after.peers).toBe(peers.length)
    // Nothing changed in the live scores.
    expect(s.live.score(parsePeriod(period), { asOf })[0].units.find((x) => x.unit.code === district.code)!.total).toBe(u.total)
  })

  it('validates set and the scope', async () => {
    const url = (set: string) => `/api/units/${district.code}/simulate?period=${period}&set=${encodeURIComponent(set)}`
    const cases: [string, RegExp][] = [
      ['2.1:1.5', /^Tham số set: tỷ lệ của chỉ tiêu 2.1 là 1.5, phải từ 0 đến 1/],
      ['9.9:0.5', /^Tham số set: chỉ tiêu "9.9" không tồn tại/],
      ['2.2:0.5', /^Tham số set: chỉ tiêu 2.2 chỉ theo dõi/],
      ['2.1:0,5', /^Tham số set: "5" không đúng dạng mã:tỷ lệ \(ví dụ 3.3:0.6; tỷ lệ dùng dấu chấm thập phân\)/],
      ['2.1:0.5,2.1:0.6', /^Tham số set: chỉ tiêu 2.1 được nêu hai lần/],
      ['2.1', /^Tham số set: "2.1" không đúng dạng mã:tỷ lệ/],
    ]
    for (const [set, msg] of cases) {
      const r = await admin.get(url(set))
      expect(r.status, set).toBe(400)
      expect(r.body.error, set).toMatch(msg)
    }
    expect((await admin.get(`/api/units/${district.code}/simulate?period=${period}`)).body.error).toMatch(/^Thiếu tham số set/)
    expect((await officer.get(`/api/units/${sibling.code}/simulate?period=${period}&set=2.1:1`)).status).toBe(403)
  })
})
