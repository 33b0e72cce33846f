/**
 * `GET /api/meta`, `/api/procedures`, `/api/procedures/:code` and `/api/units/:code/official` over
 * a real SQLite store with demo data, on a bare app (access set by a hook, as the session hook
 * would): shapes, numbers equal to the engine's, access filtering, and the demo's "portal"
 * responses imported through the real import path and compared with chiso's numbers.
 */
import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Fastify, { type FastifyInstance } from 'fastify'
import { loadWorkingCalendar } from '../../src/adapters/calendar-file/load-calendar.js'
import { writeDemoData } from '../../src/adapters/demo/demo-data.js'
import { DEMO_PORTAL_NOTE, writeDemoPortalSnapshots } from '../../src/adapters/demo/portal-snapshot.js'
import { registerMoreApi } from '../../src/adapters/http/api/more-api.js'
import { Access, setAccess, type SessionUser } from '../../src/adapters/http/auth/access.js'
import { parsePortalResponse } from '../../src/adapters/portal/portal-response.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { importDataDir } from '../../src/adapters/store/import-run.js'
import { importPortalSnapshot } from '../../src/adapters/store/import-records.js'
import { loadPreparedFromStore } from '../../src/adapters/store/load-prepared.js'
import { openStore, type Store } from '../../src/adapters/store/store.js'
import { LiveData } from '../../src/engine/live/live-data.js'
import { parsePeriod } from '../../src/engine/periods/period.js'
import type { RuleSet } from '../../src/engine/rules/types.js'
import { round2 } from '../../src/engine/scoring/points.js'

const cal = loadWorkingCalendar()
const asOf = Date.parse('2026-11-27T17:00:00+07:00')
let dir: string
let store: Store
let app: FastifyInstance
let live: LiveData
let ruleSets: RuleSet[]
let province: string
let commune: string
/** Who the next request is from (the bare app's stand-in for the session hook). */
let user: SessionUser = { username: 'quantri', displayName: 'Quản trị', role: 'admin', unitCode: null }

const get = async (url: string) => {
  const r = await app.inject({ method: 'GET', url })
  return { status: r.statusCode, body: r.json() }
}
const as = async <T>(u: SessionUser, fn: () => Promise<T>): Promise<T> => {
  const before = user
  user = u
  try {
    return await fn()
  } finally {
    user = before
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-more-'))
  await writeDemoData(join(dir, 'data'), { dossiers: 3000, seed: 5 })
  store = await openStore(join(dir, 'chiso.db'))
  await importDataDir(store, join(dir, 'data'))
  const { prepared } = await loadPreparedFromStore(store, cal)
  ruleSets = loadRuleSets()
  live = new LiveData(prepared, cal, ruleSets)
  app = Fastify({ logger: false })
  // The server's error handler, in short: AccessError (statusCode) and ApiError (status) → { error }.
  app.setErrorHandler((err: Error & { statusCode?: number; status?: number }, _req, reply) => {
    reply.code(err.statusCode ?? err.status ?? 500).send({ error: err.message })
  })
  app.addHook('onRequest', async (req) => setAccess(req, new Access(user, live.current().units, 'x')))
  registerMoreApi(app, { live, calendar: cal, ruleSets, store, now: () => asOf })
  await app.ready()
  const units = live.current().units.units
  province = units.find((u) => u.parent === null)!.code
  commune = units.find((u) => u.level === 'commune')!.code
})
afterAll(async () => {
  await app?.close()
  await store?.close()
})

describe('GET /api/meta', () => {
  it('gives the province, the months with data, the default period, the rules and the user', async () => {
    const { status, body } = await get('/api/meta')
    expect(status).toBe(200)
    expect(body.province.code).toBe(province)
    expect(body.asOf).toBe(new Date(asOf).toISOString())
    // Independently: the Vietnam month of every dossier in the table.
    const t = live.current().table
    const months = new Set<string>()
    for (let i = 0; i < t.n; i++) months.add(new Date(t.at[i] + 7 * 3_600_000).toISOString().slice(0, 7))
    expect(body.monthsWithData).toEqual([...months].sort())
    expect(body.latestMonthWithData).toBe('2026-11')
    // November is not over on 27/11: the default is October.
    expect(body.defaultPeriod).toBe('2026-10')
    expect(body.ruleSets.length).toBe(ruleSets.length)
    const set = ruleSets.find((r) => r.effectiveFrom <= '2026-10-01' && (r.effectiveTo === null || r.effectiveTo >= '2026-10-01'))!
    expect(body.ruleSet.id).toBe(set.id)
    expect(body.indicators.map((i: { id: string }) => i.id).sort()).toEqual(Object.keys(set.indicators).sort())
    expect(body.groups.reduce((a: number, g: { max: number }) => a + g.max, 0)).toBe(set.groups.reduce((a, g) => a + g.max, 0))
    for (const i of body.indicators) expect(set.groups.find((g) => g.id === i.group)?.indicators).toContain(i.id)
    expect(body.user).toMatchObject({ username: 'quantri', role: 'admin', roleName: 'Quản trị', unitCode: null })
  })

  it('refuses unknown parameters', async () => {
    const r = await get('/api/meta?x=1')
    expect(r.status).toBe(400)
    expect(r.body.error).toContain('x')
  })
})

describe('GET /api/procedures', () => {
  it('lists procedures with their dossier counts, most used first, filtered by q and limit', async () => {
    const { status, body } = await get(`/api/procedures?limit=${5000}`)
    expect(status).toBe(200)
    const d = live.current()
    expect(body.total).toBe(d.procedures.length)
    const counts = new Map<string, number>()
    for (let i = 0; i < d.table.n; i++) counts.set(d.table.procCodes[i], (counts.get(d.table.procCodes[i]) ?? 0) + 1)
    for (const p of body.procedures) expect(p.dossiers).toBe(counts.get(p.code) ?? 0)
    for (let k = 1; k < body.procedures.length; k++) expect(body.procedures[k - 1].dossiers).toBeGreaterThanOrEqual(body.procedures[k].dossiers)
    const top = body.procedures[0]
    const word = top.name.split(' ').slice(0, 3).join(' ')
    const found = await get(`/api/procedures?q=${encodeURIComponent(word.toUpperCase())}&limit=3`)
    expect(found.body.procedures.length).toBeLessThanOrEqual(3)
    expect(found.body.procedures.map((p: { code: string }) => p.code)).toContain(top.code)
    for (const p of found.body.procedures) expect(p.name.toLowerCase()).toContain(word.toLowerCase())
    expect((await get('/api/procedures?limit=0')).status).toBe(400)
  })

  it('counts only the dossiers of the units a restricted user may read', async () => {
    const viewer: SessionUser = { username: 'xem', displayName: 'Xem', role: 'viewer', unitCode: commune }
    const { body } = await as(viewer, () => get('/api/procedures?limit=5000'))
    const d = live.current()
    const u = d.units.byCode.get(commune)!
    let own = 0
    for (let i = 0; i < d.table.n; i++) if (d.table.unit[i] === u) own++
    expect(body.procedures.reduce((a: number, p: { dossiers: number }) => a + p.dossiers, 0)).toBe(own)
    expect(body.total).toBeLessThan(d.procedures.length)
  })
})

describe('GET /api/procedures/:code', () => {
  it('gives each unit the procedure indicators of that procedure, equal to the engine', async () => {
    const list = (await get('/api/procedures?limit=1')).body.procedures
    const code = list[0].code
    const { status, body } = await get(`/api/procedures/${encodeURIComponent(code)}?period=2026-08`)
    expect(status).toBe(200)
    expect(body.procedure.code).toBe(code)
    const ids = body.indicators.map((i: { id: string }) => i.id)
    expect(ids).toContain('2.1')
    expect(ids).not.toContain('5.1')
    expect(ids).not.toContain('1.4')
    const report = live.score(parsePeriod('2026-08'), { asOf, procedureCode: code })[0]
    expect(body.rows.length).toBeGreaterThan(0)
    for (const row of body.rows) {
      const r = report.units.find((u) => u.unit.code === row.code)!
      for (const i of row.indicators) {
        const e = r.indicators.find((x) => x.code === i.id)!
        expect(i.numerator).toBe(e.outcome.numerator)
        expect(i.denominator).toBe(e.outcome.denominator)
        expect(i.points).toBe(e.outcome.kind === 'scored' ? round2(e.outcome.points) : null)
      }
    }
    // The province's dossiers of the procedure in August, counted from the table.
    const d = live.current()
    const p = parsePeriod('2026-08')
    let n = 0
    for (let i = 0; i < d.table.n; i++) if (d.table.procCodes[i] === code && d.table.at[i] >= p.start && d.table.at[i] < p.end) n++
    expect(body.rows.find((r: { code: string }) => r.code === province).dossiers).toBe(n)
    // Level filter and scope.
    const communes = (await get(`/api/procedures/${encodeURIComponent(code)}?period=2026-08&level=commune`)).body.rows
    for (const r of communes) expect(r.level).toBe('commune')
    const officer: SessionUser = { username: 'canbo', displayName: 'Cán bộ', role: 'officer', unitCode: commune }
    const scoped = (await as(officer, () => get(`/api/procedures/${encodeURIComponent(code)}?period=2026-08`))).body.rows
    for (const r of scoped) expect(r.code).toBe(commune)
  })

  it('refuses an unknown procedure and a missing period', async () => {
    const r = await get('/api/procedures/9.999999?period=2026-08')
    expect(r.status).toBe(404)
    expect(r.body.error).toContain('9.999999')
    const code = (await get('/api/procedures?limit=1')).body.procedures[0].code
    const m = await get(`/api/procedures/${encodeURIComponent(code)}`)
    expect(m.status).toBe(400)
    expect(m.body.error).toContain('period')
  })
})

describe('GET /api/units/:code/official', () => {
  it('answers snapshot null when no portal response covers the period', async () => {
    const { status, body } = await get(`/api/units/${province}/official?period=2026-09`)
    expect(status).toBe(200)
    expect(body.snapshot).toBeNull()
    expect(body.indicators.length).toBeGreaterThan(0)
    for (const i of body.indicators) expect(i.official).toBeNull()
  })

  it('compares with the demo "portal" responses imported through the real import path', async () => {
    const files = await writeDemoPortalSnapshots(join(dir, 'data'), { period: '2026-10', ruleSets, calendar: cal })
    expect(files.length).toBe(4)
    const capturedAt = Date.parse('2026-11-05T09:00:00+07:00')
    for (const f of files) {
      expect(statSync(f).mtimeMs).toBe(capturedAt)
      const text = readFileSync(f, 'utf8')
      expect(text).toContain(DEMO_PORTAL_NOTE)
      expect(parsePortalResponse(text, f).period?.from).toBe('2026-10-01')
      const r = await importPortalSnapshot(store, f)
      expect(r.inserted).toBe(1)
    }
    const { status, body } = await get(`/api/units/${province}/official?period=2026-10`)
    expect(status).toBe(200)
    expect(body.snapshot).toMatchObject({ capturedAt: new Date(capturedAt).toISOString() })
    expect(body.snapshots.map((s: { group: string }) => s.group).sort()).toEqual(['dossier-digitized', 'dvc-progress-tree', 'handling-satisfaction', 'transparency'])
    const report = live.score(parsePeriod('2026-10'), { asOf })[0]
    const r = report.units.find((u) => u.unit.code === province)!
    const progress = JSON.parse(readFileSync(files.find((f) => f.includes('dvc-progress-tree'))!, 'utf8'))
    const i21 = body.indicators.find((i: { id: string }) => i.id === '2.1')
    const e21 = r.indicators.find((i) => i.code === '2.1')!
    expect(i21.computed).toBe(e21.outcome.kind === 'scored' ? round2(e21.outcome.points) : null)
    expect(i21.official).toBe(progress.data.parent.totalScore)
    expect(i21.diff).toBe(round2(i21.computed - i21.official))
    expect(i21.officialDenominator).toBe(progress.data.parent.totalReceived)
    // The portal sees only the synced dossiers: fewer received than chiso counts.
    expect(i21.officialDenominator).toBeLessThan(e21.outcome.denominator)
    const digitized = JSON.parse(readFileSync(files.find((f) => f.includes('dossier-digitized'))!, 'utf8'))
    for (const m of digitized.data.overview.metrics) {
      const i = body.indicators.find((x: { official: number | null; source: string | null; code: string }) => x.source === 'dossier-digitized' && x.code === m.code)
      expect(i, m.code).toBeDefined()
      expect(i.official).toBe(m.score)
    }
    const group = body.groups.find((g: { group: string }) => g.group === 'dossier-digitized')
    expect(group.official).toBe(digitized.data.overview.totalScore)
    // A commune is found by its code in the responses too.
    const c = (await get(`/api/units/${commune}/official?period=2026-10`)).body
    expect(c.snapshot).not.toBeNull()
  })

  it('refuses a unit outside the user scope', async () => {
    const officer: SessionUser = { username: 'canbo', displayName: 'Cán bộ', role: 'officer', unitCode: commune }
    const r = await as(officer, () => get(`/api/units/${province}/official?period=2026-10`))
    expect(r.status).toBe(403)
    const own = await as(officer, () => get(`/api/units/${commune}/official?period=2026-10`))
    expect(own.status).toBe(200)
  })
})
