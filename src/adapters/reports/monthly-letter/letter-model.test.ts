import { describe, expect, it } from 'vitest'
import { parsePeriod } from '../../../engine/periods/period.js'
import { vnInstant } from '../../../engine/time/time.js'
import { buildLetterModel, LetterError } from './letter-model.js'
import { readProfile, demoProfilePath, type OfficeProfile } from './profile.js'
import type { ScoreSnapshot, SnapshotUnit } from './snapshot.js'

const period = parsePeriod('2026-08')

function unit(code: string, parent: string | null, level: SnapshotUnit['level'], total: number, r33: number | null, g1: number, rank: number, peers: number): SnapshotUnit {
  return {
    code, name: `Đơn vị ${code}`, level, parent, total, max: 100, rank, peers,
    groups: [{ id: '1', name: 'Công khai, minh bạch', points: g1, max: 18 }, { id: '3', name: 'Dịch vụ công trực tuyến', points: total - g1, max: 12 }],
    indicators: [
      { code: '1.2', name: 'Tỷ lệ TTHC cập nhật, công khai đúng hạn', groupId: '1', numerator: 1, denominator: 2, ratio: 0.5, points: 2, max: 4, tracked: false },
      { code: '3.3', name: 'Tỷ lệ hồ sơ nộp trực tuyến', groupId: '3', numerator: null, denominator: null, ratio: r33, points: r33 === null ? null : 6 * r33, max: 6, tracked: false },
    ],
  }
}

function snapshot(units: SnapshotUnit[], asOf = vnInstant(2026, 9, 5, 16, 30), p = period): ScoreSnapshot {
  return {
    source: { kind: 'chiso', asOf },
    period: p,
    provisional: asOf < p.end,
    warnings: [],
    layout: {
      id: 'test', name: 'test',
      groups: [
        { id: '1', name: 'Công khai, minh bạch', max: 18, indicators: [{ code: '1.2', name: 'Tỷ lệ TTHC cập nhật, công khai đúng hạn', max: 4, tracked: false }] },
        { id: '3', name: 'Dịch vụ công trực tuyến', max: 12, indicators: [{ code: '3.3', name: 'Tỷ lệ hồ sơ nộp trực tuyến', max: 6, tracked: false }] },
      ],
    },
    units,
  }
}

function profile(): OfficeProfile {
  const p = readProfile(demoProfilePath())
  p.targets = [
    { indicator: '3.3', threshold: 0.52, text: 'Nâng tỷ lệ lên {threshold} (đạt {current}, thiếu {gap}; {below}/{units} đơn vị chưa đạt: {belowList}).', textMet: 'Duy trì {threshold} (đạt {current}).' },
    { group: '1', threshold: 0.9, text: '{code} ({name}) đạt {current}, cần {threshold}.' },
  ]
  return p
}

const units = [
  unit('P', null, 'province', 20, 0.5, 12, 1, 1),
  unit('A', 'P', 'commune', 25, 0.6, 17, 1, 2),
  unit('B', 'P', 'commune', 15, 0.3, 10, 2, 2),
]

describe('letter model', () => {
  it('states the total, the source with its time, and no rank for a unit without peers', () => {
    const m = buildLetterModel({ profile: profile(), current: snapshot(units), previous: null, unitCode: 'P', date: '2026-09-05' })
    const intro = m.body.find((b) => b.kind === 'intro')!.text
    expect(intro).toContain('tổng số điểm của tỉnh đạt 20,00/100 điểm.')
    expect(intro).toContain('theo số liệu chiso tính từ dữ liệu của đơn vị, tính đến 16 giờ 30 phút ngày 05/09/2026')
    expect(intro).not.toContain('xếp thứ')
    expect(intro).not.toContain('tạm tính')
    expect(m.body.find((b) => b.kind === 'comparison')!.text).toBe('Chưa có số liệu tháng 07/2026 để so sánh.')
  })

  it('gives the rank among peers and the comparison with the previous period', () => {
    const prev = snapshot([unit('P', null, 'province', 19, 0.5, 12, 1, 1), unit('A', 'P', 'commune', 24, 0.6, 17, 2, 2), unit('B', 'P', 'commune', 30, 0.3, 10, 1, 2)], vnInstant(2026, 9, 5), parsePeriod('2026-07'))
    const m = buildLetterModel({ profile: profile(), current: snapshot(units), previous: prev, unitCode: 'A', date: '2026-09-05' })
    expect(m.body.find((b) => b.kind === 'intro')!.text).toContain('25,00/100 điểm, xếp thứ 1/2 tỉnh, thành phố')
    expect(m.body.find((b) => b.kind === 'comparison')!.text).toBe('So với tháng 07/2026 (24,00 điểm), tổng số điểm tăng 1,00 điểm; thứ hạng tăng từ 2/2 lên 1/2.')
    expect(m.facts.previous).toEqual({ period: '2026-07', total: 24, rank: 2, peers: 2 })
  })

  it('adds the provisional note while the period is open', () => {
    const m = buildLetterModel({ profile: profile(), current: snapshot(units, vnInstant(2026, 8, 20, 9, 0)), previous: null, unitCode: 'P', date: '2026-08-21' })
    expect(m.body.find((b) => b.kind === 'intro')!.text).toContain('Kỳ đánh giá chưa kết thúc, số liệu là tạm tính và có thể thay đổi.')
    expect(m.header.placeDate).toBe('Minh Sơn, ngày 21 tháng 8 năm 2026')
  })

  it('words one directive per target from the target and the current gap', () => {
    const m = buildLetterModel({ profile: profile(), current: snapshot(units), previous: null, unitCode: 'P', date: '2026-09-05' })
    const directives = m.body.filter((b) => b.kind === 'directive').map((b) => b.text)
    expect(directives).toEqual([
      '- Nâng tỷ lệ lên 52% (đạt 50,00%, thiếu 2,00 điểm phần trăm; 1/2 đơn vị chưa đạt: Đơn vị B).',
      '- Nhóm 1 (Công khai, minh bạch) đạt 66,67%, cần 90%.',
    ])
    const met = buildLetterModel({ profile: profile(), current: snapshot(units), previous: null, unitCode: 'A', date: '2026-09-05' })
    expect(met.body.filter((b) => b.kind === 'directive')[0].text).toBe('- Duy trì 52% (đạt 60,00%).')
  })

  it('marks units below a target in the appendix with text, not only shading', () => {
    const m = buildLetterModel({ profile: profile(), current: snapshot(units), previous: null, unitCode: 'P', date: '2026-09-05' })
    const g3 = m.appendix.tables.find((t) => t.id === 'group-3')!
    const rowB = g3.rows.find((r) => r.kind === 'unit' && r.unitCode === 'B')!
    if (rowB.kind !== 'unit') throw new Error('unit row expected')
    expect(rowB.below).toBe(true)
    expect(rowB.cells[2]).toMatchObject({ text: '30,00*', value: 0.3, format: 'percent', below: true })
    expect(rowB.cells.at(-1)!.text).toBe('3.3: 30,00% < 52%')
    const rowA = g3.rows.find((r) => r.kind === 'unit' && r.unitCode === 'A')!
    expect(rowA.kind === 'unit' && rowA.below).toBe(false)
    expect(m.appendix.reference).toBe('(Kèm theo Văn bản số      /UBND-KSTT ngày 05 tháng 9 năm 2026 của UBND tỉnh Minh Sơn)')
    expect(m.appendix.title).toBe('KẾT QUẢ MỘT SỐ TIÊU CHÍ THÀNH PHẦN BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THÁNG 08/2026')
  })

  it('formats Kính gửi and Nơi nhận lists as the decree does', () => {
    const p = profile()
    const m = buildLetterModel({ profile: p, current: snapshot(units), previous: null, unitCode: 'P', date: '2026-09-05' })
    expect(m.recipients).toEqual(['- Các sở, ban, ngành tỉnh;', '- UBND các xã, phường.'])
    expect(m.distribution[0]).toBe('- Như trên;')
    expect(m.distribution.at(-1)).toBe('- Lưu: VT, KSTT.')
    p.recipients = ['Chủ tịch UBND các xã, phường']
    expect(buildLetterModel({ profile: p, current: snapshot(units), previous: null, unitCode: 'P', date: '2026-09-05' }).recipients).toEqual(['Chủ tịch UBND các xã, phường.'])
    expect(m.body.at(-1)!.text.endsWith('./.')).toBe(true)
  })

  it('refuses an unknown unit and a target group the rule set does not have', () => {
    expect(() => buildLetterModel({ profile: profile(), current: snapshot(units), previous: null, unitCode: 'Z', date: '2026-09-05' })).toThrow(LetterError)
    const p = profile()
    p.targets = [{ group: '9', threshold: 0.5, text: '{threshold}' }]
    expect(() => buildLetterModel({ profile: p, current: snapshot(units), previous: null, unitCode: 'P', date: '2026-09-05' })).toThrow(/targets\[0\].*nhóm "9"/)
  })
})
