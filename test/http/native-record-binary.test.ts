import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ConsumedRecord } from '../../src/core/model.ts'
import { BufferPool } from '../../src/core/buffer-pool.ts'
import { RecordTable } from '../../src/core/record-table.ts'
import { acceptsBinaryRecords, BINARY_RECORDS_TYPE, binaryRecords } from '../../src/http/native/record-binary.ts'
import { decodeBinaryRecords as decode } from '../support/binary-records.ts'
import { memoryApp } from '../support/memory-gateway.ts'

test('binary records decode back to the same offsets, times, keys, values and headers', () => {
  const records: ConsumedRecord[] = [
    { topic: 't', partition: 0, offset: 0, timestamp: 1_700_000_000_000, key: null, value: null, headers: [] },
    { topic: 't', partition: 0, offset: 2 ** 40 + 7, timestamp: -1, key: Buffer.from('k'), value: Buffer.from([0, 0xff, 0x22, 0x0a]), headers: [{ name: 'ünï', value: Buffer.from('v') }, { name: 'empty', value: Buffer.alloc(0) }, { name: 'nil', value: null }] },
    { topic: 't', partition: 0, offset: Number.MAX_SAFE_INTEGER, timestamp: 5, key: Buffer.alloc(0), value: Buffer.alloc(70_000, 7), headers: [] },
  ]
  const body = binaryRecords(RecordTable.fromRecords(records), new BufferPool()).buffer
  assert.deepEqual(decode(body), records.map(({ topic: _t, partition: _p, ...rest }) => rest))
  assert.equal(binaryRecords(new RecordTable(), new BufferPool()).buffer.length, 0)
})

test('Accept negotiation: the media type, in a list, any case, but not with q=0', () => {
  assert.equal(acceptsBinaryRecords(undefined), false)
  assert.equal(acceptsBinaryRecords('application/json'), false)
  assert.equal(acceptsBinaryRecords(BINARY_RECORDS_TYPE), true)
  assert.equal(acceptsBinaryRecords(`application/json;q=0.5, ${BINARY_RECORDS_TYPE.toUpperCase()}`), true)
  assert.equal(acceptsBinaryRecords(`${BINARY_RECORDS_TYPE};q=0.9`), true)
  assert.equal(acceptsBinaryRecords(`${BINARY_RECORDS_TYPE}; q=0`), false)
  assert.equal(acceptsBinaryRecords(`${BINARY_RECORDS_TYPE}.v2`), false)
})

test('fetch answers binary records with the next offset, high watermark and count in headers', async t => {
  const { app } = await memoryApp(t, { orders: 1 })
  await app.inject({ method: 'POST', url: '/gateway/v1/topics/orders/records?valueEncoding=string', payload: { records: [{ value: 'a', headers: { h: 'x' } }, { key: 'k', value: 'b' }, { value: null }] } })
  const res = await app.inject({ url: '/gateway/v1/topics/orders/partitions/0/records?offset=1', headers: { accept: BINARY_RECORDS_TYPE } })
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['content-type'], BINARY_RECORDS_TYPE)
  assert.equal(res.headers['kafka-next-offset'], '3')
  assert.equal(res.headers['kafka-high-watermark'], '3')
  assert.equal(res.headers['kafka-record-count'], '2')
  const records = decode(res.rawPayload)
  assert.deepEqual(records.map(r => [r.offset, r.key && JSON.parse(r.key.toString()), r.value?.toString() ?? null]), [[1, 'k', 'b'], [2, null, null]])
})

test('binary fetch errors are JSON error bodies, like every other answer', async t => {
  const { app } = await memoryApp(t, { orders: 1 })
  const res = await app.inject({ url: '/gateway/v1/topics/orders/partitions/4/records', headers: { accept: BINARY_RECORDS_TYPE } })
  assert.equal(res.statusCode, 404)
  assert.match(String(res.headers['content-type']), /application\/json/)
  assert.equal(res.json().code, 'partition_not_found')
})
