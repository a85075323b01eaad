import assert from 'node:assert/strict'
import { test } from 'node:test'
import { memoryApp } from '../support/memory-gateway.ts'

test('/healthz answers while Kafka is down, /readyz does not', async t => {
  const { app, kafka } = await memoryApp(t)
  assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200)
  assert.equal((await app.inject({ url: '/readyz' })).statusCode, 200)
  kafka.reachable = false
  assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200)
  const ready = await app.inject({ url: '/readyz' })
  assert.equal(ready.statusCode, 503)
  assert.equal(ready.headers['retry-after'], '2')
})

test('/metrics labels requests by route template, not by raw URL', async t => {
  const { app } = await memoryApp(t)
  await app.inject({ method: 'POST', url: '/gateway/v1/topics/orders/records', payload: { value: 1 } })
  await app.inject({ url: '/gateway/v1/topics/orders/partitions/0/records' })
  await app.inject({ url: '/gateway/v1/no/such/route/12345' })
  const text = (await app.inject({ url: '/metrics' })).body
  assert.match(text, /gateway_http_requests_total\{route="\/gateway\/v1\/topics\/:topic\/records",method="POST",status="200"\} 1/)
  assert.match(text, /gateway_http_request_duration_seconds_bucket\{le="0.005",route="\/gateway\/v1\/topics\/:topic\/partitions\/:partition\/records"/)
  assert.doesNotMatch(text, /12345/)
})

test('the OpenAPI 3.1 document lists the native routes, and /docs serves the UI', async t => {
  const { app } = await memoryApp(t)
  const doc = (await app.inject({ url: '/gateway/v1/openapi.json' })).json()
  assert.equal(doc.openapi, '3.1.0')
  for (const path of ['/gateway/v1/topics/{topic}/records', '/gateway/v1/topics/{topic}/partitions/{partition}/records', '/gateway/v1/topics/{topic}/records/stream', '/gateway/v1/topics', '/gateway/v1/cluster', '/gateway/v1/consumer-groups/{group}']) {
    assert.ok(doc.paths[path], `missing ${path}`)
  }
  const ui = await app.inject({ url: '/docs/' })
  assert.equal(ui.statusCode, 200)
})

test('unknown routes under the API prefix get a native 404', async t => {
  const { app } = await memoryApp(t)
  const res = await app.inject({ url: '/gateway/v1/nothing' })
  assert.equal(res.statusCode, 404)
  assert.equal(res.json().code, 'route_not_found')
})

test('every answer carries the request id, and a sane caller id is kept', async t => {
  const { app } = await memoryApp(t)
  const res = await app.inject({ url: '/gateway/v1/cluster', headers: { 'x-request-id': 'abc-123' } })
  assert.equal(res.headers['x-request-id'], 'abc-123')
})
