import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  codesOf,
  compileMapping,
  DEFAULT_MAPPING,
  extendMapping,
  loadColumnMapping,
  MappingError,
  normalizeHeader,
  parseMappingObject,
  targetKind,
} from './mapping.js'

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../../../tests/fixtures/tabular')

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'chiso-mapping-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function mappingFile(name: string, content: string): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, content)
  return path
}

async function problemsOf(promise: Promise<unknown>): Promise<readonly string[]> {
  try {
    await promise
  } catch (e) {
    if (e instanceof MappingError) return e.problems
    throw e
  }
  throw new Error('expected a MappingError')
}

describe('targets', () => {
  it('knows header fields and list entry fields with their kinds', () => {
    expect(targetKind('MaHoSo')).toBe('text')
    expect(targetKind('NgayHenTra')).toBe('date')
    expect(targetKind('KenhThucHien')).toBe('code')
    expect(targetKind('DongBoDVCQG')).toBe('flag')
    expect(targetKind('DanhSachLePhi[0].Gia')).toBe('amount')
    expect(targetKind('DanhSachLePhi[3].Gia')).toBe('amount')
    expect(targetKind('DanhSachGiayToKetQua[0].DuongDanTepTinKetQua')).toBe('link')
    expect(targetKind('DanhSachLePhi[10].Gia')).toBeNull()
    expect(targetKind('DanhSachLePhi.Gia')).toBeNull()
    expect(targetKind('mahoso')).toBeNull()
    expect(codesOf('TrangThaiHoSo')).toHaveLength(10)
    expect(codesOf('TaiLieuNop[0].DuocTaiSuDung')).toEqual(['0', '1', '2'])
    expect(codesOf('NoiNopHoSo')).toBeNull()
  })
})

describe('headers', () => {
  it('match after NFC, white-space collapsing and ignoring case, but not ignoring diacritics', () => {
    const compiled = compileMapping(DEFAULT_MAPPING)
    const target = (h: string) => compiled.headers.get(normalizeHeader(h))?.target
    // decomposed "ồ" (o + circumflex + grave) as some systems write it
    expect(target('Ma\u0303 ho\u0302\u0300 sơ')).toBe('MaHoSo')
    expect(target('  MÃ HỒ SƠ ')).toBe('MaHoSo')
    expect(target('Ngày hẹn\ntrả')).toBe('NgayHenTra')
    expect(target('Ngày trả')).toBe('NgayTra')
    expect(target('Ngày trễ')).toBeUndefined()
    expect(target('Ma ho so')).toBeUndefined()
    expect(target('MaHoSo')).toBe('MaHoSo')
    expect(compiled.headers.get('stt')?.target).toBeNull()
    expect(compiled.headers.get(normalizeHeader('Chủ hồ sơ'))?.target).toBeNull()
  })

  it('lists the aliases of each field in priority order', () => {
    const compiled = compileMapping(DEFAULT_MAPPING)
    expect(compiled.aliases.get('MaHoSo')).toEqual(['Mã hồ sơ', 'Số hồ sơ', 'Mã số hồ sơ', 'MaHoSo'])
    expect(compiled.aliases.get('ChuHoSo')).toBeUndefined()
  })
})

describe('extendMapping', () => {
  it('puts the extra columns first, replaces same headers, merges value maps', () => {
    const m = extendMapping(DEFAULT_MAPPING, {
      columns: { 'Số hồ sơ QG': 'MaHoSo', 'số hồ sơ': 'SoBienNhan' },
      values: { KenhThucHien: { Online: '2' } },
      unitCode: '000.00.12.H44',
    })
    const compiled = compileMapping(m)
    expect(compiled.aliases.get('MaHoSo')).toEqual(['Số hồ sơ QG', 'Mã hồ sơ', 'Mã số hồ sơ', 'MaHoSo'])
    expect(compiled.headers.get('số hồ sơ')?.target).toBe('SoBienNhan')
    expect(compiled.valuesByTarget.get('KenhThucHien')?.get('online')).toBe('2')
    expect(compiled.valuesByTarget.get('KenhThucHien')?.get('trực tuyến')).toBe('2')
    expect(m.unitCode).toBe('000.00.12.H44')
    expect(DEFAULT_MAPPING.unitCode).toBeUndefined()
  })
})

describe('loadColumnMapping', () => {
  it('reads the YAML fixture, extending the default mapping', async () => {
    const m = await loadColumnMapping(join(FIXTURES, 'motcua-hy-cuong.yaml'))
    const compiled = compileMapping(m)
    expect(m.source).toBe('motcua-hy-cuong.yaml')
    expect(m.unitCode).toBe('000.00.12.H44')
    expect(m.dateFormats).toEqual(["dd-MM-yyyy HH'h'mm", 'dd-MM-yyyy'])
    expect(compiled.headers.get(normalizeHeader('Số biên nhận hồ sơ'))?.target).toBe('MaHoSo')
    expect(compiled.headers.get(normalizeHeader('Mã hồ sơ'))?.target).toBe('MaHoSo')
    expect(compiled.valuesByHeader.get('kênh')).toEqual(
      new Map([
        ['cổng dvc tỉnh', '2'],
        ['một cửa', '1'],
      ])
    )
    expect(compiled.valuesByTarget.get('TrangThaiHoSo')?.get('hoàn tất')).toBe('9')
    expect(compiled.valuesByTarget.get('TrangThaiHoSo')?.get('đã trả kết quả')).toBe('10')
  })

  it('reads JSON, and with useDefaults false uses only its own columns', async () => {
    const path = await mappingFile(
      'own.json',
      JSON.stringify({ useDefaults: false, columns: { 'Mã': 'MaHoSo', 'Thủ tục': 'MaTTHC' }, delimiter: 'tab' })
    )
    const m = await loadColumnMapping(path)
    expect(Object.keys(m.columns)).toEqual(['Mã', 'Thủ tục'])
    expect(m.delimiter).toBe('\t')
    expect(m.dateFormats).toContain('dd/MM/yyyy HH:mm')
  })

  it('reports every problem, naming the file and the key', async () => {
    const path = await mappingFile(
      'sai.yaml',
      [
        'columns:',
        '  Ngày hẹn: NgayHen',
        '  Mã: mahoso',
        '  Phí: DanhSachLePhi.Gia',
        'dateFormats: [DD/MM/YYYY]',
        'header: 2',
        'headerRow: 0',
        'delimiter: ";;"',
        'encoding: latin1',
        'dueDateOnlyTime: "25:00"',
      ].join('\n')
    )
    const problems = await problemsOf(loadColumnMapping(path))
    expect(problems).toEqual([
      'Bảng ánh xạ sai.yaml, khóa header: khóa không được hỗ trợ; các khóa hợp lệ: columns, dateFormats, values, unitCode, sheet, headerRow, delimiter, encoding, dueDateOnlyTime, useDefaults',
      expect.stringMatching(/^Bảng ánh xạ sai\.yaml, khóa columns\."Ngày hẹn": "NgayHen" không phải trường DongBoHoSoMC được hỗ trợ; các trường được hỗ trợ: MaHoSo, /),
      'Bảng ánh xạ sai.yaml, khóa columns."Mã": "mahoso" không phải trường DongBoHoSoMC được hỗ trợ (có phải "MaHoSo"?)',
      'Bảng ánh xạ sai.yaml, khóa columns."Phí": "DanhSachLePhi.Gia" không phải trường DongBoHoSoMC được hỗ trợ (có phải "DanhSachLePhi[0].Gia"?)',
      expect.stringContaining('Bảng ánh xạ sai.yaml, khóa dateFormats[0] "DD/MM/YYYY": ký hiệu "DD" không được hỗ trợ'),
      'Bảng ánh xạ sai.yaml, khóa headerRow: phải là số nguyên dương',
      expect.stringContaining('Bảng ánh xạ sai.yaml, khóa delimiter: ";;" không dùng được làm dấu phân cách'),
      'Bảng ánh xạ sai.yaml, khóa encoding: "latin1" không được hỗ trợ; dùng utf8 hoặc windows-1258',
      'Bảng ánh xạ sai.yaml, khóa dueDateOnlyTime: "25:00" phải là giờ dạng HH:mm hoặc HH:mm:ss, ví dụ "23:59:59"',
    ])
  })

  it('checks value maps against the merged columns and the code tables', async () => {
    const path = await mappingFile(
      'values.yaml',
      [
        'values:',
        '  Hình thức nộp:',
        '    Online: online',
        '  Cột lạ:',
        '    a: "1"',
        '  Tên thủ tục:',
        '    a: b',
        '  Phí, lệ phí:',
        '    Miễn: "0đ"',
        '  TrangThaiHoSo:',
        '    Xong: 11',
      ].join('\n')
    )
    expect(await problemsOf(loadColumnMapping(path))).toEqual([
      'Bảng ánh xạ values.yaml, khóa values."TrangThaiHoSo"."Xong": "11" không thuộc bảng mã của TrangThaiHoSo (1/2/3/4/5/6/7/8/9/10)',
      'Bảng ánh xạ values.yaml, khóa values."Hình thức nộp"."Online": "online" không thuộc bảng mã của KenhThucHien (1/2/3)',
      'Bảng ánh xạ values.yaml, khóa values."Cột lạ": "Cột lạ" không phải tên cột nào trong columns, cũng không phải một trường DongBoHoSoMC được hỗ trợ',
      'Bảng ánh xạ values.yaml, khóa values."Tên thủ tục": trường của "Tên thủ tục" không nhận bảng giá trị (chỉ các trường mã, cờ 0/1 và số tiền)',
      'Bảng ánh xạ values.yaml, khóa values."Phí, lệ phí"."Miễn": "0đ" phải là một số nguyên không âm (số tiền, đồng)',
    ])
  })

  it('reports syntax errors, unreadable files and unknown extensions', async () => {
    const bad = await mappingFile('cu-phap.yaml', 'columns:\n  a: [b\n')
    expect((await problemsOf(loadColumnMapping(bad)))[0]).toMatch(/^Bảng ánh xạ cu-phap\.yaml: tệp YAML sai cú pháp: /)
    const badJson = await mappingFile('cu-phap.json', '{"columns": }')
    expect((await problemsOf(loadColumnMapping(badJson)))[0]).toMatch(/^Bảng ánh xạ cu-phap\.json: tệp JSON sai cú pháp: /)
    expect(await problemsOf(loadColumnMapping(join(dir, 'khong-co.yaml')))).toEqual([
      'Bảng ánh xạ khong-co.yaml: không đọc được tệp (ENOENT)',
    ])
    expect(await problemsOf(loadColumnMapping(join(dir, 'x.txt')))).toEqual([
      'Bảng ánh xạ x.txt: đuôi tệp ".txt" không được hỗ trợ; bảng ánh xạ phải là .yaml, .yml hoặc .json',
    ])
    const list = await mappingFile('list.yaml', '- a\n- b\n')
    expect(await problemsOf(loadColumnMapping(list))).toEqual([
      'Bảng ánh xạ list.yaml: nội dung phải là một đối tượng (các khóa columns, dateFormats, values…)',
    ])
    const noColumns = await mappingFile('no-columns.yaml', 'useDefaults: false\n')
    expect(await problemsOf(loadColumnMapping(noColumns))).toEqual([
      'Bảng ánh xạ no-columns.yaml, khóa columns: thiếu khóa columns: khi useDefaults là false, bảng ánh xạ phải tự khai báo các cột',
    ])
  })
})

describe('compileMapping', () => {
  it('validates mappings built in code too', () => {
    expect(() =>
      compileMapping({ columns: { A: 'MaHoSo', a: 'MaTTHC' }, dateFormats: ['dd/MM/yyyy'] })
    ).toThrow('Bảng ánh xạ truyền vào, khóa columns."a": trùng với cột "A"')
    expect(() => compileMapping({ columns: { A: 'Nope' as never }, dateFormats: [] })).toThrow(MappingError)
  })

  it('accepts the default mapping and uses 23:59:59 for date-only due dates', () => {
    const compiled = compileMapping(DEFAULT_MAPPING)
    expect(compiled.dueDateOnlyTime).toEqual({ hour: 23, minute: 59, second: 59 })
    expect(compiled.formats.length).toBe(DEFAULT_MAPPING.dateFormats.length)
    expect(parseMappingObject({ columns: { X: null } }, 'x.yaml').mapping.columns).toEqual({ X: null })
  })
})
