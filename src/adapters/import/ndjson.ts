/**
 * @module adapters/import/ndjson
 * Streams a newline-delimited file line by line, so that a file far larger than the largest
 * JavaScript string (about 512 MB) can be read. Chunks are cut after their last byte `\n`, which
 * never occurs inside a UTF-8 multi-byte sequence, so no character is ever split when decoding.
 */
import { createReadStream } from 'node:fs'

const NEWLINE = 0x0a
const CARRIAGE_RETURN = 0x0d
const BYTE_ORDER_MARK = 0xfeff

/**
 * Call `onLine` for every line of a UTF-8 file, in order, with its 1-based line number. A final
 * line without `\n` is included; `\r\n` endings and a leading byte-order mark are removed.
 * Each read chunk is decoded once, up to its last `\n`; the bytes after it wait for the next one.
 * @returns the number of lines read
 */
export async function forEachLine(
  path: string,
  onLine: (text: string, lineNumber: number) => void,
  chunkSize = 1 << 20
): Promise<number> {
  const stream = createReadStream(path, { highWaterMark: chunkSize })
  let pending: Buffer[] = []
  let pendingLength = 0
  let lineNumber = 0

  const emit = (text: string, start: number, end: number) => {
    if (end > start && text.charCodeAt(end - 1) === CARRIAGE_RETURN) end--
    if (lineNumber === 0 && text.charCodeAt(start) === BYTE_ORDER_MARK) start++
    lineNumber++
    onLine(start === 0 && end === text.length ? text : text.slice(start, end), lineNumber)
  }

  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const last = chunk.lastIndexOf(NEWLINE)
    if (last === -1) {
      pending.push(chunk)
      pendingLength += chunk.length
      continue
    }
    let from = 0
    if (pendingLength > 0) {
      const first = chunk.indexOf(NEWLINE)
      pending.push(chunk.subarray(0, first))
      const line = Buffer.concat(pending, pendingLength + first).toString('utf8')
      emit(line, 0, line.length)
      pending = []
      pendingLength = 0
      from = first + 1
    }
    if (from <= last) {
      const text = chunk.toString('utf8', from, last)
      let start = 0
      let nl = text.indexOf('\n')
      while (nl !== -1) {
        emit(text, start, nl)
        start = nl + 1
        nl = text.indexOf('\n', start)
      }
      emit(text, start, text.length)
    }
    if (last + 1 < chunk.length) {
      pending.push(chunk.subarray(last + 1))
      pendingLength += chunk.length - last - 1
    }
  }
  if (pendingLength > 0) {
    const text = Buffer.concat(pending, pendingLength).toString('utf8')
    emit(text, 0, text.length)
  }
  return lineNumber
}
