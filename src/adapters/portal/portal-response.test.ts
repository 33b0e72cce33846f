import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import {
  detectPortalGroup,
  parsePeriodText,
  parsePortalResponse,
  PortalResponseError,
  PORTAL_METRIC_CODES,
  readPortalResponse,
} from './portal-response.js'

const envelope = (data: unknown) => JSON.stringify({ code: 'OK', data, message: 'OK' })

const metric = (code: string, over: Record<string, unknown> = {}) => ({
  code,
  name: code,
  numerator: 1,
  denominator: 2,
  ratio: 50,
  score: 1,
  maxScore: 2,
  ...over,
})

const metricUnit = (id: string, type: string, level: string, codes: string[]) => ({
  departmentId: id,
  departmentName: `Đơn vị ${id}`,
  departmentType: type,
  departmentLevel: level,
  totalScore: 1,
  totalMaxScore: 18,
  ratio: 5.56,
  scoreDelta: null,
  metrics: codes.map((c) => metric(c)),
})

const metricData = (codes: string[]) => ({
  overview: metricUnit('root', 'PROVINCE', 'PROVINCE', codes),
  evaluation: [metricUnit('so', 'PROVINCIAL_DEPARTMENT', 'PROVINCE', codes), metricUnit('xa', 'COMMUNE_PEOPLE_COMMITTEE', 'COMMUNE', codes)],
})

const DIGITIZED = [
  'ORIGINAL_RESULT_AVAILABLE',
  'SO_HOA_GIAY_TO_GIAI_QUYET',
  'ELECTRONIC_CERTIFIED_COPY',
  'REUSED_DIGITIZED_DATA',
  'SYNCED_WITH_DVCQG_PERSONAL_STORAGE',
  'CITIZEN_DATA_CONNECTED_DOSSIER',
  'CITIZEN_DATA_CONNECTED_FORMALITY',
]

describe('detectPortalGroup', () => {
  it.each([
    ['transparency', ['PUBLISH_ON_TIME', 'PUBLIC_UPDATE_ON_TIME', 'PUBLIC_CONTENT_FULL', 'DOSSIER_SYNC']],
    ['handling-satisfaction', ['PETITION_CLASSIFICATION_TTHC', 'PETITION_PROCESSING_ON_TIME', 'PETITION_HANDLING_SATISFACTION', 'DOSSIER_RECEIVING_SATISFACTION', 'PETITION_CLASSIFICATION_STAFF']],
    ['dossier-digitized', DIGITIZED],
  ])('recognises the metric-shaped group %s from its codes', (group, codes) => {
    expect(detectPortalGroup(metricData(codes))).toEqual({ group, shape: 'metric' })
  })

  it('knows the seven digitization codes and their legal indicators', () => {
    expect(DIGITIZED.map((c) => PORTAL_METRIC_CODES[c].indicator)).toEqual(['4.1', '4.2', '4.6', '4.3', '4.4', '4.5b', '4.5a'])
  })

  it.each([
    ['dvc-progress-tree', { totalReceived: 10, totalOnTime: 9 }, { totalReceived: 1, totalOnTime: 1, totalOverdue: 0 }],
    ['provide-online-tree', { authorityCount: 5, partialCount: 1, fullCount: 2 }, {}],
    ['formality-online-payment-tree', { totalFeeFormality: 3, totalFeeDossierFormality: 1 }, { totalFeeFormality: 1 }],
  ])('recognises the tree-shaped group %s from its parameter names', (group, parent, child) => {
    const data = {
      parent: { departmentId: 'p', departmentName: 'Tỉnh', totalScore: 1, totalMaxScore: 10, ...parent },
      children: [{ departmentId: 'c', departmentName: 'Xã', level: 'COMMUNE', totalScore: 1, ...child }],
    }
    expect(detectPortalGroup(data)).toEqual({ group, shape: 'tree' })
  })

  it('explains why nothing fits', () => {
    expect(detectPortalGroup({ foo: 1 })).toMatchObject({ error: expect.stringContaining('không nhận ra dạng dữ liệu') })
    expect(detectPortalGroup(metricData(['SOMETHING_NEW']))).toMatchObject({ error: expect.stringContaining('SOMETHING_NEW') })
    expect(detectPortalGroup(metricData(['PUBLISH_ON_TIME', 'DOSSIER_RECEIVING_SATISFACTION']))).toMatchObject({ error: expect.stringContaining('nhiều nhóm') })
    expect(detectPortalGroup({ parent: { departmentId: 'p' }, children: [] })).toMatchObject({ error: expect.stringContaining('không có tham số') })
    expect(detectPortalGroup({ parent: { totalReceived: 1, totalFeeFormality: 1 }, children: [] })).toMatchObject({ error: expect.stringContaining('nhiều nhóm') })
    expect(detectPortalGroup([])).toMatchObject({ error: expect.stringContaining('"data"') })
  })
})

describe('parsePortalResponse', () => {
  it('normalizes a metric-shaped response, keeping data-quality fields', () => {
    const data = metricData(['PUBLISH_ON_TIME', 'DOSSIER_SYNC'])
    Object.assign(data.evaluation[0].metrics[1], {
      numerator: 0,
      denominator: 0,
      ratio: null,
      score: null,
      dataQualityStatus: 'NO_NATIONAL_REPORT_DATA',
      dataQualityMessage: 'Không có dữ liệu báo cáo tổng hợp.',
    })
    const r = parsePortalResponse(envelope(data), 'a.json')
    expect(r.group).toBe('transparency')
    expect(r.shape).toBe('metric')
    expect(r.units.map((u) => [u.unitId, u.level, u.isRoot])).toEqual([
      ['root', 'province', true],
      ['so', 'department', false],
      ['xa', 'commune', false],
    ])
    expect(r.units[1].metrics[1]).toEqual({
      code: 'DOSSIER_SYNC',
      name: 'DOSSIER_SYNC',
      numerator: 0,
      denominator: 0,
      ratio: null,
      score: null,
      maxScore: 2,
      dataQualityStatus: 'NO_NATIONAL_REPORT_DATA',
      dataQualityMessage: 'Không có dữ liệu báo cáo tổng hợp.',
    })
    expect(r.units[0].metrics[0]).not.toHaveProperty('dataQualityStatus')
    expect(r.period).toBeUndefined()
    expect(r.warnings).toEqual([])
  })

  it('keeps null numerators and denominators as null (no data published)', () => {
    const data = metricData(DIGITIZED)
    Object.assign(data.overview.metrics[2], { numerator: null, denominator: null, ratio: 100, score: 2 })
    const m = parsePortalResponse(envelope(data), 'd.json').units[0].metrics[2]
    expect(m).toMatchObject({ code: 'ELECTRONIC_CERTIFIED_COPY', numerator: null, denominator: null, score: 2 })
  })

  it('normalizes a tree-shaped response: points in totalScore or score, parameters kept', () => {
    const data = {
      parent: { departmentId: 'p', departmentName: 'UBND tỉnh', departmentCode: 'H44', totalReceived: 10, totalOnTime: 9, totalCompleted: 8, avgProcessingDays: 4.1, ratio: 90, totalScore: 18, totalMaxScore: 20 },
      children: [{ departmentId: 'c', departmentName: 'UBND xã', departmentCode: 'H44.100', level: 'COMMUNE', totalReceived: 4, totalOnTime: 3, totalOverdue: 1, ratio: 75, score: 15, maxScore: 20, scoreDelta: null }],
    }
    const r = parsePortalResponse(envelope(data), 't.json')
    expect(r.group).toBe('dvc-progress-tree')
    expect(r.units[0]).toMatchObject({ unitCode: 'H44', level: 'province', isRoot: true, totalScore: 18, totalMaxScore: 20 })
    expect(r.units[0].parameters).toEqual({ totalReceived: 10, totalOnTime: 9, totalCompleted: 8, avgProcessingDays: 4.1 })
    expect(r.units[1]).toMatchObject({ unitCode: 'H44.100', level: 'commune', portalLevel: 'COMMUNE', totalScore: 15, totalMaxScore: 20 })
    expect(r.units[1].parameters).toEqual({ totalReceived: 4, totalOnTime: 3, totalOverdue: 1 })
  })

  it('keeps a tree child without parameters (it will be reported as not recomputable)', () => {
    const data = {
      parent: { departmentId: 'p', departmentName: 'Tỉnh', authorityCount: 5, partialCount: 1, fullCount: 2, totalScore: 8, totalMaxScore: 12 },
      children: [{ departmentId: 'c', departmentName: 'Sở', level: 'PROVINCE', totalScore: 7.09, totalMaxScore: 12 }],
    }
    const r = parsePortalResponse(envelope(data), 'o.json')
    expect(r.group).toBe('provide-online-tree')
    expect(r.units[1]).toMatchObject({ level: 'department', totalScore: 7.09, parameters: {} })
  })

  it('reads the period when the saved response carries the request fields', () => {
    const month = parsePortalResponse(JSON.stringify({ code: 'OK', message: 'OK', data: { ...metricData(['DOSSIER_SYNC']), timeType: 'month', year: 2026, month: 8 } }), 'm.json')
    expect(month.period).toEqual({ kind: 'month', from: '2026-08-01', to: '2026-08-31', label: 'tháng 08/2026', source: 'response' })
    const range = parsePortalResponse(JSON.stringify({ code: 'OK', message: 'OK', request: { fromDate: '01/07/2026', toDate: '30/09/2026' }, data: metricData(['DOSSIER_SYNC']) }), 'r.json')
    expect(range.period).toMatchObject({ kind: 'range', from: '2026-07-01', to: '2026-09-30' })
  })

  it('warns when the file is only one page of the evaluation', () => {
    const data = { ...metricData(['DOSSIER_SYNC']), pagination: { total: 163, currentPage: 1, pageSize: 2, totalPages: 82 } }
    expect(parsePortalResponse(envelope(data), 'p.json').warnings[0]).toContain('2/163')
  })

  const fails = (text: string, pattern: RegExp) => {
    let error: unknown
    try {
      parsePortalResponse(text, 'du-lieu/phan-hoi.json')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PortalResponseError)
    const e = error as PortalResponseError
    expect(e.name).toBe('PortalResponseError')
    expect(e.file).toBe('du-lieu/phan-hoi.json')
    expect(e.message).toContain('du-lieu/phan-hoi.json')
    expect(e.message).toMatch(pattern)
  }

  it('rejects text that is not JSON', () => fails('{"code": "OK", ', /không phải JSON hợp lệ/))
  it('rejects JSON that is not a portal response', () => {
    fails('[1, 2]', /không phải phản hồi của Cổng DVCQG/)
    fails('{"data": {}}', /không phải phản hồi của Cổng DVCQG/)
  })
  it('rejects an error response of the portal', () => fails('{"code":"UNAUTHORIZED","data":null,"message":"Hết phiên"}', /mã lỗi "UNAUTHORIZED" \(Hết phiên\)/))
  it('rejects an unknown shape', () => fails(envelope({ rows: [] }), /không nhận ra dạng dữ liệu/))
  it('rejects unknown metric codes', () => fails(envelope(metricData(['SOMETHING_NEW'])), /không có mã chỉ số nào được nhận ra \(SOMETHING_NEW\)/))
  it('rejects a unit without id', () => {
    const data = metricData(['DOSSIER_SYNC'])
    delete (data.evaluation[1] as Partial<typeof data.overview>).departmentId
    fails(envelope(data), /data\.evaluation\[1\] thiếu "departmentId"/)
  })
  it('rejects a metric without code', () => {
    const data = metricData(['DOSSIER_SYNC'])
    data.evaluation[0].metrics.push({ ...metric('x'), code: '' })
    fails(envelope(data), /data\.evaluation\[0\]\.metrics\[1\] thiếu mã chỉ số/)
  })
})

describe('readPortalResponse', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-portal-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads a file, tolerating a byte-order mark', () => {
    const path = join(dir, 'bom.json')
    writeFileSync(path, '\ufeff' + envelope(metricData(['DOSSIER_SYNC'])))
    expect(readPortalResponse(path).group).toBe('transparency')
  })

  it('names a missing file in Vietnamese', () => {
    expect(() => readPortalResponse(join(dir, 'khong-co.json'))).toThrowError(/khong-co\.json: không tồn tại/)
    expect(() => readPortalResponse(dir)).toThrowError(/là một thư mục/)
  })
})

describe('parsePeriodText', () => {
  it.each([
    ['2026-08', { kind: 'month', from: '2026-08-01', to: '2026-08-31' }],
    ['2026-Q3', { kind: 'quarter', from: '2026-07-01', to: '2026-09-30' }],
    ['2026', { kind: 'year', from: '2026-01-01', to: '2026-12-31' }],
    ['2026-02-01..2026-02-28', { kind: 'range', from: '2026-02-01', to: '2026-02-28' }],
    ['2026-08-15', { kind: 'range', from: '2026-08-15', to: '2026-08-15' }],
  ])('reads %s', (text, expected) => {
    expect(parsePeriodText(text)).toMatchObject({ ...expected, source: 'option' })
  })
  it.each(['2026-13', '2026-Q5', 'tháng 8', '2026-02-30', '2026-09-30..2026-07-01'])('rejects %s', (text) => {
    expect(parsePeriodText(text)).toBeNull()
  })
})
