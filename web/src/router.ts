/**
 * Hash router: `#/path/:param?query`. Pages declare routes (see pages/index.ts); the router checks
 * the session, draws the header, then lets the page fill <main>.
 */

export interface RouteContext {
  params: Record<string, string>
  query: URLSearchParams
  /** The <main> element to fill. */
  main: HTMLElement
  /** Period of the page: `?period=` or the app's chosen period. */
  period: string
  /** False once the user has navigated elsewhere (ignore late answers). */
  isCurrent(): boolean
}

export type NavKey = 'overview' | 'ranking' | 'procedures' | 'targets' | 'plan' | 'admin' | 'none'

export interface Route {
  /** `/unit/:code/trace/:indicator` */
  path: string
  /** Tab title (Vietnamese). */
  title: string
  /** Which nav entry is current. */
  nav: NavKey
  /** Reachable without signing in. */
  public?: boolean
  /** Only for administrators. */
  adminOnly?: boolean
  render(ctx: RouteContext): void | Promise<void>
}

interface Compiled {
  route: Route
  regex: RegExp
  keys: string[]
}

const routes: Compiled[] = []

/** Add routes (called once, from pages/index.ts). */
export function registerRoutes(list: Route[]): void {
  for (const route of list) {
    const keys: string[] = []
    const source = route.path
      .split('/')
      .map((seg) => {
        if (seg.startsWith(':')) {
          keys.push(seg.slice(1))
          return '([^/]+)'
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      })
      .join('/')
    routes.push({ route, regex: new RegExp(`^${source}/?$`), keys })
  }
}

export interface Location {
  path: string
  query: URLSearchParams
}

/** The current hash as path + query. */
export function currentLocation(): Location {
  const raw = location.hash.replace(/^#/, '') || '/'
  const i = raw.indexOf('?')
  return { path: (i < 0 ? raw : raw.slice(0, i)) || '/', query: new URLSearchParams(i < 0 ? '' : raw.slice(i + 1)) }
}

/** Find the route of a path. */
export function match(path: string): { route: Route; params: Record<string, string> } | null {
  for (const c of routes) {
    const m = c.regex.exec(path)
    if (m) {
      const params: Record<string, string> = {}
      c.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])))
      return { route: c.route, params }
    }
  }
  return null
}

/** `#/path?query` with empty values left out. */
export function href(path: string, query: Record<string, string | number | null | undefined> = {}): string {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v))
  const s = qs.toString()
  return `#${path}${s ? `?${s}` : ''}`
}

/** Go to a page. */
export function go(path: string, query: Record<string, string | number | null | undefined> = {}): void {
  const target = href(path, query)
  if (location.hash === target) window.dispatchEvent(new HashChangeEvent('hashchange'))
  else location.hash = target
}

/** Encode a path segment. */
export const seg = (s: string) => encodeURIComponent(s)
