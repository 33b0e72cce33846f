/**
 * The OpenAPI document served by the whole server lists every `/api/` route it registers, with
 * the right method, a Vietnamese description, and says which routes need no session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiRoutes } from '../../src/adapters/http/auth/auth-routes.js'
import { demoServer, type DemoServer } from './auth-helpers.js'

let s: DemoServer
const routes: { method: string; url: string }[] = []

beforeAll(async () => {
  s = await demoServer({ levels: 2, dossiers: 300, seed: 3, asOf: Date.parse('2026-11-27T17:00:00+07:00') })
  await s.app.ready()
  // Every route registered under /api (the session hook keeps the list), but HEAD twins and the
  // catch-all 404 of unknown /api paths.
  for (const r of apiRoutes(s.app)) if (r.method !== 'HEAD' && !r.url.includes('*')) routes.push({ method: r.method.toLowerCase(), url: r.url })
})
afterAll(async () => {
  await s.app.close()
  await s.store.close()
})

describe('GET /api/openapi.json on the whole server', () => {
  it('documents every registered /api route and method, in Vietnamese', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    expect(routes.length).toBeGreaterThan(30)
    const missing = routes.filter((r) => !doc.paths[r.url.replace(/:(\w+)/g, '{$1}')]?.[r.method]).map((r) => `${r.method.toUpperCase()} ${r.url}`)
    expect(missing).toEqual([])
    for (const [path, ops] of Object.entries<Record<string, { description: string }>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.description, `${method} ${path}`).toMatch(/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/)
      }
    }
  })

  it('marks exactly the public routes as needing no session', async () => {
    const doc = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    const open: string[] = []
    for (const [path, ops] of Object.entries<Record<string, { security?: unknown[] }>>(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) if (Array.isArray(op.security) && op.security.length === 0) open.push(`${method.toUpperCase()} ${path}`)
    }
    expect(open.sort()).toEqual(['GET /api/health', 'GET /api/openapi.json', 'POST /api/session'])
    expect(doc.components.securitySchemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'chiso_session' })
  })
})
