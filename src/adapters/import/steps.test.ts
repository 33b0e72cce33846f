import { describe, expect, it } from 'vitest'
import type { ProcessStep } from '../../engine/model.js'
import { vnInstant } from '../../engine/time/time.js'
import { normalizeStep, StepTimeline } from './steps.js'

const ref = { file: 'steps.json', index: 4 }

function step(at: string, status: string, dossierId = 'HS-1'): ProcessStep {
  return normalizeStep({ MaHoSo: dossierId, ThoiDiemXuLy: at, TrangThai: status }, ref).step!
}

describe('normalizeStep', () => {
  it('reads a CapNhatTienDoHoSoMC step with its informational fields', () => {
    const { step: s, issues } = normalizeStep(
      {
        MaHoSo: '000.00.03.H44-260805-0007',
        NguoiXuLy: 'Nguyễn Văn C',
        ThoiDiemXuLy: '20260810100000',
        PhongBanXuLy: 'Phòng Quản lý xây dựng',
        NoiDungXuLy: 'Yêu cầu bổ sung bản vẽ',
        TrangThai: '5',
        NgayBatDau: '20260806080000',
      },
      ref
    )
    expect(issues).toEqual([])
    expect(s).toEqual({
      dossierId: '000.00.03.H44-260805-0007',
      at: vnInstant(2026, 8, 10, 10),
      status: '5',
      statusRaw: '5',
      text: 'Yêu cầu bổ sung bản vẽ',
      officer: 'Nguyễn Văn C',
      department: 'Phòng Quản lý xây dựng',
    })
  })

  it('rejects a step without MaHoSo, naming the record and field', () => {
    const { step: s, issues } = normalizeStep({ ThoiDiemXuLy: '20260810100000', TrangThai: '4' }, ref)
    expect(s).toBeNull()
    expect(issues).toEqual([
      {
        severity: 'error',
        file: 'steps.json',
        index: 4,
        key: null,
        field: 'MaHoSo',
        message: 'steps.json, bước xử lý thứ 4 (không có MaHoSo): thiếu MaHoSo (mã hồ sơ)',
      },
    ])
  })

  it('rejects a missing or malformed ThoiDiemXuLy and a missing TrangThai', () => {
    expect(normalizeStep({ MaHoSo: 'HS-1', TrangThai: '4' }, ref).issues[0].field).toBe('ThoiDiemXuLy')
    const bad = normalizeStep({ MaHoSo: 'HS-1', ThoiDiemXuLy: '10/08/2026 10:00:00', TrangThai: '4' }, ref)
    expect(bad.step).toBeNull()
    expect(bad.issues[0].message).toBe(
      'steps.json, bước xử lý thứ 4 (MaHoSo HS-1): ThoiDiemXuLy "10/08/2026 10:00:00" không đúng định dạng yyyyMMddHHmmss'
    )
    expect(normalizeStep({ MaHoSo: 'HS-1', ThoiDiemXuLy: '20260810100000' }, ref).issues[0].field).toBe('TrangThai')
  })

  it('keeps an unknown TrangThai as unknown, with its raw value and a warning', () => {
    const { step: s, issues } = normalizeStep({ MaHoSo: 'HS-1', ThoiDiemXuLy: '20260810100000', TrangThai: '12' }, ref)
    expect([s?.status, s?.statusRaw]).toEqual(['unknown', '12'])
    expect(issues).toMatchObject([{ severity: 'warning', field: 'TrangThai' }])
  })

  it('keeps a step with a malformed informational date, with a warning', () => {
    const { step: s, issues } = normalizeStep(
      { MaHoSo: 'HS-1', ThoiDiemXuLy: '20260810100000', TrangThai: '4', NgayKetThucTheoQuyDinh: '2026-08-20' },
      ref
    )
    expect(s).not.toBeNull()
    expect(issues).toMatchObject([{ severity: 'warning', field: 'NgayKetThucTheoQuyDinh' }])
  })
})

describe('StepTimeline', () => {
  it('ignores a step with the same MaHoSo, time and raw status, and keeps one with another status', () => {
    const timeline = new StepTimeline()
    expect(timeline.add(step('20260810100000', '4'))).toBe(true)
    expect(timeline.add(step('20260810100000', '4'))).toBe(false)
    expect(timeline.add(step('20260810100000', '5'))).toBe(true)
    expect(timeline.add(step('20260810100000', '4', 'HS-2'))).toBe(true)
    timeline.finish()
    expect(timeline.stepsFor('HS-1')).toHaveLength(2)
    expect([timeline.size, timeline.duplicates]).toEqual([3, 1])
  })

  it('sorts each dossier by time once finished, keeping the arrival order of equal times', () => {
    const timeline = new StepTimeline()
    for (const [at, status] of [['20260812090000', '9'], ['20260805090000', '2'], ['20260805090000', '4']]) {
      timeline.add(step(at, status))
    }
    timeline.finish()
    expect(timeline.stepsFor('HS-1').map((s) => s.statusRaw)).toEqual(['2', '4', '9'])
  })

  it('still finds duplicates in a long history', () => {
    const timeline = new StepTimeline()
    for (let round = 0; round < 2; round++) {
      for (let h = 0; h < 60; h++) timeline.add(step(`202608${String(1 + Math.floor(h / 24)).padStart(2, '0')}${String(h % 24).padStart(2, '0')}0000`, '4'))
    }
    expect([timeline.size, timeline.duplicates]).toEqual([60, 60])
  })

  it('returns an empty list for a dossier without steps', () => {
    expect(new StepTimeline().stepsFor('HS-9')).toEqual([])
  })
})
