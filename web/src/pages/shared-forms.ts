/**
 * Form pieces shared by the targets, planner and administration pages: labelled fields, a live
 * status region for the API's Vietnamese answers, an inline confirmation, and a random password.
 */
import { HttpError } from '../api'
import { h, replace, type Child } from '../dom'
import './extra.css'

let idCounter = 0
/** A fresh element id with a prefix. */
export const freshId = (prefix: string) => `${prefix}-${++idCounter}`

/** A labelled field: `<div class="field"><label for>…</label>control<p class="hint">…</p></div>`. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  if (!control.id) control.id = freshId('f')
  const hintEl = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id)
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl)
}

/** A text-like input. */
export function input(attrs: Record<string, unknown>): HTMLInputElement {
  return h('input', { type: 'text', ...attrs })
}

/** A `<select>` from `[value, label]` pairs. */
export function select(attrs: Record<string, unknown>, options: [string, string][]): HTMLSelectElement {
  return h('select', attrs, options.map(([v, l]) => h('option', { value: v }, l)))
}

/**
 * A status line under a form: polite for progress and success, an alert for errors (the API's
 * message, split into a list when it joins several with "; ").
 */
export interface FormStatus {
  el: HTMLElement
  busy(text: string): void
  ok(...children: Child[]): void
  error(e: unknown): void
  clear(): void
}

/** The message of a failure, as the API said it (no prefix: the form already says what was tried). */
export function apiMessage(e: unknown): string {
  if (e instanceof HttpError) return e.message
  return `Lỗi trên trang: ${e instanceof Error ? e.message : String(e)}`
}

export function formStatus(id?: string): FormStatus {
  const el = h('div', { class: 'form-status fs', id: id ?? freshId('status'), role: 'status', 'aria-live': 'polite' })
  const set = (kind: '' | 'ok' | 'error', ...children: Child[]) => {
    el.className = `form-status fs${kind ? ` ${kind}` : ''}`
    replace(el, ...children)
  }
  return {
    el,
    busy: (text) => set('', text),
    ok: (...children) => set('ok', ...children),
    error: (e) => {
      const text = apiMessage(e)
      const parts = text.split('; ').filter((p) => p.trim() !== '')
      set('error', parts.length > 1 ? h('ul', { class: 'error-list' }, parts.map((p) => h('li', null, p))) : h('p', null, text))
    },
    clear: () => set(''),
  }
}

/**
 * A button that asks again inline before acting (no browser dialog): "Lưu trữ" → "Xác nhận lưu
 * trữ?" [Xác nhận] [Hủy].
 */
export function confirmButton(label: string, question: string, confirmLabel: string, action: () => Promise<void> | void, className = 'secondary'): HTMLElement {
  const box = h('span', { class: 'confirm-box' })
  const first = h('button', { type: 'button', class: className }, label)
  const show = () => {
    const yes = h('button', { type: 'button', class: 'danger' }, confirmLabel)
    const no = h('button', { type: 'button', class: 'secondary' }, 'Hủy')
    yes.addEventListener('click', async () => {
      yes.disabled = true
      try {
        await action()
      } finally {
        yes.disabled = false
      }
    })
    no.addEventListener('click', () => {
      replace(box, first)
      first.focus()
    })
    replace(box, h('span', { class: 'confirm-q' }, question), ' ', yes, ' ', no)
    yes.focus()
  }
  first.addEventListener('click', show)
  box.append(first)
  return box
}

/** 16 characters from letters and digits without look-alikes (like the server's generated passwords). */
export function randomPassword(length = 16): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'
  const bytes = new Uint32Array(length)
  crypto.getRandomValues(bytes)
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('')
}

/** A secret shown once, selectable, with a warning. */
export function secretBox(title: string, secret: string, note: string): HTMLElement {
  const code = h('code', { class: 'secret', tabindex: '0' }, secret)
  return h('div', { class: 'msg msg-warn secret-box', role: 'status' }, h('p', null, h('strong', null, title)), h('p', null, code), h('p', { class: 'small' }, note))
}

/** Status icon + word (never colour alone). */
export function statusBadge(met: boolean | null): HTMLElement {
  if (met === null) return h('span', { class: 'badge badge-none' }, h('span', { 'aria-hidden': 'true' }, '– '), 'Không có dữ liệu')
  return met
    ? h('span', { class: 'badge badge-ok' }, h('span', { 'aria-hidden': 'true' }, '✓ '), 'Đạt')
    : h('span', { class: 'badge badge-bad' }, h('span', { 'aria-hidden': 'true' }, '✗ '), 'Chưa đạt')
}
