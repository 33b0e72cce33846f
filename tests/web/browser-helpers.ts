/**
 * What the browser tests share: the dashboard built from web/ into a folder of the test only, a
 * real SQLite store filled with demo data (a 3-level province, 2024, taken on 27/11/2024 17:00),
 * a few accounts, the real server (`buildServer`) listening on a free port, Chromium through
 * playwright-core, and small helpers (a context recording its requests, login, API GET with the
 * page's session, screenshots to docs/screens/).
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
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

/** The data are taken on 27/11/2024, 17:00 (Vietnam): November is still open (tạm tính), October is closed. */
export const AS_OF = Date.parse('2024-11-27T17:00:00+07:00')
/** The password of every test account. */
export const PASSWORD = 'mat-khau-thu-nghiem-1'
/**
 * Where screenshots go: a temporary folder, so a test run leaves the working tree clean; set
 * `CHISO_SCREENS_DIR=docs/screens` to refresh the committed pictures.
 */
export const SCREENS = process.env.CHISO_SCREENS_DIR ? resolve(process.env.CHISO_SCREENS_DIR) : join(tmpdir(), 'chiso-screens')
export const DESKTOP = { width: 1366, height: 800 }
export const PHONE = { width: 390, height: 844 }
/** Time for the whole setup (vite build, demo data, import, Chromium) on a shared 2-core machine. */
export const SETUP_TIMEOUT = 240_000

/** Numbers as the dashboard shows them. */
export const vi = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })

export type Unit = ReturnType<LiveData['current']>['units']['units'][number]

/** An account created before the server starts (password: PASSWORD). */
export interface Account {
  username: string
  displayName: string
  role: 'admin' | 'officer' | 'viewer'
  unitCode?: string
}

/** A browser context whose every request is recorded (to prove nothing leaves the server). */
export interface Session {
  context: BrowserContext
  page: Page
  requests: string[]
}

export interface WebApp {
  readonly base: string
  readonly browser: Browser
  readonly live: LiveData
  readonly store: Store
  newContext(viewport?: { width: number; height: number }): Promise<Session>
  /** Run `fn` in a new context, closed afterwards whatever happens. */
  session(fn: (s: Session) => Promise<void>): Promise<void>
  /** Fill the login form and submit it (no wait: the password may be wrong on purpose). */
  login(page: Page, username: string, password?: string): Promise<void>
  /** Log in and wait for `ready` on the first page. */
  signIn(page: Page, username: string, ready?: string): Promise<void>
  /** Log in, open `route` and, if given, wait for `ready`. */
  openAs(page: Page, username: string, route: string, ready?: string): Promise<void>
  /** Go to a route of the dashboard (`route` is what follows `#`, e.g. `/targets?period=2024-10`). */
  open(page: Page, route: string): Promise<void>
  /** GET an API route with the context's session cookie, expecting 200. */
  apiGet<T>(context: BrowserContext, path: string): Promise<T>
  /** The recorded requests that went neither to this server nor to a data: URL. */
  offServer(requests: string[]): string[]
  close(): Promise<void>
}

const launch = () =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-quic', '--no-first-run', '--disable-sync'],
  })

/**
 * The usual setup: an administrator `quantri` and an officer `canbo.huyen` of the first district;
 * the app and that district's code.
 */
export async function startWithDistrictOfficer(tmpPrefix: string): Promise<{ web: WebApp; district: string }> {
  let district = ''
  const web = await startWebApp(tmpPrefix, (units) => {
    district = units.find((u) => u.level === 'district')!.code
    return [
      { username: 'quantri', displayName: 'Quản trị tỉnh', role: 'admin' },
      { username: 'canbo.huyen', displayName: 'Nguyễn Thị Hòa', role: 'officer', unitCode: district },
    ]
  })
  return { web, district }
}

/**
 * Build the dashboard, fill a store with the demo data, create the accounts `accounts(units)`
 * names, start the server and Chromium.
 */
export async function startWebApp(tmpPrefix: string, accounts: (units: readonly Unit[]) => Account[]): Promise<WebApp> {
  const dir = mkdtempSync(join(tmpdir(), tmpPrefix))
  // The dashboard, built from web/ into a folder of this test only (the working tree may be rebuilt meanwhile).
  await build({ configFile: resolve('web/vite.config.ts'), logLevel: 'warn', build: { outDir: join(dir, 'web'), emptyOutDir: true } })
  process.env.CHISO_WEB_DIR = join(dir, 'web')

  const cal = loadWorkingCalendar()
  await writeDemoData(join(dir, 'data'), { dossiers: 4000, seed: 11, levels: 3, year: 2024, until: '2024-11-27' })
  const store = await openStore(join(dir, 'chiso.db'))
  let app: FastifyInstance | undefined
  let browser: Browser | undefined
  const close = async () => {
    await browser?.close()
    await app?.close()
    await store.close()
  }
  try {
    await importDataDir(store, join(dir, 'data'))
    const { prepared } = await loadPreparedFromStore(store, cal)
    const ruleSets = loadRuleSets()
    const live = new LiveData(prepared, cal, ruleSets)
    const known = (code: string) => live.current().units.byCode.has(code)
    for (const a of accounts(live.current().units.units)) await createUser(store, { ...a, password: PASSWORD }, 'test', known)
    app = buildServer({ live, ingest: storeIngestor(store), calendar: cal, ruleSets, store, now: () => AS_OF })
    await app.listen({ port: 0, host: '127.0.0.1' })
    const address = app.server.address()
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const chromiumBrowser = await launch()
    browser = chromiumBrowser
    mkdirSync(SCREENS, { recursive: true })

    const newContext = async (viewport = DESKTOP): Promise<Session> => {
      const context = await chromiumBrowser.newContext({ viewport, acceptDownloads: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' })
      const page = await context.newPage()
      const requests: string[] = []
      page.on('request', (r) => requests.push(r.url()))
      return { context, page, requests }
    }
    const login = async (page: Page, username: string, password = PASSWORD) => {
      await page.goto(`${base}/#/`)
      await page.waitForSelector('form.login-form')
      await page.getByLabel('Tên đăng nhập').fill(username)
      await page.getByLabel('Mật khẩu').fill(password)
      await page.getByRole('button', { name: 'Đăng nhập' }).click()
    }
    const signIn = async (page: Page, username: string, ready = '#main-nav a') => {
      await login(page, username)
      await page.waitForSelector(ready)
    }
    const open = async (page: Page, route: string) => {
      await page.goto(`${base}/#${route}`)
    }
    return {
      base,
      browser: chromiumBrowser,
      live,
      store,
      newContext,
      async session(fn) {
        const s = await newContext()
        try {
          await fn(s)
        } finally {
          await s.context.close()
        }
      },
      login,
      signIn,
      open,
      async openAs(page, username, route, ready) {
        await signIn(page, username)
        await open(page, route)
        if (ready !== undefined) await page.waitForSelector(ready)
      },
      async apiGet<T>(context: BrowserContext, path: string): Promise<T> {
        const r = await context.request.get(`${base}${path}`)
        expect(r.status(), `${path}: ${await r.text()}`).toBe(200)
        return (await r.json()) as T
      },
      offServer: (requests) => requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:')),
      close,
    }
  } catch (e) {
    await close()
    throw e
  }
}

/** Save a screenshot as docs/screens/<name>.png (`top`: scrolled to the top first; `fullPage`: the whole page). */
export async function shot(page: Page, name: string, options: { top?: boolean; fullPage?: boolean } = {}): Promise<void> {
  if (options.top) await page.evaluate('window.scrollTo(0, 0)')
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: options.fullPage ?? false })
}

/** The main navigation ("Chức năng chính"). */
export const mainNav = (page: Page): Locator => page.getByRole('navigation', { name: 'Chức năng chính' })

/** Click a link of the main navigation and wait for `ready`. */
export async function goByNav(page: Page, link: string, ready: string): Promise<void> {
  await mainNav(page).getByRole('link', { name: link }).click()
  await page.waitForSelector(ready)
}

/** The attribute `name` of every element `locator` finds, in order. */
export const attrs = (locator: Locator, name: string): Promise<(string | null)[]> => locator.evaluateAll((els, n) => els.map((e) => e.getAttribute(n)), name)
