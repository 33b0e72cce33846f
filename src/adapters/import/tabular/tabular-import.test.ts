import ExcelJS from 'exceljs'
import { copyFile, mkdtemp, open, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dossier, Unit } from '../../../engine/model.js'
import { readFixture } from '../../../../tests/fixtures/import/data-dirs.js'
import { buildUnitDirectory, createDossierContext, normalizeDossier, type UnitDirectory } from '../dongbohosomc.js'
import type { ImportIssue } from '../issues.js'
import {
  annotateTabularIssues,
  DEFAULT_MAPPING,
  extendMapping,
  loadColumnMapping,
  loadTabularDossiers,
  normalizeTabularDossier,
  readTabularDossiers,
  type TabularPosition,
} from './index.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../../tests/fixtures/tabular')

type Raw = Record<string, unknown>

/** The DongBoHoSoMC payload equivalent to `hoso-phu-tho.csv`. */
const EQUIVALENT_JSON: Raw[] = [
  {
    MaHoSo: '000.00.12.H44-260812-0031',
    MaTTHC: '1.000656',
    TenTTHC: 'Đăng ký kết hôn',
    KenhThucHien: '2',
    NgayNopHoSo: '20260812074510',
    NgayTiepNhan: '20260812081500',
    NgayHenTra: '20260814170000',
    TrangThaiHoSo: '10',
    NgayKetThucXuLy: '20260813153000',
    NgayTra: '20260814090000',
    DonViXuLy: 'UBND xã Hy Cương',
    HoSoCoThanhPhanSoHoa: '1',
    TaiKhoanDuocXacThucVoiVNeID: '1',
    DuocThanhToanTrucTuyen: '0',
    DanhSachGiayToKetQua: [
      {
        DuongDanTepTinKetQua: 'https://motcua.example.gov.vn/ketqua/5511.pdf',
        MaGiayToKetQua: 'KQ.2026.009812',
      },
    ],
    DongBoDVCQG: '1',
  },
  {
    MaHoSo: '000.00.03.H44-260805-0007',
    MaTTHC: '1.004227.000.00.00.H44',
    TenTTHC: 'Cấp giấy phép xây dựng',
    KenhThucHien: '1',
    NgayTiepNhan: '20260805093000',
    NgayHenTra: '20260826170000',
    TrangThaiHoSo: '9',
    NgayKetThucXuLy: '20260828110000',
    DonViXuLy: 'Sở Xây dựng - Tỉnh Phú Thọ',
    HoSoCoThanhPhanSoHoa: '0',
    TaiKhoanDuocXacThucVoiVNeID: '0',
    DanhSachLePhi: [{ Gia: '150000' }],
    DongBoDVCQG: '0',
  },
]

const HEADERS = [
  'STT',
  'Mã hồ sơ',
  'Mã TTHC',
  'Tên thủ tục',
  'Chủ hồ sơ',
  'Hình thức nộp',
  'Ngày nộp',
  'Ngày tiếp nhận',
  'Ngày hẹn trả',
  'Trạng thái',
  'Ngày có kết quả',
  'Ngày trả kết quả',
  'Đơn vị xử lý',
  'Có thành phần số hóa',
  'Xác thực VNeID',
  'Thanh toán trực tuyến',
  'Phí, lệ phí',
  'Kết quả điện tử',
  'Mã kết quả',
  'Đã đồng bộ DVCQG',
]

let units: Unit[]
let directory: UnitDirectory
let dir: string

beforeAll(async () => {
  units = await readFixture<Unit[]>('units.json')
  directory = buildUnitDirectory(units)
  dir = await mkdtemp(join(tmpdir(), 'chiso-tabular-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** What `normalizeDossier` makes of the equivalent JSON records. */
function fromJson(raws: Raw[]): Dossier[] {
  const ctx = createDossierContext({ file: 'dossiers.json', units: directory })
  return raws.map((raw, i) => {
    ctx.index = i + 1
    const { dossier, issues } = normalizeDossier(raw, ctx)
    expect(issues).toEqual([])
    return dossier!
  })
}

async function writeCsv(name: string, lines: string[]): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, lines.join('\r\n') + '\r\n')
  return path
}

interface SheetSpec {
  name: string
  rows: unknown[][]
  /** 1-based row → cells to merge, e.g. 'A1:T1'. */
  merge?: string
}

/** A real .xlsx written by exceljs; Date cells get a date-time number format. */
async function writeXlsx(name: string, sheets: SheetSpec[]): Promise<string> {
  const workbook = new ExcelJS.Workbook()
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name)
    spec.rows.forEach((values, i) => {
      const row = sheet.getRow(i + 1)
      values.forEach((v, j) => {
        if (v === undefined) return
        const cell = row.getCell(j + 1)
        cell.value = v as ExcelJS.CellValue
        if (v instanceof Date) cell.numFmt = 'dd/mm/yyyy hh:mm'
      })
      row.commit()
    })
    if (spec.merge) sheet.mergeCells(spec.merge)
  }
  const path = join(dir, name)
  await workbook.xlsx.writeFile(path)
  return path
}

/** The Date exceljs expects for a cell showing this Vietnam wall-clock time. */
const excelDate = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(Date.UTC(y, mo - 1, d, h, mi))

async function readRaws(file: string, mapping = DEFAULT_MAPPING) {
  const raws: Raw[] = []
  const positions: TabularPosition[] = []
  const issues: ImportIssue[] = []
  const stats = await readTabularDossiers(
    file,
    mapping,
    (raw, position) => {
      raws.push(raw)
      positions.push(position)
    },
    issues
  )
  return { raws, positions, issues, stats }
}

const messages = (issues: readonly ImportIssue[]) => issues.map((i) => `${i.severity}: ${i.message}`)

describe('the CSV fixture', () => {
  it('gives the DongBoHoSoMC records of the equivalent JSON payload', async () => {
    const { raws, positions, issues, stats } = await readRaws(join(FIXTURES, 'hoso-phu-tho.csv'))
    expect(issues).toEqual([])
    expect(raws).toEqual(EQUIVALENT_JSON)
    expect(positions.map((p) => [p.file, p.row, p.index])).toEqual([
      ['hoso-phu-tho.csv', 2, 1],
      ['hoso-phu-tho.csv', 3, 2],
    ])
    expect(positions[0].columns.get('NgayHenTra')).toBe('Ngày hẹn trả')
    expect(stats).toMatchObject({
      file: 'hoso-phu-tho.csv',
      format: 'csv',
      delimiter: ';',
      encoding: 'utf-8',
      headerRow: 1,
      rows: 2,
      records: 2,
      rejected: 0,
      complete: true,
    })
    expect(stats.columns).toHaveLength(18)
  })

  it('normalizes into the same Dossier as the JSON payload', async () => {
    const { dossiers, issues, stats } = await loadTabularDossiers(join(FIXTURES, 'hoso-phu-tho.csv'), DEFAULT_MAPPING, {
      units,
    })
    expect(issues).toEqual([])
    expect(dossiers).toEqual(fromJson(EQUIVALENT_JSON))
    expect(dossiers[1]).toMatchObject({ feeTotal: 150_000, channel: 'in_person', syncedToPortal: false })
    expect(stats).toMatchObject({ accepted: 2, rejectedTotal: 0, replaced: 0 })
  })
})

describe('an Excel export', () => {
  const serial = (ms: number) => ms / 86_400_000 + 25569

  async function phuThoWorkbook(name: string): Promise<string> {
    return writeXlsx(name, [
      {
        name: 'Danh sách hồ sơ',
        merge: 'A1:T1',
        rows: [
          ['DANH SÁCH HỒ SƠ THÁNG 8/2026'],
          [],
          HEADERS,
          [
            1,
            '000.00.12.H44-260812-0031',
            1.000656,
            { richText: [{ text: 'Đăng ký ' }, { text: 'kết hôn' }] },
            'Trần Thị B',
            'Trực tuyến',
            '12/08/2026 07:45:10',
            excelDate(2026, 8, 12, 8, 15),
            excelDate(2026, 8, 14, 17, 0),
            'Đã trả kết quả',
            excelDate(2026, 8, 13, 15, 30),
            excelDate(2026, 8, 14, 9, 0),
            'UBND xã Hy Cương',
            true,
            'có',
            false,
            null,
            { formula: 'HYPERLINK("https://motcua.example.gov.vn/ketqua/5511.pdf","Xem kết quả")', result: 'Xem kết quả' },
            'KQ.2026.009812',
            'Đã đồng bộ',
          ],
          [
            2,
            '000.00.03.H44-260805-0007',
            '1.004227.000.00.00.H44',
            'Cấp giấy phép xây dựng',
            'Công ty TNHH Minh An',
            'Trực tiếp',
            null,
            excelDate(2026, 8, 5, 9, 30),
            excelDate(2026, 8, 26, 17, 0),
            'Đã xử lý xong',
            // a date typed in a cell with the General format: the serial number
            serial(Date.UTC(2026, 7, 28, 11, 0)),
            null,
            'Sở Xây dựng - Tỉnh Phú Thọ',
            false,
            'Không',
            null,
            150000,
            null,
            null,
            'Chưa đồng bộ',
          ],
          ['Tổng cộng: 2 hồ sơ'],
        ],
      },
      { name: 'Ghi chú', rows: [['Mã hồ sơ', 'Ghi chú'], ['x', 'không đọc trang này']] },
    ])
  }

  it('normalizes into the same Dossier as the JSON payload, in any process time zone', async () => {
    const file = await phuThoWorkbook('hoso.xlsx')
    const zone = process.env.TZ
    process.env.TZ = 'America/Los_Angeles'
    try {
      const { raws, issues, stats } = await readRaws(file)
      expect(issues).toEqual([])
      expect(raws).toEqual(EQUIVALENT_JSON)
      expect(stats).toMatchObject({ format: 'xlsx', sheet: 'Danh sách hồ sơ', headerRow: 3, rows: 2, records: 2 })
      const loaded = await loadTabularDossiers(file, DEFAULT_MAPPING, { units: directory })
      expect(loaded.issues).toEqual([])
      expect(loaded.dossiers).toEqual(fromJson(EQUIVALENT_JSON))
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
  })

  it('reads the sheet named in the mapping, and reports a missing sheet with the sheet names', async () => {
    const file = await phuThoWorkbook('two-sheets.xlsx')
    const notes = await readRaws(file, extendMapping(DEFAULT_MAPPING, { sheet: 'ghi chú' }))
    expect(notes.stats.sheet).toBe('Ghi chú')
    expect(messages(notes.issues)).toEqual([
      expect.stringContaining('error: two-sheets.xlsx: không có cột nào cho MaTTHC (mã thủ tục hành chính)'),
    ])
    const missing = await readRaws(file, extendMapping(DEFAULT_MAPPING, { sheet: 'Tháng 9' }))
    expect(messages(missing.issues)).toEqual([
      'error: two-sheets.xlsx: không có trang tính "Tháng 9" (khóa sheet của bảng ánh xạ); các trang tính của tệp: "Danh sách hồ sơ", "Ghi chú"',
    ])
    expect(missing.stats.complete).toBe(false)
  })

  it('reads a large sheet written with the streaming writer', async () => {
    const path = join(dir, 'large.xlsx')
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true })
    const sheet = writer.addWorksheet('Hồ sơ')
    sheet.addRow(['Mã hồ sơ', 'Mã TTHC', 'Ngày tiếp nhận', 'Trạng thái', 'Đơn vị xử lý']).commit()
    for (let i = 0; i < 5000; i++) {
      const row = sheet.addRow([`000.00.12.H44-260812-${i}`, '1.000656', excelDate(2026, 8, 12, 8, i % 60), 'Đang xử lý', 'UBND xã Hy Cương'])
      row.getCell(3).numFmt = 'dd/mm/yyyy hh:mm'
      row.commit()
    }
    sheet.commit()
    await writer.commit()
    const { dossiers, issues, stats } = await loadTabularDossiers(path, DEFAULT_MAPPING, { units })
    expect(issues).toEqual([])
    expect(stats.records).toBe(5000)
    expect(dossiers[4999]).toMatchObject({ id: '000.00.12.H44-260812-4999', status: '4', unitCode: '000.00.12.H44' })
    expect(dossiers[59].receivedAt).toBe(Date.UTC(2026, 7, 12, 8 - 7, 59))
  })
})

describe('date-only due dates', () => {
  it('are the end of the day (23:59:59) by default, other date-only dates the start', async () => {
    const csv = await writeCsv('date-only.csv', [
      'Mã hồ sơ,Mã TTHC,Ngày tiếp nhận,Ngày hẹn trả,Trạng thái',
      '000.00.12.H44-260812-0040,1.000656,12/08/2026,14/08/2026,Đang xử lý',
    ])
    const { raws } = await readRaws(csv)
    expect(raws[0]).toMatchObject({ NgayTiepNhan: '20260812000000', NgayHenTra: '20260814235959' })

    const xlsx = await writeXlsx('date-only.xlsx', [
      {
        name: 'S',
        rows: [
          ['Mã hồ sơ', 'Mã TTHC', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Trạng thái'],
          ['000.00.12.H44-260812-0040', '1.000656', excelDate(2026, 8, 12), excelDate(2026, 8, 14), '4'],
          ['000.00.12.H44-260812-0041', '1.000656', excelDate(2026, 8, 12), excelDate(2026, 8, 14, 10, 30), '4'],
        ],
      },
    ])
    const fromXlsx = await readRaws(xlsx)
    expect(fromXlsx.raws.map((r) => [r.NgayTiepNhan, r.NgayHenTra])).toEqual([
      ['20260812000000', '20260814235959'],
      ['20260812000000', '20260814103000'],
    ])
  })

  it('take the mapping\u2019s dueDateOnlyTime when it is set', async () => {
    const csv = await writeCsv('date-only-17.csv', [
      'Mã hồ sơ;Mã TTHC;Ngày hẹn trả;Trạng thái',
      '000.00.12.H44-260812-0040;1.000656;14/08/2026;4',
    ])
    const { raws } = await readRaws(csv, extendMapping(DEFAULT_MAPPING, { dueDateOnlyTime: '17:00' }))
    expect(raws[0].NgayHenTra).toBe('20260814170000')
  })
})

describe('errors', () => {
  it('names file, row, MaHoSo and column for an impossible date, and keeps the other rows', async () => {
    const rows: unknown[][] = [['Mã hồ sơ', 'Mã TTHC', 'Ngày tiếp nhận', 'Ngày hẹn trả', 'Trạng thái', 'Đơn vị xử lý']]
    for (let i = 1; i <= 7; i++) {
      rows.push([`000.00.12.H44-260812-000${i}`, '1.000656', '12/08/2026 08:00', '14/08/2026', 'Đang xử lý', 'UBND xã Hy Cương'])
    }
    rows[6] = ['000.00.12.H44-260812-0031', '1.000656', '12/08/2026 08:00', '31/02/2026', 'Đang xử lý', 'UBND xã Hy Cương']
    rows[7][2] = '2026/08/12'
    const file = await writeXlsx('hoso.xlsx', [{ name: 'Sheet1', rows }])
    const { dossiers, issues, stats } = await loadTabularDossiers(file, DEFAULT_MAPPING, { units })
    expect(messages(issues)).toEqual([
      'error: hoso.xlsx, dòng 7, hồ sơ thứ 6 (MaHoSo 000.00.12.H44-260812-0031), cột "Ngày hẹn trả": "31/02/2026" không phải ngày hợp lệ theo dd/MM/yyyy',
      'error: hoso.xlsx, dòng 8, hồ sơ thứ 7 (MaHoSo 000.00.12.H44-260812-0007), cột "Ngày tiếp nhận": "2026/08/12" không khớp định dạng ngày nào đã khai báo (dd/MM/yyyy HH:mm:ss; dd/MM/yyyy HH:mm; dd/MM/yyyy; yyyy-MM-dd HH:mm:ss; yyyy-MM-dd HH:mm; yyyy-MM-dd; yyyy-MM-dd\'T\'HH:mm:ss; d/M/yyyy H:mm:ss; d/M/yyyy H:mm; d/M/yyyy; yyyyMMddHHmmss)',
    ])
    expect(issues[0]).toMatchObject({ file: 'hoso.xlsx', index: 6, line: 7, key: '000.00.12.H44-260812-0031', field: 'NgayHenTra' })
    expect(dossiers.map((d) => d.id)).toEqual([1, 2, 3, 4, 5].map((i) => `000.00.12.H44-260812-000${i}`))
    expect(stats).toMatchObject({ rows: 7, records: 5, rejected: 2, rejectedTotal: 2, accepted: 5 })
  })

  it('gives one warning per unknown header, and ignores row numbers and personal data silently', async () => {
    const csv = await writeCsv('unknown.csv', [
      'STT,Mã hồ sơ,Mã TTHC,Trạng thái,Ngày trễ,Số điện thoại,Người ký',
      '1,000.00.12.H44-260812-0040,1.000656,4,2,0912345678,Nguyễn Văn A',
      '2,000.00.12.H44-260812-0041,1.000656,4,,0912345679,Nguyễn Văn A',
    ])
    const { raws, issues } = await readRaws(csv)
    expect(messages(issues)).toEqual([
      'warning: unknown.csv, dòng 1: cột "Ngày trễ" (cột thứ 5) không có trong bảng ánh xạ cột; bỏ qua cột này ở mọi dòng',
      'warning: unknown.csv, dòng 1: cột "Người ký" (cột thứ 7) không có trong bảng ánh xạ cột; bỏ qua cột này ở mọi dòng',
    ])
    expect(raws[0]).toEqual({ MaHoSo: '000.00.12.H44-260812-0040', MaTTHC: '1.000656', TrangThaiHoSo: '4' })
  })

  it('refuses a file without a required column, naming the accepted headers', async () => {
    const csv = await writeCsv('no-procedure.csv', ['Mã hồ sơ;Thủ tục;Trạng thái', '000.00.12.H44-260812-0040;1.000656;4'])
    let called = 0
    const issues: ImportIssue[] = []
    const stats = await readTabularDossiers(csv, DEFAULT_MAPPING, () => void called++, issues)
    expect(called).toBe(0)
    expect(stats).toMatchObject({ complete: false, records: 0, headerRow: 1 })
    expect(messages(issues)).toEqual([
      'error: no-procedure.csv: không có cột nào cho MaTTHC (mã thủ tục hành chính); tên cột được chấp nhận: "Mã TTHC", "Mã thủ tục", "Mã thủ tục hành chính", "MaTTHC". Dòng tiêu đề (dòng 1) có các cột: "Mã hồ sơ", "Thủ tục", "Trạng thái". Không đọc tệp này; hãy đổi tên cột, khai báo cột trong bảng ánh xạ (khóa columns), hoặc khai báo headerRow nếu dòng tiêu đề không phải dòng 1',
    ])
    expect(issues[0]).toMatchObject({ severity: 'error', index: null, field: 'MaTTHC' })
  })

  it('reports a file whose header is not among its first 20 rows', async () => {
    const lines = Array.from({ length: 25 }, (_, i) => `Tiêu đề ${i + 1};x`)
    const csv = await writeCsv('deep.csv', [...lines, 'Mã hồ sơ;Mã TTHC', 'a;1.000656'])
    const { issues, raws } = await readRaws(csv)
    expect(raws).toEqual([])
    expect(messages(issues)).toEqual([
      expect.stringContaining('error: deep.csv: không có cột nào cho MaHoSo (mã hồ sơ)'),
      expect.stringContaining('error: deep.csv: không có cột nào cho MaTTHC (mã thủ tục hành chính)'),
    ])
    expect(messages(issues)[0]).toContain('Dòng tiêu đề (dòng 1) có các cột: "Tiêu đề 1", "x"')
    const declared = await readRaws(csv, extendMapping(DEFAULT_MAPPING, { headerRow: 26 }))
    expect(declared.raws).toEqual([{ MaHoSo: 'a', MaTTHC: '1.000656' }])
    expect(declared.issues.map((i) => i.field)).toEqual(['TrangThaiHoSo'])
    const beyond = await readRaws(csv, extendMapping(DEFAULT_MAPPING, { headerRow: 40 }))
    expect(messages(beyond.issues)).toEqual([
      'error: deep.csv: không có dòng tiêu đề ở dòng 40 (khóa headerRow của bảng ánh xạ): tệp hết trước dòng này hoặc dòng này trống',
    ])
    const empty = await writeCsv('empty.csv', ['', ';;'])
    expect(messages((await readRaws(empty)).issues)).toEqual(['error: empty.csv: tệp không có dòng nào có dữ liệu'])
  })

  it('warns about a missing status column; normalizeDossier then rejects rows without steps', async () => {
    const csv = await writeCsv('no-status.csv', ['Mã hồ sơ,Mã TTHC', '000.00.12.H44-260812-0040,1.000656'])
    const { dossiers, issues } = await loadTabularDossiers(csv, DEFAULT_MAPPING, { units })
    expect(dossiers).toEqual([])
    expect(messages(issues)).toEqual([
      'warning: no-status.csv, dòng 1: không có cột trạng thái hồ sơ (TrangThaiHoSo; tên cột được chấp nhận: "Trạng thái", "Trạng thái hồ sơ", "TrangThaiHoSo"); hồ sơ chỉ được nhận nếu trạng thái suy ra được từ tiến độ xử lý',
      'error: no-status.csv, dòng 2, hồ sơ thứ 1 (MaHoSo 000.00.12.H44-260812-0040): thiếu TrangThaiHoSo và không có bước xử lý nào (CapNhatTienDoHoSoMC) để suy ra trạng thái',
    ])
  })

  it('names the column in normalizeDossier\u2019s messages', async () => {
    const csv = await writeCsv('values.csv', [
      'Mã hồ sơ,Mã TTHC,Trạng thái,Hình thức nộp,Đơn vị xử lý,Xác thực VNeID,Ngày tiếp nhận',
      '000.00.12.H44-260812-0040,1.000656,Đang xử lý,Online,UBND xã Hy Cương,Có,12/08/2026',
      ',1.000656,Đang xử lý,Trực tiếp,UBND xã Hy Cương,Không,12/08/2026',
      'HS-1,1.000656,Chờ ký,Trực tiếp,Xã khác,?,12/08/2026',
      'HS-2,2.002,Đã trả kết quả,Trực tiếp,UBND xã Hy Cương,,12/08/2026',
    ])
    const { dossiers, issues } = await loadTabularDossiers(csv, DEFAULT_MAPPING, { units })
    expect(messages(issues)).toEqual([
      'warning: values.csv, dòng 2, hồ sơ thứ 1 (MaHoSo 000.00.12.H44-260812-0040), cột "Hình thức nộp": KenhThucHien "Online" không thuộc bảng mã 1/2/3; coi là nộp trực tiếp',
      'error: values.csv, dòng 3, hồ sơ thứ 2 (không có MaHoSo), cột "Mã hồ sơ": thiếu MaHoSo (mã hồ sơ)',
      'warning: values.csv, dòng 4, hồ sơ thứ 3 (MaHoSo HS-1), cột "Trạng thái": TrangThaiHoSo "Chờ ký" không thuộc bảng mã trạng thái 1–10; lưu là "unknown"',
      'error: values.csv, dòng 4, hồ sơ thứ 3 (MaHoSo HS-1), cột "Đơn vị xử lý": không xác định được đơn vị xử lý: MaDonVi trống, DonViXuLy "Xã khác" và phần đầu MaHoSo "HS" không khớp đơn vị nào trong units.json, và không có madonvi của gói dữ liệu hay đơn vị khai báo khi nhập',
      'warning: values.csv, dòng 4, hồ sơ thứ 3 (MaHoSo HS-1), cột "Xác thực VNeID": TaiKhoanDuocXacThucVoiVNeID "?" không thuộc bảng mã 0/1; coi là 0',
      'error: values.csv, dòng 5, hồ sơ thứ 4 (MaHoSo HS-2), cột "Mã TTHC": MaTTHC "2.002" không phải mã thủ tục hành chính quốc gia (phải bắt đầu bằng dạng d.dddddd)',
    ])
    expect(dossiers.map((d) => [d.id, d.channel, d.vneidAuthenticated])).toEqual([['000.00.12.H44-260812-0040', 'in_person', true]])
  })

  it('rejects a bad amount, and reads the usual ways of writing one', async () => {
    const csv = await writeCsv('fees.csv', [
      'Mã hồ sơ;Mã TTHC;Trạng thái;Đơn vị xử lý;Ngày nhận;Phí, lệ phí',
      ...['150000', '150.000', '150,000', '1.500.000,00', '150 000 đ', 'Miễn phí', '1,5', '-20'].map(
        (fee, i) => `HS-${i};1.000656;4;UBND xã Hy Cương;12/08/2026;${fee}`
      ),
    ])
    const { dossiers, issues } = await loadTabularDossiers(csv, DEFAULT_MAPPING, { units })
    expect(dossiers.map((d) => d.feeTotal)).toEqual([150000, 150000, 150000, 1500000, 150000, 0])
    expect(messages(issues)).toEqual([
      'error: fees.csv, dòng 8, hồ sơ thứ 7 (MaHoSo HS-6), cột "Phí, lệ phí": "1,5" không phải số tiền hợp lệ (số nguyên đồng, ví dụ 150000, 150.000 hoặc 150,000)',
      'error: fees.csv, dòng 9, hồ sơ thứ 8 (MaHoSo HS-7), cột "Phí, lệ phí": "-20" không phải số tiền hợp lệ (số nguyên đồng, ví dụ 150000, 150.000 hoặc 150,000)',
    ])
  })

  it('rejects CSV rows with the wrong number of cells or text after a quote, keeping the others', async () => {
    const csv = await writeCsv('columns.csv', [
      'Mã hồ sơ,Mã TTHC,Trạng thái,Ghi chú',
      'HS-1,1.000656,4,ok',
      'HS-2,1.000656,4,Phí, lệ phí chưa nộp',
      'HS-3,1.000656,4',
      'HS-4,1.000656,"4"x,note',
      '',
      'HS-5,1.000656,4,"dòng một',
      'dòng hai"',
    ])
    const { raws, issues, stats } = await readRaws(csv)
    expect(raws.map((r) => [r.MaHoSo, r.GhiChu])).toEqual([
      ['HS-1', 'ok'],
      ['HS-5', 'dòng một\r\ndòng hai'],
    ])
    expect(messages(issues)).toEqual([
      'error: columns.csv, dòng 3: dòng có 5 ô trong khi dòng tiêu đề có 4 cột; bỏ qua dòng này (thường do dấu phân cách nằm trong một giá trị không đặt trong ngoặc kép)',
      'error: columns.csv, dòng 4: dòng có 3 ô trong khi dòng tiêu đề có 4 cột; bỏ qua dòng này (thường do dấu phân cách nằm trong một giá trị không đặt trong ngoặc kép)',
      'error: columns.csv, dòng 5: có ký tự ngay sau dấu ngoặc kép đóng (giá trị trong ngoặc kép phải đứng riêng giữa hai dấu phân cách; dấu ngoặc kép bên trong viết thành ""); bỏ qua dòng này',
    ])
    expect(stats).toMatchObject({ rows: 5, records: 2, rejected: 3, complete: true })
  })

  it('can report to a sink that flags exactly one issue per rejected row', async () => {
    const csv = await writeCsv('sink.csv', [
      'Mã hồ sơ,Mã TTHC,Trạng thái,Ngày tiếp nhận,Ngày hẹn trả,Người ký',
      'HS-1,1.000656,4,32/08/2026,40/08/2026,A',
      'HS-2,1.000656,4,12/08/2026,14/08/2026,B',
      'HS-3,1.000656,4,12/08/2026',
    ])
    const seen: [string, string | null, boolean][] = []
    const stats = await readTabularDossiers(csv, DEFAULT_MAPPING, () => {}, (issue, rejectedRow) => {
      seen.push([issue.severity, issue.field, rejectedRow])
    })
    expect(seen).toEqual([
      ['warning', null, false],
      ['error', 'NgayTiepNhan', true],
      ['error', 'NgayHenTra', false],
      ['error', null, true],
    ])
    expect(stats).toMatchObject({ rows: 3, records: 1, rejected: 2 })
  })

  it('keeps the rows read before an unterminated quote or undecodable bytes', async () => {
    const csv = await writeCsv('quote.csv', ['Mã hồ sơ,Mã TTHC,Trạng thái', 'HS-1,1.000656,4', 'HS-2,"1.000656,4', 'HS-3,1.000656,4'])
    const quote = await readRaws(csv)
    expect(quote.raws.map((r) => r.MaHoSo)).toEqual(['HS-1'])
    expect(messages(quote.issues)).toEqual([
      'error: quote.csv, dòng 3: dấu ngoặc kép mở ở dòng 3 không được đóng đến hết tệp (dòng 4); các dòng từ dòng 3 trở đi không đọc được',
    ])
    expect(quote.stats.complete).toBe(false)

    const latin = join(dir, 'latin.csv')
    await writeFile(latin, Buffer.concat([Buffer.from('Mã hồ sơ,Mã TTHC,Trạng thái\nHS-1,1.000656,4\nHS-2,1.000656,'), Buffer.from([0xd0, 0x61]), Buffer.from(' x\n')]))
    const bad = await readRaws(latin)
    expect(bad.raws.map((r) => r.MaHoSo)).toEqual(['HS-1'])
    expect(messages(bad.issues)).toEqual([
      'error: latin.csv, dòng 3: nội dung không phải UTF-8 hợp lệ (khoảng dòng 3); ngừng đọc tệp từ đây. Nếu tệp được lưu từ Excel bằng "CSV (Comma delimited)", hãy lưu lại bằng "CSV UTF-8", hoặc khai báo encoding: windows-1258 trong bảng ánh xạ',
    ])
  })

  it('uses the first listed alias when two columns fill one field', async () => {
    const csv = await writeCsv('aliases.csv', ['Số hồ sơ,Mã hồ sơ,Mã TTHC,Trạng thái', 'so-1,ma-1,1.000656,4'])
    const { raws, issues } = await readRaws(csv)
    expect(raws[0].MaHoSo).toBe('ma-1')
    expect(messages(issues)).toEqual([
      'warning: aliases.csv, dòng 1: cột "Số hồ sơ" cũng ứng với MaHoSo nhưng đã dùng cột "Mã hồ sơ"; bỏ qua cột "Số hồ sơ"',
    ])
  })

  it('warns about Excel error cells, formulas without a value and data under no header', async () => {
    const file = await writeXlsx('cells.xlsx', [
      {
        name: 'S',
        rows: [
          ['Mã hồ sơ', 'Mã TTHC', 'Trạng thái', 'Tên thủ tục', undefined, 'Ngày tiếp nhận'],
          ['HS-1', 2.00249, '4', { error: '#N/A' }, 'ghi tay', { formula: 'TODAY()' }],
        ],
      },
    ])
    const { raws, issues } = await readRaws(file)
    expect(raws).toEqual([{ MaHoSo: 'HS-1', MaTTHC: '2.002490', TrangThaiHoSo: '4' }])
    expect(messages(issues)).toEqual([
      'warning: cells.xlsx, dòng 2: cột E không có tiêu đề nhưng có dữ liệu (lần đầu ở dòng 2); bỏ qua cột này',
      'warning: cells.xlsx, dòng 2, hồ sơ thứ 1 (MaHoSo HS-1), cột "Tên thủ tục": ô có lỗi Excel #N/A; coi là ô trống',
      'warning: cells.xlsx, dòng 2, hồ sơ thứ 1 (MaHoSo HS-1), cột "Ngày tiếp nhận": ô chứa công thức không có giá trị tính sẵn (hoặc công thức bị lỗi); coi là ô trống (hãy mở tệp bằng Excel, kiểm tra công thức và lưu lại)',
    ])
  })

  it('reports unreadable, unsupported and corrupt files as file-level errors', async () => {
    const fake = join(dir, 'fake.xlsx')
    await writeFile(fake, '<html><table><tr><td>Mã hồ sơ</td></tr></table></html>')
    const cases: [string, string][] = [
      [join(dir, 'missing.csv'), 'error: missing.csv: không đọc được tệp (ENOENT)'],
      [join(dir, 'old.xls'), 'error: old.xls: tệp Excel 97–2003 (.xls) không được hỗ trợ; hãy mở bằng Excel và lưu lại dạng .xlsx hoặc "CSV UTF-8"'],
      [join(dir, 'data.ods'), 'error: data.ods: định dạng tệp ".ods" không được hỗ trợ; chỉ đọc CSV (.csv, .tsv, .txt) và Excel (.xlsx)'],
    ]
    for (const [file, message] of cases) {
      const { issues, stats } = await readRaws(file)
      expect(messages(issues)).toEqual([message])
      expect(stats.complete).toBe(false)
    }
    const corrupt = await readRaws(fake)
    expect(messages(corrupt.issues)).toEqual([expect.stringMatching(/^error: fake\.xlsx: không đọc được tệp Excel \.xlsx \(.+\); tệp có thể bị hỏng/)])
  })
})

describe('loadTabularDossiers', () => {
  it('lets a later row replace an earlier one with the same MaHoSo', async () => {
    const csv = await writeCsv('dup.csv', [
      'Mã hồ sơ,Mã TTHC,Trạng thái,Đơn vị xử lý,Ngày tiếp nhận',
      'HS-1,1.000656,4,UBND xã Hy Cương,12/08/2026 08:00',
      'HS-1,1.000656,10,UBND xã Hy Cương,12/08/2026 08:00',
    ])
    const { dossiers, issues, stats } = await loadTabularDossiers(csv, DEFAULT_MAPPING, { units })
    expect(dossiers.map((d) => d.status)).toEqual(['10'])
    expect(messages(issues)).toEqual([
      'warning: dup.csv, dòng 3, hồ sơ thứ 2 (MaHoSo HS-1): MaHoSo đã có ở hồ sơ thứ 1; bản ghi sau thay thế bản ghi trước',
    ])
    expect(stats.replaced).toBe(1)
  })

  it('uses the mapping\u2019s unitCode like an envelope unit, and warns when it is unknown', async () => {
    const csv = await writeCsv('unit.csv', ['Mã hồ sơ,Mã TTHC,Trạng thái,Ngày tiếp nhận', 'HS-1,1.000656,4,12/08/2026'])
    const known = await loadTabularDossiers(csv, extendMapping(DEFAULT_MAPPING, { unitCode: '000.00.12.H44' }), { units })
    expect(known.issues).toEqual([])
    expect(known.dossiers[0].unitCode).toBe('000.00.12.H44')
    const unknown = await loadTabularDossiers(csv, extendMapping(DEFAULT_MAPPING, { unitCode: '000.00.99.H44' }), {
      units,
      declaredUnit: '000.00.03.H44',
    })
    expect(messages(unknown.issues)).toEqual([
      'warning: unit.csv: unitCode "000.00.99.H44" của bảng ánh xạ không có trong danh mục đơn vị; không dùng để xác định đơn vị',
    ])
    expect(unknown.dossiers[0].unitCode).toBe('000.00.03.H44')
  })
})

describe('a user mapping file', () => {
  it('reads an export with its own headers, title rows, date formats and value maps', async () => {
    const mapping = await loadColumnMapping(join(FIXTURES, 'motcua-hy-cuong.yaml'))
    const file = join(FIXTURES, 'hoso-motcua.csv')
    const { raws, issues, stats } = await readRaws(file, mapping)
    expect(issues.map((i) => i.field)).toEqual([])
    expect(stats).toMatchObject({ headerRow: 4, delimiter: ',', records: 2 })
    expect(raws).toEqual([
      {
        MaHoSo: '000.00.12.H44-260901-0001',
        MaTTHC: '1.000656',
        KenhThucHien: '2',
        TrangThaiHoSo: '9',
        NgayTiepNhan: '20260901081500',
        NgayHenTra: '20260903235959',
        NgayKetThucXuLy: '20260902160000',
      },
      {
        MaHoSo: '000.00.12.H44-260901-0002',
        MaTTHC: '1.001193',
        KenhThucHien: '1',
        TrangThaiHoSo: '4',
        NgayTiepNhan: '20260901090000',
        NgayHenTra: '20260905170000',
        DanhSachHoSoBoSung: [{ NgayBoSung: '20260902100000', NgayTiepNhanBoSung: '20260903143000' }],
        DanhSachLePhi: [{ Gia: '50000' }],
      },
    ])
    const { dossiers } = await loadTabularDossiers(file, mapping, { units })
    expect(dossiers).toEqual(
      fromJson(raws).map((d) => ({ ...d, unitCode: '000.00.12.H44' }))
    )
    expect(dossiers[1].supplementRequests).toHaveLength(1)
  })

  it('renumbers list entries whose earlier entry is empty, and names their columns', async () => {
    const csv = await writeCsv('fees2.csv', [
      'Mã hồ sơ;Mã TTHC;Trạng thái;Phí;Lệ phí thẩm định',
      'HS-1;1.000656;4;;abc',
      'HS-2;1.000656;4;10000;20000',
    ])
    const mapping = extendMapping(DEFAULT_MAPPING, {
      columns: { Phí: 'DanhSachLePhi[0].Gia', 'Lệ phí thẩm định': 'DanhSachLePhi[1].Gia' },
    })
    const { raws, issues } = await readRaws(csv, mapping)
    expect(messages(issues)).toEqual([
      'error: fees2.csv, dòng 2, hồ sơ thứ 1 (MaHoSo HS-1), cột "Lệ phí thẩm định": "abc" không phải số tiền hợp lệ (số nguyên đồng, ví dụ 150000, 150.000 hoặc 150,000)',
    ])
    expect(raws[0].DanhSachLePhi).toEqual([{ Gia: '10000' }, { Gia: '20000' }])

    const issues2: ImportIssue[] = []
    const positions: TabularPosition[] = []
    const csv2 = await writeCsv('fees3.csv', ['Mã hồ sơ;Mã TTHC;Trạng thái;Phí;Lệ phí thẩm định', 'HS-1;1.000656;4;;500'])
    await readTabularDossiers(csv2, mapping, (raw, p) => {
      expect(raw.DanhSachLePhi).toEqual([{ Gia: '500' }])
      positions.push(p)
    }, issues2)
    expect(positions[0].columns.get('DanhSachLePhi[0].Gia')).toBe('Lệ phí thẩm định')
    expect(positions[0].columns.has('DanhSachLePhi[1].Gia')).toBe(false)
  })
})

describe('the record callback', () => {
  it('is awaited, and its errors reach the caller unchanged (even file-like ones)', async () => {
    const csv = await writeCsv('callback.csv', ['Mã hồ sơ,Mã TTHC,Trạng thái', 'HS-1,1.000656,4', 'HS-2,1.000656,4'])
    const order: string[] = []
    await readTabularDossiers(csv, DEFAULT_MAPPING, async (raw) => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      order.push(String(raw.MaHoSo))
    }, [])
    expect(order).toEqual(['HS-1', 'HS-2'])
    const failure = Object.assign(new Error('disk full'), { code: 'ENOSPC' })
    const issues: ImportIssue[] = []
    await expect(
      readTabularDossiers(csv, DEFAULT_MAPPING, () => {
        throw failure
      }, issues)
    ).rejects.toBe(failure)
    expect(issues.filter((i) => i.severity === 'error')).toEqual([])
  })
})

describe('normalizeTabularDossier and annotateTabularIssues', () => {
  it('leave issues of fields without a column unchanged', () => {
    const ctx = createDossierContext({ file: 'x', units: directory })
    const position: TabularPosition = { file: 'hoso.csv', row: 9, index: 8, columns: new Map([['MaTTHC', 'Mã TTHC']]), unitCode: null }
    const { dossier, issues } = normalizeTabularDossier({ MaHoSo: 'HS-1', MaTTHC: 'x', TrangThaiHoSo: '4' }, position, ctx)
    expect(dossier).toBeNull()
    expect(messages(issues)).toEqual([
      'error: hoso.csv, dòng 9, hồ sơ thứ 8 (MaHoSo HS-1), cột "Mã TTHC": MaTTHC "x" không phải mã thủ tục hành chính quốc gia (phải bắt đầu bằng dạng d.dddddd)',
      expect.stringMatching(/^error: hoso\.csv, dòng 9, hồ sơ thứ 8 \(MaHoSo HS-1\): không xác định được đơn vị xử lý/),
    ])
    expect(annotateTabularIssues([], position)).toEqual([])
  })
})

describe('a large CSV', () => {
  it('streams 50 000 rows: the end of the file is read after the first records were handed on', async () => {
    const path = join(dir, 'large.csv')
    const lines = ['STT;Mã hồ sơ;Mã TTHC;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái;Hình thức nộp;Đơn vị xử lý;Phí, lệ phí']
    for (let i = 1; i <= 50_000; i++) {
      const d = String((i % 28) + 1).padStart(2, '0')
      lines.push(`${i};000.00.12.H44-2608${d}-${String(i).padStart(5, '0')};1.000656;${d}/08/2026 08:15;${d}/09/2026;Đang xử lý;Trực tuyến;UBND xã Hy Cương;"1.000"`)
    }
    await writeFile(path, lines.join('\r\n') + '\r\n')
    const size = (await stat(path)).size
    const copy = join(dir, 'large-copy.csv')
    await copyFile(path, copy)

    // After the first record, rewrite the last MaHoSo on disk: a reader that had loaded the whole
    // file would not see the change.
    const lastDay = (50_000 % 28) + 1
    const last = `000.00.12.H44-2608${lastDay}-50000`
    const tailOffset = size - Buffer.byteLength(lines[50_000].slice(lines[50_000].indexOf('000.')) + '\r\n')
    const ctx = createDossierContext({ file: 'large.csv', units: directory })
    const issues: ImportIssue[] = []
    let accepted = 0
    let lastId = ''
    let patched = false
    const stats = await readTabularDossiers(
      path,
      DEFAULT_MAPPING,
      async (raw, position) => {
        if (!patched) {
          patched = true
          const handle = await open(path, 'r+')
          await handle.write(Buffer.from('XXX'), 0, 3, tailOffset)
          await handle.close()
        }
        const { dossier } = normalizeTabularDossier(raw, position, ctx)
        if (dossier) {
          accepted++
          lastId = dossier.id
        }
      },
      issues,
      { chunkSize: 64 * 1024 }
    )
    expect(issues).toEqual([])
    expect(stats).toMatchObject({ rows: 50_000, records: 50_000, rejected: 0, complete: true })
    expect(accepted).toBe(50_000)
    expect(lastId).toBe('XXX' + last.slice(3))

    const { dossiers } = await loadTabularDossiers(copy, DEFAULT_MAPPING, { units })
    expect(dossiers).toHaveLength(50_000)
    expect(dossiers[49_999]).toMatchObject({ id: last, channel: 'online', feeTotal: 1000, dueAt: Date.UTC(2026, 8, lastDay, 23 - 7, 59, 59) })
  })
})
