/**
 * Reads generated Office files in tests: a minimal zip reader (central directory + raw deflate,
 * node:zlib) and small helpers over WordprocessingML text. No dependency beyond Node.
 */
import { readFileSync } from 'node:fs'
import { inflateRawSync } from 'node:zlib'

/** The entries of a zip file, by name, as text. */
export function unzip(path: string): Map<string, string> {
  const buf = readFileSync(path)
  let eocd = -1
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new Error(`${path}: không phải tệp zip`)
  const count = buf.readUInt16LE(eocd + 10)
  let p = buf.readUInt32LE(eocd + 16)
  const out = new Map<string, string>()
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${path}: thư mục trung tâm hỏng`)
    const method = buf.readUInt16LE(p + 10)
    const compSize = buf.readUInt32LE(p + 20)
    const nameLen = buf.readUInt16LE(p + 28)
    const extraLen = buf.readUInt16LE(p + 30)
    const commentLen = buf.readUInt16LE(p + 32)
    const local = buf.readUInt32LE(p + 42)
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8')
    const lNameLen = buf.readUInt16LE(local + 26)
    const lExtraLen = buf.readUInt16LE(local + 28)
    const start = local + 30 + lNameLen + lExtraLen
    const raw = buf.subarray(start, start + compSize)
    out.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'))
    p += 46 + nameLen + extraLen + commentLen
  }
  return out
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')

/** A run: its text and its properties XML. */
export interface Run {
  text: string
  rPr: string
}

/** A paragraph: its text, its properties XML and its runs. */
export interface Para {
  text: string
  pPr: string
  runs: Run[]
}

/** Paragraphs of a WordprocessingML part, in order (including those inside tables). */
export function paragraphs(xml: string): Para[] {
  const out: Para[] = []
  for (const m of xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*?>([\s\S]*?)<\/w:p>/g)) {
    const body = m[1] ?? m[2] ?? ''
    const pPr = /<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(body)?.[1] ?? ''
    const runs: Run[] = []
    for (const r of body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)) {
      const rPr = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(r[1])?.[1] ?? ''
      const text = [...r[1].matchAll(/<w:t(?: [^>]*)?>([\s\S]*?)<\/w:t>|<w:tab\/>/g)].map((t) => (t[0] === '<w:tab/>' ? '\t' : unescape(t[1]))).join('')
      runs.push({ text, rPr })
    }
    out.push({ text: runs.map((r) => r.text).join(''), pPr, runs })
  }
  return out
}

/** Tables of a WordprocessingML part: rows of cell texts (top-level tables only). */
export function tables(xml: string): string[][][] {
  const out: string[][][] = []
  for (const t of xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)) {
    const rows: string[][] = []
    for (const r of t[1].matchAll(/<w:tr>([\s\S]*?)<\/w:tr>|<w:tr [^>]*>([\s\S]*?)<\/w:tr>/g)) {
      const cells: string[] = []
      for (const c of (r[1] ?? r[2]).matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) cells.push(paragraphs(c[1]).map((p) => p.text).join('\n'))
      rows.push(cells)
    }
    out.push(rows)
  }
  return out
}

/** The first paragraph whose text equals (string) or matches (RegExp) `what`. */
export function findPara(ps: Para[], what: string | RegExp): Para | undefined {
  return ps.find((p) => (typeof what === 'string' ? p.text === what : what.test(p.text)))
}

/** Half-point size of a run (`w:sz`), or null. */
export function sizeOf(r: Run): number | null {
  const m = /<w:sz w:val="(\d+)"\/>/.exec(r.rPr)
  return m ? +m[1] : null
}

/** Whether a run property is on (`<w:b/>` or `<w:b w:val="true"/>`). */
export function isOn(r: Run, tag: 'b' | 'i'): boolean {
  return new RegExp(`<w:${tag}/>|<w:${tag} w:val="(true|1|on)"/>`).test(r.rPr)
}
