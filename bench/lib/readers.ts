/**
 * HTTP clients that read a pre-filled topic to its end through the gateway,
 * as an application would: native fetch (one reader per partition following
 * nextOffset), an SSE stream, and a Confluent v2 consumer instance. Each
 * returns records per second from its first request to its last record.
 */
import { randomBytes } from 'node:crypto'

export interface ReadRun { recordsPerSecond: number, records: number }

export async function readNative (baseUrl: string, topic: string, partitions: number, perPartition: number, maxBytes: number): Promise<ReadRun> {
  const started = performance.now()
  const counts = await Promise.all(Array.from({ length: partitions }, async (_, partition) => {
    let offset = 0
    let records = 0
    while (offset < perPartition) {
      const response = await fetch(`${baseUrl}/gateway/v1/topics/${topic}/partitions/${partition}/records?offset=${offset}&limit=10000&maxBytes=${maxBytes}&valueEncoding=string`)
      if (!response.ok) throw new Error(`native fetch answered ${response.status}: ${await response.text()}`)
      const body = await response.json() as { records: unknown[], nextOffset: number }
      records += body.records.length
      offset = body.nextOffset
    }
    return records
  }))
  const records = counts.reduce((a, b) => a + b, 0)
  return { records, recordsPerSecond: records / ((performance.now() - started) / 1000) }
}

const RECORD_EVENT = Buffer.from('event: record\n')

export async function readSse (baseUrl: string, topic: string, expected: number): Promise<ReadRun> {
  const started = performance.now()
  const abort = new AbortController()
  const response = await fetch(`${baseUrl}/gateway/v1/topics/${topic}/records/stream?from=earliest&valueEncoding=string`, { signal: abort.signal })
  if (!response.ok || !response.body) throw new Error(`SSE stream answered ${response.status}`)
  let records = 0
  // Keep the last bytes of a chunk: an event marker may straddle two chunks.
  let carry = Buffer.alloc(0)
  const reader = response.body.getReader()
  while (records < expected) {
    const { value, done } = await reader.read()
    if (done) throw new Error(`SSE stream ended after ${records} of ${expected} records`)
    const chunk = carry.length > 0 ? Buffer.concat([carry, value]) : Buffer.from(value.buffer, value.byteOffset, value.byteLength)
    let at = 0
    while ((at = chunk.indexOf(RECORD_EVENT, at)) !== -1) { records++; at += RECORD_EVENT.length }
    carry = Buffer.from(chunk.subarray(Math.max(0, chunk.length - RECORD_EVENT.length + 1)))
  }
  const seconds = (performance.now() - started) / 1000
  abort.abort()
  return { records, recordsPerSecond: records / seconds }
}

const V2 = 'application/vnd.kafka.v2+json'

export async function readConfluentV2 (baseUrl: string, topic: string, expected: number, maxBytes: number): Promise<ReadRun> {
  const group = `bench-v2-${randomBytes(4).toString('hex')}`
  const created = await fetch(`${baseUrl}/consumers/${group}`, {
    method: 'POST',
    headers: { 'content-type': V2 },
    body: JSON.stringify({ name: 'reader', format: 'binary', 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'false' }),
  })
  if (!created.ok) throw new Error(`creating a v2 consumer answered ${created.status}: ${await created.text()}`)
  const { base_uri: baseUri } = await created.json() as { base_uri: string }
  const instance = baseUri.startsWith('http') ? baseUri : baseUrl + baseUri
  try {
    const subscribed = await fetch(`${instance}/subscription`, { method: 'POST', headers: { 'content-type': V2 }, body: JSON.stringify({ topics: [topic] }) })
    if (!subscribed.ok) throw new Error(`subscribing answered ${subscribed.status}: ${await subscribed.text()}`)
    let records = 0
    let started = 0
    while (records < expected) {
      const requested = performance.now()
      const response = await fetch(`${instance}/records?timeout=1000&max_bytes=${maxBytes}`, { headers: { accept: 'application/vnd.kafka.binary.v2+json' } })
      if (!response.ok) throw new Error(`v2 records answered ${response.status}: ${await response.text()}`)
      const batch = await response.json() as unknown[]
      // The clock starts with the request that brought the first records: joining the group is not counted.
      if (records === 0 && batch.length > 0) started = requested
      records += batch.length
    }
    return { records, recordsPerSecond: records / ((performance.now() - started) / 1000) }
  } finally {
    await fetch(instance, { method: 'DELETE', headers: { 'content-type': V2 } }).catch(() => {})
  }
}
