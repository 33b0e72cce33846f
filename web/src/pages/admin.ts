/**
 * Administration (quản trị): `#/admin?tab=users|keys|imports|profile|audit` — accounts (add with a
 * generated password shown once, lock/unlock, reset password), the feed's API keys (secret shown
 * once, revoke), import runs (counts, errors of a run), the office profile of the monthly letter
 * (hồ sơ cơ quan, YAML) and the audit log (latest 200, filter by action). Administrators only: the router refuses others, and the API refuses them anyway.
 * API: docs/accounts.md "Administrators' routes".
 */
import { api, apiUrl, HttpError, type User } from '../api'
import { h, replace, scrollTable } from '../dom'
import { dateTime, LEVEL_NAMES, num } from '../format'
import { go, href, seg, type Route, type RouteContext } from '../router'
import { state } from '../state'
import { message, pageTitle } from '../ui'
import { confirmButton, field, formStatus, input, randomPassword, secretBox, select } from './shared-forms'

interface AdminUser extends User {
  disabled: boolean
  lastLoginAt: string | null
}
interface FeedKey {
  id: number
  name: string
  unitCode: string | null
  createdAt: string
  revokedAt: string | null
}
interface Run {
  id: number
  kind: string
  sources: string[]
  actor: string
  startedAt: string
  finishedAt: string | null
  status: string
  inserted: number
  updated: number
  unchanged: number
  rejected: number
  stale: number
}
interface Issue {
  severity: 'error' | 'warning'
  file: string
  position: number | null
  line: number | null
  key: string | null
  field: string | null
  message: string
}
interface AuditEntry {
  id: number
  at: string
  actor: string
  action: string
  details: unknown
}

type Tab = 'users' | 'keys' | 'imports' | 'profile' | 'audit'
const TABS: [Tab, string][] = [
  ['users', 'Tài khoản'],
  ['keys', 'Khóa API nhận hồ sơ'],
  ['imports', 'Các lần nhập dữ liệu'],
  ['profile', 'Hồ sơ cơ quan'],
  ['audit', 'Nhật ký'],
]

const ROLES: [string, string][] = [
  ['officer', 'Cán bộ đơn vị'],
  ['viewer', 'Chỉ xem'],
  ['admin', 'Quản trị'],
]

const RUN_STATUS: Record<string, string> = { running: 'Đang chạy', completed: 'Hoàn tất', failed: 'Thất bại', interrupted: 'Bị ngắt' }
const RUN_KIND: Record<string, string> = {
  units: 'Đơn vị', procedures: 'Thủ tục', dossiers: 'Hồ sơ', steps: 'Bước xử lý', petitions: 'Phản ánh, kiến nghị', ratings: 'Đánh giá', 'sync-reports': 'Báo cáo đồng bộ', portal: 'Điểm trên Cổng',
}
const ACTIONS: Record<string, string> = {
  'login.succeeded': 'Đăng nhập', 'login.failed': 'Đăng nhập sai', logout: 'Đăng xuất', 'user.created': 'Tạo tài khoản', 'user.updated': 'Sửa tài khoản',
  'password.changed': 'Đổi mật khẩu', 'feed-key.created': 'Tạo khóa API', 'feed-key.revoked': 'Thu hồi khóa API', 'target.created': 'Tạo chỉ tiêu',
  'target.updated': 'Sửa chỉ tiêu', 'target.archived': 'Lưu trữ chỉ tiêu', export: 'Tải bảng',
  'letter.downloaded': 'Tải công văn', 'letter.profile.updated': 'Sửa hồ sơ cơ quan',
}

const unitName = (code: string | null) => (code === null ? 'Toàn tỉnh' : state.units.find((u) => u.code === code)?.name ?? code)

/** Options of a unit select: "(toàn tỉnh)" first, then units by level. */
function unitOptions(emptyLabel: string): HTMLSelectElement {
  const s = h('select', null, h('option', { value: '' }, emptyLabel))
  const byLevel = new Map<string, HTMLOptGroupElement>()
  for (const u of state.units) {
    let g = byLevel.get(u.level)
    if (!g) {
      g = h('optgroup', { label: LEVEL_NAMES[u.level] ?? u.level })
      byLevel.set(u.level, g)
      s.append(g)
    }
    g.append(h('option', { value: u.code }, u.name))
  }
  return s
}

// ---- Accounts ----

async function usersTab(box: HTMLElement, isCurrent: () => boolean): Promise<void> {
  const { users } = await api<{ users: AdminUser[] }>('/api/users')
  if (!isCurrent()) return
  const listStatus = formStatus('users-status')
  const resetSlot = h('div', { id: 'reset-secret' })
  const secretSlot = h('div', { id: 'user-secret' })
  const reload = () => go('/admin', { tab: 'users' })

  const rows = users.map((u) => {
    const toggle = h('button', { type: 'button', class: 'secondary', 'data-action': u.disabled ? 'enable' : 'disable' }, u.disabled ? 'Mở khóa' : 'Khóa')
    toggle.setAttribute('aria-label', `${u.disabled ? 'Mở khóa' : 'Khóa'} tài khoản ${u.username}`)
    toggle.addEventListener('click', async () => {
      toggle.disabled = true
      listStatus.busy('Đang lưu…')
      try {
        await api(`/api/users/${seg(u.username)}`, { method: 'PATCH', body: { disabled: !u.disabled } })
        flash = `Đã ${u.disabled ? 'mở khóa' : 'khóa'} tài khoản ${u.username}.`
        reload()
      } catch (e) {
        listStatus.error(e)
        toggle.disabled = false
      }
    })
    const reset = confirmButton('Đặt lại mật khẩu', `Đặt mật khẩu mới cho ${u.username}? Các phiên đăng nhập của tài khoản sẽ kết thúc.`, 'Đặt mật khẩu mới', async () => {
      const password = randomPassword()
      listStatus.busy('Đang đặt mật khẩu mới…')
      try {
        await api(`/api/users/${seg(u.username)}`, { method: 'PATCH', body: { password } })
        listStatus.ok(`Đã đặt mật khẩu mới cho ${u.username}.`)
        replace(resetSlot, secretBox(`Mật khẩu mới của ${u.username}:`, password, 'Mật khẩu chỉ hiện một lần; hãy gửi cho người dùng qua kênh an toàn và đề nghị đổi sau khi đăng nhập.'))
        resetSlot.scrollIntoView({ block: 'nearest' })
      } catch (e) {
        listStatus.error(e)
      }
    })
    return h('tr', { 'data-username': u.username, class: u.disabled ? 'disabled-user' : undefined },
      h('th', { scope: 'row' }, u.username),
      h('td', { 'data-label': 'Họ tên' }, u.displayName),
      h('td', { 'data-label': 'Vai trò' }, u.roleName ?? u.role),
      h('td', { 'data-label': 'Đơn vị' }, u.unitName ?? unitName(u.unitCode)),
      h('td', { 'data-label': 'Trạng thái' }, u.disabled ? h('span', { class: 'badge badge-bad' }, 'Đã khóa') : h('span', { class: 'badge badge-ok' }, 'Đang hoạt động')),
      h('td', { 'data-label': 'Đăng nhập gần nhất', class: 'date' }, dateTime(u.lastLoginAt)),
      h('td', { class: 'actions' }, toggle, ' ', reset))
  })
  const table = h('table', { class: 'data stack users' },
    h('thead', null, h('tr', null, ['Tên đăng nhập', 'Họ tên', 'Vai trò', 'Đơn vị', 'Trạng thái', 'Đăng nhập gần nhất', 'Thao tác'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, rows))

  // Add an account.
  const username = input({ id: 'u-username', name: 'username', autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false', required: true })
  const displayName = input({ id: 'u-name', name: 'displayName', autocomplete: 'off', required: true })
  const role = select({ id: 'u-role', name: 'role' }, ROLES)
  const unit = unitOptions('— Toàn tỉnh —')
  unit.id = 'u-unit'
  unit.name = 'unitCode'
  const password = h('input', { type: 'password', id: 'u-password', name: 'password', autocomplete: 'new-password' })
  const status = formStatus('new-user-status')
  const submit = h('button', { type: 'submit' }, 'Tạo tài khoản')
  const form = h('form', { novalidate: true, 'aria-describedby': status.el.id },
    h('div', { class: 'row-fields' },
      field('Tên đăng nhập', username, '3–40 ký tự a-z, 0-9, dấu chấm, gạch dưới, gạch ngang.'),
      field('Họ tên', displayName)),
    h('div', { class: 'row-fields' },
      field('Vai trò', role, 'Cán bộ đơn vị phải có đơn vị; tài khoản chỉ xem có thể để toàn tỉnh.'),
      field('Đơn vị', unit)),
    field('Mật khẩu (không bắt buộc)', password, 'Để trống để máy chủ tạo mật khẩu ngẫu nhiên 16 ký tự (chỉ hiện một lần).'),
    h('div', { class: 'form-actions' }, submit),
    status.el,
    secretSlot)
  const heading = h('h2', { id: 'users-title' }, `Tài khoản (${users.length})`)
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    submit.disabled = true
    status.busy('Đang tạo tài khoản…')
    try {
      const body: Record<string, unknown> = { username: username.value, displayName: displayName.value, role: role.value }
      if (unit.value) body.unitCode = unit.value
      if (password.value) body.password = password.value
      const r = await api<{ user: AdminUser; password?: string }>('/api/users', { method: 'POST', body })
      status.ok(`Đã tạo tài khoản ${r.user.username} (${r.user.roleName ?? r.user.role}).`)
      if (r.password) replace(secretSlot, secretBox(`Mật khẩu của ${r.user.username}:`, r.password, 'Mật khẩu chỉ hiện một lần; hãy gửi cho người dùng qua kênh an toàn và đề nghị đổi sau khi đăng nhập.'))
      else replace(secretSlot)
      const row = h('tr', { 'data-username': r.user.username },
        h('th', { scope: 'row' }, r.user.username), h('td', null, r.user.displayName), h('td', null, r.user.roleName ?? r.user.role),
        h('td', null, r.user.unitName ?? unitName(r.user.unitCode)), h('td', null, h('span', { class: 'badge badge-ok' }, 'Đang hoạt động')), h('td', null, '—'),
        h('td', { class: 'actions' }, h('a', { href: href('/admin', { tab: 'users', r: Date.now() }) }, 'Tải lại danh sách')))
      table.tBodies[0].append(row)
      heading.textContent = `Tài khoản (${table.tBodies[0].rows.length})`
      username.value = ''
      displayName.value = ''
      password.value = ''
    } catch (err) {
      status.error(err)
    } finally {
      submit.disabled = false
    }
  })

  replace(box,
    h('section', { class: 'card', 'aria-labelledby': 'users-title' },
      heading,
      listStatus.el,
      resetSlot,
      scrollTable('Các tài khoản', table)),
    h('section', { class: 'card', 'aria-labelledby': 'new-user-title' },
      h('h2', { id: 'new-user-title' }, 'Thêm tài khoản'),
      form))
}

// ---- Feed keys ----

async function keysTab(box: HTMLElement, isCurrent: () => boolean): Promise<void> {
  const { keys } = await api<{ keys: FeedKey[] }>('/api/feed-keys')
  if (!isCurrent()) return
  const listStatus = formStatus('keys-status')
  const secretSlot = h('div', { id: 'key-secret' })
  const rows = keys.map((k) => h('tr', { 'data-key': String(k.id) },
    h('td', { class: 'num' }, String(k.id)),
    h('th', { scope: 'row' }, k.name),
    h('td', { 'data-label': 'Đơn vị' }, unitName(k.unitCode)),
    h('td', { 'data-label': 'Tạo lúc', class: 'date' }, dateTime(k.createdAt)),
    h('td', { 'data-label': 'Trạng thái' }, k.revokedAt ? h('span', { class: 'badge badge-bad' }, `Đã thu hồi ${dateTime(k.revokedAt)}`) : h('span', { class: 'badge badge-ok' }, 'Đang dùng')),
    h('td', { class: 'actions' }, k.revokedAt ? null : confirmButton('Thu hồi', `Thu hồi khóa "${k.name}"? Hệ thống dùng khóa này sẽ không gửi được hồ sơ nữa.`, 'Xác nhận thu hồi', async () => {
      listStatus.busy('Đang thu hồi…')
      try {
        await api(`/api/feed-keys/${k.id}`, { method: 'DELETE' })
        flash = `Đã thu hồi khóa "${k.name}".`
        go('/admin', { tab: 'keys' })
      } catch (e) {
        listStatus.error(e)
      }
    }))))
  const name = input({ id: 'k-name', name: 'name', autocomplete: 'off', maxlength: '200', required: true })
  const unit = unitOptions('— Mọi đơn vị —')
  unit.id = 'k-unit'
  const status = formStatus('new-key-status')
  const submit = h('button', { type: 'submit' }, 'Tạo khóa')
  const form = h('form', { novalidate: true, 'aria-describedby': status.el.id },
    h('div', { class: 'row-fields' },
      field('Tên hệ thống gửi hồ sơ', name, 'Ví dụ: Hệ thống một cửa điện tử tỉnh'),
      field('Chỉ nhận hồ sơ của đơn vị', unit)),
    h('div', { class: 'form-actions' }, submit),
    status.el)
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    submit.disabled = true
    status.busy('Đang tạo khóa…')
    try {
      const r = await api<{ key: FeedKey; secret: string }>('/api/feed-keys', { method: 'POST', body: unit.value ? { name: name.value, unitCode: unit.value } : { name: name.value } })
      status.ok(`Đã tạo khóa số ${r.key.id} cho "${r.key.name}".`)
      replace(secretSlot, secretBox(`Khóa API của "${r.key.name}":`, r.secret, 'Khóa chỉ hiện một lần; máy chủ chỉ lưu mã băm. Hãy cấu hình vào hệ thống gửi hồ sơ ngay.'))
      name.value = ''
    } catch (err) {
      status.error(err)
    } finally {
      submit.disabled = false
    }
  })
  const table = h('table', { class: 'data stack keys' },
    h('thead', null, h('tr', null, ['Số', 'Tên hệ thống', 'Đơn vị', 'Tạo lúc', 'Trạng thái', 'Thao tác'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, rows))
  replace(box,
    h('section', { class: 'card', 'aria-labelledby': 'keys-title' },
      h('h2', { id: 'keys-title' }, 'Khóa API nhận hồ sơ'),
      h('p', { class: 'muted small' }, 'Mỗi hệ thống gửi hồ sơ theo thời gian thực (/dvcqg/…) dùng một khóa riêng.'),
      listStatus.el,
      keys.length ? scrollTable('Các khóa API', table) : message('info', 'Chưa có khóa nào.')),
    h('section', { class: 'card', 'aria-labelledby': 'new-key-title' },
      h('h2', { id: 'new-key-title' }, 'Tạo khóa mới'),
      secretSlot,
      form))
}

// ---- Import runs ----

/** Kinds of file the server imports (`POST /api/imports?kind=`), in the order shown. */
const UPLOAD_KINDS: [string, string][] = [
  ['dossiers', 'Hồ sơ (DongBoHoSoMC: .json, .ndjson, .csv, .xlsx)'],
  ['steps', 'Bước xử lý (CapNhatTienDoHoSoMC: .json, .ndjson)'],
  ['units', 'Đơn vị (.json)'],
  ['procedures', 'Thủ tục (.json)'],
  ['petitions', 'Phản ánh, kiến nghị (.json)'],
  ['ratings', 'Đánh giá (.json)'],
  ['sync-reports', 'Báo cáo đồng bộ (.json)'],
  ['portal', 'Điểm trên Cổng DVCQG (.json)'],
]

/** Content type of a file by its extension (the server reads it by its name). */
function uploadType(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? ''
  if (ext === 'json') return 'application/json'
  if (ext === 'ndjson') return 'application/x-ndjson'
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'text/csv'
  if (ext === 'xlsx' || ext === 'xlsm') return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
  return 'application/octet-stream'
}

/** Send a file as the body of `POST /api/imports` (the API client adds the session's CSRF token). */
function uploadFile(kind: string, file: File): Promise<{ run: Run; totalErrors: number; errors: Issue[] }> {
  return api(apiUrl('/api/imports', { kind, fileName: file.name }), { method: 'POST', file: { body: file, contentType: uploadType(file.name) } })
}

/** The "Nhập tệp" form: kind, file, submit; then the run's counts and errors. */
function uploadForm(): HTMLElement {
  const kind = select({ id: 'u-kind', name: 'kind' }, UPLOAD_KINDS)
  const file = input({ id: 'u-file', name: 'file', type: 'file', accept: '.json,.ndjson,.csv,.tsv,.txt,.xlsx,.xlsm', required: true })
  // The browser's own file control speaks the browser's language ("Choose File"); keep it for the
  // keyboard and screen readers (label "Tệp") and show a Vietnamese button and file name beside it.
  const fileName = h('span', { class: 'file-name', 'aria-hidden': 'true' }, 'Chưa chọn tệp')
  const pick = h('button', { type: 'button', class: 'secondary', tabindex: '-1', 'aria-hidden': 'true' }, 'Chọn tệp…')
  pick.addEventListener('click', () => file.click())
  file.addEventListener('change', () => { fileName.textContent = file.files?.[0]?.name ?? 'Chưa chọn tệp' })
  const hint = 'Tệp CSV và Excel dùng bảng ánh xạ cột mặc định (tiêu đề tiếng Việt); tối đa 200 MB.'
  file.setAttribute('aria-describedby', 'u-file-hint')
  file.classList.add('file-native')
  const status = formStatus('upload-status')
  const submit = h('button', { type: 'submit' }, 'Nhập tệp')
  const form = h('form', { novalidate: true, 'aria-describedby': status.el.id },
    h('div', { class: 'row-fields' },
      field('Loại dữ liệu', kind),
      h('div', { class: 'field' }, h('label', { for: 'u-file' }, 'Tệp'), h('div', { class: 'file-picker' }, file, pick, fileName), h('p', { class: 'hint', id: 'u-file-hint' }, hint))),
    h('div', { class: 'form-actions' }, submit),
    status.el)
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    const chosen = file.files?.[0]
    if (!chosen) {
      status.error(new Error('Hãy chọn tệp cần nhập'))
      file.focus()
      return
    }
    submit.disabled = true
    status.busy(`Đang nhập tệp ${chosen.name}…`)
    try {
      const r = await uploadFile(kind.value, chosen)
      const c = r.run
      const errors = r.errors.filter((x) => x.severity === 'error').length
      flash = `Lần nhập số ${c.id} (${RUN_KIND[c.kind] ?? c.kind}, tệp ${chosen.name}): thêm mới ${num(c.inserted, 0)}, cập nhật ${num(c.updated, 0)}, ` +
        `không đổi ${num(c.unchanged, 0)}, cũ hơn bản đã lưu ${num(c.stale, 0)}, bị từ chối ${num(c.rejected, 0)}` +
        (r.totalErrors ? `; ${num(r.totalErrors, 0)} lỗi, cảnh báo${errors ? ' (xem bảng bên dưới)' : ''}.` : '.')
      go('/admin', { tab: 'imports', run: c.id })
    } catch (err) {
      status.error(err)
      // A run that failed is still listed with its errors.
      const run = err instanceof HttpError ? (err.body as { run?: Run } | null)?.run : undefined
      if (run) {
        flash = `Lần nhập số ${run.id} (tệp ${chosen.name}) không hoàn tất: ${(err as Error).message}`
        go('/admin', { tab: 'imports', run: run.id })
      }
    } finally {
      submit.disabled = false
    }
  })
  return h('section', { class: 'card', 'aria-labelledby': 'upload-title' },
    h('h2', { id: 'upload-title' }, 'Nhập tệp'),
    h('p', { class: 'muted small' }, 'Nhập một tệp dữ liệu như lệnh chiso import: mỗi lần nhập được ghi lại với số bản ghi và các lỗi; điểm được cập nhật ngay sau khi nhập.'),
    form)
}

async function importsTab(box: HTMLElement, isCurrent: () => boolean, runParam: string | null): Promise<void> {
  const { runs } = await api<{ runs: Run[] }>('/api/imports')
  if (!isCurrent()) return
  const detail = h('section', { class: 'card', id: 'run-detail', 'aria-labelledby': 'run-title', 'aria-live': 'polite', hidden: true })
  const show = async (id: number) => {
    detail.hidden = false
    replace(detail, h('h2', { id: 'run-title', tabindex: '-1' }, `Lần nhập số ${id}`), h('p', { class: 'loading' }, 'Đang tải lỗi…'))
    try {
      const r = await api<{ run: Run; totalErrors: number; errors: Issue[] }>(`/api/imports/${id}`)
      if (!isCurrent()) return
      const table = h('table', { class: 'data stack run-errors' },
        h('thead', null, h('tr', null, ['Mức', 'Tệp', 'Dòng', 'Bản ghi', 'Trường', 'Nội dung'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', null, r.errors.map((x) => h('tr', null,
          h('td', { 'data-label': 'Mức' }, x.severity === 'error' ? h('span', { class: 'badge badge-bad' }, 'Lỗi') : h('span', { class: 'badge badge-warn' }, 'Cảnh báo')),
          h('td', { 'data-label': 'Tệp' }, x.file),
          h('td', { class: 'num', 'data-label': 'Dòng' }, x.line ?? x.position ?? '—'),
          h('td', { class: 'record-id', 'data-label': 'Bản ghi' }, x.key ?? '—'),
          h('td', { 'data-label': 'Trường' }, x.field ?? '—'),
          h('td', { 'data-label': 'Nội dung' }, x.message)))))
      replace(detail,
        h('h2', { id: 'run-title', tabindex: '-1' }, `Lần nhập số ${id}: ${RUN_KIND[r.run.kind] ?? r.run.kind}`),
        h('p', null, `${r.run.sources.join(', ') || '—'} · ${RUN_STATUS[r.run.status] ?? r.run.status} · ${num(r.totalErrors, 0)} lỗi, cảnh báo`,
          r.totalErrors > r.errors.length ? ` (hiện ${num(r.errors.length, 0)} dòng đầu)` : ''),
        r.errors.length ? scrollTable(`Lỗi và cảnh báo của lần nhập số ${id}`, table) : message('info', 'Lần nhập này không có lỗi hay cảnh báo nào.'))
      ;(detail.querySelector('#run-title') as HTMLElement | null)?.focus()
    } catch (e) {
      replace(detail, h('h2', { id: 'run-title' }, `Lần nhập số ${id}`), message('error', (e as Error).message))
    }
  }
  const rows = runs.map((r) => {
    const btn = h('button', { type: 'button', class: 'secondary', 'aria-label': `Xem lỗi của lần nhập số ${r.id}` }, 'Xem lỗi')
    btn.addEventListener('click', () => void show(r.id))
    return h('tr', { 'data-run': String(r.id) },
      h('td', { class: 'num' }, String(r.id)),
      h('th', { scope: 'row' }, RUN_KIND[r.kind] ?? r.kind, h('div', { class: 'small muted sources', title: r.sources.join('\n') }, r.sources.map((f) => f.split(/[\\/]/).pop()).join(', '))),
      h('td', { 'data-label': 'Bắt đầu', class: 'date' }, dateTime(r.startedAt)),
      h('td', { 'data-label': 'Trạng thái' }, RUN_STATUS[r.status] ?? r.status),
      h('td', { class: 'num', 'data-label': 'Thêm mới' }, num(r.inserted, 0)),
      h('td', { class: 'num', 'data-label': 'Cập nhật' }, num(r.updated, 0)),
      h('td', { class: 'num', 'data-label': 'Không đổi' }, num(r.unchanged, 0)),
      h('td', { class: 'num', 'data-label': 'Bị từ chối' }, r.rejected ? h('strong', { class: 'lost' }, num(r.rejected, 0)) : '0'),
      h('td', { class: 'num', 'data-label': 'Cũ hơn bản đã lưu' }, num(r.stale, 0)),
      h('td', { 'data-label': 'Người nhập' }, r.actor),
      h('td', { class: 'actions' }, btn))
  })
  const table = h('table', { class: 'data stack runs' },
    h('thead', null, h('tr', null, ['Số', 'Loại dữ liệu', 'Bắt đầu', 'Trạng thái', 'Thêm mới', 'Cập nhật', 'Không đổi', 'Bị từ chối', 'Cũ hơn', 'Người nhập', ''].map((t, i) => h('th', { scope: 'col', class: i >= 4 && i <= 8 ? 'num' : undefined }, t || h('span', { class: 'visually-hidden' }, 'Thao tác'))))),
    h('tbody', null, rows))
  replace(box,
    uploadForm(),
    h('section', { class: 'card', 'aria-labelledby': 'runs-title' },
      h('h2', { id: 'runs-title' }, `Các lần nhập dữ liệu (${runs.length})`),
      runs.length ? scrollTable('Các lần nhập dữ liệu, mới nhất trước', table) : message('info', 'Chưa có lần nhập dữ liệu nào.')),
    detail)
  if (runParam && /^\d+$/.test(runParam)) void show(+runParam)
}

// ---- Audit log ----

async function auditTab(box: HTMLElement, isCurrent: () => boolean, query: URLSearchParams): Promise<void> {
  const action = query.get('action') ?? ''
  const actor = query.get('actor') ?? ''
  const { entries } = await api<{ entries: AuditEntry[] }>(apiUrl('/api/audit', { action, actor, limit: 200 }))
  if (!isCurrent()) return
  const actionInput = input({ id: 'a-action', name: 'action', value: action, list: 'audit-actions', autocomplete: 'off' })
  const actorInput = input({ id: 'a-actor', name: 'actor', value: actor, autocomplete: 'off' })
  const datalist = h('datalist', { id: 'audit-actions' }, [...Object.keys(ACTIONS), 'login.', 'user.', 'target.', 'feed-key.'].map((a) => h('option', { value: a }, ACTIONS[a] ?? `mọi thao tác ${a}…`)))
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Lọc nhật ký' },
    field('Thao tác', actionInput, 'Ví dụ target.created; kết thúc bằng dấu chấm để lấy cả nhóm (login.).'),
    field('Người thực hiện', actorInput),
    datalist,
    h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, 'Lọc'), action || actor ? h('a', { class: 'button secondary', href: href('/admin', { tab: 'audit' }) }, 'Bỏ lọc') : null))
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    go('/admin', { tab: 'audit', action: actionInput.value.trim(), actor: actorInput.value.trim() })
  })
  const table = h('table', { class: 'data stack audit' },
    h('thead', null, h('tr', null, ['Thời điểm', 'Người thực hiện', 'Thao tác', 'Chi tiết'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', null, entries.map((e) => h('tr', { 'data-action': e.action },
      h('td', { class: 'date', 'data-label': 'Thời điểm' }, dateTime(e.at)),
      h('td', { 'data-label': 'Người' }, e.actor),
      h('th', { scope: 'row' }, ACTIONS[e.action] ?? e.action, h('div', { class: 'small muted' }, e.action)),
      h('td', { class: 'details', 'data-label': 'Chi tiết' }, e.details === null || e.details === undefined ? '—' : JSON.stringify(e.details))))))
  replace(box,
    h('section', { class: 'card', 'aria-labelledby': 'audit-title' },
      h('h2', { id: 'audit-title' }, 'Nhật ký thao tác'),
      form,
      h('p', { class: 'count', role: 'status' }, `${num(entries.length, 0)} mục mới nhất${action ? `, thao tác ${action}` : ''}${actor ? `, người thực hiện ${actor}` : ''} (tối đa 200)`),
      entries.length ? scrollTable('Nhật ký, mới nhất trước', table) : message('info', 'Không có mục nào khớp bộ lọc.')))
}

// ---- Office profile (hồ sơ cơ quan of the monthly letter, docs/letter.md) ----

interface OfficeProfileAnswer {
  source: 'store' | 'demo'
  yaml: string
  profile: { unit: string | null; agency: { shortName: string }; signer: { title: string; name: string } }
}

// Liberation Mono first: it has the precomposed Vietnamese letters (DejaVu Sans Mono misplaces the stacked marks).
// The page's own font, not a monospace one: monospace fonts here draw stacked Vietnamese marks badly ("sô´").
const AREA_STYLE = 'font: inherit; font-size: 0.95rem; line-height: 1.5; width: 100%; box-sizing: border-box; tab-size: 2; white-space: pre; overflow-wrap: normal; overflow-x: auto;'

function profileSourceNote(answer: OfficeProfileAnswer): HTMLElement {
  const note = answer.source === 'demo'
    ? message('warn', 'Đang dùng hồ sơ cơ quan mẫu (UBND tỉnh Minh Sơn của dữ liệu mẫu). Hãy sửa tên cơ quan, địa danh, ký hiệu, nơi nhận, người ký rồi bấm "Lưu hồ sơ".')
    : message('info', `Hồ sơ đã lưu: ${answer.profile.agency.shortName}; người ký ${answer.profile.signer.title.toLocaleLowerCase('vi')} ${answer.profile.signer.name}.`)
  note.id = 'profile-source'
  return note
}

async function profileTab(box: HTMLElement, isCurrent: () => boolean): Promise<void> {
  const answer = await api<OfficeProfileAnswer>('/api/letter/profile')
  if (!isCurrent()) return
  const noteSlot = h('div', null, profileSourceNote(answer))
  const area = h('textarea', { id: 'profile-yaml', name: 'yaml', rows: '30', spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off', style: AREA_STYLE })
  area.value = answer.yaml
  const status = formStatus('profile-status')
  const submit = h('button', { type: 'submit' }, 'Lưu hồ sơ')
  const form = h('form', { novalidate: true, 'aria-describedby': status.el.id },
    field('Hồ sơ cơ quan (YAML)', area, 'Mọi chữ trong công văn trừ số liệu: cơ quan ban hành, địa danh, ký hiệu, nơi nhận, người ký, chỉ tiêu theo dõi, câu chữ. Số liệu do chiso điền vào các trường {…}. Định dạng: docs/letter.md.'),
    h('div', { class: 'form-actions' }, submit),
    status.el)
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    submit.disabled = true
    status.busy('Đang lưu hồ sơ cơ quan…')
    try {
      const saved = await api<OfficeProfileAnswer>('/api/letter/profile', { method: 'PUT', file: { body: new Blob([area.value], { type: 'text/yaml' }), contentType: 'text/yaml; charset=utf-8' } })
      replace(noteSlot, profileSourceNote(saved))
      status.ok(`Đã lưu hồ sơ cơ quan (${saved.profile.agency.shortName}). Công văn tải từ bây giờ dùng hồ sơ này.`)
    } catch (err) {
      status.error(err)
    } finally {
      submit.disabled = false
    }
  })
  replace(box,
    h('section', { class: 'card', 'aria-labelledby': 'profile-title' },
      h('h2', { id: 'profile-title' }, 'Hồ sơ cơ quan cho công văn tháng'),
      noteSlot,
      form))
}

let flash: string | null = null

async function render({ main, query, isCurrent }: RouteContext): Promise<void> {
  if (state.user?.role !== 'admin') {
    replace(main, pageTitle('Quản trị'), message('error', 'Bạn không có quyền dùng trang quản trị: chỉ tài khoản quản trị được quản lý tài khoản, khóa API và nhật ký.'))
    return
  }
  const raw = query.get('tab')
  const tab: Tab = TABS.some(([t]) => t === raw) ? (raw as Tab) : 'users'
  const box = h('div', { id: `tab-${tab}` }, h('p', { class: 'loading', role: 'status' }, 'Đang tải…'))
  const notice = flash ? message('info', flash) : null
  flash = null
  replace(main,
    pageTitle('Quản trị'),
    h('nav', { 'aria-label': 'Các mục quản trị' }, h('ul', { class: 'tabs' }, TABS.map(([t, label]) => h('li', null, h('a', { href: href('/admin', { tab: t }), 'aria-current': t === tab ? 'page' : undefined }, label))))),
    notice,
    box)
  if (tab === 'users') await usersTab(box, isCurrent)
  else if (tab === 'keys') await keysTab(box, isCurrent)
  else if (tab === 'imports') await importsTab(box, isCurrent, query.get('run'))
  else if (tab === 'profile') await profileTab(box, isCurrent)
  else await auditTab(box, isCurrent, query)
}

export const routes: Route[] = [
  {
    path: '/admin',
    title: 'Quản trị',
    nav: 'admin',
    // Not `adminOnly`: the page itself says "không có quyền" (and the API refuses anyway).
    render,
  },
]
