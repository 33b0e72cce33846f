import { describe, expect, it } from 'vitest'
import {
  compactOf,
  compileDateFormat,
  DateFormatError,
  DEFAULT_DATE_FORMATS,
  parseDateText,
  wallClockOfExcelDate,
  wallClockOfExcelSerial,
} from './date-formats.js'

const DEFAULTS = DEFAULT_DATE_FORMATS.map(compileDateFormat)

function compact(text: string, formats = DEFAULTS): string | null {
  const r = parseDateText(text, formats)
  return r.ok ? compactOf(r.value) : null
}

describe('compileDateFormat', () => {
  it('compiles every default format', () => {
    expect(DEFAULTS.map((f) => f.pattern)).toEqual([...DEFAULT_DATE_FORMATS])
    expect(DEFAULTS.filter((f) => !f.hasTime).map((f) => f.pattern)).toEqual(['dd/MM/yyyy', 'yyyy-MM-dd', 'd/M/yyyy'])
  })

  it.each([
    ['DD/MM/YYYY', 'ký hiệu "DD" không được hỗ trợ'],
    ['dd/MM/yy', 'ký hiệu "yy" không được hỗ trợ'],
    ['dd/MM/yyyy hh:mm', 'ký hiệu "hh" không được hỗ trợ'],
    ['dd/MM/yyyyTHH:mm', 'ký hiệu "T" không được hỗ trợ'],
    ['MM/yyyy', 'thiếu ngày (dd hoặc d)'],
    ['dd/MM/yyyy mm', 'có phút (mm) hoặc giây (ss) mà không có giờ'],
    ['dd/MM/yyyy HH', 'có giờ mà không có phút'],
    ['dd/MM/yyyy HH:ss', 'có giờ mà không có phút'],
    ['dd/dd/yyyy', 'ký hiệu dd xuất hiện hai lần'],
    ['dMyyyy', 'hai ký hiệu d và M đứng liền nhau'],
    ["dd/MM/yyyy 'lúc HH:mm", 'dấu nháy đơn mở mà không đóng'],
    ['  ', 'định dạng ngày rỗng'],
  ])('rejects %s with a Vietnamese reason', (pattern, reason) => {
    expect(() => compileDateFormat(pattern)).toThrow(DateFormatError)
    expect(() => compileDateFormat(pattern)).toThrow(reason)
  })
})

describe('parseDateText', () => {
  it('reads the default formats as wall-clock time', () => {
    expect(compact('12/08/2026 08:15:30')).toBe('20260812081530')
    expect(compact('12/08/2026 08:15')).toBe('20260812081500')
    expect(compact('12/08/2026')).toBe('20260812000000')
    expect(compact('2026-08-12 08:15:30')).toBe('20260812081530')
    expect(compact('2026-08-12 08:15')).toBe('20260812081500')
    expect(compact('2026-08-12')).toBe('20260812000000')
    expect(compact('2026-08-12T08:15:30')).toBe('20260812081530')
    expect(compact('5/8/2026 7:05')).toBe('20260805070500')
    expect(compact('20260812081530')).toBe('20260812081530')
  })

  it('lets a space match several white-space characters, and reports date-only formats', () => {
    expect(compact('12/08/2026   08:15')).toBe('20260812081500')
    expect(compact('12/08/2026\u00a008:15')).toBe('20260812081500')
    expect(parseDateText('12/08/2026', DEFAULTS)).toMatchObject({ ok: true, dateOnly: true })
    expect(parseDateText('12/08/2026 00:00', DEFAULTS)).toMatchObject({ ok: true, dateOnly: false })
  })

  it('rejects dates that do not exist, naming the first format whose shape matched', () => {
    const r = parseDateText('31/02/2026', DEFAULTS)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.format?.pattern).toBe('dd/MM/yyyy')
    expect(compact('29/02/2026')).toBeNull()
    expect(compact('29/02/2028')).toBe('20280229000000')
    expect(compact('12/08/2026 24:00')).toBeNull()
    expect(compact('12/13/2026')).toBeNull()
    expect(compact('12/08/0226')).toBeNull()
  })

  it('gives no format for text of no known shape', () => {
    const r = parseDateText('12.08.2026', DEFAULTS)
    expect(r).toEqual({ ok: false, format: null })
    expect(parseDateText('hôm qua', DEFAULTS)).toEqual({ ok: false, format: null })
  })

  it('keeps strict widths: dd needs two digits, d takes one or two', () => {
    const strict = [compileDateFormat('dd/MM/yyyy')]
    expect(compact('5/08/2026', strict)).toBeNull()
    expect(compact('05/08/2026', strict)).toBe('20260805000000')
    const loose = [compileDateFormat('d/M/yyyy')]
    expect(compact('05/08/2026', loose)).toBe('20260805000000')
    expect(compact('5/8/2026', loose)).toBe('20260805000000')
  })

  it('supports quoted literal letters', () => {
    const f = [compileDateFormat("dd-MM-yyyy HH'h'mm"), compileDateFormat("'ngày' d 'tháng' M 'năm' yyyy")]
    expect(compact('01-09-2026 08h15', f)).toBe('20260901081500')
    expect(compact('ngày 2 tháng 9 năm 2026', f)).toBe('20260902000000')
  })

  it('tries formats in order: the first that yields a real date wins', () => {
    const us = [compileDateFormat('MM/dd/yyyy'), compileDateFormat('dd/MM/yyyy')]
    expect(compact('08/12/2026', us)).toBe('20260812000000')
    expect(compact('13/12/2026', us)).toBe('20261213000000')
  })
})

describe('Excel dates', () => {
  it('reads the UTC fields of an exceljs date as Vietnam wall-clock time, whatever the process zone', () => {
    // exceljs returns a cell typed "12/08/2026 08:15" as 2026-08-12T08:15:00Z
    const w = wallClockOfExcelDate(new Date(Date.UTC(2026, 7, 12, 8, 15, 0)))
    expect(w && compactOf(w)).toBe('20260812081500')
  })

  it('rounds the floating-point error of Excel times to the second', () => {
    const w = wallClockOfExcelDate(new Date(Date.UTC(2026, 7, 12, 8, 14, 59, 999)))
    expect(w && compactOf(w)).toBe('20260812081500')
  })

  it('converts date serials of both date systems', () => {
    // 46246 = 2026-08-12 in the 1900 system; 0.34375 = 08:15
    expect(compactOf(wallClockOfExcelSerial(46246.34375, false)!)).toBe('20260812081500')
    expect(compactOf(wallClockOfExcelSerial(46246 - 1462, true)!)).toBe('20260812000000')
    expect(wallClockOfExcelSerial(0, false)).toBeNull()
    expect(wallClockOfExcelSerial(Number.NaN, false)).toBeNull()
    expect(wallClockOfExcelDate(new Date(Number.NaN))).toBeNull()
  })
})
