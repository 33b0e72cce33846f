/**
 * The PDF of the letter, through LibreOffice headless (no network). Where `soffice` is missing the
 * test is skipped with the reason printed, except in CI (`CI` set), where it fails: CI installs
 * LibreOffice, so a missing one is a broken build, not a reason to pass.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runReport } from '../../src/adapters/cli/commands/report.js'
import { writeDemoData } from '../../src/adapters/demo/demo-data.js'
import { convertDocxToPdf, findSoffice, INSTALL_HINT, PdfError } from '../../src/adapters/reports/index.js'

/** The command, its messages kept out of the test output. */
const report = (args: string[]) => runReport(args, { out: () => {}, err: () => {} })

const soffice = findSoffice()
const missing = `LibreOffice (soffice) không có trên máy này: không kiểm tra được PDF. ${INSTALL_HINT}`

if (!soffice && !process.env.CI) process.stdout.write(`Bỏ qua kiểm thử PDF: ${missing}\n`)

describe('PDF of the letter', () => {
  it.runIf(!soffice && !!process.env.CI)('fails in CI when LibreOffice is missing', () => {
    throw new Error(missing)
  })

  it('stops before loading the data when a PDF is asked for and LibreOffice is missing', async () => {
    const saved = process.env.CHISO_SOFFICE
    process.env.CHISO_SOFFICE = '/nonexistent/soffice'
    try {
      await expect(report(['letter', '--data', '/nonexistent/data', '--period', '2026-08', '--out', join(tmpdir(), 'x.pdf')])).rejects.toThrow(/Không tìm thấy LibreOffice.*apt-get install -y libreoffice-writer/)
    } finally {
      if (saved === undefined) delete process.env.CHISO_SOFFICE
      else process.env.CHISO_SOFFICE = saved
    }
  })

  it('explains how to install LibreOffice when it is missing', async () => {
    await expect(convertDocxToPdf('x.docx', 'x.pdf', { soffice: '/nonexistent/soffice' })).rejects.toThrow(PdfError)
    await expect(convertDocxToPdf('x.docx', 'x.pdf', { soffice: '/nonexistent/soffice' })).rejects.toThrow(/apt-get install -y libreoffice-writer fonts-liberation/)
  })

  describe.runIf(!!soffice)('with LibreOffice', () => {
    let work: string
    beforeAll(async () => {
      work = mkdtempSync(join(tmpdir(), 'chiso-pdf-test-'))
      await writeDemoData(join(work, 'data'), { dossiers: 2000, seed: 3 })
      const code = await report(['letter', '--data', join(work, 'data'), '--period', '2026-08', '--out', join(work, 'cong-van.pdf'), '--date', '2026-09-05', '--as-of', '2026-09-05T16:30'])
      expect(code).toBe(0)
    }, 180_000)

    it('writes an A4 PDF with the letter and its appendix, Vietnamese text intact', () => {
      const pdf = join(work, 'cong-van.pdf')
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' })
      if (info.status !== 0) return // poppler-utils not installed: the bytes above are all we can check
      expect(info.stdout).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/)
      expect(+/Pages:\s+(\d+)/.exec(info.stdout)![1]).toBeGreaterThanOrEqual(3)
      const text = spawnSync('pdftotext', ['-layout', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' }).stdout
      for (const s of ['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Minh Sơn, ngày 05 tháng 9 năm 2026', 'Kính gửi:']) expect(text).toContain(s)
      const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout
      expect(fonts).toMatch(/TimesNewRoman|LiberationSerif/)
    })

    it('renders page 1 to PNG with pdftoppm', () => {
      const probe = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' })
      if (probe.error) return
      const r = spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', join(work, 'cong-van.pdf'), join(work, 'page')], { encoding: 'utf8' })
      expect(r.status, r.stderr).toBe(0)
      const png = ['page-1.png', 'page-01.png', 'page-001.png'].map((n) => join(work, n)).find(existsSync)!
      expect(png).toBeDefined()
      expect(statSync(png).size).toBeGreaterThan(5_000)
    })
  })
})
