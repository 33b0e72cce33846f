import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CsvFileReader, CsvParser, type CsvRecord, detectDelimiter, splitCsvLine } from './csv.js'

function parse(text: string, delimiter = ',', pieces: number[] = []): CsvRecord[] {
  const out: CsvRecord[] = []
  const parser = new CsvParser(delimiter)
  let at = 0
  for (const size of pieces) {
    parser.push(text.slice(at, at + size), out)
    at += size
  }
  parser.push(text.slice(at), out)
  parser.end(out)
  return out
}

const fields = (records: CsvRecord[]) => records.map((r) => r.fields)

describe('CsvParser', () => {
  it('reads plain, quoted and doubled-quote fields', () => {
    expect(fields(parse('a,b,c\n1,"x, y","say ""hi"""\n'))).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
    ])
  })

  it('accepts CRLF, LF and CR line ends, and a last line without one', () => {
    expect(fields(parse('a;b\r\n1;2\n3;4\r5;6', ';'))).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ])
  })

  it('keeps line breaks inside quoted fields and numbers records by the line they start on', () => {
    const records = parse('h1,h2\r\n1,"dòng một\r\ndòng hai"\r\n2,x\r\n\r\n3,"a\nb\nc"\n4,y\n')
    expect(records.map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'h1', 'h2'],
      [2, '1', 'dòng một\r\ndòng hai'],
      [4, '2', 'x'],
      [5, ''],
      [6, '3', 'a\nb\nc'],
      [9, '4', 'y'],
    ])
  })

  it('drops a byte-order mark and keeps empty fields', () => {
    expect(fields(parse('\uFEFFMã hồ sơ,,x,\n,,,\n'))).toEqual([
      ['Mã hồ sơ', '', 'x', ''],
      ['', '', '', ''],
    ])
    expect(fields(parse('""\n'))).toEqual([['']])
  })

  it('gives the same records however the text is cut into chunks', () => {
    const text = '\uFEFFa;"b\r\nc";"d""e"\r\n"";x"y;z\r\n"q"\r'
    const whole = parse(text, ';')
    for (let cut = 1; cut < text.length; cut++) {
      expect(parse(text, ';', [cut])).toEqual(whole)
    }
    expect(parse(text, ';', Array(text.length).fill(1))).toEqual(whole)
    expect(fields(whole)).toEqual([['a', 'b\r\nc', 'd"e'], ['', 'x"y', 'z'], ['q']])
  })

  it('flags text after a closing quote, and keeps reading', () => {
    const records = parse('a,b\n"x"y,1\n2,3\n')
    expect(records[1]).toMatchObject({ line: 2, problem: { kind: 'text-after-quote', line: 2 } })
    expect(records[2]).toEqual({ fields: ['2', '3'], line: 3, problem: null })
  })

  it('reports a quote left open to the end of the file, with its line, as the last record', () => {
    const records = parse('a,b\n1,2\n3,"open\n4,5\n6,7\n')
    expect(fields(records.slice(0, 2))).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
    expect(records[2]).toEqual({ fields: [], line: 3, problem: { kind: 'unterminated-quote', line: 3, lastLine: 5 } })
  })

  it('stops at a record longer than the limit', () => {
    const out: CsvRecord[] = []
    const parser = new CsvParser(',', 100)
    parser.push('a,b\n1,"' + 'x'.repeat(60), out)
    parser.push('y'.repeat(60) + '\n2,3\n', out)
    parser.push('4,5\n', out)
    parser.end(out)
    expect(out.map((r) => r.problem?.kind ?? r.fields.join('|'))).toEqual(['a|b', 'record-too-long'])
    expect(parser.aborted).toBe(true)
  })

  it('refuses impossible delimiters', () => {
    expect(() => new CsvParser('"')).toThrow(RangeError)
    expect(() => new CsvParser(';;')).toThrow(RangeError)
  })
})

describe('detectDelimiter', () => {
  const known = new Set(['mã hồ sơ', 'phí, lệ phí', 'ngày tiếp nhận', 'stt'])
  const isHeader = (cell: string) => known.has(cell.trim().toLowerCase())

  it('picks the delimiter that splits the header into known headers, even with commas in headers', () => {
    expect(detectDelimiter('STT;Mã hồ sơ;Phí, lệ phí;Ngày tiếp nhận\n1;a;0;x', isHeader)).toBe(';')
    expect(detectDelimiter('STT,Mã hồ sơ,"Phí, lệ phí"\n', isHeader)).toBe(',')
    expect(detectDelimiter('STT\tMã hồ sơ\tNgày tiếp nhận\n', isHeader)).toBe('\t')
  })

  it('finds the header below title lines, or uses the declared header line', () => {
    const sample = 'BÁO CÁO, THÁNG 8\n\nSTT|Mã hồ sơ|Ngày tiếp nhận\n'
    expect(detectDelimiter(sample, isHeader)).toBe('|')
    expect(detectDelimiter(sample, isHeader, 3)).toBe('|')
  })

  it('falls back to the most frequent candidate, then to a comma', () => {
    expect(detectDelimiter('a;b;c,d\n', () => false)).toBe(';')
    expect(detectDelimiter('abc\n', () => false)).toBe(',')
    expect(splitCsvLine('x;"y;z"', ';')).toEqual(['x', 'y;z'])
  })
})

describe('CsvFileReader', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chiso-csv-'))
  })
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  async function records(reader: CsvFileReader): Promise<CsvRecord[]> {
    const out: CsvRecord[] = []
    for await (const r of reader.records()) out.push(r)
    return out
  }

  it('streams a large file in chunks: records arrive long before the end is read', async () => {
    const path = join(dir, 'large.csv')
    const lines = ['Mã hồ sơ;Ghi chú']
    for (let i = 0; i < 20_000; i++) lines.push(`HS-${i};"ghi chú ${i}; có ""ngoặc"""`)
    await writeFile(path, lines.join('\r\n') + '\r\n')
    const size = (await stat(path)).size
    const reader = new CsvFileReader(path, { chunkSize: 16 * 1024, isHeader: (c) => c === 'Mã hồ sơ' })
    let count = 0
    let readAtFirst = 0
    for await (const r of reader.records()) {
      if (count === 1) readAtFirst = reader.bytesRead
      count++
      if (count === 20_001) expect(r.fields).toEqual(['HS-19999', 'ghi chú 19999; có "ngoặc"'])
    }
    expect(count).toBe(20_001)
    expect(reader.delimiter).toBe(';')
    expect(readAtFirst).toBeLessThanOrEqual(16 * 1024)
    expect(reader.bytesRead).toBe(size)
  })

  it('stops at bytes that are not UTF-8, keeping the complete lines before them', async () => {
    const path = join(dir, 'latin.csv')
    await writeFile(path, Buffer.concat([Buffer.from('a,b\n1,2\n3,'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from('\n5,6\n')]))
    const out = await records(new CsvFileReader(path))
    expect(out.map((r) => r.problem?.kind ?? r.fields.join('|'))).toEqual(['a|b', '1|2', 'bad-encoding'])
    expect(out[2].problem).toMatchObject({ line: 3, encoding: 'utf-8' })
  })

  it('decodes Windows-1258 when told, and UTF-16 with a byte-order mark', async () => {
    const cp = join(dir, 'cp1258.csv')
    // "Tô" in Windows-1258: T, ô (0xF4)
    await writeFile(cp, Buffer.from([0x54, 0xf4, 0x2c, 0x78, 0x0a]))
    expect(fields(await records(new CsvFileReader(cp, { encoding: 'windows-1258' })))).toEqual([['Tô', 'x']])
    const u16 = join(dir, 'utf16.csv')
    await writeFile(u16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Mã hồ sơ\tx\r\n1\t2\r\n', 'utf16le')]))
    const reader = new CsvFileReader(u16)
    expect(fields(await records(reader))).toEqual([
      ['Mã hồ sơ', 'x'],
      ['1', '2'],
    ])
    expect([reader.encoding, reader.delimiter]).toEqual(['utf-16le', '\t'])
  })
})
