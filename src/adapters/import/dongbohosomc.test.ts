import { beforeAll, describe, expect, it } from 'vitest'
import type { Dossier, ProcessStep, Unit } from '../../engine/model.js'
import { vnInstant } from '../../engine/time/time.js'
import { readFixture } from '../../../tests/fixtures/import/data-dirs.js'
import {
  buildUnitDirectory,
  createDossierContext,
  type DossierContext,
  NO_SUPPLEMENT_REQUESTS,
  normalizeDossier,
  type UnitDirectory,
} from './dongbohosomc.js'
import { normalizeStep } from './steps.js'

type Raw = Record<string, unknown>

let units: Unit[]
let directory: UnitDirectory
let examples: Raw[]
let exampleSteps: ProcessStep[]

beforeAll(async () => {
  units = await readFixture<Unit[]>('units.json')
  directory = buildUnitDirectory(units)
  examples = (await readFixture<{ data: Raw[] }>('dossiers.json')).data
  const rawSteps = (await readFixture<{ data: Raw[] }>('steps.json')).data
  exampleSteps = rawSteps.map((s, i) => normalizeStep(s, { file: 'steps.json', index: i + 1 }).step!)
})

function ctx(extra: Partial<DossierContext> = {}): DossierContext {
  return createDossierContext({ file: 'dossiers.json', units: directory, index: 3, ...extra })
}

/** A valid minimal dossier of the commune, with overrides. */
function dossier(overrides: Raw = {}): Raw {
  return {
    MaHoSo: '000.00.12.H44-260812-0040',
    MaTTHC: '1.000656',
    NgayTiepNhan: '20260812081500',
    NgayHenTra: '20260814170000',
    TrangThaiHoSo: '4',
    DonViXuLy: 'UBND xã Hy Cương',
    ...overrides,
  }
}

function accept(raw: Raw, extra: Partial<DossierContext> = {}): Dossier {
  const result = normalizeDossier(raw, ctx(extra))
  expect(result.issues.filter((i) => i.severity === 'error')).toEqual([])
  expect(result.dossier).not.toBeNull()
  return result.dossier!
}

function step(at: string, status: string, dossierId = '000.00.12.H44-260812-0040'): ProcessStep {
  return normalizeStep({ MaHoSo: dossierId, ThoiDiemXuLy: at, TrangThai: status }, { file: 'steps.json', index: 1 }).step!
}

describe('normalizeDossier', () => {
  describe('the shared examples', () => {
    it('reads the online dossier as online, VNeID-authenticated, reusing data, with an electronic result', () => {
      const { dossier: d, issues } = normalizeDossier(examples[0], ctx({ index: 1, envelopeUnit: '000.00.00.H44' }))
      expect(issues).toEqual([])
      expect(d).toEqual({
        id: '000.00.12.H44-260812-0031',
        procedureCode: '1.000656',
        unitCode: '000.00.12.H44',
        channel: 'online',
        receivedAt: vnInstant(2026, 8, 12, 8, 15),
        submittedAt: vnInstant(2026, 8, 12, 7, 45, 10),
        dueAt: vnInstant(2026, 8, 14, 17),
        finishedAt: vnInstant(2026, 8, 13, 15, 30),
        endStatus: '10',
        status: '10',
        supplementRequests: [],
        resultReturnedAt: vnInstant(2026, 8, 14, 9),
        paidOnline: false,
        feeTotal: 0,
        hasPositiveFee: false,
        feeLineCount: 0,
        hasComponentFile: true,
        reusesDigitizedData: true,
        hasComponentFromPersonalDataStore: true,
        resultPushedToPersonalDataStore: false,
        hasElectronicResult: true,
        hasCodedElectronicResult: true,
        vneidAuthenticated: true,
        populationDbConnected: false,
        syncedToPortal: null,
      } satisfies Dossier)
    })

    it('strips the local procedure suffix, keeps one completed supplement and the fee, and ends at NgayKetThucXuLy', () => {
      const { dossier: d, issues } = normalizeDossier(
        examples[1],
        ctx({ index: 2, envelopeUnit: '000.00.00.H44', steps: exampleSteps })
      )
      expect(issues).toEqual([])
      expect(d).toMatchObject({
        id: '000.00.03.H44-260805-0007',
        procedureCode: '1.004227',
        unitCode: '000.00.03.H44',
        channel: 'in_person',
        status: '9',
        endStatus: '9',
        finishedAt: vnInstant(2026, 8, 28, 11),
        dueAt: vnInstant(2026, 8, 26, 17),
        supplementRequests: [
          { requestedAt: vnInstant(2026, 8, 10, 10), completedAt: vnInstant(2026, 8, 14, 14) },
        ],
        feeTotal: 150000,
        hasPositiveFee: true,
        feeLineCount: 1,
        paidOnline: false,
        hasComponentFile: true,
        hasElectronicResult: false,
        vneidAuthenticated: false,
      })
    })

    it('resolves the second dossier unit from DonViXuLy through the directory before the MaHoSo prefix', () => {
      const other = buildUnitDirectory([
        { code: '000.00.03.H44', name: 'UBND xã khác' },
        { code: '000.00.99.H44', name: 'Sở Xây dựng - Tỉnh Phú Thọ' },
      ])
      expect(normalizeDossier(examples[1], ctx({ units: other })).dossier?.unitCode).toBe('000.00.99.H44')
    })

    it('finds the same supplement request from the steps alone when DanhSachHoSoBoSung is absent', () => {
      const { DanhSachHoSoBoSung: _dropped, ...withoutList } = examples[1]
      const d = accept(withoutList, { steps: exampleSteps })
      expect(d.supplementRequests).toEqual([
        { requestedAt: vnInstant(2026, 8, 10, 10), completedAt: vnInstant(2026, 8, 14, 14) },
      ])
    })
  })

  describe('rejections (§10.2)', () => {
    const cases: [string, Raw, string, string][] = [
      ['a missing MaHoSo', { MaHoSo: '' }, 'MaHoSo', 'dossiers.json, hồ sơ thứ 3 (không có MaHoSo): thiếu MaHoSo (mã hồ sơ)'],
      ['a missing MaTTHC', { MaTTHC: undefined }, 'MaTTHC', 'thiếu MaTTHC'],
      ['a MaTTHC without a national code', { MaTTHC: 'TTHC-01' }, 'MaTTHC', 'MaTTHC "TTHC-01" không phải mã thủ tục hành chính quốc gia'],
      ['a MaTTHC with a 5-digit number', { MaTTHC: '1.00065' }, 'MaTTHC', 'MaTTHC "1.00065"'],
      ['an unresolvable unit', { DonViXuLy: 'UBND xã Không Có', MaHoSo: 'XYZ-260812-0040' }, 'DonViXuLy', 'không xác định được đơn vị xử lý: MaDonVi trống, DonViXuLy "UBND xã Không Có" và phần đầu MaHoSo "XYZ" không khớp đơn vị nào trong units.json, và không có madonvi của gói dữ liệu hay đơn vị khai báo khi nhập'],
      ['a short NgayHenTra', { NgayHenTra: '2024013' }, 'NgayHenTra', 'dossiers.json, hồ sơ thứ 3 (MaHoSo 000.00.12.H44-260812-0040): NgayHenTra "2024013" không đúng định dạng yyyyMMddHHmmss'],
      ['an impossible NgayTiepNhan', { NgayTiepNhan: '20240230080000' }, 'NgayTiepNhan', 'NgayTiepNhan "20240230080000" không đúng định dạng'],
      ['a dd/MM/yyyy NgayNopHoSo', { NgayNopHoSo: '05/02/2024 16:30:00' }, 'NgayNopHoSo', 'NgayNopHoSo "05/02/2024 16:30:00"'],
      ['a malformed NgayKetThucXuLy', { NgayKetThucXuLy: '2026-08-13' }, 'NgayKetThucXuLy', 'NgayKetThucXuLy "2026-08-13"'],
      ['a malformed NgayTra', { NgayTra: 20260814 }, 'NgayTra', 'NgayTra 20260814'],
      ['a malformed NgayTuChoi', { NgayTuChoi: '2026081409000x' }, 'NgayTuChoi', 'NgayTuChoi "2026081409000x"'],
      ['a supplement without NgayBoSung', { DanhSachHoSoBoSung: [{ NgayBoSung: '20260810100000' }, { NgayBoSung: '', NgayTiepNhanBoSung: '20260814140000' }] }, 'DanhSachHoSoBoSung[1].NgayBoSung', 'DanhSachHoSoBoSung[1].NgayBoSung trống'],
      ['a malformed supplement date', { DanhSachHoSoBoSung: [{ NgayBoSung: '20260810', NgayTiepNhanBoSung: '' }] }, 'DanhSachHoSoBoSung[0].NgayBoSung', 'DanhSachHoSoBoSung[0].NgayBoSung "20260810" không đúng định dạng'],
      ['a supplement completed before it was requested', { DanhSachHoSoBoSung: [{ NgayBoSung: '20260814140000', NgayTiepNhanBoSung: '20260810100000' }] }, 'DanhSachHoSoBoSung[0].NgayTiepNhanBoSung', 'DanhSachHoSoBoSung[0].NgayTiepNhanBoSung "20260810100000" sớm hơn DanhSachHoSoBoSung[0].NgayBoSung "20260814140000"'],
      ['a Gia with a thousands separator', { DanhSachLePhi: [{ Gia: '150000' }, { Gia: '150.000' }] }, 'DanhSachLePhi[1].Gia', 'DanhSachLePhi[1].Gia "150.000" không phải số tiền hợp lệ'],
      ['a negative Gia', { DanhSachLePhi: [{ Gia: -5 }] }, 'DanhSachLePhi[0].Gia', 'DanhSachLePhi[0].Gia -5'],
      ['a decimal Gia', { DanhSachLePhi: [{ Gia: '1500.5' }] }, 'DanhSachLePhi[0].Gia', 'DanhSachLePhi[0].Gia "1500.5"'],
      ['no status in the header nor in the steps', { TrangThaiHoSo: '' }, 'TrangThaiHoSo', 'thiếu TrangThaiHoSo và không có bước xử lý nào'],
      ['a DongBoDVCQG other than 1/0', { DongBoDVCQG: 'có' }, 'DongBoDVCQG', 'DongBoDVCQG "có" phải là "1" hoặc "0"'],
    ]
    it.each(cases)('rejects %s, naming the field', (_name, overrides, field, message) => {
      const { dossier: d, issues } = normalizeDossier(dossier(overrides), ctx())
      expect(d).toBeNull()
      const errors = issues.filter((i) => i.severity === 'error')
      expect(errors).toHaveLength(1)
      expect(errors[0]).toMatchObject({ severity: 'error', file: 'dossiers.json', index: 3, field })
      expect(errors[0].message).toContain(message)
      expect(errors[0].key).toBe(overrides.MaHoSo === '' ? null : (overrides.MaHoSo ?? '000.00.12.H44-260812-0040'))
    })

    it('rejects a value that is not an object', () => {
      const { dossier: d, issues } = normalizeDossier('000.00.12.H44-260812-0040', ctx())
      expect(d).toBeNull()
      expect(issues[0].message).toBe('dossiers.json, hồ sơ thứ 3 (không có MaHoSo): bản ghi không phải một đối tượng JSON')
    })

    it('reports every problem of a rejected record, not only the first', () => {
      const { issues } = normalizeDossier(dossier({ MaTTHC: 'x', NgayHenTra: '1', NgayTiepNhan: '2' }), ctx())
      expect(issues.map((i) => i.field)).toEqual(['MaTTHC', 'NgayTiepNhan', 'NgayHenTra'])
    })
  })

  describe('unit resolution', () => {
    it('prefers MaDonVi, the chiso extension, over DonViXuLy', () => {
      expect(accept(dossier({ MaDonVi: '000.00.03.H44' })).unitCode).toBe('000.00.03.H44')
    })

    it('ignores an unknown MaDonVi with a warning and resolves DonViXuLy', () => {
      const { dossier: d, issues } = normalizeDossier(dossier({ MaDonVi: '000.00.77.H44' }), ctx())
      expect(d?.unitCode).toBe('000.00.12.H44')
      expect(issues).toMatchObject([{ severity: 'warning', field: 'MaDonVi' }])
    })

    it('matches DonViXuLy after NFC normalization, trimming and ignoring case', () => {
      const decomposed = '  ubnd XÃ HY CƯƠNG '.normalize('NFD')
      expect(accept(dossier({ DonViXuLy: decomposed, MaHoSo: 'HS-1' })).unitCode).toBe('000.00.12.H44')
    })

    it('falls back to the MaHoSo prefix when it is a known unit code', () => {
      expect(accept(dossier({ DonViXuLy: 'Bộ phận một cửa' , MaHoSo: '000.00.03.H44-260805-0009' })).unitCode).toBe('000.00.03.H44')
    })

    it('falls back to the envelope madonvi, then to the declared unit', () => {
      const raw = dossier({ DonViXuLy: undefined, MaHoSo: 'HS-260805-0009' })
      expect(accept(raw, { envelopeUnit: '000.00.00.H44', declaredUnit: '000.00.12.H44' }).unitCode).toBe('000.00.00.H44')
      expect(accept(raw, { envelopeUnit: '000.00.98.H44', declaredUnit: '000.00.12.H44' }).unitCode).toBe('000.00.12.H44')
    })

    it('does not resolve a name shared by two units', () => {
      const twins = buildUnitDirectory([
        { code: 'A', name: 'UBND xã Hy Cương' },
        { code: 'B', name: 'ubnd xã hy cương' },
      ])
      expect(normalizeDossier(dossier({ MaHoSo: 'HS-1' }), ctx({ units: twins })).dossier).toBeNull()
    })
  })

  describe('finishedAt', () => {
    it('takes status 9 from the steps even when a 10 step is earlier', () => {
      const steps = [step('20260813080000', '10'), step('20260814080000', '9'), step('20260815080000', '9')]
      const d = accept(dossier({ TrangThaiHoSo: '10' }), { steps })
      expect(d.finishedAt).toBe(vnInstant(2026, 8, 14, 8))
      expect(d.endStatus).toBe('9')
      expect(d.resultReturnedAt).toBe(vnInstant(2026, 8, 13, 8))
    })

    it('takes the earliest 10 step when there is no 9', () => {
      const steps = [step('20260813080000', '4'), step('20260815080000', '10'), step('20260814080000', '10')]
      const d = accept(dossier({ TrangThaiHoSo: '10' }), { steps })
      expect([d.finishedAt, d.endStatus]).toEqual([vnInstant(2026, 8, 14, 8), '10'])
    })

    it('takes the earliest of 8, 3 and 7 when there is no 9 or 10', () => {
      const steps = [step('20260816080000', '8'), step('20260815080000', '7'), step('20260817080000', '3')]
      const d = accept(dossier({ TrangThaiHoSo: '8' }), { steps })
      expect([d.finishedAt, d.endStatus]).toEqual([vnInstant(2026, 8, 15, 8), '7'])
    })

    it('prefers NgayKetThucXuLy to the steps', () => {
      const d = accept(dossier({ TrangThaiHoSo: '9', NgayKetThucXuLy: '20260820100000' }), { steps: [step('20260814080000', '9')] })
      expect([d.finishedAt, d.endStatus]).toEqual([vnInstant(2026, 8, 20, 10), '9'])
    })

    it('uses NgayTra for a header status 10 and NgayTuChoi for a header status 3 without steps', () => {
      expect(accept(dossier({ TrangThaiHoSo: '10', NgayTra: '20260815090000' })).finishedAt).toBe(vnInstant(2026, 8, 15, 9))
      const refused = accept(dossier({ TrangThaiHoSo: '3', NgayTuChoi: '20260812090000' }))
      expect([refused.finishedAt, refused.endStatus]).toEqual([vnInstant(2026, 8, 12, 9), '3'])
    })

    it('leaves an unfinished dossier with a null finishedAt', () => {
      const d = accept(dossier())
      expect([d.finishedAt, d.endStatus]).toEqual([null, null])
    })

    it('keeps NgayKetThucXuLy with a non-end status but warns', () => {
      const { dossier: d, issues } = normalizeDossier(dossier({ NgayKetThucXuLy: '20260813153000' }), ctx())
      expect(d?.finishedAt).toBe(vnInstant(2026, 8, 13, 15, 30))
      expect(d?.endStatus).toBeNull()
      expect(issues).toMatchObject([{ severity: 'warning', field: 'NgayKetThucXuLy' }])
    })
  })

  describe('supplement requests', () => {
    it('opens one request per run of TrangThai-5 steps, closed by the next other step', () => {
      const steps = [
        step('20260805090000', '2'),
        step('20260806090000', '5'),
        step('20260807090000', '5'),
        step('20260809090000', '4'),
        step('20260810090000', '5'),
        step('20260812090000', '9'),
      ]
      expect(accept(dossier(), { steps }).supplementRequests).toEqual([
        { requestedAt: vnInstant(2026, 8, 6, 9), completedAt: vnInstant(2026, 8, 9, 9) },
        { requestedAt: vnInstant(2026, 8, 10, 9), completedAt: vnInstant(2026, 8, 12, 9) },
      ])
    })

    it('leaves a request pending when the timeline ends in TrangThai 5', () => {
      const steps = [step('20260810090000', '5'), step('20260806090000', '2')]
      expect(accept(dossier(), { steps }).supplementRequests).toEqual([
        { requestedAt: vnInstant(2026, 8, 10, 9), completedAt: null },
      ])
    })

    it('prefers a non-empty DanhSachHoSoBoSung to the steps, with a missing NgayTiepNhanBoSung pending', () => {
      const d = accept(dossier({ DanhSachHoSoBoSung: [{ NgayBoSung: '20260811090000', NgayTiepNhanBoSung: '' }] }), {
        steps: [step('20260806090000', '5'), step('20260807090000', '4')],
      })
      expect(d.supplementRequests).toEqual([{ requestedAt: vnInstant(2026, 8, 11, 9), completedAt: null }])
    })

    it('shares one frozen empty array between dossiers without requests', () => {
      const a = accept(dossier())
      const b = accept(dossier({ DanhSachHoSoBoSung: [] }))
      expect(a.supplementRequests).toBe(NO_SUPPLEMENT_REQUESTS)
      expect(b.supplementRequests).toBe(NO_SUPPLEMENT_REQUESTS)
      expect(Object.isFrozen(a.supplementRequests)).toBe(true)
    })
  })

  describe('status', () => {
    it('stores an unknown status code as unknown with a warning', () => {
      const { dossier: d, issues } = normalizeDossier(dossier({ TrangThaiHoSo: '11' }), ctx())
      expect(d?.status).toBe('unknown')
      expect(issues).toMatchObject([
        {
          severity: 'warning',
          field: 'TrangThaiHoSo',
          message: 'dossiers.json, hồ sơ thứ 3 (MaHoSo 000.00.12.H44-260812-0040): TrangThaiHoSo "11" không thuộc bảng mã trạng thái 1–10; lưu là "unknown"',
        },
      ])
    })

    it('takes the status of the latest step when the header has none', () => {
      const steps = [step('20260807090000', '9'), step('20260805090000', '2')]
      expect(accept(dossier({ TrangThaiHoSo: undefined }), { steps }).status).toBe('9')
    })

    it('accepts a status sent as a JSON number', () => {
      expect(accept(dossier({ TrangThaiHoSo: 10 })).status).toBe('10')
    })
  })

  describe('channel, payment, flags and extension fields', () => {
    it('maps KenhThucHien 1/2/3, counts a missing channel as in person and warns on other codes', () => {
      expect(accept(dossier({ KenhThucHien: '1' })).channel).toBe('in_person')
      expect(accept(dossier({ KenhThucHien: 2 })).channel).toBe('online')
      expect(accept(dossier({ KenhThucHien: '3' })).channel).toBe('postal')
      expect(accept(dossier({ KenhThucHien: '' })).channel).toBe('in_person')
      const { dossier: d, issues } = normalizeDossier(dossier({ KenhThucHien: '4' }), ctx())
      expect(d?.channel).toBe('in_person')
      expect(issues).toMatchObject([{ severity: 'warning', field: 'KenhThucHien' }])
    })

    it('counts DuocThanhToanTrucTuyen 1 and 2 as paid online, 0 and 3 silently not, others with a warning', () => {
      expect(accept(dossier({ DuocThanhToanTrucTuyen: '1' })).paidOnline).toBe(true)
      expect(accept(dossier({ DuocThanhToanTrucTuyen: '2' })).paidOnline).toBe(true)
      expect(normalizeDossier(dossier({ DuocThanhToanTrucTuyen: '3' }), ctx()).issues).toEqual([])
      const { dossier: d, issues } = normalizeDossier(dossier({ DuocThanhToanTrucTuyen: 'x' }), ctx())
      expect(d?.paidOnline).toBe(false)
      expect(issues).toMatchObject([{ severity: 'warning', field: 'DuocThanhToanTrucTuyen' }])
    })

    it('ignores deleted components, whatever the case of IsDeleted', () => {
      const d = accept(
        dossier({
          TaiLieuNop: [
            { IsDeleted: 'TRUE', DuongDanTaiTepTin: 'https://x/1.pdf', DuocTaiSuDung: '2', DuocLayTuKhoDMQG: '1' },
            { IsDeleted: 'False', DuongDanTaiTepTin: '  ', DuocSoHoa: '0' },
          ],
        })
      )
      expect([d.hasComponentFile, d.reusesDigitizedData, d.hasComponentFromPersonalDataStore]).toEqual([false, false, false])
    })

    it('counts a component reused with replacement (DuocTaiSuDung 2) as reuse', () => {
      expect(accept(dossier({ TaiLieuNop: [{ IsDeleted: 'False', DuocTaiSuDung: '2' }] })).reusesDigitizedData).toBe(true)
    })

    it('warns on a component flag outside its code table and counts it as 0', () => {
      const { dossier: d, issues } = normalizeDossier(dossier({ TaiLieuNop: [{ DuocLayTuKhoDMQG: 'có' }] }), ctx())
      expect(d?.hasComponentFromPersonalDataStore).toBe(false)
      expect(issues).toMatchObject([{ severity: 'warning', field: 'TaiLieuNop[0].DuocLayTuKhoDMQG' }])
    })

    it('tells an electronic result with a code from one with a link only', () => {
      const linkOnly = accept(dossier({ DanhSachGiayToKetQua: [{ DuongDanTepTinKetQua: 'https://x/kq.pdf', MaGiayToKetQua: '' }] }))
      expect([linkOnly.hasElectronicResult, linkOnly.hasCodedElectronicResult]).toEqual([true, false])
    })

    it('marks the population database only for configured MaCSDL codes, in either shape', () => {
      const raw = dossier({ DSKetNoiCSDL: [{ MaCSDL: '7' }] })
      expect(accept(raw).populationDbConnected).toBe(false)
      expect(accept(raw, { populationDatabaseCodes: new Set(['7']) }).populationDbConnected).toBe(true)
      expect(accept(dossier({ MaCSDL: 7 }), { populationDatabaseCodes: new Set(['7']) }).populationDbConnected).toBe(true)
      expect(accept(dossier({ MaCSDLDaKetNoi: '1' }), { populationDatabaseCodes: new Set(['7']) }).populationDbConnected).toBe(false)
    })

    it('reads DongBoDVCQG and KetQuaDayVaoKhoDMQG, leaving syncedToPortal null when absent', () => {
      expect(accept(dossier()).syncedToPortal).toBeNull()
      expect(accept(dossier({ DongBoDVCQG: '1' })).syncedToPortal).toBe(true)
      expect(accept(dossier({ DongBoDVCQG: '0' })).syncedToPortal).toBe(false)
      expect(accept(dossier({ KetQuaDayVaoKhoDMQG: '1' })).resultPushedToPersonalDataStore).toBe(true)
      expect(accept(dossier({ KetQuaDayVaoKhoDMQG: '0' })).resultPushedToPersonalDataStore).toBe(false)
    })

    it('stores a dossier without receipt and submission dates, with a warning', () => {
      const { dossier: d, issues } = normalizeDossier(dossier({ NgayTiepNhan: '' }), ctx())
      expect(d?.receivedAt).toBeNull()
      expect(issues).toMatchObject([{ severity: 'warning', field: 'NgayTiepNhan' }])
    })
  })
})
