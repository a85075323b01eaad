/**
 * The records of one partition fetch, kept column by column over the bytes
 * Kafka sent: offsets and timestamps in typed arrays, keys and values as
 * (source buffer, start, length). Building an object and two Buffer views per
 * record cost the gateway more CPU (allocation, then GC) than moving the
 * bytes; answer writers that read the columns copy keys and values straight
 * from the source. `toRecords` builds the objects for writers that want them.
 */
import type { ConsumedRecord, RecordHeader } from './model.ts'

const NULL_LENGTH = -1
const NO_HEADERS: RecordHeader[] = []
const INITIAL_CAPACITY = 64

export class RecordTable {
  #length = 0
  #capacity: number
  /** Key plus value bytes of all records, for metrics and size estimates. */
  payloadBytes = 0
  offsets: Float64Array
  timestamps: Float64Array
  /** The buffer each record's key and value lie in. */
  sources: Buffer[] = []
  keyStarts: Int32Array
  /** -1 for a null key. */
  keyLengths: Int32Array
  valueStarts: Int32Array
  /** -1 for a null value. */
  valueLengths: Int32Array
  /** Per-record headers; records without headers share one empty array. */
  headers: RecordHeader[][] = []
  #anyHeaders = false

  constructor (capacity = INITIAL_CAPACITY) {
    this.#capacity = Math.max(1, capacity)
    this.offsets = new Float64Array(this.#capacity)
    this.timestamps = new Float64Array(this.#capacity)
    this.keyStarts = new Int32Array(this.#capacity)
    this.keyLengths = new Int32Array(this.#capacity)
    this.valueStarts = new Int32Array(this.#capacity)
    this.valueLengths = new Int32Array(this.#capacity)
  }

  get length (): number { return this.#length }

  /** True when at least one record has headers. */
  get hasHeaders (): boolean { return this.#anyHeaders }

  add (source: Buffer, offset: number, timestamp: number, keyStart: number, keyLength: number, valueStart: number, valueLength: number, headers: RecordHeader[]): void {
    const i = this.#length
    if (i === this.#capacity) this.#grow()
    this.offsets[i] = offset
    this.timestamps[i] = timestamp
    this.sources.push(source)
    this.keyStarts[i] = keyStart
    this.keyLengths[i] = keyLength
    this.valueStarts[i] = valueStart
    this.valueLengths[i] = valueLength
    this.headers.push(headers.length === 0 ? NO_HEADERS : headers)
    if (headers.length > 0) this.#anyHeaders = true
    if (keyLength > 0) this.payloadBytes += keyLength
    if (valueLength > 0) this.payloadBytes += valueLength
    this.#length = i + 1
  }

  key (i: number): Buffer | null {
    const length = this.keyLengths[i]!
    if (length === NULL_LENGTH) return null
    const start = this.keyStarts[i]!
    return this.sources[i]!.subarray(start, start + length)
  }

  value (i: number): Buffer | null {
    const length = this.valueLengths[i]!
    if (length === NULL_LENGTH) return null
    const start = this.valueStarts[i]!
    return this.sources[i]!.subarray(start, start + length)
  }

  record (i: number, topic: string, partition: number): ConsumedRecord {
    return { topic, partition, offset: this.offsets[i]!, timestamp: this.timestamps[i]!, key: this.key(i), value: this.value(i), headers: this.headers[i]! }
  }

  toRecords (topic: string, partition: number): ConsumedRecord[] {
    const records: ConsumedRecord[] = new Array(this.#length)
    for (let i = 0; i < this.#length; i++) records[i] = this.record(i, topic, partition)
    return records
  }

  /** A table over copies of the records' keys and values (for records that did not come from Kafka bytes). */
  static fromRecords (records: readonly ConsumedRecord[]): RecordTable {
    const table = new RecordTable(records.length)
    for (const record of records) {
      const keyLength = record.key?.length ?? NULL_LENGTH
      const valueLength = record.value?.length ?? NULL_LENGTH
      const source = Buffer.allocUnsafe(Math.max(0, keyLength) + Math.max(0, valueLength))
      if (record.key) source.set(record.key, 0)
      if (record.value) source.set(record.value, Math.max(0, keyLength))
      table.add(source, record.offset, record.timestamp, 0, keyLength, Math.max(0, keyLength), valueLength, record.headers)
    }
    return table
  }

  #grow (): void {
    this.#capacity *= 2
    const grown = <T extends Float64Array | Int32Array>(from: T, make: (n: number) => T): T => { const to = make(this.#capacity); to.set(from); return to }
    this.offsets = grown(this.offsets, n => new Float64Array(n))
    this.timestamps = grown(this.timestamps, n => new Float64Array(n))
    this.keyStarts = grown(this.keyStarts, n => new Int32Array(n))
    this.keyLengths = grown(this.keyLengths, n => new Int32Array(n))
    this.valueStarts = grown(this.valueStarts, n => new Int32Array(n))
    this.valueLengths = grown(this.valueLengths, n => new Int32Array(n))
  }
}
