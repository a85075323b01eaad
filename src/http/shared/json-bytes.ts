/**
 * JSON answers built as bytes, for the hot paths that render many records
 * (native fetch and SSE, Confluent v2 consumer records). A generic
 * serializer turns every value into a JS string, escapes it, concatenates
 * megabytes of text and encodes it back to UTF-8. Here a value whose bytes
 * can stand in JSON as they are (valid UTF-8, nothing to escape) is copied
 * straight from the Kafka buffer into the answer; base64 is written without
 * a detour through a JSON string; a json-encoded value is checked with
 * JSON.parse but sent as the producer wrote it (lossless, and no
 * re-serialization).
 */
import { isUtf8 } from 'node:buffer'
import type { BufferPool, PooledBuffer } from '../../core/buffer-pool.ts'
import type { ConsumedRecord } from '../../core/model.ts'
import { decodeField, type Encoding } from '../../formats/encodings.ts'

const QUOTE = 0x22
const BACKSLASH = 0x5c
const FIRST_PRINTABLE = 0x20
const FIRST_NON_ASCII = 0x80

const NOTHING_TO_RELEASE = (): void => {}

/**
 * A growable byte buffer for building one JSON document. With a pool, its
 * memory comes from (and, through toPooled(), goes back to) the pool: a
 * fresh megabyte per answer is memory outside V8's heap, and every 64 MB of
 * it costs a full garbage collection (buffer-pool.ts).
 */
export class JsonBytes {
  readonly #pool: BufferPool | undefined
  #buffer: Buffer
  #release: () => void = NOTHING_TO_RELEASE
  #length = 0

  constructor (sizeHint: number, pool?: BufferPool) {
    this.#pool = pool
    this.#buffer = this.#take(Math.max(256, sizeHint))
  }

  #take (size: number): Buffer {
    if (!this.#pool) return Buffer.allocUnsafe(size)
    const pooled = this.#pool.take(size)
    this.#release = pooled.release
    return pooled.buffer
  }

  #reserve (bytes: number): void {
    if (this.#length + bytes <= this.#buffer.length) return
    const smaller = this.#buffer
    const releaseSmaller = this.#release
    const bigger = this.#take(Math.max(smaller.length * 2, this.#length + bytes))
    smaller.copy(bigger, 0, 0, this.#length)
    releaseSmaller()
    this.#buffer = bigger
  }

  /** Text that is already JSON (punctuation, numbers, escaped strings). */
  text (json: string): void {
    this.#reserve(json.length * 3)
    this.#length += this.#buffer.write(json, this.#length, 'utf8')
  }

  bytes (raw: Uint8Array): void {
    this.#reserve(raw.length)
    this.#buffer.set(raw, this.#length)
    this.#length += raw.length
  }

  base64String (raw: Buffer): void {
    this.#reserve(Math.ceil(raw.length / 3) * 4 + 2)
    this.#buffer[this.#length++] = QUOTE
    this.#length += this.#buffer.write(raw.toString('base64'), this.#length, 'latin1')
    this.#buffer[this.#length++] = QUOTE
  }

  get length (): number { return this.#length }

  /** Drops what was written after `length` (a record that failed half-way). */
  truncate (length: number): void {
    this.#length = Math.min(length, this.#length)
  }

  toBuffer (): Buffer {
    return this.#buffer.subarray(0, this.#length)
  }

  /** The document and how to give its memory back once written (a no-op without a pool). */
  toPooled (): PooledBuffer {
    return { buffer: this.toBuffer(), release: this.#release }
  }
}

/**
 * True when every byte is printable ASCII other than `"` and `\\`: such bytes
 * are their own JSON string. Checked four bytes at a time (the classic
 * "has a byte less than n / equal to c" word tricks), which is ~3× faster
 * than a byte loop; this check is most of what fetch costs per record.
 */
export function isPlainAscii (bytes: Uint8Array): boolean {
  const start = bytes.byteOffset
  const end = start + bytes.length
  const wordsStart = Math.min((start + 3) & ~3, end)
  const wordsEnd = Math.max(end & ~3, wordsStart)
  const all = new Uint8Array(bytes.buffer)
  for (let i = start; i < wordsStart; i++) if (!isPlainAsciiByte(all[i]!)) return false
  if (wordsEnd > wordsStart) {
    const words = new Uint32Array(bytes.buffer, wordsStart, (wordsEnd - wordsStart) >> 2)
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!
      const quote = w ^ 0x22222222
      const backslash = w ^ 0x5c5c5c5c
      const below20 = (w - 0x20202020) & ~w
      const isQuote = (quote - 0x01010101) & ~quote
      const isBackslash = (backslash - 0x01010101) & ~backslash
      if ((below20 | isQuote | isBackslash | w) & 0x80808080) return false
    }
  }
  for (let i = wordsEnd; i < end; i++) if (!isPlainAsciiByte(all[i]!)) return false
  return true
}

function isPlainAsciiByte (byte: number): boolean {
  return byte >= FIRST_PRINTABLE && byte < FIRST_NON_ASCII && byte !== QUOTE && byte !== BACKSLASH
}

/** True when the bytes, between quotes, are a JSON string equal to JSON.stringify(bytes.toString('utf8')). */
function isPlainJsonString (bytes: Buffer): boolean {
  if (isPlainAscii(bytes)) return true
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!
    if (byte < FIRST_PRINTABLE || byte === QUOTE || byte === BACKSLASH) return false
  }
  // Invalid UTF-8 would turn into U+FFFD with toString; only valid bytes may pass through.
  return isUtf8(bytes)
}

export function writeField (out: JsonBytes, bytes: Buffer | null, encoding: Encoding, where: string, singleLine: boolean): void {
  if (bytes === null) { out.text('null'); return }
  switch (encoding) {
    case 'base64':
      out.base64String(bytes)
      return
    case 'string':
      if (isPlainJsonString(bytes)) {
        out.text('"')
        out.bytes(bytes)
        out.text('"')
      } else {
        out.text(JSON.stringify(bytes.toString('utf8')))
      }
      return
    case 'json': {
      const text = bytes.toString('utf8')
      let parsed: unknown
      try {
        parsed = JSON.parse(text)
      } catch {
        decodeField(bytes, 'json', where) // throws the invalid_encoding error every dialect gives
      }
      // Line breaks between JSON tokens are valid JSON, but not inside one SSE data line.
      out.text(singleLine && /[\r\n]/.test(text) ? JSON.stringify(parsed) : text)
    }
  }
}

/** Room for the JSON of records around their key and value bytes (base64 grows them by a third). */
export function recordsSizeHint (records: ConsumedRecord[]): number {
  let bytes = 256
  for (const r of records) bytes += 160 + ((r.key?.length ?? 0) + (r.value?.length ?? 0)) * 1.4
  return Math.ceil(bytes)
}
