/**
 * Reads the two machine-checked tables of `docs/conformance.md`: the per-file figures and the
 * list of rows that are allowed not to match the portal (with their reason). The tables sit between
 * `<!-- conformance:figures:start/end -->` and `<!-- conformance:exceptions:start/end -->`.
 */
import type { RescoreRow, RescoreStatus } from '../../src/adapters/portal/rescore.js'

export interface FileFigures {
  file: string
  group: string
  rows: number
  matched: number
  notPublished: number
  unmatched: number
  /** As written, 3 decimals with a dot (e.g. `0.005`). */
  largestDiff: string
}

export interface ConformanceException {
  file: string
  /** A unit id, or `*` for every unit of the file. */
  unit: string
  /** Indicator codes (`total` for the group-total row), or `*`. */
  indicators: string[]
  /** How many rows the entry covers: checked, so that the list cannot go stale. */
  rows: number
  status: RescoreStatus
  reason: string
}

function tableBetween(doc: string, name: string): string[][] {
  const start = `<!-- conformance:${name}:start -->`
  const end = `<!-- conformance:${name}:end -->`
  const i = doc.indexOf(start)
  const j = doc.indexOf(end)
  if (i < 0 || j < i) throw new Error(`docs/conformance.md: thiếu bảng giữa "${start}" và "${end}"`)
  const lines = doc
    .slice(i + start.length, j)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('|'))
  // Header and separator rows first.
  return lines.slice(2).map((l) =>
    l
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((c) => c.trim().replace(/^`|`$/g, ''))
  )
}

function int(cell: string, what: string): number {
  const n = Number(cell)
  if (!Number.isInteger(n)) throw new Error(`docs/conformance.md: ${what} "${cell}" không phải số nguyên`)
  return n
}

/** The per-file figures table. */
export function readFigures(doc: string): FileFigures[] {
  return tableBetween(doc, 'figures').map((c) => {
    if (c.length < 7) throw new Error(`docs/conformance.md: dòng số liệu thiếu cột: ${c.join(' | ')}`)
    return {
      file: c[0],
      group: c[1],
      rows: int(c[2], 'số dòng'),
      matched: int(c[3], 'số dòng khớp'),
      notPublished: int(c[4], 'số dòng Cổng không công bố'),
      unmatched: int(c[5], 'số dòng không khớp'),
      largestDiff: c[6],
    }
  })
}

const STATUSES: RescoreStatus[] = ['match', 'mismatch', 'not-published', 'not-recomputable']

/** The exceptions table. */
export function readExceptions(doc: string): ConformanceException[] {
  return tableBetween(doc, 'exceptions').map((c) => {
    if (c.length < 6) throw new Error(`docs/conformance.md: dòng ngoại lệ thiếu cột: ${c.join(' | ')}`)
    const status = c[4] as RescoreStatus
    if (!STATUSES.includes(status)) throw new Error(`docs/conformance.md: trạng thái "${c[4]}" không hợp lệ`)
    if (!c[5]) throw new Error(`docs/conformance.md: ngoại lệ ${c[0]} / ${c[1]} thiếu lý do`)
    return {
      file: c[0],
      unit: c[1],
      indicators: c[2].split(',').map((s) => s.trim().replace(/^`|`$/g, '')),
      rows: int(c[3], 'số dòng'),
      status,
      reason: c[5],
    }
  })
}

/** Whether an exception covers a row of a file. */
export function covers(e: ConformanceException, file: string, row: RescoreRow): boolean {
  return (
    e.file === file &&
    (e.unit === '*' || e.unit === row.unitId) &&
    (e.indicators.includes('*') || e.indicators.includes(row.indicator)) &&
    e.status === row.status
  )
}
