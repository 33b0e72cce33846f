import { describe, expect, it } from 'vitest'
import { readCalendarFile, shippedCalendarPath } from '../../adapters/calendar-file/load-calendar.js'
import { dayNumberOf, dayNumberStart, vnInstant } from '../time/time.js'
import {
  CalendarDataError,
  createWorkingCalendar,
  mergeCalendarData,
  parseCalendarData,
  type CalendarData,
} from './working-calendar.js'

/** The shipped data file, read once (the engine itself never reads files). */
const shipped: CalendarData = readCalendarFile(shippedCalendarPath())
const calendar = () => createWorkingCalendar(shipped)

/** shared/spec/calendar-working-days.md §4: working days per month, then the yearly total. */
const SPEC_TABLE: Record<number, number[]> = {
  2022: [19, 16, 23, 20, 20, 22, 21, 23, 20, 21, 22, 22, 249],
  2023: [16, 20, 23, 20, 20, 22, 21, 23, 19, 22, 22, 21, 249],
  2024: [22, 16, 21, 19, 23, 20, 23, 22, 19, 23, 21, 22, 251],
  2025: [17, 20, 21, 21, 20, 21, 23, 21, 20, 23, 20, 23, 250],
  2026: [21, 15, 22, 20, 20, 22, 23, 21, 20, 22, 21, 23, 250],
}

/** A valid year in the data format, to be broken by the validation tests. */
function year2028(complete: boolean): Record<string, unknown> {
  const rule = 'BLLĐ 2019 Đ.111(3), Đ.112(1)'
  return {
    complete,
    lunar: { tet: '2028-01-26', gioTo: '2028-04-04', status: 'computed' },
    off: [
      { date: '2028-01-03', name: 'Tết Dương lịch – nghỉ bù (01/01 Sat)', status: 'computed', source: rule },
      // Test fixture: an illustrative Tết window, not an official schedule.
      { date: '2028-01-24', name: 'Tết Nguyên đán', status: 'computed', source: 'test fixture' },
      { date: '2028-01-25', name: 'Tết Nguyên đán', status: 'computed', source: 'test fixture' },
      { date: '2028-01-26', name: 'Tết Nguyên đán (mùng 1)', status: 'computed', source: 'test fixture' },
      { date: '2028-01-27', name: 'Tết Nguyên đán', status: 'computed', source: 'test fixture' },
      { date: '2028-01-28', name: 'Tết Nguyên đán', status: 'computed', source: 'test fixture' },
      { date: '2028-04-04', name: 'Giỗ Tổ Hùng Vương', status: 'computed', source: rule },
      { date: '2028-05-01', name: 'Quốc tế Lao động', status: 'computed', source: rule },
      { date: '2028-05-02', name: '30/4 – nghỉ bù (30/04 Sun)', status: 'computed', source: rule },
      { date: '2028-09-01', name: 'Quốc khánh – adjacent day', status: 'computed', source: 'test fixture' },
      { date: '2028-09-04', name: 'Quốc khánh – nghỉ bù (02/09 Sat)', status: 'computed', source: rule },
    ],
    workingSaturdays: [],
  }
}

function document(years: Record<string, unknown>): Record<string, unknown> {
  return { schemaVersion: 1, timezone: 'Asia/Ho_Chi_Minh', weeklyRest: ['saturday', 'sunday'], years }
}

/** The CalendarDataError thrown by `parseCalendarData`, for assertions on its message. */
function parseError(obj: unknown, source = 'lich-2028.yaml'): CalendarDataError {
  try {
    parseCalendarData(obj, source)
  } catch (e) {
    if (e instanceof CalendarDataError) return e
    throw e
  }
  throw new Error('parseCalendarData accepted invalid data')
}

/** Day-by-day reference: Monday–Friday minus off plus make-up Saturdays, straight from the data. */
function naiveWorkingDay(data: CalendarData, day: number): boolean {
  const date = new Date(day * 86_400_000).toISOString().slice(0, 10)
  const y = data.years[date.slice(0, 4)]
  if (y?.off.some((e) => e.date === date)) return false
  if (y?.workingSaturdays.some((e) => e.date === date)) return true
  const wd = new Date(day * 86_400_000).getUTCDay()
  return wd !== 0 && wd !== 6
}

describe('working days per month (spec §4, shipped data)', () => {
  for (const [year, row] of Object.entries(SPEC_TABLE)) {
    it(`matches every month of ${year} and its total of ${row[12]}`, () => {
      const cal = calendar()
      const months = Array.from({ length: 12 }, (_, i) => cal.workingDaysInMonth(Number(year), i + 1))
      expect(months).toEqual(row.slice(0, 12))
      expect(cal.workingDaysInYear(Number(year))).toBe(row[12])
    })
  }
})

describe('isWorkingDay', () => {
  it('counts make-up Saturdays as working days', () => {
    const cal = calendar()
    for (const d of ['2026-01-10', '2026-08-22', '2024-05-04', '2025-04-26']) expect(cal.isWorkingDay(d), d).toBe(true)
  })

  it('does not count swapped weekdays', () => {
    const cal = calendar()
    for (const d of ['2026-01-02', '2026-08-31', '2024-04-29', '2025-05-02']) expect(cal.isWorkingDay(d), d).toBe(false)
  })

  it('does not count ordinary Saturdays and Sundays, and counts ordinary weekdays', () => {
    const cal = calendar()
    expect(cal.isWorkingDay('2026-01-17')).toBe(false)
    expect(cal.isWorkingDay('2026-01-18')).toBe(false)
    expect(cal.isWorkingDay('2026-01-19')).toBe(true)
  })

  it('accepts a day number as well as a YYYY-MM-DD string', () => {
    const cal = calendar()
    expect(cal.isWorkingDay(dayNumberOf('2026-02-17')!)).toBe(false)
    expect(cal.isWorkingDay(dayNumberOf('2026-02-23')!)).toBe(true)
  })

  it('rejects an impossible date with a Vietnamese message', () => {
    expect(() => calendar().isWorkingDay('2026-02-30')).toThrow('Ngày không hợp lệ: "2026-02-30"')
  })

  it('names the holiday of an off weekday, and nothing for weekends or working days', () => {
    const cal = calendar()
    expect(cal.holidayName('2026-02-17')).toBe('Tết Nguyên đán (mùng 1)')
    expect(cal.holidayName('2024-04-29')).toBe('30/4 – swapped weekday')
    expect(cal.holidayName('2026-02-14')).toBeNull()
    expect(cal.holidayName('2026-02-23')).toBeNull()
  })
})

describe('addWorkingDays', () => {
  it('puts 5 working days from Thu 12/02/2026 at the end of Thu 26/02/2026, after the Tết break', () => {
    // Fri 13/02 is day 1; Sat 14/02 – Sun 22/02 is the Tết break; Mon 23 … Thu 26/02 are days 2–5.
    expect(calendar().addWorkingDays(vnInstant(2026, 2, 12, 10, 15), 5)).toBe(vnInstant(2026, 2, 27))
  })

  it('does not count the receipt day, whatever the hour', () => {
    const cal = calendar()
    expect(cal.addWorkingDays(vnInstant(2026, 2, 12, 0, 0), 5)).toBe(vnInstant(2026, 2, 27))
    expect(cal.addWorkingDays(vnInstant(2026, 2, 12, 23, 59, 59), 5)).toBe(vnInstant(2026, 2, 27))
  })

  it('uses the Vietnam date of the start, not the UTC date', () => {
    // 00:30 on Fri 13/02 in Vietnam is still 12/02 in UTC; counting starts on Sat 14/02 (Tết),
    // so the 5 working days are Mon 23 … Fri 27/02.
    expect(calendar().addWorkingDays(vnInstant(2026, 2, 13, 0, 30), 5)).toBe(vnInstant(2026, 2, 28))
  })

  it('counts the make-up Saturday 22/08/2026 before the Quốc khánh swap', () => {
    expect(calendar().addWorkingDays(vnInstant(2026, 8, 21, 9), 1)).toBe(vnInstant(2026, 8, 23))
  })

  it('skips the swapped Monday 31/08 and Quốc khánh 01–02/09/2026', () => {
    const cal = calendar()
    // Fri 28/08 is day 1; Sat 29/08 – Wed 02/09 is off; Thu 03/09 is day 2.
    expect(cal.addWorkingDays(vnInstant(2026, 8, 27, 14), 2)).toBe(vnInstant(2026, 9, 4))
    expect(cal.addWorkingDays(vnInstant(2026, 8, 28, 14), 1)).toBe(vnInstant(2026, 9, 4))
  })

  it('ends the start day for n = 0', () => {
    expect(calendar().addWorkingDays(vnInstant(2026, 2, 14, 8), 0)).toBe(vnInstant(2026, 2, 15))
  })

  it('rounds a fractional limit up to whole working days', () => {
    const cal = calendar()
    const start = vnInstant(2026, 3, 2, 9)
    expect(cal.addWorkingDays(start, 0.5)).toBe(cal.addWorkingDays(start, 1))
    expect(cal.addWorkingDays(start, 1.5)).toBe(cal.addWorkingDays(start, 2))
    expect(cal.addWorkingDays(start, 0.1 + 0.2 + 1.7)).toBe(cal.addWorkingDays(start, 2))
  })

  it('rejects a negative or non-finite limit', () => {
    const cal = calendar()
    expect(() => cal.addWorkingDays(vnInstant(2026, 3, 2), -1)).toThrow(RangeError)
    expect(() => cal.addWorkingDays(vnInstant(2026, 3, 2), Number.NaN)).toThrow('Thời hạn không hợp lệ')
  })

  it('agrees with day-by-day counting across the table edges and years without data', () => {
    const cal = calendar()
    const starts = ['1999-12-20', '2021-12-28', '2024-02-05', '2026-12-24', '2027-12-27', '2060-12-20', '2061-01-01']
    for (const date of starts) {
      const startDay = dayNumberOf(date)!
      for (let n = 1; n <= 40; n++) {
        let day = startDay
        for (let k = 0; k < n; ) if (naiveWorkingDay(shipped, ++day)) k++
        const start = dayNumberStart(startDay) + 11 * 3_600_000
        expect(cal.addWorkingDays(start, n), `${date} + ${n}`).toBe(dayNumberStart(day + 1))
      }
    }
  })
})

describe('addCalendarDays and addHours', () => {
  it('ends the n-th calendar day after the start day, counting holidays', () => {
    const cal = calendar()
    expect(cal.addCalendarDays(vnInstant(2026, 2, 12, 10), 10)).toBe(vnInstant(2026, 2, 23))
    expect(cal.addCalendarDays(vnInstant(2026, 2, 12, 10), 0)).toBe(vnInstant(2026, 2, 13))
    expect(cal.addCalendarDays(vnInstant(2026, 2, 12, 10), 0.5)).toBe(vnInstant(2026, 2, 14))
  })

  it('adds plain elapsed hours', () => {
    expect(calendar().addHours(vnInstant(2026, 2, 16, 22), 4)).toBe(vnInstant(2026, 2, 17, 2))
  })
})

describe('workingDaysBetweenDays', () => {
  it('counts the half-open interval (from, to]: the first day is excluded, the last included', () => {
    const cal = calendar()
    expect(cal.workingDaysBetweenDays('2026-03-01', '2026-03-02')).toBe(1)
    expect(cal.workingDaysBetweenDays('2026-03-02', '2026-03-02')).toBe(0)
    expect(cal.workingDaysBetweenDays('2026-03-02', '2026-03-06')).toBe(4)
  })

  it('agrees with addWorkingDays over the Tết break', () => {
    const cal = calendar()
    expect(cal.workingDaysBetweenDays('2026-02-12', '2026-02-26')).toBe(5)
    expect(cal.workingDaysBetweenDays('2026-02-13', '2026-02-22')).toBe(0)
  })

  it('is negative when the days are reversed', () => {
    expect(calendar().workingDaysBetweenDays('2026-02-26', '2026-02-12')).toBe(-5)
  })

  it('accepts day numbers', () => {
    const cal = calendar()
    expect(cal.workingDaysBetweenDays(dayNumberOf('2026-01-01')!, dayNumberOf('2026-12-31')!)).toBe(250)
  })

  it('agrees with day-by-day counting from 1999 to 2062', () => {
    const cal = calendar()
    const from = dayNumberOf('1999-06-01')!
    const to = dayNumberOf('2062-06-01')!
    let count = 0
    for (let d = from + 1; d <= to; d++) if (naiveWorkingDay(shipped, d)) count++
    expect(cal.workingDaysBetweenDays(from, to)).toBe(count)
  })
})

describe('coverage', () => {
  it('reports 2022–2026 complete, 2027 partial and 2028 none', () => {
    const cal = calendar()
    expect([2022, 2023, 2024, 2025, 2026].map((y) => cal.coverage(y))).toEqual(Array(5).fill('complete'))
    expect(cal.coverage(2027)).toBe('partial')
    expect(cal.coverage(2028)).toBe('none')
  })

  it('warns in Vietnamese about a year without data or with partial data', () => {
    const cal = calendar()
    expect(cal.coverageWarning(2026)).toBeNull()
    expect(cal.coverageWarning(2028)).toBe(
      'Năm 2028 chưa có dữ liệu ngày nghỉ lễ; ngày làm việc tính theo thứ Hai–thứ Sáu'
    )
    expect(cal.coverageWarning(2027)).toBe(
      'Năm 2027 mới có một phần dữ liệu ngày nghỉ lễ (còn 2 mục chưa được công bố); ngày làm việc tính theo thứ Hai–thứ Sáu trừ các ngày nghỉ đã biết'
    )
  })

  it('lists no missing year while queries stay in complete years', () => {
    const cal = calendar()
    cal.addWorkingDays(vnInstant(2026, 2, 12, 10), 5)
    cal.workingDaysInMonth(2024, 5)
    expect(cal.missingYears()).toEqual([])
  })

  it('lists every incomplete year a deadline runs through', () => {
    const cal = calendar()
    // Mon 27/12/2027 + 10 working days runs into January 2028.
    cal.addWorkingDays(vnInstant(2027, 12, 27, 9), 10)
    expect(cal.missingYears()).toEqual([2027, 2028])
  })

  it('lists the years of single-day queries and ranges, including those outside the table', () => {
    const cal = calendar()
    cal.isWorkingDay('2021-06-01')
    cal.workingDaysBetweenDays('2062-12-31', '2064-01-01')
    expect(cal.missingYears()).toEqual([2021, 2063, 2064])
  })

  it('counts Monday–Friday in a year without data', () => {
    const cal = calendar()
    expect(cal.workingDaysInMonth(2028, 1)).toBe(21)
    expect(cal.isWorkingDay('2028-01-03')).toBe(true)
  })
})

describe('provisional dates', () => {
  it('does not apply Ngày Văn hóa Việt Nam 24/11/2026 by default', () => {
    const cal = calendar()
    expect(cal.provisionalApplied).toBe(false)
    expect(cal.isWorkingDay('2026-11-24')).toBe(true)
    expect(cal.workingDaysInMonth(2026, 11)).toBe(21)
  })

  it('applies 24/11/2026 and the proposed 23/11 ↔ 28/11 swap when asked', () => {
    const cal = createWorkingCalendar(shipped, { applyProvisional: true })
    expect(cal.isWorkingDay('2026-11-24')).toBe(false)
    expect(cal.holidayName('2026-11-24')).toBe('Ngày Văn hóa Việt Nam')
    expect(cal.isWorkingDay('2026-11-23')).toBe(false)
    expect(cal.isWorkingDay('2026-11-28')).toBe(true)
    // Spec §4 footnote: 21 − 24/11 − 23/11 + 28/11 = 20.
    expect(cal.workingDaysInMonth(2026, 11)).toBe(20)
    expect(cal.isWorkingDay('2027-11-24')).toBe(false)
  })
})

describe('parseCalendarData', () => {
  it('accepts the shipped data and keeps its years', () => {
    expect(Object.keys(shipped.years)).toEqual(['2022', '2023', '2024', '2025', '2026', '2027'])
    expect(shipped.years['2027'].pending).toHaveLength(2)
  })

  it('rejects a Saturday listed in "off", naming the file, the key path and the weekday', () => {
    const year = year2028(true)
    ;(year.off as Record<string, unknown>[])[3].date = '2028-01-29'
    const e = parseError(document({ '2028': year }))
    expect(e.name).toBe('CalendarDataError')
    expect(e.message).toContain(
      'lich-2028.yaml, years."2028".off[3].date: ngày 2028-01-29 là thứ Bảy; "off" chỉ ghi ngày từ thứ Hai đến thứ Sáu'
    )
    expect(e.issues).toHaveLength(1)
  })

  it('rejects a malformed date', () => {
    const year = year2028(true)
    ;(year.off as Record<string, unknown>[])[0].date = '2028-02-30'
    expect(parseError(document({ '2028': year })).message).toContain(
      'years."2028".off[0].date: "2028-02-30" không phải ngày hợp lệ; cần dạng "YYYY-MM-DD"'
    )
  })

  it('rejects a date outside its year', () => {
    const year = year2028(true)
    ;(year.off as Record<string, unknown>[])[0].date = '2027-12-31'
    expect(parseError(document({ '2028': year })).message).toContain(
      'years."2028".off[0].date: ngày 2027-12-31 không thuộc năm 2028'
    )
  })

  it('rejects a working Saturday that is not a Saturday', () => {
    const year = { ...year2028(true), workingSaturdays: [{ date: '2028-01-31', name: 'make-up', status: 'computed', source: 'x' }] }
    expect(parseError(document({ '2028': year })).message).toContain(
      'years."2028".workingSaturdays[0].date: ngày 2028-01-31 là thứ Hai, không phải thứ Bảy'
    )
  })

  it('rejects a date given as a Date object (an unquoted date read by a YAML 1.1 loader)', () => {
    const year = year2028(true)
    ;(year.off as Record<string, unknown>[])[0].date = new Date(Date.UTC(2028, 0, 3))
    expect(parseError(document({ '2028': year })).message).toContain(
      'years."2028".off[0].date: cần ngày dạng "YYYY-MM-DD" đặt trong ngoặc kép'
    )
  })

  it('rejects duplicates, unknown keys, missing keys and bad statuses, reporting all of them', () => {
    const year = year2028(true)
    const off = year.off as Record<string, unknown>[]
    off[1].date = '2028-01-03'
    off[2].status = 'official'
    delete off[4].name
    const { off: list, ...rest } = year
    const e = parseError(document({ '2028': { ...rest, false: list } }))
    expect(e.issues.map((i) => i.path)).toEqual(['years."2028".false', 'years."2028".off'])
    const e2 = parseError(document({ '2028': year }))
    expect(e2.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'years."2028".off[1].date: ngày 2028-01-03 đã ghi ở years."2028".off[0]',
      'years."2028".off[2].status: cần một trong source, secondary, computed, nhận được "official"',
      'years."2028".off[4].name: thiếu khóa bắt buộc',
    ])
    expect(e.message).toContain('khóa "off" phải đặt trong ngoặc kép')
  })

  it('rejects complete: true while decisions are still pending', () => {
    const year = { ...year2028(true), pending: [{ name: 'Tết Nguyên đán – 5 days', note: 'not announced' }] }
    expect(parseError(document({ '2028': year })).issues[0].path).toBe('years."2028".complete')
  })

  it('rejects a wrong schema version, time zone, weekly rest and year key', () => {
    const e = parseError({ schemaVersion: 2, timezone: 'UTC', weeklyRest: ['sunday'], years: { '28': year2028(true) } })
    expect(e.issues.map((i) => i.path)).toEqual(['schemaVersion', 'timezone', 'weeklyRest', 'years."28"'])
  })

  it('rejects a document that is not a mapping', () => {
    expect(parseError('2028-01-01').message).toContain('lich-2028.yaml: cần một bảng khóa–giá trị')
  })
})

describe('mergeCalendarData', () => {
  it('makes 2028 complete when a user file adds it', () => {
    const user = parseCalendarData(document({ '2028': year2028(true) }), 'lich-2028.yaml')
    const cal = createWorkingCalendar(mergeCalendarData(shipped, user))
    expect(cal.coverage(2028)).toBe('complete')
    expect(cal.coverageWarning(2028)).toBeNull()
    expect(cal.isWorkingDay('2028-01-03')).toBe(false)
    expect(cal.workingDaysInMonth(2028, 1)).toBe(15)
    expect(cal.coverage(2026)).toBe('complete')
  })

  it('replaces a year wholesale, later files winning', () => {
    const y2026 = { ...year2028(true), lunar: { tet: '2026-02-17', gioTo: '2026-04-26', status: 'computed' }, off: [] }
    const user = parseCalendarData(document({ '2026': y2026 }), 'user.yaml')
    const cal = createWorkingCalendar(mergeCalendarData(shipped, user))
    expect(cal.isWorkingDay('2026-02-17')).toBe(true)
    expect(cal.isWorkingDay('2026-01-10')).toBe(false)
    expect(cal.isWorkingDay('2025-01-01')).toBe(false)
  })
})
