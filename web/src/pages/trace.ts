/**
 * Drill-down (`#/unit/:code/trace/:indicator?period=&page=&q=&side=`): the records behind the points an
 * indicator lost (or, with `side=counted`, those its numerator counts), with the API's Vietnamese reasons, dates in Vietnam time, pagination, a filter
 * and CSV/Excel exports of every matching record.
 */
import { api, apiUrl, type TraceItem, type TracePage } from '../api'
import { h, replace, scrollTable } from '../dom'
import { dateTime, num, pct, periodName, indicatorCode } from '../format'
import { go, href, seg, type Route } from '../router'
import { asOfLine, exportLinks, message, pageTitle } from '../ui'

const PAGE_SIZE = 50

const KIND_NAMES: Record<TraceItem['kind'], string> = {
  dossier: 'Hồ sơ',
  procedure: 'Thủ tục',
  service: 'Dịch vụ công',
  petition: 'Phản ánh, kiến nghị',
}

export const routes: Route[] = [
  {
    path: '/unit/:code/trace/:indicator',
    title: 'Hồ sơ làm mất điểm',
    nav: 'none',
    async render({ main, params, period, query, isCurrent }) {
      const { code, indicator } = params
      const page = Math.max(1, Number(query.get('page')) || 1)
      const q = query.get('q') ?? ''
      // lost (default): the records that cost points; counted: those the numerator counts.
      const counted = query.get('side') === 'counted'
      const side = counted ? 'counted' : undefined
      const base = { period, indicator, q: q || undefined, side }
      const data = await api<TracePage>(apiUrl(`/api/units/${seg(code)}/trace`, { ...base, page, pageSize: PAGE_SIZE }))
      if (!isCurrent()) return
      const ind = data.indicator
      const path = `/unit/${seg(code)}/trace/${seg(indicator)}`
      const to = (p: number) => href(path, { period, q: q || undefined, side, page: p > 1 ? p : undefined })

      const filterInput = h('input', { id: 'trace-q', name: 'q', type: 'search', value: q, maxlength: '200', placeholder: 'ví dụ: mã hồ sơ, "quá hạn"' })
      const filter = h('form', { class: 'filters', role: 'search', 'aria-label': 'Lọc hồ sơ' },
        h('div', { class: 'control grow' }, h('label', { for: 'trace-q' }, 'Lọc theo mã hồ sơ hoặc lý do'), filterInput),
        h('button', { type: 'submit' }, 'Lọc'),
        q ? h('a', { class: 'button secondary', href: href(path, { period, side }) }, 'Bỏ lọc') : null)
      filter.addEventListener('submit', (e) => {
        e.preventDefault()
        go(path, { period, side, q: filterInput.value.trim() || undefined })
      })

      const hasDates = data.items.some((i) => i.receivedAt !== undefined || i.dueAt !== undefined || i.finishedAt !== undefined)
      const showUnit = data.items.some((i) => i.unitCode !== code)
      const first = (data.page - 1) * data.pageSize
      const table = h('table', { class: 'data trace stack' },
        h('thead', null, h('tr', null,
          h('th', { scope: 'col', class: 'num' }, 'STT'),
          h('th', { scope: 'col' }, 'Mã'),
          h('th', { scope: 'col' }, counted ? 'Được tính vì' : 'Lý do mất điểm'),
          showUnit ? h('th', { scope: 'col' }, 'Đơn vị') : null,
          h('th', { scope: 'col' }, 'Thủ tục'),
          hasDates ? [h('th', { scope: 'col' }, 'Tiếp nhận'), h('th', { scope: 'col' }, 'Hẹn trả'), h('th', { scope: 'col' }, 'Kết thúc')] : null)),
        h('tbody', null, data.items.map((it, n) => h('tr', { 'data-id': it.id },
          h('td', { class: 'num', 'data-label': 'STT' }, num(first + n + 1)),
          h('th', { scope: 'row' }, h('span', { class: 'record-id' }, it.id), h('div', { class: 'muted small' }, KIND_NAMES[it.kind] ?? it.kind, it.weight > 1 ? ` · trừ ${it.weight} lần` : '')),
          h('td', { class: 'reasons', 'data-label': 'Lý do' }, it.reasons.length === 1 ? it.reasons[0] : h('ul', null, it.reasons.map((r) => h('li', null, r)))),
          showUnit ? h('td', { 'data-label': 'Đơn vị' }, it.unitCode) : null,
          h('td', { 'data-label': 'Thủ tục' }, it.procedureCode ?? '—'),
          hasDates ? [h('td', { class: 'date', 'data-label': 'Tiếp nhận' }, dateTime(it.receivedAt)), h('td', { class: 'date', 'data-label': 'Hẹn trả' }, dateTime(it.dueAt)), h('td', { class: 'date', 'data-label': 'Kết thúc' }, dateTime(it.finishedAt))] : null))))

      const pager = data.pages > 1
        ? h('nav', { class: 'pager', 'aria-label': 'Phân trang' },
            data.page > 1 ? h('a', { class: 'button secondary', href: to(data.page - 1), rel: 'prev' }, '‹ Trang trước') : h('span', { class: 'button secondary disabled', 'aria-disabled': 'true' }, '‹ Trang trước'),
            h('span', { class: 'pager-status', 'aria-live': 'polite' }, `Trang ${num(data.page)}/${num(data.pages)}`),
            data.page < data.pages ? h('a', { class: 'button secondary', href: to(data.page + 1), rel: 'next' }, 'Trang sau ›') : h('span', { class: 'button secondary disabled', 'aria-disabled': 'true' }, 'Trang sau ›'))
        : null

      const lost = ind.pointsLost
      const facts = h('dl', { class: 'facts' },
        h('div', null, h('dt', null, 'Điểm'), h('dd', null, ind.points === null ? 'Không áp dụng' : `${num(ind.points)}/${num(ind.max)}`)),
        h('div', null, h('dt', null, 'Điểm mất'), h('dd', { class: lost ? 'lost' : undefined }, num(lost))),
        h('div', null, h('dt', null, 'Tử số / mẫu số'), h('dd', null, `${num(ind.numerator)} / ${num(ind.denominator)}`)),
        h('div', null, h('dt', null, 'Tỷ lệ'), h('dd', null, pct(ind.ratio))))

      const what = counted ? 'bản ghi được tính vào tử số' : 'bản ghi làm mất điểm'
      const countText = q
        ? `${num(data.total)} bản ghi khớp "${q}" (trong ${num(data.all)} ${what})`
        : `${num(data.all)} ${what}`
      // The other side of the same indicator, one click away.
      const otherSide = counted
        ? h('a', { href: href(path, { period }) }, 'Xem bản ghi làm mất điểm')
        : h('a', { href: href(path, { period, side: 'counted' }) }, 'Xem bản ghi được tính vào tử số')
      replace(main,
        h('p', { class: 'crumbs' },
          h('a', { href: href('/', { period, unit: code }) }, 'Tổng quan'), ' › ',
          h('a', { href: href(`/unit/${seg(code)}`, { period }) }, data.unit.name), ' › ',
          `Chỉ tiêu ${indicatorCode(ind)}`),
        pageTitle(`${counted ? 'Hồ sơ được tính vào tử số' : 'Hồ sơ làm mất điểm'}: ${indicatorCode(ind)} ${ind.name}`,
          h('p', { class: 'subtitle' }, `${data.unit.name} · ${periodName(period)}`)),
        asOfLine(data.asOf),
        facts,
        h('p', null, otherSide),
        data.notes.length ? h('ul', { class: 'notes' }, data.notes.map((n) => h('li', null, n))) : null,
        filter,
        h('p', { class: 'count', role: 'status' }, countText),
        data.items.length
          ? [scrollTable(`${counted ? 'Bản ghi được tính vào tử số' : 'Bản ghi làm mất điểm'} ở chỉ tiêu ${indicatorCode(ind)}, trang ${data.page}/${Math.max(1, data.pages)}`, table), pager]
          : message('info', q ? 'Không có bản ghi nào khớp bộ lọc.' : counted ? 'Không có bản ghi nào được tính vào tử số ở chỉ tiêu này.' : 'Không có bản ghi nào làm mất điểm ở chỉ tiêu này.'),
        data.total ? exportLinks(apiUrl(`/api/units/${seg(code)}/trace`, base), 'danh sách hồ sơ') : null)
    },
  },
]
