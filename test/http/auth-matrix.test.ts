// The permission matrix (issue 4 "Tests"): one authorizer decides for every
// dialect. The first two tests cover every route any dialect registers (they
// discover the routes, so a new dialect is covered the day it lands); the
// matrix below checks each native route against its grant.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { InjectOptions } from 'fastify'
import { ADMIN, basic, bearer, createKey, grant, identityApp, type CreatedKey } from '../support/identity.ts'

/** Routes open to anyone by design: probes, docs, the console's static files, the OpenAPI document. */
const PUBLIC = [/^\/healthz$/, /^\/readyz$/, /^\/metrics$/, /^\/docs(\/|$)/, /^\/console(\/|$)/, /^\/gateway\/v1\/openapi\.json$/]

/** A URL matching the route: parameters filled in, `::` (Fastify's escaped colon, e.g. `configs::alter`) made literal. */
const concrete = (url: string): string => url.split('::').map(part => part.replace(/:(\w+)/g, (_m, name: string) => (/partition|offset/.test(name) ? '0' : `x-${name}`))).join(':').replace(/\*$/, 'x')

test('every API route of every dialect declares what it requires', async t => {
  const { app } = await identityApp(t)
  const open = app.routeAccess.filter(r => r.access === null && r.method !== 'OPTIONS' && !PUBLIC.some(p => p.test(r.url)))
  assert.deepEqual(open.map(r => `${r.method} ${r.url}`), [], 'these routes would be open to anyone with GATEWAY_AUTH_MODE=required')
  assert.ok(app.routeAccess.filter(r => r.access).length >= 20)
})

test('without credentials, every guarded route of every dialect answers 401 before reading the body', async t => {
  const { app } = await identityApp(t)
  for (const route of app.routeAccess.filter(r => r.access && r.access !== 'dialect')) {
    const res = await app.inject({ method: route.method as InjectOptions['method'], url: concrete(route.url), payload: 'x'.repeat(10) })
    assert.equal(res.statusCode, 401, `${route.method} ${route.url}: ${res.body}`)
    assert.ok(res.headers['www-authenticate'], `${route.method} ${route.url} lacks WWW-Authenticate`)
  }
})

interface Row {
  what: string
  request: InjectOptions
  /** The grant that allows it. */
  allowedBy: Record<string, unknown>
  /** A grant that looks close but does not. */
  notBy: Record<string, unknown>
}

/** How each dialect says "forbidden" in its own error format. */
interface Dialect {
  name: string
  rows: Row[]
  isForbidden (body: Record<string, unknown>): boolean
}

const topicGrant = (operations: string[], resource: Record<string, unknown>) => ({ operations, resource: { type: 'topic', ...resource } })
const clusterGrant = (operations: string[]) => ({ operations, resource: { type: 'cluster' } })

const ROWS: Row[] = [
  { what: 'produce', request: { method: 'POST', url: '/gateway/v1/topics/orders/records', payload: { value: 1 } }, allowedBy: topicGrant(['produce'], { name: 'orders' }), notBy: topicGrant(['consume'], { name: 'orders' }) },
  { what: 'produce by prefix', request: { method: 'POST', url: '/gateway/v1/topics/logs.app/records', payload: { value: 1 } }, allowedBy: topicGrant(['produce'], { prefix: 'logs.' }), notBy: topicGrant(['produce'], { prefix: 'log-' }) },
  { what: 'fetch', request: { method: 'GET', url: '/gateway/v1/topics/orders/partitions/0/records' }, allowedBy: topicGrant(['consume'], { name: 'orders' }), notBy: topicGrant(['produce'], { name: 'orders' }) },
  { what: 'describe a topic', request: { method: 'GET', url: '/gateway/v1/topics/orders' }, allowedBy: topicGrant(['produce'], { name: 'orders' }), notBy: topicGrant(['describe'], { name: 'payments' }) },
  { what: 'read topic configs', request: { method: 'GET', url: '/gateway/v1/topics/orders/configs' }, allowedBy: topicGrant(['describe'], { prefix: 'ord' }), notBy: clusterGrant(['describe']) },
  { what: 'create a topic', request: { method: 'POST', url: '/gateway/v1/topics', payload: { name: 'new-topic' } }, allowedBy: topicGrant(['admin'], { prefix: 'new-' }), notBy: topicGrant(['admin'], { name: 'orders' }) },
  { what: 'delete a topic', request: { method: 'DELETE', url: '/gateway/v1/topics/payments' }, allowedBy: topicGrant(['admin'], { name: 'payments' }), notBy: topicGrant(['produce', 'consume'], { name: 'payments' }) },
  { what: 'list topics', request: { method: 'GET', url: '/gateway/v1/topics' }, allowedBy: clusterGrant(['describe']), notBy: topicGrant(['describe'], { name: 'orders' }) },
  { what: 'cluster', request: { method: 'GET', url: '/gateway/v1/cluster' }, allowedBy: clusterGrant(['describe']), notBy: topicGrant(['admin'], { prefix: '' }) },
  { what: 'list consumer groups', request: { method: 'GET', url: '/gateway/v1/consumer-groups' }, allowedBy: clusterGrant(['describe']), notBy: { operations: ['describe'], resource: { type: 'group', name: 'g1' } } },
  { what: 'describe a consumer group', request: { method: 'GET', url: '/gateway/v1/consumer-groups/g1' }, allowedBy: { operations: ['describe'], resource: { type: 'group', name: 'g1' } }, notBy: { operations: ['describe'], resource: { type: 'group', name: 'g2' } } },
  { what: 'list credentials', request: { method: 'GET', url: '/gateway/v1/credentials' }, allowedBy: clusterGrant(['admin']), notBy: clusterGrant(['describe']) },
  { what: 'list permissions', request: { method: 'GET', url: '/gateway/v1/permissions' }, allowedBy: clusterGrant(['admin']), notBy: clusterGrant(['describe', 'produce', 'consume']) },
  { what: 'list access points', request: { method: 'GET', url: '/gateway/v1/access-points' }, allowedBy: { operations: ['describe'], resource: { type: 'access-point', prefix: '' } }, notBy: { operations: ['describe'], resource: { type: 'access-point', name: 'datahub-00000000' } } },
]

const V2_JSON = { 'content-type': 'application/vnd.kafka.json.v2+json', 'accept': 'application/vnd.kafka.v2+json' }

// Confluent clients authenticate with HTTP Basic (key id, secret); see basicFor below.
const CONFLUENT_ROWS: Row[] = [
  { what: 'v2 produce', request: { method: 'POST', url: '/topics/orders', headers: V2_JSON, payload: { records: [{ value: { n: 1 } }] } }, allowedBy: topicGrant(['produce'], { name: 'orders' }), notBy: topicGrant(['produce'], { name: 'payments' }) },
  { what: 'v2 describe a topic', request: { method: 'GET', url: '/topics/orders' }, allowedBy: topicGrant(['consume'], { prefix: 'ord' }), notBy: clusterGrant(['describe']) },
  { what: 'v2 list topics', request: { method: 'GET', url: '/topics' }, allowedBy: clusterGrant(['describe']), notBy: topicGrant(['describe'], { name: 'orders' }) },
  { what: 'v3 produce', request: { method: 'POST', url: '/v3/clusters/memory/topics/orders/records', payload: { value: { type: 'JSON', data: { n: 1 } } } }, allowedBy: topicGrant(['produce'], { name: 'orders' }), notBy: topicGrant(['describe'], { name: 'orders' }) },
  { what: 'v3 create a topic', request: { method: 'POST', url: '/v3/clusters/memory/topics', payload: { topic_name: 'team-a.new', partitions_count: 1 } }, allowedBy: topicGrant(['admin'], { prefix: 'team-a.' }), notBy: topicGrant(['admin'], { prefix: 'team-b.' }) },
  { what: 'v3 delete a topic', request: { method: 'DELETE', url: '/v3/clusters/memory/topics/payments' }, allowedBy: topicGrant(['admin'], { name: 'payments' }), notBy: topicGrant(['produce', 'consume'], { name: 'payments' }) },
  { what: 'v3 cluster', request: { method: 'GET', url: '/v3/clusters/memory' }, allowedBy: clusterGrant(['describe']), notBy: topicGrant(['admin'], { prefix: '' }) },
]

const DIALECTS: Dialect[] = [
  { name: 'native', rows: ROWS, isForbidden: body => body.code === 'forbidden' },
  { name: 'confluent', rows: CONFLUENT_ROWS, isForbidden: body => body.error_code === 40301 },
]

for (const dialect of DIALECTS) {
  test(`${dialect.name} routes: allowed by their grant, refused with 403 by a near miss, by no grant, and for a revoked grant`, async t => {
    const { app } = await identityApp(t)
    for (const [i, row] of dialect.rows.entries()) {
      const [allowed, nearMiss, nothing] = await Promise.all([createKey(app, `allowed-${i}`), createKey(app, `near-${i}`), createKey(app, `nothing-${i}`)])
      const permissionId = await grant(app, { principal: `allowed-${i}`, ...row.allowedBy })
      await grant(app, { principal: `near-${i}`, ...row.notBy })
      // Native callers use bearer API tokens, Confluent callers HTTP Basic: both map to the same principal.
      const as = async (key: CreatedKey) => app.inject({ ...row.request, headers: { ...row.request.headers, ...(dialect.name === 'native' ? bearer(key.token) : basic(key.id, key.secret)) } })

      const ok = await as(allowed)
      assert.ok(ok.statusCode !== 401 && ok.statusCode !== 403 && ok.statusCode < 500, `${row.what}: the grant should allow it, got ${ok.statusCode} ${ok.body}`)
      for (const denied of [nearMiss, nothing]) {
        const res = await as(denied)
        assert.equal(res.statusCode, 403, `${row.what}: ${res.body}`)
        assert.ok(dialect.isForbidden(res.json()), `${row.what}: not a ${dialect.name} 403 body: ${res.body}`)
      }
      await app.inject({ method: 'DELETE', url: `/gateway/v1/permissions/${permissionId}`, headers: ADMIN })
      assert.equal((await as(allowed)).statusCode, 403, `${row.what}: a revoked grant must no longer allow it`)
    }
  })
}

test('a group grant applies to every principal carrying the group (mutual TLS OUs, OIDC groups)', async t => {
  // Group membership comes from tokens and certificates; here the authorizer is asked directly.
  const { app, gateway } = await identityApp(t)
  await grant(app, { group: 'writers', operations: ['produce'], resource: { type: 'topic', name: 'orders' } })
  const authorizer = gateway.identity.authorizer
  assert.equal(authorizer.decide({ id: 'carol', kind: 'oidc', groups: ['writers'] }, 'produce', { type: 'topic', name: 'orders' }).allowed, true)
  assert.equal(authorizer.decide({ id: 'dave', kind: 'oidc', groups: ['readers'] }, 'produce', { type: 'topic', name: 'orders' }).allowed, false)
})

test('the SSE stream is guarded like fetch', async t => {
  const { app } = await identityApp(t)
  const key = await createKey(app, 'streamer')
  await grant(app, { principal: 'streamer', ...topicGrant(['produce'], { name: 'orders' }) })
  const res = await app.inject({ method: 'GET', url: '/gateway/v1/topics/orders/records/stream', headers: bearer(key.token) })
  assert.equal(res.statusCode, 403)
})

test('nobody reaches the state topic through the data API, not even the admin token', async t => {
  const { app } = await identityApp(t)
  for (const request of [
    { method: 'POST', url: '/gateway/v1/topics/_gateway_state/records', payload: { key: 'permission/x', value: {} } },
    { method: 'GET', url: '/gateway/v1/topics/_gateway_state/partitions/0/records' },
    { method: 'DELETE', url: '/gateway/v1/topics/_gateway_state' },
    { method: 'POST', url: '/topics/_gateway_state', headers: V2_JSON, payload: { records: [{ key: 'permission/x', value: {} }] } },
    { method: 'POST', url: '/v3/clusters/memory/topics/_gateway_state/records', payload: { value: { type: 'JSON', data: {} } } },
  ] as InjectOptions[]) {
    const res = await app.inject({ ...request, headers: { ...request.headers, ...ADMIN } })
    assert.equal(res.statusCode, 403, `${request.method} ${request.url}`)
    assert.match(res.json().message, /shared state/)
  }
})

test('a route whose dialect checks signatures itself is left to it, and listed as such', async t => {
  const { app, gateway } = await identityApp(t)
  // As the Tencent dialect would: look the key up, (verify the signature,) then ask the core.
  app.post('/signed-by-dialect', { config: { checkedByDialect: true } }, async request => {
    const resolved = gateway.identity.credentials.resolveSecret(String(request.headers['x-key-id']))
    if (!resolved) return { allowed: false, reason: 'unknown key' }
    return { allowed: gateway.identity.authorizer.decide(resolved.principal, 'produce', { type: 'topic', name: 'orders' }).allowed }
  })
  const key = await createKey(app, 'signer')
  const unknown = await app.inject({ method: 'POST', url: '/signed-by-dialect', headers: { 'x-key-id': 'GWKNOPE' } })
  assert.equal(unknown.statusCode, 200, 'the root hook must not demand a bearer token here')
  assert.deepEqual(unknown.json(), { allowed: false, reason: 'unknown key' })
  assert.deepEqual((await app.inject({ method: 'POST', url: '/signed-by-dialect', headers: { 'x-key-id': key.id } })).json(), { allowed: false })
  await grant(app, { principal: 'signer', ...topicGrant(['produce'], { name: 'orders' }) })
  assert.deepEqual((await app.inject({ method: 'POST', url: '/signed-by-dialect', headers: { 'x-key-id': key.id } })).json(), { allowed: true })
  assert.equal(app.routeAccess.find(r => r.url === '/signed-by-dialect')?.access, 'dialect')
})
