/**
 * @module adapters/http/export/tabulators
 * One "tabulator" per table route: the route's JSON answer (as documented in docs/web-api.md) →
 * an {@link ExportTable} with Vietnamese headers. A route without a tabulator cannot be exported.
 */
import type { CellValue, ExportColumn, ExportTable } from './table.js'

// The answers are the routes' own JSON documents: read loosely, every field checked where used.
type J = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** The route's JSON answer, its path parameters and query → the table. */
export type Tabulator = (doc: J, params: Record<string, string>, query: Record<string, unknown>) => ExportTable

const LEVELS: Record<string, string> = { province: 'Tỉnh', ministry: 'Bộ, ngành', department: 'Sở, ban, ngành', district: 'Huyện', commune: 'Xã, phường' }
const TRACE_KINDS: Record<string, string> = { dossier: 'Hồ sơ', procedure: 'Thủ tục', service: 'Dịch vụ công của đơn vị', petition: 'Phản ánh, kiến nghị' }

const text = (header: string, key: string): ExportColumn => ({ header, key, type: 'text' })
const num = (header: string, key: string): ExportColumn => ({ header, key, type: 'number' })
const pct = (header: string, key: string): ExportColumn => ({ header, key, type: 'percent' })
const date = (header: string, key: string): ExportColumn => ({ header, key, type: 'date' })

const arr = (v: unknown): J[] => (Array.isArray(v) ? (v as J[]) : [])
const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v))
/** Part of a file name: letters, digits, dots and dashes only. */
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '')
const fileName = (...parts: unknown[]) => parts.map((p) => slug(str(p))).filter((p) => p !== '').join('-') || 'bang'
const yesNo = (v: unknown): CellValue => (v === true ? 'có' : v === false ? 'không' : null)
const levelName = (v: unknown): CellValue => LEVELS[str(v)] ?? str(v)

/** Columns of the groups of the first row that has them (points per group). */
function groupColumns(rows: J[]): ExportColumn[] {
  const g = rows.map((r) => arr(r.groups)).find((x) => x.length > 0) ?? []
  return g.map((x) => num(`Nhóm ${str(x.id)}: ${str(x.name)}`, `group:${str(x.id)}`))
}
function groupCells(groups: unknown): Record<string, CellValue> {
  const out: Record<string, CellValue> = {}
  for (const g of arr(groups)) out[`group:${str(g.id)}`] = typeof g.points === 'number' ? g.points : null
  return out
}

const unitCols = [text('Mã đơn vị', 'code'), text('Tên đơn vị', 'name'), text('Cấp', 'level'), text('Đơn vị cấp trên', 'parent')]
const unitCells = (u: J) => ({ code: str(u.code), name: str(u.name), level: levelName(u.level), parent: u.parent ?? null })

const ranking: Tabulator = (doc) => {
  const rows = arr(doc.rows)
  return {
    title: `Xếp hạng ${str(doc.period?.title)}`,
    sheetName: 'Xếp hạng',
    fileName: fileName('xep-hang', doc.period?.label),
    columns: [num('Hạng', 'rank'), num('Số đơn vị cùng cấp', 'peers'), ...unitCols, num('Tổng điểm', 'total'), num('Điểm tối đa', 'max'), ...groupColumns(rows)],
    rows: rows.map((r) => ({ rank: r.rank, peers: r.peers, ...unitCells(r), total: r.total, max: r.max, ...groupCells(r.groups) })),
  }
}

const units: Tabulator = (doc) => ({
  title: 'Danh sách đơn vị',
  sheetName: 'Đơn vị',
  fileName: 'don-vi',
  columns: unitCols,
  rows: arr(doc.units).map(unitCells),
})

const indicators: Tabulator = (doc) => ({
  title: `Chỉ tiêu của ${str(doc.unit?.name)} ${str(doc.period?.title)}`,
  sheetName: 'Chỉ tiêu',
  fileName: fileName('chi-tieu', doc.unit?.code, doc.period?.label),
  columns: [
    text('Mã chỉ tiêu', 'id'), text('Mã trên Cổng', 'code'), text('Tên chỉ tiêu', 'name'), text('Nhóm', 'group'), num('Tử số', 'numerator'), num('Mẫu số', 'denominator'),
    pct('Tỷ lệ', 'ratio'), num('Điểm', 'points'), num('Điểm tối đa', 'max'), num('Điểm bị mất', 'pointsLost'), text('Không áp dụng', 'notApplicable'), text('Ghi chú', 'notes'),
  ],
  rows: arr(doc.indicators).map((i) => ({
    id: str(i.id), code: str(i.code), name: str(i.name), group: str(i.group), numerator: i.numerator, denominator: i.denominator, ratio: i.ratio, points: i.points,
    max: i.max, pointsLost: i.pointsLost, notApplicable: i.notApplicable ?? null, notes: [i.policy, ...arr(i.notes)].filter((x) => typeof x === 'string' && x !== '').join('; '),
  })),
})

const trace: Tabulator = (doc) => ({
  title: `Chỉ tiêu ${str(doc.indicator?.id)} — ${str(doc.unit?.name)} ${str(doc.period?.title)}: hồ sơ làm mất điểm`,
  sheetName: `Chỉ tiêu ${str(doc.indicator?.id)}`,
  fileName: fileName('ho-so', doc.unit?.code, doc.indicator?.id, doc.period?.label),
  columns: [
    text('Loại', 'kind'), text('Mã', 'id'), text('Mã đơn vị', 'unitCode'), text('Mã thủ tục', 'procedureCode'), text('Lý do', 'reasons'), num('Trọng số', 'weight'),
    date('Ngày tiếp nhận', 'receivedAt'), date('Hạn trả kết quả', 'dueAt'), date('Ngày có kết quả', 'finishedAt'),
  ],
  rows: arr(doc.items).map((t) => ({
    kind: TRACE_KINDS[str(t.kind)] ?? str(t.kind), id: str(t.id), unitCode: t.unitCode ?? null, procedureCode: t.procedureCode ?? null,
    reasons: arr(t.reasons).map(str).join('; '), weight: t.weight, receivedAt: t.receivedAt ?? null, dueAt: t.dueAt ?? null, finishedAt: t.finishedAt ?? null,
  })),
})

const trend: Tabulator = (doc) => {
  const points = arr(doc.points)
  return {
    title: `Diễn biến điểm của ${str(doc.unit?.name)}`,
    sheetName: 'Diễn biến',
    fileName: fileName('dien-bien', doc.unit?.code, points[0]?.period?.label, points.at(-1)?.period?.label),
    columns: [text('Kỳ', 'label'), text('Tên kỳ', 'title'), num('Số hồ sơ', 'dossiers'), num('Tổng điểm', 'total'), num('Điểm tối đa', 'max'), num('Hạng', 'rank'), num('Số đơn vị cùng cấp', 'peers'), text('Tạm tính', 'provisional'), ...groupColumns(points)],
    rows: points.map((p) => ({ label: str(p.period?.label), title: str(p.period?.title), dossiers: p.dossiers, total: p.total, max: p.max, rank: p.rank, peers: p.peers, provisional: yesNo(p.provisional), ...groupCells(p.groups) })),
  }
}

const procedures: Tabulator = (doc) => ({
  title: 'Danh mục thủ tục hành chính',
  sheetName: 'Thủ tục',
  fileName: 'thu-tuc',
  columns: [text('Mã thủ tục', 'code'), text('Tên thủ tục', 'name'), text('Cấp thực hiện', 'level'), num('Số hồ sơ', 'dossiers')],
  rows: arr(doc.procedures).map((p) => ({ code: str(p.code), name: str(p.name), level: levelName(p.level), dossiers: p.dossiers })),
})

const procedure: Tabulator = (doc) => {
  const defs = arr(doc.indicators)
  const columns: ExportColumn[] = [...unitCols, num('Số hồ sơ', 'dossiers')]
  for (const d of defs) {
    const id = str(d.id)
    columns.push(num(`${id} tử số`, `${id}:n`), num(`${id} mẫu số`, `${id}:d`), pct(`${id} tỷ lệ`, `${id}:r`), num(`${id} điểm`, `${id}:p`))
  }
  return {
    title: `Thủ tục ${str(doc.procedure?.code)} ${str(doc.procedure?.name)} — ${str(doc.period?.title)}`,
    sheetName: `Thủ tục ${str(doc.procedure?.code)}`,
    fileName: fileName('thu-tuc', doc.procedure?.code, doc.period?.label),
    columns,
    rows: arr(doc.rows).map((r) => {
      const row: Record<string, CellValue> = { ...unitCells(r), dossiers: r.dossiers }
      for (const i of arr(r.indicators)) {
        const id = str(i.id)
        Object.assign(row, { [`${id}:n`]: i.numerator, [`${id}:d`]: i.denominator, [`${id}:r`]: i.ratio, [`${id}:p`]: i.points })
      }
      return row
    }),
  }
}

const official: Tabulator = (doc) => ({
  title: `Điểm Cổng DVCQG và điểm tính lại — ${str(doc.unit?.name)} ${str(doc.period?.title)}`,
  sheetName: 'Cổng và tính lại',
  fileName: fileName('doi-chieu-cong', doc.unit?.code, doc.period?.label),
  columns: [text('Mã chỉ tiêu', 'id'), text('Tên chỉ tiêu', 'name'), num('Điểm tính lại', 'computed'), num('Điểm trên Cổng', 'official'), num('Chênh lệch', 'diff'), num('Tử số trên Cổng', 'officialNumerator'), num('Mẫu số trên Cổng', 'officialDenominator'), text('Nhóm trên Cổng', 'source')],
  rows: arr(doc.indicators).map((i) => ({ id: str(i.id), name: str(i.name), computed: i.computed, official: i.official, diff: i.diff, officialNumerator: i.officialNumerator, officialDenominator: i.officialDenominator, source: i.source ?? null })),
})

const plan: Tabulator = (doc) => ({
  title: `Việc nên làm — ${str(doc.unit?.name)} ${str(doc.period?.title)}`,
  sheetName: 'Việc nên làm',
  fileName: fileName('viec-nen-lam', doc.unit?.code, doc.period?.label),
  columns: [text('Mã chỉ tiêu', 'indicator'), text('Tên chỉ tiêu', 'name'), num('Số hồ sơ cần thêm', 'records'), num('Điểm tăng thêm', 'pointsGain'), num('Điểm mỗi hồ sơ', 'pointsPerRecord'), text('Việc cần làm', 'text')],
  rows: arr(doc.actions).map((a) => ({ indicator: str(a.indicator), name: str(a.name), records: a.records, pointsGain: a.pointsGain, pointsPerRecord: a.pointsPerRecord, text: str(a.text) })),
})

const targetCols = [text('Chỉ tiêu chỉ đạo', 'target'), text('Văn bản', 'source')]
const complianceCols = [...unitCols.slice(0, 2), num('Giá trị', 'value'), num('Ngưỡng', 'threshold'), text('Đạt', 'met'), text('Tình trạng', 'status'), num('Số hồ sơ còn thiếu', 'records'), num('Số điểm còn thiếu', 'points'), text('Cần làm', 'gap')]
function complianceCells(r: J): Record<string, CellValue> {
  const u = typeof r.unit === 'string' ? { code: r.unit, name: '' } : (r.unit ?? {})
  return {
    code: str(u.code), name: str(u.name), value: r.value, threshold: r.threshold, met: yesNo(r.met), status: r.statusText ?? r.status ?? null,
    records: r.gap?.records ?? null, points: r.gap?.points ?? null, gap: r.gap?.text ?? null,
  }
}

const targetCompliance: Tabulator = (doc) => ({
  title: `Kết quả chỉ tiêu "${str(doc.target?.name)}" ${str(doc.period?.title)}`,
  sheetName: 'Kết quả chỉ tiêu',
  fileName: fileName('chi-tieu-chi-dao', doc.target?.id, doc.period?.label),
  columns: complianceCols,
  rows: arr(doc.rows).map(complianceCells),
})

const allCompliance: Tabulator = (doc) => {
  const rows: Record<string, CellValue>[] = []
  for (const t of arr(doc.targets)) {
    const base = { target: str(t.target?.name), source: str(t.target?.source) }
    const short = arr(t.short)
    if (short.length === 0) rows.push({ ...base, met: `${str(t.met)}/${str(t.total)} đơn vị đạt` })
    for (const r of short) rows.push({ ...base, ...complianceCells(r) })
  }
  return {
    title: `Chỉ tiêu chỉ đạo ${str(doc.period?.title)}: đơn vị chưa đạt`,
    sheetName: 'Chỉ tiêu chỉ đạo',
    fileName: fileName('chi-tieu-chi-dao', doc.period?.label),
    columns: [...targetCols, ...complianceCols],
    rows,
  }
}

const audit: Tabulator = (doc) => ({
  title: 'Nhật ký thao tác',
  sheetName: 'Nhật ký',
  fileName: 'nhat-ky',
  columns: [num('Số', 'id'), date('Thời điểm', 'at'), text('Người thực hiện', 'actor'), text('Thao tác', 'action'), text('Chi tiết', 'details')],
  rows: arr(doc.entries).map((e) => ({ id: e.id, at: e.at, actor: str(e.actor), action: str(e.action), details: e.details == null ? null : JSON.stringify(e.details) })),
})

const users: Tabulator = (doc) => ({
  title: 'Tài khoản',
  sheetName: 'Tài khoản',
  fileName: 'tai-khoan',
  columns: [text('Tên đăng nhập', 'username'), text('Họ tên', 'displayName'), text('Vai trò', 'roleName'), text('Mã đơn vị', 'unitCode'), text('Đơn vị', 'unitName'), text('Đã khóa', 'disabled'), date('Đăng nhập lần cuối', 'lastLoginAt')],
  rows: arr(doc.users).map((u) => ({ username: str(u.username), displayName: str(u.displayName), roleName: str(u.roleName ?? u.role), unitCode: u.unitCode ?? null, unitName: u.unitName ?? null, disabled: yesNo(u.disabled), lastLoginAt: u.lastLoginAt ?? null })),
})

/** Tabulators by route pattern (GET). */
export const TABULATORS: Readonly<Record<string, Tabulator>> = {
  '/api/units': units,
  '/api/ranking': ranking,
  '/api/units/:code/indicators': indicators,
  '/api/units/:code/trace': trace,
  '/api/units/:code/trend': trend,
  '/api/units/:code/official': official,
  '/api/units/:code/plan': plan,
  '/api/procedures': procedures,
  '/api/procedures/:code': procedure,
  '/api/targets/:id/compliance': targetCompliance,
  '/api/compliance': allCompliance,
  '/api/audit': audit,
  '/api/users': users,
}
