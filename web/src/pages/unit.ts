/**
 * Unit page (`#/unit/:code?period=`): groups and indicators (numerator, denominator, ratio, points,
 * max, points lost — numerator and points lost link to the records), the official portal points
 * beside the computed ones when a snapshot exists, and the 12-month trend (ECharts, loaded
 * lazily) with a data table for screen readers and keyboards.
 */
import { api, apiOptional, apiUrl, type IndicatorRow, type Indicators, type Overview, type Trend } from '../api'
import { h, replace, scrollTable } from '../dom'
import { dateTime, num, pct, periodName, indicatorCode } from '../format'
import { href, seg, type Route } from '../router'
import { asOfLine, errorText, exportLinks, message, pageTitle, provisionalBadge } from '../ui'
import { bar } from './overview'

interface Official {
  snapshot: { capturedAt: string | null; file: string } | null
  indicators?: { id: string; computed: number | null; official: number | null; diff: number | null }[]
  rows?: { id: string; computed: number | null; official: number | null; diff: number | null }[]
}

let disposeChart: (() => void) | null = null

async function trendSection(code: string, period: string, isCurrent: () => boolean): Promise<HTMLElement> {
  const section = h('section', { class: 'card', 'aria-labelledby': 'trend-title' }, h('h2', { id: 'trend-title' }, 'Xu hướng 12 tháng'))
  const until = /^\d{4}-\d{2}$/.test(period) ? period : undefined
  let trend: Trend
  try {
    trend = await api<Trend>(apiUrl(`/api/units/${seg(code)}/trend`, { periods: 12, kind: 'month', until }))
  } catch (e) {
    section.append(message('warn', `Không tải được xu hướng: ${errorText(e)}`))
    return section
  }
  const points = trend.points
  const chartBox = h('div', { class: 'chart', id: 'trend-chart', role: 'img', 'aria-label': 'Biểu đồ tổng điểm và số hồ sơ 12 tháng; số liệu chi tiết ở bảng bên dưới' })
  const table = h('table', { class: 'data' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Tháng'), h('th', { scope: 'col', class: 'num' }, 'Tổng điểm'), h('th', { scope: 'col', class: 'num' }, 'Hạng'), h('th', { scope: 'col', class: 'num' }, 'Số hồ sơ'))),
    h('tbody', null, points.map((p) => h('tr', null,
      h('th', { scope: 'row' }, periodName(p.period.label), p.provisional ? ' (tạm tính)' : ''),
      h('td', { class: 'num' }, p.dossiers > 0 ? num(p.total) : 'chưa có số liệu'),
      h('td', { class: 'num' }, p.dossiers > 0 && p.rank !== null && p.peers !== null ? `${p.rank}/${p.peers}` : '—'),
      h('td', { class: 'num' }, num(p.dossiers))))))
  section.append(chartBox, h('details', { class: 'table-alt' }, h('summary', null, 'Xem số liệu dạng bảng'), scrollTable('Tổng điểm theo tháng', table)))
  // Draw once the element is in the page; ECharts is fetched only now.
  queueMicrotask(async () => {
    try {
      const { drawTrend } = await import('../charts/trend-chart')
      if (!isCurrent() || !chartBox.isConnected) return
      disposeChart?.()
      disposeChart = drawTrend(chartBox, {
        labels: points.map((p) => p.period.label.slice(5) + '/' + p.period.label.slice(2, 4)),
        totals: points.map((p) => (p.dossiers > 0 ? p.total : null)),
        dossiers: points.map((p) => p.dossiers),
        max: points.find((p) => p.max !== null)?.max ?? 100,
      })
      chartBox.setAttribute('data-ready', 'true')
    } catch (e) {
      replace(chartBox, message('warn', `Không vẽ được biểu đồ: ${errorText(e)}`))
    }
  })
  return section
}

function indicatorTable(code: string, period: string, data: Indicators, groups: Overview['groups'], official: Official | null): HTMLElement {
  const offRows = official?.snapshot ? (official.indicators ?? official.rows ?? []).filter((r) => r.official !== null) : []
  const offById = new Map(offRows.map((r) => [r.id, r]))
  const showOfficial = offById.size > 0
  const trace = (i: IndicatorRow) => href(`/unit/${seg(code)}/trace/${seg(i.id)}`, { period })
  // The numerator opens the records it counts (where the engine can list them); lost points, the records that cost them.
  const counted = (i: IndicatorRow) => (['1.1', '1.2', '1.3', '2.2'].includes(i.id) ? trace(i) : href(`/unit/${seg(code)}/trace/${seg(i.id)}`, { period, side: 'counted' }))
  const head = h('thead', null, h('tr', null,
    h('th', { scope: 'col' }, 'Mã'),
    h('th', { scope: 'col' }, 'Chỉ tiêu'),
    h('th', { scope: 'col', class: 'num' }, 'Tử số'),
    h('th', { scope: 'col', class: 'num' }, 'Mẫu số'),
    h('th', { scope: 'col', class: 'num' }, 'Tỷ lệ'),
    h('th', { scope: 'col', class: 'num' }, 'Điểm'),
    h('th', { scope: 'col', class: 'num' }, 'Tối đa'),
    h('th', { scope: 'col', class: 'num' }, 'Điểm mất'),
    showOfficial ? h('th', { scope: 'col', class: 'num' }, 'Điểm trên Cổng') : null))
  const body: HTMLTableSectionElement[] = []
  const byGroup = new Map<string, IndicatorRow[]>()
  for (const i of data.indicators) byGroup.set(i.group, [...(byGroup.get(i.group) ?? []), i])
  for (const g of groups) {
    const list = byGroup.get(g.id) ?? []
    const cols = showOfficial ? 9 : 8
    body.push(h('tbody', null,
      h('tr', { class: 'group-row' }, h('th', { scope: 'rowgroup', colspan: String(cols) }, `${g.name}: ${num(g.points)}/${num(g.max)} điểm`)),
      list.map((i) => {
        const na = i.notApplicable !== null
        const off = offById.get(i.id)
        return h('tr', { 'data-indicator': i.id },
          h('td', { class: 'ind-code', title: i.code !== i.id ? `Mã trên Cổng: ${i.code}` : undefined }, indicatorCode(i)),
          h('th', { scope: 'row', class: 'ind-name' }, i.name, na ? h('div', { class: 'muted small' }, `Không áp dụng: ${i.notApplicable}`) : null),
          h('td', { class: 'num', 'data-label': 'Tử số' }, i.numerator === null ? '—' : h('a', { href: counted(i), 'aria-label': `${num(i.numerator)}: xem hồ sơ được tính vào tử số của chỉ tiêu ${indicatorCode(i)}` }, num(i.numerator))),
          h('td', { class: 'num', 'data-label': 'Mẫu số' }, num(i.denominator)),
          h('td', { class: 'num', 'data-label': 'Tỷ lệ' }, pct(i.ratio)),
          h('td', { class: 'num', 'data-label': 'Điểm' }, na ? 'N/A' : num(i.points)),
          h('td', { class: 'num', 'data-label': 'Tối đa' }, num(i.max)),
          h('td', { class: 'num', 'data-label': 'Điểm mất' }, i.pointsLost && i.pointsLost > 0 ? h('a', { class: 'lost', href: trace(i), 'aria-label': `${num(i.pointsLost)}: xem hồ sơ làm mất điểm ở chỉ tiêu ${indicatorCode(i)}` }, num(i.pointsLost)) : num(i.pointsLost)),
          showOfficial ? h('td', { class: 'num', 'data-label': 'Điểm trên Cổng' }, off ? num(off.official) : '—', off && off.diff !== null && Math.abs(off.diff) >= 0.005 ? h('div', { class: 'muted small' }, `lệch ${num(off.diff)}`) : null) : null)
      })))
  }
  const table = h('table', { class: 'data indicators stack' }, head, ...body)
  return h('section', { class: 'card', 'aria-labelledby': 'ind-title' },
    h('h2', { id: 'ind-title' }, 'Các chỉ tiêu'),
    scrollTable(`Điểm từng chỉ tiêu, ${periodName(period)}`, table),
    showOfficial && official?.snapshot ? h('p', { class: 'muted small' }, `Điểm trên Cổng Dịch vụ công quốc gia: bản chụp ${official.snapshot.capturedAt ? `lúc ${dateTime(official.snapshot.capturedAt)} ` : ''}(tệp ${official.snapshot.file}).`) : null,
    exportLinks(apiUrl(`/api/units/${seg(code)}/indicators`, { period }), 'bảng chỉ tiêu'))
}

export const routes: Route[] = [
  {
    path: '/unit/:code',
    title: 'Đơn vị',
    nav: 'none',
    async render({ main, params, period, isCurrent }) {
      disposeChart?.()
      disposeChart = null
      const code = params.code
      const [data, overview, official] = await Promise.all([
        api<Indicators>(apiUrl(`/api/units/${seg(code)}/indicators`, { period })),
        api<Overview>(apiUrl(`/api/units/${seg(code)}/overview`, { period })),
        apiOptional<Official>(apiUrl(`/api/units/${seg(code)}/official`, { period })).catch(() => null),
      ])
      if (!isCurrent()) return
      const groups = h('section', { class: 'card', 'aria-labelledby': 'g-title' },
        h('h2', { id: 'g-title' }, 'Nhóm chỉ số'),
        h('ul', { class: 'groups' }, overview.groups.map((g) => h('li', null,
          h('div', { class: 'group-line' }, h('span', { class: 'group-name' }, g.name), h('span', { class: 'group-points' }, `${num(g.points)}/${num(g.max)} điểm`)),
          bar(g.points, g.max)))))
      const summary = h('p', { class: 'summary-line' },
        h('strong', null, `${num(data.total)}/${num(data.max)} điểm`),
        overview.peers > 1 ? ` · hạng ${overview.rank}/${overview.peers}` : '',
        ' · ', h('a', { href: href('/', { period, unit: code }) }, 'Tổng quan'),
        ' · ', h('a', { href: href(`/plan/${seg(code)}`, { period }) }, 'Kế hoạch cải thiện'))
      replace(main,
        pageTitle(data.unit.name, h('p', { class: 'subtitle' }, periodName(period), ' ', provisionalBadge(data.provisional))),
        asOfLine(data.asOf),
        summary,
        official === null ? null : official.snapshot ? null : h('p', { class: 'muted small' }, 'Chưa có bản chụp điểm từ Cổng Dịch vụ công quốc gia cho kỳ này.'),
        indicatorTable(code, period, data, overview.groups, official),
        groups,
        h('div', { id: 'trend-slot' }, h('p', { class: 'loading' }, 'Đang tải xu hướng…')))
      const trend = await trendSection(code, period, isCurrent)
      if (!isCurrent()) return
      main.querySelector('#trend-slot')?.replaceWith(trend)
    },
  },
]
