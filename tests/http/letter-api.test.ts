/**
 * The monthly letter from the web application (`GET /api/letter`, `GET|PUT /api/letter/profile`)
 * through the whole server over a real SQLite store with the 2-level demo province of 2026: the
 * files open and state the numbers of the overview API, access rules, parameter checks, the office
 * profile stored and validated, the demo-profile header and the audit log.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoProfilePath, viDecimal } from '../../src/adapters/reports/monthly-letter/index.js'
import { addUser, demoServer, login, type Client, type DemoServer } from './auth-helpers.js'
import { paragraphs, unzip } from '../reports/ooxml.js'

const PERIOD = '2026-10'
let s: DemoServer
let admin: Client
let viewer: Client
let officer: Client
let province: { code: string; name: string }
let districts: { code: string; name: string }[]
let fileNo = 0

beforeAll(async () => {
  s = await demoServer({ levels: 2, dossiers: 1500, seed: 5, asOf: Date.parse('2026-11-27T17:00:00+07:00') })
  const units = s.live.current().units.units
  const root = units.find((u) => u.parent === null)!
  province = { code: root.code, name: root.name }
  districts = units.filter((u) => u.parent === root.code).map((u) => ({ code: u.code, name: u.name }))
  await addUser(s.store, 'quantri', 'admin', null)
  await addUser(s.store, 'xem', 'viewer', null)
  await addUser(s.store, 'canbo', 'officer', districts[0].code)
  admin = await login(s.app, 'quantri', 'mat-khau-quantri')
  viewer = await login(s.app, 'xem', 'mat-khau-xem')
  officer = await login(s.app, 'canbo', 'mat-khau-canbo')
}, 240_000)

afterAll(async () => {
  await s.app.close()
  await s.store.close()
})

/** GET a file with a client's session: status, headers, bytes. */
async function download(c: Client | null, url: string) {
  const r = await s.app.inject({ method: 'GET', url, headers: c ? { cookie: c.cookie } : {} })
  return { status: r.statusCode, headers: r.headers, bytes: r.rawPayload, json: () => r.json() }
}

/** The text of every paragraph of a DOCX. */
function docxText(bytes: Buffer): string {
  const path = join(s.dir, `letter-${++fileNo}.docx`)
  writeFileSync(path, bytes)
  return paragraphs(unzip(path).get('word/document.xml')!).map((p) => p.text).join('\n')
}

const putProfile = (c: Client, yaml: string, contentType = 'text/yaml') => c.req('PUT', '/api/letter/profile', yaml, { 'content-type': contentType })

describe('GET /api/letter', () => {
  it('answers the DOCX with the unit and the total the overview API gives, marked as using the demo profile', async () => {
    const overview = (await admin.get(`/api/units/${province.code}/overview?period=${PERIOD}`)).body
    const r = await download(admin, `/api/letter?period=${PERIOD}`)
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(r.headers['content-disposition']).toContain("filename*=UTF-8''cong-van-2026-10.docx")
    expect(r.headers['content-disposition']).toMatch(/^attachment;/)
    expect(r.headers['x-chiso-profile']).toBe('demo')
    const text = docxText(r.bytes)
    expect(text).toContain(province.name)
    expect(text).toContain('TỈNH MINH SƠN')
    expect(text).toContain(`${viDecimal(overview.total)}/100`)
    expect(text).toContain('tháng 10/2026')
    // Dated today in Vietnam (27/11/2026), from the server's clock.
    expect(text).toContain('ngày 27 tháng 11 năm 2026')
  })

  it('answers the appendix as XLSX with the numbers of the overview API', async () => {
    const overview = (await admin.get(`/api/units/${districts[1].code}/overview?period=${PERIOD}`)).body
    const r = await download(admin, `/api/letter?period=${PERIOD}&unit=${districts[1].code}&format=xlsx`)
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(r.headers['content-disposition']).toContain("filename*=UTF-8''phu-luc-2026-10.xlsx")
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.bytes as unknown as ArrayBuffer)
    const sheet = wb.getWorksheet('Tổng hợp')!
    expect(sheet).toBeDefined()
    const row = sheet.getRow(8)
    const values = (row.values as unknown[]).filter((v) => v !== null && v !== undefined)
    expect(values.some((v) => typeof v === 'string' && v.includes(districts[1].name))).toBe(true)
    expect(values).toContain(overview.total)
    for (const g of overview.groups as { points: number }[]) expect(values).toContain(g.points)
  })

  it('answers a PDF converted by LibreOffice, and 503 naming libreoffice-writer when it is missing', async () => {
    const r = await download(admin, `/api/letter?period=${PERIOD}&format=pdf`)
    expect(r.status).toBe(200)
    expect(r.headers['content-type']).toBe('application/pdf')
    expect(r.headers['content-disposition']).toContain("filename*=UTF-8''cong-van-2026-10.pdf")
    expect(r.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF')
    const saved = process.env.CHISO_SOFFICE
    process.env.CHISO_SOFFICE = join(s.dir, 'khong-co-soffice')
    try {
      const missing = await download(admin, `/api/letter?period=${PERIOD}&format=pdf`)
      expect(missing.status).toBe(503)
      expect(missing.json().error).toContain('libreoffice-writer')
    } finally {
      if (saved === undefined) delete process.env.CHISO_SOFFICE
      else process.env.CHISO_SOFFICE = saved
    }
  }, 240_000)

  it('applies the access rules: 401 without a session, officer only in its scope and by default its own unit', async () => {
    expect((await download(null, `/api/letter?period=${PERIOD}`)).status).toBe(401)
    const other = await download(officer, `/api/letter?period=${PERIOD}&unit=${districts[1].code}`)
    expect(other.status).toBe(403)
    expect(other.json().error).toContain(districts[1].code)
    // The demo profile's unit is the province, out of the officer's scope: its own district.
    const own = await download(officer, `/api/letter?period=${PERIOD}`)
    expect(own.status).toBe(200)
    expect(docxText(own.bytes)).toContain(districts[0].name)
  })

  it('refuses bad parameters in Vietnamese, naming them', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/letter', 400, /^Thiếu tham số period/],
      ['/api/letter?period=2026-13', 400, /^Tham số period/],
      [`/api/letter?period=${PERIOD}&format=odt`, 400, /^Tham số format "odt" không hợp lệ; các giá trị: docx, pdf, xlsx/],
      [`/api/letter?period=${PERIOD}&unit=000.00.99.X99`, 404, /Tham số unit: không có đơn vị mã 000\.00\.99\.X99/],
      [`/api/letter?period=${PERIOD}&size=a4`, 400, /^Tham số size không được hỗ trợ/],
      ['/api/letter?period=2025', 400, /hai bộ quy tắc/],
      ['/api/letter?period=2020-01', 400, /^Tham số period: Không có bộ quy tắc/],
    ]
    for (const [url, status, msg] of cases) {
      const r = await download(admin, url)
      expect(r.status, url).toBe(status)
      expect(r.json().error, url).toMatch(msg)
    }
  })

  it('writes each download to the audit log', async () => {
    const entries = (await s.store.auditLog()).filter((e) => e.action === 'letter.downloaded')
    expect(entries.length).toBeGreaterThanOrEqual(4)
    expect(entries.some((e) => e.actor === 'quantri' && (e.details as Record<string, unknown>).format === 'xlsx' && (e.details as Record<string, unknown>).unit === districts[1].code)).toBe(true)
    expect(entries.some((e) => e.actor === 'canbo' && (e.details as Record<string, unknown>).period === PERIOD)).toBe(true)
  })
})

describe('the office profile', () => {
  const demoYaml = readFileSync(demoProfilePath(), 'utf8')

  it('GET says the demo profile is in use, with its YAML and a summary', async () => {
    const r = await viewer.get('/api/letter/profile')
    expect(r.status).toBe(200)
    expect(r.body.source).toBe('demo')
    expect(r.body.yaml).toBe(demoYaml)
    expect(r.body.profile.agency.shortName).toBe('UBND tỉnh Minh Sơn')
    expect(r.headers['x-chiso-profile']).toBe('demo')
  })

  it('PUT refuses viewers, officers, a missing CSRF token and a body that is not text', async () => {
    expect((await putProfile(viewer, demoYaml)).status).toBe(403)
    expect((await putProfile(officer, demoYaml)).status).toBe(403)
    const noCsrf = await s.app.inject({ method: 'PUT', url: '/api/letter/profile', payload: demoYaml, headers: { cookie: admin.cookie, 'content-type': 'text/yaml' } })
    expect(noCsrf.statusCode).toBe(403)
    const json = await admin.req('PUT', '/api/letter/profile', { yaml: demoYaml })
    expect(json.status).toBe(415)
    expect(json.body.error).toContain('text/yaml')
    expect((await admin.get('/api/letter/profile')).body.source).toBe('demo')
  })

  it('PUT refuses an invalid profile, naming the field, and keeps the demo one', async () => {
    const noPlace = demoYaml.replace(/^place:.*$/m, '')
    const r = await putProfile(admin, noPlace)
    expect(r.status).toBe(400)
    expect(r.body.error).toContain('trường "place"')
    const badSymbol = await putProfile(admin, demoYaml.replace('symbol: UBND-KSTT', 'symbol: ubnd kstt'), 'application/x-yaml')
    expect(badSymbol.status).toBe(400)
    expect(badSymbol.body.error).toContain('document.symbol')
    const syntax = await putProfile(admin, 'agency: [a, b\nplace: x', 'text/plain')
    expect(syntax.status).toBe(400)
    expect(syntax.body.error).toContain('cú pháp YAML')
    expect((await putProfile(admin, '   ')).status).toBe(400)
    expect((await admin.get('/api/letter/profile')).body.source).toBe('demo')
  })

  it('PUT stores a valid profile: the next letter uses it, without the demo header, and the change is audited', async () => {
    const yaml = demoYaml.replace('name: [ỦY BAN NHÂN DÂN, TỈNH MINH SƠN]', 'name: [ỦY BAN NHÂN DÂN, TỈNH THỬ NGHIỆM]').replace('shortName: UBND tỉnh Minh Sơn', 'shortName: UBND tỉnh Thử Nghiệm')
    expect(yaml).not.toBe(demoYaml)
    const r = await putProfile(admin, yaml)
    expect(r.status).toBe(200)
    expect(r.body.source).toBe('store')
    expect(await s.store.getSetting('officeProfile')).toBe(yaml)
    const got = await viewer.get('/api/letter/profile')
    expect(got.body).toMatchObject({ source: 'store', yaml, profile: { agency: { shortName: 'UBND tỉnh Thử Nghiệm' } } })
    const letter = await download(admin, `/api/letter?period=${PERIOD}`)
    expect(letter.status).toBe(200)
    expect(letter.headers['x-chiso-profile']).toBe('store')
    const text = docxText(letter.bytes)
    expect(text).toContain('TỈNH THỬ NGHIỆM')
    expect(text).toContain('UBND tỉnh Thử Nghiệm')
    expect(text).not.toContain('TỈNH MINH SƠN')
    const entry = (await s.store.auditLog()).filter((e) => e.action === 'letter.profile.updated')
    expect(entry).toHaveLength(1)
    expect(entry[0].actor).toBe('quantri')
  })
})
