/**
 * The targets, planner and administration pages in a real browser (Chromium through playwright-core)
 * against the real server (`buildServer`) over a real SQLite store with demo data (3-level
 * province, 2024): an administrator creates a directive target through the form (after the API's
 * Vietnamese error), sees it in the list and on its compliance page with the API's gap text and
 * order, exports the compliance table; the planner shows the API's actions and the simulator
 * shows the API's total; an officer is refused the administration page and gets the API's 403 for
 * a sibling unit's target; a viewer has no "Thêm chỉ tiêu"; the administration page creates an
 * account and a feed key (secrets shown once), lists import runs with their errors and filters the
 * audit log. Screenshots at 1366×800 and 390×844 go to docs/screens/.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attrs, DESKTOP, goByNav, mainNav, PHONE, SETUP_TIMEOUT, shot, startWebApp, vi, type WebApp } from './browser-helpers.js'

/** Browser work on a shared 2-core machine: generous per-test time. */
const SLOW = 150_000

/** A closed month of the demo data. */
const PERIOD = '2024-10'

let web: WebApp
let district = ''
let sibling = ''
let districtName = ''

interface ComplianceRow {
  unit: { code: string; name: string }
  status: 'met' | 'not-met' | 'no-data'
  value: number | null
  threshold: number
  met: boolean | null
  gap: { records: number | null; text: string }
}

beforeAll(async () => {
  web = await startWebApp('chiso-web-tpa-', (units) => {
    const districts = units.filter((u) => u.level === 'district')
    district = districts[0].code
    districtName = districts[0].name
    sibling = districts.find((u) => u.code !== district && u.parent === districts[0].parent)!.code
    return [
      { username: 'quantri', displayName: 'Quản trị tỉnh', role: 'admin' },
      { username: 'canbo.huyen', displayName: 'Nguyễn Thị Hòa', role: 'officer', unitCode: district },
      { username: 'xem.tinh', displayName: 'Trần Văn Xem', role: 'viewer' },
    ]
  })
}, SETUP_TIMEOUT)

afterAll(async () => {
  await web?.close()
})

describe('targets, planner and administration pages in Chromium', () => {
  let targetId = ''

  it('lets an administrator create a target through the form and shows its compliance, worst first, with the gap in records', async () => {
    await web.session(async ({ context, page }) => {
      await web.openAs(page, 'quantri', `/targets?period=${PERIOD}`)
      await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click()
      await page.waitForSelector('#new-name')

      // The API's Vietnamese errors beside the form, the named fields marked invalid.
      await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click()
      await expect.poll(() => page.locator('#new-status').textContent()).toContain('Trường name: thiếu tên chỉ tiêu')
      expect(await page.locator('#new-status').textContent()).toContain('Trường units')
      expect(await page.locator('#new-status').getAttribute('aria-live')).toBe('polite')
      expect(await page.locator('#new-name').getAttribute('aria-invalid')).toBe('true')

      await page.getByLabel('Tên chỉ tiêu').fill('Tỷ lệ hồ sơ trực tuyến (thử nghiệm)')
      await page.getByLabel('Tỷ lệ của một chỉ tiêu thành phần (%)').check()
      await page.getByLabel('Chỉ tiêu thành phần', { exact: true }).selectOption('3.3')
      await page.getByLabel('Mức tối thiểu (%)').fill('99')
      await page.getByLabel(districtName, { exact: true }).check()
      await page.getByLabel('Gồm đơn vị cấp dưới của các đơn vị đã chọn').check()
      await page.getByLabel('Từ kỳ').selectOption('2024-01')
      await page.getByLabel('Đến kỳ').selectOption('2024-12')
      await page.getByLabel('Văn bản chỉ đạo').fill('Công văn số 123/UBND-NC ngày 15/01/2024')
      await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click()
      await expect.poll(() => page.locator('#new-status').textContent()).toContain('Đã tạo chỉ tiêu "Tỷ lệ hồ sơ trực tuyến (thử nghiệm)"')

      const { targets } = await web.apiGet<{ targets: { id: string; name: string; threshold: number; subject: { kind: string; code: string }; units: string[]; includeSubUnits: boolean; from: string; to: string | null }[] }>(context, '/api/targets')
      const made = targets.find((t) => t.name === 'Tỷ lệ hồ sơ trực tuyến (thử nghiệm)')!
      expect(made).toMatchObject({ threshold: 0.99, subject: { kind: 'indicator', code: '3.3' }, units: [district], includeSubUnits: true, from: '2024-01', to: '2024-12' })
      targetId = made.id

      // In the list, with the API's "đạt x/y đơn vị" of the period.
      const summary = await web.apiGet<{ targets: { target: { id: string }; met: number; total: number }[] }>(context, `/api/compliance?period=${PERIOD}`)
      const s = summary.targets.find((t) => t.target.id === targetId)!
      await expect.poll(() => page.locator(`#targets-table tr[data-id="${targetId}"] td.status`).textContent()).toContain(`đạt ${s.met}/${s.total} đơn vị`)
      expect(await page.locator(`tr[data-id="${targetId}"] td`).nth(0).textContent()).toBe('≥ 99%')
      await page.locator('#new-name').scrollIntoViewIfNeeded()
      await shot(page, 'targets-form-desktop')
      await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click()
      await shot(page, 'targets-desktop', { top: true })

      // Its page: the API's rows, not met first, with the gap text.
      await page.getByRole('link', { name: 'Tỷ lệ hồ sơ trực tuyến (thử nghiệm)' }).click()
      await page.waitForSelector('table.compliance-table tbody tr')
      const comp = await web.apiGet<{ met: number; total: number; rows: ComplianceRow[] }>(context, `/api/targets/${targetId}/compliance?period=${PERIOD}`)
      expect(comp.rows.length).toBeGreaterThan(1)
      const shown = await page.locator('table.compliance-table tbody tr').evaluateAll((trs) => trs.map((r) => ({ code: r.getAttribute('data-unit'), status: r.getAttribute('data-status') })))
      expect(shown.map((r) => r.code).sort()).toEqual(comp.rows.map((r) => r.unit.code).sort())
      const order = { 'not-met': 0, 'no-data': 1, met: 2 } as const
      const statuses = shown.map((r) => order[r.status as keyof typeof order])
      expect(statuses).toEqual([...statuses].sort((a, b) => a - b))
      const notMet = comp.rows.filter((r) => r.status === 'not-met')
      expect(notMet.length).toBeGreaterThan(0)
      // Worst first: the largest shortfall relative to the threshold.
      const worst = [...notMet].sort((a, b) => a.value! - b.value!)[0]
      expect(shown[0].code).toBe(worst.unit.code)
      expect(worst.gap.text).toMatch(/^cần thêm \d+/)
      expect(await page.locator('table.compliance-table tbody tr').first().locator('td.gap').textContent()).toContain(worst.gap.text)
      expect(await page.locator('table.compliance-table tbody tr').first().textContent()).toContain('Chưa đạt')
      expect(await page.locator('#comp-summary').textContent()).toContain(`Đạt ${comp.met}/${comp.total} đơn vị`)
      // History: one version, created by quantri.
      expect(await page.locator('.history > li').count()).toBe(1)
      expect(await page.locator('.history > li').first().textContent()).toContain('quantri')
      await shot(page, 'targets-detail-desktop')

      await page.setViewportSize(PHONE)
      await shot(page, 'targets-detail-mobile', { top: true })
      await web.open(page, `/targets?period=${PERIOD}`)
      await page.waitForSelector('#targets-table tr[data-id]')
      await shot(page, 'targets-mobile')
    })
  }, SLOW)

  it('exports the compliance table as a CSV file from the target page', async () => {
    expect(targetId).not.toBe('')
    await web.session(async ({ context, page }) => {
      await web.openAs(page, 'quantri', `/targets/${targetId}?period=${PERIOD}`, 'table.compliance-table tbody tr')
      const link = page.getByRole('link', { name: 'Tải CSV' })
      expect(await link.getAttribute('href')).toBe(`/api/targets/${targetId}/compliance?period=${PERIOD}&format=csv`)
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
      expect(await download.failure()).toBeNull()
      expect(download.suggestedFilename()).toMatch(/\.csv$/)
      const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '')
      const [header, ...lines] = text.trim().split(/\r?\n/)
      expect(header.toLowerCase()).toContain('đơn vị')
      const comp = await web.apiGet<{ rows: ComplianceRow[] }>(context, `/api/targets/${targetId}/compliance?period=${PERIOD}`)
      expect(lines.length).toBe(comp.rows.length)
    })
  }, SLOW)

  it("shows the planner's actions and the simulator's total and rank from the API", async () => {
    await web.session(async ({ context, page }) => {
      await web.openAs(page, 'quantri', `/plan/${district}?period=${PERIOD}`, '#sim-summary #sim-total')
      const plan = await web.apiGet<{ total: number; rank: number; peers: number; actions: { indicator: string; text: string }[] }>(context, `/api/units/${district}/plan?period=${PERIOD}`)
      expect(plan.actions.length).toBeGreaterThan(0)
      expect(await page.locator('ol.plan-actions > li .action-text').allTextContents()).toEqual(plan.actions.map((a) => a.text))
      expect(await page.locator('#sim-total').textContent()).toBe(vi.format(plan.total))
      expect(await page.locator('#sim-rank').textContent()).toBe(`${plan.rank}/${plan.peers}`)
      expect(await page.locator('#sim-summary').getAttribute('aria-live')).toBe('polite')

      // Type 100% for the first action's indicator: the page shows the API's simulation.
      const code = plan.actions[0].indicator
      await page.locator(`input[type="number"][data-indicator="${code}"]`).fill('100')
      const sim = await web.apiGet<{ before: { total: number; rank: number; peers: number }; after: { total: number; rank: number; peers: number } }>(context, `/api/units/${district}/simulate?period=${PERIOD}&set=${code}:1.0000`)
      expect(sim.after.total).toBeGreaterThan(sim.before.total)
      await expect.poll(() => page.locator('#sim-total').textContent()).toBe(`${vi.format(sim.before.total)} → ${vi.format(sim.after.total)}`)
      expect(await page.locator('#sim-rank').textContent()).toBe(`${sim.before.rank}/${sim.before.peers} → ${sim.after.rank}/${sim.after.peers}`)
      // The slider follows the number.
      expect(await page.locator(`.sim-row[data-indicator="${code}"] input[type="range"]`).inputValue()).toBe('100')
      await shot(page, 'planner-desktop', { top: true })

      // Reset: back to the unit's own numbers.
      await page.getByRole('button', { name: 'Đặt lại như hiện tại' }).click()
      await expect.poll(() => page.locator('#sim-total').textContent()).toBe(vi.format(plan.total))

      await page.setViewportSize(PHONE)
      await page.locator(`ol.plan-actions button[data-indicator="${code}"]`).click()
      await expect.poll(() => page.locator('#sim-total').textContent()).toContain('→')
      await shot(page, 'planner-mobile', { top: true })
    })
  }, SLOW)

  it("refuses the administration page to an officer and shows the API's 403 for a sibling unit's target", async () => {
    await web.session(async ({ context, page }) => {
      await web.signIn(page, 'canbo.huyen')
      expect(await mainNav(page).getByRole('link', { name: 'Quản trị' }).count()).toBe(0)
      await web.open(page, '/admin')
      await expect.poll(() => page.locator('main .msg-error').textContent()).toContain('không có quyền')
      expect(await page.locator('table.users').count()).toBe(0)

      await web.open(page, `/targets?period=${PERIOD}`)
      await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click()
      await page.getByLabel('Tên chỉ tiêu').fill('Chỉ tiêu của huyện bên cạnh')
      await page.getByLabel('Mức tối thiểu (%)').fill('52')
      await page.getByLabel('Mã đơn vị khác (nếu cần)').fill(sibling)
      await page.getByLabel('Từ kỳ').selectOption('2024-01')
      await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click()
      // The API's own sentence, as it answers the same request.
      const r = await context.request.post(`${web.base}/api/targets`, {
        headers: { 'X-CSRF-Token': (await web.apiGet<{ csrfToken: string }>(context, '/api/session')).csrfToken },
        data: { name: 'x', subject: { kind: 'indicator', code: '3.3' }, threshold: 0.52, units: [sibling], from: '2024-01' },
      })
      expect(r.status()).toBe(403)
      const refusal = ((await r.json()) as { error: string }).error
      expect(refusal).toContain(sibling)
      await expect.poll(() => page.locator('#new-status').textContent()).toBe(refusal)
      expect(await page.locator('#new-status').getAttribute('class')).toContain('error')
      await page.setViewportSize(PHONE)
      await page.locator('#new-status').scrollIntoViewIfNeeded()
      await shot(page, 'targets-form-mobile')
      await page.setViewportSize(DESKTOP)

      // Their own district: the six targets of the sample letter in one click.
      await page.getByLabel('Mã đơn vị khác (nếu cần)').fill('')
      await page.getByLabel(districtName, { exact: true }).check()
      await page.getByRole('button', { name: 'Tạo cả 6 chỉ tiêu theo công văn mẫu' }).click()
      await expect.poll(() => page.locator('#new-status').textContent()).toBe('Đã tạo 6 chỉ tiêu theo công văn mẫu.')
      const { targets } = await web.apiGet<{ targets: { subject: { code?: string }; threshold: number; units: string[]; createdBy: string }[] }>(context, '/api/targets')
      const mine = targets.filter((t) => t.createdBy === 'canbo.huyen')
      expect(mine.map((t) => [t.subject.code, t.threshold])).toEqual([['3.3', 0.52], ['3.6', 0.47], ['4.3', 0.52], ['5.2', 1], ['1.2', 1], ['5.4', 0.92]])
      expect(mine.every((t) => t.units.join() === district)).toBe(true)
      await expect.poll(() => page.locator('#targets-table tbody tr').count()).toBe(targets.length)
    })
  }, SLOW)

  it("shows the officer's overview the directive targets as the API judges them, a target without data as neither reached nor missed", async () => {
    await web.session(async ({ context, page }) => {
      await web.signIn(page, 'canbo.huyen', '#total')
      // 1.2 does not apply to communes: a target on one commune of the district has no data.
      const commune = web.live.current().units.units.find((u) => u.parent === district && u.level === 'commune')!.code
      const r = await context.request.post(`${web.base}/api/targets`, {
        headers: { 'X-CSRF-Token': (await web.apiGet<{ csrfToken: string }>(context, '/api/session')).csrfToken },
        data: { name: 'Công khai đúng hạn (xã)', subject: { kind: 'indicator', code: '1.2' }, threshold: 1, units: [commune], from: '2024-01', source: 'Thử nghiệm' },
      })
      expect(r.status(), await r.text()).toBe(201)
      await web.open(page, `/?period=${PERIOD}&unit=${district}`)
      await page.waitForSelector('ul.compliance > li')
      const api = await web.apiGet<{ targets: { target: { id: string }; total: number; achieved: boolean }[] }>(context, `/api/compliance?period=${PERIOD}&unit=${district}`)
      const expected = api.targets.map((t) => [t.target.id, t.total === 0 ? 'none' : t.achieved ? 'ok' : 'bad'])
      expect(expected.some(([, s]) => s === 'none')).toBe(true)
      const shown = await page.locator('ul.compliance > li').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-target'), li.getAttribute('data-status')]))
      expect(shown).toEqual(expected)
      const none = page.locator('ul.compliance > li[data-status="none"]').first()
      expect(await none.textContent()).toContain('Không có dữ liệu')
      expect(await none.textContent()).not.toContain('✓ Đạt')
    })
  }, SLOW)

  it('shows a viewer the targets without "Thêm chỉ tiêu" nor edit buttons', async () => {
    expect(targetId).not.toBe('')
    await web.session(async ({ page }) => {
      await web.openAs(page, 'xem.tinh', `/targets?period=${PERIOD}`, `#targets-table tr[data-id="${targetId}"]`)
      expect(await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).count()).toBe(0)
      expect(await page.locator('#target-form-section').count()).toBe(0)
      await web.open(page, `/targets/${targetId}?period=${PERIOD}`)
      await page.waitForSelector('table.compliance-table tbody tr')
      expect(await page.getByRole('button', { name: 'Sửa chỉ tiêu' }).count()).toBe(0)
      expect(await page.getByRole('button', { name: 'Lưu trữ chỉ tiêu' }).count()).toBe(0)
    })
  }, SLOW)

  it('edits a target through the form (a new version in the history) and archives it after an inline confirmation', async () => {
    expect(targetId).not.toBe('')
    await web.session(async ({ context, page }) => {
      await web.openAs(page, 'quantri', `/targets/${targetId}?period=${PERIOD}`)
      await page.getByRole('button', { name: 'Sửa chỉ tiêu' }).click()
      await expect.poll(() => page.locator('#edit-threshold').inputValue()).toBe('99')
      expect(await page.locator('#edit-name').inputValue()).toBe('Tỷ lệ hồ sơ trực tuyến (thử nghiệm)')
      await page.locator('#edit-threshold').fill('50')
      await page.getByRole('button', { name: 'Lưu thay đổi' }).click()
      await expect.poll(() => page.locator('.history > li').count()).toBe(2)
      expect(await page.locator('.history > li').first().textContent()).toContain('mức: ≥ 99% → ≥ 50%')
      expect(await page.locator('main .msg-info').first().textContent()).toContain('Đã lưu chỉ tiêu')
      const { versions } = await web.apiGet<{ versions: { action: string; definition: { threshold: number } }[] }>(context, `/api/targets/${targetId}/history`)
      expect(versions.map((v) => [v.action, v.definition.threshold])).toEqual([['created', 0.99], ['updated', 0.5]])

      await page.getByRole('button', { name: 'Lưu trữ chỉ tiêu' }).click()
      await page.getByRole('button', { name: 'Xác nhận lưu trữ' }).click()
      await expect.poll(() => page.url()).toContain('#/targets?')
      await expect.poll(() => page.locator('main .msg-info').first().textContent()).toContain('Đã lưu trữ chỉ tiêu')
      expect(await page.locator(`#targets-table tr[data-id="${targetId}"]`).count()).toBe(0)
      const all = await web.apiGet<{ targets: { id: string; archivedAt: string | null }[] }>(context, '/api/targets?includeArchived=true')
      expect(all.targets.find((t) => t.id === targetId)!.archivedAt).not.toBeNull()
      await page.getByRole('link', { name: 'Hiện cả chỉ tiêu đã lưu trữ' }).click()
      await expect.poll(() => page.locator(`#targets-table tr[data-id="${targetId}"] td.status`).textContent()).toBe('Đã lưu trữ')
    })
  }, SLOW)

  it('lets an administrator add an account and a feed key (secrets shown once), read import errors and filter the audit log', async () => {
    await web.session(async ({ context, page }) => {
      await web.signIn(page, 'quantri')
      await goByNav(page, 'Quản trị', 'table.users tbody tr')
      const { users } = await web.apiGet<{ users: { username: string }[] }>(context, '/api/users')
      expect(await attrs(page.locator('table.users tbody tr'), 'data-username')).toEqual(users.map((u) => u.username))

      await page.getByLabel('Tên đăng nhập').fill('canbo.xa')
      await page.getByLabel('Họ tên').fill('Lê Văn Xã')
      await page.getByLabel('Vai trò').selectOption('officer')
      await page.locator('#u-unit').selectOption(district)
      await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
      await expect.poll(() => page.locator('#new-user-status').textContent()).toContain('Đã tạo tài khoản canbo.xa')
      const secret = await page.locator('#user-secret code.secret').textContent()
      expect(secret).toMatch(/^[A-Za-z0-9]{16}$/)
      // The generated password works.
      const other = await web.browser.newContext()
      const lr = await other.request.post(`${web.base}/api/session`, { data: { username: 'canbo.xa', password: secret } })
      expect(lr.status()).toBe(200)
      await other.close()
      // A duplicate: the API's 409 beside the form.
      await page.getByLabel('Tên đăng nhập').fill('canbo.xa')
      await page.getByLabel('Họ tên').fill('Lê Văn Xã')
      await page.getByRole('button', { name: 'Tạo tài khoản' }).click()
      await expect.poll(() => page.locator('#new-user-status').textContent()).toBe('Tên đăng nhập canbo.xa đã có người dùng')
      await shot(page, 'admin-desktop', { top: true })

      // Lock the new account from the list.
      await web.open(page, '/admin?tab=users&x=1')
      await page.locator('tr[data-username="canbo.xa"] button[data-action="disable"]').click()
      await page.waitForSelector('tr[data-username="canbo.xa"] button[data-action="enable"]')
      expect((await web.apiGet<{ users: { username: string; disabled: boolean }[] }>(context, '/api/users')).users.find((u) => u.username === 'canbo.xa')!.disabled).toBe(true)

      // Feed key: the secret once.
      await page.getByRole('link', { name: 'Khóa API nhận hồ sơ' }).click()
      await page.getByLabel('Tên hệ thống gửi hồ sơ').fill('Hệ thống một cửa điện tử tỉnh')
      await page.getByRole('button', { name: 'Tạo khóa' }).click()
      await expect.poll(() => page.locator('#key-secret code.secret').textContent()).toMatch(/^chiso_/)

      // Import runs, and the errors of one.
      await page.getByRole('link', { name: 'Các lần nhập dữ liệu' }).click()
      await page.waitForSelector('table.runs tbody tr')
      const { runs } = await web.apiGet<{ runs: { id: number }[] }>(context, '/api/imports')
      expect(await page.locator('table.runs tbody tr').count()).toBe(runs.length)
      const first = runs[0].id
      await page.getByRole('button', { name: `Xem lỗi của lần nhập số ${first}` }).click()
      await expect.poll(() => page.locator('#run-title').textContent()).toContain(`Lần nhập số ${first}:`)
      const detail = await web.apiGet<{ totalErrors: number; errors: unknown[] }>(context, `/api/imports/${first}`)
      expect(await page.locator('table.run-errors tbody tr').count()).toBe(detail.errors.length)
      await shot(page, 'admin-imports-desktop', { top: true })

      // Import a file from the form: the run's counts, then its errors, and the list refreshed.
      const { procedures } = await web.apiGet<{ procedures: { code: string }[] }>(context, '/api/procedures?limit=1')
      const record = (id: string, extra: Record<string, string> = {}) => ({ MaHoSo: id, MaTTHC: procedures[0].code, KenhThucHien: '2', NgayTiepNhan: '20241015090000', NgayHenTra: '20241018170000', TrangThaiHoSo: '4', MaDonVi: district, DongBoDVCQG: '1', ...extra })
      const upload = JSON.stringify([record(`${district}-241015-7001`), record(`${district}-241015-7002`, { NgayHenTra: '2024101' })])
      await page.getByLabel('Loại dữ liệu').selectOption('dossiers')
      await page.getByLabel('Tệp', { exact: true }).setInputFiles({ name: 'hoso-tai-len.json', mimeType: 'application/json', buffer: Buffer.from(upload) })
      await page.getByRole('button', { name: 'Nhập tệp', exact: true }).click()
      await expect.poll(() => page.locator('main').textContent()).toContain('tệp hoso-tai-len.json): thêm mới 1,')
      const after = await web.apiGet<{ runs: { id: number; actor: string; rejected: number }[] }>(context, '/api/imports')
      expect(after.runs.length).toBe(runs.length + 1)
      expect(after.runs[0]).toMatchObject({ actor: 'quantri', rejected: 1 })
      await page.waitForSelector(`table.runs tbody tr[data-run="${after.runs[0].id}"]`)
      await expect.poll(() => page.locator('#run-title').textContent()).toContain(`Lần nhập số ${after.runs[0].id}:`)
      await expect.poll(() => page.locator('table.run-errors tbody').textContent()).toContain(`${district}-241015-7002`)

      // Audit log filtered by an action.
      await page.getByRole('link', { name: 'Nhật ký' }).click()
      await page.waitForSelector('table.audit tbody tr')
      await page.getByLabel('Thao tác', { exact: true }).fill('user.created')
      await page.getByRole('button', { name: 'Lọc', exact: true }).click()
      await expect.poll(() => page.url()).toContain('action=user.created')
      await page.waitForSelector('table.audit tbody tr')
      const audit = await web.apiGet<{ entries: { action: string }[] }>(context, '/api/audit?action=user.created&limit=200')
      expect(audit.entries.length).toBeGreaterThanOrEqual(4)
      const actions = await attrs(page.locator('table.audit tbody tr'), 'data-action')
      expect(actions).toEqual(audit.entries.map((e) => e.action))
      await shot(page, 'admin-audit-desktop')

      await page.setViewportSize(PHONE)
      await web.open(page, '/admin?tab=users')
      await page.waitForSelector('table.users tbody tr')
      await shot(page, 'admin-mobile')
    })
  }, SLOW)
})
