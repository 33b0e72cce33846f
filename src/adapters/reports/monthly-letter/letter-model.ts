/**
 * @module adapters/reports/monthly-letter/letter-model
 * From the numbers of a period (and of the period before), an office profile and the date of the
 * letter, to a structured letter: every line of the header, every sentence of the body with its
 * numbers filled in, the signer block, Nơi nhận and the appendix tables. Pure: no file, no clock;
 * the DOCX, PDF and XLSX renderers only lay this model out.
 */
import type { Instant, UnitLevel } from '../../../engine/model.js'
import { periodTitle, previousPeriod } from '../../../engine/periods/period.js'
import { round2 } from '../../../engine/scoring/points.js'
import type { OfficeProfile, OfficeTarget } from './profile.js'
import { unitOf, type ScoreSnapshot, type SnapshotLayout, type SnapshotUnit } from './snapshot.js'
import { fillTemplate } from './template.js'
import {
  asOfText, dateInWords, documentNumberLine, documentReference, listItems, periodLong, placeAndDate, upperVi, viDecimal,
  viPercent, viPoints, viThreshold, withFinalMark,
} from './vn-text.js'

/** Fixed wording of the decree and of the appendix tables. */
export const LETTER_STRINGS = Object.freeze({
  nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  motto: 'Độc lập - Tự do - Hạnh phúc',
  subjectPrefix: 'V/v ',
  recipientsLabel: 'Kính gửi:',
  distributionLabel: 'Nơi nhận:',
  alreadyAddressed: 'Như trên',
  archivePrefix: 'Lưu: ',
  appendixHeading: 'Phụ lục',
  summaryTitle: 'Tổng hợp điểm các nhóm tiêu chí',
  groupTitle: (id: string, name: string, max: number) => `Nhóm ${id}: ${name} (tối đa ${viPoints(max)} điểm)`,
  colNo: 'STT',
  colUnit: 'Đơn vị',
  colGroups: 'Điểm các nhóm tiêu chí',
  colTotal: (max: number) => `Tổng điểm (tối đa ${viPoints(max)})`,
  colRank: 'Xếp hạng',
  colPeers: 'Số đơn vị cùng cấp',
  colBelow: 'Chỉ tiêu chưa đạt',
  colGroupPoints: (max: number) => `Điểm nhóm (tối đa ${viPoints(max)})`,
  colRatio: 'Tỷ lệ (%)',
  colMeanDays: 'TB (ngày)',
  colPoints: (max: number) => `Điểm (/${viPoints(max)})`,
  indicatorHeader: (code: string, name: string, tracked: boolean) => `${code}. ${name}${tracked ? ' (theo dõi)' : ''}`,
  notApplicable: 'N/A',
  noValue: '—',
  belowMark: '*',
  belowItem: (code: string, current: string, threshold: string) => `${code}: ${current} < ${threshold}`,
  legendBelow: (agency: string) =>
    `Dấu * và nền xám: chưa đạt mức tối thiểu ${agency} đề ra; cột “Chỉ tiêu chưa đạt” ghi mã chỉ tiêu chưa đạt (bảng tổng hợp), hoặc tỷ lệ hiện tại và mức tối thiểu (bảng từng nhóm).`,
  legendNa: 'N/A: không áp dụng (không có số liệu, mẫu số bằng 0); —: không có tỷ lệ (điểm theo quy định khi mẫu số bằng 0, hoặc nguồn không công bố).',
  legendSource: (source: string) => `Nguồn số liệu: ${source}.`,
  sourceSentence: (source: string) => `${source.charAt(0).toLocaleUpperCase('vi')}${source.slice(1)}.`,
  sectionTitles: { ministry: 'Bộ, ngành', province: 'Tỉnh, thành phố', department: 'Sở, ban, ngành', district: 'Huyện, thị xã, thành phố', commune: 'Xã, phường, thị trấn' } as Record<UnitLevel, string>,
  change: { up: (x: string) => `tăng ${x} điểm`, down: (x: string) => `giảm ${x} điểm`, same: 'không thay đổi' },
  rankChange: {
    up: (a: string, b: string) => `; thứ hạng tăng từ ${a} lên ${b}`,
    down: (a: string, b: string) => `; thứ hạng giảm từ ${a} xuống ${b}`,
    same: (a: string) => `; giữ nguyên thứ hạng ${a}`,
  },
  gap: (x: string) => `${x} điểm phần trăm`,
  noCurrent: 'chưa có số liệu',
})

/** A formatted cell: `text` is what the letter shows, `value` what the workbook stores. */
export interface AppendixCell {
  text: string
  value: number | string | null
  format: 'text' | 'integer' | 'points' | 'percent' | 'days'
  /** Below the office's target: marked with `*`, shaded, and named in the "Chỉ tiêu chưa đạt" column. */
  below?: boolean
  bold?: boolean
}

/**
 * A column: `top` is the first header row; columns with a `sub` header and the same `top` next to
 * each other share a merged top cell; a column without `sub` spans both header rows.
 */
export interface AppendixColumn {
  top: string
  sub: string | null
  /** Relative width. */
  width: number
  kind: 'no' | 'unit' | 'number' | 'text'
}

export type AppendixRow =
  | { kind: 'section'; label: string }
  | { kind: 'unit'; unitCode: string; cells: AppendixCell[]; below: boolean; isSubject: boolean }

/** One table of the appendix (the summary, or one group). */
export interface AppendixTable {
  id: string
  /** Worksheet name (≤ 31 characters). */
  sheetName: string
  title: string
  columns: AppendixColumn[]
  rows: AppendixRow[]
  notes: string[]
}

/** The appendix: heading, title, reference line and tables. */
export interface AppendixModel {
  heading: string
  title: string
  reference: string
  tables: AppendixTable[]
  legend: string[]
}

/** A paragraph of the body. */
export interface BodyParagraph {
  kind: 'basis' | 'intro' | 'comparison' | 'appendix-reference' | 'directives-intro' | 'directive' | 'closing'
  text: string
  italic?: boolean
}

/** How the unit stands against one target. */
export interface TargetStatus {
  target: OfficeTarget
  /** Indicator code or `Nhóm 4`. */
  label: string
  name: string
  /** Current value 0…1, or null when there is none. */
  current: number | null
  met: boolean | null
  /** Missing percentage points (0 when met). */
  gap: number | null
  /** Sub-units with a value. */
  evaluated: number
  /** Sub-units below the target. */
  below: { code: string; name: string; current: number }[]
}

/** The numbers the letter states (also used by tests and the CLI summary). */
export interface LetterFacts {
  unitCode: string
  unitName: string
  period: string
  total: number
  max: number
  rank: number
  peers: number
  asOf: Instant
  source: 'chiso' | 'portal'
  provisional: boolean
  previous: { period: string; total: number; rank: number; peers: number } | null
  targets: TargetStatus[]
}

/** The whole letter, ready to be laid out. */
export interface LetterModel {
  header: {
    parentAgency: string[]
    agency: string[]
    nation: string
    motto: string
    /** `Số:      /UBND-NC`. */
    number: string
    /** `Gò Dầu, ngày 06 tháng 02 năm 2024`. */
    placeDate: string
    /** `V/v …`. */
    subject: string
  }
  recipientsLabel: string
  /** One recipient: the name as is; several: `- …;` lines, the last ending with ".". */
  recipients: string[]
  body: BodyParagraph[]
  signer: { authority: string[]; title: string; name: string }
  distributionLabel: string
  distribution: string[]
  appendix: AppendixModel
  facts: LetterFacts
  warnings: string[]
  meta: { title: string; subject: string; description: string }
}

/** What the letter is built from. */
export interface LetterInput {
  profile: OfficeProfile
  current: ScoreSnapshot
  /** The previous period's numbers from the same source, or null when there are none. */
  previous: ScoreSnapshot | null
  /** Code (or portal id, or exact name) of the unit the letter is about. */
  unitCode: string
  /** Date of the letter, `YYYY-MM-DD`. */
  date: string
}

/** The letter cannot be built (unknown unit, target not in the rule set…). */
export class LetterError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'LetterError'
  }
}

const LEVEL_ORDER: UnitLevel[] = ['ministry', 'province', 'department', 'district', 'commune']
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X']

/** Units of the appendix: the letter's unit, then its direct sub-units by level, rank and name. */
function appendixUnits(s: ScoreSnapshot, subject: SnapshotUnit): { section: UnitLevel; units: SnapshotUnit[] }[] {
  const children = s.units.filter((u) => u.parent === subject.code)
  const out: { section: UnitLevel; units: SnapshotUnit[] }[] = []
  for (const level of LEVEL_ORDER) {
    const units = children.filter((u) => u.level === level).sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'vi'))
    if (units.length) out.push({ section: level, units })
  }
  return out
}

/** A unit's value for a target: the indicator's ratio, or the group's points ÷ maximum. */
function targetValue(u: SnapshotUnit, t: OfficeTarget): number | null {
  if (t.indicator) return u.indicators.find((i) => i.code === t.indicator)?.ratio ?? null
  const g = u.groups.find((x) => x.id === t.group)
  return g && g.points !== null && g.max > 0 ? g.points / g.max : null
}

function targetGroupId(layout: SnapshotLayout, t: OfficeTarget): string | null {
  if (t.group) return layout.groups.some((g) => g.id === t.group) ? t.group : null
  return layout.groups.find((g) => g.indicators.some((i) => i.code === t.indicator))?.id ?? null
}

function targetName(layout: SnapshotLayout, t: OfficeTarget): { label: string; name: string } {
  if (t.group) return { label: `Nhóm ${t.group}`, name: layout.groups.find((g) => g.id === t.group)?.name ?? '' }
  for (const g of layout.groups) for (const i of g.indicators) if (i.code === t.indicator) return { label: i.code, name: i.name }
  return { label: t.indicator ?? '', name: '' }
}

/** Build the letter. @throws LetterError when the unit is unknown or a target's group is not in the rule set. */
export function buildLetterModel(input: LetterInput): LetterModel {
  const { profile, current, previous, date } = input
  const unit = unitOf(current, input.unitCode)
  if (!unit) {
    throw new LetterError(`Không có đơn vị "${input.unitCode}" trong số liệu ${current.source.kind === 'portal' ? 'của Cổng' : 'của chiso'} kỳ ${current.period.label}.`)
  }
  const warnings = [...current.warnings]
  for (const [i, t] of profile.targets.entries()) {
    if (targetGroupId(current.layout, t) === null) {
      const what = t.group ? `nhóm "${t.group}"` : `chỉ tiêu ${t.indicator}`
      const where = current.source.kind === 'portal' ? 'trong số liệu Cổng đã cho' : `trong bộ quy tắc ${current.layout.id}`
      if (current.source.kind === 'portal') warnings.push(`Hồ sơ cơ quan, targets[${i}]: không có ${what} ${where}; bỏ qua chỉ tiêu này.`)
      else throw new LetterError(`Hồ sơ cơ quan ${profile.file}, trường "targets[${i}]": không có ${what} ${where} (các nhóm: ${current.layout.groups.map((g) => g.id).join(', ')}).`)
    }
  }
  const targets = profile.targets.filter((t) => targetGroupId(current.layout, t) !== null)
  const sections = appendixUnits(current, unit)
  const subUnits = sections.flatMap((s) => s.units)

  const asOf = asOfText(current.source.asOf)
  const common: Record<string, string> = {
    period: periodTitle(current.period),
    periodLong: periodLong(current.period),
    agency: profile.agency.shortName,
    unitName: unit.name,
    place: profile.place,
    peersName: profile.peersName,
  }
  const fill = (template: string, extra: Record<string, string> = {}) => fillTemplate(template, { ...common, ...extra })

  const sourceText = fill(current.source.kind === 'portal' ? profile.texts.sourcePortal : profile.texts.sourceChiso, { asOf })
  const rankText = (rank: number, peers: number) => `${rank}/${peers}`
  const rankClause = unit.peers > 1 ? fill(profile.texts.rank, { rank: String(unit.rank), peers: String(unit.peers) }) : ''
  const provisional = current.provisional ? ` ${fill(profile.texts.provisional, { asOf })}` : ''
  const intro = fill(profile.texts.intro, {
    total: viDecimal(unit.total),
    max: viPoints(unit.max),
    rank: String(unit.rank),
    peers: String(unit.peers),
    rankClause,
    source: sourceText,
    asOf,
    provisional,
  })

  const prevPeriodTitle = periodTitle(previous ? previous.period : previousPeriod(current.period))
  const prevUnit = previous ? unitOf(previous, unit.portalId ?? unit.code) ?? unitOf(previous, unit.code) : undefined
  let comparison: string
  let previousFacts: LetterFacts['previous'] = null
  if (previous && prevUnit) {
    const diff = round2(unit.total - prevUnit.total)
    const change = diff > 0 ? LETTER_STRINGS.change.up(viDecimal(diff)) : diff < 0 ? LETTER_STRINGS.change.down(viDecimal(-diff)) : LETTER_STRINGS.change.same
    let rankChange = ''
    if (unit.peers > 1 && prevUnit.peers > 1) {
      const a = rankText(prevUnit.rank, prevUnit.peers), b = rankText(unit.rank, unit.peers)
      rankChange = unit.rank < prevUnit.rank ? LETTER_STRINGS.rankChange.up(a, b) : unit.rank > prevUnit.rank ? LETTER_STRINGS.rankChange.down(a, b) : LETTER_STRINGS.rankChange.same(b)
    }
    comparison = fill(profile.texts.comparison, { total: viDecimal(unit.total), previousPeriod: prevPeriodTitle, previousTotal: viDecimal(prevUnit.total), change, rankChange })
    previousFacts = { period: previous.period.label, total: prevUnit.total, rank: prevUnit.rank, peers: prevUnit.peers }
  } else {
    comparison = fill(profile.texts.comparisonMissing, { previousPeriod: prevPeriodTitle })
  }

  const statuses: TargetStatus[] = targets.map((t) => {
    const cur = targetValue(unit, t)
    const { label, name } = targetName(current.layout, t)
    const below: TargetStatus['below'] = []
    let evaluated = 0
    for (const u of subUnits) {
      const v = targetValue(u, t)
      if (v === null) continue
      evaluated++
      if (v < t.threshold - 1e-9) below.push({ code: u.code, name: u.name, current: v })
    }
    const met = cur === null ? null : cur >= t.threshold - 1e-9
    const gap = cur === null ? null : Math.max(0, t.threshold - cur)
    return { target: t, label, name, current: cur, met, gap, evaluated, below }
  })
  const directives = statuses.map((s) => {
    const template = s.met && s.target.textMet ? s.target.textMet : s.target.text
    return fill(template, {
      threshold: viThreshold(s.target.threshold),
      current: s.current === null ? LETTER_STRINGS.noCurrent : viPercent(s.current),
      gap: s.gap === null ? LETTER_STRINGS.noCurrent : LETTER_STRINGS.gap(viDecimal(s.gap * 100)),
      name: s.name,
      code: s.label,
      below: String(s.below.length),
      units: String(s.evaluated),
      belowList: s.below.map((b) => b.name).join(', '),
    })
  })

  const body: BodyParagraph[] = [
    ...profile.texts.basis.map((b) => ({ kind: 'basis' as const, text: fill(b) })),
    { kind: 'intro', text: intro },
    { kind: 'comparison', text: comparison },
    { kind: 'appendix-reference', text: fill(profile.texts.appendixReference), italic: true },
  ]
  if (directives.length) {
    body.push({ kind: 'directives-intro', text: fill(profile.texts.directivesIntro) })
    for (const d of directives) body.push({ kind: 'directive', text: `- ${d.replace(/^[-–]\s*/, '')}` })
  }
  body.push({ kind: 'closing', text: withFinalMark(fill(profile.texts.closing)) })

  const subject = LETTER_STRINGS.subjectPrefix + fill(profile.document.subject)
  const recipients = profile.recipients.length === 1 ? [profile.recipients[0].replace(/[;.]+$/, '') + '.'] : listItems(profile.recipients)
  const distribution = listItems([LETTER_STRINGS.alreadyAddressed, ...profile.copiesTo, LETTER_STRINGS.archivePrefix + profile.archive])

  const appendix = buildAppendix(input, unit, sections, statuses, sourceText, fill)

  return {
    header: {
      parentAgency: profile.agency.parent.map(upperVi),
      agency: profile.agency.name.map(upperVi),
      nation: LETTER_STRINGS.nation,
      motto: LETTER_STRINGS.motto,
      number: documentNumberLine(profile.document.number, profile.document.symbol),
      placeDate: placeAndDate(profile.place, date),
      subject,
    },
    recipientsLabel: LETTER_STRINGS.recipientsLabel,
    recipients,
    body,
    signer: { authority: profile.signer.authority.map(upperVi), title: upperVi(profile.signer.title), name: profile.signer.name },
    distributionLabel: LETTER_STRINGS.distributionLabel,
    distribution,
    appendix,
    facts: {
      unitCode: unit.code,
      unitName: unit.name,
      period: current.period.label,
      total: unit.total,
      max: unit.max,
      rank: unit.rank,
      peers: unit.peers,
      asOf: current.source.asOf,
      source: current.source.kind,
      provisional: current.provisional,
      previous: previousFacts,
      targets: statuses,
    },
    warnings,
    meta: { title: subject, subject: `${profile.agency.shortName} – ${periodTitle(current.period)}`, description: sourceText },
  }
}

function buildAppendix(
  input: LetterInput,
  subject: SnapshotUnit,
  sections: { section: UnitLevel; units: SnapshotUnit[] }[],
  statuses: TargetStatus[],
  sourceText: string,
  fill: (t: string, extra?: Record<string, string>) => string
): AppendixModel {
  const { profile, current, date } = input
  const layout = current.layout
  const targetsOfGroup = (gid: string) => statuses.filter((s) => targetGroupId(layout, s.target) === gid)
  const belowCodes = (u: SnapshotUnit, list: TargetStatus[]) =>
    list.filter((s) => {
      const v = targetValue(u, s.target)
      return v !== null && v < s.target.threshold - 1e-9
    }).map((s) => s.label)
  const belowItems = (u: SnapshotUnit, list: TargetStatus[]) =>
    list
      .map((s) => ({ s, v: targetValue(u, s.target) }))
      .filter(({ s, v }) => v !== null && v < s.target.threshold - 1e-9)
      .map(({ s, v }) => LETTER_STRINGS.belowItem(s.label, viPercent(v as number), viThreshold(s.target.threshold)))

  const rowsFor = (cellsOf: (u: SnapshotUnit) => { cells: AppendixCell[]; below: boolean }): AppendixRow[] => {
    const rows: AppendixRow[] = []
    const own = cellsOf(subject)
    rows.push({ kind: 'unit', unitCode: subject.code, cells: [{ text: '', value: null, format: 'text' }, { text: subject.name, value: subject.name, format: 'text', bold: true }, ...own.cells.map((c) => ({ ...c, bold: true }))], below: own.below, isSubject: true })
    sections.forEach((sec, si) => {
      rows.push({ kind: 'section', label: `${ROMAN[si] ?? String(si + 1)}. ${LETTER_STRINGS.sectionTitles[sec.section]}` })
      sec.units.forEach((u, i) => {
        const r = cellsOf(u)
        rows.push({ kind: 'unit', unitCode: u.code, cells: [{ text: String(i + 1), value: i + 1, format: 'integer' }, { text: u.name, value: u.name, format: 'text' }, ...r.cells], below: r.below, isSubject: false })
      })
    })
    return rows
  }
  const lead: AppendixColumn[] = [
    { top: LETTER_STRINGS.colNo, sub: null, width: 5, kind: 'no' },
    { top: LETTER_STRINGS.colUnit, sub: null, width: 24, kind: 'unit' },
  ]

  // Summary: group points, total, rank, targets not met.
  const summaryCols: AppendixColumn[] = [
    ...lead,
    ...layout.groups.map((g) => ({ top: LETTER_STRINGS.colGroups, sub: `${g.id}. ${g.name} (${viPoints(g.max)})`, width: 9, kind: 'number' as const })),
    { top: LETTER_STRINGS.colTotal(subject.max), sub: null, width: 8, kind: 'number' },
    { top: LETTER_STRINGS.colRank, sub: null, width: 7, kind: 'number' },
    { top: LETTER_STRINGS.colPeers, sub: null, width: 7, kind: 'number' },
  ]
  if (statuses.length) summaryCols.push({ top: LETTER_STRINGS.colBelow, sub: null, width: 14, kind: 'text' })
  const summary: AppendixTable = {
    id: 'summary',
    sheetName: 'Tổng hợp',
    title: `1. ${LETTER_STRINGS.summaryTitle}`,
    columns: summaryCols,
    rows: rowsFor((u) => {
      const items = belowCodes(u, statuses)
      const cells: AppendixCell[] = [
        ...layout.groups.map((g) => pointsCell(u.groups.find((x) => x.id === g.id)?.points ?? null)),
        pointsCell(u.total),
        { text: u.peers > 1 ? String(u.rank) : LETTER_STRINGS.noValue, value: u.peers > 1 ? u.rank : null, format: 'integer' },
        { text: String(u.peers), value: u.peers, format: 'integer' },
      ]
      if (statuses.length) cells.push({ text: items.join('; '), value: items.join('; ') || null, format: 'text', below: items.length > 0 })
      return { cells, below: items.length > 0 }
    }),
    notes: [],
  }

  const groupTables: AppendixTable[] = layout.groups.map((g, gi) => {
    const gTargets = targetsOfGroup(g.id)
    const cols: AppendixColumn[] = [...lead]
    for (const ind of g.indicators) {
      const top = LETTER_STRINGS.indicatorHeader(ind.code, ind.name, ind.tracked)
      cols.push({ top, sub: ind.code === '2.2' ? LETTER_STRINGS.colMeanDays : LETTER_STRINGS.colRatio, width: 7, kind: 'number' })
      if (!ind.tracked) cols.push({ top, sub: LETTER_STRINGS.colPoints(ind.max), width: 6, kind: 'number' })
    }
    cols.push({ top: LETTER_STRINGS.colGroupPoints(g.max), sub: null, width: 7, kind: 'number' })
    if (gTargets.length) cols.push({ top: LETTER_STRINGS.colBelow, sub: null, width: 17, kind: 'text' })
    const rows = rowsFor((u) => {
      const cells: AppendixCell[] = []
      for (const ind of g.indicators) {
        const r = u.indicators.find((x) => x.code === ind.code)
        const t = gTargets.find((s) => s.target.indicator === ind.code)
        const isBelow = !!t && r?.ratio != null && r.ratio < t.target.threshold - 1e-9
        if (ind.code === '2.2') {
          const d = r?.meanDays ?? null
          cells.push({ text: d === null ? LETTER_STRINGS.notApplicable : viDecimal(d), value: d, format: 'days' })
        } else {
          const ratio = r?.ratio ?? null
          const text = ratio !== null ? viDecimal(ratio * 100) : r && (r.points !== null || r.notPublished) ? LETTER_STRINGS.noValue : LETTER_STRINGS.notApplicable
          cells.push({ text: isBelow ? `${text}${LETTER_STRINGS.belowMark}` : text, value: ratio, format: 'percent', below: isBelow })
        }
        if (!ind.tracked) {
          const p = r?.points ?? null
          cells.push({ ...pointsCell(p), text: p === null ? (r && (r.ratio !== null || r.notPublished) ? LETTER_STRINGS.noValue : LETTER_STRINGS.notApplicable) : viDecimal(p), below: isBelow })
        }
      }
      const gp = u.groups.find((x) => x.id === g.id)?.points ?? null
      const groupTarget = gTargets.find((s) => s.target.group === g.id)
      const groupBelow = !!groupTarget && gp !== null && g.max > 0 && gp / g.max < groupTarget.target.threshold - 1e-9
      cells.push({ ...pointsCell(gp), text: gp === null ? LETTER_STRINGS.noValue : `${viDecimal(gp)}${groupBelow ? LETTER_STRINGS.belowMark : ''}`, below: groupBelow })
      const items = belowItems(u, gTargets)
      if (gTargets.length) cells.push({ text: items.join('; '), value: items.join('; ') || null, format: 'text', below: items.length > 0 })
      return { cells, below: items.length > 0 }
    })
    return {
      id: `group-${g.id}`,
      sheetName: `Nhóm ${g.id}`,
      title: `${gi + 2}. ${LETTER_STRINGS.groupTitle(g.id, g.name, g.max)}`,
      columns: cols,
      rows,
      notes: [],
    }
  })

  const legend = [LETTER_STRINGS.legendSource(sourceText), LETTER_STRINGS.legendNa]
  if (statuses.length) legend.unshift(LETTER_STRINGS.legendBelow(profile.agency.shortName))
  return {
    heading: LETTER_STRINGS.appendixHeading,
    title: upperVi(fill(profile.appendix.title)),
    reference: `(Kèm theo Văn bản số ${documentReference(profile.document.number, profile.document.symbol)} ${dateInWords(date)} của ${profile.agency.shortName})`,
    tables: [summary, ...groupTables],
    legend,
  }
}

function pointsCell(p: number | null): AppendixCell {
  return { text: p === null ? LETTER_STRINGS.noValue : viDecimal(p), value: p, format: 'points' }
}
