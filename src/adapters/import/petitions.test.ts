import { describe, expect, it } from 'vitest'
import { vnInstant } from '../../engine/time/time.js'
import { parsePetitions, parseRatings, parseSyncReports } from './petitions.js'

const refs = { units: new Set(['000.00.12.H44']), dossiers: new Set(['000.00.12.H44-260812-0031']) }
const petition = { id: 'PAKN-1', unitCode: '000.00.12.H44', sentAt: '2026-08-03T09:12:00+07:00' }

describe('parsePetitions', () => {
  it.each([
    ['ISO with +07:00', '2026-08-03T09:12:00+07:00'],
    ['ISO with Z', '2026-08-03T02:12:00Z'],
    ['ISO without seconds nor offset (Vietnam time)', '2026-08-03T09:12'],
    ['ISO with milliseconds and Z', '2026-08-03T02:12:00.000Z'],
    ['a space and no offset (Vietnam time)', '2026-08-03 09:12:00'],
    ['a space without seconds', '2026-08-03 09:12'],
    ['the payload format yyyyMMddHHmmss', '20260803091200'],
  ])('reads a date-time written as %s', (_name, sentAt) => {
    const { petitions, issues } = parsePetitions([{ ...petition, sentAt }], refs)
    expect(issues).toEqual([])
    expect(petitions[0].sentAt).toBe(vnInstant(2026, 8, 3, 9, 12))
  })

  it.each([
    ['a date only', '2026-08-03'],
    ['a day-first date', '03/08/2026 09:12'],
    ['an impossible date', '2026-02-30T09:12'],
    ['a 24th hour', '2026-08-03 24:00'],
  ])('rejects %s, naming the field', (_name, answeredAt) => {
    const { petitions, issues } = parsePetitions([petition, { ...petition, id: 'PAKN-2', answeredAt }], refs)
    expect(petitions.map((p) => p.id)).toEqual(['PAKN-1'])
    expect(issues).toMatchObject([{ severity: 'error', file: 'petitions.json', index: 2, key: 'PAKN-2', field: 'answeredAt' }])
    expect(issues[0].message).toContain(`answeredAt "${answeredAt}" không đúng định dạng ngày giờ`)
  })

  it('fills the defaults of a minimal petition', () => {
    expect(parsePetitions([petition], refs).petitions[0]).toEqual({
      id: 'PAKN-1',
      unitCode: '000.00.12.H44',
      sentAt: vnInstant(2026, 8, 3, 9, 12),
      forwardedAt: null,
      answeredAt: null,
      rejectedAt: null,
      supplementRequestedAt: null,
      publishedAt: null,
      category: null,
      likes: 0,
      dislikes: 0,
      repeatedComplaint: false,
      dossierId: null,
    })
  })

  it('requires id, unitCode and sentAt', () => {
    const { petitions, issues } = parsePetitions([{ category: 'staff' }], refs)
    expect(petitions).toEqual([])
    expect(issues.map((i) => i.field)).toEqual(['id', 'unitCode', 'sentAt'])
    expect(issues[0].message).toBe('petitions.json, phản ánh, kiến nghị thứ 1 (không có id): thiếu id (mã phản ánh, kiến nghị)')
  })

  it('rejects counts and flags of the wrong type', () => {
    const { issues } = parsePetitions([{ ...petition, likes: -1, dislikes: '2', repeatedComplaint: 'no' }], refs)
    expect(issues.map((i) => i.field)).toEqual(['likes', 'dislikes', 'repeatedComplaint'])
  })

  it('keeps a petition of an unknown unit or dossier, or with an unknown category, with warnings', () => {
    const { petitions, issues } = parsePetitions(
      [{ ...petition, unitCode: '000.00.99.H44', dossierId: 'HS-X', category: 'khác' }],
      refs
    )
    expect(petitions[0]).toMatchObject({ category: null, dossierId: 'HS-X' })
    expect(issues.map((i) => [i.severity, i.field])).toEqual([
      ['warning', 'category'],
      ['warning', 'unitCode'],
      ['warning', 'dossierId'],
    ])
  })

  it('lets a later petition with the same id replace the earlier one, with a warning', () => {
    const { petitions, issues } = parsePetitions([petition, { ...petition, likes: 3 }], refs)
    expect(petitions).toHaveLength(1)
    expect(petitions[0].likes).toBe(3)
    expect(issues).toMatchObject([{ severity: 'warning', index: 2, field: 'id' }])
  })
})

describe('parseRatings', () => {
  it('reads ratings with and without a time', () => {
    const { ratings, issues } = parseRatings(
      [
        { dossierId: '000.00.12.H44-260812-0031', ratedAt: '2026-08-14 10:05', satisfied: true },
        { dossierId: '000.00.12.H44-260812-0031', satisfied: false },
      ],
      refs
    )
    expect(issues).toEqual([])
    expect(ratings).toEqual([
      { dossierId: '000.00.12.H44-260812-0031', at: vnInstant(2026, 8, 14, 10, 5), satisfied: true },
      { dossierId: '000.00.12.H44-260812-0031', at: null, satisfied: false },
    ])
  })

  it('rejects a satisfied that is not a JSON boolean and a malformed ratedAt', () => {
    const { ratings, issues } = parseRatings(
      [
        { dossierId: '000.00.12.H44-260812-0031', satisfied: 'true' },
        { dossierId: '000.00.12.H44-260812-0031', ratedAt: '14/08/2026', satisfied: true },
      ],
      refs
    )
    expect(ratings).toEqual([])
    expect(issues.map((i) => [i.index, i.field])).toEqual([
      [1, 'satisfied'],
      [2, 'ratedAt'],
    ])
    expect(issues[0].message).toBe(
      'ratings.json, đánh giá thứ 1 (dossierId 000.00.12.H44-260812-0031): satisfied "true" phải là true hoặc false (kiểu boolean của JSON)'
    )
  })

  it('keeps a rating of a dossier that was not imported, with a warning', () => {
    const { ratings, issues } = parseRatings([{ dossierId: 'HS-X', satisfied: true }], refs)
    expect(ratings).toHaveLength(1)
    expect(issues).toMatchObject([{ severity: 'warning', field: 'dossierId' }])
  })
})

describe('parseSyncReports', () => {
  it('reads counts that may be null', () => {
    const { syncReports, issues } = parseSyncReports(
      [{ unitCode: '000.00.12.H44', month: '2026-08', receivedNationalReport: 42, receivedPortal: null }],
      refs
    )
    expect(issues).toEqual([])
    expect(syncReports).toEqual([
      { unitCode: '000.00.12.H44', month: '2026-08', receivedNationalReport: 42, receivedPortal: null },
    ])
  })

  it('rejects a month that is not YYYY-MM and a negative count', () => {
    const { syncReports, issues } = parseSyncReports(
      [
        { unitCode: '000.00.12.H44', month: '2026-13', receivedPortal: 1 },
        { unitCode: '000.00.12.H44', month: '2026-08', receivedPortal: -1 },
      ],
      refs
    )
    expect(syncReports).toEqual([])
    expect(issues.map((i) => [i.index, i.field])).toEqual([
      [1, 'month'],
      [2, 'receivedPortal'],
    ])
  })

  it('lets a later report of the same unit and month replace the earlier one', () => {
    const { syncReports, issues } = parseSyncReports(
      [
        { unitCode: '000.00.12.H44', month: '2026-08', receivedPortal: 1 },
        { unitCode: '000.00.12.H44', month: '2026-08', receivedPortal: 2 },
      ],
      refs
    )
    expect(syncReports.map((r) => r.receivedPortal)).toEqual([2])
    expect(issues).toMatchObject([{ severity: 'warning', index: 2 }])
  })
})
