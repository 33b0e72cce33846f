import { describe, expect, it } from 'vitest'
import { monthsOf, parsePeriod, periodTitle, previousPeriod, splitPeriod } from './period.js'
import { vnDateTime } from '../time/time.js'

describe('parsePeriod', () => {
  it('reads a month, a quarter, a year and a date range as Vietnam calendar days', () => {
    expect(parsePeriod('2026-08')).toMatchObject({ kind: 'month', firstDay: '2026-08-01', lastDay: '2026-08-31' })
    expect(parsePeriod('2026-q3')).toMatchObject({ kind: 'quarter', label: '2026-Q3', firstDay: '2026-07-01', lastDay: '2026-09-30' })
    expect(parsePeriod('2024')).toMatchObject({ kind: 'year', firstDay: '2024-01-01', lastDay: '2024-12-31' })
    expect(parsePeriod('2026-01-01..2026-03-15')).toMatchObject({ kind: 'range', lastDay: '2026-03-15' })
    expect(parsePeriod('2024-02')).toMatchObject({ lastDay: '2024-02-29' })
  })
  it('starts and ends at Vietnam midnight', () => {
    const p = parsePeriod('2026-08')
    expect(vnDateTime(p.start)).toBe('2026-08-01 00:00')
    expect(vnDateTime(p.end)).toBe('2026-09-01 00:00')
    expect(new Date(p.start).toISOString()).toBe('2026-07-31T17:00:00.000Z')
  })
  it('refuses impossible periods with the accepted forms', () => {
    expect(() => parsePeriod('2026-13')).toThrow('tháng 13 không tồn tại')
    expect(() => parsePeriod('2026-02-30..2026-03-01')).toThrow('ngày 2026-02-30 không có thật')
    expect(() => parsePeriod('2026-03-01..2026-02-01')).toThrow('ngày cuối trước ngày đầu')
    expect(() => parsePeriod('tháng 8')).toThrow('Dạng đúng: 2026-08 (tháng)')
  })
})

describe('period helpers', () => {
  it('title periods as a Vietnamese letter does', () => {
    expect(periodTitle(parsePeriod('2024-01'))).toBe('tháng 01/2024')
    expect(periodTitle(parsePeriod('2026-Q3'))).toBe('quý III/2026')
    expect(periodTitle(parsePeriod('2026'))).toBe('năm 2026')
    expect(periodTitle(parsePeriod('2026-01-01..2026-03-15'))).toBe('từ 01/01/2026 đến 15/03/2026')
  })
  it('find the previous period of the same kind', () => {
    expect(previousPeriod(parsePeriod('2026-01')).label).toBe('2025-12')
    expect(previousPeriod(parsePeriod('2026-Q1')).label).toBe('2025-Q4')
    expect(previousPeriod(parsePeriod('2026')).label).toBe('2025')
    expect(previousPeriod(parsePeriod('2026-03-01..2026-03-10')).label).toBe('2026-02-19..2026-02-28')
  })
  it('split a period at a rule-set change', () => {
    const parts = splitPeriod(parsePeriod('2025'), ['2025-07-01', '2022-06-23'])
    expect(parts.map((p) => p.label)).toEqual(['2025-01-01..2025-06-30', '2025-07-01..2025-12-31'])
    expect(splitPeriod(parsePeriod('2026-08'), ['2025-07-01'])).toHaveLength(1)
  })
  it('list the months of a period with the share of each inside it', () => {
    expect(monthsOf(parsePeriod('2026-01-17..2026-02-28'))).toEqual([{ month: '2026-01', share: 15 / 31 }, { month: '2026-02', share: 1 }])
  })
})
