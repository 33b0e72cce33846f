/**
 * Overview (`#/?unit=&period=`): the total /100, rank n/m, change vs the previous period, the
 * groups as bars, the weakest indicators each with a link straight to the records that lost the
 * points, the directive targets' compliance, and the monthly letter (công văn + phụ lục) to download.
 */
import { api, apiOptional, apiUrl, type Overview } from '../api'
import { h, replace } from '../dom'
import { LEVEL_NAMES, num, periodName, indicatorCode } from '../format'
import { href, seg, type Route } from '../router'
import { homeUnit, state } from '../state'
import { asOfLine, errorText, message, pageTitle, provisionalBadge } from '../ui'

interface ComplianceRow {
  unit: string | { code: string; name: string }
  value?: number | null
  threshold?: number
  met: boolean
  gap?: { records?: number | null; points?: number | null; text?: string | null } | null
}
interface Compliance {
  period?: unknown
  /** Targets reached, out of those with data (units without data are neither met nor failed). */
  summary?: { achieved: number; total: number; text: string }
  targets: { target: { id: number | string; name: string; source?: string | null }; met: number; total: number; noData?: number; achieved?: boolean; short: ComplianceRow[] }[]
}

/** "▲ tăng 2,3 điểm" / "▼ giảm 1,2 điểm" / "= không đổi". */
export function changeText(delta: number): { arrow: string; text: string; cls: string } {
  if (delta > 0) return { arrow: '▲', text: `tăng ${num(delta)} điểm`, cls: 'up' }
  if (delta < 0) return { arrow: '▼', text: `giảm ${num(-delta)} điểm`, cls: 'down' }
  return { arrow: '=', text: 'không đổi', cls: 'same' }
}

/** A labelled bar: points out of max. */
export function bar(points: number, max: number): HTMLElement {
  const share = max > 0 ? Math.max(0, Math.min(1, points / max)) : 0
  const cls = share >= 0.9 ? 'good' : share >= 0.7 ? 'fair' : 'poor'
  return h('div', { class: 'bar', 'aria-hidden': 'true' }, h('div', { class: `bar-fill ${cls}`, style: `width:${(share * 100).toFixed(1)}%` }))
}

function peersText(o: Overview): string {
  const level = LEVEL_NAMES[o.unit.level]
  return level ? `trong ${o.peers} đơn vị cùng cấp (${level.toLocaleLowerCase('vi')})` : `trong ${o.peers} đơn vị cùng cấp`
}

function complianceBox(c: Compliance | null, period: string, unit: string): HTMLElement {
  const title = h('h2', { id: 'compliance-title' }, 'Chỉ tiêu chỉ đạo')
  if (c === null) return h('section', { class: 'card', 'aria-labelledby': 'compliance-title' }, title, h('p', { class: 'muted' }, 'Máy chủ chưa có chức năng theo dõi chỉ tiêu chỉ đạo.'))
  if (!c.targets.length) {
    return h('section', { class: 'card', 'aria-labelledby': 'compliance-title' }, title,
      h('p', null, `Chưa có chỉ tiêu chỉ đạo nào áp dụng cho ${periodName(period).toLocaleLowerCase('vi')}. `),
      h('a', { href: href('/targets', { period }) }, 'Đặt chỉ tiêu chỉ đạo'))
  }
  // A target no unit has data for (e.g. no petitions this month) is neither reached nor missed.
  const withData = c.targets.filter((t) => t.total > 0)
  const reached = withData.filter((t) => t.achieved ?? t.met === t.total).length
  const noData = c.targets.length - withData.length
  return h('section', { class: 'card', 'aria-labelledby': 'compliance-title' }, title,
    h('p', null, `Đạt ${reached}/${withData.length} chỉ tiêu ở tất cả đơn vị${noData ? `; ${noData} chỉ tiêu chưa có dữ liệu trong kỳ` : ''}.`),
    h('ul', { class: 'compliance' },
      c.targets.map((t) => {
        const status = t.total === 0 ? 'none' : (t.achieved ?? t.met === t.total) ? 'ok' : 'bad'
        const badge = { none: ['badge-none', '– Không có dữ liệu'], ok: ['badge-ok', '✓ Đạt'], bad: ['badge-bad', '✗ Chưa đạt'] }[status]
        return h('li', { 'data-target': String(t.target.id), 'data-status': status },
          h('span', { class: `badge ${badge[0]}` }, badge[1]), ' ',
          h('a', { href: href(`/targets/${seg(String(t.target.id))}`, { period, unit }) }, t.target.name),
          h('span', { class: 'muted' }, t.total === 0 ? ' — không đơn vị nào có số liệu trong kỳ' : ` — ${t.met}/${t.total} đơn vị đạt`),
          t.short.length
            ? h('ul', { class: 'short' }, t.short.slice(0, 3).map((r) => h('li', null, `${typeof r.unit === 'string' ? r.unit : r.unit.name}: ${r.gap?.text ?? 'chưa đạt'}`)))
            : null)
      })))
}

/** What the overview needs of `GET /api/letter/profile`. */
interface LetterProfile {
  source: 'store' | 'demo'
}

/** "Công văn tháng 10/2024": the letter and its appendix to download (GET /api/letter, same-origin cookie). */
function letterBox(period: string, unit: string, isCurrent: () => boolean): HTMLElement {
  const url = (format: string) => apiUrl('/api/letter', { period, unit, format })
  const link = (format: string, label: string) => h('li', null, h('a', { href: url(format), download: true, 'data-format': format }, label))
  const section = h('section', { class: 'card letter', 'aria-labelledby': 'letter-title' },
    h('h2', { id: 'letter-title' }, `Công văn ${periodName(period).toLocaleLowerCase('vi')}`),
    h('p', { class: 'muted small' }, 'Công văn công bố kết quả Bộ chỉ số và phụ lục, số liệu tính đến lúc tải, sẵn để trình ký (Nghị định 30/2020/NĐ-CP).'),
    h('ul', { class: 'letter-links' },
      link('docx', 'Công văn (.docx)'),
      link('pdf', 'Công văn (.pdf)'),
      link('xlsx', 'Phụ lục (.xlsx)')))
  // Which profile the letter uses is asked after the page is drawn: it never delays the scores.
  void apiOptional<LetterProfile>('/api/letter/profile')
    .catch(() => null)
    .then((profile) => {
      section.dataset.profile = profile?.source ?? 'unknown'
      if (!isCurrent() || profile?.source !== 'demo') return
      const demo = message('warn', 'Đang dùng hồ sơ cơ quan mẫu — quản trị cập nhật ở trang Quản trị (mục Hồ sơ cơ quan).')
      demo.id = 'letter-demo'
      section.append(demo)
    })
  return section
}

async function render(main: HTMLElement, period: string, unit: string, isCurrent: () => boolean): Promise<void> {
  if (!period) {
    replace(main, pageTitle('Tổng quan'), message('info', 'Chưa có tháng nào có số liệu. Hãy nhập dữ liệu hồ sơ rồi quay lại.'))
    return
  }
  const [o, compliance] = await Promise.all([
    api<Overview>(apiUrl(`/api/units/${seg(unit)}/overview`, { period })),
    apiOptional<Compliance>(apiUrl('/api/compliance', { period, unit })).catch((e: unknown) => ({ error: errorText(e) })),
  ])
  if (!isCurrent()) return
  const traceLink = (id: string) => href(`/unit/${seg(unit)}/trace/${seg(id)}`, { period })
  const change = o.change ? changeText(o.change.delta) : null
  const share = o.max > 0 ? o.total / o.max : 0

  const scoreCard = h('section', { class: 'card score-card', 'aria-labelledby': 'total-title' },
    h('h2', { id: 'total-title', class: 'card-label' }, 'Tổng điểm'),
    h('p', { class: 'big', id: 'total' }, h('span', { 'data-value': String(o.total) }, num(o.total)), h('span', { class: 'of' }, `/${num(o.max)}`)),
    h('div', { class: 'bar big-bar', 'aria-hidden': 'true' }, h('div', { class: `bar-fill ${share >= 0.9 ? 'good' : share >= 0.7 ? 'fair' : 'poor'}`, style: `width:${(share * 100).toFixed(1)}%` })))
  const rankCard = h('section', { class: 'card', 'aria-labelledby': 'rank-title' },
    h('h2', { id: 'rank-title', class: 'card-label' }, 'Xếp hạng'),
    o.peers > 1
      ? h('p', { class: 'big', id: 'rank' }, `${o.rank}/${o.peers}`)
      : h('p', { class: 'big', id: 'rank' }, '—'),
    h('p', { class: 'muted' }, o.peers > 1 ? peersText(o) : 'Không có đơn vị cùng cấp để so sánh'),
    o.peers > 1 ? h('a', { href: href('/ranking', { period, level: o.unit.level, parent: o.unit.parent ?? undefined }) }, 'Xem bảng xếp hạng') : null)
  const changeCard = h('section', { class: 'card', 'aria-labelledby': 'change-title' },
    h('h2', { id: 'change-title', class: 'card-label' }, o.change ? `So với ${periodName(o.change.period.label).toLocaleLowerCase('vi')}` : 'So với kỳ trước'),
    o.change && change
      ? [
          h('p', { class: `big change ${change.cls}`, id: 'change' }, h('span', { 'aria-hidden': 'true' }, `${change.arrow} `), change.text),
          h('p', { class: 'muted' }, `Kỳ trước: ${num(o.change.total)} điểm, hạng ${o.change.rank}/${o.change.peers}`),
        ]
      : h('p', { class: 'muted', id: 'change' }, 'Kỳ trước chưa có số liệu để so sánh.'))

  const groups = h('section', { class: 'card', 'aria-labelledby': 'groups-title' },
    h('h2', { id: 'groups-title' }, 'Điểm theo nhóm chỉ số'),
    h('ul', { class: 'groups' },
      o.groups.map((g) =>
        h('li', null,
          h('div', { class: 'group-line' }, h('span', { class: 'group-name' }, g.name), h('span', { class: 'group-points' }, `${num(g.points)}/${num(g.max)} điểm`)),
          bar(g.points, g.max),
          g.max - g.points > 0.005 ? h('span', { class: 'visually-hidden' }, `mất ${num(g.max - g.points)} điểm`) : null))),
    h('p', null, h('a', { href: href(`/unit/${seg(unit)}`, { period }) }, 'Xem đủ các chỉ tiêu và xu hướng 12 tháng')))

  const weakest = h('section', { class: 'card weakest', 'aria-labelledby': 'weak-title' },
    h('h2', { id: 'weak-title' }, 'Chỉ tiêu mất nhiều điểm nhất'),
    o.weakest.length
      ? h('ol', { class: 'weak-list' },
          o.weakest.map((w) =>
            h('li', { 'data-indicator': w.id },
              h('div', { class: 'weak-head' },
                h('span', { class: 'code' }, indicatorCode(w)), ' ',
                h('span', { class: 'weak-name' }, w.name)),
              h('div', { class: 'weak-numbers' },
                h('strong', { class: 'lost' }, `mất ${num(w.pointsLost)} điểm`),
                h('span', { class: 'muted' }, ` (đạt ${num(w.points)}/${num(w.max)})`)),
              h('a', { class: 'button trace-link', href: traceLink(w.id), 'aria-label': `Xem hồ sơ làm mất điểm ở chỉ tiêu ${indicatorCode(w)}` }, 'Xem hồ sơ làm mất điểm'))))
      : h('p', null, 'Không chỉ tiêu nào bị mất điểm trong kỳ này.'),
    h('p', null, h('a', { href: href(`/plan/${seg(unit)}`, { period }) }, 'Lập kế hoạch cải thiện điểm')))

  const complianceSection = compliance && 'error' in compliance
    ? h('section', { class: 'card', 'aria-labelledby': 'compliance-title' }, h('h2', { id: 'compliance-title' }, 'Chỉ tiêu chỉ đạo'), message('warn', (compliance as { error: string }).error))
    : complianceBox(compliance as Compliance | null, period, unit)

  replace(main,
    pageTitle(o.unit.name,
      h('p', { class: 'subtitle' }, h('span', null, periodName(o.period.label)), ' ', provisionalBadge(o.provisional)),
      unit !== homeUnit() && state.user ? h('p', null, h('a', { href: href('/', { period }) }, 'Về đơn vị của tôi')) : null),
    asOfLine(o.asOf),
    h('div', { class: 'cards three' }, scoreCard, rankCard, changeCard),
    h('div', { class: 'cards two' }, weakest, groups),
    complianceSection,
    letterBox(period, unit, isCurrent))
}

export const routes: Route[] = [
  {
    path: '/',
    title: 'Tổng quan',
    nav: 'overview',
    render: ({ main, period, query, isCurrent }) => render(main, period, query.get('unit') || homeUnit(), isCurrent),
  },
]
