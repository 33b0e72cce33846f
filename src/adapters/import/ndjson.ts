/**
 * @module adapters/import/ndjson
 * Streams a newline-delimited UTF-8 file line by line, so that a file far larger than the largest
 * JavaScript string (about 512 MB) can be read. Each read chunk is decoded once by a streaming
 * `TextDecoder` (which keeps a character split across two chunks whole), then cut at `\n`.
 */
import { createReadStream } from 'node:fs'

const CARRIAGE_RETURN = 0x0d
const BYTE_ORDER_MARK = 0xfeff

/**
 * Call `onLine` for every line of a UTF-8 file, in order, with its 1-based line number. A final
 * line without `\n` is included; `\r\n` endings and a leading byte-order mark are removed;
 * invalid bytes become U+FFFD.
 * @param chunkSize bytes per read
 * @returns the number of lines read
 */
export async function forEachLine(
  path: string,
  onLine: (text: string, lineNumber: number) => void,
  chunkSize = 1 << 20
): Promise<number> {
  const decoder = new TextDecoder('utf-8')
  let lineNumber = 0
  let tail = ''

  const emit = (line: string) => {
    if (line.length > 0 && line.charCodeAt(line.length - 1) === CARRIAGE_RETURN) {
      line = line.slice(0, -1)
    }
    if (lineNumber === 0 && line.charCodeAt(0) === BYTE_ORDER_MARK) line = line.slice(1)
    lineNumber++
    onLine(line, lineNumber)
  }

  const stream = createReadStream(path, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>
  for await (const chunk of stream) {
    const text = decoder.decode(chunk, { stream: true })
    let nl = text.indexOf('\n')
    if (nl === -1) {
      tail += text
      continue
    }
    emit(tail + text.slice(0, nl))
    let start = nl + 1
    nl = text.indexOf('\n', start)
    while (nl !== -1) {
      emit(text.slice(start, nl))
      start = nl + 1
      nl = text.indexOf('\n', start)
    }
    tail = text.slice(start)
  }
  tail += decoder.decode()
  if (tail.length > 0) emit(tail)
  return lineNumber
}
