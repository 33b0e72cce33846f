/**
 * @module adapters/import/steps
 * CapNhatTienDoHoSoMC processing steps (`shared/spec/data-dossier-sync.md` §3) → `ProcessStep`
 * (§10.3), and the timeline that merges them append-only by (MaHoSo, ThoiDiemXuLy, raw TrangThai):
 * senders push partial and repeated histories, so a step already seen is ignored.
 */
import type { ProcessStep } from '../../engine/model.js'
import { DOSSIER_STATUS_CODES } from './dongbohosomc.js'
import { type ImportIssue, RecordIssues } from './issues.js'
import { MESSAGES } from './messages.js'
import { codeOf, isObject, parsePayloadDate, quote } from './parse-values.js'

/** Where a step comes from, for messages. */
export interface StepRef {
  file: string
  /** 1-based position of the step in the file. */
  index: number
  /** 1-based line number (NDJSON), or null. */
  line?: number | null
}

/** Result of {@link normalizeStep}. `issues` is shared and frozen when empty: do not mutate. */
export interface NormalizeStepResult {
  step: ProcessStep | null
  issues: readonly ImportIssue[]
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') {
    const s = value.trim()
    return s === '' ? null : s
  }
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : null
}

/**
 * Normalize one step object (§10.3). Rejected: missing `MaHoSo`, missing or malformed
 * `ThoiDiemXuLy`, missing `TrangThai`. Warnings: `TrangThai` outside 1–10 (→ `'unknown'`, raw
 * kept), malformed `NgayBatDau` / `NgayKetThucTheoQuyDinh` (informational, not stored).
 */
export function normalizeStep(raw: unknown, ref: StepRef): NormalizeStepResult {
  const rec = new RecordIssues('step', ref.file, ref.index, ref.line ?? null)
  if (!isObject(raw)) {
    rec.error(null, MESSAGES.notObject)
    return { step: null, issues: rec.list }
  }
  const dossierId = codeOf(raw.MaHoSo)
  if (dossierId) rec.key = dossierId
  else if (dossierId === null) rec.error('MaHoSo', MESSAGES.notText('MaHoSo', quote(raw.MaHoSo)))
  else rec.error('MaHoSo', MESSAGES.missing('MaHoSo', 'mã hồ sơ'))

  const at = parsePayloadDate(raw.ThoiDiemXuLy)
  if (at === null) rec.error('ThoiDiemXuLy', MESSAGES.missing('ThoiDiemXuLy', 'thời điểm xử lý'))
  else if (at === 'malformed') {
    rec.error('ThoiDiemXuLy', MESSAGES.badCompactDate('ThoiDiemXuLy', quote(raw.ThoiDiemXuLy)))
  }

  let statusRaw = codeOf(raw.TrangThai)
  if (statusRaw === '') rec.error('TrangThai', MESSAGES.missing('TrangThai', 'trạng thái'))
  if (statusRaw === null) statusRaw = JSON.stringify(raw.TrangThai)
  const status = DOSSIER_STATUS_CODES.get(statusRaw) ?? 'unknown'
  if (status === 'unknown' && statusRaw !== '') {
    rec.warn('TrangThai', MESSAGES.unknownStatus('TrangThai', quote(raw.TrangThai)))
  }

  for (const field of ['NgayBatDau', 'NgayKetThucTheoQuyDinh'] as const) {
    if (parsePayloadDate(raw[field]) === 'malformed') {
      rec.warn(field, MESSAGES.stepBadOptionalDate(field, quote(raw[field])))
    }
  }

  if (rec.rejected) return { step: null, issues: rec.list }
  return {
    step: {
      dossierId: dossierId!,
      at: at as number,
      status,
      statusRaw,
      text: textOf(raw.NoiDungXuLy),
      officer: textOf(raw.NguoiXuLy),
      department: textOf(raw.PhongBanXuLy),
    },
    issues: rec.list,
  }
}

/** Groups larger than this get a key set instead of a linear duplicate scan. */
const SCAN_LIMIT = 32

/**
 * The merged step timeline of many dossiers. Steps are appended; a step with the same
 * (MaHoSo, ThoiDiemXuLy, raw TrangThai) as one already present is ignored (§9, §10.1).
 * Call {@link StepTimeline.finish} once all steps are added, before reading them.
 */
export class StepTimeline {
  /** Steps ignored because they were already present. */
  duplicates = 0
  private readonly groups = new Map<string, ProcessStep[]>()
  private readonly keys = new Map<string, Set<string>>()
  private readonly unsorted = new Set<string>()
  private count = 0

  /** Add a step; false when it duplicates one already present. */
  add(step: ProcessStep): boolean {
    const group = this.groups.get(step.dossierId)
    if (group === undefined) {
      this.groups.set(step.dossierId, [step])
      this.count++
      return true
    }
    if (this.isDuplicate(step, group)) {
      this.duplicates++
      return false
    }
    if (step.at < group[group.length - 1].at) this.unsorted.add(step.dossierId)
    group.push(step)
    this.count++
    return true
  }

  /** Sort every dossier's steps by time (stable: equal times keep their arrival order). */
  finish(): void {
    for (const id of this.unsorted) this.groups.get(id)!.sort((a, b) => a.at - b.at)
    this.unsorted.clear()
    this.keys.clear()
  }

  /** The steps of a dossier, sorted by time after `finish()`; empty if none. */
  stepsFor(dossierId: string): readonly ProcessStep[] {
    return this.groups.get(dossierId) ?? NO_STEPS
  }

  /** True if at least one step names this dossier. */
  has(dossierId: string): boolean {
    return this.groups.has(dossierId)
  }

  /** Dossier ids having steps, in order of first appearance. */
  dossierIds(): IterableIterator<string> {
    return this.groups.keys()
  }

  /** Number of distinct steps. */
  get size(): number {
    return this.count
  }

  private isDuplicate(step: ProcessStep, group: ProcessStep[]): boolean {
    if (group.length < SCAN_LIMIT) {
      for (const s of group) if (s.at === step.at && s.statusRaw === step.statusRaw) return true
      return false
    }
    let keys = this.keys.get(step.dossierId)
    if (keys === undefined) {
      keys = new Set(group.map((s) => `${s.at}|${s.statusRaw}`))
      this.keys.set(step.dossierId, keys)
    }
    const key = `${step.at}|${step.statusRaw}`
    if (keys.has(key)) return true
    keys.add(key)
    return false
  }
}

const NO_STEPS: readonly ProcessStep[] = Object.freeze([])
