/**
 * Procedure view: `#/procedures?q=` searches the catalogue, `#/procedure/:code?period=` shows the
 * indicators that apply to one procedure, unit by unit (docs/web-api.md).
 */
import { apiOptional, apiUrl } from '../api'
import { h, replace, scrollTable } from '../dom'
import { LEVEL_NAMES, num, pct, periodName, indicatorCode } from '../format'
import { go, href, seg, type Route } from '../router'
import { asOfLine, exportLinks, message, pageTitle, provisionalBadge } from '../ui'

interface ProcedureSummary {
  code: string
  name: string
  level?: string | null
  dossiers?: number | null
}
interface ProcCell {
  id: string
  code?: string
  name?: string
  numerator: number | null
  denominator: number | null
  ratio: number | null
  points: number | null
  max?: number | null
}
interface ProcRow {
  unit?: { code: string; name: string; level?: string }
  code?: string
  name?: string
  dossiers?: number
  indicators: ProcCell[]
}
interface ProcedureView {
  procedure?: ProcedureSummary
  period?: { label: string; title: string }
  asOf?: string
  provisional?: boolean
  indicators?: { id: string; code?: string; name: string; max?: number }[]
  rows: ProcRow[]
}

const MISSING = 'Máy chủ chưa có chức năng xem theo thủ tục.'

function searchForm(q: string, period: string): HTMLFormElement {
  const input = h('input', { id: 'proc-q', name: 'q', type: 'search', value: q, maxlength: '200', placeholder: 'ví dụ: khai sinh, 1.001234' })
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Tìm thủ tục' },
    h('div', { class: 'control grow' }, h('label', { for: 'proc-q' }, 'Tên hoặc mã thủ tục'), input),
    h('button', { type: 'submit' }, 'Tìm'))
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    go('/procedures', { period, q: input.value.trim() || undefined })
  })
  return form
}

export const routes: Route[] = [
  {
    path: '/procedures',
    title: 'Thủ tục',
    nav: 'procedures',
    async render({ main, period, query, isCurrent }) {
      const q = query.get('q') ?? ''
      const data = await apiOptional<{ procedures: ProcedureSummary[] }>(apiUrl('/api/procedures', { q: q || undefined, limit: 50 }))
      if (!isCurrent()) return
      if (data === null) {
        replace(main, pageTitle('Thủ tục hành chính'), searchForm(q, period), message('warn', MISSING))
        return
      }
      const list = data.procedures
      const table = h('table', { class: 'data' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Mã'), h('th', { scope: 'col' }, 'Tên thủ tục'), h('th', { scope: 'col' }, 'Cấp'), h('th', { scope: 'col', class: 'num' }, 'Số hồ sơ'))),
        h('tbody', null, list.map((p) => h('tr', null,
          h('td', null, p.code),
          h('th', { scope: 'row' }, h('a', { href: href(`/procedure/${seg(p.code)}`, { period }) }, p.name)),
          h('td', null, p.level ? LEVEL_NAMES[p.level] ?? p.level : '—'),
          h('td', { class: 'num' }, num(p.dossiers ?? null))))))
      replace(main,
        pageTitle('Thủ tục hành chính'),
        h('p', null, 'Tìm một thủ tục để xem điểm các chỉ tiêu của riêng thủ tục đó ở từng đơn vị.'),
        searchForm(q, period),
        list.length ? scrollTable(q ? `Thủ tục khớp "${q}": ${list.length}` : `Thủ tục có nhiều hồ sơ nhất: ${list.length}`, table) : message('info', q ? `Không có thủ tục nào khớp "${q}".` : 'Chưa có thủ tục nào.'))
    },
  },
  {
    path: '/procedure/:code',
    title: 'Thủ tục',
    nav: 'procedures',
    async render({ main, params, period, query, isCurrent }) {
      const code = params.code
      const apiPath = apiUrl(`/api/procedures/${seg(code)}`, { period, level: query.get('level'), parent: query.get('parent') })
      const data = await apiOptional<ProcedureView>(apiPath)
      if (!isCurrent()) return
      const back = h('p', { class: 'crumbs' }, h('a', { href: href('/procedures', { period }) }, 'Thủ tục'), ' › ', code)
      if (data === null) {
        replace(main, back, pageTitle(`Thủ tục ${code}`), message('warn', `Không có thủ tục mã ${code}, hoặc ${MISSING.charAt(0).toLowerCase()}${MISSING.slice(1)}`))
        return
      }
      const cols = data.indicators ?? data.rows[0]?.indicators.map((i) => ({ id: i.id, code: i.code, name: i.name ?? i.id })) ?? []
      const table = h('table', { class: 'data proc' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col' }, 'Đơn vị'),
          h('th', { scope: 'col', class: 'num' }, 'Số hồ sơ'),
          cols.map((c) => h('th', { scope: 'col', class: 'num' }, h('span', { class: 'ind-head' }, indicatorCode(c)), h('span', { class: 'ind-head-name' }, c.name))))),
        h('tbody', null, data.rows.map((r) => {
          const unitCode = r.unit?.code ?? r.code ?? ''
          const unitName = r.unit?.name ?? r.name ?? unitCode
          const cells = new Map(r.indicators.map((i) => [i.id, i]))
          return h('tr', null,
            h('th', { scope: 'row' }, h('a', { href: href(`/unit/${seg(unitCode)}`, { period }) }, unitName)),
            h('td', { class: 'num' }, num(r.dossiers ?? null)),
            cols.map((c) => {
              const x = cells.get(c.id)
              return h('td', { class: 'num' }, x
                ? [h('div', null, `${num(x.numerator)}/${num(x.denominator)}`), h('div', { class: 'muted small' }, `${pct(x.ratio)} · ${num(x.points)} điểm`)]
                : '—')
            }))
        })))
      const name = data.procedure?.name ?? code
      replace(main, back,
        pageTitle(name, h('p', { class: 'subtitle' }, `Mã ${code} · ${periodName(data.period?.label ?? period)} `, provisionalBadge(data.provisional))),
        data.asOf ? asOfLine(data.asOf) : null,
        data.rows.length
          ? [scrollTable(`Chỉ tiêu của thủ tục ${code} theo đơn vị (tử số/mẫu số, tỷ lệ, điểm)`, table), exportLinks(apiPath, 'bảng thủ tục')]
          : message('info', 'Không đơn vị nào có hồ sơ của thủ tục này trong kỳ.'))
    },
  },
]
