import { describe, expect, it } from 'vitest'
import { parseCompactVnDateTime, vnInstant } from '../../engine/time/time.js'
import { codeOf, parseLooseDateTime, parsePayloadDate, quote } from './parse-values.js'

describe('parsePayloadDate', () => {
  it('reads yyyyMMddHHmmss as Vietnam wall-clock time', () => {
    expect(parsePayloadDate('20260805093000')).toBe(vnInstant(2026, 8, 5, 9, 30))
  })

  it('gives the same result as parseCompactVnDateTime on valid, empty and malformed values', () => {
    const samples: unknown[] = [
      '', null, undefined, ' ', '20240229235959', '20230229000000', '20240230080000', '20241301000000',
      '20240101240000', '20240101006000', '20240101000060', '2024013', '05/02/2024 16:30:00',
      '2024010100000a', ' 20240101000000', 20240101083000, {}, true, '00990101000000', '19000229000000',
    ]
    let seed = 7
    for (let i = 0; i < 2000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      samples.push(String(1990 + (seed % 60)) + String(seed).padStart(10, '0').slice(-10))
    }
    for (const s of samples) expect(parsePayloadDate(s), String(s)).toBe(parseCompactVnDateTime(s))
  })
})

describe('parseLooseDateTime', () => {
  it('applies an explicit offset other than +07:00', () => {
    expect(parseLooseDateTime('2026-08-03T04:12:00+02:00')).toBe(vnInstant(2026, 8, 3, 9, 12))
    expect(parseLooseDateTime('2026-08-02T21:12:00-05:00')).toBe(vnInstant(2026, 8, 3, 9, 12))
  })

  it('gives null for empty values and malformed for other types', () => {
    expect([parseLooseDateTime(''), parseLooseDateTime(null), parseLooseDateTime(undefined)]).toEqual([null, null, null])
    expect(parseLooseDateTime(true)).toBe('malformed')
  })
})

describe('codeOf', () => {
  it('trims strings, turns numbers into decimal strings and refuses other values', () => {
    expect([codeOf(' 2 '), codeOf(2), codeOf(null), codeOf(undefined), codeOf(true), codeOf({})]).toEqual([
      '2', '2', '', '', null, null,
    ])
  })
})

describe('quote', () => {
  it('quotes strings, writes other values as JSON and shortens long values', () => {
    expect([quote('a'), quote(5), quote(undefined)]).toEqual(['"a"', '5', '(không có)'])
    expect(quote('x'.repeat(200))).toHaveLength(78)
  })
})
