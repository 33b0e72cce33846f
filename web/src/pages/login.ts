/** Login (`#/login?next=…`): an accessible form; the API's Vietnamese errors in an aria-live region. */
import { api, HttpError, type Session } from '../api'
import { signedIn } from '../app'
import { h, replace } from '../dom'
import type { Route } from '../router'
import { state } from '../state'

export const routes: Route[] = [
  {
    path: '/login',
    title: 'Đăng nhập',
    nav: 'none',
    public: true,
    render({ main, query }) {
      const next = query.get('next')
      const status = h('p', { id: 'login-status', class: 'form-status', role: 'status', 'aria-live': 'polite' })
      const username = h('input', { id: 'username', name: 'username', type: 'text', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' })
      const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true })
      const submit = h('button', { type: 'submit' }, 'Đăng nhập')
      const form = h(
        'form',
        { class: 'login-form', novalidate: true, 'aria-describedby': 'login-status' },
        h('div', { class: 'field' }, h('label', { for: 'username' }, 'Tên đăng nhập'), username),
        h('div', { class: 'field' }, h('label', { for: 'password' }, 'Mật khẩu'), password),
        submit,
        status
      )
      form.addEventListener('submit', async (e) => {
        e.preventDefault()
        status.classList.remove('error')
        if (!username.value.trim() || !password.value) {
          status.classList.add('error')
          status.textContent = !username.value.trim() ? 'Hãy nhập tên đăng nhập.' : 'Hãy nhập mật khẩu.'
          ;(!username.value.trim() ? username : password).focus()
          return
        }
        submit.disabled = true
        status.textContent = 'Đang đăng nhập…'
        try {
          const session = await api<Session>('/api/session', { method: 'POST', body: { username: username.value.trim(), password: password.value }, quiet401: true })
          status.textContent = 'Đăng nhập thành công.'
          await signedIn(session, next)
        } catch (err) {
          status.classList.add('error')
          status.textContent =
            err instanceof HttpError && err.status === 404
              ? 'Máy chủ chưa có chức năng đăng nhập.'
              : err instanceof HttpError
                ? err.message
                : 'Không đăng nhập được; hãy thử lại.'
          password.select()
          password.focus()
        } finally {
          submit.disabled = false
        }
      })
      const intro = state.user
        ? h('p', null, `Bạn đang đăng nhập với tài khoản ${state.user.username}. Đăng nhập lại để đổi tài khoản.`)
        : h('p', null, 'Dành cho lãnh đạo và cán bộ các sở, ngành, UBND cấp huyện, cấp xã.')
      replace(
        main,
        h('section', { class: 'login-card', 'aria-labelledby': 'login-title' },
          h('h1', { id: 'login-title', tabindex: '-1' }, 'Đăng nhập'),
          intro,
          form)
      )
      // No autofocus: the first Tab reaches the skip link, a screen reader starts at the top.
    },
  },
]
