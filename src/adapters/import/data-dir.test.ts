import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { vnInstant } from '../../engine/time/time.js'
import {
  makeDataDir,
  PHU_THO_DIR,
  phuThoCatalog,
  readFixture,
  removeDataDirs,
} from '../../../tests/fixtures/import/data-dirs.js'
import {
  SYNTHETIC_PROCEDURES,
  SYNTHETIC_UNITS,
  syntheticDossier,
  syntheticSteps,
} from '../../../tests/fixtures/import/synthetic.js'
import { DataDirError, loadDataDir } from './data-dir.js'
import { summarizeIssues } from './issues.js'

type Raw = Record<string, unknown>

let catalog: Awaited<ReturnType<typeof phuThoCatalog>>
let envelope: { service: string; isUpdating: boolean; madonvi: string; data: Raw[] }
let stepsEnvelope: { data: Raw[] }

beforeAll(async () => {
  catalog = await phuThoCatalog()
  envelope = await readFixture('dossiers.json')
  stepsEnvelope = await readFixture('steps.json')
})
afterAll(removeDataDirs)

const ndjson = (records: unknown[]) => records.map((r) => JSON.stringify(r)).join('\n') + '\n'

describe('loadDataDir', () => {
  describe('the Phú Thọ fixture', () => {
    it('loads every file without an issue', async () => {
      const { dataset, issues, stats } = await loadDataDir(PHU_THO_DIR)
      expect(issues).toEqual([])
      expect(dataset.units).toHaveLength(3)
      expect(dataset.procedures).toHaveLength(2)
      expect(dataset.dossiers.map((d) => d.id)).toEqual(['000.00.12.H44-260812-0031', '000.00.03.H44-260805-0007'])
      expect(dataset.steps).toHaveLength(4)
      expect(dataset.petitions).toHaveLength(2)
      expect(dataset.ratings).toHaveLength(2)
      expect(dataset.syncReports).toHaveLength(2)
      expect(stats.files.map((f) => [f.file, f.records, f.accepted])).toEqual([
        ['units.json', 3, 3],
        ['procedures.json', 2, 2],
        ['steps.json', 4, 4],
        ['dossiers.json', 2, 2],
        ['petitions.json', 2, 2],
        ['ratings.json', 2, 2],
        ['sync-reports.json', 2, 2],
      ])
    })

    it('gives the second example the values its README describes', async () => {
      const { dataset } = await loadDataDir(PHU_THO_DIR)
      expect(dataset.dossiers[1]).toMatchObject({
        procedureCode: '1.004227',
        unitCode: '000.00.03.H44',
        channel: 'in_person',
        supplementRequests: [{ requestedAt: vnInstant(2026, 8, 10, 10), completedAt: vnInstant(2026, 8, 14, 14) }],
        feeTotal: 150000,
        finishedAt: vnInstant(2026, 8, 28, 11),
      })
      expect(dataset.dossiers[0]).toMatchObject({
        channel: 'online',
        vneidAuthenticated: true,
        reusesDigitizedData: true,
        hasElectronicResult: true,
      })
    })
  })

  describe('dossier file shapes', () => {
    it('gives the same dataset for an envelope, a bare array, NDJSON records and NDJSON envelopes', async () => {
      const withEnvelopeUnit = envelope.data.map((d) => ({ ...d, DonViXuLy: undefined, MaHoSo: `X${d.MaHoSo}` }))
      const envelopeWithUnit = { ...envelope, data: withEnvelopeUnit }
      const dirs = await Promise.all([
        makeDataDir({ ...catalog, 'dossiers.json': envelope, 'steps.json': stepsEnvelope }),
        makeDataDir({ ...catalog, 'dossiers.json': envelope.data, 'steps.json': stepsEnvelope.data }),
        makeDataDir({ ...catalog, 'dossiers.ndjson': ndjson(envelope.data), 'steps.ndjson': ndjson(stepsEnvelope.data) }),
        makeDataDir({ ...catalog, 'dossiers.ndjson': ndjson([envelope]), 'steps.ndjson': ndjson([stepsEnvelope]) }),
      ])
      const loaded = await Promise.all(dirs.map((dir) => loadDataDir(dir)))
      for (const { dataset, issues } of loaded) {
        expect(issues).toEqual([])
        expect(dataset).toEqual(loaded[0].dataset)
      }

      // The envelope's madonvi resolves a unit only when the records came in an envelope.
      const [inEnvelope, inArray] = await Promise.all([
        makeDataDir({ ...catalog, 'dossiers.ndjson': ndjson([envelopeWithUnit]) }),
        makeDataDir({ ...catalog, 'dossiers.json': withEnvelopeUnit }),
      ])
      expect((await loadDataDir(inEnvelope)).dataset.dossiers.map((d) => d.unitCode)).toEqual(['000.00.00.H44', '000.00.00.H44'])
      expect((await loadDataDir(inArray)).dataset.dossiers).toEqual([])
    })

    it('reports a broken NDJSON line with its line number and reads the rest', async () => {
      const lines = envelope.data.map((d) => JSON.stringify(d))
      const dir = await makeDataDir({
        ...catalog,
        'dossiers.ndjson': [lines[0], '', '{"MaHoSo": "HS-2", "MaTTHC": ', '42', lines[1]].join('\r\n'),
      })
      const { dataset, issues, stats } = await loadDataDir(dir)
      expect(dataset.dossiers).toHaveLength(2)
      expect(issues).toEqual([
        {
          severity: 'error',
          file: 'dossiers.ndjson',
          index: null,
          key: null,
          field: null,
          line: 3,
          message: expect.stringMatching(/^dossiers\.ndjson, dòng 3: nội dung không phải JSON hợp lệ \(kết thúc giữa chừng\)$/),
        },
        {
          severity: 'error',
          file: 'dossiers.ndjson',
          index: null,
          key: null,
          field: null,
          line: 4,
          message: 'dossiers.ndjson, dòng 4: dòng không phải một đối tượng JSON (hồ sơ hoặc gói dữ liệu)',
        },
      ])
      expect(stats.files.find((f) => f.file === 'dossiers.ndjson')).toMatchObject({ records: 4, accepted: 2, rejected: 2 })
    })

    it('names the line and the position of a rejected NDJSON record', async () => {
      const dir = await makeDataDir({
        ...catalog,
        'dossiers.ndjson': ndjson([envelope.data[0], { ...envelope.data[1], NgayHenTra: '2026082' }]),
      })
      const { issues } = await loadDataDir(dir)
      expect(issues).toMatchObject([{ index: 2, line: 2, key: '000.00.03.H44-260805-0007', field: 'NgayHenTra' }])
      expect(issues[0].message).toBe(
        'dossiers.ndjson, dòng 2, hồ sơ thứ 2 (MaHoSo 000.00.03.H44-260805-0007): NgayHenTra "2026082" không đúng định dạng yyyyMMddHHmmss'
      )
    })

    it('streams a large NDJSON file across many read chunks', async () => {
      const count = 3000
      const dir = await makeDataDir({
        'units.json': SYNTHETIC_UNITS,
        'procedures.json': SYNTHETIC_PROCEDURES,
        'dossiers.ndjson': ndjson(Array.from({ length: count }, (_, i) => syntheticDossier(i))),
        'steps.ndjson': ndjson(Array.from({ length: count }, (_, i) => syntheticSteps(i)).flat()),
      })
      const { dataset, issues } = await loadDataDir(dir)
      expect(issues).toEqual([])
      expect(dataset.dossiers).toHaveLength(count)
      expect(dataset.dossiers.filter((d) => d.finishedAt !== null).length).toBe(count - Math.ceil(count / 7))
    })
  })

  describe('every rejection rule of §10.2 in one file', () => {
    it('names file, position, MaHoSo and field of each rejected record and keeps the others', async () => {
      const good = (n: number, extra: Raw = {}): Raw => ({
        MaHoSo: `000.00.12.H44-260812-00${n}`,
        MaTTHC: '1.000656',
        NgayTiepNhan: '20260812081500',
        TrangThaiHoSo: '4',
        DonViXuLy: 'UBND xã Hy Cương',
        ...extra,
      })
      const records = [
        good(1),
        good(2, { MaHoSo: undefined }),
        good(3, { MaTTHC: 'TT-3' }),
        good(4, { MaHoSo: 'HS-260812-0004', DonViXuLy: 'Phòng Tư pháp' }),
        good(5, { NgayHenTra: '2024013' }),
        good(6, { DanhSachHoSoBoSung: [{ NgayTiepNhanBoSung: '20260814140000' }] }),
        good(7, { DanhSachHoSoBoSung: [{ NgayBoSung: '20260814140000', NgayTiepNhanBoSung: '20260813140000' }] }),
        good(8, { DanhSachLePhi: [{ Gia: '150,000' }] }),
        good(9),
      ]
      const dir = await makeDataDir({ ...catalog, 'dossiers.json': { service: 'DongBoHoSoMC', data: records } })
      const { dataset, issues } = await loadDataDir(dir)
      expect(dataset.dossiers.map((d) => d.id)).toEqual(['000.00.12.H44-260812-001', '000.00.12.H44-260812-009'])
      expect(issues.map((i) => [i.severity, i.index, i.key, i.field])).toEqual([
        ['error', 2, null, 'MaHoSo'],
        ['error', 3, '000.00.12.H44-260812-003', 'MaTTHC'],
        ['error', 4, 'HS-260812-0004', 'DonViXuLy'],
        ['error', 5, '000.00.12.H44-260812-005', 'NgayHenTra'],
        ['error', 6, '000.00.12.H44-260812-006', 'DanhSachHoSoBoSung[0].NgayBoSung'],
        ['error', 7, '000.00.12.H44-260812-007', 'DanhSachHoSoBoSung[0].NgayTiepNhanBoSung'],
        ['error', 8, '000.00.12.H44-260812-008', 'DanhSachLePhi[0].Gia'],
      ])
      expect(issues[3].message).toBe(
        'dossiers.json, hồ sơ thứ 5 (MaHoSo 000.00.12.H44-260812-005): NgayHenTra "2024013" không đúng định dạng yyyyMMddHHmmss'
      )
      expect(summarizeIssues(issues)).toBe('Số bản ghi bị từ chối: 7 (dossiers.json: 7). Không có cảnh báo.')
    })
  })

  describe('merging', () => {
    it('lets a later record with the same MaHoSo replace the earlier one, with a warning', async () => {
      const later = { ...envelope.data[0], TrangThaiHoSo: '10', KenhThucHien: '1' }
      const dir = await makeDataDir({ ...catalog, 'dossiers.json': [envelope.data[0], envelope.data[1], later] })
      const { dataset, issues, stats } = await loadDataDir(dir)
      expect(dataset.dossiers.map((d) => [d.id, d.channel])).toEqual([
        ['000.00.12.H44-260812-0031', 'in_person'],
        ['000.00.03.H44-260805-0007', 'in_person'],
      ])
      expect(issues).toEqual([
        {
          severity: 'warning',
          file: 'dossiers.json',
          index: 3,
          key: '000.00.12.H44-260812-0031',
          field: 'MaHoSo',
          message: 'dossiers.json, hồ sơ thứ 3 (MaHoSo 000.00.12.H44-260812-0031): MaHoSo đã có ở hồ sơ thứ 1; bản ghi sau thay thế bản ghi trước',
        },
      ])
      expect(stats.dossiersReplaced).toBe(1)
    })

    it('keeps the earlier record when the later one is rejected', async () => {
      const dir = await makeDataDir({ ...catalog, 'dossiers.json': [envelope.data[0], { ...envelope.data[0], NgayTra: 'x' }] })
      const { dataset } = await loadDataDir(dir)
      expect(dataset.dossiers[0].resultReturnedAt).toBe(vnInstant(2026, 8, 14, 9))
    })

    it('uses the steps loaded before the dossiers to derive the end time', async () => {
      const { NgayKetThucXuLy: _a, DanhSachHoSoBoSung: _b, ...header } = envelope.data[1]
      const duplicated = [...stepsEnvelope.data, stepsEnvelope.data[3]]
      const dir = await makeDataDir({ ...catalog, 'dossiers.json': [header], 'steps.json': duplicated })
      const { dataset, stats } = await loadDataDir(dir)
      expect(dataset.dossiers[0]).toMatchObject({
        finishedAt: vnInstant(2026, 8, 28, 11),
        endStatus: '9',
        supplementRequests: [{ requestedAt: vnInstant(2026, 8, 10, 10), completedAt: vnInstant(2026, 8, 14, 14) }],
      })
      expect(stats.duplicateSteps).toBe(1)
    })

    it('drops the steps of an unknown dossier with one warning per MaHoSo', async () => {
      const orphan = stepsEnvelope.data.map((s) => ({ ...s, MaHoSo: 'HS-KHONG-CO' }))
      const dir = await makeDataDir({ ...catalog, 'dossiers.json': envelope, 'steps.json': [...stepsEnvelope.data, ...orphan] })
      const { dataset, issues, stats } = await loadDataDir(dir)
      expect(dataset.steps).toHaveLength(4)
      expect(stats.orphanSteps).toBe(4)
      expect(issues).toMatchObject([{ severity: 'warning', file: 'steps.json', key: 'HS-KHONG-CO', field: 'MaHoSo' }])
      expect(issues[0].message).toBe(
        'steps.json: 4 bước xử lý của MaHoSo HS-KHONG-CO không khớp hồ sơ hợp lệ nào trong dossiers.json; bỏ qua'
      )
    })

    it('warns once per procedure code missing from procedures.json', async () => {
      const dir = await makeDataDir({
        ...catalog,
        'dossiers.json': [{ ...envelope.data[0], MaTTHC: '2.000815' }, { ...envelope.data[1], MaTTHC: '2.000815' }],
      })
      const { issues } = await loadDataDir(dir)
      expect(issues).toMatchObject([{ severity: 'warning', key: '2.000815', field: 'MaTTHC' }])
      expect(issues[0].message).toBe('dossiers.json: 2 hồ sơ có MaTTHC 2.000815 không có trong procedures.json')
    })
  })

  describe('options', () => {
    it('credits the declared unit when nothing else resolves', async () => {
      const anonymous = { ...envelope.data[0], DonViXuLy: '', MaHoSo: 'HS-1' }
      const dir = await makeDataDir({ ...catalog, 'dossiers.json': [anonymous] })
      expect((await loadDataDir(dir)).dataset.dossiers).toEqual([])
      const { dataset } = await loadDataDir(dir, { declaredUnit: '000.00.12.H44' })
      expect(dataset.dossiers[0].unitCode).toBe('000.00.12.H44')
    })

    it('refuses a declared unit that is not in units.json', async () => {
      await expect(loadDataDir(PHU_THO_DIR, { declaredUnit: '000.00.99.H44' })).rejects.toThrow(
        'Đơn vị khai báo khi nhập "000.00.99.H44" không có trong units.json'
      )
    })

    it('marks dossiers connected to the configured population database codes', async () => {
      const { dataset } = await loadDataDir(PHU_THO_DIR, { populationDatabaseCodes: ['7'] })
      expect(dataset.dossiers.map((d) => d.populationDbConnected)).toEqual([true, false])
    })
  })

  describe('folder errors', () => {
    it('throws a DataDirError naming a missing required file', async () => {
      const dir = await makeDataDir({ 'units.json': catalog['units.json'], 'dossiers.json': [] })
      const error = await loadDataDir(dir).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DataDirError)
      expect(error).toMatchObject({ name: 'DataDirError', file: 'procedures.json' })
      expect((error as Error).message).toBe(`Thiếu tệp bắt buộc procedures.json trong thư mục dữ liệu ${dir}`)
    })

    it('throws when there is no dossier file, or both formats of it', async () => {
      const none = await makeDataDir({ ...catalog })
      await expect(loadDataDir(none)).rejects.toThrow('cần dossiers.json hoặc dossiers.ndjson')
      const both = await makeDataDir({ ...catalog, 'dossiers.json': [], 'dossiers.ndjson': '' })
      await expect(loadDataDir(both)).rejects.toThrow('có cả dossiers.json và dossiers.ndjson')
    })

    it('throws when the folder does not exist or a required file is not valid JSON', async () => {
      await expect(loadDataDir('/khong/co/thu-muc')).rejects.toThrow('Không tìm thấy thư mục dữ liệu /khong/co/thu-muc')
      const broken = await makeDataDir({ ...catalog, 'units.json': '[{"code": ', 'dossiers.json': [] })
      await expect(loadDataDir(broken)).rejects.toThrow('Tệp bắt buộc units.json: nội dung không phải JSON hợp lệ')
      const wrongShape = await makeDataDir({ ...catalog, 'dossiers.json': { MaHoSo: 'HS-1' } })
      await expect(loadDataDir(wrongShape)).rejects.toThrow('Tệp bắt buộc dossiers.json: nội dung phải là một mảng hồ sơ')
    })

    it('reports an optional file that is not valid JSON as a file-level error and goes on', async () => {
      const dir = await makeDataDir({ ...catalog, 'dossiers.json': envelope, 'ratings.json': '[{' })
      const { dataset, issues } = await loadDataDir(dir)
      expect(dataset.dossiers).toHaveLength(2)
      expect(issues).toMatchObject([{ severity: 'error', file: 'ratings.json', index: null }])
      expect(issues[0].message).toBe('ratings.json: nội dung không phải JSON hợp lệ (lỗi ở ký tự thứ 3)')
    })

    it('reads the dossiers without steps when steps.json is not a step payload', async () => {
      const dir = await makeDataDir({ ...catalog, 'dossiers.json': envelope, 'steps.json': { steps: [] } })
      const { dataset, issues } = await loadDataDir(dir)
      expect(dataset.dossiers).toHaveLength(2)
      expect(dataset.steps).toEqual([])
      expect(issues).toMatchObject([{ severity: 'error', file: 'steps.json', index: null }])
      expect(issues[0].message).toBe(
        'steps.json: nội dung phải là một mảng bước xử lý hoặc gói {service, madonvi, data}'
      )
    })

    it('warns about an envelope of another service', async () => {
      const dir = await makeDataDir({ ...catalog, 'dossiers.json': { ...envelope, service: 'CapNhatTienDoHoSoMC' } })
      const { dataset, issues } = await loadDataDir(dir)
      expect(dataset.dossiers).toHaveLength(2)
      expect(issues).toMatchObject([{ severity: 'warning', field: 'service' }])
    })
  })
})
