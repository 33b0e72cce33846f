/** Tiny DOM helpers: build elements without a framework, never through innerHTML. */

export type Child = Node | string | number | null | undefined | false | Child[]
export type Attrs = Record<string, unknown>

/** `h('a', { href: '#/', class: 'x', onclick: fn }, 'text', child…)`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue
      if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v as EventListener)
      else if (k === 'value' && 'value' in el) (el as HTMLInputElement).value = String(v)
      else el.setAttribute(k, v === true ? '' : String(v))
    }
  }
  append(el, children)
  return el
}

/** Append children (strings become text nodes; null/false are skipped; arrays are flattened). */
export function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue
    if (Array.isArray(c)) append(el, c)
    else el.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c)
  }
}

/** Replace every child of `el`. */
export function replace(el: Element, ...children: Child[]): void {
  el.replaceChildren()
  append(el, children)
}

/** A table inside a horizontally scrolling, keyboard-focusable container. */
export function scrollTable(caption: string, table: HTMLTableElement): HTMLElement {
  table.prepend(h('caption', null, caption))
  return h('div', { class: 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, table)
}
