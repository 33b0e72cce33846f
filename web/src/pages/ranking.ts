/**
 * Ranking (`#/ranking?period=&level=&parent=&sort=&order=`): the peer units, sortable by header
 * buttons (aria-sort), filtered by level and parent; each row links to the unit page.
 */
import { api, apiUrl, type Ranking, type RankingRow } from '../api'
import { h, replace, scrollTable } from '../dom'
import { LEVEL_NAMES, num, periodName } from '../format'
import { go, href, seg, type Route } from '../router'
import { homeUnit, state } from '../state'
import { asOfLine, exportLinks, message, pageTitle, provisionalBadge } from '../ui'

type SortKey = 'rank' | 'name' | 'total' | `g:${string}`

/** Default filter: the peers of the unit shown (or, for the province, its biggest level below). */
function defaultFilter(): { level: string; parent: string } {
  const code = state.unit || homeUnit()
  const u = state.units.find((x) => x.code === code)
  if (u && u.parent) return { level: u.level, parent: u.parent }
  const children = state.units.filter((x) => x.parent === code)
  const levels = ['district', 'department', 'commune']
  const level = levels.find((l) => children.some((c) => c.level === l)) ?? children[0]?.level ?? ''
  return { level, parent: code }
}

function sortRows(rows: RankingRow[], key: SortKey, order: 'asc' | 'desc'): RankingRow[] {
  const sign = order === 'asc' ? 1 : -1
  const value = (r: RankingRow): number | string => {
    if (key === 'rank') return r.rank
    if (key === 'name') return r.name
    if (key === 'total') return r.total
    return r.groups.find((g) => g.id === key.slice(2))?.points ?? -1
  }
  return [...rows].sort((a, b) => {
    const va = value(a), vb = value(b)
    const c = typeof va === 'string' ? va.localeCompare(vb as string, 'vi') : va - (vb as number)
    return sign * c || a.rank - b.rank || a.code.localeCompare(b.code)
  })
}

export const routes: Route[] = [
  {
    path: '/ranking',
    title: 'Xếp hạng',
    nav: 'ranking',
    async render({ main, period, query, isCurrent }) {
      const def = defaultFilter()
      const level = query.has('level') ? query.get('level')! : def.level
      const parent = query.has('parent') ? query.get('parent')! : def.parent
      const sort = (query.get('sort') as SortKey | null) ?? 'rank'
      const order = query.get('order') === 'desc' ? 'desc' : query.get('order') === 'asc' ? 'asc' : sort === 'total' || sort.startsWith('g:') ? 'desc' : 'asc'
      const apiPath = apiUrl('/api/ranking', { period, level, parent })
      const data = await api<Ranking>(apiPath)
      if (!isCurrent()) return
      const rows = sortRows(data.rows, sort, order)
      const groups = data.rows[0]?.groups ?? []
      const own = state.user?.unitCode ?? null
      const keep = { period, level, parent }

      // Filters: level and parent (units that have children).
      const levelSelect = h('select', { id: 'f-level', name: 'level' },
        h('option', { value: '' }, 'Mọi cấp'),
        [...new Set(state.units.map((u) => u.level))].map((l) => h('option', { value: l }, LEVEL_NAMES[l] ?? l)))
      levelSelect.value = level
      const parents = state.units.filter((u) => state.units.some((c) => c.parent === u.code))
      // A unit-scoped account does not see its parent in /api/units: still name it in the filter.
      if (parent && !parents.some((u) => u.code === parent)) {
        const name = state.meta?.province.code === parent ? state.meta.province.name : `Đơn vị mã ${parent}`
        parents.unshift({ code: parent, name, level: '', parent: null })
      }
      const parentSelect = h('select', { id: 'f-parent', name: 'parent' },
        h('option', { value: '' }, 'Mọi đơn vị cấp trên'),
        parents.map((u) => h('option', { value: u.code }, u.name)))
      parentSelect.value = parent
      const filters = h('form', { class: 'filters', 'aria-label': 'Lọc bảng xếp hạng' },
        h('div', { class: 'control' }, h('label', { for: 'f-level' }, 'Cấp'), levelSelect),
        h('div', { class: 'control' }, h('label', { for: 'f-parent' }, 'Trực thuộc'), parentSelect))
      const apply = () => go('/ranking', { period, level: levelSelect.value, parent: parentSelect.value, sort: query.get('sort'), order: query.get('order') })
      levelSelect.addEventListener('change', apply)
      parentSelect.addEventListener('change', apply)
      filters.addEventListener('submit', (e) => {
        e.preventDefault()
        apply()
      })

      const sortHeader = (key: SortKey, label: string, numeric: boolean) => {
        const active = sort === key
        const next = active ? (order === 'asc' ? 'desc' : 'asc') : numeric && key !== 'rank' ? 'desc' : 'asc'
        const button = h('button', { type: 'button', class: 'sort', 'data-sort': key },
          label, h('span', { 'aria-hidden': 'true', class: 'sort-mark' }, active ? (order === 'asc' ? ' ▲' : ' ▼') : ' ↕'))
        button.addEventListener('click', () => go('/ranking', { ...keep, sort: key, order: next }))
        return h('th', { scope: 'col', class: numeric ? 'num' : undefined, 'aria-sort': active ? (order === 'asc' ? 'ascending' : 'descending') : 'none' }, button)
      }
      const table = h('table', { class: 'data ranking' },
        h('thead', null, h('tr', null,
          sortHeader('rank', 'Hạng', true),
          sortHeader('name', 'Đơn vị', false),
          sortHeader('total', 'Tổng điểm', true),
          groups.map((g) => sortHeader(`g:${g.id}`, g.name, true)))),
        h('tbody', null, rows.map((r) =>
          h('tr', { class: r.code === own ? 'own' : undefined, 'data-code': r.code },
            h('td', { class: 'num' }, `${r.rank}/${r.peers}`),
            h('th', { scope: 'row' }, h('a', { href: href(`/unit/${seg(r.code)}`, { period }) }, r.name), r.code === own ? h('div', null, h('span', { class: 'badge badge-own' }, 'Đơn vị của bạn')) : null),
            h('td', { class: 'num total' }, num(r.total)),
            r.groups.map((g) => h('td', { class: 'num' }, `${num(g.points)}/${num(g.max)}`))))))

      replace(main,
        pageTitle('Xếp hạng', h('p', { class: 'subtitle' }, periodName(data.period.label), ' ', provisionalBadge(data.provisional))),
        asOfLine(data.asOf),
        filters,
        rows.length && rows.length < (rows[0]?.peers ?? 0) && state.user?.role !== 'admin'
          ? message('info', `Tài khoản của bạn chỉ xem được ${rows.length} trong ${rows[0].peers} đơn vị cùng cấp; hạng vẫn tính trên cả ${rows[0].peers} đơn vị.`)
          : null,
        rows.length
          ? [scrollTable(`Xếp hạng ${periodName(period)}: ${rows.length} đơn vị`, table), exportLinks(apiPath, 'bảng xếp hạng')]
          : message('info', 'Không có đơn vị nào khớp bộ lọc.'))
    },
  },
]
