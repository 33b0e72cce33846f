/**
 * @module adapters/http/import-upload
 * `POST /api/imports?kind=…&fileName=…` (administrators): a file sent as the request body is
 * written to a temporary file and imported with the same functions as `chiso import` — one run
 * with its counts, stored errors (file, position, key, field) and audit entries, the actor being
 * the signed-in user. CSV and Excel files of dossiers use the default column mapping. After the
 * import the live scores follow: the dossiers the run stored (or re-normalized from new steps)
 * are applied to `LiveData`; other kinds (units, procedures, petitions, ratings, sync reports)
 * reload the prepared data from the store and swap it in (`LiveData.rebase`).
 */
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { Transform } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Dossier } from '../../engine/model.js'
import {
  importDossiers,
  importPortalSnapshot,
  importSteps,
  RECORD_IMPORTERS,
  type ImportResult,
} from '../store/import-run.js'
import { loadPreparedFromStore } from '../store/load-prepared.js'
import type { ImportKind, ImportRun } from '../store/store.js'
import { ApiError, onlyParams, type RawQuery } from './api/params.js'
import { requireAdmin } from './auth/access.js'
import type { ApiContext } from './context.js'

/** A refused upload: HTTP status (400, 413, 415) and a Vietnamese message naming the parameter. */
export class UploadError extends Error {
  constructor(
    readonly statusCode: 400 | 413 | 415,
    message: string
  ) {
    super(message)
    this.name = 'UploadError'
  }
}

/** Largest uploaded file. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024
/** Above this many stored dossiers, the live data are reloaded rather than patched one by one. */
const MAX_LIVE_UPSERTS = 50_000

/** Kinds a file can be imported as, with their Vietnamese names and the extensions they accept. */
export const UPLOAD_KINDS: Readonly<Record<ImportKind, { name: string; extensions: readonly string[] }>> = {
  dossiers: { name: 'hồ sơ (DongBoHoSoMC)', extensions: ['.json', '.ndjson', '.csv', '.tsv', '.txt', '.xlsx', '.xlsm'] },
  steps: { name: 'bước xử lý (CapNhatTienDoHoSoMC)', extensions: ['.json', '.ndjson'] },
  units: { name: 'đơn vị', extensions: ['.json'] },
  procedures: { name: 'thủ tục', extensions: ['.json'] },
  petitions: { name: 'phản ánh, kiến nghị', extensions: ['.json'] },
  ratings: { name: 'đánh giá', extensions: ['.json'] },
  'sync-reports': { name: 'số liệu đồng bộ', extensions: ['.json'] },
  portal: { name: 'số liệu Cổng DVCQG', extensions: ['.json'] },
}

/** Accepted body types and the file name used when none is given. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  'application/json': 'tep-tai-len.json',
  'application/x-ndjson': 'tep-tai-len.ndjson',
  'text/csv': 'tep-tai-len.csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'tep-tai-len.xlsx',
  'application/octet-stream': 'tep-tai-len.json',
}

interface Upload {
  kind: ImportKind
  fileName: string
  dir: string | null
  path: string | null
  bytes: number
}

const UPLOADS = new WeakMap<FastifyRequest, Upload>()

function mediaType(req: FastifyRequest): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase()
}

/** The checked query of an upload (400 naming the parameter otherwise). */
function uploadQuery(req: FastifyRequest): Upload {
  const q = (req.query ?? {}) as RawQuery
  onlyParams(q, ['kind', 'fileName'])
  const kinds = Object.keys(UPLOAD_KINDS)
  const kind = q.kind
  if (kind === undefined || kind === '') throw new ApiError(400, `Thiếu tham số kind (loại dữ liệu: ${kinds.join(', ')})`)
  if (typeof kind !== 'string' || !Object.hasOwn(UPLOAD_KINDS, kind)) throw new ApiError(400, `Tham số kind "${String(kind)}" không hợp lệ (một trong: ${kinds.join(', ')})`)
  const type = mediaType(req)
  const fallback = CONTENT_TYPES[type]
  if (fallback === undefined) {
    throw new UploadError(415, `Kiểu nội dung "${type || '(không có)'}" không được hỗ trợ (Content-Type: ${Object.keys(CONTENT_TYPES).join(', ')})`)
  }
  const given = q.fileName === undefined ? fallback : q.fileName
  if (typeof given !== 'string') throw new ApiError(400, 'Tham số fileName chỉ được có một giá trị')
  const fileName = given.trim().normalize('NFC')
  // eslint-disable-next-line no-control-regex
  if (fileName === '' || fileName.length > 200 || /[/\\\u0000-\u001f]/.test(fileName) || fileName === '.' || fileName === '..') {
    throw new ApiError(400, `Tham số fileName "${fileName}" không hợp lệ (tên tệp, không có đường dẫn, tối đa 200 ký tự)`)
  }
  const ext = extname(fileName).toLowerCase()
  const { name, extensions } = UPLOAD_KINDS[kind as ImportKind]
  if (!extensions.includes(ext)) {
    throw new ApiError(400, `Tham số fileName: tệp "${fileName}" không nhập được làm ${name} (chỉ nhận tệp ${extensions.join(', ')})`)
  }
  return { kind: kind as ImportKind, fileName, dir: null, path: null, bytes: 0 }
}

/** Import a file with the functions of `chiso import`. */
async function importFile(ctx: ApiContext, kind: ImportKind, path: string, actor: string): Promise<{ result: ImportResult; stored: Dossier[] | null }> {
  const store = ctx.store
  const options = { actor }
  switch (kind) {
    case 'dossiers': {
      const r = await importDossiers(store, [path], { ...options, collect: true })
      return { result: r, stored: r.stored }
    }
    case 'steps': {
      const r = await importSteps(store, [path], { ...options, collect: true })
      return { result: r, stored: r.stored }
    }
    case 'portal':
      return { result: await importPortalSnapshot(store, path, options), stored: null }
    default: {
      const one = RECORD_IMPORTERS[kind]
      return { result: await one(store, path, options), stored: null }
    }
  }
}

/** Bring the live scores up to date after a run. */
async function applyToLive(ctx: ApiContext, kind: ImportKind, result: ImportResult, stored: Dossier[] | null): Promise<void> {
  if (kind === 'portal') return // portal snapshots do not enter the scores of the live data
  if (stored !== null && stored.length <= MAX_LIVE_UPSERTS) {
    for (const d of stored) ctx.live.upsert(d)
    return
  }
  if (result.inserted + result.updated === 0 && (stored === null || stored.length === 0)) return
  ctx.live.beginRebase()
  try {
    const { prepared } = await loadPreparedFromStore(ctx.store, ctx.calendar)
    ctx.live.rebase(prepared)
  } catch (e) {
    ctx.live.rebase(ctx.live.current()) // drop the recording, keep serving the current data
    throw e
  }
}

/** Register `POST /api/imports` in its own context (its body parser reads every type as a file). */
export function registerImportUpload(app: FastifyInstance, ctx: ApiContext, runJson: (r: ImportRun) => unknown, maxErrors: number): void {
  // Uploads are imported one at a time: each may swap the live data when it ends.
  let queue: Promise<unknown> = Promise.resolve()
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn)
    queue = next.catch(() => undefined)
    return next
  }

  void app.register(async (sub) => {
    sub.removeAllContentTypeParsers()
    // The body goes straight to a temporary file, counted against the limit while it streams.
    sub.addContentTypeParser('*', (req, payload, done) => {
      const upload = UPLOADS.get(req)
      if (upload === undefined) return done(new ApiError(400, 'Thiếu tham số kind'), undefined)
      void (async () => {
        upload.dir = await mkdtemp(join(tmpdir(), 'chiso-upload-'))
        upload.path = join(upload.dir, upload.fileName)
        const count = new Transform({
          transform(chunk: Buffer, _enc, cb) {
            upload.bytes += chunk.length
            if (upload.bytes > MAX_UPLOAD_BYTES) cb(new UploadError(413, `Tệp lớn quá ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`))
            else cb(null, chunk)
          },
        })
        await pipeline(payload, count, createWriteStream(upload.path))
      })().then(
        () => done(null, upload.path),
        (e: unknown) => done(e instanceof UploadError ? e : new UploadError(400, `Không đọc được nội dung tệp gửi lên: ${(e as Error).message}`), undefined)
      )
    })

    sub.post(
      '/api/imports',
      {
        // Refused before the body is read: not an administrator, or a bad query.
        onRequest: async (req) => {
          requireAdmin(req)
          UPLOADS.set(req, uploadQuery(req))
        },
        onResponse: async (req) => {
          const dir = UPLOADS.get(req)?.dir
          if (dir) await rm(dir, { recursive: true, force: true })
        },
      },
      async (req, reply) => {
        const admin = requireAdmin(req)
        const upload = UPLOADS.get(req)!
        if (upload.path === null || upload.bytes === 0) throw new ApiError(400, `Thiếu nội dung tệp "${upload.fileName}" (gửi tệp làm nội dung yêu cầu)`)
        const path = upload.path
        const outcome = await serial(async () => {
          try {
            const { result, stored } = await importFile(ctx, upload.kind, path, admin.user.username)
            await applyToLive(ctx, upload.kind, result, stored)
            return { runId: result.runId, failure: null as string | null }
          } catch (e) {
            // A run that started and failed (unreadable file…) is kept with its message.
            const run = (await ctx.store.listRuns()).reverse().find((r) => r.sources.includes(path))
            if (run === undefined) throw e
            return { runId: run.id, failure: (e as Error).message }
          }
        })
        const run = (await ctx.store.getRun(outcome.runId))!
        const errors = await ctx.store.runErrors(outcome.runId)
        const body = { run: runJson(run), totalErrors: errors.length, errors: errors.slice(0, maxErrors) }
        if (outcome.failure !== null) return reply.code(400).send({ error: outcome.failure, ...body })
        return body
      }
    )
  })
}
