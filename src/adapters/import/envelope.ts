/**
 * @module adapters/import/envelope
 * The request body around national payload records (`shared/spec/data-dossier-sync.md` §1, §9):
 * a bare array, or `{ session, madonvi, service, isUpdating, data }`. `isUpdating` is upsert
 * intent only; records are upserted by MaHoSo whatever it says.
 */
import { fileIssue, type ImportIssue } from './issues.js'
import { MESSAGES } from './messages.js'
import { codeOf, isObject, quote } from './parse-values.js'

/** The national service names chiso reads. */
export type ServiceName = 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC'

/** Records of one body, with the sending unit when the envelope names one. */
export interface Envelope {
  records: unknown[]
  /** `madonvi`, or the proxy's `MaDinhDanhDV`; null when absent. */
  unit: string | null
  /** `service` as sent, or null. */
  service: string | null
}

/**
 * Read a body as an envelope: a bare array, or an object with a `data` array and no `MaHoSo`
 * (so that a single record is never mistaken for an envelope). Anything else gives null.
 */
export function asEnvelope(value: unknown): Envelope | null {
  if (Array.isArray(value)) return { records: value, unit: null, service: null }
  if (!isObject(value) || !Array.isArray(value.data) || value.MaHoSo !== undefined) return null
  const unit = codeOf(value.madonvi ?? value.MaDinhDanhDV)
  const service = typeof value.service === 'string' ? value.service : null
  return { records: value.data, unit: unit || null, service }
}

/** A warning when an envelope names another service than the file holds, else null. */
export function checkService(
  envelope: Envelope,
  expected: ServiceName,
  file: string,
  line: number | null = null
): ImportIssue | null {
  if (envelope.service === null || envelope.service.trim() === expected) return null
  return fileIssue(
    'warning',
    file,
    MESSAGES.envelopeService(quote(envelope.service), expected),
    line,
    null,
    'service'
  )
}
