import { describe, expect, it } from 'vitest'
import { describeRecord, fileIssue, formatIssue, type ImportIssue, RecordIssues, summarizeIssues } from './issues.js'

function recordIssue(severity: 'error' | 'warning', file: string, index: number, key: string, field: string, text: string): ImportIssue {
  const rec = new RecordIssues('dossier', file, index)
  rec.key = key
  if (severity === 'error') rec.error(field, text)
  else rec.warn(field, text)
  return rec.list[0]
}

describe('describeRecord', () => {
  it('names the file, the line for NDJSON, the position and the id', () => {
    expect(describeRecord('dossier', 'dossiers.json', 3, '000.00.01.H22-240105-0007')).toBe(
      'dossiers.json, hồ sơ thứ 3 (MaHoSo 000.00.01.H22-240105-0007)'
    )
    expect(describeRecord('dossier', 'dossiers.ndjson', 7, null, 9)).toBe('dossiers.ndjson, dòng 9, hồ sơ thứ 7 (không có MaHoSo)')
    expect(describeRecord('unit', 'units.json', 2, '000.00.12.H44')).toBe('units.json, đơn vị thứ 2 (code 000.00.12.H44)')
  })
})

describe('formatIssue', () => {
  it('prefixes the message with the severity in Vietnamese', () => {
    const issue = recordIssue('error', 'dossiers.json', 3, 'HS-3', 'NgayHenTra', 'NgayHenTra "2024013" không đúng định dạng yyyyMMddHHmmss')
    expect(formatIssue(issue)).toBe('Lỗi: dossiers.json, hồ sơ thứ 3 (MaHoSo HS-3): NgayHenTra "2024013" không đúng định dạng yyyyMMddHHmmss')
    expect(formatIssue({ ...issue, severity: 'warning' })).toMatch(/^Cảnh báo: /)
  })
})

describe('summarizeIssues', () => {
  it('counts rejected records once per record, per file, and warnings per file', () => {
    const issues = [
      recordIssue('error', 'dossiers.json', 3, 'HS-3', 'MaTTHC', 'a'),
      recordIssue('error', 'dossiers.json', 3, 'HS-3', 'NgayHenTra', 'b'),
      recordIssue('error', 'dossiers.json', 5, 'HS-5', 'MaTTHC', 'c'),
      recordIssue('warning', 'dossiers.json', 6, 'HS-6', 'KenhThucHien', 'd'),
      fileIssue('error', 'dossiers.ndjson', 'nội dung không phải JSON hợp lệ', 12),
      fileIssue('error', 'petitions.json', 'nội dung không phải JSON hợp lệ'),
    ]
    expect(summarizeIssues(issues)).toBe(
      'Số bản ghi bị từ chối: 3 (dossiers.json: 2; dossiers.ndjson: 1). Số lỗi cấp tệp: 1 (petitions.json: 1). Số cảnh báo: 1 (dossiers.json: 1).'
    )
  })

  it('says when nothing was rejected and nothing was warned about', () => {
    expect(summarizeIssues([])).toBe('Không có bản ghi nào bị từ chối. Không có cảnh báo.')
  })
})
