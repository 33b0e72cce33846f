import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { runPortalRescore, summaryLine } from './index.js'

const RULES_DIR = fileURLToPath(new URL('../../../rules', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'chiso-rescore-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function write(name: string, body: string): string {
  const path = join(dir, name)
  writeFileSync(path, body)
  return path
}

// 1.3 at 87/89 on a 2-point proportional rule is 1.955…, published 1.96 (data of August 2026).
const metric = (code: string, numerator: number, denominator: number, score: number | null, maxScore: number) => ({ code, name: code, numerator, denominator, ratio: null, score, maxScore })
const transparency = (score13: number) =>
  JSON.stringify({
    code: 'OK',
    message: 'OK',
    data: {
      overview: {
        departmentId: 'root',
        departmentName: 'UBND tỉnh Phú Thọ',
        departmentType: 'PROVINCE',
        departmentLevel: 'PROVINCE',
        totalScore: score13,
        totalMaxScore: 18,
        metrics: [metric('PUBLISH_ON_TIME', 0, 0, null, 6), metric('PUBLIC_UPDATE_ON_TIME', 0, 0, null, 4), metric('PUBLIC_CONTENT_FULL', 87, 89, score13, 2), metric('DOSSIER_SYNC', 0, 0, null, 6)],
      },
      evaluation: [],
    },
  })

describe('runPortalRescore', () => {
  it('prints an aligned table with Vietnamese headers and the summary line', () => {
    const { output, exitCode } = runPortalRescore(write('ok.json', transparency(1.96)), { format: 'table', rulesDir: RULES_DIR })
    expect(exitCode).toBe(0)
    const lines = output.split('\n')
    const header = lines.find((l) => l.startsWith('Đơn vị'))!
    for (const h of ['Cấp', 'Chỉ tiêu', 'Tử số', 'Mẫu số', 'Điểm Cổng', 'Điểm chiso', 'Chênh lệch', 'Kết quả', 'Ghi chú']) expect(header).toContain(h)
    const row = lines.find((l) => l.includes('1.3 (PUBLIC_CONTENT_FULL)'))!
    expect(row).toMatch(/87\s+89\s+1,96\s+1,96\s+0,00\s+Khớp/)
    // Columns are aligned: the score column ends at the same place on every line.
    expect(row.indexOf('Khớp')).toBe(header.indexOf('Kết quả'))
    expect(output).toContain('Nhóm: Công khai, minh bạch (transparency)')
    expect(output).toContain('Bộ quy tắc: 2025-07-01')
    expect(output).toContain('không ghi kỳ đánh giá')
    expect(output.trimEnd().split('\n').pop()).toBe('Số dòng: 5; khớp trong 0,015 điểm: 5; không khớp hoặc không tính lại được: 0; chênh lệch lớn nhất: 0,005')
  })

  it('prints JSON { file, group, ruleSet, rows, summary }', () => {
    const path = write('ok2.json', transparency(1.96))
    const { output, exitCode } = runPortalRescore(path, { format: 'json', rulesDir: RULES_DIR, period: '2026-08' })
    expect(exitCode).toBe(0)
    const json = JSON.parse(output)
    expect(json).toMatchObject({ file: path, group: 'transparency', ruleSet: { id: '2025-07-01', chosenFor: '2026-08-01' }, period: { kind: 'month', label: 'tháng 08/2026' } })
    expect(json.rows).toHaveLength(5)
    expect(json.rows[2]).toMatchObject({ indicator: '1.3', portalCode: 'PUBLIC_CONTENT_FULL', numerator: 87, denominator: 89, officialScore: 1.96, status: 'match' })
    expect(json.summary).toMatchObject({ rows: 5, withinTolerance: 5, tolerance: 0.015, unmatched: [] })
    expect(json.warnings).toEqual([])
  })

  it('exits 0 with mismatches, listing them', () => {
    const { output, exitCode } = runPortalRescore(write('off.json', transparency(1.5)), { format: 'table', rulesDir: RULES_DIR })
    expect(exitCode).toBe(0)
    expect(output).toMatch(/1,50\s+1,96\s+0,46\s+Lệch/)
    expect(output).toContain('không khớp hoặc không tính lại được: 2')
  })

  it('uses the rule set in force for the given period', () => {
    const json = JSON.parse(runPortalRescore(write('old.json', transparency(1.96)), { format: 'json', rulesDir: RULES_DIR, period: '2024-01' }).output)
    expect(json.ruleSet.id).toBe('2022-06-23')
  })

  it.each([
    ['a missing file', () => runPortalRescore(join(dir, 'khong-co.json'), { format: 'table', rulesDir: RULES_DIR }), /khong-co\.json: không tồn tại/],
    ['a file that is not JSON', () => runPortalRescore(write('bad.json', 'not json'), { format: 'json', rulesDir: RULES_DIR }), /không phải JSON hợp lệ/],
    ['an unknown shape', () => runPortalRescore(write('shape.json', '{"code":"OK","data":{"x":1},"message":""}'), { format: 'table', rulesDir: RULES_DIR }), /không nhận ra dạng dữ liệu/],
    ['a bad period', () => runPortalRescore(write('p.json', transparency(1.96)), { format: 'table', rulesDir: RULES_DIR, period: 'tháng 8' }), /kỳ "tháng 8" không hợp lệ/],
    ['a date before every rule set', () => runPortalRescore(write('d.json', transparency(1.96)), { format: 'table', rulesDir: RULES_DIR, date: '2020-01-01' }), /Không có bộ quy tắc nào có hiệu lực ngày 2020-01-01/],
    ['a missing rules folder', () => runPortalRescore(write('r.json', transparency(1.96)), { format: 'table', rulesDir: join(dir, 'no-rules') }), /rules\/acts\.yaml.*không đọc được/],
  ])('exits 2 with a Vietnamese message for %s', (_label, run, message) => {
    const { output, exitCode } = run()
    expect(exitCode).toBe(2)
    expect(output).toMatch(/^Lỗi: /)
    expect(output).toMatch(message)
  })
})

describe('summaryLine', () => {
  it('writes decimals with a comma and mentions rows checked through their group total', () => {
    expect(summaryLine({ rows: 1146, withinTolerance: 1146, notPublished: 0, tolerance: 0.015, largestDiff: 0.0049, unmatched: [] })).toBe(
      'Số dòng: 1146; khớp trong 0,015 điểm: 1146; không khớp hoặc không tính lại được: 0; chênh lệch lớn nhất: 0,005'
    )
    expect(summaryLine({ rows: 8, withinTolerance: 5, notPublished: 3, tolerance: 0.015, largestDiff: 0.01, unmatched: [] })).toContain('Cổng không công bố điểm riêng (đối chiếu qua tổng nhóm): 3')
  })
})
