/**
 * Directive targets: validation (Vietnamese errors naming the field), when a target applies, and
 * compliance with its gap — the k found really reaches the threshold and k − 1 does not — on small
 * readable cases scored by the real engine.
 */
import { describe, expect, it } from 'vitest'
import { parsePeriod } from '../../src/engine/periods/period.js'
import { round2 } from '../../src/engine/scoring/points.js'
import { compliance, summarize } from '../../src/engine/targets/compliance.js'
import { appliesTo, checkTarget, validateTarget, type TargetDefinition } from '../../src/engine/targets/target.js'
import { viNumber, viPercent } from '../../src/engine/targets/wording.js'
import { DEFAULT_UNITS } from '../cases/fixtures.js'
import { dossiers, ruleSets, scoreCase } from './score-helpers.js'

const D = DEFAULT_UNITS.D.code
const known = new Set(Object.values(DEFAULT_UNITS).map((u) => u.code))
const target = (over: Partial<TargetDefinition> & Pick<TargetDefinition, 'subject' | 'threshold'>): TargetDefinition => ({
  name: 'Chỉ tiêu thử', units: [D], includeSubUnits: false, from: '2026-01', to: null, source: 'Công văn thử', ...over,
})

/** Compliance of unit alias D (or another) for a target in a scored case. */
function rowOf(def: TargetDefinition, c: Parameters<typeof scoreCase>[0], alias = 'D') {
  const { report, index } = scoreCase(c)
  return compliance(def, report, [index(alias)])[0]
}

describe('gap of a ratio target: the fewest records with (num + k) / den ≥ threshold', () => {
  // Readable cases: numerator, denominator, threshold → records.
  const cases: { name: string; online: number; total: number; threshold: number; records: number }[] = [
    { name: '15/100 hồ sơ trực tuyến, chỉ tiêu 52%: cần thêm 37', online: 15, total: 100, threshold: 0.52, records: 37 },
    { name: '2/7, chỉ tiêu 52%: 4/7 ≥ 52% > 3/7', online: 2, total: 7, threshold: 0.52, records: 2 },
    { name: '2/10, chỉ tiêu 30%: 0,3 × 10 = 3,0000000000000004 nhưng 3/10 đã đạt', online: 2, total: 10, threshold: 0.3, records: 1 },
    { name: '5/10, chỉ tiêu 70%: 0,7 × 10 = 7,000000000000001 nhưng 7/10 đã đạt', online: 5, total: 10, threshold: 0.7, records: 2 },
    { name: 'chỉ tiêu 100%: phải thêm hết số còn thiếu', online: 3, total: 5, threshold: 1, records: 2 },
  ]
  for (const c of cases) {
    it(c.name, () => {
      const def = target({ subject: { kind: 'indicator', code: '3.3' }, threshold: c.threshold })
      const row = rowOf(def, { dossiers: dossiers('H', c.total, (i) => ({ channel: i < c.online ? 'online' : 'in_person' })) })
      expect(row.status).toBe('not-met')
      expect(row.met).toBe(false)
      expect(row.value).toBeCloseTo(c.online / c.total, 12)
      expect(row.gap.records).toBe(c.records)
      expect(row.gap.points).toBeNull()
      expect(row.gap.text).toBe(`cần thêm ${c.records} hồ sơ trực tuyến`)
      // k reaches the threshold, k − 1 does not (plain arithmetic, as the engine divides).
      expect((c.online + c.records) / c.total >= c.threshold).toBe(true)
      expect((c.online + c.records - 1) / c.total >= c.threshold).toBe(false)
      // And the engine agrees: with k more online dossiers the unit meets the target.
      const fixed = rowOf(def, { dossiers: dossiers('H', c.total, (i) => ({ channel: i < c.online + c.records ? 'online' : 'in_person' })) })
      expect(fixed.status).toBe('met')
      const short = rowOf(def, { dossiers: dossiers('H', c.total, (i) => ({ channel: i < c.online + c.records - 1 ? 'online' : 'in_person' })) })
      expect(short.status).toBe('not-met')
      expect(short.gap.records).toBe(1)
    })
  }

  it('already met: gap 0, text "đạt"', () => {
    const row = rowOf(target({ subject: { kind: 'indicator', code: '3.3' }, threshold: 0.52 }), { dossiers: dossiers('H', 25, (i) => ({ channel: i < 13 ? 'online' : 'in_person' })) })
    expect(row).toMatchObject({ status: 'met', met: true, value: 0.52, gap: { records: 0, points: 0, text: 'đạt' } })
  })

  it('threshold 1.0 met only at 100%', () => {
    const def = target({ subject: { kind: 'indicator', code: '3.6' }, threshold: 1 })
    const all = rowOf(def, { dossiers: dossiers('F', 3, () => ({ procedure: 'P2', paidOnline: true, feeLineCount: 1, feeTotal: 1000, hasPositiveFee: true })) })
    expect(all.status).toBe('met')
    const two = rowOf(def, { dossiers: dossiers('F', 3, (i) => ({ procedure: 'P2', paidOnline: i < 2, feeLineCount: 1, feeTotal: 1000, hasPositiveFee: true })) })
    expect(two.gap).toEqual({ records: 1, points: null, text: 'cần thêm 1 hồ sơ thanh toán trực tuyến' })
  })

  it('no denominator: "không có dữ liệu", neither met nor failed, not counted', () => {
    const def = target({ subject: { kind: 'indicator', code: '3.6' }, threshold: 0.47, units: [D] })
    const { report, index } = scoreCase({ dossiers: dossiers('H', 4) })
    const rows = compliance(def, report, [index('D')])
    expect(rows[0]).toMatchObject({ status: 'no-data', met: null, value: null, gap: { records: null, points: null } })
    expect(rows[0].gap.text).toContain('không có dữ liệu')
    expect(summarize(rows)).toEqual({ met: 0, total: 0, noData: 1 })
  })

  it('3.3 is multiplied by the sync ratio: out of reach when 1.4 is below the threshold', () => {
    const def = target({ subject: { kind: 'indicator', code: '3.3' }, threshold: 0.52 })
    // 4 of 10 synced: 3.3 can reach at most 40%.
    const row = rowOf(def, { dossiers: dossiers('H', 10, (i) => ({ channel: i < 2 ? 'online' : 'in_person', syncedToPortal: i < 4 })) })
    expect(row.status).toBe('not-met')
    expect(row.value).toBeCloseTo(0.2 * 0.4, 12)
    expect(row.gap.records).toBeNull()
    expect(row.gap.text).toBe('không đạt được 52% chỉ bằng thêm hồ sơ trực tuyến: tối đa 40% (tỷ lệ đã nhân với tỷ lệ đồng bộ 1.4)')
    // With 8 of 10 synced: (2 + k)/10 × 0.8 ≥ 0.52 → k = 5 (7/10 × 0.8 = 0.56; 6/10 × 0.8 = 0.48).
    const row2 = rowOf(def, { dossiers: dossiers('H', 10, (i) => ({ channel: i < 2 ? 'online' : 'in_person', syncedToPortal: i < 8 })) })
    expect(row2.gap.records).toBe(5)
  })

  it('petitions handled on time 100% (5.2)', () => {
    const def = target({ subject: { kind: 'indicator', code: '5.2' }, threshold: 1 })
    const row = rowOf(def, {
      petitions: [
        { id: 'K1', sent: '2026-08-03 09:00', answered: '2026-08-20 09:00', published: '2026-08-21 09:00' },
        { id: 'K2', sent: '2026-08-03 09:00', rejected: '2026-08-07 09:00' },
      ],
    })
    expect(row).toMatchObject({ status: 'not-met', value: 0.5, gap: { records: 1, text: 'cần thêm 1 phản ánh kiến nghị xử lý đúng hạn' } })
  })
})

describe('points targets', () => {
  const fee = (paid: number, n: number) => ({ dossiers: dossiers('F', n, (i) => ({ procedure: 'P2', paidOnline: i < paid, feeLineCount: 1, feeTotal: 1000, hasPositiveFee: true })) })

  it('indicator points: the points missing and the records that bring them', () => {
    // 3.6 proportional, max 6: 1 of 4 paid = 1,5 points; 6 points need all 4.
    const row = rowOf(target({ subject: { kind: 'indicator-points', code: '3.6' }, threshold: 6 }), fee(1, 4))
    expect(row).toMatchObject({ status: 'not-met', value: 1.5, gap: { records: 3, points: 4.5, text: 'thiếu 4,5 điểm (cần thêm 3 hồ sơ thanh toán trực tuyến)' } })
    // 4 points: 3/4 × 6 = 4,5 ≥ 4 > 2/4 × 6 = 3.
    expect(rowOf(target({ subject: { kind: 'indicator-points', code: '3.6' }, threshold: 4 }), fee(1, 4)).gap.records).toBe(2)
  })

  it('group and total: compared as shown (2 decimals), gap in points with a decimal comma', () => {
    const { report, index } = scoreCase(fee(1, 4))
    const u = report.units[index('D')]
    const shown = round2(u.total)
    const exact = compliance(target({ subject: { kind: 'total' }, threshold: shown }), report, [index('D')])[0]
    expect(exact.status).toBe('met')
    const above = compliance(target({ subject: { kind: 'total' }, threshold: round2(shown + 1.25) }), report, [index('D')])[0]
    expect(above.gap).toEqual({ records: null, points: 1.25, text: 'thiếu 1,25 điểm' })
    const g = u.groups.find((x) => x.id === '4')!
    const group = compliance(target({ subject: { kind: 'group', code: '4' }, threshold: 10 }), report, [index('D')])[0]
    expect(group.value).toBe(g.points)
    expect(group.gap.points).toBe(round2(10 - round2(g.points)))
  })
})

describe('validation', () => {
  const ok = { name: 'Tỷ lệ hồ sơ trực tuyến', subject: { kind: 'indicator', code: '3.3' }, threshold: 0.52, units: [D], from: '2024-01', to: '2024-12', source: 'Công văn' }
  const errorsOf = (over: Record<string, unknown>) => validateTarget({ ...ok, ...over }, known, ruleSets)

  it('accepts a good definition and normalizes it', () => {
    const c = checkTarget({ ...ok, name: '  Tỷ lệ hồ sơ trực tuyến ', units: [D, D] }, known, ruleSets)
    expect(c.errors).toEqual([])
    expect(c.definition).toEqual({ ...ok, units: [D], includeSubUnits: false })
  })

  it('names the field of each error', () => {
    expect(errorsOf({ threshold: 52 })).toEqual(['Trường threshold: 52 lớn hơn 1; tỷ lệ ghi dạng 0…1 (ví dụ 0.52 cho 52%)'])
    expect(errorsOf({ threshold: -0.1 })).toEqual(['Trường threshold: không được âm'])
    expect(errorsOf({ threshold: '52%' })[0]).toMatch(/^Trường threshold: phải là tỷ lệ từ 0 đến 1/)
    expect(errorsOf({ subject: { kind: 'indicator-points', code: '3.3' }, threshold: 7 })).toEqual(['Trường threshold: 7 lớn hơn điểm tối đa của chỉ tiêu 3.3 (6)'])
    expect(errorsOf({ subject: { kind: 'total' }, threshold: 101 })).toEqual(['Trường threshold: 101 lớn hơn tổng điểm tối đa (100)'])
    expect(errorsOf({ subject: { kind: 'group', code: '3' }, threshold: 23 })).toEqual(['Trường threshold: 23 lớn hơn điểm tối đa của nhóm 3 (22)'])
    expect(errorsOf({ from: '2024-12', to: '2024-01' })).toEqual(['Trường to: kỳ cuối 2024-01 đứng trước kỳ đầu 2024-12 (trường from)'])
    expect(errorsOf({ from: '2024-13' })[0]).toMatch(/^Trường from: Kỳ "2024-13" không hợp lệ/)
    expect(errorsOf({ from: '2024-01-01..2024-02-01' })[0]).toMatch(/^Trường from: .*khoảng ngày/)
    expect(errorsOf({ from: '2021' })[0]).toMatch(/^Trường from: kỳ 2021 bắt đầu trước khi bộ chỉ số có hiệu lực/)
    expect(errorsOf({ units: ['000.99.99.H99'] })).toEqual(['Trường units: không có đơn vị mã 000.99.99.H99'])
    expect(errorsOf({ units: [] })).toEqual(['Trường units: phải là danh sách mã đơn vị, ít nhất một đơn vị'])
    expect(errorsOf({ subject: { kind: 'indicator', code: '9.9' } })[0]).toMatch(/^Trường subject.code: chỉ tiêu "9.9" không tồn tại/)
    expect(errorsOf({ subject: { kind: 'indicator', code: '2.2' } })).toEqual(['Trường subject.code: chỉ tiêu 2.2 chỉ theo dõi, không tính điểm, nên không đặt chỉ tiêu chỉ đạo được'])
    expect(errorsOf({ subject: { kind: 'rank' } })[0]).toMatch(/^Trường subject.kind: "rank" không hợp lệ/)
    expect(errorsOf({ name: '' })).toEqual(['Trường name: thiếu tên chỉ tiêu (ví dụ "Tỷ lệ hồ sơ trực tuyến")'])
    expect(errorsOf({ colour: 'đỏ' })[0]).toMatch(/^Trường colour không được hỗ trợ/)
    expect(errorsOf({ includeSubUnits: 'có' })).toEqual(['Trường includeSubUnits: phải là true hoặc false'])
  })

  it('a group whose meaning changes between the rule sets in force is refused', () => {
    // Group 4 is "Mức độ hài lòng" in the 2022 layout and "Thanh toán trực tuyến" from 2025-07-01.
    const errs = errorsOf({ subject: { kind: 'group', code: '4' }, threshold: 5, from: '2025-01', to: '2025-12' })
    expect(errs).toHaveLength(1)
    expect(errs[0]).toMatch(/^Trường subject.code: nhóm 4 mang nghĩa khác nhau/)
    expect(errorsOf({ subject: { kind: 'group', code: '6' }, threshold: 5, from: '2024-01', to: '2024-12' })[0]).toMatch(/^Trường subject.code: nhóm 6 không có trong bộ quy tắc/)
    expect(errorsOf({ subject: { kind: 'group', code: '6' }, threshold: 5, from: '2025-07', to: null })).toEqual([])
  })

  it('maps the six targets of the Gò Dầu letter (01/2024) to indicators of the rule set in force', () => {
    const letter: [string, string, number][] = [
      ['Hồ sơ trực tuyến', '3.3', 0.52],
      ['Thanh toán trực tuyến', '3.6', 0.47],
      ['Khai thác, sử dụng lại dữ liệu số hóa', '4.3', 0.52],
      ['PAKN xử lý đúng hạn', '5.2', 1],
      ['Công bố TTHC đúng hạn', '1.1', 1],
      ['Công khai TTHC đúng hạn', '1.2', 1],
      ['Hài lòng trong tiếp nhận, giải quyết TTHC', '5.4', 0.92],
    ]
    for (const [name, code, threshold] of letter) {
      expect(errorsOf({ name, subject: { kind: 'indicator', code }, threshold, from: '2024-01', to: '2024-12' }), code).toEqual([])
    }
  })
})

describe('appliesTo', () => {
  const def = target({ subject: { kind: 'indicator', code: '3.3' }, threshold: 0.5, from: '2024-01', to: '2024-06' })
  it('a period overlapping [from, to]', () => {
    for (const p of ['2024-01', '2024-06', '2024-Q2', '2024', '2023-12-15..2024-01-02']) expect(appliesTo(def, parsePeriod(p)), p).toBe(true)
    for (const p of ['2023-12', '2024-07', '2024-Q3', '2023']) expect(appliesTo(def, parsePeriod(p)), p).toBe(false)
  })
  it('open ended', () => {
    expect(appliesTo({ ...def, to: null }, parsePeriod('2030-01'))).toBe(true)
  })
})

describe('Vietnamese numbers', () => {
  it('decimal comma, dots between thousands, no trailing zeros', () => {
    expect(viNumber(1.25)).toBe('1,25')
    expect(viNumber(0.8)).toBe('0,8')
    expect(viNumber(0.125)).toBe('0,13')
    expect(viNumber(12345.5)).toBe('12.345,5')
    expect(viNumber(37, 0)).toBe('37')
    expect(viPercent(0.52)).toBe('52%')
    expect(viPercent(0.4567)).toBe('45,67%')
  })
})
