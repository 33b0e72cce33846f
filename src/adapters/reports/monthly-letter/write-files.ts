/**
 * @module adapters/reports/monthly-letter/write-files
 * Writes a letter model as the files asked for: `.docx`, `.pdf` (through LibreOffice) and the
 * appendix workbook `.xlsx`.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { renderLetterDocx } from './docx.js'
import type { LetterModel } from './letter-model.js'
import { convertDocxToPdf } from './pdf.js'
import { renderAppendixXlsx } from './xlsx.js'

/** Paths of the files to write; each is optional. */
export interface LetterOutputs {
  docx?: string
  pdf?: string
  xlsx?: string
}

/**
 * Write the requested files. A PDF without a `.docx` path is converted from a temporary `.docx`.
 * @returns the paths written, in the order docx, pdf, xlsx
 */
export async function writeLetterFiles(model: LetterModel, out: LetterOutputs): Promise<string[]> {
  const written: string[] = []
  const ensureDir = (p: string) => mkdirSync(dirname(p), { recursive: true })
  if (out.docx || out.pdf) {
    const bytes = await renderLetterDocx(model)
    let docxPath = out.docx
    let temp: string | null = null
    if (docxPath) {
      ensureDir(docxPath)
      writeFileSync(docxPath, bytes)
      written.push(docxPath)
    }
    if (out.pdf) {
      if (!docxPath) {
        temp = mkdtempSync(join(tmpdir(), 'chiso-letter-'))
        docxPath = join(temp, 'cong-van.docx')
        writeFileSync(docxPath, bytes)
      }
      try {
        ensureDir(out.pdf)
        await convertDocxToPdf(docxPath, out.pdf)
        written.push(out.pdf)
      } finally {
        if (temp) rmSync(temp, { recursive: true, force: true })
      }
    }
  }
  if (out.xlsx) {
    ensureDir(out.xlsx)
    writeFileSync(out.xlsx, await renderAppendixXlsx(model))
    written.push(out.xlsx)
  }
  return written
}
