/**
 * @module adapters/http/api/letter-api
 * The monthly letter (công văn + phụ lục, docs/letter.md) from the web application:
 *
 * - `GET /api/letter?period=&unit=&format=docx|pdf|xlsx` — the letter as `chiso report letter --db`
 *   builds it (same `snapshotsFromData` over the live data, same `buildLetterModel`), dated today
 *   in Vietnam, answered as a file to download; every download is written to the audit log;
 * - `GET /api/letter/profile` — the office profile (hồ sơ cơ quan) in use: the one stored in the
 *   store setting `officeProfile` (its YAML text), or the shipped demo profile;
 * - `PUT /api/letter/profile` (administrators) — replace it with a YAML text, validated by
 *   `parseProfile` (errors name the field).
 *
 * While no profile is stored, the demo one is used and every letter answer carries
 * `X-Chiso-Profile: demo`, so pages can warn that the agency names are the example's.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Period } from '../../../engine/periods/period.js'
import { NoRuleSetError } from '../../../engine/score.js'
import { vnDate } from '../../../engine/time/time.js'
import {
  buildLetterModel, convertDocxToPdf, demoProfilePath, findSoffice, INSTALL_HINT, LetterError, parseProfile, PdfError, PROFILE_SETTING, ProfileError,
  renderAppendixXlsx, renderLetterDocx, snapshotsFromData, TemplateFieldError, type LetterModel, type OfficeProfile,
} from '../../reports/monthly-letter/index.js'
import { requireAdmin, requireRead, accessOf, type Access } from '../auth/access.js'
import { audit } from '../auth/audit.js'
import type { ApiContext } from '../context.js'
import { ApiError, enumParam, onlyParams, periodParam, stringParam, type RawQuery } from './params.js'

export { PROFILE_SETTING }
/** Name given to the stored profile in error messages. */
export const STORED_PROFILE_NAME = 'hồ sơ cơ quan'
/** Formats of `GET /api/letter`. */
export const LETTER_FORMATS = ['docx', 'pdf', 'xlsx'] as const
export type LetterFormat = (typeof LETTER_FORMATS)[number]
/** Largest profile text accepted by `PUT /api/letter/profile`. */
export const MAX_PROFILE_BYTES = 256 * 1024
/** Content types of a profile body. */
export const PROFILE_CONTENT_TYPES = ['text/yaml', 'application/x-yaml', 'application/yaml', 'text/plain'] as const

const CONTENT_TYPES: Record<LetterFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** An answer other than the read API's 400/404 (415, 503), read by the server's error handler. */
class StatusError extends Error {
  constructor(
    readonly statusCode: number,
    message: string
  ) {
    super(message)
    this.name = 'StatusError'
  }
}

/** The profile in use and where it comes from. */
export interface ProfileInUse {
  source: 'store' | 'demo'
  yaml: string
  profile: OfficeProfile
}

/** The stored profile, else the demo one. A stored profile that no longer validates is refused (409). */
export async function profileInUse(ctx: ApiContext): Promise<ProfileInUse> {
  const stored = await ctx.store.getSetting(PROFILE_SETTING)
  if (typeof stored === 'string' && stored.trim() !== '') {
    try {
      return { source: 'store', yaml: stored, profile: parseProfile(stored, STORED_PROFILE_NAME) }
    } catch (e) {
      if (e instanceof ProfileError) throw new StatusError(409, `${profileErrorText(e)}; quản trị hãy sửa ở trang Quản trị, mục Hồ sơ cơ quan`)
      throw e
    }
  }
  const yaml = readFileSync(demoProfilePath(), 'utf8')
  return { source: 'demo', yaml, profile: parseProfile(yaml, 'hồ sơ cơ quan mẫu') }
}

/** A profile error on one line, problems joined by "; " (pages list them one per line). */
export function profileErrorText(e: ProfileError): string {
  return `Hồ sơ cơ quan không dùng được: ${e.problems.join('; ')}`
}

/** What pages show of a profile. */
function profileSummary(p: OfficeProfile) {
  return {
    unit: p.unit,
    agency: { parent: p.agency.parent, name: p.agency.name, shortName: p.agency.shortName },
    place: p.place,
    document: { symbol: p.document.symbol, number: p.document.number },
    recipients: p.recipients,
    signer: p.signer,
    targets: p.targets.map((t) => ({ indicator: t.indicator ?? null, group: t.group ?? null, threshold: t.threshold })),
  }
}

/**
 * The unit of a letter: `unit` when given; else the profile's unit when it is in the data and the
 * user may read it; else the user's own unit; else the province (the unit without a parent).
 */
function letterUnit(ctx: ApiContext, req: FastifyRequest, access: Access, given: string | undefined, profile: OfficeProfile): string {
  const units = ctx.live.current().units
  if (given !== undefined) {
    requireRead(req, given)
    if (!units.byCode.has(given)) throw new ApiError(404, `Tham số unit: không có đơn vị mã ${given}`)
    return given
  }
  if (profile.unit && units.byCode.has(profile.unit) && access.canRead(profile.unit)) return profile.unit
  if (access.user.unitCode) return access.user.unitCode
  const root = units.units.find((u) => u.parent === null)
  if (!root) throw new ApiError(404, 'Chưa có đơn vị nào trong dữ liệu; hãy nhập danh mục đơn vị trước')
  return root.code
}

/** Build the letter model exactly as `chiso report letter --db` does, dated today in Vietnam. */
export function letterModel(ctx: ApiContext, period: Period, unitCode: string, profile: OfficeProfile): LetterModel {
  const at = ctx.now()
  try {
    const snapshots = snapshotsFromData(ctx.live.current(), period, ctx.ruleSets, at, ctx.calendar)
    for (let y = +period.firstDay.slice(0, 4); y <= +period.lastDay.slice(0, 4); y++) {
      const w = ctx.calendar.coverageWarning(y)
      if (w) snapshots.current.warnings.push(w)
    }
    return buildLetterModel({ profile, current: snapshots.current, previous: snapshots.previous, unitCode, date: vnDate(at) })
  } catch (e) {
    if (e instanceof NoRuleSetError) throw new ApiError(400, `Tham số period: ${e.message}`)
    if (e instanceof LetterError || e instanceof TemplateFieldError) throw new ApiError(400, e.message)
    throw e
  }
}

/** The bytes of a letter in a format. @throws {StatusError} 503 when LibreOffice is missing (PDF) */
export async function letterBytes(model: LetterModel, format: LetterFormat): Promise<Buffer> {
  if (format === 'xlsx') return renderAppendixXlsx(model)
  const docx = await renderLetterDocx(model)
  if (format === 'docx') return docx
  const soffice = findSoffice()
  if (!soffice) throw new StatusError(503, `Máy chủ chưa cài LibreOffice nên chưa xuất được PDF; hãy tải bản .docx. ${INSTALL_HINT}`)
  const work = await mkdtemp(join(tmpdir(), 'chiso-letter-web-'))
  try {
    await writeFile(join(work, 'cong-van.docx'), docx)
    await convertDocxToPdf(join(work, 'cong-van.docx'), join(work, 'cong-van.pdf'), { soffice })
    return await readFile(join(work, 'cong-van.pdf'))
  } catch (e) {
    if (e instanceof PdfError) throw new StatusError(503, e.message)
    throw e
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** File name of a download: `cong-van-2026-10.docx`, `phu-luc-2026-10.xlsx`. */
export function letterFileName(period: Period, format: LetterFormat): string {
  const safe = period.label.replace(/[^0-9A-Za-z.-]+/g, '_')
  return format === 'xlsx' ? `phu-luc-${safe}.xlsx` : `cong-van-${safe}.${format}`
}

function markDemo(reply: FastifyReply, p: ProfileInUse): void {
  reply.header('x-chiso-profile', p.source)
}

/** Register the letter routes. */
export function registerLetterApi(app: FastifyInstance, ctx: ApiContext): void {
  app.get('/api/letter', async (req, reply) => {
    accessOf(req)
    const q = (req.query ?? {}) as RawQuery
    onlyParams(q, ['period', 'unit', 'format'])
    const period = periodParam(q)
    const format: LetterFormat = enumParam(q, 'format', LETTER_FORMATS) ?? 'docx'
    const given = stringParam(q, 'unit')
    const inUse = await profileInUse(ctx)
    const unit = letterUnit(ctx, req, accessOf(req), given, inUse.profile)
    requireRead(req, unit)
    const model = letterModel(ctx, period, unit, inUse.profile)
    let bytes: Buffer
    try {
      bytes = await letterBytes(model, format)
    } catch (e) {
      // The server's error handler hides the message of 5xx answers; this one says what to install.
      if (e instanceof StatusError) return reply.code(e.statusCode).send({ error: e.message })
      throw e
    }
    await audit(ctx.store, req, 'letter.downloaded', { period: period.label, unit, format, profile: inUse.source })
    const name = letterFileName(period, format)
    markDemo(reply, inUse)
    reply.header('content-type', CONTENT_TYPES[format])
    reply.header('content-disposition', `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    reply.header('cache-control', 'no-store')
    return reply.send(bytes)
  })

  app.get('/api/letter/profile', async (req, reply) => {
    accessOf(req)
    onlyParams((req.query ?? {}) as RawQuery, [])
    const inUse = await profileInUse(ctx)
    markDemo(reply, inUse)
    return { source: inUse.source, yaml: inUse.yaml, profile: profileSummary(inUse.profile) }
  })

  // The profile's body is text (YAML): its own context, with its own body parsers.
  void app.register(async (sub) => {
    sub.removeAllContentTypeParsers()
    sub.addContentTypeParser([...PROFILE_CONTENT_TYPES], { parseAs: 'string', bodyLimit: MAX_PROFILE_BYTES }, (_req, body, done) => done(null, body))
    sub.addContentTypeParser('*', (req, _payload, done) => {
      const type = req.headers['content-type'] ?? 'không có'
      done(new StatusError(415, `Nội dung hồ sơ cơ quan phải là văn bản YAML (Content-Type: ${PROFILE_CONTENT_TYPES.join(', ')}), không phải ${type}`), undefined)
    })
    sub.put('/api/letter/profile', { onRequest: async (req) => void requireAdmin(req) }, async (req: FastifyRequest, reply) => {
      requireAdmin(req)
      onlyParams((req.query ?? {}) as RawQuery, [])
      const text = typeof req.body === 'string' ? req.body : ''
      if (text.trim() === '') throw new ApiError(400, 'Nội dung hồ sơ cơ quan trống: gửi văn bản YAML của hồ sơ (xem docs/letter.md)')
      let profile: OfficeProfile
      try {
        profile = parseProfile(text, STORED_PROFILE_NAME)
      } catch (e) {
        if (e instanceof ProfileError) throw new ApiError(400, profileErrorText(e))
        throw e
      }
      await ctx.store.transaction((tx) => tx.setSetting(PROFILE_SETTING, text))
      await audit(ctx.store, req, 'letter.profile.updated', { agency: profile.agency.shortName, unit: profile.unit, bytes: Buffer.byteLength(text) })
      reply.header('x-chiso-profile', 'store')
      return { source: 'store', yaml: text, profile: profileSummary(profile) }
    })
  })
}
