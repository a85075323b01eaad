/**
 * HTTP clients that read a pre-filled topic to its end through the gateway,
 * as an application that cares about speed would: node:http with keep-alive
 * connections (Node's fetch costs a reader more CPU than the gateway spends
 * on the same answer). Native fetch as JSON and as the binary answer (one
 * reader per partition following the next offset), an SSE stream, and a
 * Confluent v2 consumer instance. Each returns records per second from its
 * first request to its last record.
 */
import { randomBytes } from 'node:crypto'
import http from 'node:http'

export interface ReadRun {
  recordsPerSecond: number
  records: number
  /** The reader's own CPU (user + system) per record, set by bench/http/read.ts. */
  clientCpuMicrosPerRecord?: number
}

interface Answer { status: number, headers: http.IncomingHttpHeaders, body: Buffer }

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 })

function request (url: string, options: { method?: string, headers?: Record<string, string>, body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(url, { agent, method: options.method ?? 'GET', headers: options.headers }, response => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) }))
      response.on('error', reject)
    })
    outgoing.on('error', reject)
    outgoing.end(options.body)
  })
}

async function ok (what: string, answer: Promise<Answer>): Promise<Answer> {
  const settled = await answer
  if (settled.status < 200 || settled.status >= 300) throw new Error(`${what} answered ${settled.status}: ${settled.body.toString()}`)
  return settled
}

/** One reader per partition, each following the next offset until it has read `perPartition` records. */
async function readPartitions (partitions: number, perPartition: number, readFrom: (partition: number, offset: number) => Promise<{ records: number, nextOffset: number }>): Promise<ReadRun> {
  const started = performance.now()
  const counts = await Promise.all(Array.from({ length: partitions }, async (_, partition) => {
    let offset = 0
    let records = 0
    while (offset < perPartition) {
      const read = await readFrom(partition, offset)
      records += read.records
      offset = read.nextOffset
    }
    return records
  }))
  const records = counts.reduce((a, b) => a + b, 0)
  return { records, recordsPerSecond: records / ((performance.now() - started) / 1000) }
}

const recordsUrl = (baseUrl: string, topic: string, partition: number, offset: number, maxBytes: number): string =>
  `${baseUrl}/gateway/v1/topics/${topic}/partitions/${partition}/records?offset=${offset}&limit=10000&maxBytes=${maxBytes}`

export function readNative (baseUrl: string, topic: string, partitions: number, perPartition: number, maxBytes: number): Promise<ReadRun> {
  return readPartitions(partitions, perPartition, async (partition, offset) => {
    const answer = await ok('native fetch', request(recordsUrl(baseUrl, topic, partition, offset, maxBytes) + '&valueEncoding=string'))
    const body = JSON.parse(answer.body.toString()) as { records: unknown[], nextOffset: number }
    return { records: body.records.length, nextOffset: body.nextOffset }
  })
}

const BINARY_RECORDS = 'application/vnd.kafka-gateway.records.v1'

/** Native fetch with the binary answer: the reader walks the length-prefixed records and slices out each value (no parse). */
export function readNativeBinary (baseUrl: string, topic: string, partitions: number, perPartition: number, maxBytes: number): Promise<ReadRun> {
  return readPartitions(partitions, perPartition, async (partition, offset) => {
    const answer = await ok('native binary fetch', request(recordsUrl(baseUrl, topic, partition, offset, maxBytes), { headers: { accept: BINARY_RECORDS } }))
    const values = decodeBinaryRecords(answer.body)
    const count = Number(answer.headers['kafka-record-count'])
    if (values.length !== count) throw new Error(`binary fetch: decoded ${values.length} records, the answer says ${count}`)
    return { records: values.length, nextOffset: Number(answer.headers['kafka-next-offset']) }
  })
}

/** The values of a binary fetch answer (docs/binary-fetch.md), each a view into the body. */
export function decodeBinaryRecords (body: Buffer): (Buffer | null)[] {
  const values: (Buffer | null)[] = []
  let at = 0
  const bytes = (): Buffer | null => {
    const length = body.readInt32BE(at)
    at += 4
    if (length < 0) return null
    const slice = body.subarray(at, at + length)
    at += length
    return slice
  }
  while (at < body.length) {
    at += 16 // offset, timestamp
    bytes() // key
    values.push(bytes())
    const headers = body.readInt32BE(at)
    at += 4
    for (let h = 0; h < headers; h++) { bytes(); bytes() }
  }
  return values
}

const RECORD_EVENT = Buffer.from('event: record\n')

export function readSse (baseUrl: string, topic: string, expected: number): Promise<ReadRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    let records = 0
    // Keep the last bytes of a chunk: an event marker may straddle two chunks.
    let carry = Buffer.alloc(0)
    const outgoing = http.get(`${baseUrl}/gateway/v1/topics/${topic}/records/stream?from=earliest&valueEncoding=string`, { agent: false }, response => {
      if (response.statusCode !== 200) { reject(new Error(`SSE stream answered ${response.statusCode}`)); response.resume(); return }
      response.on('data', (value: Buffer) => {
        if (records >= expected) return
        const chunk = carry.length > 0 ? Buffer.concat([carry, value]) : value
        let at = 0
        while ((at = chunk.indexOf(RECORD_EVENT, at)) !== -1) { records++; at += RECORD_EVENT.length }
        carry = Buffer.from(chunk.subarray(Math.max(0, chunk.length - RECORD_EVENT.length + 1)))
        if (records >= expected) {
          resolve({ records, recordsPerSecond: records / ((performance.now() - started) / 1000) })
          outgoing.destroy()
        }
      })
      response.on('end', () => { if (records < expected) reject(new Error(`SSE stream ended after ${records} of ${expected} records`)) })
      response.on('error', () => {})
    })
    outgoing.on('error', error => { if (records < expected) reject(error) })
  })
}

const V2 = 'application/vnd.kafka.v2+json'

export async function readConfluentV2 (baseUrl: string, topic: string, expected: number, maxBytes: number): Promise<ReadRun> {
  const group = `bench-v2-${randomBytes(4).toString('hex')}`
  const created = await ok('creating a v2 consumer', request(`${baseUrl}/consumers/${group}`, {
    method: 'POST',
    headers: { 'content-type': V2 },
    body: JSON.stringify({ name: 'reader', format: 'binary', 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'false' }),
  }))
  const { base_uri: baseUri } = JSON.parse(created.body.toString()) as { base_uri: string }
  const instance = baseUri.startsWith('http') ? baseUri : baseUrl + baseUri
  try {
    await ok('subscribing', request(`${instance}/subscription`, { method: 'POST', headers: { 'content-type': V2 }, body: JSON.stringify({ topics: [topic] }) }))
    let records = 0
    let started = 0
    while (records < expected) {
      const requested = performance.now()
      const answer = await ok('v2 records', request(`${instance}/records?timeout=1000&max_bytes=${maxBytes}`, { headers: { accept: 'application/vnd.kafka.binary.v2+json' } }))
      const batch = JSON.parse(answer.body.toString()) as unknown[]
      // The clock starts with the request that brought the first records: joining the group is not counted.
      if (records === 0 && batch.length > 0) started = requested
      records += batch.length
    }
    return { records, recordsPerSecond: records / ((performance.now() - started) / 1000) }
  } finally {
    await request(instance, { method: 'DELETE', headers: { 'content-type': V2 } }).catch(() => {})
  }
}
