/**
 * A letter quoting the national portal: the numbers are the portal's published points (saved
 * responses of `../shared/data/dvcqg-phutho-2026`), the letter says so with the time they were
 * taken at, and the ranks are recomputed among the units of the same level.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { findPackageRoot } from '../../src/adapters/calendar-file/load-calendar.js'
import { runReport, normalizeReportArgs } from '../../src/adapters/cli/commands/report.js'
import { readPortalResponse } from '../../src/adapters/portal/portal-response.js'
import { buildLetterModel, readProfile, demoProfilePath, snapshotsFromPortal } from '../../src/adapters/reports/index.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { parsePeriod } from '../../src/engine/periods/period.js'
import { vnInstant } from '../../src/engine/time/time.js'
import { findPara, paragraphs, unzip } from './ooxml.js'

/** The command, its messages kept out of the test output. */
const report = (args: string[]) => runReport(args, { out: () => {}, err: () => {} })

const DATA = resolve(findPackageRoot(), 'tests/fixtures/portal-data/dvcqg-phutho-2026')
const FILES = ['transparency', 'handling-satisfaction', 'provide-online-tree'].map((g) => join(DATA, g, 'month-all.json'))
const AS_OF = vnInstant(2026, 9, 26, 10, 0)

function profile() {
  const p = readProfile(demoProfilePath())
  p.agency = { parent: [], name: ['ỦY BAN NHÂN DÂN', 'TỈNH PHÚ THỌ'], shortName: 'UBND tỉnh Phú Thọ' }
  p.place = 'Phú Thọ'
  p.unit = null
  return p
}

describe('letter from portal responses', () => {
  const period = parsePeriod('2026-09')
  const snaps = () => snapshotsFromPortal(FILES, [], period, loadRuleSets(), AS_OF)

  it('adds up the published group points and says where and when the numbers come from', () => {
    const { current, previous } = snaps()
    expect(previous).toBeNull()
    expect(current.layout.groups.map((g) => g.id)).toEqual(['1', '3', '5'])
    expect(current.warnings.join('\n')).toContain('Số liệu Cổng không có nhóm 2 (Tiến độ giải quyết)')
    const root = readPortalResponse(FILES[0]).units[0]
    const m = buildLetterModel({ profile: profile(), current, previous, unitCode: 'H44', date: '2026-09-26' })
    expect(m.facts.total).toBe(Math.round((7.96 + 12.96 + 8.83) * 100) / 100)
    expect(m.facts.max).toBe(18 + 12 + 18)
    expect(m.facts.unitName).toBe(root.unitName)
    const intro = m.body.find((b) => b.kind === 'intro')!.text
    expect(intro).toContain('theo số liệu trên Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn), tính đến 10 giờ 00 phút ngày 26/09/2026')
    expect(intro).toContain('29,75/48 điểm')
    expect(intro).toContain('Kỳ đánh giá chưa kết thúc')
    expect(m.body.find((b) => b.kind === 'comparison')!.text).toBe('Chưa có số liệu tháng 08/2026 để so sánh.')
  })

  it('ranks a commune among the communes of the snapshot', () => {
    const { current } = snaps()
    const m = buildLetterModel({ profile: profile(), current, previous: null, unitCode: 'UBND Phường Việt Trì', date: '2026-09-26' })
    const communes = current.units.filter((u) => u.level === 'commune')
    expect(m.facts.peers).toBe(communes.length)
    expect(communes.length).toBe(148)
    const better = communes.filter((u) => u.total > m.facts.total).length
    expect(m.facts.rank).toBe(better + 1)
  })

  it('refuses a response of another period', () => {
    const resp = { code: 'OK', message: 'OK', data: { period: { timeType: 'month', year: 2026, month: 8 }, ...JSON.parse(readFileSync(FILES[0], 'utf8')).data } }
    const dir = mkdtempSync(join(tmpdir(), 'chiso-portal-'))
    writeFileSync(join(dir, 'aug.json'), JSON.stringify(resp))
    expect(() => snapshotsFromPortal([join(dir, 'aug.json')], [], period, loadRuleSets(), AS_OF)).toThrow(/là số liệu tháng 08\/2026.*không phải kỳ 2026-09/)
  })

  it('produces the letter and workbook from the command line with --portal and --portal-as-of', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-portal-'))
    const prof = join(dir, 'phu-tho.yaml')
    const p = profile()
    writeFileSync(prof, stringify({ agency: { name: p.agency.name, shortName: p.agency.shortName }, place: p.place, document: { symbol: 'UBND-KSTT' }, recipients: p.recipients, archive: 'VT, KSTT', signer: { title: 'CHỦ TỊCH', name: 'Nguyễn Văn B' } }))
    const code = await report(['letter', '--portal', ...FILES, '--portal-as-of', '2026-09-26T10:00', '--period', '2026-09', '--unit', 'H44', '--profile', prof, '--out', join(dir, 'cv.docx'), '--xlsx', '--date', '2026-09-26'])
    expect(code).toBe(0)
    const ps = paragraphs(unzip(join(dir, 'cv.docx')).get('word/document.xml')!)
    expect(findPara(ps, /Cổng Dịch vụ công quốc gia.*tính đến 10 giờ 00 phút ngày 26\/09\/2026/)).toBeDefined()
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(dir, 'cv-phu-luc.xlsx'))
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Nhóm 1', 'Nhóm 3', 'Nhóm 5'])
  })

  it('asks for a profile when the numbers come from the portal and none is given', async () => {
    await expect(report(['letter', '--portal', FILES[0], '--portal-as-of', '2026-09-26T10:00', '--period', '2026-09', '--unit', 'H44', '--out', join(tmpdir(), 'x.docx')])).rejects.toThrow(
      /Chưa có hồ sơ cơ quan/
    )
    await expect(report(['letter', '--portal', FILES[0], '--period', '2026-09', '--unit', 'H44', '--out', join(tmpdir(), 'x.docx')])).rejects.toThrow(/Thiếu tham số --portal-as-of/)
  })
})

describe('command-line arguments of chiso report', () => {
  it('reads --pdf/--xlsx with or without a file name, and several files after --portal', () => {
    expect(normalizeReportArgs(['--out', 'a.docx', '--pdf', '--xlsx', 'b.xlsx'])).toEqual(['--out', 'a.docx', '--pdf=', '--xlsx=b.xlsx'])
    expect(normalizeReportArgs(['--xlsx', '--period', '2026-08'])).toEqual(['--xlsx=', '--period', '2026-08'])
    expect(normalizeReportArgs(['--portal', 'a.json', 'b.json', '--portal-previous', 'c.json'])).toEqual(['--portal=a.json', '--portal=b.json', '--portal-previous=c.json'])
  })
})
