/**
 * @module adapters/store/payload-reader
 * Reads DongBoHoSoMC / CapNhatTienDoHoSoMC files record by record for the store importer, with
 * the same shapes and messages as `adapters/import/data-dir.ts` (a JSON file: a bare array or one
 * envelope; NDJSON: one record or one envelope per line). Unlike the folder loader it hands the
 * records over chunk by chunk and awaits the consumer between chunks, so that the importer can
 * commit a batch (asynchronously) before reading on: memory stays bounded by one read chunk plus
 * one batch, whatever the file size.
 */
import { createReadStream } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { asEnvelope, checkService, type Envelope, type ServiceName } from '../import/envelope.js'
import { fileIssue, type ImportIssue } from '../import/issues.js'
import { MESSAGES } from '../import/messages.js'
import { parseJson } from '../import/parse-values.js'
import { STORE_MESSAGES } from './messages.js'
import { StoreError } from './store-error.js'

/** One record of a payload file. */
export interface PayloadItem {
  raw: unknown
  /** The line's text when the line is the record itself (NDJSON without envelope), else null. */
  text: string | null
  /** The envelope the record came in, or null. */
  envelope: Envelope | null
  /** 1-based line (NDJSON), or null. */
  line: number | null
  /** 1-based position of the record in the file. */
  index: number
}

/** Where the records of {@link readPayloadFile} go. */
export interface PayloadSink {
  /** A record (synchronous: buffer it). */
  item(item: PayloadItem): void
  /** A file-level problem: a line that is not a record, a whole file that is not JSON… */
  issue(issue: ImportIssue, rejectedRecord: boolean): void
  /** Called between chunks: commit what is buffered if enough. */
  drain(): Promise<void>
}

const CARRIAGE_RETURN = 0x0d
const BYTE_ORDER_MARK = 0xfeff
/** Records of a whole-file JSON payload handed over between two `drain()` calls. */
const JSON_CHUNK = 1_000

/**
 * The lines of a UTF-8 file, one read chunk at a time, as `forEachLine` of
 * `adapters/import/ndjson.ts` cuts them (`\r\n` and a leading byte-order mark removed).
 */
export async function* lineChunks(path: string, chunkSize = 1 << 18): AsyncGenerator<{ first: number; lines: string[] }> {
  const decoder = new TextDecoder('utf-8')
  let lineNumber = 0
  let tail = ''
  const clean = (line: string): string => {
    if (line.length > 0 && line.charCodeAt(line.length - 1) === CARRIAGE_RETURN) line = line.slice(0, -1)
    if (lineNumber === 0 && line.charCodeAt(0) === BYTE_ORDER_MARK) line = line.slice(1)
    lineNumber++
    return line
  }
  const stream = createReadStream(path, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>
  for await (const chunk of stream) {
    const text = decoder.decode(chunk, { stream: true })
    let nl = text.indexOf('\n')
    if (nl === -1) {
      tail += text
      continue
    }
    const first = lineNumber + 1
    const lines = [clean(tail + text.slice(0, nl))]
    let start = nl + 1
    nl = text.indexOf('\n', start)
    while (nl !== -1) {
      lines.push(clean(text.slice(start, nl)))
      start = nl + 1
      nl = text.indexOf('\n', start)
    }
    tail = text.slice(start)
    yield { first, lines }
  }
  tail += decoder.decode()
  if (tail.length > 0) {
    const first = lineNumber + 1
    yield { first, lines: [clean(tail)] }
  }
}

function unreadable(file: string, e: unknown): StoreError {
  const code = (e as NodeJS.ErrnoException).code
  const reason =
    code === 'ERR_STRING_TOO_LONG' || e instanceof RangeError ? MESSAGES.fileTooLarge(file) : (code ?? (e as Error).message)
  return new StoreError(STORE_MESSAGES.fileMissing(file, reason), { cause: e })
}

/**
 * Read a whole JSON file. Unreadable → throws; not JSON → a file-level error issue and undefined.
 * @throws {StoreError} when the file cannot be read
 */
export async function readJsonFile(path: string, file: string, issues: ImportIssue[]): Promise<unknown> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    throw unreadable(file, e)
  }
  const parsed = parseJson(text)
  if (parsed.ok) return parsed.value
  issues.push(fileIssue('error', file, MESSAGES.notJson(parsed.place)))
  return undefined
}

/**
 * Feed the records of a payload file to `sink`: `.ndjson` streamed line by line, `.json` read
 * whole (a bare array or one envelope). Positions count records across envelopes, as the folder
 * loader does.
 * @param path file path
 * @param file the name used in messages (e.g. `dossiers.ndjson`)
 * @throws {StoreError} when the file cannot be read or has another extension
 */
export async function readPayloadFile(path: string, file: string, service: ServiceName, sink: PayloadSink): Promise<void> {
  let index = 0
  if (path.endsWith('.ndjson')) {
    const chunks = lineChunks(path)
    try {
      for (;;) {
        let next: IteratorResult<{ first: number; lines: string[] }>
        try {
          next = await chunks.next()
        } catch (e) {
          throw unreadable(file, e)
        }
        if (next.done) break
        const { first, lines } = next.value
        for (let k = 0; k < lines.length; k++) {
          const text = lines[k]
          if (text.length === 0 || text.trim().length === 0) continue
          const line = first + k
          const parsed = parseJson(text)
          if (!parsed.ok || typeof parsed.value !== 'object' || parsed.value === null) {
            const reason = parsed.ok ? MESSAGES.lineNotRecord : MESSAGES.notJson(parsed.place)
            sink.issue(fileIssue('error', file, reason, line), true)
            continue
          }
          const envelope = asEnvelope(parsed.value)
          if (envelope === null) {
            sink.item({ raw: parsed.value, text, envelope: null, line, index: ++index })
            continue
          }
          const warning = checkService(envelope, service, file, line)
          if (warning) sink.issue(warning, false)
          for (const raw of envelope.records) sink.item({ raw, text: null, envelope, line, index: ++index })
        }
        await sink.drain()
      }
    } finally {
      // Close the file when the consumer stopped early (a failed commit).
      await chunks.return(undefined)
    }
    return
  }
  if (!path.endsWith('.json')) throw new StoreError(STORE_MESSAGES.notPayloadFile(file))
  const issues: ImportIssue[] = []
  const payload = await readJsonFile(path, file, issues)
  for (const issue of issues) sink.issue(issue, false)
  if (payload === undefined) return
  const envelope = asEnvelope(payload)
  if (envelope === null) {
    const expected = MESSAGES.badTopLevel(
      service === 'DongBoHoSoMC'
        ? 'một mảng hồ sơ hoặc gói {service, isUpdating, madonvi, data}'
        : 'một mảng bước xử lý hoặc gói {service, madonvi, data}'
    )
    sink.issue(fileIssue('error', file, expected), false)
    return
  }
  const warning = checkService(envelope, service, file)
  if (warning) sink.issue(warning, false)
  const own = Array.isArray(payload) ? null : envelope
  const records = envelope.records
  for (let i = 0; i < records.length; i++) {
    sink.item({ raw: records[i], text: null, envelope: own, line: null, index: ++index })
    if ((i + 1) % JSON_CHUNK === 0) await sink.drain()
  }
  await sink.drain()
}

/**
 * Feed the records of a body already parsed (an HTTP push: a bare array or an envelope) to
 * `sink`, as {@link readPayloadFile} does for a file.
 */
export async function readPayloadBody(payload: unknown, file: string, service: ServiceName, sink: PayloadSink): Promise<void> {
  const envelope = asEnvelope(payload)
  if (envelope === null) {
    const single = typeof payload === 'object' && payload !== null && !Array.isArray(payload)
    if (single) {
      // One record sent alone (not in an array): accepted as a batch of one.
      sink.item({ raw: payload, text: null, envelope: null, line: null, index: 1 })
      await sink.drain()
      return
    }
    sink.issue(fileIssue('error', file, MESSAGES.badTopLevel('một mảng bản ghi hoặc gói {service, madonvi, data}')), false)
    return
  }
  const warning = checkService(envelope, service, file)
  if (warning) sink.issue(warning, false)
  const own = Array.isArray(payload) ? null : envelope
  for (let i = 0; i < envelope.records.length; i++) {
    sink.item({ raw: envelope.records[i], text: null, envelope: own, line: null, index: i + 1 })
    if ((i + 1) % JSON_CHUNK === 0) await sink.drain()
  }
  await sink.drain()
}
