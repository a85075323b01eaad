/**
 * The gateway's authentication, permissions and limits apply to the
 * Confluent dialects, and their failures carry Confluent's codes:
 * 40101, 40301, 429 (contracts.md §4).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { V2_JSON } from '../support/confluent-http.ts'
import { bearer, createKey, grant, identityApp } from '../support/identity.ts'

test('no credentials: 401 with error_code 40101 in both versions', async t => {
  const { app } = await identityApp(t)
  for (const url of ['/topics', '/v3/clusters']) {
    const res = await app.inject({ method: 'GET', url })
    assert.equal(res.statusCode, 401, url)
    assert.equal(res.json().error_code, 40101, res.body)
  }
})

test('a principal without permission: 403 with error_code 40301; with it, the call goes through', async t => {
  const { app } = await identityApp(t)
  const key = await createKey(app, 'shipper')
  const produceV2 = () => app.inject({ method: 'POST', url: '/topics/orders', headers: { ...bearer(key.token), 'content-type': V2_JSON }, payload: JSON.stringify({ records: [{ value: 1 }] }) })
  const produceV3 = () => app.inject({ method: 'POST', url: '/v3/clusters/memory/topics/orders/records', headers: { ...bearer(key.token), 'content-type': 'application/json' }, payload: JSON.stringify({ value: { type: 'JSON', data: 1 } }) })
  for (const res of [await produceV2(), await produceV3()]) {
    assert.equal(res.statusCode, 403, res.body)
    assert.equal(res.json().error_code, 40301, res.body)
  }
  await grant(app, { principal: 'shipper', operations: ['produce'], resource: { type: 'topic', name: 'orders' } })
  assert.equal((await produceV2()).statusCode, 200)
  assert.equal((await produceV3()).statusCode, 200)
  const consume = await app.inject({ method: 'POST', url: '/consumers/billing', headers: { ...bearer(key.token), 'content-type': 'application/vnd.kafka.v2+json' }, payload: '{}' })
  assert.deepEqual([consume.statusCode, consume.json().error_code], [403, 40301], 'consumer groups need their own grant')
})

test('over the request rate: 429 with Retry-After', async t => {
  const now = 7_000_000
  const { app } = await identityApp(t, { now: () => now, overrides: { 'security.limits.requestsPerSecond': 1 } })
  const key = await createKey(app, 'reader')
  await grant(app, { principal: 'reader', operations: ['describe'], resource: { type: 'cluster' } })
  assert.equal((await app.inject({ method: 'GET', url: '/brokers', headers: bearer(key.token) })).statusCode, 200)
  const limited = await app.inject({ method: 'GET', url: '/brokers', headers: bearer(key.token) })
  assert.deepEqual([limited.statusCode, limited.json().error_code, limited.headers['retry-after']], [429, 429, '1'])
})
