/**
 * @module adapters/import/tabular/mapping
 * The column mapping of a CSV or Excel export: which column holds which DongBoHoSoMC field
 * (`shared/spec/data-dossier-sync.md` §2), how dates are written, and which human values stand for
 * which codes ("Trực tuyến" → KenhThucHien "2"). A built-in {@link DEFAULT_MAPPING} covers the
 * usual headers of Vietnamese one-stop exports; a mapping file (YAML or JSON) extends or replaces
 * it. See `docs/tabular-import.md`.
 *
 * Headers match after Unicode NFC normalization, white-space collapsing and trimming, ignoring
 * case but **not** diacritics: "Ngày trả" and "Ngày trễ" are different columns. Other spellings
 * are listed explicitly as aliases.
 */
import { readFile } from 'node:fs/promises'
import { basename, extname } from 'node:path'
import { parse as parseYaml, YAMLParseError } from 'yaml'
import {
  compileDateFormat,
  DateFormatError,
  DEFAULT_DATE_FORMATS,
  type DateFormat,
} from './date-formats.js'
import { TABULAR_MESSAGES as M } from './messages.js'

/**
 * How a column's cells are read: `text` as is; `code` and `flag` through the value maps;
 * `date` with the date formats; `amount` as whole VND; `link` as a URL (an Excel `HYPERLINK`
 * formula gives its URL); `procedure` as text, a number becoming `d.dddddd`.
 */
export type FieldKind = 'text' | 'code' | 'flag' | 'date' | 'amount' | 'link' | 'procedure'

/** DongBoHoSoMC header fields (§2.1) a column may fill, with how their cells are read. */
export const HEADER_FIELDS = Object.freeze({
  MaHoSo: 'text',
  MaHoSoKhac: 'text',
  MaTTHC: 'procedure',
  TenTTHC: 'text',
  MaLinhVuc: 'text',
  TenLinhVuc: 'text',
  SoBienNhan: 'text',
  KenhThucHien: 'code',
  ChuHoSo: 'text',
  SoGiayToChuHoSo: 'text',
  LoaiDoiTuong: 'code',
  MaDoiTuong: 'text',
  TrichYeuHoSo: 'text',
  ThongTinKhac: 'text',
  Email: 'text',
  Fax: 'text',
  SoDienThoai: 'text',
  NgayNopHoSo: 'date',
  NgayTiepNhan: 'date',
  NgayHenTra: 'date',
  TrangThaiHoSo: 'code',
  NgayTra: 'date',
  ThongTinTra: 'text',
  HinhThuc: 'code',
  NgayKetThucXuLy: 'date',
  NgayTuChoi: 'date',
  DonViXuLy: 'text',
  GhiChu: 'text',
  NoiNopHoSo: 'code',
  HoSoCoThanhPhanSoHoa: 'flag',
  TaiKhoanDuocXacThucVoiVNeID: 'flag',
  DuocThanhToanTrucTuyen: 'code',
  MaCSDL: 'text',
  MaDonVi: 'text',
  DongBoDVCQG: 'flag',
  KetQuaDayVaoKhoDMQG: 'flag',
} as const satisfies Record<string, FieldKind>)

/** DongBoHoSoMC lists whose entries a column may fill, as `List[i].Field` with i from 0 to 9. */
export const LIST_FIELDS = Object.freeze({
  TaiLieuNop: {
    TepDinhKemId: 'text',
    TenTepDinhKem: 'text',
    MaThanhPhanHoSo: 'text',
    DuongDanTaiTepTin: 'link',
    DuocSoHoa: 'flag',
    DuocTaiSuDung: 'code',
    DuocLayTuKhoDMQG: 'flag',
  },
  DanhSachLePhi: {
    TenPhiLePhi: 'text',
    MaPhiLePhi: 'text',
    HinhThucThu: 'text',
    Gia: 'amount',
    LoaiPhiLePhi: 'text',
  },
  DanhSachHoSoBoSung: {
    NoiDungBoSung: 'text',
    NgayBoSung: 'date',
    NgayTiepNhanBoSung: 'date',
    NgayHenTraTruoc: 'date',
    NgayHenTraMoi: 'date',
  },
  DanhSachGiayToKetQua: {
    TenGiayTo: 'text',
    MaThanhPhanHoSo: 'text',
    GiayToId: 'text',
    DuongDanTepTinKetQua: 'link',
    MaGiayToKetQua: 'text',
  },
  DSKetNoiCSDL: { MaCSDL: 'text' },
} as const satisfies Record<string, Record<string, FieldKind>>)

/** A DongBoHoSoMC header field name. */
export type HeaderField = keyof typeof HEADER_FIELDS
type ListName = keyof typeof LIST_FIELDS
/** A field of a DongBoHoSoMC list entry, e.g. `DanhSachLePhi[0].Gia`. */
export type ListTarget = {
  [L in ListName]: `${L}[${number}].${keyof (typeof LIST_FIELDS)[L] & string}`
}[ListName]
/** What a column fills: a header field or a list entry field. */
export type ColumnTarget = HeaderField | ListTarget

/** Targets without which a file is not read at all. */
export const REQUIRED_TARGETS: readonly { target: ColumnTarget; what: string }[] = Object.freeze([
  { target: 'MaHoSo', what: 'mã hồ sơ' },
  { target: 'MaTTHC', what: 'mã thủ tục hành chính' },
])

/** Allowed codes of coded targets (§2, §4); targets absent here accept any code. */
const CODE_SETS: Readonly<Record<string, readonly string[]>> = {
  KenhThucHien: ['1', '2', '3'],
  TrangThaiHoSo: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
  DuocThanhToanTrucTuyen: ['0', '1', '2', '3'],
  HinhThuc: ['0', '1'],
  LoaiDoiTuong: ['1', '2', '3', '4'],
  DuocTaiSuDung: ['0', '1', '2'],
}

const FLAG_CODES: readonly string[] = ['0', '1']

/** Personal-data fields: never filled by the default mapping (not needed by the engine, §10.2). */
const PERSONAL_FIELDS: ReadonlySet<string> = new Set([
  'ChuHoSo',
  'SoGiayToChuHoSo',
  'MaDoiTuong',
  'Email',
  'Fax',
  'SoDienThoai',
  'ThongTinKhac',
])

const LIST_TARGET = /^([A-Za-z]+)\[(\d)\]\.([A-Za-z]+)$/

/** Kind of a target, or null when the string is not a supported target. */
export function targetKind(target: string): FieldKind | null {
  const header = (HEADER_FIELDS as Record<string, FieldKind>)[target]
  if (header !== undefined) return header
  const m = LIST_TARGET.exec(target)
  if (m === null) return null
  const fields = (LIST_FIELDS as Record<string, Record<string, FieldKind>>)[m[1]]
  return fields?.[m[3]] ?? null
}

/** Allowed codes of a target after value mapping, or null when any code is accepted. */
export function codesOf(target: string): readonly string[] | null {
  const kind = targetKind(target)
  if (kind === 'flag') return FLAG_CODES
  if (kind !== 'code') return null
  const field = LIST_TARGET.exec(target)?.[3] ?? target
  return CODE_SETS[field] ?? null
}

/**
 * A column mapping.
 * @example
 * const mapping = extendMapping(DEFAULT_MAPPING, {
 *   columns: { 'Số biên nhận hồ sơ': 'MaHoSo' },
 *   values: { KenhThucHien: { 'Cổng DVC tỉnh': '2' } },
 * })
 */
export interface ColumnMapping {
  /**
   * Header as written in the export → the field it fills, or null to ignore the column silently.
   * When two columns of a file fill the same field, the one listed first here is used.
   */
  columns: Record<string, ColumnTarget | null>
  /** Date formats tried in order (see `date-formats.ts`). */
  dateFormats: string[]
  /**
   * Value maps, keyed by a header of `columns` (that column only) or by a target (every column
   * filling it): human value → code, e.g. `{ KenhThucHien: { 'Trực tuyến': '2' } }`. Values match
   * ignoring case and surrounding white space; values not listed are kept as written.
   */
  values?: Record<string, Record<string, string>>
  /** Unit that produced the export: used like an envelope's `madonvi` (§10.2 `unitCode` step 3). */
  unitCode?: string
  /** Excel sheet to read; default: the first sheet of the workbook. */
  sheet?: string
  /**
   * 1-based row (Excel) or line (CSV) of the header. Default: the first of the first 20 rows
   * holding a header of MaHoSo (so that title rows above the table are skipped), else row 1.
   */
  headerRow?: number
  /** CSV delimiter; default: detected from the header line (`,`, `;`, tab or `|`). */
  delimiter?: string
  /** CSV text encoding; default UTF-8 (a UTF-16 byte-order mark is honoured). */
  encoding?: 'utf8' | 'windows-1258'
  /**
   * Time of day given to a date-only `NgayHenTra` (the promised date is met by a result at any
   * time of that day, as S2 compares dates). `HH:mm[:ss]`, default `23:59:59`.
   */
  dueDateOnlyTime?: string
  /** Where the mapping came from (file name), for messages. */
  source?: string
}

/** Default time of day of a date-only NgayHenTra: the end of that day. */
export const DEFAULT_DUE_DATE_ONLY_TIME = '23:59:59'

const yes = '1'
const no = '0'

/**
 * The built-in mapping: usual headers of Vietnamese one-stop exports, every non-personal
 * DongBoHoSoMC field name as its own header, and the status, channel and payment value maps.
 * Personal-data columns (owner, phone, address, ID number) and row numbers are ignored.
 */
export const DEFAULT_MAPPING: Readonly<ColumnMapping> = deepFreeze({
  columns: {
    'Mã hồ sơ': 'MaHoSo',
    'Số hồ sơ': 'MaHoSo',
    'Mã số hồ sơ': 'MaHoSo',
    'Mã TTHC': 'MaTTHC',
    'Mã thủ tục': 'MaTTHC',
    'Mã thủ tục hành chính': 'MaTTHC',
    'Tên thủ tục': 'TenTTHC',
    'Tên TTHC': 'TenTTHC',
    'Tên thủ tục hành chính': 'TenTTHC',
    'Mã lĩnh vực': 'MaLinhVuc',
    'Lĩnh vực': 'TenLinhVuc',
    'Tên lĩnh vực': 'TenLinhVuc',
    'Số biên nhận': 'SoBienNhan',
    'Ngày nộp': 'NgayNopHoSo',
    'Ngày nộp hồ sơ': 'NgayNopHoSo',
    'Ngày tiếp nhận': 'NgayTiepNhan',
    'Ngày nhận': 'NgayTiepNhan',
    'Ngày nhận hồ sơ': 'NgayTiepNhan',
    'Thời gian tiếp nhận': 'NgayTiepNhan',
    'Ngày hẹn trả': 'NgayHenTra',
    'Ngày hẹn trả kết quả': 'NgayHenTra',
    'Ngày hẹn': 'NgayHenTra',
    'Ngày có kết quả': 'NgayKetThucXuLy',
    'Ngày hoàn thành': 'NgayKetThucXuLy',
    'Ngày kết thúc xử lý': 'NgayKetThucXuLy',
    'Ngày xử lý xong': 'NgayKetThucXuLy',
    'Ngày trả kết quả': 'NgayTra',
    'Ngày trả': 'NgayTra',
    'Ngày từ chối': 'NgayTuChoi',
    'Hình thức nộp': 'KenhThucHien',
    'Kênh nộp': 'KenhThucHien',
    'Kênh thực hiện': 'KenhThucHien',
    'Hình thức tiếp nhận': 'KenhThucHien',
    'Trạng thái': 'TrangThaiHoSo',
    'Trạng thái hồ sơ': 'TrangThaiHoSo',
    'Đơn vị xử lý': 'DonViXuLy',
    'Cơ quan thực hiện': 'DonViXuLy',
    'Cơ quan giải quyết': 'DonViXuLy',
    'Đơn vị thực hiện': 'DonViXuLy',
    'Mã đơn vị': 'MaDonVi',
    'Mã cơ quan': 'MaDonVi',
    'Mã định danh đơn vị': 'MaDonVi',
    'Thanh toán trực tuyến': 'DuocThanhToanTrucTuyen',
    'Đã thanh toán trực tuyến': 'DuocThanhToanTrucTuyen',
    'Phí, lệ phí': 'DanhSachLePhi[0].Gia',
    'Phí/lệ phí': 'DanhSachLePhi[0].Gia',
    'Phí và lệ phí': 'DanhSachLePhi[0].Gia',
    'Lệ phí': 'DanhSachLePhi[0].Gia',
    'Kết quả điện tử': 'DanhSachGiayToKetQua[0].DuongDanTepTinKetQua',
    'Đường dẫn kết quả': 'DanhSachGiayToKetQua[0].DuongDanTepTinKetQua',
    'Tệp kết quả': 'DanhSachGiayToKetQua[0].DuongDanTepTinKetQua',
    'Mã kết quả': 'DanhSachGiayToKetQua[0].MaGiayToKetQua',
    'Mã giấy tờ kết quả': 'DanhSachGiayToKetQua[0].MaGiayToKetQua',
    'Đã đồng bộ DVCQG': 'DongBoDVCQG',
    'Đồng bộ DVCQG': 'DongBoDVCQG',
    'Đã đồng bộ Cổng DVCQG': 'DongBoDVCQG',
    'Hồ sơ có thành phần số hóa': 'HoSoCoThanhPhanSoHoa',
    'Có thành phần số hóa': 'HoSoCoThanhPhanSoHoa',
    'Xác thực VNeID': 'TaiKhoanDuocXacThucVoiVNeID',
    'Tài khoản xác thực VNeID': 'TaiKhoanDuocXacThucVoiVNeID',
    'Trích yếu': 'TrichYeuHoSo',
    'Trích yếu hồ sơ': 'TrichYeuHoSo',
    'Ghi chú': 'GhiChu',
    // Ignored: row numbers and personal data
    STT: null,
    TT: null,
    'Số TT': null,
    'Số thứ tự': null,
    'Chủ hồ sơ': null,
    'Người nộp': null,
    'Người nộp hồ sơ': null,
    'Tên người nộp': null,
    'Địa chỉ': null,
    'Số điện thoại': null,
    'Điện thoại': null,
    Email: null,
    'Thư điện tử': null,
    CCCD: null,
    'Số CCCD': null,
    'Số CMND': null,
    'Số giấy tờ': null,
    // The national field names, for exports that use them as headers
    ...(Object.fromEntries(
      Object.keys(HEADER_FIELDS)
        .filter((f) => !PERSONAL_FIELDS.has(f))
        .map((f) => [f, f])
    ) as Record<string, HeaderField>),
    'DanhSachLePhi[0].Gia': 'DanhSachLePhi[0].Gia',
    'DanhSachGiayToKetQua[0].DuongDanTepTinKetQua': 'DanhSachGiayToKetQua[0].DuongDanTepTinKetQua',
    'DanhSachGiayToKetQua[0].MaGiayToKetQua': 'DanhSachGiayToKetQua[0].MaGiayToKetQua',
  },
  dateFormats: [...DEFAULT_DATE_FORMATS],
  values: {
    KenhThucHien: {
      'Trực tiếp': '1',
      'Nộp trực tiếp': '1',
      'Tại bộ phận một cửa': '1',
      'Trực tuyến': '2',
      'Nộp trực tuyến': '2',
      'Qua mạng': '2',
      'Qua bưu chính': '3',
      'Bưu chính': '3',
      'Bưu chính công ích': '3',
      'Qua bưu chính công ích': '3',
      'Qua dịch vụ bưu chính công ích': '3',
    },
    TrangThaiHoSo: {
      'Mới đăng ký': '1',
      'Chờ tiếp nhận': '1',
      'Được tiếp nhận': '2',
      'Đã tiếp nhận': '2',
      'Không được tiếp nhận': '3',
      'Từ chối tiếp nhận': '3',
      'Đang xử lý': '4',
      'Đang giải quyết': '4',
      'Yêu cầu bổ sung giấy tờ': '5',
      'Yêu cầu bổ sung': '5',
      'Chờ bổ sung': '5',
      'Yêu cầu thực hiện nghĩa vụ tài chính': '6',
      'Chờ thực hiện nghĩa vụ tài chính': '6',
      'Công dân yêu cầu rút hồ sơ': '7',
      'Rút hồ sơ': '7',
      'Đã rút': '7',
      'Dừng xử lý': '8',
      'Đã xử lý xong': '9',
      'Đã có kết quả': '9',
      'Chờ trả kết quả': '9',
      'Đã trả kết quả': '10',
    },
    DuocThanhToanTrucTuyen: {
      Có: '1',
      'Đã thanh toán': '1',
      'Qua Cổng DVCQG': '1',
      'Cổng DVCQG': '1',
      'Cổng thanh toán của tỉnh': '2',
      'Cổng thanh toán của bộ': '2',
      Không: '0',
      'Chưa thanh toán': '0',
    },
    DongBoDVCQG: { 'Đã đồng bộ': yes, 'Chưa đồng bộ': no },
  },
  dueDateOnlyTime: DEFAULT_DUE_DATE_ONLY_TIME,
  source: 'mặc định',
} satisfies ColumnMapping)

/**
 * Built-in values of every flag column (applied after the mapping's own value maps):
 * có / x / đã / đúng / true / yes → 1; không / chưa / sai / false / no → 0.
 */
export const FLAG_WORDS: ReadonlyMap<string, string> = new Map([
  ['có', yes],
  ['x', yes],
  ['đã', yes],
  ['đúng', yes],
  ['true', yes],
  ['yes', yes],
  ['không', no],
  ['chưa', no],
  ['sai', no],
  ['false', no],
  ['no', no],
])

/** Built-in values of every amount column: "miễn phí", "không", "-" → 0. */
export const AMOUNT_WORDS: ReadonlyMap<string, string> = new Map([
  ['miễn phí', '0'],
  ['miễn', '0'],
  ['không', '0'],
  ['không thu', '0'],
  ['-', '0'],
])

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

/**
 * Header as compared: NFC, white space (line breaks of Excel headers too) collapsed, trimmed,
 * lower case. Diacritics are kept.
 */
export function normalizeHeader(header: string): string {
  return header.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase()
}

/** A cell value as looked up in a value map: same rule as {@link normalizeHeader}. */
export const normalizeValueKey = normalizeHeader

/** An invalid mapping. `problems` are Vietnamese sentences naming the mapping and the key. */
export class MappingError extends Error {
  override name = 'MappingError'

  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'))
  }
}

const MAPPING_KEYS = [
  'columns',
  'dateFormats',
  'values',
  'unitCode',
  'sheet',
  'headerRow',
  'delimiter',
  'encoding',
  'dueDateOnlyTime',
  'useDefaults',
] as const

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}

function keyPath(...parts: string[]): string {
  return parts.map((p, i) => (i === 0 && /^[A-Za-z]+$/.test(p) ? p : `"${p}"`)).join('.')
}

/** A near miss for a mistyped target: same letters ignoring case, or a list path without index. */
function suggestTarget(target: string): string | null {
  const lower = target.toLowerCase()
  for (const field of Object.keys(HEADER_FIELDS)) if (field.toLowerCase() === lower) return field
  const dotted = /^([A-Za-z]+)(?:\[\])?\.([A-Za-z]+)$/.exec(target)
  if (dotted !== null) {
    const candidate = `${dotted[1]}[0].${dotted[2]}`
    if (targetKind(candidate) !== null) return candidate
  }
  return null
}

function targetList(): string {
  const lists = Object.entries(LIST_FIELDS).map(
    ([list, fields]) => `${list}[i].${Object.keys(fields).join('|')}`
  )
  return [...Object.keys(HEADER_FIELDS), ...lists].join(', ')
}

/** The parts of a mapping file, validated; `useDefaults` says whether to extend the default. */
export interface ParsedMappingFile {
  mapping: Partial<ColumnMapping>
  useDefaults: boolean
}

/**
 * Validate the content of a mapping file (already parsed from YAML or JSON). Every problem is
 * reported at once, each naming the source and the key (`columns."Ngày hẹn"`).
 * @param source mapping file name, for messages
 * @throws {MappingError}
 */
export function parseMappingObject(value: unknown, source: string): ParsedMappingFile {
  const problems: string[] = []
  const at = (key: string | null, text: string) => problems.push(`${M.mappingWhere(source, key)}: ${text}`)
  if (!isPlainObject(value)) {
    at(null, M.mappingNotObject)
    throw new MappingError(problems)
  }
  for (const key of Object.keys(value)) {
    if (!(MAPPING_KEYS as readonly string[]).includes(key)) {
      at(keyPath(key), M.mappingUnknownKey(MAPPING_KEYS.join(', ')))
    }
  }
  const mapping: Partial<ColumnMapping> = { source }
  let useDefaults = true
  if (value.useDefaults !== undefined) {
    if (typeof value.useDefaults !== 'boolean') at('useDefaults', M.mappingNeedsBoolean)
    else useDefaults = value.useDefaults
  }
  if (value.columns !== undefined && value.columns !== null) {
    if (!isPlainObject(value.columns)) at('columns', M.mappingNeedsObject)
    else {
      const columns: Record<string, ColumnTarget | null> = {}
      for (const [header, target] of Object.entries(value.columns)) {
        const path = keyPath('columns', header)
        if (header.trim() === '') at(path, M.mappingEmptyHeader)
        else if (target === null || target === '') columns[header] = null
        else if (typeof target !== 'string' || targetKind(target.trim()) === null) {
          const suggestion = typeof target === 'string' ? suggestTarget(target.trim()) : null
          const hint = suggestion
            ? M.mappingTargetHint(suggestion)
            : M.mappingTargetList(targetList())
          at(path, M.mappingBadTarget(show(target), hint))
        } else columns[header] = target.trim() as ColumnTarget
      }
      mapping.columns = columns
    }
  } else if (!useDefaults) at('columns', M.mappingNeedsColumns)
  if (value.dateFormats !== undefined) {
    const formats = value.dateFormats
    const list = typeof formats === 'string' ? [formats] : formats
    const valid = (f: unknown) => typeof f === 'string' && f.trim() !== ''
    if (!Array.isArray(list) || list.length === 0 || !list.every(valid)) {
      at('dateFormats', M.mappingNeedsStringList)
    } else {
      list.forEach((f: string, i) => {
        try {
          compileDateFormat(f)
        } catch (e) {
          if (!(e instanceof DateFormatError)) throw e
          at(`dateFormats[${i}] "${f}"`, e.message)
        }
      })
      mapping.dateFormats = list as string[]
    }
  }
  for (const key of ['unitCode', 'sheet'] as const) {
    const v = value[key]
    if (v === undefined) continue
    if (typeof v !== 'string' || v.trim() === '') at(key, M.mappingNeedsString)
    else mapping[key] = v.trim()
  }
  if (value.headerRow !== undefined) {
    const v = value.headerRow
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1) mapping.headerRow = v
    else at('headerRow', M.mappingNeedsPositiveInteger)
  }
  if (value.delimiter !== undefined) {
    const v = value.delimiter === 'tab' ? '\t' : value.delimiter
    if (!isDelimiter(v)) at('delimiter', M.mappingBadDelimiter(show(value.delimiter)))
    else mapping.delimiter = v
  }
  if (value.encoding !== undefined) {
    const v = typeof value.encoding === 'string' ? encodingOf(value.encoding) : null
    if (v === null) at('encoding', M.mappingBadEncoding(show(value.encoding)))
    else mapping.encoding = v
  }
  if (value.dueDateOnlyTime !== undefined) {
    const v = value.dueDateOnlyTime
    if (typeof v === 'string' && parseTimeOfDay(v) !== null) mapping.dueDateOnlyTime = v.trim()
    else at('dueDateOnlyTime', M.mappingBadTime(show(v)))
  }
  if (value.values !== undefined && value.values !== null) {
    if (!isPlainObject(value.values)) at('values', M.mappingNeedsObject)
    else {
      const values: Record<string, Record<string, string>> = {}
      for (const [key, entries] of Object.entries(value.values)) {
        if (!isPlainObject(entries)) {
          at(keyPath('values', key), M.mappingNeedsObject)
          continue
        }
        const map: Record<string, string> = {}
        for (const [from, to] of Object.entries(entries)) {
          if (typeof to === 'string') map[from] = to.trim()
          else if (typeof to === 'number' && Number.isFinite(to)) map[from] = String(to)
          else if (typeof to === 'boolean') map[from] = to ? '1' : '0'
          else at(keyPath('values', key, from), M.mappingNeedsString)
        }
        values[key] = map
      }
      mapping.values = values
    }
  }
  if (problems.length > 0) throw new MappingError(problems)
  return { mapping, useDefaults }
}

function isDelimiter(v: unknown): v is string {
  return typeof v === 'string' && v.length === 1 && v !== '"' && v !== '\n' && v !== '\r'
}

function encodingOf(v: string): 'utf8' | 'windows-1258' | null {
  const s = v.trim().toLowerCase()
  if (s === 'utf8' || s === 'utf-8') return 'utf8'
  if (s === 'windows-1258' || s === 'cp1258') return 'windows-1258'
  return null
}

/** `HH:mm[:ss]` → hour, minute, second; null when invalid. */
export function parseTimeOfDay(
  text: string
): { hour: number; minute: number; second: number } | null {
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim())
  if (m === null) return null
  const hour = +m[1]
  const minute = +m[2]
  const second = m[3] === undefined ? 0 : +m[3]
  return hour <= 23 && minute <= 59 && second <= 59 ? { hour, minute, second } : null
}

/**
 * A mapping extended by another: `extra`'s columns come first (so they win when a file has columns
 * for the same field under both) and replace `base` entries with the same header; `dateFormats`
 * replace the base list when given; value maps merge entry by entry; other keys replace.
 */
export function extendMapping(
  base: Readonly<ColumnMapping>,
  extra: Partial<ColumnMapping>
): ColumnMapping {
  const columns: Record<string, ColumnTarget | null> = {}
  const seen = new Set<string>()
  for (const [header, target] of Object.entries(extra.columns ?? {})) {
    columns[header] = target
    seen.add(normalizeHeader(header))
  }
  for (const [header, target] of Object.entries(base.columns)) {
    if (!seen.has(normalizeHeader(header))) columns[header] = target
  }
  const values: Record<string, Record<string, string>> = {}
  for (const [key, map] of Object.entries(base.values ?? {})) values[key] = { ...map }
  for (const [key, map] of Object.entries(extra.values ?? {})) {
    const existing = Object.keys(values).find((k) => normalizeHeader(k) === normalizeHeader(key))
    values[existing ?? key] = { ...(existing === undefined ? {} : values[existing]), ...map }
  }
  const merged: ColumnMapping = {
    ...base,
    ...extra,
    columns,
    dateFormats: [...(extra.dateFormats ?? base.dateFormats)],
    values,
  }
  return merged
}

/**
 * Read a mapping file (`.yaml`, `.yml` or `.json`) and validate it. Unless it says
 * `useDefaults: false`, it extends {@link DEFAULT_MAPPING}.
 * @throws {MappingError} when the file cannot be read or parsed, or is invalid; every message
 *   names the file and the key
 * @example
 * const mapping = await loadColumnMapping('config/motcua-ha-giang.yaml')
 */
export async function loadColumnMapping(path: string): Promise<ColumnMapping> {
  const source = basename(path)
  const where = M.mappingWhere(source, null)
  const ext = extname(path).toLowerCase()
  if (ext !== '.yaml' && ext !== '.yml' && ext !== '.json') {
    throw new MappingError([`${where}: ${M.mappingExtension(ext)}`])
  }
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message
    throw new MappingError([`${where}: ${M.mappingUnreadable(reason)}`])
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  let value: unknown
  try {
    value = ext === '.json' ? JSON.parse(text) : parseYaml(text)
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e)
    const reason = e instanceof YAMLParseError ? message.split('\n')[0] : message
    throw new MappingError([`${where}: ${M.mappingSyntax(ext === '.json' ? 'JSON' : 'YAML', reason)}`])
  }
  const { mapping, useDefaults } = parseMappingObject(value, source)
  const full: ColumnMapping = useDefaults
    ? extendMapping(DEFAULT_MAPPING, mapping)
    : { dateFormats: [...DEFAULT_DATE_FORMATS], columns: {}, ...mapping }
  // Checks that need the merged mapping (value-map keys against columns)
  compileMapping(full)
  return full
}

/** One header of a compiled mapping. */
export interface MappedHeader {
  /** Header as written in the mapping. */
  header: string
  target: ColumnTarget | null
  /** Position in `columns`: the lower wins when two columns of a file fill the same field. */
  priority: number
}

/** A mapping ready for reading files (see {@link compileMapping}). */
export interface CompiledMapping {
  readonly mapping: Readonly<ColumnMapping>
  /** Normalized header → the mapping entry. */
  readonly headers: ReadonlyMap<string, MappedHeader>
  /** Target → its headers in the mapping, in priority order (for messages). */
  readonly aliases: ReadonlyMap<string, readonly string[]>
  readonly formats: readonly DateFormat[]
  /** Value maps by normalized header, then by target; keys are normalized values. */
  readonly valuesByHeader: ReadonlyMap<string, ReadonlyMap<string, string>>
  readonly valuesByTarget: ReadonlyMap<string, ReadonlyMap<string, string>>
  readonly dueDateOnlyTime: { hour: number; minute: number; second: number }
}

/**
 * Validate a mapping and prepare it for reading: header and value lookups, compiled date formats.
 * @throws {MappingError} naming the mapping (`source`, or "truyền vào") and each faulty key
 */
export function compileMapping(mapping: Readonly<ColumnMapping>): CompiledMapping {
  const source = mapping.source ?? 'truyền vào'
  const problems: string[] = []
  const at = (key: string | null, text: string) => problems.push(`${M.mappingWhere(source, key)}: ${text}`)

  const headers = new Map<string, MappedHeader>()
  const aliases = new Map<string, string[]>()
  let priority = 0
  for (const [header, target] of Object.entries(mapping.columns ?? {})) {
    const key = normalizeHeader(header)
    const path = keyPath('columns', header)
    if (key === '') {
      at(path, M.mappingEmptyHeader)
      continue
    }
    if (target !== null && targetKind(target) === null) {
      at(path, M.mappingBadTarget(show(target), M.mappingTargetList(targetList())))
      continue
    }
    const previous = headers.get(key)
    if (previous !== undefined) {
      if (previous.target !== target) at(path, M.mappingDuplicateHeader(previous.header))
      continue
    }
    headers.set(key, { header, target, priority: priority++ })
    if (target !== null) {
      const list = aliases.get(target)
      if (list) list.push(header)
      else aliases.set(target, [header])
    }
  }

  const formats: DateFormat[] = []
  const formatList = mapping.dateFormats?.length ? mapping.dateFormats : DEFAULT_DATE_FORMATS
  formatList.forEach((f, i) => {
    try {
      formats.push(compileDateFormat(f))
    } catch (e) {
      if (!(e instanceof DateFormatError)) throw e
      at(`dateFormats[${i}] "${f}"`, e.message)
    }
  })

  const valuesByHeader = new Map<string, Map<string, string>>()
  const valuesByTarget = new Map<string, Map<string, string>>()
  for (const [key, entries] of Object.entries(mapping.values ?? {})) {
    let target: string | null
    let byTarget: boolean
    if (targetKind(key) !== null) {
      target = key
      byTarget = true
    } else {
      const entry = headers.get(normalizeHeader(key))
      if (entry === undefined || entry.target === null) {
        at(keyPath('values', key), M.mappingValuesKey(key))
        continue
      }
      target = entry.target
      byTarget = false
    }
    const kind = targetKind(target)
    if (kind !== 'code' && kind !== 'flag' && kind !== 'amount') {
      at(keyPath('values', key), M.mappingValuesNotCoded(key))
      continue
    }
    const codes = codesOf(target)
    const map = new Map<string, string>()
    for (const [from, to] of Object.entries(entries)) {
      const path = keyPath('values', key, from)
      const fromKey = normalizeValueKey(from)
      if (fromKey === '') {
        at(path, M.mappingEmptyValueKey)
        continue
      }
      const code = typeof to === 'string' ? to.trim() : String(to)
      if (code !== '') {
        if (kind === 'amount' && !/^\d{1,15}$/.test(code)) {
          at(path, M.mappingBadAmountCode(show(to)))
          continue
        }
        if (codes !== null && !codes.includes(code)) {
          at(path, M.mappingBadCode(show(to), target, codes.join('/')))
          continue
        }
      }
      map.set(fromKey, code)
    }
    const bucket = byTarget ? valuesByTarget : valuesByHeader
    const bucketKey = byTarget ? key : normalizeHeader(key)
    const existing = bucket.get(bucketKey)
    if (existing) for (const [k, v] of map) existing.set(k, v)
    else bucket.set(bucketKey, map)
  }

  if (mapping.delimiter !== undefined && !isDelimiter(mapping.delimiter)) {
    at('delimiter', M.mappingBadDelimiter(show(mapping.delimiter)))
  }
  const headerRow = mapping.headerRow
  if (headerRow !== undefined && !(Number.isInteger(headerRow) && headerRow >= 1)) {
    at('headerRow', M.mappingNeedsPositiveInteger)
  }
  if (mapping.encoding !== undefined && encodingOf(mapping.encoding) === null) {
    at('encoding', M.mappingBadEncoding(show(mapping.encoding)))
  }
  const due = parseTimeOfDay(mapping.dueDateOnlyTime ?? DEFAULT_DUE_DATE_ONLY_TIME)
  if (due === null) at('dueDateOnlyTime', M.mappingBadTime(show(mapping.dueDateOnlyTime)))

  if (problems.length > 0) throw new MappingError(problems)
  return {
    mapping,
    headers,
    aliases,
    formats,
    valuesByHeader,
    valuesByTarget,
    dueDateOnlyTime: due!,
  }
}
