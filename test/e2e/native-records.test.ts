import assert from 'node:assert/strict'
import { test } from 'node:test'
import { partitionForKey } from '../../src/core/partitioner.ts'
import { BINARY_RECORDS_TYPE } from '../../src/http/native/record-binary.ts'
import { decodeBinaryRecords } from '../support/binary-records.ts'
import { createTopic, startTestGateway } from '../support/gateway.ts'

test('produce then fetch round-trips keys, values and headers in every encoding', async t => {
  const { app, gateway } = await startTestGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 1 })
  const binary = Buffer.from([0, 1, 2, 254, 255])
  const cases = [
    { enc: 'json', key: { id: 7 }, value: { nested: [1, 'two', null], ok: true } },
    { enc: 'string', key: 'user-1', value: 'plain text ✓' },
    { enc: 'base64', key: Buffer.from('k').toString('base64'), value: binary.toString('base64') },
  ] as const
  for (const c of cases) {
    const produced = await app.inject({
      method: 'POST',
      url: `/gateway/v1/topics/${topic}/records?keyEncoding=${c.enc}&valueEncoding=${c.enc}`,
      payload: { records: [{ key: c.key, value: c.value, headers: { trace: `t-${c.enc}`, 'content-type': 'x' } }] },
    })
    assert.equal(produced.statusCode, 200, produced.body)
    const [result] = produced.json().results
    const fetched = await app.inject({ url: `/gateway/v1/topics/${topic}/partitions/0/records?offset=${result.offset}&limit=1&keyEncoding=${c.enc}&valueEncoding=${c.enc}` })
    assert.equal(fetched.statusCode, 200, fetched.body)
    const [record] = fetched.json().records
    assert.deepEqual(record.key, c.key)
    assert.deepEqual(record.value, c.value)
    assert.deepEqual(record.headers, { trace: `t-${c.enc}`, 'content-type': 'x' })
    assert.equal(record.offset, result.offset)
    assert.equal(record.timestamp, result.timestamp)
  }
})

test('keyed records land on the partition the Java client would choose', async t => {
  const { app, gateway } = await startTestGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 6 })
  const keys = Array.from({ length: 20 }, (_, i) => `customer-${i}`)
  const res = await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records?keyEncoding=string`, payload: { records: keys.map(key => ({ key, value: key })) } })
  assert.equal(res.statusCode, 200)
  res.json().results.forEach((r: { partition: number }, i: number) => assert.equal(r.partition, partitionForKey(Buffer.from(keys[i]!), 6)))
  const described = (await app.inject({ url: `/gateway/v1/topics/${topic}` })).json()
  const total = described.partitions.reduce((sum: number, p: { latestOffset: number }) => sum + p.latestOffset, 0)
  assert.equal(total, 20)
})

test('concurrent requests are batched together and every record gets its own exact offset', async t => {
  const { app, gateway, metrics } = await startTestGateway(t, { overrides: { 'producer.lingerMs': 20 } })
  const topic = await createTopic(t, gateway, { partitions: 2 })
  const responses = await Promise.all(Array.from({ length: 40 }, (_, i) => app.inject({
    method: 'POST', url: `/gateway/v1/topics/${topic}/records`, payload: { records: [{ value: { i, part: 'a' }, partition: i % 2 }, { value: { i, part: 'b' }, partition: i % 2 }] },
  })))
  const seen = new Set<string>()
  for (const [i, res] of responses.entries()) {
    assert.equal(res.statusCode, 200, res.body)
    const [a, b] = res.json().results
    assert.equal(b.offset, a.offset + 1, 'records of one request stay contiguous')
    for (const [r, part] of [[a, 'a'], [b, 'b']] as const) {
      const key = `${r.partition}/${r.offset}`
      assert.ok(!seen.has(key), `offset ${key} reported twice`)
      seen.add(key)
      const fetched = (await app.inject({ url: `/gateway/v1/topics/${topic}/partitions/${r.partition}/records?offset=${r.offset}&limit=1` })).json()
      assert.deepEqual(fetched.records[0].value, { i, part })
    }
  }
  const produceBatches = (await metrics.recordsProduced.get()).values[0]!.value
  assert.equal(produceBatches, 80)
})

test('a fetch at the end of the log long-polls until a record arrives', async t => {
  const { app, gateway } = await startTestGateway(t)
  const topic = await createTopic(t, gateway)
  const pending = app.inject({ url: `/gateway/v1/topics/${topic}/partitions/0/records?offset=0&timeoutMs=10000` })
  await new Promise(resolve => setTimeout(resolve, 300))
  await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records`, payload: { value: 'late' } })
  const body = (await pending).json()
  assert.equal(body.records.length, 1)
  assert.equal(body.records[0].value, 'late')
})

test('fetch by timestamp starts at the first record at or after it', async t => {
  const { app, gateway } = await startTestGateway(t)
  const topic = await createTopic(t, gateway)
  await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records`, payload: { records: [10_000, 20_000, 30_000].map(ts => ({ value: ts, timestamp: ts })) } })
  const body = (await app.inject({ url: `/gateway/v1/topics/${topic}/partitions/0/records?timestamp=15000` })).json()
  assert.deepEqual(body.records.map((r: { value: number }) => r.value), [20_000, 30_000])
})

test('bad input against the real broker: unknown topic, unknown partition, offset out of range', async t => {
  const { app, gateway } = await startTestGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 2 })
  const checks = [
    { method: 'POST' as const, url: '/gateway/v1/topics/does-not-exist-xyz/records', payload: { value: 1 }, status: 404, code: 'topic_not_found' },
    { method: 'GET' as const, url: '/gateway/v1/topics/does-not-exist-xyz/partitions/0/records', status: 404, code: 'topic_not_found' },
    { method: 'GET' as const, url: `/gateway/v1/topics/${topic}/partitions/5/records`, status: 404, code: 'partition_not_found' },
    { method: 'POST' as const, url: `/gateway/v1/topics/${topic}/records`, payload: { value: 1, partition: 2 }, status: 404, code: 'partition_not_found' },
    { method: 'GET' as const, url: `/gateway/v1/topics/${topic}/partitions/0/records?offset=1000`, status: 416, code: 'offset_out_of_range' },
  ]
  for (const c of checks) {
    const res = await app.inject({ method: c.method, url: c.url, ...(c.payload ? { payload: c.payload } : {}) })
    assert.equal(res.statusCode, c.status, `${c.url}: ${res.body}`)
    assert.equal(res.json().code, c.code)
  }
})

test('a request larger than one Kafka batch is split and every record still gets its offset', async t => {
  const { app, gateway } = await startTestGateway(t)
  const topic = await createTopic(t, gateway)
  const value = 'y'.repeat(10_000)
  const res = await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records?valueEncoding=string`, payload: { records: Array.from({ length: 300 }, (_, i) => ({ value: value + i })) } })
  assert.equal(res.statusCode, 200, res.body.slice(0, 300))
  const offsets = res.json().results.map((r: { offset: number }) => r.offset)
  assert.deepEqual(offsets, Array.from({ length: 300 }, (_, i) => i))
  const last = (await app.inject({ url: `/gateway/v1/topics/${topic}/partitions/0/records?offset=299&valueEncoding=string` })).json()
  assert.equal(last.records[0].value, value + 299)
})

test('the binary fetch answer carries the same records as the JSON one, bytes untouched', async t => {
  const { app, gateway } = await startTestGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 1 })
  const values = [Buffer.from([0, 1, 2, 254, 255]), Buffer.from('text ✓'), Buffer.alloc(200_000, 9)]
  const produced = await app.inject({
    method: 'POST',
    url: `/gateway/v1/topics/${topic}/records?keyEncoding=base64&valueEncoding=base64`,
    payload: { records: [...values.map((v, i) => ({ key: Buffer.from(`k${i}`).toString('base64'), value: v.toString('base64'), headers: { n: String(i) } })), { value: null }] },
  })
  assert.equal(produced.statusCode, 200, produced.body)
  const url = `/gateway/v1/topics/${topic}/partitions/0/records?offset=0&keyEncoding=base64&valueEncoding=base64`
  const binary = await app.inject({ url, headers: { accept: BINARY_RECORDS_TYPE } })
  assert.equal(binary.statusCode, 200, binary.body)
  const json = (await app.inject({ url })).json()
  const decoded = decodeBinaryRecords(binary.rawPayload)
  assert.equal(decoded.length, 4)
  assert.equal(binary.headers['kafka-next-offset'], String(json.nextOffset))
  assert.equal(binary.headers['kafka-high-watermark'], String(json.highWatermark))
  decoded.forEach((record, i) => {
    const reference = json.records[i]
    assert.equal(record.offset, reference.offset)
    assert.equal(record.timestamp, reference.timestamp)
    assert.equal(record.key?.toString('base64') ?? null, reference.key)
    assert.equal(record.value?.toString('base64') ?? null, reference.value)
    assert.deepEqual(Object.fromEntries(record.headers.map(h => [h.name, h.value?.toString() ?? ''])), reference.headers)
  })
  assert.deepEqual(decoded[0]!.value, values[0])
})

test('a fetch that finds nothing still reports the partition high watermark', async t => {
  const { app, gateway } = await startTestGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 1 })
  await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records`, payload: { records: [{ value: 1 }, { value: 2 }, { value: 3 }] } })
  for (let i = 0; i < 3; i++) {
    for (const query of ['offset=latest', 'offset=3', 'offset=latest&timeoutMs=200']) {
      const res = await app.inject({ url: `/gateway/v1/topics/${topic}/partitions/0/records?${query}` })
      assert.equal(res.statusCode, 200, res.body)
      const body = res.json()
      assert.equal(body.records.length, 0, query)
      assert.equal(body.nextOffset, 3, query)
      assert.equal(body.highWatermark, 3, query)
    }
  }
})
