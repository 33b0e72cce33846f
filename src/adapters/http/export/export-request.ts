/**
 * @module adapters/http/export/export-request
 * Marks a request answered as a file (`?format=csv|xlsx`). Kept apart so that route groups (the
 * trace route of the read API) can ask "is this an export?" without importing the export code.
 */
import type { FastifyRequest } from 'fastify'

/** File formats of an export. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** Largest number of records one export holds (the trace's page size when exporting). */
export const MAX_EXPORT_ROWS = 200_000

const EXPORT = Symbol.for('chiso.export')

/** What the export hook noted about a request. */
export interface ExportMark {
  format: ExportFormat
  /** Route pattern, e.g. `/api/units/:code/trace`. */
  route: string
  /** The query as asked (with `format`). */
  query: Record<string, unknown>
}

export function markExport(req: FastifyRequest, mark: ExportMark): void {
  ;(req as unknown as Record<symbol, ExportMark>)[EXPORT] = mark
}

/** The export mark of a request, or undefined when it asks for JSON. */
export function exportMarkOf(req: FastifyRequest): ExportMark | undefined {
  return (req as unknown as Record<symbol, ExportMark | undefined>)[EXPORT]
}

/** Is the request answered as a file? */
export function isExportRequest(req: FastifyRequest): boolean {
  return exportMarkOf(req) !== undefined
}
