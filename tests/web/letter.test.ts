/**
 * The monthly letter in a real browser (Chromium through playwright-core) against the real server
 * over a real SQLite store with demo data (3-level province, 2024): the overview's "Công văn tháng"
 * box downloads the DOCX (a download named cong-van-2024-10.docx that states the overview's total)
 * and warns that the demo office profile is in use; the administrator's "Hồ sơ cơ quan" tab shows
 * the API's error for an invalid profile, then saves a valid one, and the next downloaded letter
 * carries the new agency name while the warning is gone.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoProfilePath, viDecimal } from '../../src/adapters/reports/monthly-letter/index.js'
import { paragraphs, unzip } from '../reports/ooxml.js'
import { SETUP_TIMEOUT, shot, startWebApp, type WebApp } from './browser-helpers.js'

const SLOW = 150_000
/** A closed month of the demo data (the overview opens on it). */
const PERIOD = '2024-10'

let web: WebApp
let province = { code: '', name: '' }

beforeAll(async () => {
  web = await startWebApp('chiso-web-letter-', (units) => {
    const root = units.find((u) => u.parent === null)!
    province = { code: root.code, name: root.name }
    return [{ username: 'quantri', displayName: 'Quản trị tỉnh', role: 'admin' }]
  })
}, SETUP_TIMEOUT)

afterAll(async () => {
  await web?.close()
})

/** axe-core (evaluated in the page), WCAG 2.1 A/AA, as tests/web/a11y.test.ts runs it. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Serious and critical axe violations of the page as it is now (one line per node). */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(AXE_SOURCE)
  const r = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => ({ passed: r.passes.length, violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) })) }))`
  )) as { passed: number; violations: { id: string; impact: string | null; nodes: string[] }[] }
  expect(r.passed).toBeGreaterThan(10)
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').flatMap((v) => v.nodes.map((n) => `${v.id} ${n}`))
}

/** Click the overview's "Công văn (.docx)" link; the file's name and its paragraphs' text. */
async function downloadDocx(page: Page): Promise<{ name: string; text: string }> {
  const box = page.getByRole('region', { name: `Công văn tháng 10/2024` })
  const [download] = await Promise.all([page.waitForEvent('download'), box.getByRole('link', { name: 'Công văn (.docx)' }).click()])
  const path = await download.path()
  return { name: download.suggestedFilename(), text: paragraphs(unzip(path).get('word/document.xml')!).map((p) => p.text).join('\n') }
}

describe('the monthly letter in Chromium', () => {
  it('downloads the letter from the overview and warns that the demo profile is in use', async () => {
    await web.session(async ({ context, page }) => {
      await web.openAs(page, 'quantri', `/?period=${PERIOD}`, '#letter-title')
      const overview = await web.apiGet<{ total: number }>(context, `/api/units/${province.code}/overview?period=${PERIOD}`)
      await expect(page.locator('#letter-title').textContent()).resolves.toBe('Công văn tháng 10/2024')
      await page.waitForSelector('section.letter[data-profile="demo"]')
      await expect(page.locator('#letter-demo').textContent()).resolves.toContain('Đang dùng hồ sơ cơ quan mẫu — quản trị cập nhật ở trang Quản trị')
      const formats = await page.locator('.letter-links a').evaluateAll((as) => as.map((a) => [a.getAttribute('data-format'), a.hasAttribute('download'), new URLSearchParams(a.getAttribute('href')!.split('?')[1]).get('unit')]))
      expect(formats).toEqual([['docx', true, province.code], ['pdf', true, province.code], ['xlsx', true, province.code]])
      const { name, text } = await downloadDocx(page)
      expect(name).toBe('cong-van-2024-10.docx')
      expect(text).toContain(province.name)
      expect(text).toContain(`${viDecimal(overview.total)}/100`)
      expect(text).toContain('TỈNH MINH SƠN')
      await page.locator('#letter-title').scrollIntoViewIfNeeded()
      await shot(page, 'letter-overview-box')
      expect(await seriousViolations(page)).toEqual([])
    })
  }, SLOW)

  it('lets the administrator fix the office profile: the API\'s error first, then the new agency name in the next letter', async () => {
    const demoYaml = readFileSync(demoProfilePath(), 'utf8')
    await web.session(async ({ page }) => {
      await web.openAs(page, 'quantri', '/admin?tab=profile', '#profile-yaml')
      const area = page.getByLabel('Hồ sơ cơ quan (YAML)')
      await expect(area.inputValue()).resolves.toBe(demoYaml)
      await expect(page.locator('#profile-source').textContent()).resolves.toContain('Đang dùng hồ sơ cơ quan mẫu')
      const status = page.locator('#profile-status')
      await expect(status.getAttribute('aria-live')).resolves.toBe('polite')

      await area.fill(demoYaml.replace(/^place:.*$/m, ''))
      await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
      await page.waitForSelector('#profile-status.error')
      await expect(status.textContent()).resolves.toContain('trường "place"')
      await shot(page, 'letter-profile-error')
      expect(await seriousViolations(page)).toEqual([])

      const yaml = demoYaml.replace('name: [ỦY BAN NHÂN DÂN, TỈNH MINH SƠN]', 'name: [ỦY BAN NHÂN DÂN, TỈNH HOA MAI]').replace('shortName: UBND tỉnh Minh Sơn', 'shortName: UBND tỉnh Hoa Mai')
      expect(yaml).not.toBe(demoYaml)
      await area.fill(yaml)
      await page.getByRole('button', { name: 'Lưu hồ sơ' }).click()
      await page.waitForSelector('#profile-status.ok')
      await expect(status.textContent()).resolves.toContain('Đã lưu hồ sơ cơ quan (UBND tỉnh Hoa Mai)')
      await expect(page.locator('#profile-source').textContent()).resolves.toContain('Hồ sơ đã lưu: UBND tỉnh Hoa Mai')

      await web.open(page, `/?period=${PERIOD}`)
      await page.waitForSelector('#letter-title')
      // The profile is asked after the page is drawn: wait for the answer, then no warning.
      await page.waitForSelector('section.letter[data-profile="store"]')
      await expect(page.locator('#letter-demo').count()).resolves.toBe(0)
      const { name, text } = await downloadDocx(page)
      expect(name).toBe('cong-van-2024-10.docx')
      expect(text).toContain('TỈNH HOA MAI')
      expect(text).not.toContain('TỈNH MINH SƠN')
    })
  }, SLOW)
})
