import assert from 'node:assert/strict'
import { test } from 'node:test'
import { memoryApp } from '../support/memory-gateway.ts'

async function seeded (t: Parameters<typeof memoryApp>[0]) {
  const ctx = await memoryApp(t, { orders: 2 })
  await ctx.app.inject({ method: 'POST', url: '/gateway/v1/topics/orders/records', payload: { records: [0, 1, 2, 3, 4].map(n => ({ value: { n }, partition: 0, timestamp: 1000 + n, headers: { seq: String(n) } })) } })
  return ctx
}

test('fetch from an offset with a limit returns records and nextOffset', async t => {
  const { app } = await seeded(t)
  const res = await app.inject({ url: '/gateway/v1/topics/orders/partitions/0/records?offset=1&limit=2' })
  assert.equal(res.statusCode, 200)
  const body = res.json()
  assert.deepEqual(body.records.map((r: { offset: number }) => r.offset), [1, 2])
  assert.deepEqual(body.records[0].value, { n: 1 })
  assert.deepEqual(body.records[0].headers, { seq: '1' })
  assert.equal(body.nextOffset, 3)
  assert.equal(body.highWatermark, 5)
})

test('fetch from earliest, latest and a timestamp', async t => {
  const { app } = await seeded(t)
  const earliest = (await app.inject({ url: '/gateway/v1/topics/orders/partitions/0/records?offset=earliest' })).json()
  assert.equal(earliest.records.length, 5)
  const latest = (await app.inject({ url: '/gateway/v1/topics/orders/partitions/0/records?offset=latest' })).json()
  assert.equal(latest.records.length, 0)
  assert.equal(latest.nextOffset, 5)
  const byTime = (await app.inject({ url: '/gateway/v1/topics/orders/partitions/0/records?timestamp=1003' })).json()
  assert.deepEqual(byTime.records.map((r: { offset: number }) => r.offset), [3, 4])
})

test('values render in the requested encoding', async t => {
  const { app } = await seeded(t)
  const res = (await app.inject({ url: '/gateway/v1/topics/orders/partitions/0/records?limit=1&valueEncoding=base64' })).json()
  assert.equal(Buffer.from(res.records[0].value, 'base64').toString(), '{"n":0}')
})

test('fetch errors: unknown partition, bad offset, offset and timestamp together, limit too large', async t => {
  const { app } = await seeded(t)
  const cases = [
    { q: '/partitions/7/records', status: 404, code: 'partition_not_found' },
    { q: '/partitions/0/records?offset=soon', status: 400, code: 'invalid_request' },
    { q: '/partitions/0/records?offset=1&timestamp=5', status: 400, code: 'invalid_request' },
    { q: '/partitions/0/records?limit=1000000', status: 400, code: 'invalid_request' },
    { q: '/partitions/0/records?offset=99', status: 416, code: 'offset_out_of_range' },
  ]
  for (const c of cases) {
    const res = await app.inject({ url: '/gateway/v1/topics/orders' + c.q })
    assert.equal(res.statusCode, c.status, c.q + ' ' + res.body)
    assert.equal(res.json().code, c.code, c.q)
  }
})
