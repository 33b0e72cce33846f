/**
 * @module adapters/demo/writer
 * Streams a JSON array (one element per line) or NDJSON to a file through a `fs.WriteStream`.
 * Records are encoded straight into a ~1 MB buffer; a full buffer is handed to the stream, waiting
 * for `drain` when the stream asks for it, so memory stays bounded however many records are written.
 */
import { createWriteStream, type WriteStream } from 'node:fs'
import { once } from 'node:events'

/** Output shape: a JSON array with one element per line, or one JSON object per line. */
export type RecordFormat = 'json' | 'ndjson'

const CHUNK_BYTES = 1 << 20

/** Writer of one record file. Call `add` for each record, `flush` when `needsFlush`, `close` at the end. */
export class RecordWriter {
  private readonly stream: WriteStream
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES * 2)
  private offset = 0
  private count = 0
  private failure: Error | null = null

  /** Opens `path` for writing (truncating it). */
  constructor(readonly path: string, private readonly format: RecordFormat) {
    this.stream = createWriteStream(path)
    this.stream.on('error', (e) => { this.failure = e })
    if (format === 'json') this.append('[')
  }

  /** Append one record (serialised now; the object may be reused afterwards). */
  add(record: unknown): void {
    const text = JSON.stringify(record)
    if (this.format === 'json') this.append(this.count === 0 ? '\n' : ',\n')
    this.append(text)
    if (this.format === 'ndjson') this.append('\n')
    this.count++
  }

  /** True when enough bytes are buffered that `flush` should be awaited. */
  get needsFlush(): boolean {
    return this.offset >= CHUNK_BYTES
  }

  /** Hand the buffered bytes to the stream, waiting for `drain` if the stream is full. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure
    if (this.offset === 0) return
    const chunk = this.buffer.subarray(0, this.offset)
    this.buffer = Buffer.allocUnsafe(Math.max(CHUNK_BYTES * 2, this.buffer.length))
    this.offset = 0
    if (!this.stream.write(chunk)) await once(this.stream, 'drain')
    if (this.failure) throw this.failure
  }

  /** Flush, close the JSON array and the file. */
  async close(): Promise<void> {
    if (this.format === 'json') this.append(this.count === 0 ? ']\n' : '\n]\n')
    await this.flush()
    this.stream.end()
    await once(this.stream, 'finish')
    if (this.failure) throw this.failure
  }

  private append(text: string): void {
    const worst = text.length * 3
    if (this.offset + worst > this.buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + worst))
      this.buffer.copy(bigger, 0, 0, this.offset)
      this.buffer = bigger
    }
    this.offset += this.buffer.write(text, this.offset, 'utf8')
  }
}
