/**
 * @module adapters/cli/format
 * Text, JSON and CSV renderings of score reports and traces. Numbers shown to people use the
 * Vietnamese decimal comma; JSON and CSV carry plain numbers.
 */
import type { ScoreReport, UnitResult } from '../../engine/score.js'
import type { Trace } from '../../engine/trace.js'
import { periodTitle } from '../../engine/periods/period.js'
import { round2 } from '../../engine/scoring/points.js'
import { vnDateTime } from '../../engine/time/time.js'

const LEVEL_VI: Record<string, string> = { ministry: 'Bộ, ngành', province: 'Tỉnh', department: 'Sở, ngành', district: 'Huyện', commune: 'Xã, phường' }

/** `82,50`. */
export function vn(x: number, digits = 2): string {
  return round2(x).toFixed(digits).replace('.', ',')
}

function pct(r: number | null): string {
  return r === null ? '—' : `${vn(r * 100)}%`
}

function pad(s: string, w: number, right = false): string {
  const len = [...s].length
  return len >= w ? s : right ? ' '.repeat(w - len) + s : s + ' '.repeat(w - len)
}

/** Render rows as an aligned text table; `right` marks numeric columns. */
export function table(headers: string[], rows: string[][], right: boolean[] = []): string {
  const widths = headers.map((h, i) => Math.max([...h].length, ...rows.map((r) => [...(r[i] ?? '')].length)))
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i], right[i])).join('  ').trimEnd()
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

function header(r: ScoreReport): string {
  const lines = [
    `Bộ chỉ số phục vụ người dân, doanh nghiệp – ${periodTitle(r.period)} (${r.period.firstDay} đến ${r.period.lastDay})`,
    `Bộ quy tắc: ${r.ruleSet.name}, hiệu lực từ ${r.ruleSet.effectiveFrom}${r.ruleSet.provenance === 'inferred' ? ' (ngày hiệu lực là suy luận)' : ''}`,
    `Số liệu tính đến ${vnDateTime(r.asOf)}${r.provisional ? ' – kỳ chưa kết thúc, số liệu tạm tính, có thể thay đổi' : ''}`,
  ]
  return lines.join('\n')
}

/** Ranking table: every unit with group points, total and rank among peers. */
export function rankingTable(r: ScoreReport, units: UnitResult[]): string {
  const groups = r.ruleSet.groups
  const headers = ['Hạng', 'Mã đơn vị', 'Tên đơn vị', 'Cấp', ...groups.map((g) => `N${g.id}/${g.max}`), 'Tổng/100']
  const right = [true, false, false, false, ...groups.map(() => true), true]
  const ordered = [...units].sort((a, b) => levelOrder(a) - levelOrder(b) || (a.unit.parent ?? '').localeCompare(b.unit.parent ?? '') || a.rank - b.rank)
  const rows = ordered.map((u) => [`${u.rank}/${u.peers}`, u.unit.code, u.unit.name, LEVEL_VI[u.unit.level], ...u.groups.map((g) => vn(g.points)), vn(u.total)])
  const legend = groups.map((g) => `N${g.id} = ${g.name}`).join('; ')
  return `${table(headers, rows, right)}\n${legend}.`
}

function levelOrder(u: UnitResult): number {
  return ['ministry', 'province', 'department', 'district', 'commune'].indexOf(u.unit.level)
}

/** Detail of one unit: every indicator with numerator, denominator, ratio, points, maximum. */
export function unitDetail(r: ScoreReport, u: UnitResult): string {
  const rows: string[][] = []
  for (const g of u.groups) {
    rows.push([`Nhóm ${g.id}`, g.name, '', '', '', vn(g.points), vn(g.max, 0)])
    for (const ind of u.indicators.filter((i) => i.groupId === g.id)) {
      const o = ind.outcome
      const ratio = ind.code === '2.2' ? (ind.value == null ? '—' : `TB ${vn(ind.value)} ngày`) : o.kind === 'scored' ? pct(o.ratio) : 'N/A'
      const points = o.kind === 'scored' ? vn(o.points) : 'N/A'
      rows.push([`  ${ind.code}`, ind.name, Number.isInteger(o.numerator) ? String(o.numerator) : vn(o.numerator), String(o.denominator), ratio, points, ind.outcome.max === 0 ? 'theo dõi' : vn(o.max, 0)])
    }
  }
  const t = table(['Mã', 'Chỉ tiêu', 'Tử số', 'Mẫu số', 'Tỷ lệ', 'Điểm', 'Tối đa'], rows, [false, false, true, true, true, true, true])
  const notes = u.indicators.flatMap((i) => [
    ...(i.outcome.kind === 'not-applicable' ? [`${i.code}: ${i.outcome.reason}`] : i.outcome.policy ? [`${i.code}: ${i.outcome.policy}`] : []),
    ...i.notes.map((n) => `${i.code}: ${n}`),
  ])
  return [
    `${u.unit.name} (${u.unit.code}) – ${LEVEL_VI[u.unit.level]}`,
    `Tổng điểm: ${vn(u.total)}/${vn(u.max, 0)} – xếp hạng ${u.rank}/${u.peers} trong các đơn vị cùng cấp`,
    t,
    ...(notes.length ? ['Ghi chú:', ...notes.map((n) => `  - ${n}`)] : []),
  ].join('\n')
}

/** Text rendering: header, ranking, then the detail of the chosen units. */
export function scoreText(r: ScoreReport, units: UnitResult[], detailed: UnitResult[]): string {
  const parts = [header(r), '', rankingTable(r, units)]
  for (const u of detailed) parts.push('', unitDetail(r, u))
  if (r.warnings.length) parts.push('', 'Cảnh báo:', ...r.warnings.map((w) => `  - ${w}`))
  return parts.join('\n')
}

/** JSON shape of `chiso score --format json`. */
export function scoreJson(r: ScoreReport, units: UnitResult[]) {
  return {
    period: { label: r.period.label, kind: r.period.kind, firstDay: r.period.firstDay, lastDay: r.period.lastDay, title: periodTitle(r.period) },
    ruleSet: { id: r.ruleSet.id, name: r.ruleSet.name, effectiveFrom: r.ruleSet.effectiveFrom, effectiveTo: r.ruleSet.effectiveTo, provenance: r.ruleSet.provenance },
    asOf: new Date(r.asOf).toISOString(),
    provisional: r.provisional,
    units: units.map((u) => ({
      code: u.unit.code,
      name: u.unit.name,
      level: u.unit.level,
      parent: u.unit.parent,
      total: round2(u.total),
      rank: u.rank,
      peers: u.peers,
      groups: u.groups.map((g) => ({ id: g.id, name: g.name, points: round2(g.points), max: g.max })),
      indicators: u.indicators.map((i) => ({
        id: i.code,
        code: i.portalCode ?? i.code,
        name: i.name,
        group: i.groupId,
        numerator: i.outcome.numerator,
        denominator: i.outcome.denominator,
        ratio: i.outcome.kind === 'scored' && i.outcome.ratio !== null ? Math.round(i.outcome.ratio * 1e6) / 1e6 : null,
        points: i.outcome.kind === 'scored' ? round2(i.outcome.points) : null,
        max: i.outcome.max,
        ...(i.outcome.kind === 'not-applicable' ? { notApplicable: i.outcome.reason } : {}),
        ...(i.outcome.kind === 'scored' && i.outcome.policy ? { policy: i.outcome.policy } : {}),
        ...(i.code === '2.2' ? { meanProcessingTime: i.value == null ? null : round2(i.value) } : {}),
        ...(i.notes.length ? { notes: i.notes } : {}),
      })),
    })),
    warnings: r.warnings,
  }
}

function csvCell(v: string | number | null): string {
  if (v === null) return ''
  const s = String(v)
  // Neutralise spreadsheet formulas in text cells.
  const safe = typeof v === 'string' && /^[=+\-@]/.test(s) ? `'${s}` : s
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** CSV: one row per unit × indicator. */
export function scoreCsv(r: ScoreReport, units: UnitResult[]): string {
  const head = ['ky', 'bo_quy_tac', 'ma_don_vi', 'ten_don_vi', 'cap', 'don_vi_cap_tren', 'tong_diem', 'xep_hang', 'so_don_vi_cung_cap', 'nhom', 'diem_nhom', 'chi_tieu', 'ma_cong', 'tu_so', 'mau_so', 'ty_le', 'diem', 'diem_toi_da']
  const lines = [head.join(',')]
  for (const u of units) {
    for (const i of u.indicators) {
      const g = u.groups.find((x) => x.id === i.groupId)!
      const o = i.outcome
      lines.push([r.period.label, r.ruleSet.id, u.unit.code, u.unit.name, u.unit.level, u.unit.parent, round2(u.total), u.rank, u.peers, g.id, round2(g.points), i.code, i.portalCode, o.numerator, o.denominator, o.kind === 'scored' && o.ratio !== null ? Math.round(o.ratio * 1e6) / 1e6 : null, o.kind === 'scored' ? round2(o.points) : null, o.max].map(csvCell).join(','))
    }
  }
  return lines.join('\n')
}

/** Text rendering of an explanation. */
export function traceText(tr: Trace, limit: number): string {
  const o = tr.indicator.outcome
  const lost = o.kind === 'scored' ? o.max - o.points : 0
  const lines = [
    `Chỉ tiêu ${tr.indicator.code} – ${tr.indicator.name}`,
    `Đơn vị ${tr.unitCode}: tử số ${o.numerator}, mẫu số ${o.denominator}, ${o.kind === 'scored' ? `tỷ lệ ${pct(o.ratio)}, ${vn(o.points)}/${vn(o.max)} điểm (mất ${vn(lost)} điểm)` : `N/A – ${o.reason}`}`,
    `${tr.items.length} bản ghi làm mất điểm${tr.items.length > limit ? ` (hiển thị ${limit} bản ghi đầu; dùng --limit hoặc --format json để xem hết)` : ''}:`,
  ]
  const rows = tr.items.slice(0, limit).map((it) => [it.id, it.unitCode, it.procedureCode ?? '', it.receivedAt ? vnDateTime(it.receivedAt) : '', it.dueAt ? vnDateTime(it.dueAt) : '', it.reasons.join('; ')])
  if (rows.length) lines.push(table(['Mã', 'Đơn vị', 'TTHC', 'Tiếp nhận', 'Hẹn trả', 'Lý do'], rows))
  for (const n of tr.notes) lines.push(`Ghi chú: ${n}`)
  return lines.join('\n')
}
