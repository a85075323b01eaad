import type { ConsumedRecord } from '../../src/core/model.ts'

export type BinaryRecord = Omit<ConsumedRecord, 'topic' | 'partition'>

/** An independent reader of the documented layout (docs/binary-fetch.md). */
export function decodeBinaryRecords (body: Buffer): BinaryRecord[] {
  const records: BinaryRecord[] = []
  let at = 0
  const bytes = (): Buffer | null => {
    const length = body.readInt32BE(at)
    at += 4
    if (length === -1) return null
    const slice = body.subarray(at, at + length)
    at += length
    return slice
  }
  while (at < body.length) {
    const offset = Number(body.readBigInt64BE(at))
    const timestamp = Number(body.readBigInt64BE(at + 8))
    at += 16
    const key = bytes()
    const value = bytes()
    const count = body.readInt32BE(at)
    at += 4
    const headers = Array.from({ length: count }, () => ({ name: bytes()!.toString('utf8'), value: bytes() }))
    records.push({ offset, timestamp, key, value, headers })
  }
  return records
}
