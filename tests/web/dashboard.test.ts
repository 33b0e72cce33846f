/**
 * The dashboard in a real browser (Chromium through playwright-core) against the real server
 * (`buildServer`) over a real SQLite store filled with demo data (a 3-level province, 2024):
 * login with a Vietnamese error first, the overview's numbers equal the API's, the weakest
 * indicator's link leads to the same records as the API's trace (login + 1 click), ranking sorts by
 * header buttons, an export link gives a file, no request leaves the server, and screenshots of
 * the main pages at 1366×800 and 390×844 go to docs/screens/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFeedKey } from '../../src/adapters/http/feed-keys.js'
import { attrs, goByNav, PASSWORD, PHONE, SETUP_TIMEOUT, shot, startWithDistrictOfficer, vi, type WebApp } from './browser-helpers.js'

/** Browser work on a shared 2-core machine: generous per-test time. */
const SLOW = 120_000

let web: WebApp
/** The district the officer belongs to. */
let district = ''

beforeAll(async () => {
  ;({ web, district } = await startWithDistrictOfficer('chiso-web-'))
}, SETUP_TIMEOUT)

afterAll(async () => {
  await web?.close()
})

interface Overview {
  unit: { code: string; name: string }
  period: { label: string }
  total: number
  rank: number
  peers: number
  weakest: { id: string; code: string; pointsLost: number }[]
}

const province = () => web.live.current().units.units.find((u) => u.parent === null)!

describe('dashboard in Chromium', () => {
  it('logs an officer in (after a Vietnamese error) and shows the same total and rank as the API', async () => {
    await web.session(async ({ context, page, requests }) => {
      await web.login(page, 'canbo.huyen', 'sai-mat-khau-roi')
      await expect.poll(() => page.locator('#login-status').textContent()).toBe('Sai tên đăng nhập hoặc mật khẩu')
      expect(await page.locator('#login-status').getAttribute('aria-live')).toBe('polite')

      await page.getByLabel('Mật khẩu').fill(PASSWORD)
      await page.getByRole('button', { name: 'Đăng nhập' }).click()
      await page.waitForSelector('#total')
      const period = await page.locator('#period-pick').inputValue()
      expect(period).toMatch(/^\d{4}-\d{2}$/)
      const o = await web.apiGet<Overview>(context, `/api/units/${district}/overview?period=${period}`)
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
      expect(web.offServer(requests)).toEqual([])
    })
  }, SLOW)

  it('reaches the records that cost points in one click from the overview, equal to the API trace', async () => {
    await web.session(async ({ context, page }) => {
      await web.signIn(page, 'canbo.huyen', '.weakest a.trace-link')
      const period = await page.locator('#period-pick').inputValue()
      const o = await web.apiGet<Overview>(context, `/api/units/${district}/overview?period=${period}`)
      expect(o.weakest.length).toBeGreaterThan(0)
      const first = o.weakest[0]
      await shot(page, 'overview-desktop')
      await shot(page, 'overview-desktop-full', { fullPage: true })
      await page.locator('.weakest li').first().getByRole('link', { name: /Xem hồ sơ làm mất điểm/ }).click()
      await page.waitForSelector('table.trace tbody tr')
      expect(page.url()).toContain(`#/unit/${district}/trace/${first.id}`)
      const trace = await web.apiGet<{ items: { id: string }[]; all: number }>(context, `/api/units/${district}/trace?period=${period}&indicator=${first.id}&page=1&pageSize=50`)
      const traceRows = page.locator('table.trace tbody tr')
      expect(await attrs(traceRows, 'data-id')).toEqual(trace.items.map((i) => i.id))
      expect(await page.locator('.count').textContent()).toContain(vi.format(trace.all))
      // Dates are dd/MM/yyyy HH:mm (Vietnam time).
      const dates = await page.locator('table.trace td.date').allTextContents()
      expect(dates.filter((d) => d !== '—').every((d) => /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/.test(d))).toBe(true)
      await shot(page, 'drilldown-desktop')

      // The filter narrows the list through the API's q.
      const firstId = trace.items[0].id
      await page.getByLabel('Lọc theo mã hồ sơ hoặc lý do').fill(firstId)
      await page.getByRole('button', { name: 'Lọc', exact: true }).click()
      await expect.poll(() => attrs(traceRows, 'data-id')).toEqual(
        (await web.apiGet<{ items: { id: string }[] }>(context, `/api/units/${district}/trace?period=${period}&indicator=${first.id}&q=${encodeURIComponent(firstId)}&pageSize=50`)).items.map((i) => i.id)
      )

      await page.setViewportSize(PHONE)
      await page.goBack()
      await page.waitForSelector('table.trace tbody tr')
      await shot(page, 'drilldown-mobile')
    })
  }, SLOW)

  it('sorts the ranking by its header buttons and exports it as a file', async () => {
    await web.session(async ({ context, page }) => {
      await web.signIn(page, 'quantri', '#total')
      await goByNav(page, 'Xếp hạng', 'table.ranking tbody tr')
      // The period picker: November 2024 is still open on 27/11 → "Tạm tính".
      const period = '2024-11'
      await page.locator('#period-pick').selectOption(period)
      await expect.poll(() => page.locator('main .subtitle').textContent()).toBe('Tháng 11/2024 Tạm tính')
      expect(page.url()).toContain(`period=${period}`)
      // An administrator starts at the province: the ranking shows its districts.
      expect(await page.locator('#f-level').inputValue()).toBe('district')
      expect(await page.locator('#f-parent').inputValue()).toBe(province().code)
      const api = await web.apiGet<{ rows: { code: string; rank: number; total: number }[] }>(context, `/api/ranking?period=${period}&level=district&parent=${province().code}`)
      expect(api.rows.length).toBeGreaterThan(3)
      expect(await attrs(page.locator('table.ranking tbody tr'), 'data-code')).toEqual([...api.rows].sort((a, b) => a.rank - b.rank || (a.code < b.code ? -1 : 1)).map((r) => r.code))
      await shot(page, 'ranking-desktop')

      const sortBy = (key: string) => page.locator(`th button[data-sort="${key}"]`).click()
      const sortState = (key: string) => page.locator(`th:has(button[data-sort="${key}"])`).getAttribute('aria-sort')
      await sortBy('name')
      await expect.poll(() => sortState('name')).toBe('ascending')
      const names = await page.locator('table.ranking tbody th a').allTextContents()
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')))
      expect(new Set(names).size).toBe(api.rows.length)
      await sortBy('name')
      await expect.poll(() => sortState('name')).toBe('descending')
      expect(await page.locator('table.ranking tbody th a').allTextContents()).toEqual([...names].reverse())
      expect(await sortState('total')).toBe('none')

      await sortBy('total')
      await expect.poll(() => sortState('total')).toBe('descending')
      const totals = (await page.locator('table.ranking tbody td.total').allTextContents()).map((t) => Number(t.replace(/\./g, '').replace(',', '.')))
      expect(totals).toEqual([...api.rows].map((r) => r.total).sort((a, b) => b - a))

      await page.setViewportSize(PHONE)
      await shot(page, 'ranking-mobile', { top: true })

      // Export: the CSV link answers a file (Content-Disposition: attachment).
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải CSV' }).click()])
      expect(await download.failure()).toBeNull()
      expect(download.suggestedFilename()).toMatch(/\.csv$/)
    })
  }, SLOW)

  it('shows the unit page with a lazily loaded trend chart and its data table; admin starts at the province', async () => {
    await web.session(async ({ context, page, requests }) => {
      await web.signIn(page, 'quantri', '#total')
      const period = await page.locator('#period-pick').inputValue()
      expect(await page.locator('h1').textContent()).toBe(province().name)
      // The overview did not load ECharts, nor the forms of targets, planner and administration.
      expect(requests.some((u) => /trend-chart/.test(u))).toBe(false)
      expect(requests.filter((u) => /\/assets\/(targets|planner|admin|shared-forms)-/.test(u))).toEqual([])
      expect(await page.getByRole('link', { name: 'Quản trị' }).count()).toBe(1)

      await page.locator('#unit-switch').selectOption(district)
      const districtName = web.live.current().units.units.find((u) => u.code === district)!.name
      await expect.poll(() => page.locator('main h1').textContent()).toBe(districtName)
      expect(page.url()).toContain(`unit=${district}`)
      await page.getByRole('link', { name: 'Xem đủ các chỉ tiêu và xu hướng 12 tháng' }).click()
      await page.waitForSelector('#trend-chart[data-ready]')
      expect(requests.some((u) => /trend-chart/.test(u))).toBe(true)
      const ind = await web.apiGet<{ indicators: { id: string; numerator: number | null; pointsLost: number | null }[] }>(context, `/api/units/${district}/indicators?period=${period}`)
      const rows = await attrs(page.locator('table.indicators tbody tr[data-indicator]'), 'data-indicator')
      expect(rows.sort()).toEqual(ind.indicators.map((i) => i.id).sort())
      const lost = ind.indicators.find((i) => (i.pointsLost ?? 0) > 0)!
      expect(await page.locator(`tr[data-indicator="${lost.id}"] a.lost`).getAttribute('href')).toBe(`#/unit/${district}/trace/${lost.id}?period=${period}`)
      // The chart's accessible alternative: a table with one row per month.
      expect(await page.locator('details.table-alt tbody tr').count()).toBe(12)
      await shot(page, 'unit-desktop')
      await shot(page, 'unit-desktop-full', { fullPage: true })

      // The numerator of 2.1 opens the records it counts (the dossiers done on time), as the API lists them.
      await page.locator('tr[data-indicator="2.1"] td[data-label="Tử số"] a').click()
      await page.waitForSelector('table.trace tbody tr')
      expect(await page.locator('main h1').textContent()).toContain('Hồ sơ được tính vào tử số')
      const counted = await web.apiGet<{ all: number; items: { id: string }[] }>(context, `/api/units/${district}/trace?period=${period}&indicator=2.1&side=counted&pageSize=50`)
      expect(counted.all).toBe(ind.indicators.find((i) => i.id === '2.1')!.numerator)
      expect(await attrs(page.locator('table.trace tbody tr'), 'data-id')).toEqual(counted.items.map((i) => i.id))
      await page.getByRole('link', { name: 'Xem bản ghi làm mất điểm' }).click()
      await expect.poll(() => page.locator('main h1').textContent()).toContain('Hồ sơ làm mất điểm')
      await page.goBack()
      await page.goBack()
      await page.waitForSelector('#trend-chart[data-ready]')

      await page.setViewportSize(PHONE)
      await web.open(page, `/?period=${period}&unit=${district}`)
      await page.waitForSelector('#total')
      await shot(page, 'overview-mobile')
      // On a phone the navigation folds behind "Danh mục".
      const menu = page.getByRole('button', { name: 'Danh mục' })
      const rankingLink = page.locator('#main-nav').getByRole('link', { name: 'Xếp hạng', exact: true })
      expect(await rankingLink.isVisible()).toBe(false)
      await menu.click()
      expect(await menu.getAttribute('aria-expanded')).toBe('true')
      expect(await rankingLink.isVisible()).toBe(true)
      await shot(page, 'menu-mobile')
      await web.open(page, `/unit/${district}?period=${period}`)
      await page.waitForSelector('#trend-chart[data-ready]')
      await shot(page, 'unit-mobile')
      expect(web.offServer(requests)).toEqual([])
    })
  }, SLOW)

  it('finds a procedure and shows its numbers unit by unit, as the API does', async () => {
    await web.session(async ({ context, page }) => {
      await web.signIn(page, 'quantri', '#total')
      await goByNav(page, 'Thủ tục', 'main table tbody tr')
      const period = await page.locator('#period-pick').inputValue()
      const list = await web.apiGet<{ procedures: { code: string; name: string }[] }>(context, '/api/procedures?limit=50')
      const top = list.procedures[0]
      await page.getByLabel('Tên hoặc mã thủ tục').fill(top.code)
      await page.getByRole('button', { name: 'Tìm', exact: true }).click()
      await expect.poll(() => page.locator('main table tbody th a').allTextContents()).toEqual(
        (await web.apiGet<{ procedures: { name: string }[] }>(context, `/api/procedures?q=${encodeURIComponent(top.code)}&limit=50`)).procedures.map((p) => p.name)
      )
      await page.locator('main table tbody th a', { hasText: top.name }).first().click()
      await page.waitForSelector('table.proc tbody tr')
      const view = await web.apiGet<{ rows: { name: string }[] }>(context, `/api/procedures/${encodeURIComponent(top.code)}?period=${period}`)
      expect(await page.locator('table.proc tbody th a').allTextContents()).toEqual(view.rows.map((r) => r.name))
      expect(await page.locator('main h1').textContent()).toBe(top.name)
    })
  }, SLOW)

  // Directive targets: their browser tests are in targets-planner-admin.test.ts (same helpers,
  // from browser-helpers.ts).

  it('tells an open page that newer numbers arrived through the feed, and redraws them on request', async () => {
    await web.session(async ({ context, page }) => {
      // The page's timers run on a clock the test moves (the check happens every 60 s).
      await page.clock.install()
      await web.signIn(page, 'canbo.huyen', '#total')
      const period = '2024-11'
      await web.open(page, `/?period=${period}&unit=${district}`)
      await page.waitForSelector('#total [data-value]')
      const before = await web.apiGet<{ total: number }>(context, `/api/units/${district}/overview?period=${period}`)
      expect(await page.locator('#data-updates').isHidden()).toBe(true)

      // A dossier pushed by the one-stop-shop system, as in production (API key, DongBoHoSoMC).
      const { key } = await createFeedKey(web.store, 'Một cửa (thử nghiệm)', null)
      const proc = web.live.current().procedures[0].code
      const push = await context.request.post(`${web.base}/dvcqg/DongBoHoSoMC`, {
        headers: { 'X-API-Key': key },
        data: [{ MaHoSo: `${district}-241120-9999`, MaTTHC: proc, TenTTHC: 'Thủ tục thử', KenhThucHien: '2', NgayTiepNhan: '20241120090000', NgayHenTra: '20241121170000', TrangThaiHoSo: '4', MaDonVi: district, DongBoDVCQG: '1' }],
      })
      expect(push.status(), await push.text()).toBe(200)

      await page.clock.runFor(61_000)
      await expect.poll(() => page.locator('#data-updates').textContent()).toContain('Có số liệu mới từ lúc mở trang (1 thay đổi)')
      expect(await page.locator('#data-updates').getAttribute('role')).toBe('status')
      // Nothing was redrawn under the user's eyes: the total on screen is still the old one.
      expect(Number(await page.locator('#total [data-value]').getAttribute('data-value'))).toBe(before.total)

      await page.getByRole('button', { name: 'Cập nhật số liệu' }).click()
      const after = await web.apiGet<{ total: number }>(context, `/api/units/${district}/overview?period=${period}`)
      expect(after.total).not.toBe(before.total)
      await expect.poll(() => page.locator('#total [data-value]').getAttribute('data-value')).toBe(String(after.total))
      expect(await page.locator('#data-updates').isHidden()).toBe(true)
    })
  }, SLOW)

})
