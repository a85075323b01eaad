// The fetcher's two record readers against the real broker: the raw reader
// (Kafka record batches read straight into tables) and the client library's
// reader give the same records, for every compression codec and with
// committed and aborted transactions mixed with plain records.
import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import { Producer, ProduceAcks, type CompressionAlgorithmValue } from '@platformatic/kafka'
import { loadConfig } from '../../src/config/load.ts'
import type { PartitionFetchResult } from '../../src/core/model.ts'
import { createKafka } from '../../src/kafka/index.ts'
import { bootstrapFromEnv, randomTopic } from '../support/gateway.ts'

function kafkaWith (t: TestContext, recordReader: 'raw' | 'library') {
  const kafka = createKafka(loadConfig({ KAFKA_BOOTSTRAP_SERVERS: bootstrapFromEnv(), GATEWAY_FETCH_RECORD_READER: recordReader }, { 'kafka.retries': 1 }))
  t.after(() => kafka.close())
  return kafka
}

async function fill (t: TestContext, topic: string): Promise<void> {
  const base = { bootstrapBrokers: bootstrapFromEnv().split(','), autocreateTopics: false }
  const plain = new Producer({ ...base, clientId: 'readers-plain', acks: ProduceAcks.ALL })
  const transactional = new Producer({ ...base, clientId: 'readers-tx', transactionalId: randomTopic('tx'), idempotent: true, acks: ProduceAcks.ALL })
  t.after(() => Promise.allSettled([plain.close(), transactional.close()]))
  const message = (value: string, headers?: Map<Buffer, Buffer>) => ({ topic, partition: 0, key: Buffer.from(`key-${value}`), value: Buffer.from(value), ...(headers ? { headers } : {}) })
  for (const compression of ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as CompressionAlgorithmValue[]) {
    await plain.send({ messages: [message(`${compression}-1`), message(`${compression}-2`, new Map([[Buffer.from('codec'), Buffer.from(compression)]]))], compression })
  }
  const committed = await transactional.beginTransaction()
  await committed.send({ messages: [message('committed-1'), message('committed-2')] })
  await committed.commit()
  const aborted = await transactional.beginTransaction()
  await aborted.send({ messages: [message('aborted-1'), message('aborted-2')] })
  await aborted.abort()
  await plain.send({ messages: [message('last')] })
}

async function readAll (fetcher: ReturnType<typeof createKafka>['fetcher'], topic: string): Promise<{ values: string[], offsets: number[], headers: string[], last: PartitionFetchResult }> {
  const values: string[] = []
  const offsets: number[] = []
  const headers: string[] = []
  let offset = 0
  for (;;) {
    // Small byte budgets: several fetches, some starting inside a batch or cut short by the limit.
    const [result] = await fetcher.fetch([{ topic, partition: 0, offset, limit: 3, maxBytes: 200, maxWaitMs: 0 }])
    for (const record of result!.records) {
      values.push(record.value!.toString())
      offsets.push(record.offset)
      for (const header of record.headers) headers.push(`${record.value}:${header.name}=${header.value}`)
    }
    if (result!.nextOffset >= result!.highWatermark) return { values, offsets, headers, last: result! }
    assert.ok(result!.nextOffset > offset, `no progress at offset ${offset}`)
    offset = result!.nextOffset
  }
}

test('raw and library record readers read the same records: every codec, committed transactions in, aborted ones out', async t => {
  const raw = kafkaWith(t, 'raw')
  const library = kafkaWith(t, 'library')
  const topic = randomTopic('readers')
  await raw.admin.createTopic({ name: topic, partitions: 1, replicationFactor: 1, configs: {} }, false)
  t.after(() => raw.admin.deleteTopic(topic).catch(() => {}))
  await fill(t, topic)

  const fromRaw = await readAll(raw.fetcher, topic)
  const fromLibrary = await readAll(library.fetcher, topic)
  assert.deepEqual(fromRaw.values, [
    'none-1', 'none-2', 'gzip-1', 'gzip-2', 'snappy-1', 'snappy-2', 'lz4-1', 'lz4-2', 'zstd-1', 'zstd-2',
    'committed-1', 'committed-2', 'last',
  ])
  assert.deepEqual(fromRaw.headers, ['none-2:codec=none', 'gzip-2:codec=gzip', 'snappy-2:codec=snappy', 'lz4-2:codec=lz4', 'zstd-2:codec=zstd'])
  assert.deepEqual(fromLibrary.values, fromRaw.values)
  assert.deepEqual(fromLibrary.offsets, fromRaw.offsets)
  assert.deepEqual(fromLibrary.headers, fromRaw.headers)
  // Transaction markers take offsets too: the end is past them, where the next record will go.
  assert.equal(fromRaw.last.nextOffset, fromRaw.last.highWatermark)
  assert.equal(fromRaw.last.highWatermark, fromLibrary.last.highWatermark)
  assert.equal(fromRaw.last.logStartOffset, 0)
})
