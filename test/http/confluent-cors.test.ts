/**
 * CORS for the Confluent dialects: simple GETs and preflights for every
 * method and the vendor content types a browser client sends.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { V2, V2_JSON } from '../support/confluent-http.ts'
import { confluentMemoryApp } from '../support/confluent-memory.ts'

const ORIGIN = 'https://console.example.com'

test('a GET from an allowed origin carries the CORS headers', async t => {
  const { client } = await confluentMemoryApp(t, { orders: 1 }, { 'http.corsOrigins': [ORIGIN] })
  for (const url of ['/topics', '/v3/clusters']) {
    const res = await client({ method: 'GET', url, headers: { origin: ORIGIN } })
    assert.equal(res.status, 200, url)
    assert.equal(res.headers['access-control-allow-origin'], ORIGIN, url)
    assert.match(res.headers['access-control-expose-headers'] ?? '', /x-request-id/)
  }
  const other = await client({ method: 'GET', url: '/topics', headers: { origin: 'https://elsewhere.example.com' } })
  assert.equal(other.headers['access-control-allow-origin'], undefined)
})

test('preflights allow every method and the vendor content type', async t => {
  const { client } = await confluentMemoryApp(t, { orders: 1 }, { 'http.corsOrigins': [ORIGIN] })
  const cases = [
    { url: '/topics/orders', method: 'POST' },
    { url: '/consumers/g/instances/i', method: 'DELETE' },
    { url: '/v3/clusters/memory/topics/orders', method: 'PATCH' },
    { url: '/v3/clusters/memory/topics/orders/configs/retention.ms', method: 'PUT' },
  ]
  for (const c of cases) {
    const res = await client({ method: 'OPTIONS', url: c.url, headers: { origin: ORIGIN, 'access-control-request-method': c.method, 'access-control-request-headers': 'content-type,accept' } })
    assert.equal(res.status, 204, `${c.method} ${c.url}: ${res.text}`)
    assert.equal(res.headers['access-control-allow-origin'], ORIGIN)
    assert.ok(res.headers['access-control-allow-methods']!.split(',').map(m => m.trim()).includes(c.method), `${c.method} allowed: ${res.headers['access-control-allow-methods']}`)
    assert.match(res.headers['access-control-allow-headers']!, /content-type/)
  }
  // The actual request after the preflight, with the vendor type.
  const produced = await client({ method: 'POST', url: '/topics/orders', headers: { origin: ORIGIN, 'content-type': V2_JSON, accept: V2 }, body: { records: [{ value: 1 }] } })
  assert.equal(produced.status, 200, produced.text)
  assert.equal(produced.headers['access-control-allow-origin'], ORIGIN)
})

test('without configured origins there are no CORS headers', async t => {
  const { client } = await confluentMemoryApp(t, { orders: 1 })
  const res = await client({ method: 'GET', url: '/topics', headers: { origin: ORIGIN } })
  assert.equal(res.headers['access-control-allow-origin'], undefined)
})
