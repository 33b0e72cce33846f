/**
 * Accessibility of the dashboard in a real browser (Chromium through playwright-core) against the
 * real server over a real SQLite store with demo data: axe-core (injected from node_modules, no
 * network) with the WCAG 2.0/2.1 A and AA rules on every page — login, overview, ranking, unit,
 * drill-down, procedures (search and one procedure), targets (list, form with the API's errors,
 * one target), planner, administration (its four tabs) — at 1366×800 and 390×844, with no
 * violation of impact "serious" or "critical"; and the keyboard: skip link first, login with
 * Enter, the overview's "Xem hồ sơ làm mất điểm" links reached with Tab.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DESKTOP, PASSWORD, PHONE, SETUP_TIMEOUT, shot, startWithDistrictOfficer, type WebApp } from './browser-helpers.js'

/** Browser work on a shared 2-core machine: generous per-test time. */
const SLOW = 240_000
/** A closed month of the demo data. */
const PERIOD = '2024-10'
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']
/** axe-core itself, from node_modules (evaluated in the page: not subject to the page's CSP). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let web: WebApp
let district = ''

beforeAll(async () => {
  ;({ web, district } = await startWithDistrictOfficer('chiso-web-a11y-'))
}, SETUP_TIMEOUT)

afterAll(async () => {
  await web?.close()
})

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/** What axe found on one page: the rules it checked and the violations, one line per node. */
interface Audit {
  /** Rules that passed (proof that axe ran the WCAG rules on a real page). */
  passed: number
  /** Serious and critical violations. */
  serious: string[]
  /** Moderate and minor violations (reported, not failing). */
  other: string[]
}

/** Run axe on the page as it is now. */
async function audit(page: Page, name: string): Promise<Audit> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE)
  const r = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(TAGS)} } }).then((r) => ({ passed: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) })) }))`
  )) as { passed: number; violations: AxeViolation[] }
  const lines = (vs: AxeViolation[]) =>
    vs.flatMap((v) => v.nodes.map((n) => `${name}: ${v.id} [${v.impact}] ${JSON.stringify(n.target)} — ${v.help} (${(n.failureSummary ?? '').replace(/\s+/g, ' ')})`))
  const bad = (v: AxeViolation) => v.impact === 'serious' || v.impact === 'critical'
  return { passed: r.passed, serious: lines(r.violations.filter(bad)), other: lines(r.violations.filter((v) => !bad(v))) }
}

/** The page has finished drawing: `ready` is there and main is no longer busy. */
async function settle(page: Page, ready: string): Promise<void> {
  await page.waitForSelector(ready)
  await page.waitForSelector('main#main:not([aria-busy])')
}

/** A target to look at (made through the API by the administrator). */
async function makeTarget(page: Page): Promise<string> {
  const context = page.context()
  const { csrfToken } = await web.apiGet<{ csrfToken: string }>(context, '/api/session')
  const r = await context.request.post(`${web.base}/api/targets`, {
    headers: { 'X-CSRF-Token': csrfToken },
    data: { name: 'Tỷ lệ hồ sơ trực tuyến (kiểm tra trợ năng)', subject: { kind: 'indicator', code: '3.3' }, threshold: 0.52, units: [district], includeSubUnits: true, from: '2024-01', to: null, source: 'Công văn số 1/UBND' },
  })
  expect(r.status(), await r.text()).toBe(201)
  return ((await r.json()) as { target: { id: string } }).target.id
}

/** Every page of the dashboard at one viewport: the serious and critical violations found. */
async function auditAll(viewport: { width: number; height: number }, label: string): Promise<{ serious: string[]; other: string[]; pages: number }> {
  const serious: string[] = []
  const other: string[] = []
  let pages = 0
  const record = async (page: Page, name: string) => {
    const a = await audit(page, name)
    expect(a.passed, `${name}: axe checked no rule`).toBeGreaterThan(10)
    serious.push(...a.serious)
    other.push(...a.other)
    pages++
  }
  const { context, page } = await web.newContext(viewport)
  try {
    const check = async (name: string, route: string, ready: string) => {
      await web.open(page, route)
      await settle(page, ready)
      await record(page, `${label} ${name} (#${route})`)
    }
    await page.goto(`${web.base}/#/login`)
    await settle(page, 'form.login-form')
    await record(page, `${label} login`)
    // The login page with the API's error in its live region.
    await web.login(page, 'quantri', 'sai-mat-khau')
    await expect.poll(() => page.locator('#login-status').textContent()).toBe('Sai tên đăng nhập hoặc mật khẩu')
    await record(page, `${label} login (error)`)
    await page.getByLabel('Mật khẩu').fill(PASSWORD)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.waitForSelector('#total')

    const weakest = (await web.apiGet<{ weakest: { id: string }[] }>(context, `/api/units/${district}/overview?period=${PERIOD}`)).weakest
    expect(weakest.length).toBeGreaterThan(0)
    const procedure = (await web.apiGet<{ procedures: { code: string }[] }>(context, '/api/procedures?limit=5')).procedures[0].code
    const targetId = await makeTarget(page)

    await check('overview', `/?period=${PERIOD}&unit=${district}`, '.weakest a.trace-link')
    await check('ranking', `/ranking?period=${PERIOD}`, 'table.ranking tbody tr')
    await check('unit', `/unit/${district}?period=${PERIOD}`, '#trend-chart[data-ready]')
    await check('drill-down', `/unit/${district}/trace/${weakest[0].id}?period=${PERIOD}`, 'table.trace tbody tr')
    await check('procedures', `/procedures?period=${PERIOD}`, 'main table tbody tr')
    await check('procedure', `/procedure/${encodeURIComponent(procedure)}?period=${PERIOD}`, 'table.proc tbody tr')
    await check('targets', `/targets?period=${PERIOD}`, `#targets-table tr[data-id="${targetId}"]`)
    await check('target form', `/targets?period=${PERIOD}&new=1`, '#new-name')
    if (viewport === DESKTOP) {
      // The months in Vietnamese ("Tháng 01/2024"), never the browser's English month names.
      const form = page.locator('#target-form-section')
      expect(await form.locator('input[type="month"]').count()).toBe(0)
      expect(await page.getByLabel('Từ kỳ').inputValue()).toBe('2024-01')
      expect(await page.getByLabel('Từ kỳ').locator('option:checked').textContent()).toBe('Tháng 01/2024')
      expect(await page.getByLabel('Đến kỳ').locator('option:checked').textContent()).toBe('Không thời hạn')
      expect(await page.getByLabel('Đến kỳ').locator('optgroup[label="Năm 2024"] option').allTextContents()).toEqual(Array.from({ length: 12 }, (_, i) => `Tháng ${String(i + 1).padStart(2, '0')}/2024`))
      expect(await form.textContent()).not.toMatch(/January|February|March|April|May|June|July|August|September|October|November|December/)
      await page.getByLabel('Đến kỳ').scrollIntoViewIfNeeded()
      await shot(page, 'targets-months-desktop')
    }
    // The form with the API's errors: fields marked invalid, the list of errors.
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click()
    await expect.poll(() => page.locator('#new-status').textContent()).toContain('Trường name')
    await record(page, `${label} target form (errors)`)
    await check('target', `/targets/${targetId}?period=${PERIOD}`, 'table.compliance-table tbody tr')
    await page.getByRole('button', { name: 'Sửa chỉ tiêu' }).click()
    await page.waitForSelector('#edit-name')
    await record(page, `${label} target (edit form)`)
    await check('planner', `/plan/${district}?period=${PERIOD}`, '#sim-summary #sim-total')
    await check('admin users', '/admin?tab=users', 'table.users tbody tr')
    await check('admin keys', '/admin?tab=keys', '#tab-keys form')
    await check('admin imports', '/admin?tab=imports', 'table.runs tbody tr')
    await check('admin audit', '/admin?tab=audit', 'table.audit tbody tr')
    if (viewport.width < 640) {
      // The folded navigation, opened.
      await page.getByRole('button', { name: 'Danh mục' }).click()
      await record(page, `${label} menu opened`)
    }
  } finally {
    await context.close()
  }
  return { serious, other, pages }
}

describe('accessibility (axe-core, WCAG 2.1 A/AA) in Chromium', () => {
  it('reports violations planted in the page (the check can fail)', async () => {
    await web.session(async ({ page }) => {
      await page.goto(`${web.base}/#/login`)
      await settle(page, 'form.login-form')
      await page.evaluate(`(() => {
        const main = document.getElementById('main')
        const input = document.createElement('input')
        input.id = 'planted-input'
        const pale = document.createElement('p')
        pale.id = 'planted-pale'
        pale.textContent = 'Chữ nhạt trên nền trắng'
        pale.style.color = '#c8c8c8'
        pale.style.background = '#ffffff'
        main.append(input, pale)
      })()`)
      const a = await audit(page, 'planted')
      expect(a.serious.some((l) => l.includes('label [critical]') && l.includes('#planted-input'))).toBe(true)
      expect(a.serious.some((l) => l.includes('color-contrast [serious]') && l.includes('#planted-pale'))).toBe(true)
    })
  }, SLOW)

  it('finds no serious or critical violation on any page at 1366×800', async () => {
    const { serious, other, pages } = await auditAll(DESKTOP, 'desktop')
    if (other.length) console.info(`Moderate or minor (not failing):\n${other.join('\n')}`)
    expect(pages).toBe(18)
    expect(serious, `\n${serious.join('\n')}\n`).toEqual([])
  }, SLOW)

  it('finds no serious or critical violation on any page at 390×844', async () => {
    const { serious, other, pages } = await auditAll(PHONE, 'phone')
    if (other.length) console.info(`Moderate or minor (not failing):\n${other.join('\n')}`)
    expect(pages).toBe(19)
    expect(serious, `\n${serious.join('\n')}\n`).toEqual([])
  }, SLOW)

  it('works with the keyboard: skip link first, login with Enter, the weakest indicators\' links reached by Tab', async () => {
    await web.session(async ({ page }) => {
      await page.goto(`${web.base}/#/login`)
      await page.waitForSelector('form.login-form')
      // Nothing is focused on arrival: the first Tab goes to the skip link.
      expect(await page.evaluate('document.activeElement === document.body')).toBe(true)
      await page.keyboard.press('Tab')
      expect(await page.evaluate('document.activeElement.textContent')).toBe('Bỏ qua, đến nội dung chính')
      expect(await page.evaluate('document.activeElement.className')).toBe('skip-link')
      // The skip link is visible once focused.
      expect(await page.locator('.skip-link').isVisible()).toBe(true)
      const box = await page.locator('.skip-link').boundingBox()
      expect(box && box.y >= 0 && box.height > 0).toBe(true)
      // Enter on it moves the focus into the main content.
      await page.keyboard.press('Enter')
      expect(await page.evaluate('document.getElementById("main").contains(document.activeElement)')).toBe(true)

      // The form, with the keyboard only: Tab to the user name, type, Tab, type, Enter.
      for (let i = 0; i < 10 && (await page.evaluate('document.activeElement.id')) !== 'username'; i++) await page.keyboard.press('Tab')
      expect(await page.evaluate('document.activeElement.id')).toBe('username')
      await page.keyboard.type('canbo.huyen')
      await page.keyboard.press('Tab')
      expect(await page.evaluate('document.activeElement.id')).toBe('password')
      await page.keyboard.type(PASSWORD)
      await page.keyboard.press('Enter')
      await page.waitForSelector('.weakest a.trace-link')
      await page.waitForSelector('main#main:not([aria-busy])')

      // From the top of the page, Tab reaches every "Xem hồ sơ làm mất điểm" link, in order.
      const links = await page.locator('.weakest a.trace-link').count()
      expect(links).toBeGreaterThan(0)
      await page.evaluate('document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)')
      const reached: string[] = []
      for (let i = 0; i < 80 && reached.length < links; i++) {
        await page.keyboard.press('Tab')
        const focused = (await page.evaluate('document.activeElement.matches(".weakest a.trace-link") ? document.activeElement.getAttribute("href") : null')) as string | null
        if (focused) reached.push(focused)
      }
      expect(reached).toEqual(await page.locator('.weakest a.trace-link').evaluateAll((els) => els.map((e) => e.getAttribute('href'))))
      expect(await page.locator('.weakest a.trace-link').first().textContent()).toContain('Xem hồ sơ làm mất điểm')
      // Enter on the focused (last) link opens the records.
      await page.keyboard.press('Enter')
      await page.waitForSelector('table.trace tbody tr')
      expect(page.url()).toContain(`#/unit/${district}/trace/`)
    })
  }, SLOW)
})
