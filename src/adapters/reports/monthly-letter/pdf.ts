/**
 * @module adapters/reports/monthly-letter/pdf
 * PDF from the generated `.docx` with LibreOffice in headless mode (Debian package
 * `libreoffice-writer`), without network. Each conversion uses its own temporary LibreOffice
 * profile, so conversions can run side by side. Times New Roman, when not installed, is replaced
 * by Liberation Serif (package `fonts-liberation`), which has the same metrics and the Vietnamese
 * letters.
 */
import { spawn } from 'node:child_process'
import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, delimiter, extname, join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** How to install what the PDF needs, shown when LibreOffice is missing. */
export const INSTALL_HINT =
  'Cài đặt trên Debian/Ubuntu: sudo apt-get install -y libreoffice-writer fonts-liberation (không cần mạng khi xuất PDF). ' +
  'Nếu LibreOffice đã cài ở chỗ khác, đặt biến môi trường CHISO_SOFFICE trỏ tới tệp soffice.'

/** The PDF could not be produced. */
export class PdfError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PdfError'
  }
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** Path of LibreOffice's `soffice`: `$CHISO_SOFFICE`, else the first `soffice`/`libreoffice` on the PATH; null if none. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHISO_SOFFICE) return executable(env.CHISO_SOFFICE) ? env.CHISO_SOFFICE : null
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue
    for (const name of ['soffice', 'libreoffice', 'soffice.exe']) {
      const p = join(dir, name)
      if (existsSync(p) && executable(p)) return p
    }
  }
  return null
}

/**
 * Convert a `.docx` file to PDF at `pdfPath`.
 * @throws PdfError when LibreOffice is not installed, fails or times out
 */
export async function convertDocxToPdf(docxPath: string, pdfPath: string, options: { soffice?: string; timeoutMs?: number } = {}): Promise<void> {
  const soffice = options.soffice ?? findSoffice()
  if (!soffice) throw new PdfError(`Không tìm thấy LibreOffice (lệnh soffice) để xuất PDF. ${INSTALL_HINT}`)
  const work = mkdtempSync(join(tmpdir(), 'chiso-pdf-'))
  try {
    const outDir = join(work, 'out')
    const args = [`-env:UserInstallation=${pathToFileURL(join(work, 'profile')).href}`, '--headless', '--norestore', '--nologo', '--convert-to', 'pdf', '--outdir', outDir, docxPath]
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(soffice, args, { stdio: ['ignore', 'pipe', 'pipe'] })
      let err = ''
      child.stdout.resume()
      child.stderr.on('data', (d: Buffer) => (err += d.toString()))
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new PdfError(`LibreOffice không xuất xong PDF sau ${Math.round((options.timeoutMs ?? 180_000) / 1000)} giây.`))
      }, options.timeoutMs ?? 180_000)
      child.on('error', (e: NodeJS.ErrnoException) => {
        clearTimeout(timer)
        reject(e.code === 'ENOENT' ? new PdfError(`Không chạy được LibreOffice (${soffice}). ${INSTALL_HINT}`) : new PdfError(`Không chạy được LibreOffice: ${e.message}`))
      })
      child.on('close', (c) => {
        clearTimeout(timer)
        resolve({ code: c, stderr: err })
      })
    })
    const produced = join(outDir, `${basename(docxPath, extname(docxPath))}.pdf`)
    if (code !== 0 || !existsSync(produced)) {
      throw new PdfError(`LibreOffice không xuất được PDF từ ${docxPath} (mã thoát ${code ?? 'không có'}).${stderr.trim() ? ` ${stderr.trim().slice(-500)}` : ''}`)
    }
    copyFileSync(produced, pdfPath)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
