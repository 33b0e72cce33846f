/**
 * Directive targets (chỉ tiêu chỉ đạo): `#/targets` — the list with this period's status and the
 * "Thêm chỉ tiêu" form (presets from the district's letter of 06/02/2024); `#/targets/:id` — the
 * units' compliance for the period (worst first, gap in records, CSV/Excel), 12-month trend,
 * edit, archive, and the versions. API: docs/web-api.md "Directive targets".
 */
import { api, apiOptional, apiUrl, type Indicators, type Overview, type PeriodInfo, type Unit } from '../api'
import { h, replace, scrollTable } from '../dom'
import { dateTime, LEVEL_NAMES, num, pct, periodName } from '../format'
import { go, href, seg, type Route, type RouteContext } from '../router'
import { homeUnit, monthsWithData, state } from '../state'
import { errorText, exportLinks, message, pageTitle, provisionalBadge } from '../ui'
import { confirmButton, field, formStatus, freshId, input, select, statusBadge } from './shared-forms'

// ---- Shapes (src/adapters/http/api/targets-api.ts) ----

type SubjectKind = 'indicator' | 'indicator-points' | 'group' | 'total'
interface Subject {
  kind: SubjectKind
  code?: string
}
export interface TargetDefinition {
  name: string
  subject: Subject
  threshold: number
  units: string[]
  includeSubUnits: boolean
  from: string
  to: string | null
  source: string
}
interface Target extends TargetDefinition {
  id: string
  createdBy: string
  createdAt: string
  updatedBy: string
  updatedAt: string
  archivedAt: string | null
}
interface ComplianceRow {
  unit: Unit
  status: 'met' | 'not-met' | 'no-data'
  statusText?: string
  value: number | null
  threshold: number
  met: boolean | null
  gap: { records: number | null; points: number | null; text: string }
}
interface TargetCompliance {
  target: Target
  period: PeriodInfo
  applies: boolean
  provisional?: boolean
  met: number
  total: number
  noData: number
  rows: ComplianceRow[]
}
interface ComplianceSummary {
  period: PeriodInfo
  targets: { target: Target; met: number; total: number; noData?: number }[]
}
interface TargetTrend {
  points: { period: PeriodInfo; applies: boolean; provisional?: boolean; met: number | null; total: number | null; noData: number | null }[]
}
interface Version {
  at: string
  actor: string
  action: 'created' | 'updated' | 'archived'
  definition: TargetDefinition
}

// ---- Indicators and groups for the form ----

interface Catalogue {
  indicators: { id: string; name: string; group: string; max: number }[]
  groups: { id: string; name: string; max: number }[]
}

const catalogues = new Map<string, Catalogue>()

/** Indicators and groups: from `/api/meta`, else from the home unit's indicators and overview. */
async function catalogue(period: string): Promise<Catalogue> {
  const meta = state.meta
  if (meta?.indicators?.length && meta.groups?.length) return { indicators: meta.indicators.filter((i) => i.max > 0), groups: meta.groups }
  const cached = catalogues.get(period)
  if (cached) return cached
  const unit = homeUnit()
  if (!unit || !period) return { indicators: [], groups: [] }
  const [ind, ov] = await Promise.all([
    api<Indicators>(apiUrl(`/api/units/${seg(unit)}/indicators`, { period })),
    api<Overview>(apiUrl(`/api/units/${seg(unit)}/overview`, { period })),
  ])
  const c: Catalogue = {
    indicators: ind.indicators.filter((i) => i.max > 0).map((i) => ({ id: i.id, name: i.name, group: i.group, max: i.max })),
    groups: ov.groups.map((g) => ({ id: g.id, name: g.name, max: g.max })),
  }
  catalogues.set(period, c)
  return c
}

const EMPTY: Catalogue = { indicators: [], groups: [] }

// ---- Wording ----

const SUBJECT_KINDS: [SubjectKind, string][] = [
  ['indicator', 'Tỷ lệ của một chỉ tiêu thành phần (%)'],
  ['indicator-points', 'Điểm của một chỉ tiêu thành phần'],
  ['group', 'Điểm của một nhóm chỉ số'],
  ['total', 'Tổng điểm (thang 100)'],
]

function subjectText(s: Subject, cat: Catalogue): string {
  if (s.kind === 'total') return 'Tổng điểm'
  if (s.kind === 'group') {
    const g = cat.groups.find((x) => x.id === s.code)
    return `Điểm nhóm ${s.code}${g ? ` (${g.name})` : ''}`
  }
  const i = cat.indicators.find((x) => x.id === s.code)
  return `${s.kind === 'indicator' ? 'Tỷ lệ' : 'Điểm'} chỉ tiêu ${s.code}${i ? ` (${i.name})` : ''}`
}

const isRatio = (s: Subject) => s.kind === 'indicator'
/** The value of a target's subject: "52%" or "15,5 điểm". */
const valueText = (s: Subject, v: number | null) => (v === null ? '—' : isRatio(s) ? pct(v) : `${num(v)} điểm`)
const thresholdText = (t: TargetDefinition) => `≥ ${valueText(t.subject, t.threshold)}`

function rangeText(t: TargetDefinition): string {
  return t.to ? `${periodName(t.from)} – ${periodName(t.to)}` : `Từ ${periodName(t.from).toLocaleLowerCase('vi')} (không thời hạn)`
}

/** Units of a target the user can see (with those below when includeSubUnits). */
function coveredUnits(t: TargetDefinition): string[] {
  if (!t.includeSubUnits) return t.units
  const out = new Set<string>(t.units)
  let grew = true
  while (grew) {
    grew = false
    for (const u of state.units) if (u.parent && out.has(u.parent) && !out.has(u.code)) {
      out.add(u.code)
      grew = true
    }
  }
  return [...out]
}

function unitsText(t: TargetDefinition): string {
  const n = coveredUnits(t).length
  return t.includeSubUnits ? `${n} đơn vị (${t.units.length} đơn vị được giao, gồm cấp dưới)` : `${n} đơn vị`
}

// ---- The seed letter (huyện Gò Dầu, 06/02/2024) ----

const SEED_SOURCE = 'Công văn số …/UBND-NC ngày 06/02/2024 của UBND huyện Gò Dầu'
const SEED: { name: string; code: string; threshold: number }[] = [
  { name: 'Tỷ lệ hồ sơ tiếp nhận, giải quyết trực tuyến', code: '3.3', threshold: 0.52 },
  { name: 'Tỷ lệ hồ sơ thanh toán phí, lệ phí trực tuyến', code: '3.6', threshold: 0.47 },
  { name: 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa', code: '4.3', threshold: 0.52 },
  { name: 'Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn', code: '5.2', threshold: 1 },
  { name: 'Tỷ lệ công bố, công khai thủ tục hành chính', code: '1.2', threshold: 1 },
  { name: 'Mức độ hài lòng trong tiếp nhận, giải quyết TTHC', code: '5.4', threshold: 0.92 },
]

// ---- The form (create and edit) ----

const FIELD_LABELS: Record<string, string> = {
  name: 'Tên chỉ tiêu',
  subject: 'Nội dung',
  threshold: 'Mức tối thiểu',
  units: 'Đơn vị áp dụng',
  from: 'Từ kỳ',
  to: 'Đến kỳ',
  source: 'Văn bản chỉ đạo',
}

interface FormOptions {
  mode: 'create' | 'edit'
  initial?: TargetDefinition
  cat: Catalogue
  period: string
  onSaved(t: Target): void
}

/** Ratio typed in % → 0…1 (6 decimals); points as typed. */
function thresholdValue(kind: SubjectKind, raw: string): number | null {
  const v = Number(raw.replace(',', '.'))
  if (raw.trim() === '' || !Number.isFinite(v)) return null
  return kind === 'indicator' ? Math.round(v * 1e4) / 1e6 : v
}

/**
 * A month picker in Vietnamese (`<input type="month">` shows English month names in some
 * browsers): one `<select>` of "Tháng 01/2024"… grouped by year, value `YYYY-MM` as the API wants.
 * Years: those with data, one before and two after (and the years of `keep`, the values already set).
 */
function monthSelect(attrs: Record<string, unknown>, value: string, keep: string[], emptyLabel: string): HTMLSelectElement {
  const years = new Set<number>()
  for (const m of [...monthsWithData(), ...keep]) if (/^\d{4}-\d{2}$/.test(m)) years.add(Number(m.slice(0, 4)))
  if (!years.size) years.add(new Date().getFullYear())
  const first = Math.min(...years) - 1
  const last = Math.max(...years) + 2
  const sel = h('select', attrs, h('option', { value: '' }, emptyLabel))
  for (let y = first; y <= last; y++) {
    sel.append(h('optgroup', { label: `Năm ${y}` }, Array.from({ length: 12 }, (_, i) => {
      const m = `${y}-${String(i + 1).padStart(2, '0')}`
      return h('option', { value: m }, periodName(m))
    })))
  }
  sel.value = /^\d{4}-\d{2}$/.test(value) ? value : ''
  return sel
}

function targetForm(opts: FormOptions): HTMLElement {
  const { cat } = opts
  const init = opts.initial
  const p = opts.mode === 'create' ? 'new' : 'edit'
  const name = input({ id: `${p}-name`, name: 'name', required: true, maxlength: '200', autocomplete: 'off', value: init?.name ?? '' })
  const kindName = freshId('kind')
  const kinds = SUBJECT_KINDS.map(([k, label]) => {
    const radio = h('input', { type: 'radio', name: kindName, value: k, id: `${p}-kind-${k}` })
    radio.checked = (init?.subject.kind ?? 'indicator') === k
    return { k, radio, el: h('label', { class: 'choice', for: radio.id }, radio, label) }
  })
  const indicatorSel = select({ id: `${p}-indicator`, name: 'indicator' }, cat.indicators.map((i) => [i.id, `${i.id} — ${i.name}`]))
  const groupSel = select({ id: `${p}-group`, name: 'group' }, cat.groups.map((g) => [g.id, `Nhóm ${g.id} — ${g.name} (tối đa ${num(g.max)} điểm)`]))
  if (init?.subject.code) {
    if (init.subject.kind === 'group') groupSel.value = init.subject.code
    else indicatorSel.value = init.subject.code
  } else if (cat.indicators.some((i) => i.id === '3.3')) indicatorSel.value = '3.3'
  const indicatorField = field('Chỉ tiêu thành phần', indicatorSel)
  const groupField = field('Nhóm chỉ số', groupSel)
  const threshold = h('input', { type: 'number', id: `${p}-threshold`, name: 'threshold', min: '0', step: 'any', inputmode: 'decimal', required: true })
  if (init) threshold.value = String(init.subject.kind === 'indicator' ? Math.round(init.threshold * 1e6) / 1e4 : init.threshold)
  const thresholdLabel = h('label', { for: threshold.id }, '')
  const thresholdHint = h('p', { class: 'hint', id: `${threshold.id}-hint` }, '')
  threshold.setAttribute('aria-describedby', thresholdHint.id)
  const thresholdField = h('div', { class: 'field' }, thresholdLabel, threshold, thresholdHint)

  const kind = (): SubjectKind => (kinds.find((x) => x.radio.checked)?.k ?? 'indicator')
  const syncKind = () => {
    const k = kind()
    indicatorField.hidden = !(k === 'indicator' || k === 'indicator-points')
    groupField.hidden = k !== 'group'
    thresholdLabel.textContent = k === 'indicator' ? 'Mức tối thiểu (%)' : 'Mức tối thiểu (điểm)'
    thresholdHint.textContent = k === 'indicator' ? 'Ví dụ 52 cho "tối thiểu 52%".' : k === 'total' ? 'Điểm trên thang 100, ví dụ 80.' : 'Số điểm tối thiểu, không quá điểm tối đa.'
  }
  for (const x of kinds) x.radio.addEventListener('change', syncKind)
  syncKind()

  // Units: a filterable checkbox list of the units the user sees, plus other codes typed in.
  const chosen = new Set(init?.units ?? [])
  const filter = h('input', { type: 'search', id: `${p}-unit-filter`, placeholder: 'Gõ tên đơn vị để lọc', autocomplete: 'off' })
  const boxes: { unit: Unit; box: HTMLInputElement; label: HTMLElement }[] = []
  const byLevel = new Map<string, HTMLElement[]>()
  for (const u of state.units) {
    const box = h('input', { type: 'checkbox', name: 'units', value: u.code, id: `${p}-u-${u.code.replace(/[^A-Za-z0-9]/g, '_')}` })
    box.checked = chosen.has(u.code)
    const label = h('label', { class: 'choice', for: box.id }, box, u.name)
    boxes.push({ unit: u, box, label })
    byLevel.set(u.level, [...(byLevel.get(u.level) ?? []), label])
  }
  const pick = h('div', { class: 'unit-pick', role: 'group', 'aria-label': 'Danh sách đơn vị' },
    [...byLevel].map(([level, labels]) => h('div', { role: 'group', 'aria-labelledby': `${p}-level-${level}` },
      h('p', { class: 'level-head', id: `${p}-level-${level}` }, LEVEL_NAMES[level] ?? level), labels)))
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLocaleLowerCase('vi')
    for (const b of boxes) b.label.hidden = q !== '' && !b.unit.name.toLocaleLowerCase('vi').includes(q) && !b.unit.code.toLowerCase().includes(q)
  })
  const known = new Set(state.units.map((u) => u.code))
  const others = input({ id: `${p}-other-units`, name: 'otherUnits', autocomplete: 'off', value: (init?.units ?? []).filter((c) => !known.has(c)).join(', ') })
  const subUnits = h('input', { type: 'checkbox', id: `${p}-sub`, name: 'includeSubUnits' })
  subUnits.checked = init?.includeSubUnits ?? false
  const unitsSet = h('fieldset', null, h('legend', null, 'Đơn vị áp dụng'),
    field('Lọc danh sách', filter),
    pick,
    field('Mã đơn vị khác (nếu cần)', others, 'Mã đơn vị không có trong danh sách trên, cách nhau bởi dấu phẩy.'),
    h('label', { class: 'choice', for: subUnits.id }, subUnits, 'Gồm đơn vị cấp dưới của các đơn vị đã chọn'))

  const fromValue = init?.from ?? (/^\d{4}/.test(opts.period) ? `${opts.period.slice(0, 4)}-01` : '')
  const from = monthSelect({ id: `${p}-from`, name: 'from', required: true }, fromValue, [fromValue, init?.to ?? ''], '— Chọn tháng —')
  const to = monthSelect({ id: `${p}-to`, name: 'to' }, init?.to ?? '', [fromValue, init?.to ?? ''], 'Không thời hạn')
  const source = input({ id: `${p}-source`, name: 'source', maxlength: '500', value: init?.source ?? '', placeholder: 'Công văn số 123/UBND-NC ngày 15/01/2024' })

  const status = formStatus(`${p}-status`)
  const submit = h('button', { type: 'submit' }, opts.mode === 'create' ? 'Lưu chỉ tiêu' : 'Lưu thay đổi')
  const controls: Record<string, HTMLElement> = { name, threshold, from, to, source, units: filter, subject: kinds[0].radio }

  const definition = (over: Partial<TargetDefinition> = {}): TargetDefinition => {
    const k = kind()
    const typed = others.value.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean)
    const units = [...boxes.filter((b) => b.box.checked).map((b) => b.unit.code), ...typed]
    const subject: Subject = k === 'total' ? { kind: 'total' } : { kind: k, code: k === 'group' ? groupSel.value : indicatorSel.value }
    return {
      name: name.value,
      subject,
      threshold: thresholdValue(k, threshold.value) as number,
      units,
      includeSubUnits: subUnits.checked,
      from: from.value,
      to: to.value || null,
      source: source.value,
      ...over,
    }
  }

  /** Mark the fields the API's message names ("Trường threshold: …") and focus the first. */
  const markInvalid = (text: string) => {
    for (const c of Object.values(controls)) c.removeAttribute('aria-invalid')
    const names = [...text.matchAll(/Trường ([a-zA-Z]+)/g)].map((m) => m[1])
    const first = names.map((n) => controls[n]).find(Boolean)
    for (const n of names) controls[n]?.setAttribute('aria-invalid', 'true')
    return first
  }

  const save = async (def: TargetDefinition): Promise<Target> => {
    const path = opts.mode === 'create' ? '/api/targets' : `/api/targets/${seg(String((opts.initial as Target).id))}`
    const r = await api<{ target: Target }>(path, { method: opts.mode === 'create' ? 'POST' : 'PATCH', body: def })
    return r.target
  }

  const form = h('form', { class: 'target-form', novalidate: true, 'aria-describedby': status.el.id })
  form.addEventListener('submit', async (e) => {
    e.preventDefault()
    submit.disabled = true
    status.busy('Đang lưu…')
    try {
      const t = await save(definition())
      markInvalid('')
      status.ok(opts.mode === 'create' ? `Đã tạo chỉ tiêu "${t.name}".` : `Đã lưu chỉ tiêu "${t.name}".`, ' ',
        h('a', { href: href(`/targets/${seg(t.id)}`, { period: opts.period }) }, 'Xem mức đạt của các đơn vị'))
      if (opts.mode === 'create') name.value = ''
      opts.onSaved(t)
    } catch (err) {
      status.error(err)
      const text = err instanceof Error ? err.message : ''
      const first = markInvalid(text)
      if (!first) status.el.setAttribute('tabindex', '-1')
      ;(first ?? status.el).focus()
    } finally {
      submit.disabled = false
    }
  })

  let presets: HTMLElement | null = null
  if (opts.mode === 'create' && SEED.every((s) => cat.indicators.some((i) => i.id === s.code))) {
    const presetSel = select({ id: 'preset' }, [['', '— Chọn một chỉ tiêu để điền sẵn —'], ...SEED.map((s, i): [string, string] => [String(i), `${s.name}: tối thiểu ${pct(s.threshold)}`])])
    presetSel.addEventListener('change', () => {
      const s = SEED[Number(presetSel.value)]
      if (!presetSel.value || !s) return
      name.value = s.name
      kinds.find((x) => x.k === 'indicator')!.radio.checked = true
      indicatorSel.value = s.code
      syncKind()
      threshold.value = String(s.threshold * 100)
      if (!source.value) source.value = SEED_SOURCE
      status.ok(`Đã điền sẵn "${s.name}" theo công văn mẫu; hãy chọn đơn vị, kỳ rồi lưu.`)
    })
    const all = h('button', { type: 'button', class: 'secondary', id: 'seed-all' }, 'Tạo cả 6 chỉ tiêu theo công văn mẫu')
    all.addEventListener('click', async () => {
      all.disabled = true
      status.busy('Đang tạo 6 chỉ tiêu…')
      const made: Target[] = []
      try {
        for (const s of SEED) {
          made.push(await save(definition({ name: s.name, subject: { kind: 'indicator', code: s.code }, threshold: s.threshold, source: source.value || SEED_SOURCE })))
        }
        status.ok(`Đã tạo ${made.length} chỉ tiêu theo công văn mẫu.`)
        for (const t of made) opts.onSaved(t)
      } catch (err) {
        status.error(err)
        if (made.length) for (const t of made) opts.onSaved(t)
      } finally {
        all.disabled = false
      }
    })
    presets = h('fieldset', { class: 'presets' }, h('legend', null, 'Theo công văn mẫu (UBND huyện Gò Dầu, 06/02/2024)'),
      field('Điền sẵn một chỉ tiêu', presetSel, 'Sáu yêu cầu của công văn: trực tuyến ≥ 52%, thanh toán trực tuyến ≥ 47%, tái sử dụng dữ liệu ≥ 52%, PAKN đúng hạn 100%, công khai TTHC 100%, hài lòng ≥ 92%.'),
      h('p', { class: 'hint' }, 'Hoặc tạo ngay cả sáu chỉ tiêu với các đơn vị, kỳ và văn bản đang chọn trong biểu mẫu:'),
      h('div', { class: 'form-actions' }, all))
  }

  form.append(
    presets ?? '',
    field(FIELD_LABELS.name, name, 'Ví dụ: Tỷ lệ hồ sơ trực tuyến'),
    h('fieldset', null, h('legend', null, 'Nội dung chỉ tiêu'), kinds.map((x) => x.el), indicatorField, groupField),
    thresholdField,
    unitsSet,
    h('div', { class: 'row-fields' },
      field(FIELD_LABELS.from, from, 'Tháng bắt đầu áp dụng chỉ tiêu.'),
      field(FIELD_LABELS.to, to, 'Chọn "Không thời hạn" nếu chỉ tiêu áp dụng đến khi có văn bản khác.')),
    field(FIELD_LABELS.source, source, 'Số, ngày của văn bản giao chỉ tiêu.'),
    h('div', { class: 'form-actions' }, submit),
    status.el)
  return form
}

// ---- List page ----

async function renderList({ main, period, query, isCurrent }: RouteContext): Promise<void> {
  const archived = query.get('archived') === '1'
  const canWrite = state.user !== null && state.user.role !== 'viewer'
  const [list, summary, cat] = await Promise.all([
    api<{ targets: Target[] }>(apiUrl('/api/targets', { includeArchived: archived ? 'true' : undefined })),
    period ? api<ComplianceSummary>(apiUrl('/api/compliance', { period })).catch((e: unknown) => e) : Promise.resolve(null),
    catalogue(period).catch(() => EMPTY),
  ])
  if (!isCurrent()) return
  const tableSlot = h('div', { id: 'targets-table' })
  const draw = (targets: Target[], sum: ComplianceSummary | unknown) => {
    const byId = new Map(sum && typeof sum === 'object' && 'targets' in sum ? (sum as ComplianceSummary).targets.map((x) => [String(x.target.id), x]) : [])
    const sumError = sum instanceof Error ? errorText(sum) : null
    if (!targets.length) {
      replace(tableSlot, message('info', archived ? 'Chưa có chỉ tiêu chỉ đạo nào.' : 'Chưa có chỉ tiêu chỉ đạo nào đang áp dụng.', canWrite ? ' Dùng nút "Thêm chỉ tiêu" để đặt chỉ tiêu theo văn bản chỉ đạo.' : ''))
      return
    }
    const rows = targets.map((t) => {
      const s = byId.get(String(t.id))
      const statusCell = t.archivedAt
        ? h('span', { class: 'badge badge-none' }, 'Đã lưu trữ')
        : s
          ? h('span', null, s.total > 0 ? statusBadge(s.met === s.total) : statusBadge(null), h('span', { class: 'count-line' }, `đạt ${s.met}/${s.total} đơn vị`))
          : h('span', { class: 'muted' }, sumError ? '—' : 'Không áp dụng kỳ này')
      return h('tr', { 'data-id': t.id },
        h('th', { scope: 'row' }, h('a', { href: href(`/targets/${seg(t.id)}`, { period }) }, t.name), h('div', { class: 'subject-line' }, subjectText(t.subject, cat))),
        h('td', { class: 'num', 'data-label': 'Mức' }, thresholdText(t)),
        h('td', { 'data-label': 'Thời gian' }, rangeText(t)),
        h('td', { 'data-label': 'Văn bản' }, t.source || '—'),
        h('td', { 'data-label': 'Đơn vị' }, unitsText(t)),
        h('td', { class: 'status', 'data-label': period ? periodName(period) : 'Kỳ này' }, statusCell))
    })
    const table = h('table', { class: 'data stack targets' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Chỉ tiêu'),
        h('th', { scope: 'col', class: 'num' }, 'Mức'),
        h('th', { scope: 'col' }, 'Thời gian'),
        h('th', { scope: 'col' }, 'Văn bản chỉ đạo'),
        h('th', { scope: 'col' }, 'Số đơn vị'),
        h('th', { scope: 'col' }, period ? `Kết quả ${periodName(period).toLocaleLowerCase('vi')}` : 'Kết quả kỳ này'))),
      h('tbody', null, rows))
    replace(tableSlot, sumError ? message('warn', `Chưa tính được mức đạt của kỳ này: ${sumError}`) : null,
      scrollTable(`Chỉ tiêu chỉ đạo${archived ? ' (gồm chỉ tiêu đã lưu trữ)' : ''}`, table))
  }
  draw(list.targets, summary)

  const refresh = async () => {
    const [l, s] = await Promise.all([
      api<{ targets: Target[] }>(apiUrl('/api/targets', { includeArchived: archived ? 'true' : undefined })),
      period ? api<ComplianceSummary>(apiUrl('/api/compliance', { period })).catch((e: unknown) => e) : Promise.resolve(null),
    ])
    if (isCurrent()) draw(l.targets, s)
  }

  let formSection: HTMLElement | null = null
  let addButton: HTMLElement | null = null
  if (canWrite) {
    let pending: Promise<void> | null = null
    formSection = h('section', { class: 'card', id: 'target-form-section', 'aria-labelledby': 'new-title', hidden: query.get('new') !== '1' },
      h('h2', { id: 'new-title', tabindex: '-1' }, 'Thêm chỉ tiêu chỉ đạo'),
      cat.indicators.length ? null : message('warn', 'Chưa tải được danh sách chỉ tiêu thành phần của kỳ này; hãy chọn kỳ khác ở đầu trang.'),
      targetForm({ mode: 'create', cat, period, onSaved: () => { pending = pending ?? refresh().finally(() => (pending = null)) } }))
    const btn = h('button', { type: 'button', id: 'add-target', 'aria-expanded': String(!formSection.hidden), 'aria-controls': 'target-form-section' }, 'Thêm chỉ tiêu')
    btn.addEventListener('click', () => {
      const open = formSection!.hidden
      formSection!.hidden = !open
      btn.setAttribute('aria-expanded', String(open))
      if (open) (formSection!.querySelector('#new-name') as HTMLElement | null)?.focus()
    })
    addButton = btn
  }

  replace(main,
    pageTitle('Chỉ tiêu chỉ đạo', h('p', { class: 'subtitle' }, 'Mức do văn bản chỉ đạo giao cho các đơn vị; kết quả theo ', period ? periodName(period).toLocaleLowerCase('vi') : 'kỳ đang chọn')),
    h('div', { class: 'toolbar' },
      addButton,
      h('a', { href: href('/targets', { period, archived: archived ? undefined : '1' }) }, archived ? 'Ẩn chỉ tiêu đã lưu trữ' : 'Hiện cả chỉ tiêu đã lưu trữ')),
    formSection,
    tableSlot)
}

// ---- Target page ----

/** Worst first: not met (largest shortfall first), then no data, then met (lowest first). */
function worstFirst(a: ComplianceRow, b: ComplianceRow): number {
  const rank = (r: ComplianceRow) => (r.status === 'not-met' ? 0 : r.status === 'no-data' ? 1 : 2)
  const d = rank(a) - rank(b)
  if (d) return d
  const margin = (r: ComplianceRow) => (r.value === null ? 0 : r.threshold > 0 ? r.value / r.threshold : r.value)
  return margin(a) - margin(b) || a.unit.name.localeCompare(b.unit.name, 'vi')
}

const ACTIONS: Record<Version['action'], string> = { created: 'Tạo', updated: 'Sửa', archived: 'Lưu trữ' }

function changes(prev: TargetDefinition, next: TargetDefinition, cat: Catalogue): string[] {
  const out: string[] = []
  if (prev.name !== next.name) out.push(`tên: "${prev.name}" → "${next.name}"`)
  if (JSON.stringify(prev.subject) !== JSON.stringify(next.subject)) out.push(`nội dung: ${subjectText(prev.subject, cat)} → ${subjectText(next.subject, cat)}`)
  if (prev.threshold !== next.threshold || prev.subject.kind !== next.subject.kind) out.push(`mức: ${thresholdText(prev)} → ${thresholdText(next)}`)
  if (prev.units.join() !== next.units.join() || prev.includeSubUnits !== next.includeSubUnits) out.push(`đơn vị: ${unitsText(prev)} → ${unitsText(next)}`)
  if (prev.from !== next.from || prev.to !== next.to) out.push(`thời gian: ${rangeText(prev)} → ${rangeText(next)}`)
  if (prev.source !== next.source) out.push(`văn bản: "${prev.source}" → "${next.source}"`)
  return out
}

function historySection(versions: Version[] | Error, cat: Catalogue): HTMLElement {
  const section = h('section', { class: 'card', 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, 'Lịch sử thay đổi'))
  if (versions instanceof Error) {
    section.append(message('warn', `Không tải được lịch sử: ${errorText(versions)}`))
    return section
  }
  const items = versions.map((v, i) => {
    const prev = i > 0 ? versions[i - 1].definition : null
    const diff = prev && v.action === 'updated' ? changes(prev, v.definition, cat) : []
    return h('li', null,
      h('span', { class: 'when' }, `${dateTime(v.at)} — ${ACTIONS[v.action] ?? v.action}`), ` bởi ${v.actor}`,
      v.action === 'created'
        ? h('div', { class: 'small muted' }, `${subjectText(v.definition.subject, cat)} ${thresholdText(v.definition)}; ${unitsText(v.definition)}; ${rangeText(v.definition)}`)
        : diff.length ? h('ul', { class: 'small' }, diff.map((d) => h('li', null, d))) : null)
  })
  section.append(items.length ? h('ol', { class: 'history', reversed: true }, items.reverse()) : h('p', { class: 'muted' }, 'Chưa có phiên bản nào.'))
  return section
}

function trendSection(trend: TargetTrend | null | Error): HTMLElement | null {
  if (trend === null) return null
  const section = h('section', { class: 'card', 'aria-labelledby': 'ttrend-title' }, h('h2', { id: 'ttrend-title' }, 'Số đơn vị đạt trong 12 tháng'))
  if (trend instanceof Error) {
    section.append(message('warn', `Không tải được diễn biến: ${errorText(trend)}`))
    return section
  }
  const table = h('table', { class: 'data trend' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Tháng'), h('th', { scope: 'col' }, 'Đơn vị đạt'))),
    h('tbody', null, trend.points.map((p) => h('tr', null,
      h('th', { scope: 'row' }, periodName(p.period.label), p.provisional ? ' (tạm tính)' : ''),
      h('td', null, !p.applies
        ? h('span', { class: 'muted' }, 'Chưa áp dụng')
        : p.met === null || p.total === null
          ? h('span', { class: 'muted' }, 'Chưa tính được')
          : p.total === 0
            ? h('span', { class: 'muted' }, 'Không có dữ liệu')
            : [h('span', { class: 'mini-bar', 'aria-hidden': 'true' }, h('span', { style: `width:${Math.round((100 * p.met) / p.total)}%` })), `${p.met}/${p.total} đơn vị`])))))
  section.append(scrollTable('Số đơn vị đạt chỉ tiêu theo tháng', table))
  return section
}

let flash: string | null = null

async function renderTarget({ main, params, period, query, isCurrent }: RouteContext): Promise<void> {
  const id = params.id
  const until = /^\d{4}-\d{2}$/.test(period) ? period : undefined
  const [comp, history, trend, cat] = await Promise.all([
    api<TargetCompliance>(apiUrl(`/api/targets/${seg(id)}/compliance`, { period })),
    api<{ versions: Version[] }>(`/api/targets/${seg(id)}/history`).then((r) => r.versions, (e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
    apiOptional<TargetTrend>(apiUrl(`/api/targets/${seg(id)}/trend`, { periods: 12, until })).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
    catalogue(period).catch(() => EMPTY),
  ])
  if (!isCurrent()) return
  const t = comp.target
  const canWrite = state.user !== null && state.user.role !== 'viewer' && !t.archivedAt
  const highlight = query.get('unit')
  const notice = flash ? message('info', flash) : null
  flash = null

  const facts = h('dl', { class: 'facts' },
    h('div', null, h('dt', null, 'Nội dung'), h('dd', null, subjectText(t.subject, cat))),
    h('div', null, h('dt', null, 'Mức tối thiểu'), h('dd', null, thresholdText(t))),
    h('div', null, h('dt', null, 'Thời gian'), h('dd', null, rangeText(t))),
    h('div', null, h('dt', null, 'Đơn vị áp dụng'), h('dd', null, unitsText(t))))

  let body: HTMLElement
  if (!comp.applies) {
    body = message('info', `Chỉ tiêu không áp dụng cho ${periodName(comp.period.label).toLocaleLowerCase('vi')} (${rangeText(t).toLocaleLowerCase('vi')}). Hãy chọn kỳ khác ở đầu trang.`)
  } else {
    const rows = [...comp.rows].sort(worstFirst)
    const table = h('table', { class: 'data stack compliance-table' },
      h('thead', null, h('tr', null,
        h('th', { scope: 'col' }, 'Đơn vị'),
        h('th', { scope: 'col', class: 'num' }, 'Đạt được'),
        h('th', { scope: 'col', class: 'num' }, 'Mức'),
        h('th', { scope: 'col' }, 'Kết quả'),
        h('th', { scope: 'col' }, 'Còn thiếu'))),
      h('tbody', null, rows.map((r) => h('tr', { 'data-unit': r.unit.code, 'data-status': r.status, class: [r.status === 'not-met' ? 'not-met' : '', r.unit.code === highlight ? 'own' : ''].join(' ').trim() || undefined },
        h('th', { scope: 'row' }, h('a', { href: href(`/unit/${seg(r.unit.code)}`, { period }) }, r.unit.name)),
        h('td', { class: 'num', 'data-label': 'Đạt được' }, valueText(t.subject, r.value)),
        h('td', { class: 'num', 'data-label': 'Mức' }, `≥ ${valueText(t.subject, r.threshold)}`),
        h('td', { 'data-label': 'Kết quả' }, statusBadge(r.met)),
        h('td', { class: 'gap', 'data-label': 'Còn thiếu' }, r.status === 'met' ? '—' : r.gap.text,
          r.status === 'not-met' ? [' ', h('a', { class: 'small', href: href(`/plan/${seg(r.unit.code)}`, { period }) }, 'Kế hoạch cải thiện')] : null)))))
    body = h('section', { class: 'card', 'aria-labelledby': 'comp-title' },
      h('h2', { id: 'comp-title' }, `Mức đạt ${periodName(comp.period.label).toLocaleLowerCase('vi')}`, provisionalBadge(comp.provisional)),
      h('p', { class: 'summary-line', id: 'comp-summary' },
        comp.total > 0 ? statusBadge(comp.met === comp.total) : null, ' ',
        h('strong', null, `Đạt ${comp.met}/${comp.total} đơn vị`),
        comp.noData ? `; ${comp.noData} đơn vị không có dữ liệu` : '',
        '. Xếp đơn vị chưa đạt, thiếu nhiều nhất lên đầu.'),
      rows.length ? scrollTable(`Mức đạt của từng đơn vị, ${periodName(comp.period.label).toLocaleLowerCase('vi')}`, table) : message('info', 'Không có đơn vị nào trong phạm vi tài khoản.'),
      exportLinks(apiUrl(`/api/targets/${seg(id)}/compliance`, { period: comp.period.label }), 'bảng mức đạt chỉ tiêu'))
  }

  const editSlot = h('div', { id: 'edit-slot' })
  let tools: HTMLElement | null = null
  if (canWrite) {
    const status = formStatus('archive-status')
    const edit = h('button', { type: 'button', class: 'secondary', id: 'edit-target', 'aria-expanded': 'false', 'aria-controls': 'edit-slot' }, 'Sửa chỉ tiêu')
    edit.addEventListener('click', () => {
      const open = edit.getAttribute('aria-expanded') !== 'true'
      edit.setAttribute('aria-expanded', String(open))
      if (!open) {
        replace(editSlot)
        return
      }
      replace(editSlot, h('section', { class: 'card', 'aria-labelledby': 'edit-title' },
        h('h2', { id: 'edit-title', tabindex: '-1' }, 'Sửa chỉ tiêu'),
        targetForm({ mode: 'edit', initial: t, cat, period, onSaved: (saved) => {
          flash = `Đã lưu chỉ tiêu "${saved.name}".`
          go(`/targets/${seg(saved.id)}`, Object.fromEntries(query))
        } })))
      ;(editSlot.querySelector('#edit-title') as HTMLElement | null)?.focus()
    })
    const archive = confirmButton('Lưu trữ chỉ tiêu', 'Lưu trữ chỉ tiêu này? Chỉ tiêu sẽ không còn được theo dõi.', 'Xác nhận lưu trữ', async () => {
      status.busy('Đang lưu trữ…')
      try {
        await api(`/api/targets/${seg(id)}`, { method: 'DELETE' })
        flash = `Đã lưu trữ chỉ tiêu "${t.name}".`
        go('/targets', { period })
      } catch (e) {
        status.error(e)
      }
    })
    tools = h('div', null, h('div', { class: 'toolbar' }, edit, archive), status.el)
  }

  replace(main,
    h('p', { class: 'crumbs' }, h('a', { href: href('/targets', { period }) }, 'Chỉ tiêu chỉ đạo'), ' › ', t.name),
    pageTitle(t.name, t.archivedAt ? h('span', { class: 'badge badge-none' }, `Đã lưu trữ ${dateTime(t.archivedAt)}`) : null, h('p', { class: 'subtitle' }, t.source || 'Chưa ghi văn bản chỉ đạo')),
    notice,
    facts,
    tools,
    editSlot,
    body,
    trendSection(trend),
    historySection(history, cat))
}

export const routes: Route[] = [
  {
    path: '/targets',
    title: 'Chỉ tiêu chỉ đạo',
    nav: 'targets',
    async render(ctx) {
      const notice = flash
      flash = null
      await renderList(ctx)
      if (notice && ctx.isCurrent()) ctx.main.querySelector('.toolbar')?.after(message('info', notice))
    },
  },
  {
    path: '/targets/:id',
    title: 'Chỉ tiêu chỉ đạo',
    nav: 'targets',
    render: renderTarget,
  },
]
