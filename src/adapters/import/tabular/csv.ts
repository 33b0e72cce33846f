/**
 * @module adapters/import/tabular/csv
 * A streaming RFC 4180 CSV reader: quoted fields, doubled quotes, CRLF, LF or CR line ends, line
 * breaks inside quoted fields, a byte-order mark, and the delimiter (`,`, `;`, tab or `|`)
 * detected from the header line. The file is read in chunks and decoded by a streaming
 * `TextDecoder`, so memory stays bounded by the chunk size and the longest record, whatever the
 * file size. Malformed input is reported with the line where the record starts.
 */
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'

const QUOTE = 0x22
const LF = 0x0a
const CR = 0x0d

const FIELD_START = 0
const UNQUOTED = 1
const QUOTED = 2
const QUOTE_IN_QUOTED = 3

/** Default longest record, in characters: beyond it a missing closing quote is assumed. */
export const DEFAULT_MAX_RECORD_LENGTH = 1 << 20

/** Delimiters tried by {@link detectDelimiter}, in order of preference on a tie. */
export const CSV_DELIMITERS: readonly string[] = Object.freeze([',', ';', '\t', '|'])

/**
 * A problem of the CSV syntax. `text-after-quote` spoils one record (which is still returned);
 * the others end the reading: `unterminated-quote` (a quoted field runs to the end of the file),
 * `record-too-long` (a record exceeds the limit, usually for the same reason) and `bad-encoding`.
 */
export type CsvProblem =
  | { kind: 'text-after-quote'; line: number }
  | { kind: 'unterminated-quote'; line: number; lastLine: number }
  | { kind: 'record-too-long'; line: number; max: number }
  | { kind: 'bad-encoding'; line: number; encoding: string }

/** One record: its fields, the 1-based line where it starts, and its problem if any. */
export interface CsvRecord {
  fields: string[]
  line: number
  problem: CsvProblem | null
}

/**
 * The CSV state machine. Feed decoded text with {@link CsvParser.push} (chunks may split a
 * record, a field or a CRLF anywhere) and call {@link CsvParser.end} at the end of the input.
 * @example
 * const out: CsvRecord[] = []
 * const parser = new CsvParser(';')
 * parser.push('Mã hồ sơ;Ghi chú\r\n000.00.12.H44-260812-0031;"a ""b"""\r\n', out)
 * parser.end(out) // out[1].fields → ['000.00.12.H44-260812-0031', 'a "b"']
 */
export class CsvParser {
  /** True once a fatal problem was returned: further input is ignored. */
  aborted = false
  /** 1-based line of the next character. */
  line = 1
  private readonly delimiter: number
  private state = FIELD_START
  private field = ''
  private fields: string[] = []
  private recordLine = 1
  private recordLength = 0
  private problem: CsvProblem | null = null
  private skipLf = false
  private started = false
  private endsWithLf = false

  /**
   * @param delimiter one character
   * @param maxRecordLength longest record in characters before the reading is abandoned
   */
  constructor(
    delimiter: string,
    private readonly maxRecordLength = DEFAULT_MAX_RECORD_LENGTH
  ) {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
      throw new RangeError(`Invalid CSV delimiter ${JSON.stringify(delimiter)}`)
    }
    this.delimiter = delimiter.charCodeAt(0)
  }

  /** Parse a piece of text; complete records are appended to `out`. */
  push(text: string, out: CsvRecord[]): void {
    if (this.aborted || text.length === 0) return
    const n = text.length
    const delim = this.delimiter
    let i = 0
    if (!this.started) {
      this.started = true
      if (text.charCodeAt(0) === 0xfeff) i = 1
    }
    if (this.skipLf && i < n) {
      if (text.charCodeAt(i) === LF) i++
      this.skipLf = false
    }
    this.endsWithLf = text.charCodeAt(n - 1) === LF
    while (i < n) {
      if (this.recordLength > this.maxRecordLength) {
        const max = this.maxRecordLength
        this.abort(out, { kind: 'record-too-long', line: this.recordLine, max })
        return
      }
      if (this.state === QUOTED) {
        const j = text.indexOf('"', i)
        const end = j === -1 ? n : j
        if (end > i) {
          const part = text.slice(i, end)
          this.field += part
          this.recordLength += end - i
          for (let k = part.indexOf('\n'); k !== -1; k = part.indexOf('\n', k + 1)) this.line++
        }
        if (j === -1) break
        i = j + 1
        this.state = QUOTE_IN_QUOTED
        continue
      }
      if (this.state === QUOTE_IN_QUOTED) {
        const c = text.charCodeAt(i)
        if (c === QUOTE) {
          this.field += '"'
          this.state = QUOTED
          i++
          continue
        }
        this.state = UNQUOTED
        if (c !== delim && c !== LF && c !== CR) {
          this.problem ??= { kind: 'text-after-quote', line: this.recordLine }
        }
      } else if (this.state === FIELD_START) {
        if (text.charCodeAt(i) === QUOTE) {
          this.state = QUOTED
          i++
          continue
        }
        this.state = UNQUOTED
      }
      // Unquoted text up to the next delimiter or line end (a quote here is an ordinary character)
      let j = i
      while (j < n) {
        const c = text.charCodeAt(j)
        if (c === delim || c === LF || c === CR) break
        j++
      }
      if (j > i) {
        this.field += text.slice(i, j)
        this.recordLength += j - i
      }
      if (j === n) break
      const c = text.charCodeAt(j)
      i = j + 1
      this.fields.push(this.field)
      this.field = ''
      this.state = FIELD_START
      if (c === delim) continue
      this.emit(out)
      this.line++
      this.recordLine = this.line
      if (c === CR) {
        if (i < n) {
          if (text.charCodeAt(i) === LF) i++
        } else this.skipLf = true
      }
    }
  }

  /** End of input: the last record without a line end, or an unterminated quoted field. */
  end(out: CsvRecord[]): void {
    if (this.aborted) return
    if (this.state === QUOTED) {
      const lastLine = this.endsWithLf ? this.line - 1 : this.line
      this.abort(out, { kind: 'unterminated-quote', line: this.recordLine, lastLine })
      return
    }
    if (this.fields.length > 0 || this.field !== '' || this.state !== FIELD_START) {
      this.fields.push(this.field)
      this.field = ''
      this.emit(out)
    }
    this.state = FIELD_START
  }

  /** Stop with a fatal problem, reported as a record without fields. */
  abort(out: CsvRecord[], problem: CsvProblem): void {
    out.push({ fields: [], line: problem.line, problem })
    this.aborted = true
    this.fields = []
    this.field = ''
  }

  private emit(out: CsvRecord[]): void {
    out.push({ fields: this.fields, line: this.recordLine, problem: this.problem })
    this.fields = []
    this.problem = null
    this.recordLength = 0
  }
}

/** Fields of one line of text (for delimiter detection); a broken line gives what it can. */
export function splitCsvLine(line: string, delimiter: string): string[] {
  const out: CsvRecord[] = []
  const parser = new CsvParser(delimiter)
  parser.push(line, out)
  parser.end(out)
  return out[0]?.fields ?? []
}

/**
 * The delimiter of a CSV file, from a sample of its first lines: among the first 20 lines (or
 * only line `headerLine`), the delimiter that splits a line into the most cells recognised by
 * `isHeader`; if no cell is recognised, the most frequent candidate outside quotes in the header
 * line (or the first non-empty line); `,` when none occurs.
 */
export function detectDelimiter(
  sample: string,
  isHeader: (cell: string) => boolean,
  headerLine?: number
): string {
  const lines = sample
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .slice(0, Math.max(20, headerLine ?? 0))
  const consider = headerLine === undefined ? lines : [lines[headerLine - 1] ?? '']
  let best: string | null = null
  let bestCount = 0
  for (const line of consider) {
    for (const d of CSV_DELIMITERS) {
      let count = 0
      for (const cell of splitCsvLine(line, d)) if (isHeader(cell)) count++
      if (count > bestCount) {
        best = d
        bestCount = count
      }
    }
  }
  if (best !== null) return best
  const line =
    headerLine === undefined ? (lines.find((l) => l.trim() !== '') ?? '') : (consider[0] ?? '')
  let chosen = ','
  let most = 0
  for (const d of CSV_DELIMITERS) {
    const count = splitCsvLine(line, d).length - 1
    if (count > most) {
      chosen = d
      most = count
    }
  }
  return chosen
}

/** Text encodings of CSV files. */
export type CsvEncoding = 'utf8' | 'windows-1258'

/** Options of {@link CsvFileReader}. */
export interface CsvFileOptions {
  /** Delimiter; default: {@link detectDelimiter} on the first 64 KiB. */
  delimiter?: string
  /** Encoding when the file has no UTF-16 byte-order mark; default UTF-8. */
  encoding?: CsvEncoding
  /** Recognises header cells, for delimiter detection. */
  isHeader?: (cell: string) => boolean
  /** 1-based header line, for delimiter detection. */
  headerLine?: number
  /** Bytes per read; default 1 MiB. */
  chunkSize?: number
  /** Longest record in characters; default {@link DEFAULT_MAX_RECORD_LENGTH}. */
  maxRecordLength?: number
}

const SAMPLE_BYTES = 64 * 1024

function sniffEncoding(head: Buffer, fallback: CsvEncoding | undefined): string {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'utf-16le'
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'utf-16be'
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8'
  return fallback === 'windows-1258' ? 'windows-1258' : 'utf-8'
}

/**
 * Reads a CSV file as a stream of records. `delimiter` and `encoding` are known once
 * {@link CsvFileReader.records} has started; `bytesRead` tells how far the file has been read.
 * @example
 * const reader = new CsvFileReader('hoso.csv')
 * for await (const record of reader.records()) console.log(record.line, record.fields)
 */
export class CsvFileReader {
  /** Bytes read from the file so far. */
  bytesRead = 0
  /** The delimiter in use (given or detected). */
  delimiter: string | null = null
  /** The decoder's encoding label, e.g. `utf-8`. */
  encoding: string | null = null

  constructor(
    readonly path: string,
    private readonly options: CsvFileOptions = {}
  ) {}

  /** The records in order; a fatal problem is the last one yielded. Closes the file at the end. */
  async *records(): AsyncGenerator<CsvRecord, void, undefined> {
    const { options } = this
    const handle = await open(this.path, 'r')
    let head: Buffer
    try {
      const buffer = Buffer.alloc(SAMPLE_BYTES)
      const { bytesRead } = await handle.read(buffer, 0, SAMPLE_BYTES, 0)
      head = buffer.subarray(0, bytesRead)
    } finally {
      await handle.close()
    }
    const encoding = sniffEncoding(head, options.encoding)
    this.encoding = encoding
    const sample = new TextDecoder(encoding).decode(head)
    this.delimiter =
      options.delimiter ??
      detectDelimiter(sample, options.isHeader ?? (() => false), options.headerLine)

    const parser = new CsvParser(this.delimiter, options.maxRecordLength)
    const decoder = new TextDecoder(encoding, { fatal: true })
    const stream = createReadStream(this.path, { highWaterMark: options.chunkSize ?? 1 << 20 })
    const out: CsvRecord[] = []
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        this.bytesRead += chunk.length
        let text: string
        try {
          text = decoder.decode(chunk, { stream: true })
        } catch {
          // Keep the complete lines before the first undecodable byte, then stop
          const lossy = new TextDecoder(encoding).decode(chunk)
          const bad = lossy.indexOf('\uFFFD')
          const cut = lossy.lastIndexOf('\n', bad === -1 ? lossy.length : bad)
          if (cut >= 0) parser.push(lossy.slice(0, cut + 1), out)
          if (!parser.aborted) {
            parser.abort(out, { kind: 'bad-encoding', line: parser.line, encoding })
          }
          yield* out.splice(0)
          return
        }
        parser.push(text, out)
        for (let i = 0; i < out.length; i++) yield out[i]
        out.length = 0
        if (parser.aborted) return
      }
      try {
        parser.push(decoder.decode(), out)
      } catch {
        parser.abort(out, { kind: 'bad-encoding', line: parser.line, encoding })
      }
      parser.end(out)
      yield* out.splice(0)
    } finally {
      stream.destroy()
    }
  }
}
