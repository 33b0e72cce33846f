/** Pieces shared by pages: headings, messages, badges, loading state. */
import { HttpError } from './api'
import { h, replace, type Child } from './dom'
import { timeDate } from './format'

/** The page heading; focused after navigation so screen readers announce the new page. */
export function pageTitle(text: string, ...extra: Child[]): HTMLElement {
  return h('div', { class: 'page-head' }, h('h1', { tabindex: '-1' }, text), extra)
}

/** A Vietnamese message box; `kind` error | info | warn. */
export function message(kind: 'error' | 'info' | 'warn', ...children: Child[]): HTMLElement {
  return h('div', { class: `msg msg-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, children)
}

/** The message of any failure, in Vietnamese. */
export function errorText(e: unknown): string {
  if (e instanceof HttpError) {
    if (e.status === 403) return `Không có quyền xem: ${e.message}`
    return e.message
  }
  return `Lỗi trên trang: ${e instanceof Error ? e.message : String(e)}`
}

/** Show a failure in a container. */
export function showError(el: Element, e: unknown): void {
  replace(el, message('error', errorText(e)))
}

/** "Tạm tính" badge for open periods (text, not colour alone). */
export function provisionalBadge(provisional: boolean | null | undefined): HTMLElement | null {
  return provisional
    ? h('span', { class: 'badge badge-warn', title: 'Kỳ chưa kết thúc: số liệu còn thay đổi' }, 'Tạm tính')
    : null
}

/** "Số liệu tính đến HH:mm dd/MM/yyyy". */
export function asOfLine(iso: string | null | undefined): HTMLElement {
  return h('p', { class: 'as-of' }, `Số liệu tính đến ${timeDate(iso)}`)
}

/** A loading placeholder. */
export function loading(text = 'Đang tải số liệu…'): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, text)
}

/** Export buttons (CSV, Excel) for an API table URL. */
export function exportLinks(apiPath: string, label: string): HTMLElement {
  const sep = apiPath.includes('?') ? '&' : '?'
  return h(
    'div',
    { class: 'exports', role: 'group', 'aria-label': `Tải về ${label}` },
    h('a', { class: 'button secondary', href: `${apiPath}${sep}format=csv`, download: '' }, 'Tải CSV'),
    h('a', { class: 'button secondary', href: `${apiPath}${sep}format=xlsx`, download: '' }, 'Tải Excel')
  )
}
