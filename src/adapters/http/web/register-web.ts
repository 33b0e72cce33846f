/**
 * @module adapters/http/web/register-web
 * The dashboard's static files at `/`: the Vite build in `dist/web` (or `CHISO_WEB_DIR`).
 * Hashed files under `/assets/` are cached for a year; `index.html` is never cached, so a new
 * build reaches every office PC at the next visit. Text files are sent gzip-compressed when the
 * browser accepts it (slow office networks). A missing build answers a Vietnamese page saying how
 * to build it. Unknown `/api/…` paths answer `{ error }` 404 in the API's shape.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, extname, join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { ApiContext } from '../context.js'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt'])

/** Content-Security-Policy of the pages: nothing is loaded from anywhere but this server. */
export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

/** The folder of the built dashboard: `CHISO_WEB_DIR`, else `dist/web` of the package. */
export function webDir(): string {
  if (process.env.CHISO_WEB_DIR) return resolve(process.env.CHISO_WEB_DIR)
  // From src/adapters/http/web (tests) or dist/src/adapters/http/web (built): walk up to package.json.
  let dir = dirname(fileURLToPath(import.meta.url))
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'web')
    dir = dirname(dir)
  }
  return resolve('dist', 'web')
}

const MISSING_PAGE = (dir: string) => `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>chiso — chưa có giao diện web</title>
<style>body{font-family:'Noto Sans','Segoe UI',Roboto,'Liberation Sans',Arial,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1f24}code{background:#eef2f6;padding:0 .3rem}</style>
</head><body>
<h1>Chưa có giao diện web</h1>
<p>Máy chủ chiso đang chạy và API vẫn trả lời tại <code>/api/…</code>, nhưng chưa tìm thấy bản dựng của trang tổng quan (thư mục <code>${dir.replace(/[<>&]/g, '')}</code>).</p>
<p>Hãy chạy <code>npm run build</code> trong thư mục mã nguồn rồi tải lại trang này.</p>
</body></html>`

interface CachedFile {
  mtimeMs: number
  size: number
  body: Buffer
  gzip: Buffer | null
}

/** Register `/` and the built files on the app. */
export function registerWeb(app: FastifyInstance, ctx: ApiContext): void {
  void ctx
  const root = webDir()
  const cache = new Map<string, CachedFile>()

  /** A file inside the build (never outside it), or null. */
  const load = (relative: string): CachedFile | null => {
    const path = resolve(root, relative)
    if (path !== root && !path.startsWith(root + sep)) return null
    let st
    try {
      st = statSync(path)
    } catch {
      return null
    }
    if (!st.isFile()) return null
    const hit = cache.get(path)
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit
    const body = readFileSync(path)
    const file = { mtimeMs: st.mtimeMs, size: st.size, body, gzip: COMPRESSIBLE.has(extname(path)) && body.length > 1024 ? gzipSync(body, { level: 9 }) : null }
    cache.set(path, file)
    return file
  }

  const send = (req: FastifyRequest, reply: FastifyReply, relative: string, file: CachedFile) => {
    const ext = extname(relative)
    const hashed = relative.startsWith('assets/')
    reply.header('Content-Type', CONTENT_TYPES[ext] ?? 'application/octet-stream')
    reply.header('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
    reply.header('X-Content-Type-Options', 'nosniff')
    if (ext === '.html') {
      reply.header('Content-Security-Policy', WEB_CSP)
      reply.header('Referrer-Policy', 'same-origin')
      reply.header('X-Frame-Options', 'DENY')
    }
    if (file.gzip) reply.header('Vary', 'Accept-Encoding')
    const accepts = String(req.headers['accept-encoding'] ?? '')
    if (file.gzip && /\bgzip\b/.test(accepts)) {
      reply.header('Content-Encoding', 'gzip')
      return reply.send(file.gzip)
    }
    return reply.send(file.body)
  }

  const index = (req: FastifyRequest, reply: FastifyReply) => {
    const file = load('index.html')
    if (!file) {
      return reply.code(503).header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-cache').send(MISSING_PAGE(root))
    }
    return send(req, reply, 'index.html', file)
  }

  app.get('/', index)
  app.get('/index.html', index)

  app.get('/*', async (req, reply) => {
    let path: string
    try {
      path = decodeURIComponent(req.url.split('?')[0])
    } catch {
      return reply.code(400).send({ error: 'Đường dẫn không hợp lệ (mã hóa URL sai)' })
    }
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/dvcqg')) {
      return reply.code(404).send({ error: `Không có đường dẫn ${req.method} ${path.replace(/[^\x20-\x7e\u00a0-\uffff]/g, '')}` })
    }
    const relative = path.replace(/^\/+/, '')
    const file = relative.includes('\0') ? null : load(relative)
    if (!file) {
      return reply
        .code(404)
        .header('Content-Type', 'text/html; charset=utf-8')
        .send(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Không tìm thấy</title></head><body><h1>Không tìm thấy trang</h1><p><a href="/">Về trang tổng quan</a></p></body></html>`)
    }
    return send(req, reply, relative, file)
  })
}
