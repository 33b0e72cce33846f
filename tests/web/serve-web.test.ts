/**
 * Serving the built dashboard (registerWeb): content types, a long cache for hashed assets and
 * none for index.html, gzip when accepted, nothing outside the build folder, unknown /api paths in
 * the API's `{ error }` shape, and a Vietnamese page when the build is missing.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import type { ApiContext } from '../../src/adapters/http/context.js'
import { registerWeb } from '../../src/adapters/http/web/register-web.js'

const saved = process.env.CHISO_WEB_DIR
let app: FastifyInstance | null = null

afterEach(async () => {
  await app?.close()
  app = null
  if (saved === undefined) delete process.env.CHISO_WEB_DIR
  else process.env.CHISO_WEB_DIR = saved
})

/** An app serving `dir` (the ApiContext is not used by the static files). */
async function serve(dir: string): Promise<FastifyInstance> {
  process.env.CHISO_WEB_DIR = dir
  app = Fastify({ logger: false })
  registerWeb(app, {} as ApiContext)
  await app.ready()
  return app
}

function fakeBuild(): string {
  const outer = mkdtempSync(join(tmpdir(), 'chiso-webdir-'))
  writeFileSync(join(outer, 'secret-outside.txt'), 'no')
  const dir = join(outer, 'web')
  mkdirSync(join(dir, 'assets'), { recursive: true })
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="vi"><title>chiso</title><script type="module" src="/assets/index-abc123.js"></script></html>')
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), `console.log(${JSON.stringify('Bộ chỉ số '.repeat(300))})`)
  writeFileSync(join(dir, 'assets', 'index-abc123.css'), 'body{color:#000}')
  return dir
}

describe('registerWeb', () => {
  it('serves index.html uncached and hashed assets cached for a year, with their content types', async () => {
    const a = await serve(fakeBuild())
    const index = await a.inject({ method: 'GET', url: '/' })
    expect(index.statusCode).toBe(200)
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(index.headers['cache-control']).toBe('no-cache')
    expect(index.headers['content-security-policy']).toContain("default-src 'self'")
    expect(index.body).toContain('<title>chiso</title>')
    expect((await a.inject({ method: 'GET', url: '/index.html' })).body).toBe(index.body)

    const js = await a.inject({ method: 'GET', url: '/assets/index-abc123.js' })
    expect(js.statusCode).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(js.body).toContain('Bộ chỉ số')
    const css = await a.inject({ method: 'GET', url: '/assets/index-abc123.css' })
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8')
  })

  it('sends gzip to browsers that accept it', async () => {
    const a = await serve(fakeBuild())
    const plain = await a.inject({ method: 'GET', url: '/assets/index-abc123.js' })
    const zipped = await a.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toBe('Accept-Encoding')
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 5)
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body)
    expect(plain.headers['content-encoding']).toBeUndefined()
  })

  it('never serves a file outside the build folder, and answers unknown files with 404', async () => {
    const a = await serve(fakeBuild())
    for (const url of ['/../secret-outside.txt', '/assets/../../secret-outside.txt', '/%2e%2e/secret-outside.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret-outside.txt']) {
      const r = await a.inject({ method: 'GET', url })
      expect(r.statusCode, url).toBe(404)
      expect(r.body).not.toBe('no')
    }
    const missing = await a.inject({ method: 'GET', url: '/assets/nope.js' })
    expect(missing.statusCode).toBe(404)
    expect(missing.body).toContain('Không tìm thấy trang')
    expect((await a.inject({ method: 'GET', url: '/%E0%A4%A' })).statusCode).toBe(400)
  })

  it('answers unknown /api paths in the API shape', async () => {
    const a = await serve(fakeBuild())
    const r = await a.inject({ method: 'GET', url: '/api/khong-co' })
    expect(r.statusCode).toBe(404)
    expect(r.json()).toEqual({ error: 'Không có đường dẫn GET /api/khong-co' })
  })

  it('explains in Vietnamese how to build the pages when the build is missing', async () => {
    const a = await serve(join(mkdtempSync(join(tmpdir(), 'chiso-nobuild-')), 'web'))
    const r = await a.inject({ method: 'GET', url: '/' })
    expect(r.statusCode).toBe(503)
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(r.body).toContain('Chưa có giao diện web')
    expect(r.body).toContain('npm run build')
  })
})
