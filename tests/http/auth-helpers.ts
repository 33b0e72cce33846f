/**
 * Shared by the account and access tests: a real SQLite store with demo data, the whole server
 * (`buildServer`), accounts created through the same code as the API, and a signed-in client.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, InjectOptions } from 'fastify'
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
import type { RuleSet } from '../../src/engine/rules/types.js'

export interface DemoServer {
  dir: string
  store: Store
  live: LiveData
  ruleSets: RuleSet[]
  app: FastifyInstance
  /** Build another server over the same store and data. */
  build(options?: { trustProxy?: boolean }): FastifyInstance
}

export async function demoServer(options: { levels: 2 | 3; dossiers: number; seed: number; asOf: number }): Promise<DemoServer> {
  const cal = loadWorkingCalendar()
  const dir = mkdtempSync(join(tmpdir(), 'chiso-auth-'))
  await writeDemoData(join(dir, 'data'), { dossiers: options.dossiers, seed: options.seed, levels: options.levels })
  const store = await openStore(join(dir, 'chiso.db'))
  await importDataDir(store, join(dir, 'data'))
  const { prepared } = await loadPreparedFromStore(store, cal)
  const ruleSets = loadRuleSets()
  const live = new LiveData(prepared, cal, ruleSets)
  const build = (o: { trustProxy?: boolean } = {}) =>
    buildServer({ live, ingest: storeIngestor(store), calendar: cal, ruleSets, store, now: () => options.asOf, trustProxy: o.trustProxy })
  return { dir, store, live, ruleSets, app: build(), build }
}

/** Create an account (through the same code as `POST /api/users`). */
export async function addUser(store: Store, username: string, role: 'admin' | 'officer' | 'viewer', unitCode: string | null, password = `mat-khau-${username}`) {
  await createUser(store, { username, displayName: `Người dùng ${username}`, role, unitCode, password }, 'test', () => true)
  return password
}

/** A signed-in client: cookie and CSRF token sent on every request. */
export interface Client {
  cookie: string
  csrf: string
  user: { username: string; role: string; unitCode: string | null }
  req(method: InjectOptions['method'], url: string, payload?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Record<string, unknown> }>
  get(url: string): Promise<{ status: number; body: any; headers: Record<string, unknown> }>
}

export async function login(app: FastifyInstance, username: string, password: string, remoteAddress = '127.0.0.1'): Promise<Client> {
  const r = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password }, remoteAddress })
  if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`)
  const cookie = String(r.headers['set-cookie']).split(';')[0]
  const { csrfToken, user } = r.json()
  const req: Client['req'] = async (method, url, payload, headers = {}) => {
    const res = await app.inject({ method, url, payload: payload as InjectOptions['payload'], headers: { cookie, 'x-csrf-token': csrfToken, ...headers }, remoteAddress })
    let body: unknown
    try {
      body = res.json()
    } catch {
      body = res.body
    }
    return { status: res.statusCode, body, headers: res.headers }
  }
  return { cookie, csrf: csrfToken, user, req, get: (url) => req('GET', url) }
}
