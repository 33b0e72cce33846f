/**
 * What-if planner (kế hoạch cải thiện): `#/plan/:code?period=` — the unit's best actions, best
 * points per record first (`/api/units/:code/plan`), and a simulator: one slider + number per
 * scored indicator's ratio; changed ratios go to `/api/units/:code/simulate?set=…` (debounced) and
 * the total and rank before → after are announced in a live region.
 */
import { api, apiUrl, type IndicatorRow, type Indicators, type PeriodInfo, type Unit } from '../api'
import { h, replace, scrollTable } from '../dom'
import { num, pct, periodName } from '../format'
import { href, seg, type Route } from '../router'
import { message, pageTitle, provisionalBadge } from '../ui'
import { apiMessage } from './shared-forms'

interface Action {
  indicator: string
  name: string
  group?: string
  records: number
  pointsGain: number
  pointsPerRecord: number
  firstRecords?: number
  firstPointsGain?: number
  ratioBefore?: number
  ratioAfter?: number
  text: string
}
interface Plan {
  unit: Unit
  period: PeriodInfo
  provisional?: boolean
  total: number
  rank: number
  peers: number
  actions: Action[]
}
interface SimState {
  total: number
  rank: number
  peers: number
  groups: { id: string; name: string; points: number; max: number }[]
}
interface Simulation {
  before: SimState
  after: SimState & { indicators: { id: string; ratio: number | null; points: number | null; max: number; changed: boolean }[] }
}

/** Debounce of the simulator (ms). */
const DEBOUNCE = 300
/** Actions listed before "Xem thêm". */
const SHOWN = 5

const signed = (d: number) => `${d > 0 ? '+' : d < 0 ? '−' : '±'}${num(Math.abs(d))}`

function actionList(plan: Plan, onTry: (a: Action) => void): HTMLElement {
  const section = h('section', { class: 'card', 'aria-labelledby': 'actions-title' }, h('h2', { id: 'actions-title' }, 'Việc nên làm trước'))
  if (!plan.actions.length) {
    section.append(message('info', 'Đơn vị không mất điểm ở chỉ tiêu nào có thể cải thiện bằng cách bổ sung hồ sơ trong kỳ này.'))
    return section
  }
  section.append(
    h('p', { class: 'muted small' }, 'Xếp theo số điểm được thêm trên mỗi hồ sơ (thủ tục, dịch vụ, phản ánh) cần xử lý, nhiều nhất lên đầu.'),
    ...actionLists(plan.actions.map((a) => {
      const btn = h('button', { type: 'button', class: 'secondary', 'data-indicator': a.indicator }, `Thử trong mô phỏng: chỉ tiêu ${a.indicator}`)
      btn.addEventListener('click', () => onTry(a))
      return h('li', { 'data-indicator': a.indicator },
        h('span', { class: 'action-text' }, a.text),
        h('span', { class: 'action-detail' },
          `Chỉ tiêu ${a.indicator} — ${a.name}`,
          a.ratioBefore !== undefined && a.ratioAfter !== undefined ? ` · tỷ lệ ${pct(a.ratioBefore)} → ${pct(a.ratioAfter)}` : '',
          a.firstRecords !== undefined && a.firstRecords < a.records && a.firstPointsGain ? ` · ${num(a.firstRecords, 0)} đầu tiên đã được +${num(a.firstPointsGain)} điểm` : ''),
        btn)
    })))
  return section
}

/** The first {@link SHOWN} actions, the others behind "Xem thêm". */
function actionLists(items: HTMLElement[]): HTMLElement[] {
  const first = h('ol', { class: 'plan-actions', id: 'plan-actions' }, items.slice(0, SHOWN))
  if (items.length <= SHOWN) return [first]
  return [first, h('details', { class: 'more-actions' },
    h('summary', null, `Xem thêm ${items.length - SHOWN} việc khác`),
    h('ol', { class: 'plan-actions', start: String(SHOWN + 1) }, items.slice(SHOWN)))]
}

interface Slider {
  row: IndicatorRow
  initial: number
  range: HTMLInputElement
  number: HTMLInputElement
  el: HTMLElement
}

export const routes: Route[] = [
  {
    path: '/plan/:code',
    title: 'Kế hoạch cải thiện',
    nav: 'plan',
    async render({ main, params, period, isCurrent }) {
      const code = params.code
      if (!period) {
        replace(main, pageTitle('Kế hoạch cải thiện'), message('info', 'Chưa có kỳ nào có số liệu.'))
        return
      }
      const [plan, ind] = await Promise.all([
        api<Plan>(apiUrl(`/api/units/${seg(code)}/plan`, { period })),
        api<Indicators>(apiUrl(`/api/units/${seg(code)}/indicators`, { period })),
      ])
      if (!isCurrent()) return
      const rows = ind.indicators.filter((i) => i.ratio !== null && i.max > 0 && i.notApplicable === null)

      // ---- Simulator ----
      const summary = h('div', { id: 'sim-summary', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' })
      const groupsBox = h('div', { id: 'sim-groups' })
      const sliders: Slider[] = rows.map((row) => {
        const initial = Math.round((row.ratio as number) * 1000) / 10
        const id = `sim-${row.id.replace(/[^A-Za-z0-9]/g, '_')}`
        const label = h('label', { for: `${id}-n`, id: `${id}-l` }, `${row.id} — ${row.name}`, h('span', { class: 'now' }, `Hiện tại ${pct(row.ratio)}: ${num(row.points)}/${num(row.max)} điểm`))
        const range = h('input', { type: 'range', id: `${id}-r`, min: '0', max: '100', step: '0.1', value: String(initial), 'aria-labelledby': `${id}-l`, 'aria-valuetext': `${num(initial, 1)}%` })
        const number = h('input', { type: 'number', id: `${id}-n`, min: '0', max: '100', step: '0.1', value: String(initial), inputmode: 'decimal', 'data-indicator': row.id })
        const el = h('div', { class: 'sim-row', 'data-indicator': row.id }, label, range, h('span', { class: 'pct-input' }, number, h('span', { 'aria-hidden': 'true' }, '%')))
        return { row, initial, range, number, el }
      })

      const valueOf = (s: Slider) => {
        const v = Number(s.number.value.replace(',', '.'))
        return Number.isFinite(v) ? Math.min(100, Math.max(0, v)) : s.initial
      }
      const changed = () => sliders.filter((s) => Math.abs(valueOf(s) - s.initial) > 1e-9)

      const showBefore = () => {
        replace(summary,
          h('p', { class: 'sim-line' }, h('strong', null, 'Tổng điểm: '), h('span', { id: 'sim-total' }, num(plan.total)), ' điểm'),
          h('p', { class: 'sim-line' }, h('strong', null, 'Xếp hạng: '), h('span', { id: 'sim-rank' }, `${plan.rank}/${plan.peers}`)),
          h('p', { class: 'small muted' }, 'Chưa thay đổi tỷ lệ nào: kéo thanh trượt hoặc nhập tỷ lệ mới để xem điểm và hạng.'))
        replace(groupsBox)
      }

      let seq = 0
      let timer: ReturnType<typeof setTimeout> | null = null
      const simulateNow = async () => {
        const list = changed()
        for (const s of sliders) s.el.classList.toggle('changed', list.includes(s))
        const mine = ++seq
        if (!list.length) {
          showBefore()
          return
        }
        const set = list.map((s) => `${s.row.id}:${(valueOf(s) / 100).toFixed(4)}`).join(',')
        summary.setAttribute('aria-busy', 'true')
        try {
          const r = await api<Simulation>(apiUrl(`/api/units/${seg(code)}/simulate`, { period, set }))
          if (mine !== seq || !isCurrent()) return
          const d = r.after.total - r.before.total
          const dr = r.before.rank - r.after.rank
          replace(summary,
            h('p', { class: 'sim-line' }, h('strong', null, 'Tổng điểm: '),
              h('span', { id: 'sim-total' }, `${num(r.before.total)} → ${num(r.after.total)}`), ' điểm ',
              h('span', { class: d > 0 ? 'delta-up' : d < 0 ? 'delta-down' : '' }, `(${signed(d)} điểm)`)),
            h('p', { class: 'sim-line' }, h('strong', null, 'Xếp hạng: '),
              h('span', { id: 'sim-rank' }, `${r.before.rank}/${r.before.peers} → ${r.after.rank}/${r.after.peers}`), ' ',
              h('span', { class: dr > 0 ? 'delta-up' : dr < 0 ? 'delta-down' : '' }, dr > 0 ? `(lên ${dr} bậc)` : dr < 0 ? `(xuống ${-dr} bậc)` : '(giữ nguyên)')),
            h('p', { class: 'small muted' }, `Đã đổi ${list.length} chỉ tiêu: ${list.map((s) => `${s.row.id} ${pct(s.initial / 100)} → ${num(valueOf(s), 1)}%`).join('; ')}.`))
          const byId = new Map(r.before.groups.map((g) => [g.id, g]))
          const diffGroups = r.after.groups.filter((g) => Math.abs(g.points - (byId.get(g.id)?.points ?? g.points)) >= 0.005)
          replace(groupsBox, diffGroups.length
            ? scrollTable('Điểm các nhóm thay đổi', h('table', { class: 'data' },
              h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Nhóm'), h('th', { scope: 'col', class: 'num' }, 'Trước'), h('th', { scope: 'col', class: 'num' }, 'Sau'), h('th', { scope: 'col', class: 'num' }, 'Tối đa'))),
              h('tbody', null, diffGroups.map((g) => h('tr', null, h('th', { scope: 'row' }, g.name), h('td', { class: 'num' }, num(byId.get(g.id)?.points)), h('td', { class: 'num' }, num(g.points)), h('td', { class: 'num' }, num(g.max)))))))
            : null)
        } catch (e) {
          if (mine === seq) replace(summary, message('error', `Không mô phỏng được: ${apiMessage(e)}`))
        } finally {
          if (mine === seq) summary.removeAttribute('aria-busy')
        }
      }
      const schedule = () => {
        if (timer) clearTimeout(timer)
        timer = setTimeout(() => {
          timer = null
          void simulateNow()
        }, DEBOUNCE)
      }
      for (const s of sliders) {
        s.range.addEventListener('input', () => {
          s.number.value = s.range.value
          s.range.setAttribute('aria-valuetext', `${num(Number(s.range.value), 1)}%`)
          schedule()
        })
        s.number.addEventListener('input', () => {
          const v = valueOf(s)
          s.range.value = String(v)
          s.range.setAttribute('aria-valuetext', `${num(v, 1)}%`)
          schedule()
        })
      }
      const reset = h('button', { type: 'button', class: 'secondary', id: 'sim-reset' }, 'Đặt lại như hiện tại')
      reset.addEventListener('click', () => {
        for (const s of sliders) {
          s.number.value = String(s.initial)
          s.range.value = String(s.initial)
          s.range.setAttribute('aria-valuetext', `${num(s.initial, 1)}%`)
        }
        void simulateNow()
      })
      showBefore()

      const tryAction = (a: Action) => {
        const s = sliders.find((x) => x.row.id === a.indicator)
        if (!s || a.ratioAfter === undefined) return
        const v = Math.min(100, Math.ceil(a.ratioAfter * 1000 - 1e-6) / 10)
        s.number.value = String(v)
        s.range.value = String(v)
        s.range.setAttribute('aria-valuetext', `${num(v, 1)}%`)
        s.number.focus()
        void simulateNow()
      }

      const simulator = h('section', { class: 'card', 'aria-labelledby': 'sim-title' },
        h('h2', { id: 'sim-title' }, 'Mô phỏng: nếu tỷ lệ thay đổi thì sao?'),
        h('p', { class: 'muted small' }, 'Chỉ đơn vị này thay đổi; các đơn vị khác giữ nguyên số liệu. Tỷ lệ tính bằng %.'),
        h('div', { class: 'sim-result' }, summary),
        groupsBox,
        rows.length
          ? h('form', { class: 'sim-form', novalidate: true, onsubmit: (e: Event) => { e.preventDefault(); void simulateNow() } },
            h('fieldset', null, h('legend', null, 'Tỷ lệ của từng chỉ tiêu'),
              h('div', { class: 'sim-grid' }, sliders.map((s) => s.el))),
            h('div', { class: 'form-actions' }, reset))
          : message('info', 'Đơn vị chưa có chỉ tiêu nào có tỷ lệ trong kỳ này.'))

      replace(main,
        pageTitle(`Kế hoạch cải thiện: ${plan.unit.name}`, h('p', { class: 'subtitle' }, periodName(plan.period.label), ' ', provisionalBadge(plan.provisional))),
        h('p', { class: 'summary-line' },
          h('strong', null, `${num(plan.total)} điểm`), plan.peers > 1 ? ` · hạng ${plan.rank}/${plan.peers}` : '',
          ' · ', h('a', { href: href(`/unit/${seg(code)}`, { period }) }, 'Xem các chỉ tiêu của đơn vị')),
        h('div', { class: 'plan-layout' }, actionList(plan, tryAction), simulator))
    },
  },
]
