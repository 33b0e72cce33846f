/**
 * `?format=csv|xlsx` on the table routes, through the whole server (`buildServer`, real sign-in,
 * real SQLite store with demo data in which a unit and a procedure have names that look like
 * spreadsheet formulas): the files' content against the JSON answers, XLSX opened with exceljs
 * (numbers are numbers, percent format, frozen bold header, auto filter, neutralised text), a
 * trace export holding every record, the audit entry, and the refusals.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadWorkingCalendar } from '../../src/adapters/calendar-file/load-calendar.js'
import { writeDemoData } from '../../src/adapters/demo/demo-data.js'
import { MAX_PAGE_SIZE } from '../../src/adapters/http/api/read-api.js'
import { buildServer } from '../../src/adapters/http/server.js'
import { storeIngestor } from '../../src/adapters/http/store-ingestor.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { importDataDir } from '../../src/adapters/store/import-run.js'
import { loadPreparedFromStore } from '../../src/adapters/store/load-prepared.js'
import { openStore, type Store } from '../../src/adapters/store/store.js'
import { LiveData } from '../../src/engine/live/live-data.js'
import { addUser, login, type Client } from './auth-helpers.js'

const asOf = Date.parse('2026-11-27T17:00:00+07:00')
const FORMULA_UNIT = '=HYPERLINK("http://example.invalid/x","Xã Thử")'
const FORMULA_PROCEDURE = '-Thủ tục; có dấu chấm phẩy, dấu phẩy'
let store: Store
let app: FastifyInstance
let live: LiveData
let admin: Client
let officer: Client
let province: string
let formulaUnit: string

/** Raw answer (body as a Buffer). */
async function raw(c: Client, url: string) {
  const r = await app.inject({ method: 'GET', url, headers: { cookie: c.cookie } })
  return { status: r.statusCode, headers: r.headers, body: r.rawPayload }
}

/** Minimal CSV reader (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = [], cell = '', quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++
      else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') row.push(cell), (cell = '')
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++
    else cell += ch
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row)
  return rows
}

async function csv(c: Client, url: string) {
  const r = await raw(c, url)
  expect(r.status, r.body.toString()).toBe(200)
  expect(r.headers['content-type']).toBe('text/csv; charset=utf-8')
  const text = r.body.toString('utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  expect(text.endsWith('\r\n')).toBe(true)
  return { ...r, rows: parseCsv(text.slice(1)) }
}

async function xlsx(c: Client, url: string) {
  const r = await raw(c, url)
  expect(r.status, r.body.toString()).toBe(200)
  expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(r.body as unknown as ExcelJS.Buffer)
  return { ...r, ws: wb.worksheets[0] }
}

const header = (ws: ExcelJS.Worksheet) => (ws.getRow(1).values as unknown[]).slice(1)

beforeAll(async () => {
  const cal = loadWorkingCalendar()
  const dir = mkdtempSync(join(tmpdir(), 'chiso-export-'))
  const data = join(dir, 'data')
  await writeDemoData(data, { dossiers: 3000, seed: 5 })
  // A commune and a procedure whose names a spreadsheet would take for formulas.
  const units = JSON.parse(readFileSync(join(data, 'units.json'), 'utf8'))
  const u = units.find((x: { level: string }) => x.level === 'commune')
  u.name = FORMULA_UNIT
  formulaUnit = u.code
  writeFileSync(join(data, 'units.json'), JSON.stringify(units))
  const procs = JSON.parse(readFileSync(join(data, 'procedures.json'), 'utf8'))
  procs[0].name = FORMULA_PROCEDURE
  writeFileSync(join(data, 'procedures.json'), JSON.stringify(procs))
  store = await openStore(join(dir, 'chiso.db'))
  await importDataDir(store, data)
  const { prepared } = await loadPreparedFromStore(store, cal)
  const ruleSets = loadRuleSets()
  live = new LiveData(prepared, cal, ruleSets)
  app = buildServer({ live, ingest: storeIngestor(store), calendar: cal, ruleSets, store, now: () => asOf })
  await app.ready()
  province = prepared.units.units.find((x) => x.parent === null)!.code
  expect(prepared.units.units.find((x) => x.code === formulaUnit)!.name).toBe(FORMULA_UNIT)
  expect(prepared.procedures.some((p) => p.name === FORMULA_PROCEDURE)).toBe(true)
  admin = await login(app, 'quantri', await addUser(store, 'quantri', 'admin', null))
  officer = await login(app, 'canbo', await addUser(store, 'canbo', 'officer', formulaUnit))
})
afterAll(async () => {
  await app?.close()
  await store?.close()
})

describe('ranking export', () => {
  it('XLSX: real numbers, bold frozen header, auto filter, formula-looking names neutralised', async () => {
    const json = (await admin.get('/api/ranking?period=2026-08')).body
    const { ws, headers } = await xlsx(admin, '/api/ranking?period=2026-08&format=xlsx')
    expect(headers['content-disposition']).toBe(`attachment; filename="xep-hang-2026-08.xlsx"; filename*=UTF-8''xep-hang-2026-08.xlsx`)
    expect(header(ws).slice(0, 4)).toEqual(['Hạng', 'Số đơn vị cùng cấp', 'Mã đơn vị', 'Tên đơn vị'])
    expect(ws.getRow(1).font?.bold).toBe(true)
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(ws.autoFilter).toBeTruthy()
    expect(ws.rowCount).toBe(json.rows.length + 1)
    const cols = header(ws) as string[]
    const total = cols.indexOf('Tổng điểm') + 1
    json.rows.forEach((r: { code: string; total: number; rank: number; name: string }, k: number) => {
      const row = ws.getRow(k + 2)
      expect(row.getCell(3).value).toBe(r.code)
      expect(row.getCell(total).type).toBe(ExcelJS.ValueType.Number)
      expect(row.getCell(total).value).toBe(r.total)
      expect(row.getCell(1).value).toBe(r.rank)
      if (r.code === formulaUnit) {
        expect(row.getCell(4).type).toBe(ExcelJS.ValueType.String)
        expect(row.getCell(4).value).toBe(`'${FORMULA_UNIT}`)
      } else expect(row.getCell(4).value).toBe(r.name)
    })
    expect(json.rows.some((r: { code: string }) => r.code === formulaUnit)).toBe(true)
    // Group columns follow the totals.
    expect(cols.filter((c) => c.startsWith('Nhóm ')).length).toBe(json.rows[0].groups.length)
  })

  it('CSV: BOM, CRLF, quoted cells, neutralised text, the same numbers as the JSON', async () => {
    const json = (await admin.get('/api/ranking?period=2026-08&level=commune')).body
    const { rows, headers } = await csv(admin, '/api/ranking?period=2026-08&level=commune&format=csv')
    expect(headers['content-disposition']).toContain("filename*=UTF-8''xep-hang-2026-08.csv")
    expect(rows[0].slice(0, 4)).toEqual(['Hạng', 'Số đơn vị cùng cấp', 'Mã đơn vị', 'Tên đơn vị'])
    expect(rows.length).toBe(json.rows.length + 1)
    const totalAt = rows[0].indexOf('Tổng điểm')
    json.rows.forEach((r: { code: string; total: number; name: string }, k: number) => {
      expect(rows[k + 1][2]).toBe(r.code)
      expect(Number(rows[k + 1][totalAt])).toBe(r.total)
      expect(rows[k + 1][3]).toBe(r.code === formulaUnit ? `'${FORMULA_UNIT}` : r.name)
    })
  })

  it('an officer exports only the rows the JSON shows him', async () => {
    const json = (await officer.get('/api/ranking?period=2026-08')).body
    const { rows } = await csv(officer, '/api/ranking?period=2026-08&format=csv')
    expect(rows.length - 1).toBe(json.rows.length)
    expect(rows.slice(1).map((r) => r[2])).toEqual([formulaUnit])
  })
})

describe('unit exports', () => {
  it('indicators: ratios as percentages, points as numbers', async () => {
    const json = (await admin.get(`/api/units/${province}/indicators?period=2026-08`)).body
    const { ws, headers } = await xlsx(admin, `/api/units/${province}/indicators?period=2026-08&format=xlsx`)
    expect(headers['content-disposition']).toContain(`chi-tieu-${province}-2026-08.xlsx`)
    const cols = header(ws) as string[]
    const ratio = cols.indexOf('Tỷ lệ') + 1, points = cols.indexOf('Điểm') + 1
    expect(ws.rowCount).toBe(json.indicators.length + 1)
    let seen = 0
    json.indicators.forEach((i: { ratio: number | null; points: number | null }, k: number) => {
      const row = ws.getRow(k + 2)
      if (i.ratio !== null) {
        seen++
        expect(row.getCell(ratio).value).toBe(i.ratio)
        expect(row.getCell(ratio).numFmt).toBe('0.00%')
      } else expect(row.getCell(ratio).value).toBeNull()
      expect(row.getCell(points).value).toBe(i.points)
    })
    expect(seen).toBeGreaterThan(5)
  })

  it('trace: every matching record, not one page, with dates as date cells', async () => {
    // The indicator of the year with the most records behind lost points.
    const ind = (await admin.get(`/api/units/${province}/indicators?period=2026`)).body.indicators
    let best = { id: '', total: 0 }
    for (const i of ind) {
      const t = (await admin.get(`/api/units/${province}/trace?period=2026&indicator=${i.id}&pageSize=1`)).body
      if (t.total > best.total) best = { id: i.id, total: t.total }
    }
    expect(best.total).toBeGreaterThan(MAX_PAGE_SIZE)
    const page1 = (await admin.get(`/api/units/${province}/trace?period=2026&indicator=${best.id}&pageSize=50`)).body
    const { rows } = await csv(admin, `/api/units/${province}/trace?period=2026&indicator=${best.id}&page=3&pageSize=10&format=csv`)
    expect(rows.length - 1).toBe(best.total)
    const ids = new Set(rows.slice(1).map((r) => r[1]))
    for (const it of page1.items) expect(ids.has(it.id)).toBe(true)
    const { ws } = await xlsx(admin, `/api/units/${province}/trace?period=2026&indicator=${best.id}&format=xlsx`)
    expect(ws.rowCount).toBe(best.total + 1)
    const received = (header(ws) as string[]).indexOf('Ngày tiếp nhận') + 1
    const first = page1.items.find((x: { receivedAt?: string }) => x.receivedAt)
    if (first) {
      const row = ws.getRows(2, best.total)!.find((r) => r.getCell(2).value === first.id)!
      const cell = row.getCell(received)
      expect(cell.value).toBeInstanceOf(Date)
      // Vietnam wall-clock time in the cell.
      expect((cell.value as Date).getTime()).toBe(Date.parse(first.receivedAt) + 7 * 3_600_000)
    }
    // The q filter applies to the export too.
    const filtered = (await admin.get(`/api/units/${province}/trace?period=2026&indicator=${best.id}&q=${encodeURIComponent(page1.items[0].id)}`)).body
    const f = await csv(admin, `/api/units/${province}/trace?period=2026&indicator=${best.id}&q=${encodeURIComponent(page1.items[0].id)}&format=csv`)
    expect(f.rows.length - 1).toBe(filtered.total)
  })

  it('trend and procedure view', async () => {
    const trend = (await admin.get(`/api/units/${province}/trend?periods=6&until=2026-10`)).body
    const t = await csv(admin, `/api/units/${province}/trend?periods=6&until=2026-10&format=csv`)
    expect(t.rows.length - 1).toBe(6)
    expect(t.rows.slice(1).map((r) => r[0])).toEqual(trend.points.map((p: { period: { label: string } }) => p.period.label))
    expect(t.headers['content-disposition']).toContain(`dien-bien-${province}-2026-05-2026-10.csv`)
    const procs = (await admin.get('/api/procedures?limit=1')).body.procedures
    const view = (await admin.get(`/api/procedures/${procs[0].code}?period=2026-08`)).body
    const { ws } = await xlsx(admin, `/api/procedures/${procs[0].code}?period=2026-08&format=xlsx`)
    expect(ws.rowCount).toBe(view.rows.length + 1)
    const cols = header(ws) as string[]
    expect(cols).toContain('2.1 tỷ lệ')
    const col = cols.indexOf('2.1 mẫu số') + 1
    view.rows.forEach((r: { indicators: { id: string; denominator: number }[] }, k: number) => {
      expect(ws.getRow(k + 2).getCell(col).value).toBe(r.indicators.find((i) => i.id === '2.1')!.denominator)
    })
    const list = await csv(admin, '/api/procedures?limit=5000&format=csv')
    expect(list.rows.some((r) => r[1] === `'${FORMULA_PROCEDURE}`)).toBe(true)
  })
})

describe('targets, audit and accounts exports', () => {
  it('compliance of a target and of every target', async () => {
    const created = await admin.req('POST', '/api/targets', {
      name: '=Tỷ lệ đúng hạn', subject: { kind: 'indicator', code: '2.1' }, threshold: 0.95, units: [province], includeSubUnits: true, from: '2026-01', to: null, source: 'Công văn thử',
    })
    expect(created.status, JSON.stringify(created.body)).toBeLessThan(300)
    const id = created.body.target.id
    const json = (await admin.get(`/api/targets/${id}/compliance?period=2026-08`)).body
    const { ws } = await xlsx(admin, `/api/targets/${id}/compliance?period=2026-08&format=xlsx`)
    expect(ws.rowCount).toBe(json.rows.length + 1)
    const cols = header(ws) as string[]
    json.rows.forEach((r: { unit: { code: string }; value: number | null }, k: number) => {
      expect(ws.getRow(k + 2).getCell(1).value).toBe(r.unit.code)
      expect(ws.getRow(k + 2).getCell(cols.indexOf('Giá trị') + 1).value).toBe(r.value)
    })
    const all = (await admin.get('/api/compliance?period=2026-08')).body
    const { rows } = await csv(admin, '/api/compliance?period=2026-08&format=csv')
    const expected = all.targets.reduce((a: number, t: { short: unknown[] }) => a + Math.max(t.short.length, 1), 0)
    expect(rows.length - 1).toBe(expected)
    expect(rows[1][0]).toBe(`'=Tỷ lệ đúng hạn`)
  })

  it('writes each export to the audit log, and exports the log and the accounts', async () => {
    await raw(admin, '/api/ranking?period=2026-07&format=csv')
    const entries = (await admin.get('/api/audit?action=export&limit=1000')).body.entries
    const e = entries.find((x: { details: { query: { period?: string } } }) => x.details.query.period === '2026-07')
    expect(e).toMatchObject({ actor: 'quantri', action: 'export', details: { route: '/api/ranking', format: 'csv', query: { period: '2026-07', format: 'csv' } } })
    const ranking = (await admin.get('/api/ranking?period=2026-07')).body
    expect(e.details.rows).toBe(ranking.rows.length)
    const officerExport = entries.find((x: { actor: string }) => x.actor === 'canbo')
    expect(officerExport?.details.route).toBe('/api/ranking')
    const log = await csv(admin, '/api/audit?action=export&format=csv')
    expect(log.rows[0]).toEqual(['Số', 'Thời điểm', 'Người thực hiện', 'Thao tác', 'Chi tiết'])
    expect(log.rows.slice(1).every((r) => r[3] === 'export')).toBe(true)
    const users = await xlsx(admin, '/api/users?format=xlsx')
    expect(users.ws.rowCount).toBe(3)
    expect(users.ws.getColumn(1).values.slice(2)).toEqual(['quantri', 'canbo'])
  })

  it('exports nothing for who may not see the table', async () => {
    const r = await raw(officer, '/api/users?format=csv')
    expect(r.status).toBe(403)
    const anon = await app.inject({ method: 'GET', url: '/api/ranking?period=2026-08&format=csv' })
    expect(anon.statusCode).toBe(401)
  })
})

describe('refusals', () => {
  it('an unknown format, a repeated one, a table without export, and the route own errors', async () => {
    const bad = await admin.get('/api/ranking?period=2026-08&format=pdf')
    expect(bad.status).toBe(400)
    expect(bad.body.error).toContain('format')
    expect(bad.body.error).toContain('csv, xlsx')
    expect((await admin.get('/api/ranking?period=2026-08&format=csv&format=xlsx')).status).toBe(400)
    const none = await admin.get(`/api/units/${province}/overview?period=2026-08&format=csv`)
    expect(none.status).toBe(400)
    expect(none.body.error).toContain('bảng này chưa xuất được')
    const noPeriod = await admin.get('/api/ranking?format=xlsx')
    expect(noPeriod.status).toBe(400)
    expect(noPeriod.body.error).toContain('period')
    const noIndicator = await admin.get(`/api/units/${province}/trace?period=2026-08&format=csv`)
    expect(noIndicator.status).toBe(400)
    expect(noIndicator.body.error).toContain('indicator')
    // The bigger page is for exports only.
    const big = await admin.get(`/api/units/${province}/trace?period=2026-08&indicator=2.1&pageSize=${MAX_PAGE_SIZE + 1}`)
    expect(big.status).toBe(400)
    expect(big.body.error).toContain('pageSize')
  })
})
