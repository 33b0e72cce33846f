/**
 * The dashboard in a real browser (Chromium through playwright-core) against the real server
 * (`buildServer`) over a real SQLite store filled with demo data (a 3-level province, 2024):
 * login with a Vietnamese error first, the overview's numbers equal the API's, the weakest
 * indicator's link leads to the same records as the API's trace (login + 1 click), ranking sorts by
 * header buttons, an export link gives a file, no request leaves the server, and screenshots of
 * the main pages at 1366×800 and 390×844 go to docs/screens/.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { build } from 'vite'
import { loadWorkingCalendar } from '../../src/adapters/calendar-file/load-calendar.js'
import { writeDemoData } from '../../src/adapters/demo/demo-data.js'
import { createUser } from '../../src/adapters/http/auth/users.js'
import { buildServer } from '../../src/adapters/http/server.js'
import { storeIngestor } from '../../src/adapters/http/store-ingestor.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { importDataDir } from '../../src/adapters/store/import-run.js'
import { loadPreparedFromStore } from '../../src/adapters/store/load-prepared.js'
import { openStore, type Store } from '../../src/adapters/store/store.js'
import { LiveData } from '../../src/engine/live/live-data.js'

/** Browser work on a shared 2-core machine: generous per-test time. */
const SLOW = 120_000

const cal = loadWorkingCalendar()
/** The data are taken on 27/11/2024, 17:00 (Vietnam): November is still open (tạm tính). */
const asOf = Date.parse('2024-11-27T17:00:00+07:00')
const PASSWORD = 'mat-khau-thu-nghiem-1'
const SCREENS = resolve('docs/screens')

let store: Store
let app: FastifyInstance
let live: LiveData
let browser: Browser
let base = ''
/** The district the officer belongs to. */
let district = ''

const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })

const launch = () =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  })

/** A browser context whose every request is recorded (to prove nothing leaves the server). */
async function newContext(viewport = { width: 1366, height: 800 }): Promise<{ context: BrowserContext; page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
  const page = await context.newPage()
  const requests: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  return { context, page, requests }
}

async function login(page: Page, username: string, password = PASSWORD): Promise<void> {
  await page.goto(`${base}/#/`)
  await page.waitForSelector('form.login-form')
  await page.getByLabel('Tên đăng nhập').fill(username)
  await page.getByLabel('Mật khẩu').fill(password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
}

/** GET an API route with the page's session cookie. */
async function apiGet<T>(context: BrowserContext, path: string): Promise<T> {
  const r = await context.request.get(`${base}${path}`)
  expect(r.status(), `${path}: ${await r.text()}`).toBe(200)
  return (await r.json()) as T
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENS, `${name}.png`) })
}

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-web-'))
  // The dashboard, built from web/ into a folder of this test only (the working tree may be rebuilt meanwhile).
  await build({ configFile: resolve('web/vite.config.ts'), logLevel: 'warn', build: { outDir: join(dir, 'web'), emptyOutDir: true } })
  process.env.CHISO_WEB_DIR = join(dir, 'web')

  await writeDemoData(join(dir, 'data'), { dossiers: 4000, seed: 11, levels: 3, year: 2024, until: '2024-11-27' })
  store = await openStore(join(dir, 'chiso.db'))
  await importDataDir(store, join(dir, 'data'))
  const { prepared } = await loadPreparedFromStore(store, cal)
  const ruleSets = loadRuleSets()
  live = new LiveData(prepared, cal, ruleSets)
  const units = live.current().units.units
  district = units.find((u) => u.level === 'district')!.code
  const known = (code: string) => live.current().units.byCode.has(code)
  await createUser(store, { username: 'quantri', displayName: 'Quản trị tỉnh', role: 'admin', password: PASSWORD }, 'test', known)
  await createUser(store, { username: 'canbo.huyen', displayName: 'Nguyễn Thị Hòa', role: 'officer', unitCode: district, password: PASSWORD }, 'test', known)
  app = buildServer({ live, ingest: storeIngestor(store), calendar: cal, ruleSets, store, now: () => asOf })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  browser = await launch()
  mkdirSync(SCREENS, { recursive: true })
}, 240_000)

afterAll(async () => {
  await browser?.close()
  await app?.close()
  await store?.close()
})

interface Overview {
  unit: { code: string; name: string }
  period: { label: string }
  total: number
  rank: number
  peers: number
  weakest: { id: string; code: string; pointsLost: number }[]
}

describe('dashboard in Chromium', () => {
  it('logs an officer in (after a Vietnamese error) and shows the same total and rank as the API', async () => {
    const { context, page, requests } = await newContext()
    try {
      await login(page, 'canbo.huyen', 'sai-mat-khau-roi')
      await expect.poll(() => page.locator('#login-status').textContent()).toBe('Sai tên đăng nhập hoặc mật khẩu')
      expect(await page.locator('#login-status').getAttribute('aria-live')).toBe('polite')

      await page.getByLabel('Mật khẩu').fill(PASSWORD)
      await page.getByRole('button', { name: 'Đăng nhập' }).click()
      await page.waitForSelector('#total')
      const period = await page.locator('#period-pick').inputValue()
      expect(period).toMatch(/^\d{4}-\d{2}$/)
      const o = await apiGet<Overview>(context, `/api/units/${district}/overview?period=${period}`)
      expect(o.unit.code).toBe(district)
      expect(await page.locator('h1').textContent()).toBe(o.unit.name)
      expect(await page.locator('#total [data-value]').textContent()).toBe(vi.format(o.total))
      expect(await page.locator('#rank').textContent()).toBe(`${o.rank}/${o.peers}`)
      expect(await page.locator('.user-name').textContent()).toContain('Nguyễn Thị Hòa')
      // The officer's ranking: their own row is marked, with the same rank.
      await page.getByRole('link', { name: 'Xem bảng xếp hạng' }).click()
      await page.waitForSelector('table.ranking tr.own')
      expect(await page.locator('tr.own').getAttribute('data-code')).toBe(district)
      expect(await page.locator('tr.own td').first().textContent()).toBe(`${o.rank}/${o.peers}`)
      // Every request went to this server.
      expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:'))).toEqual([])
    } finally {
      await context.close()
    }
  }, SLOW)

  it('reaches the records that cost points in one click from the overview, equal to the API trace', async () => {
    const { context, page } = await newContext()
    try {
      await login(page, 'canbo.huyen')
      await page.waitForSelector('.weakest a.trace-link')
      const period = await page.locator('#period-pick').inputValue()
      const o = await apiGet<Overview>(context, `/api/units/${district}/overview?period=${period}`)
      expect(o.weakest.length).toBeGreaterThan(0)
      const first = o.weakest[0]
      await shot(page, 'overview-desktop')
      await page.screenshot({ path: join(SCREENS, 'overview-desktop-full.png'), fullPage: true })
      await page.locator('.weakest li').first().getByRole('link', { name: /Xem hồ sơ làm mất điểm/ }).click()
      await page.waitForSelector('table.trace tbody tr')
      expect(page.url()).toContain(`#/unit/${district}/trace/${first.id}`)
      const trace = await apiGet<{ items: { id: string }[]; all: number }>(context, `/api/units/${district}/trace?period=${period}&indicator=${first.id}&page=1&pageSize=50`)
      const ids = await page.locator('table.trace tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))
      expect(ids).toEqual(trace.items.map((i) => i.id))
      expect(await page.locator('.count').textContent()).toContain(vi.format(trace.all))
      // Dates are dd/MM/yyyy HH:mm (Vietnam time).
      const dates = await page.locator('table.trace td.date').allTextContents()
      expect(dates.filter((d) => d !== '—').every((d) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(d))).toBe(true)
      await shot(page, 'drilldown-desktop')

      // The filter narrows the list through the API's q.
      const firstId = trace.items[0].id
      await page.getByLabel('Lọc theo mã hồ sơ hoặc lý do').fill(firstId)
      await page.getByRole('button', { name: 'Lọc', exact: true }).click()
      await expect.poll(() => page.locator('table.trace tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual(
        (await apiGet<{ items: { id: string }[] }>(context, `/api/units/${district}/trace?period=${period}&indicator=${first.id}&q=${encodeURIComponent(firstId)}&pageSize=50`)).items.map((i) => i.id)
      )

      await page.setViewportSize({ width: 390, height: 844 })
      await page.goBack()
      await page.waitForSelector('table.trace tbody tr')
      await shot(page, 'drilldown-mobile')
    } finally {
      await context.close()
    }
  }, SLOW)

  it('sorts the ranking by its header buttons and exports it as a file', async () => {
    const { context, page } = await newContext()
    try {
      await login(page, 'quantri')
      await page.waitForSelector('#total')
      await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Xếp hạng' }).click()
      await page.waitForSelector('table.ranking tbody tr')
      // The period picker: November 2024 is still open on 27/11 → "Tạm tính".
      const period = '2024-11'
      await page.locator('#period-pick').selectOption(period)
      await expect.poll(() => page.locator('main .subtitle').textContent()).toBe('Tháng 11/2024 Tạm tính')
      expect(page.url()).toContain(`period=${period}`)
      const province = live.current().units.units.find((u) => u.parent === null)!.code
      // An administrator starts at the province: the ranking shows its districts.
      expect(await page.locator('#f-level').inputValue()).toBe('district')
      expect(await page.locator('#f-parent').inputValue()).toBe(province)
      const api = await apiGet<{ rows: { code: string; rank: number; total: number }[] }>(context, `/api/ranking?period=${period}&level=district&parent=${province}`)
      expect(api.rows.length).toBeGreaterThan(3)
      const codes = () => page.locator('table.ranking tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')))
      expect(await codes()).toEqual([...api.rows].sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : 1)).map((r) => r.code))
      await shot(page, 'ranking-desktop')

      await page.locator('th button[data-sort="name"]').click()
      await expect.poll(() => page.locator('th:has(button[data-sort="name"])').getAttribute('aria-sort')).toBe('ascending')
      const names = await page.locator('table.ranking tbody th a').allTextContents()
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')))
      expect(new Set(names).size).toBe(api.rows.length)
      await page.locator('th button[data-sort="name"]').click()
      await expect.poll(() => page.locator('th:has(button[data-sort="name"])').getAttribute('aria-sort')).toBe('descending')
      expect(await page.locator('table.ranking tbody th a').allTextContents()).toEqual([...names].reverse())
      expect(await page.locator('th:has(button[data-sort="total"])').getAttribute('aria-sort')).toBe('none')

      await page.locator('th button[data-sort="total"]').click()
      await expect.poll(() => page.locator('th:has(button[data-sort="total"])').getAttribute('aria-sort')).toBe('descending')
      const totals = (await page.locator('table.ranking tbody td.total').allTextContents()).map((t) => Number(t.replace(/\./g, '').replace(',', '.')))
      expect(totals).toEqual([...api.rows].map((r) => r.total).sort((a, b) => b - a))

      await page.setViewportSize({ width: 390, height: 844 })
      await page.evaluate('window.scrollTo(0, 0)')
      await shot(page, 'ranking-mobile')

      // Export: the CSV link answers a file (Content-Disposition: attachment).
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải CSV' }).click()])
      expect(await download.failure()).toBeNull()
      expect(download.suggestedFilename()).toMatch(/\.csv$/)
    } finally {
      await context.close()
    }
  }, SLOW)

  it('shows the unit page with a lazily loaded trend chart and its data table; admin starts at the province', async () => {
    const { context, page, requests } = await newContext()
    try {
      await login(page, 'quantri')
      await page.waitForSelector('#total')
      const period = await page.locator('#period-pick').inputValue()
      const province = live.current().units.units.find((u) => u.parent === null)!
      expect(await page.locator('h1').textContent()).toBe(province.name)
      // The overview did not load ECharts.
      expect(requests.some((u) => /trend-chart/.test(u))).toBe(false)
      expect(await page.getByRole('link', { name: 'Quản trị' }).count()).toBe(1)

      await page.locator('#unit-switch').selectOption(district)
      const districtName = live.current().units.units.find((u) => u.code === district)!.name
      await expect.poll(() => page.locator('main h1').textContent()).toBe(districtName)
      expect(page.url()).toContain(`unit=${district}`)
      await page.getByRole('link', { name: 'Xem đủ các chỉ tiêu và xu hướng 12 tháng' }).click()
      await page.waitForSelector('#trend-chart[data-ready]')
      expect(requests.some((u) => /trend-chart/.test(u))).toBe(true)
      const ind = await apiGet<{ indicators: { id: string; numerator: number | null; pointsLost: number | null }[] }>(context, `/api/units/${district}/indicators?period=${period}`)
      const rows = await page.locator('table.indicators tbody tr[data-indicator]').evaluateAll((trs) => trs.map((r) => r.getAttribute('data-indicator')))
      expect(rows.sort()).toEqual(ind.indicators.map((i) => i.id).sort())
      const lost = ind.indicators.find((i) => (i.pointsLost ?? 0) > 0)!
      expect(await page.locator(`tr[data-indicator="${lost.id}"] a.lost`).getAttribute('href')).toBe(`#/unit/${district}/trace/${lost.id}?period=${period}`)
      // The chart's accessible alternative: a table with one row per month.
      expect(await page.locator('details.table-alt tbody tr').count()).toBe(12)
      await shot(page, 'unit-desktop')
      await page.screenshot({ path: join(SCREENS, 'unit-desktop-full.png'), fullPage: true })

      await page.setViewportSize({ width: 390, height: 844 })
      await page.goto(`${base}/#/?period=${period}&unit=${district}`)
      await page.waitForSelector('#total')
      await shot(page, 'overview-mobile')
      // On a phone the navigation folds behind "Danh mục".
      const menu = page.getByRole('button', { name: 'Danh mục' })
      expect(await page.locator('#main-nav').getByRole('link', { name: 'Xếp hạng', exact: true }).isVisible()).toBe(false)
      await menu.click()
      expect(await menu.getAttribute('aria-expanded')).toBe('true')
      expect(await page.locator('#main-nav').getByRole('link', { name: 'Xếp hạng', exact: true }).isVisible()).toBe(true)
      await shot(page, 'menu-mobile')
      await page.goto(`${base}/#/unit/${district}?period=${period}`)
      await page.waitForSelector('#trend-chart[data-ready]')
      await shot(page, 'unit-mobile')
      expect(requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:'))).toEqual([])
    } finally {
      await context.close()
    }
  }, SLOW)

  it('finds a procedure and shows its numbers unit by unit, as the API does', async () => {
    const { context, page } = await newContext()
    try {
      await login(page, 'quantri')
      await page.waitForSelector('#total')
      await page.getByRole('navigation', { name: 'Chức năng chính' }).getByRole('link', { name: 'Thủ tục' }).click()
      await page.waitForSelector('main table tbody tr')
      const period = await page.locator('#period-pick').inputValue()
      const list = await apiGet<{ procedures: { code: string; name: string }[] }>(context, '/api/procedures?limit=50')
      const top = list.procedures[0]
      await page.getByLabel('Tên hoặc mã thủ tục').fill(top.code)
      await page.getByRole('button', { name: 'Tìm', exact: true }).click()
      await expect.poll(() => page.locator('main table tbody th a').allTextContents()).toEqual(
        (await apiGet<{ procedures: { name: string }[] }>(context, `/api/procedures?q=${encodeURIComponent(top.code)}&limit=50`)).procedures.map((p) => p.name)
      )
      await page.locator('main table tbody th a', { hasText: top.name }).first().click()
      await page.waitForSelector('table.proc tbody tr')
      const view = await apiGet<{ rows: { name: string }[] }>(context, `/api/procedures/${encodeURIComponent(top.code)}?period=${period}`)
      expect(await page.locator('table.proc tbody th a').allTextContents()).toEqual(view.rows.map((r) => r.name))
      expect(await page.locator('main h1').textContent()).toBe(top.name)
    } finally {
      await context.close()
    }
  }, SLOW)

  // Directive targets: the browser test that creates a target on #/targets is added here by the
  // targets work (it reuses newContext(), login() and apiGet() above).
})
