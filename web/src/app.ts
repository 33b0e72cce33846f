/**
 * The application shell: session check, header (units, periods, user), navigation and the
 * render loop of the hash router.
 */
import { api, HttpError, setCsrfToken, setUnauthenticatedHandler, type Meta, type Session } from './api'
import { h, replace } from './dom'
import { LEVEL_NAMES, periodName } from './format'
import { currentLocation, go, href, match, seg, type NavKey, type Route } from './router'
import { homeUnit, loadMeta, monthsWithData, state } from './state'
import { errorText, loading, message, pageTitle } from './ui'

const APP_NAME = 'chiso — Bộ chỉ số phục vụ người dân, doanh nghiệp'

let renderCount = 0
let started = false

/** How often an open page asks whether the data changed (pushed or imported records). */
const DATA_POLL_MS = 60_000
/** The data version the page's numbers were drawn from. */
let seenVersion: number | null = null

const shell = {
  root: document.getElementById('app') as HTMLElement,
  nav: null as HTMLElement | null,
  navToggle: null as HTMLButtonElement | null,
  controls: null as HTMLElement | null,
  main: null as unknown as HTMLElement,
  updates: null as unknown as HTMLElement,
}

/** Build the static frame once. */
function buildShell(): void {
  const main = h('main', { id: 'main', tabindex: '-1' })
  const skip = h('a', { class: 'skip-link', href: '#main' }, 'Bỏ qua, đến nội dung chính')
  skip.addEventListener('click', (e) => {
    e.preventDefault()
    const target = main.querySelector('h1') ?? main
    ;(target as HTMLElement).focus()
  })
  const toggle = h('button', { class: 'nav-toggle', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'main-nav' }, 'Danh mục')
  toggle.addEventListener('click', () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true'
    toggle.setAttribute('aria-expanded', String(open))
    shell.nav?.classList.toggle('open', open)
    shell.nav?.parentElement?.classList.toggle('menu-open', open)
  })
  const nav = h('nav', { id: 'main-nav', 'aria-label': 'Chức năng chính' })
  const controls = h('div', { class: 'controls' })
  const header = h(
    'header',
    { class: 'top' },
    h('div', { class: 'brand-row' },
      h('a', { class: 'brand', href: '#/' }, h('strong', null, 'chiso'), h('span', { class: 'brand-sub' }, ' — Bộ chỉ số phục vụ người dân, doanh nghiệp')),
      toggle),
    nav,
    controls
  )
  // Told politely, never redrawn under the user's eyes: newer numbers are one click away.
  const updates = h('div', { id: 'data-updates', class: 'update-banner', role: 'status', hidden: true })
  const footer = h('footer', { class: 'foot' }, 'Chỉ số tính theo Quyết định 766/QĐ-TTg từ hồ sơ của chính đơn vị; điểm chính thức do Cổng Dịch vụ công quốc gia công bố.')
  replace(shell.root, skip, header, updates, main, footer)
  shell.updates = updates
  shell.nav = nav
  shell.navToggle = toggle
  shell.controls = controls
  shell.main = main
}

function navItems(): { key: NavKey; label: string; href: string }[] {
  const p = { period: state.period }
  const unit = state.unit || homeUnit()
  const items: { key: NavKey; label: string; href: string }[] = [
    { key: 'overview', label: 'Tổng quan', href: href('/', { ...p, unit: unit !== homeUnit() ? unit : undefined }) },
    { key: 'ranking', label: 'Xếp hạng', href: href('/ranking', p) },
    { key: 'procedures', label: 'Thủ tục', href: href('/procedures', p) },
    { key: 'targets', label: 'Chỉ tiêu', href: href('/targets', p) },
    { key: 'plan', label: 'Kế hoạch cải thiện', href: href(`/plan/${seg(unit)}`, p) },
  ]
  if (state.user?.role === 'admin') items.push({ key: 'admin', label: 'Quản trị', href: href('/admin') })
  return items
}

/** Redraw the header for the current page. */
function drawHeader(route: Route | null): void {
  const signedIn = state.user !== null || state.authMissing
  if (!shell.nav || !shell.controls) return
  if (!signedIn || !route || route.public) {
    replace(shell.nav)
    replace(shell.controls)
    shell.navToggle!.hidden = true
    return
  }
  shell.navToggle!.hidden = false
  replace(
    shell.nav,
    h('ul', null, navItems().map((i) => h('li', null, h('a', { href: i.href, 'aria-current': route.nav === i.key ? 'page' : undefined }, i.label))))
  )
  replace(shell.controls, unitSwitcher(), periodPicker(), userBox())
}

function unitSwitcher(): HTMLElement {
  const select = h('select', { id: 'unit-switch', name: 'unit' })
  const byLevel = new Map<string, typeof state.units>()
  for (const u of state.units) {
    const list = byLevel.get(u.level) ?? []
    list.push(u)
    byLevel.set(u.level, list)
  }
  for (const [level, units] of byLevel) {
    const group = h('optgroup', { label: LEVEL_NAMES[level] ?? level })
    for (const u of units) group.appendChild(h('option', { value: u.code }, u.name))
    select.appendChild(group)
  }
  select.value = state.unit || homeUnit()
  select.addEventListener('change', () => switchUnit(select.value))
  return h('div', { class: 'control' }, h('label', { for: 'unit-switch' }, 'Đơn vị'), select)
}

/** Show another unit on the current kind of page. */
function switchUnit(code: string): void {
  const loc = currentLocation()
  const m = /^\/(unit|plan)\/[^/]+(\/.*)?$/.exec(loc.path)
  const query = Object.fromEntries(loc.query)
  if (m) {
    delete query.page
    go(`/${m[1]}/${seg(code)}${m[2] ?? ''}`, query)
  } else go('/', { ...query, unit: code })
}

function periodPicker(): HTMLElement {
  const select = h('select', { id: 'period-pick', name: 'period' })
  const months = monthsWithData()
  const all = new Set(months)
  if (state.period && !all.has(state.period) && /^\d{4}-\d{2}$/.test(state.period)) months.unshift(state.period)
  const quarters = [...new Set(months.map((m) => `${m.slice(0, 4)}-Q${Math.ceil(+m.slice(5, 7) / 3)}`))]
  const years = [...new Set(months.map((m) => m.slice(0, 4)))]
  const group = (label: string, list: string[]) => (list.length ? h('optgroup', { label }, list.map((p) => h('option', { value: p }, periodName(p)))) : null)
  if (!months.length) select.appendChild(h('option', { value: '' }, 'Chưa có tháng nào có số liệu'))
  select.append(...[group('Tháng', months), group('Quý', quarters), group('Năm', years)].filter((x): x is HTMLOptGroupElement => x !== null))
  if (state.period && ![...select.options].some((o) => o.value === state.period)) select.appendChild(h('option', { value: state.period }, periodName(state.period)))
  select.value = state.period
  select.addEventListener('change', () => {
    state.period = select.value
    const loc = currentLocation()
    const query = Object.fromEntries(loc.query)
    delete query.page
    go(loc.path, { ...query, period: select.value })
  })
  return h('div', { class: 'control' }, h('label', { for: 'period-pick' }, 'Kỳ'), select)
}

function userBox(): HTMLElement {
  if (!state.user) return h('div', { class: 'user-box' }, h('span', { class: 'muted' }, 'Máy chủ chưa bật đăng nhập'))
  const u = state.user
  const logout = h('button', { type: 'button', class: 'secondary' }, 'Đăng xuất')
  logout.addEventListener('click', async () => {
    try {
      await api('/api/session', { method: 'DELETE', quiet401: true })
    } catch {
      // Already signed out: go to the login page anyway.
    }
    state.user = null
    state.meta = null
    state.units = []
    state.period = ''
    state.unit = ''
    go('/login')
  })
  return h(
    'div',
    { class: 'user-box' },
    h('span', { class: 'user-name' }, u.displayName || u.username, h('span', { class: 'muted' }, ` (${u.roleName ?? u.role})`)),
    logout
  )
}

/** Check the session: signed in, signed out, or a server without session routes yet. */
async function checkSession(): Promise<void> {
  try {
    const s = await api<Session>('/api/session', { quiet401: true })
    state.user = s.user
    setCsrfToken(s.csrfToken)
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) state.authMissing = true
    else if (!(e instanceof HttpError && e.status === 401)) throw e
  }
}

/** After a successful login (called by the login page). */
export async function signedIn(session: Session, next: string | null): Promise<void> {
  state.user = session.user
  setCsrfToken(session.csrfToken)
  state.meta = null
  state.period = ''
  await loadMeta()
  // (loadMeta filled state.meta; TypeScript still sees the null set above.)
  seenVersion = (state.meta as Meta | null)?.dataVersion ?? null
  location.hash = next && next.startsWith('/') && !next.startsWith('/login') ? `#${next}` : '#/'
}

async function render(): Promise<void> {
  const id = ++renderCount
  const loc = currentLocation()
  const found = match(loc.path)
  const route = found?.route ?? null
  const signedIn = state.user !== null || state.authMissing
  if (route && !route.public && !signedIn) {
    go('/login', { next: loc.path + (loc.query.toString() ? `?${loc.query}` : '') })
    return
  }
  if (signedIn && !state.meta && route && !route.public) {
    try {
      await loadMeta()
    } catch (e) {
      drawHeader(null)
      replace(shell.main, pageTitle('Không tải được số liệu'), message('error', errorText(e)))
      return
    }
    if (id !== renderCount) return
  }
  const qp = loc.query.get('period')
  if (qp) state.period = qp
  shell.nav?.classList.remove('open')
  shell.nav?.parentElement?.classList.remove('menu-open')
  shell.navToggle?.setAttribute('aria-expanded', 'false')
  if (!route) {
    drawHeader(null)
    document.title = `Không tìm thấy trang — chiso`
    replace(shell.main, pageTitle('Không tìm thấy trang'), message('warn', `Không có trang "${loc.path}". `, h('a', { href: '#/' }, 'Về trang tổng quan')))
    return
  }
  if (route.adminOnly && state.user?.role !== 'admin') {
    drawHeader(route)
    document.title = `${route.title} — chiso`
    replace(shell.main, pageTitle(route.title), message('error', 'Chỉ tài khoản quản trị được dùng trang này.'))
    return
  }
  state.unit = found!.params.code && /^\/(unit|plan)\//.test(loc.path) ? found!.params.code : loc.query.get('unit') ?? (route.nav === 'overview' ? homeUnit() : state.unit || homeUnit())
  drawHeader(route)
  document.title = `${route.title} — chiso`
  replace(shell.main, loading())
  shell.main.setAttribute('aria-busy', 'true')
  try {
    await route.render({ params: found!.params, query: loc.query, main: shell.main, period: state.period, isCurrent: () => id === renderCount })
  } catch (e) {
    if (id === renderCount && !(e instanceof HttpError && e.status === 401)) replace(shell.main, pageTitle(route.title), message('error', errorText(e)))
  } finally {
    if (id === renderCount) {
      shell.main.removeAttribute('aria-busy')
      if (started && !shell.main.contains(document.activeElement)) (shell.main.querySelector('h1') as HTMLElement | null)?.focus()
    }
  }
}

/** Ask the server for the data version; show the banner when the numbers on screen are older. */
async function checkDataVersion(): Promise<void> {
  if (document.visibilityState !== 'visible' || state.user === null) return
  let v: number
  try {
    v = (await api<{ dataVersion: number }>('/api/data-version', { quiet401: true })).dataVersion
  } catch {
    return // Offline or signed out: the next page load says so.
  }
  if (seenVersion === null || v <= seenVersion) {
    seenVersion ??= v
    return
  }
  const changes = v - seenVersion
  const button = h('button', { type: 'button', class: 'secondary' }, 'Cập nhật số liệu')
  button.addEventListener('click', () => {
    seenVersion = v
    shell.updates.hidden = true
    replace(shell.updates)
    // New months may have data now: the header's period list comes from meta.
    state.meta = null
    void render()
  })
  replace(shell.updates, h('span', null, `Có số liệu mới từ lúc mở trang (${changes} thay đổi). `), button)
  shell.updates.hidden = false
}

/** Start the app. */
export async function start(): Promise<void> {
  document.title = APP_NAME
  buildShell()
  setUnauthenticatedHandler(() => {
    state.user = null
    const loc = currentLocation()
    if (loc.path !== '/login') go('/login', { next: loc.path + (loc.query.toString() ? `?${loc.query}` : '') })
  })
  try {
    await checkSession()
  } catch (e) {
    replace(shell.main, pageTitle('Không kết nối được máy chủ'), message('error', errorText(e)))
    return
  }
  window.addEventListener('hashchange', () => {
    void render()
  })
  await render()
  started = true
  seenVersion = state.meta?.dataVersion ?? null
  window.setInterval(() => void checkDataVersion(), DATA_POLL_MS)
}
