/**
 * A partition fetch result that holds its records once, either as a
 * RecordTable (from Kafka bytes) or as objects, and builds the other form
 * only when a writer asks for it.
 */
import type { ConsumedRecord, PartitionFetchResult } from './model.ts'
import { RecordTable } from './record-table.ts'

export class FetchedPartition implements PartitionFetchResult {
  readonly #topic: string
  readonly #partition: number
  #table: RecordTable | undefined
  #records: ConsumedRecord[] | undefined
  #releaseBytes: () => void
  #released = false
  nextOffset: number
  highWatermark: number
  logStartOffset: number

  private constructor (topic: string, partition: number, table: RecordTable | undefined, records: ConsumedRecord[] | undefined, nextOffset: number, highWatermark: number, logStartOffset: number, releaseBytes: () => void = () => {}) {
    this.#releaseBytes = releaseBytes
    this.#topic = topic
    this.#partition = partition
    this.#table = table
    this.#records = records
    this.nextOffset = nextOffset
    this.highWatermark = highWatermark
    this.logStartOffset = logStartOffset
  }

  /** `releaseBytes` gives back the buffer the table points into (see release). */
  static ofTable (topic: string, partition: number, table: RecordTable, positions: { nextOffset: number, highWatermark: number, logStartOffset: number }, releaseBytes?: () => void): FetchedPartition {
    return new FetchedPartition(topic, partition, table, undefined, positions.nextOffset, positions.highWatermark, positions.logStartOffset, releaseBytes)
  }

  static ofRecords (records: ConsumedRecord[], positions: { nextOffset: number, highWatermark: number, logStartOffset: number }): FetchedPartition {
    const first = records[0]
    return new FetchedPartition(first?.topic ?? '', first?.partition ?? -1, undefined, records, positions.nextOffset, positions.highWatermark, positions.logStartOffset)
  }

  get table (): RecordTable {
    this.#assertNotReleased()
    this.#table ??= RecordTable.fromRecords(this.#records!)
    return this.#table
  }

  get records (): ConsumedRecord[] {
    this.#assertNotReleased()
    this.#records ??= this.#table!.toRecords(this.#topic, this.#partition)
    return this.#records
  }

  /** Key plus value bytes of the records. */
  get payloadBytes (): number {
    if (this.#table) return this.#table.payloadBytes
    let bytes = 0
    for (const record of this.#records!) bytes += (record.key?.length ?? 0) + (record.value?.length ?? 0)
    return bytes
  }

  /** Records built as objects are views of the same bytes: once they exist, the bytes stay theirs. */
  release (): void {
    if (this.#records !== undefined) return
    this.#releaseBytes()
    this.#releaseBytes = () => {}
    this.#released = true
  }

  #assertNotReleased (): void {
    if (this.#released) throw new Error('the fetched records were released; read them before release()')
  }

  get recordCount (): number {
    return this.#table?.length ?? this.#records!.length
  }
}
