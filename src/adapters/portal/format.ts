/**
 * @module adapters/portal/format
 * Output of `chiso portal rescore`: an aligned text table with Vietnamese headers, or JSON.
 */
import type { UnitLevel } from '../../engine/model.js'
import type { RuleSet } from '../../engine/rules/types.js'
import { PORTAL_GROUP_NAMES } from './portal-response.js'
import { GROUP_TOTAL, viNumber, type RescoreResult, type RescoreRow, type RescoreStatus, type RescoreSummary } from './rescore.js'

/** What the formatters need: the file as given, the rescore result and the rule set used. */
export interface RescoreReport {
  file: string
  result: RescoreResult
  ruleSet: RuleSet
  /** Date whose rule set was used. */
  ruleDate: string
  /** Warnings about the choice of rule set, in Vietnamese. */
  warnings?: string[]
}

const LEVEL_LABELS: Record<UnitLevel, string> = {
  ministry: 'Bộ, ngành',
  province: 'Tỉnh',
  department: 'Sở, ngành',
  district: 'Huyện',
  commune: 'Xã',
}

const STATUS_LABELS: Record<RescoreStatus, string> = {
  match: 'Khớp',
  mismatch: 'Lệch',
  'not-published': 'Cổng không công bố',
  'not-recomputable': 'Không tính lại được',
}

const score = (x: number | null) => (x === null ? '–' : viNumber(x))
const count = (x: number | null) => (x === null ? '–' : Number.isInteger(x) ? String(x) : viNumber(x))
const width = (s: string) => [...s.normalize('NFC')].length

/** Vietnamese summary line, e.g. "Số dòng: 1146; khớp trong 0,015 điểm: 1146; …; chênh lệch lớn nhất: 0,005". */
export function summaryLine(summary: RescoreSummary): string {
  const parts = [`Số dòng: ${summary.rows}`, `khớp trong ${viNumber(summary.tolerance, 3)} điểm: ${summary.withinTolerance}`]
  if (summary.notPublished > 0) parts.push(`Cổng không công bố điểm riêng (đối chiếu qua tổng nhóm): ${summary.notPublished}`)
  parts.push(`không khớp hoặc không tính lại được: ${summary.unmatched.length}`)
  parts.push(`chênh lệch lớn nhất: ${viNumber(summary.largestDiff, 3)}`)
  return parts.join('; ')
}

function indicatorLabel(r: RescoreRow): string {
  if (r.indicator === GROUP_TOTAL) return 'Tổng nhóm'
  return r.portalCode && r.portalCode !== r.indicator ? `${r.indicator} (${r.portalCode})` : r.indicator
}

function headerLines(report: RescoreReport): string[] {
  const { result, ruleSet } = report
  const lines = [
    `Tệp: ${report.file}`,
    `Nhóm: ${PORTAL_GROUP_NAMES[result.group]} (${result.group})`,
    `Bộ quy tắc: ${ruleSet.id} – ${ruleSet.name} (hiệu lực từ ${ruleSet.effectiveFrom}${ruleSet.effectiveTo ? ` đến ${ruleSet.effectiveTo}` : ''}; chọn theo ngày ${report.ruleDate})`,
    `Kỳ đánh giá: ${result.period ? result.period.label : 'không ghi trong phản hồi'}`,
  ]
  for (const w of [...(report.warnings ?? []), ...result.warnings]) lines.push(`Lưu ý: ${w}`)
  return lines
}

/** Aligned text table, one line per row, then the summary line. */
export function formatRescoreTable(report: RescoreReport): string {
  const headers = ['Đơn vị', 'Cấp', 'Chỉ tiêu', 'Tử số', 'Mẫu số', 'Điểm Cổng', 'Điểm chiso', 'Chênh lệch', 'Kết quả', 'Ghi chú']
  const right = [false, false, false, true, true, true, true, true, false, false]
  const body = report.result.rows.map((r) => [
    r.unitName,
    LEVEL_LABELS[r.level],
    indicatorLabel(r),
    count(r.numerator),
    count(r.denominator),
    score(r.officialScore),
    score(r.computedScore),
    r.diff === null ? '–' : viNumber(r.diff),
    STATUS_LABELS[r.status],
    r.note ?? '',
  ])
  const widths = headers.map((h, i) => Math.max(width(h), ...body.map((row) => width(row[i]))))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => {
        if (i === cells.length - 1) return c
        const pad = ' '.repeat(widths[i] - width(c))
        return right[i] ? pad + c : c + pad
      })
      .join('  ')
      .trimEnd()
  const out = [...headerLines(report), '', line(headers), line(widths.map((w, i) => (i === widths.length - 1 ? '-'.repeat(width(headers[i])) : '-'.repeat(w)))), ...body.map(line), '']
  out.push(summaryLine(report.result.summary))
  return out.join('\n') + '\n'
}

/** JSON output `{ file, group, ruleSet, period, rows, summary, warnings }`. */
export function formatRescoreJson(report: RescoreReport): string {
  const { result, ruleSet } = report
  return (
    JSON.stringify(
      {
        file: report.file,
        group: result.group,
        groupName: PORTAL_GROUP_NAMES[result.group],
        ruleSet: { id: ruleSet.id, name: ruleSet.name, effectiveFrom: ruleSet.effectiveFrom, effectiveTo: ruleSet.effectiveTo, chosenFor: report.ruleDate },
        period: result.period ?? null,
        rows: result.rows,
        summary: { ...result.summary, text: summaryLine(result.summary) },
        warnings: [...(report.warnings ?? []), ...result.warnings],
      },
      null,
      2
    ) + '\n'
  )
}
