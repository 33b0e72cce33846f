/**
 * The client of the JSON API (docs/web-api.md): same-origin cookies, `X-CSRF-Token` on every
 * non-GET request, and a trip to the login page when the session is missing (401).
 */

/** A refusal of the API: status and the Vietnamese message of `{ error }`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: unknown
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

let csrfToken = ''
let onUnauthenticated: () => void = () => {}

/** Remember the CSRF token of the session (from GET/POST /api/session). */
export function setCsrfToken(token: string): void {
  csrfToken = token
}

/** What to do when a request answers 401 (set by the app: go to the login page). */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn
}

export interface ApiOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  /** Send this file as the body, with this content type, instead of JSON. */
  file?: { body: Blob; contentType: string }
  /** Don't go to the login page on 401 (the session check and login itself). */
  quiet401?: boolean
}

/** Build `/api/...?a=1&b=2`, skipping empty values. */
export function apiUrl(path: string, query: Record<string, string | number | null | undefined> = {}): string {
  const qs = new URLSearchParams()
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v))
  const s = qs.toString()
  return s ? `${path}?${s}` : path
}

/** Call the API; resolves with the JSON body, rejects with an {@link HttpError}. */
export async function api<T>(path: string, options: ApiOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken
  if (options.file) headers['Content-Type'] = options.file.contentType
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  let res: Response
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.file ? options.file.body : options.body === undefined ? undefined : JSON.stringify(options.body),
    })
  } catch {
    throw new HttpError(0, 'Không kết nối được máy chủ; hãy kiểm tra mạng rồi thử lại', null)
  }
  const text = await res.text()
  let body: unknown = null
  try {
    body = text ? JSON.parse(text) : null
  } catch {
    body = text
  }
  if (!res.ok) {
    const message =
      body && typeof body === 'object' && typeof (body as { error?: unknown }).error === 'string'
        ? (body as { error: string }).error
        : res.status === 404
          ? `Máy chủ chưa có chức năng này (${path.split('?')[0]})`
          : `Máy chủ trả lỗi ${res.status}`
    if (res.status === 401 && !options.quiet401) onUnauthenticated()
    throw new HttpError(res.status, message, body)
  }
  return body as T
}

/** Like {@link api} but a 404 (route not built yet, or nothing there) gives null. */
export async function apiOptional<T>(path: string): Promise<T | null> {
  try {
    return await api<T>(path)
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return null
    throw e
  }
}

// ---- Shapes of the answers (docs/web-api.md, src/adapters/http/api/read-api.ts) ----

export interface User {
  username: string
  displayName: string
  role: 'admin' | 'officer' | 'viewer'
  roleName?: string
  unitCode: string | null
  unitName?: string | null
}
export interface Session {
  user: User
  csrfToken: string
}
export interface Unit {
  code: string
  name: string
  level: string
  parent: string | null
}
export interface PeriodInfo {
  label: string
  kind: string
  title: string
  firstDay: string
  lastDay: string
}
export interface GroupScore {
  id: string
  name: string
  points: number
  max: number
}
export interface Meta {
  appName?: string
  province: Unit
  asOf?: string
  /** Grows with every change of the data (see `/api/data-version`). */
  dataVersion?: number
  defaultPeriod: string
  latestMonthWithData?: string | null
  monthsWithData: string[]
  indicators?: { id: string; code: string; name: string; group: string; max: number }[]
  groups?: { id: string; name: string; max: number }[]
  user?: User
}
export interface WeakIndicator {
  id: string
  code: string
  name: string
  group: string
  points: number
  max: number
  pointsLost: number
}
export interface Overview {
  unit: Unit
  period: PeriodInfo
  asOf: string
  provisional: boolean
  total: number
  max: number
  rank: number
  peers: number
  change: { period: PeriodInfo; total: number; rank: number; peers: number; delta: number } | null
  groups: GroupScore[]
  weakest: WeakIndicator[]
}
export interface RankingRow extends Unit {
  rank: number
  peers: number
  total: number
  max: number
  groups: GroupScore[]
}
export interface Ranking {
  period: PeriodInfo
  asOf: string
  provisional: boolean
  rows: RankingRow[]
}
export interface IndicatorRow {
  id: string
  code: string
  name: string
  group: string
  numerator: number | null
  denominator: number | null
  ratio: number | null
  points: number | null
  max: number
  pointsLost: number | null
  notApplicable: string | null
  notes?: string[]
}
export interface Indicators {
  unit: Unit
  period: PeriodInfo
  asOf: string
  provisional: boolean
  total: number
  max: number
  indicators: IndicatorRow[]
}
export interface TraceItem {
  kind: 'dossier' | 'procedure' | 'service' | 'petition'
  id: string
  unitCode: string
  procedureCode: string | null
  reasons: string[]
  weight: number
  receivedAt?: string | null
  dueAt?: string | null
  finishedAt?: string | null
}
export interface TracePage {
  unit: Unit
  period: PeriodInfo
  asOf: string
  indicator: IndicatorRow
  notes: string[]
  q: string | null
  all: number
  total: number
  page: number
  pageSize: number
  pages: number
  items: TraceItem[]
}
export interface TrendPoint {
  period: PeriodInfo
  dossiers: number
  provisional: boolean | null
  total: number | null
  max: number | null
  rank: number | null
  peers: number | null
  groups: GroupScore[] | null
}
export interface Trend {
  unit: Unit
  kind: string
  asOf: string
  points: TrendPoint[]
}
