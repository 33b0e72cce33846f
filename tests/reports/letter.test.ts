/**
 * `chiso report letter` on the demo province, end to end: the generated .docx and .xlsx are opened
 * and checked against Nghị định 30/2020 (layout) and against `chiso score` (numbers) for the same
 * period and time.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { beforeAll, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'
import { loadWorkingCalendar } from '../../src/adapters/calendar-file/load-calendar.js'
import { runReport } from '../../src/adapters/cli/commands/report.js'
import { scoreJson, vn } from '../../src/adapters/cli/format.js'
import { writeDemoData } from '../../src/adapters/demo/demo-data.js'
import { loadPrepared } from '../../src/adapters/import/load-prepared.js'
import { loadRuleSets } from '../../src/adapters/rules-files/load-rules.js'
import { parsePeriod } from '../../src/engine/periods/period.js'
import { scoreWithRuleSets } from '../../src/engine/score.js'
import { vnInstant } from '../../src/engine/time/time.js'
import { findPara, isOn, paragraphs, sizeOf, tables, unzip, type Para } from './ooxml.js'

/** The command, its messages kept out of the test output. */
const report = (args: string[]) => runReport(args, { out: () => {}, err: () => {} })

type Json = ReturnType<typeof scoreJson>
type JsonUnit = Json['units'][number]

async function engine(dir: string, period: string, asOf: number): Promise<Json> {
  const cal = loadWorkingCalendar()
  const { prepared } = await loadPrepared(dir, cal)
  const [report] = scoreWithRuleSets(prepared, parsePeriod(period), loadRuleSets(), { asOf }, cal)
  return scoreJson(report, report.units)
}

const PROVINCE = '000.00.00.H99'
let work: string
let data: string
let current: Json
let previous: Json
let doc: Map<string, string>
let ps: Para[]

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'chiso-letter-'))
  data = join(work, 'data')
  await writeDemoData(data, { dossiers: 4000, seed: 11 })
  const code = await report([
    'letter', '--data', data, '--period', '2026-08', '--out', join(work, 'cong-van.docx'), '--xlsx',
    '--date', '2026-09-05', '--as-of', '2026-09-05T16:30',
  ])
  expect(code).toBe(0)
  current = await engine(data, '2026-08', vnInstant(2026, 9, 5, 16, 30))
  previous = await engine(data, '2026-07', vnInstant(2026, 9, 5, 16, 30))
  doc = unzip(join(work, 'cong-van.docx'))
  ps = paragraphs(doc.get('word/document.xml')!)
})

const unitOf = (j: Json, code: string) => j.units.find((u) => u.code === code) as JsonUnit

function para(what: string | RegExp): Para {
  const p = findPara(ps, what)
  if (!p) throw new Error(`no paragraph ${String(what)}`)
  return p
}

describe('the letter (.docx) follows Nghị định 30/2020', () => {
  it('writes one command\'s three files: .docx and the appendix .xlsx next to it', () => {
    expect(existsSync(join(work, 'cong-van.docx'))).toBe(true)
    expect(existsSync(join(work, 'cong-van-phu-luc.xlsx'))).toBe(true)
  })

  it('sets A4 portrait with margins in the decree\'s ranges, and the appendix in a landscape section numbered from 1', () => {
    const xml = doc.get('word/document.xml')!
    const sects = [...xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0])
    expect(sects).toHaveLength(2)
    const [letter, appendix] = sects
    expect(letter).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    const mar = (s: string, side: string) => +new RegExp(`w:${side}="(\\d+)"`).exec(/<w:pgMar [^>]*>/.exec(s)![0])![1]
    for (const s of sects) {
      expect(mar(s, 'top')).toBeGreaterThanOrEqual(1134), expect(mar(s, 'top')).toBeLessThanOrEqual(1417)
      expect(mar(s, 'bottom')).toBeGreaterThanOrEqual(1134), expect(mar(s, 'bottom')).toBeLessThanOrEqual(1417)
      expect(mar(s, 'left')).toBeGreaterThanOrEqual(1701), expect(mar(s, 'left')).toBeLessThanOrEqual(1984)
      expect(mar(s, 'right')).toBeGreaterThanOrEqual(851), expect(mar(s, 'right')).toBeLessThanOrEqual(1134)
      expect(s).toContain('<w:titlePg/>')
    }
    expect(appendix).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/)
    expect(appendix).toMatch(/<w:pgNumType w:start="1"/)
  })

  it('numbers pages in the centred header from page 2: the first-page header is empty', () => {
    const xml = doc.get('word/document.xml')!
    const rels = doc.get('word/_rels/document.xml.rels')!
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!.slice(1).find(Boolean)!
    for (const sect of xml.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)) {
      const refs = Object.fromEntries([...sect[0].matchAll(/<w:headerReference w:type="(\w+)" r:id="(\w+)"\/>/g)].map((m) => [m[1], target(m[2])]))
      expect(Object.keys(refs).sort()).toEqual(['default', 'first'])
      const def = doc.get(`word/${refs.default}`)!
      expect(def).toMatch(/PAGE/)
      expect(def).toContain('<w:jc w:val="center"/>')
      expect(def).toMatch(/w:ascii="Times New Roman"[\s\S]*<w:sz w:val="28"\/>/)
      expect(doc.get(`word/${refs.first}`)!).not.toMatch(/PAGE/)
    }
  })

  it('uses Times New Roman everywhere', () => {
    const xml = doc.get('word/document.xml')! + doc.get('word/styles.xml')!
    const fonts = new Set([...xml.matchAll(/w:(?:ascii|hAnsi|cs)="([^"]+)"/g)].map((m) => m[1]))
    expect([...fonts]).toEqual(['Times New Roman'])
  })

  it('lays out the two-column header: agency | quốc hiệu and tiêu ngữ, then Số | place and date on one row, then V/v', () => {
    const header = tables(doc.get('word/document.xml')!)[0]
    expect(header[0][0]).toBe('ỦY BAN NHÂN DÂN\nTỈNH MINH SƠN\n')
    expect(header[0][1]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n')
    expect(header[1]).toEqual(['Số:      /UBND-KSTT', 'Minh Sơn, ngày 05 tháng 9 năm 2026'])
    expect(header[2][0]).toBe('V/v công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 08/2026')
    // Header table without borders.
    expect(/<w:tbl>[\s\S]*?<\/w:tblPr>/.exec(doc.get('word/document.xml')!)![0]).toMatch(/<w:top w:val="none"/)
  })

  it('gives each header element its size and style', () => {
    const run = (text: string) => para(text).runs[0]
    const check = (text: string, size: number, bold: boolean, italic: boolean) => {
      const r = run(text)
      expect([text, sizeOf(r), isOn(r, 'b'), isOn(r, 'i')]).toEqual([text, size * 2, bold, italic])
    }
    check('ỦY BAN NHÂN DÂN', 12, true, false)
    check('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, true, false)
    check('Độc lập - Tự do - Hạnh phúc', 13, true, false)
    check('Số:      /UBND-KSTT', 13, false, false)
    check('Minh Sơn, ngày 05 tháng 9 năm 2026', 13, false, true)
    check('V/v công bố kết quả đánh giá Bộ chỉ số phục vụ người dân, doanh nghiệp tháng 08/2026', 12, false, false)
    check('Nơi nhận:', 12, true, true)
    check('- Như trên;', 11, false, false)
    check('TM. ỦY BAN NHÂN DÂN', 14, true, false)
    check('PHÓ CHỦ TỊCH', 14, true, false)
    check('Nguyễn Văn An', 14, true, false)
    check('Phụ lục', 14, true, false)
    // Lines under the agency name and the tiêu ngữ: bordered empty paragraphs, the tiêu ngữ's as long as its text.
    const lines = ps.filter((p) => p.text === '' && /<w:bottom w:val="single"/.test(p.pPr))
    expect(lines.length).toBeGreaterThanOrEqual(3)
  })

  it('addresses the recipients after "Kính gửi:", one per line, the last ending with "."', () => {
    const i = ps.findIndex((p) => p.text.startsWith('Kính gửi:'))
    expect(ps[i].text).toBe('Kính gửi:\t- Các sở, ban, ngành tỉnh;')
    expect(ps[i + 1].text).toBe('- UBND các xã, phường.')
    expect(sizeOf(ps[i].runs[0])).toBe(28)
  })

  it('states the total of chiso score, the source and its time, and the comparison with the previous month', () => {
    const own = unitOf(current, PROVINCE)
    const intro = para(/^Căn cứ kết quả đánh giá/).text
    expect(intro).toContain(`tổng số điểm của tỉnh đạt ${vn(own.total)}/100 điểm.`)
    expect(intro).toContain('theo số liệu chiso tính từ dữ liệu của đơn vị, tính đến 16 giờ 30 phút ngày 05/09/2026')
    expect(intro).not.toContain('tạm tính')
    const before = unitOf(previous, PROVINCE)
    const diff = Math.round((own.total - before.total) * 100) / 100
    const change = diff > 0 ? `tăng ${vn(diff)} điểm` : diff < 0 ? `giảm ${vn(-diff)} điểm` : 'không thay đổi'
    expect(para(/^So với/).text).toBe(`So với tháng 07/2026 (${vn(before.total)} điểm), tổng số điểm ${change}.`)
    expect(para('(Có Phụ lục một số tiêu chí thành phần kèm theo)').runs[0].rPr).toMatch(/<w:i\/>/)
  })

  it('writes one directive per target with the current ratio of chiso score', () => {
    const own = unitOf(current, PROVINCE)
    const from = ps.findIndex((p) => p.text.startsWith('Qua xem xét'))
    const to = ps.findIndex((p) => p.text.startsWith('Trên đây'))
    const directives = ps.slice(from + 1, to)
    expect(directives).toHaveLength(6)
    const expectations: [string, string][] = [['3.3', '52%'], ['3.6', '47%'], ['4.3', '52%'], ['5.2', '100%'], ['1.2', '100%'], ['5.4', '92%']]
    expectations.forEach(([code, threshold], k) => {
      const ind = own.indicators.find((x) => x.id === code)!
      expect(directives[k].text).toContain(threshold)
      expect(directives[k].text).toContain(`toàn tỉnh đạt ${vn(ind.ratio! * 100)}%`)
    })
  })

  it('justifies the body at 14 pt with a 1 cm first-line indent and 6 pt after, and ends it with "./."', () => {
    const body = ps.filter((p) => /^Căn cứ|^So với|^Qua xem xét|^Trên đây/.test(p.text))
    expect(body.length).toBe(5)
    for (const p of body) {
      expect(p.pPr).toContain('<w:jc w:val="both"/>')
      expect(p.pPr).toMatch(/w:firstLine="567"/)
      expect(p.pPr).toMatch(/w:after="120"/)
      expect(sizeOf(p.runs[0])).toBe(28)
    }
    expect(para(/^Trên đây/).text.endsWith('./.')).toBe(true)
  })

  it('puts Nơi nhận (left) beside the signer block (right), "Lưu" last', () => {
    const sig = tables(doc.get('word/document.xml')!)[1]
    expect(sig[0][0].split('\n')).toEqual([
      'Nơi nhận:', '- Như trên;', '- Văn phòng Chính phủ (Cục Kiểm soát TTHC);', '- TT. Tỉnh ủy, TT. HĐND tỉnh;', '- CT, các PCT UBND tỉnh;', '- LĐVP;', '- Lưu: VT, KSTT.',
    ])
    expect(sig[0][1].split('\n')).toEqual(['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Nguyễn Văn An'])
  })

  it('titles the appendix and refers to the letter with the same date', () => {
    expect(para('KẾT QUẢ MỘT SỐ TIÊU CHÍ THÀNH PHẦN BỘ CHỈ SỐ PHỤC VỤ NGƯỜI DÂN, DOANH NGHIỆP THÁNG 08/2026').runs[0].rPr).toMatch(/<w:b\/>/)
    const ref = para(/^\(Kèm theo Văn bản số/)
    expect(ref.text).toBe('(Kèm theo Văn bản số      /UBND-KSTT ngày 05 tháng 9 năm 2026 của UBND tỉnh Minh Sơn)')
    expect(isOn(ref.runs[0], 'i')).toBe(true)
  })

  it('shows in the appendix tables the points and ratios of chiso score for every unit', () => {
    const all = tables(doc.get('word/document.xml')!)
    const summary = all[2]
    const rows = new Map(summary.filter((r) => r.length > 2).map((r) => [r[1], r]))
    const listed = current.units.filter((u) => u.code === PROVINCE || u.parent === PROVINCE)
    expect(listed.length).toBeGreaterThan(40)
    for (const u of listed) {
      const r = rows.get(u.name)!
      expect(r, u.name).toBeDefined()
      expect(r.slice(2, 8)).toEqual(u.groups.map((g) => vn(g.points)))
      expect(r[8]).toBe(vn(u.total))
      if (u.code !== PROVINCE) expect([r[9], r[10]]).toEqual([String(u.rank), String(u.peers)])
    }
    // Group tables: ratio (with * when below target) and points of each indicator.
    const layout = current.units[0].groups.map((g) => g.id)
    layout.forEach((gid, gi) => {
      const t = all[3 + gi]
      const byName = new Map(t.filter((r) => r.length > 2).map((r) => [r[1], r]))
      for (const u of listed) {
        const r = byName.get(u.name)!
        let k = 2
        for (const ind of u.indicators.filter((x) => x.group === gid)) {
          if (ind.id === '2.2') {
            expect(r[k++]).toBe(ind.meanProcessingTime == null ? 'N/A' : vn(ind.meanProcessingTime))
            continue
          }
          const ratioText = r[k++].replace(/\*$/, '')
          if (ind.ratio !== null) expect(ratioText, `${u.name} ${ind.id}`).toBe(vn(ind.ratio * 100))
          if (ind.max > 0) {
            const pts = r[k++].replace(/\*$/, '')
            if (ind.points !== null && !('notApplicable' in ind)) expect(pts, `${u.name} ${ind.id}`).toBe(vn(ind.points))
          }
        }
        expect(r[k].replace(/\*$/, '')).toBe(vn(u.groups.find((g) => g.id === gid)!.points))
      }
    })
  })
})

describe('the appendix workbook (.xlsx)', () => {
  let wb: ExcelJS.Workbook
  beforeAll(async () => {
    wb = new ExcelJS.Workbook()
    await wb.xlsx.readFile(join(work, 'cong-van-phu-luc.xlsx'))
  })

  it('has a summary sheet and one sheet per group, each with frozen headers and A4 landscape print setup', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Nhóm 1', 'Nhóm 2', 'Nhóm 3', 'Nhóm 4', 'Nhóm 5', 'Nhóm 6'])
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 7 })
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '6:7' })
      expect(ws.getCell('A6').value).toBe('STT')
      expect(ws.getCell('B6').value).toBe('Đơn vị')
    }
  })

  it('holds the same numbers as chiso score, as numbers', () => {
    const rowsOf = (ws: ExcelJS.Worksheet) => {
      const out = new Map<string, ExcelJS.CellValue[]>()
      ws.eachRow((row, n) => {
        if (n < 8) return
        const v = row.values as ExcelJS.CellValue[]
        if (typeof v[2] === 'string' && v[3] !== v[2]) out.set(v[2], v)
      })
      return out
    }
    const summary = rowsOf(wb.getWorksheet('Tổng hợp')!)
    const listed = current.units.filter((u) => u.code === PROVINCE || u.parent === PROVINCE)
    for (const u of listed) {
      const v = summary.get(u.name)!
      expect(v.slice(3, 9)).toEqual(u.groups.map((g) => g.points))
      expect(v[9]).toBe(u.total)
      if (u.code !== PROVINCE) expect([v[10], v[11]]).toEqual([u.rank, u.peers])
    }
    for (const g of current.units[0].groups) {
      const rows = rowsOf(wb.getWorksheet(`Nhóm ${g.id}`)!)
      for (const u of listed) {
        const v = rows.get(u.name)!
        let k = 3
        for (const ind of u.indicators.filter((x) => x.group === g.id)) {
          if (ind.id === '2.2') {
            expect(v[k++] ?? null).toBe(ind.meanProcessingTime ?? null)
            continue
          }
          expect(v[k++] ?? null, `${u.name} ${ind.id}`).toBe(ind.ratio)
          if (ind.max > 0) expect(v[k++] ?? null, `${u.name} ${ind.id}`).toBe('notApplicable' in ind ? null : ind.points)
        }
        expect(v[k]).toBe(u.groups.find((x) => x.id === g.id)!.points)
      }
    }
  })

  it('marks units below a target with a fill and with text', () => {
    const ws = wb.getWorksheet('Nhóm 3')!
    let below = 0
    ws.eachRow((row, n) => {
      if (n < 8) return
      const ratio = row.getCell(7).value
      if (typeof ratio !== 'number' || typeof row.getCell(2).value !== 'string') return
      if (ratio < 0.52) {
        below++
        expect((row.getCell(7).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFD9D9D9')
        expect(String(row.getCell(10).value)).toMatch(/^3\.3: /)
      } else expect(String(row.getCell(10).value ?? '')).not.toMatch(/3\.3/)
    })
    expect(below).toBeGreaterThan(0)
  })
})

describe('a district letter like the seed (before 1/7/2025)', () => {
  let d3: string
  let json: Json
  let district: JsonUnit
  let text: Para[]

  beforeAll(async () => {
    d3 = join(work, 'data3')
    await writeDemoData(d3, { dossiers: 3000, seed: 5, levels: 3 })
    json = await engine(d3, '2024-01', vnInstant(2024, 2, 5, 16, 30))
    district = json.units.filter((u) => u.level === 'district').sort((a, b) => b.rank - a.rank)[0]
    const name = district.name.replace(/^UBND\s+/, '')
    const place = name.replace(/^(huyện|thị xã|thành phố)\s+/i, '')
    const profile = {
      agency: { name: ['ỦY BAN NHÂN DÂN', name.toLocaleUpperCase('vi')], shortName: district.name },
      place,
      document: { symbol: 'UBND-NC', number: '5' },
      recipients: ['UBND các xã, thị trấn'],
      copiesTo: ['Văn phòng UBND tỉnh'],
      archive: 'VT, VP',
      signer: { title: 'CHỦ TỊCH', name: 'Trần Văn Tân' },
      peersName: 'huyện, thị xã, thành phố',
      targets: [{ indicator: '3.3', threshold: 0.52, text: 'Tiếp tục thực hiện TTHC trực tuyến đảm bảo tối thiểu {threshold} (hiện đạt {current}).' }],
      texts: { intro: 'Căn cứ kết quả {source}. UBND huyện công bố kết quả {period} như sau: Tổng số điểm huyện đạt: {total}/{max} điểm{rankClause}.{provisional}' },
    }
    writeFileSync(join(work, 'huyen.yaml'), stringify(profile))
    const code = await report([
      'letter', '--data', d3, '--period', '2024-01', '--unit', district.code, '--profile', join(work, 'huyen.yaml'),
      '--out', join(work, 'huyen.docx'), '--date', '2024-02-06', '--as-of', '2024-02-05T16:30',
    ])
    expect(code).toBe(0)
    text = paragraphs(unzip(join(work, 'huyen.docx')).get('word/document.xml')!)
  })

  it('writes the date with leading zeros for day and month, and the number with a leading zero', () => {
    const place = district.name.replace(/^UBND\s+(huyện|thị xã|thành phố)\s+/i, '')
    expect(findPara(text, `${place}, ngày 06 tháng 02 năm 2024`)).toBeDefined()
    expect(findPara(text, 'Số: 05/UBND-NC')).toBeDefined()
    expect(findPara(text, /^\(Kèm theo Văn bản số 05\/UBND-NC ngày 06 tháng 02 năm 2024 của /)).toBeDefined()
  })

  it('gives the rank n/m among the districts, as chiso score ranks them', () => {
    const intro = findPara(text, /^Căn cứ kết quả theo số liệu chiso/)!.text
    expect(intro).toContain(`Tổng số điểm huyện đạt: ${vn(district.total)}/100 điểm, xếp thứ ${district.rank}/${district.peers} huyện, thị xã, thành phố.`)
    expect(district.peers).toBe(9)
  })

  it('puts a single recipient on the Kính gửi line and says when the previous month has no data', () => {
    expect(findPara(text, 'Kính gửi:\tUBND các xã, thị trấn.')).toBeDefined()
    expect(findPara(text, 'Chưa có số liệu tháng 12/2023 để so sánh.')).toBeDefined()
    expect(findPara(text, /^- Tiếp tục thực hiện TTHC trực tuyến đảm bảo tối thiểu 52% \(hiện đạt \d+,\d\d%\)\.$/)).toBeDefined()
  })

  it('adds the provisional note when the period is not over', async () => {
    await report(['letter', '--data', d3, '--period', '2024-02', '--unit', district.code, '--profile', join(work, 'huyen.yaml'), '--out', join(work, 'tam-tinh.docx'), '--date', '2024-02-21', '--as-of', '2024-02-20T10:00'])
    const intro = findPara(paragraphs(unzip(join(work, 'tam-tinh.docx')).get('word/document.xml')!), /^Căn cứ kết quả/)!.text
    expect(intro).toContain('tính đến 10 giờ 00 phút ngày 20/02/2024')
    expect(intro).toContain('Kỳ đánh giá chưa kết thúc, số liệu là tạm tính và có thể thay đổi.')
  })
})

describe('chiso report: options and errors', () => {
  it('writes the example profile, and refuses to overwrite it without --force', async () => {
    const out = join(work, 'office-profile.yaml')
    expect(await report(['profile', '--out', out])).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('TỈNH MINH SƠN')
    await expect(report(['profile', '--out', out])).rejects.toThrow(/đã có; dùng --force/)
  })

  it('writes the appendix workbook alone with "report appendix"', async () => {
    expect(await report(['appendix', '--data', data, '--period', '2026-08', '--out', join(work, 'rieng', 'phu-luc.xlsx'), '--as-of', '2026-09-05T16:30'])).toBe(0)
    expect(existsSync(join(work, 'rieng', 'phu-luc.xlsx'))).toBe(true)
    expect(existsSync(join(work, 'rieng', 'phu-luc.docx'))).toBe(false)
  })

  it('refuses an output that is neither .docx nor .pdf, and a missing period', async () => {
    await expect(report(['letter', '--data', data, '--period', '2026-08', '--out', join(work, 'x.txt')])).rejects.toThrow(/phải là tệp .docx hoặc .pdf/)
    await expect(report(['letter', '--data', data, '--out', join(work, 'x.docx')])).rejects.toThrow(/Thiếu tham số --period/)
    await expect(report(['appendix', '--data', data, '--period', '2026-08', '--out', join(work, 'x.docx')])).rejects.toThrow(/phải là tệp .xlsx/)
  })

  it('uses office-profile.yaml of the data folder when there is one', async () => {
    const own = join(data, 'office-profile.yaml')
    expect(await report(['profile', '--out', own])).toBe(0)
    writeFileSync(own, readFileSync(own, 'utf8').replace('number: ""', 'number: "7"'))
    expect(await report(['letter', '--data', data, '--period', '2026-08', '--out', join(work, 'so-07.docx'), '--date', '2026-09-05', '--as-of', '2026-09-05T16:30'])).toBe(0)
    expect(findPara(paragraphs(unzip(join(work, 'so-07.docx')).get('word/document.xml')!), 'Số: 07/UBND-KSTT')).toBeDefined()
  })

  it('reports a bad profile with its file and field as a usage error', async () => {
    const bad = join(work, 'bad.yaml')
    writeFileSync(bad, stringify({ agency: { name: 'UBND' }, place: 'X' }))
    await expect(report(['letter', '--data', data, '--period', '2026-08', '--profile', bad, '--out', join(work, 'y.docx')])).rejects.toThrow(
      new RegExp(`Hồ sơ cơ quan ${bad.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} không dùng được[\\s\\S]*trường "agency.shortName"`)
    )
  })
})
