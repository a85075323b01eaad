// The permission matrix (issue 4 "Tests"): one authorizer decides for every
// dialect. The first two tests cover every route any dialect registers (they
// discover the routes, so a new dialect is covered the day it lands); the
// matrix below checks each native route against its grant.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { InjectOptions } from 'fastify'
import { ADMIN, bearer, createKey, grant, identityApp } from '../support/identity.ts'

/** Routes open to anyone by design: probes, docs, the console's static files, the OpenAPI document. */
const PUBLIC = [/^\/healthz$/, /^\/readyz$/, /^\/metrics$/, /^\/docs(\/|$)/, /^\/console(\/|$)/, /^\/gateway\/v1\/openapi\.json$/]

const concrete = (url: string): string => url.replace(/:(\w+)/g, (_m, name: string) => (/partition|offset/.test(name) ? '0' : `x-${name}`)).replace(/\*$/, 'x')

test('every API route of every dialect declares what it requires', async t => {
  const { app } = await identityApp(t)
  const open = app.routeAccess.filter(r => r.access === null && r.method !== 'HEAD' && r.method !== 'OPTIONS' && !PUBLIC.some(p => p.test(r.url)))
  assert.deepEqual(open.map(r => `${r.method} ${r.url}`), [], 'these routes would be open to anyone with GATEWAY_AUTH_MODE=required')
  assert.ok(app.routeAccess.filter(r => r.access).length >= 20)
})

test('without credentials, every guarded route of every dialect answers 401 before reading the body', async t => {
  const { app } = await identityApp(t)
  for (const route of app.routeAccess.filter(r => r.access)) {
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

test('native routes: allowed by their grant, refused with 403 by a near miss, by no grant, and for a revoked grant', async t => {
  const { app } = await identityApp(t)
  for (const [i, row] of ROWS.entries()) {
    const [allowed, nearMiss, nothing] = await Promise.all([createKey(app, `allowed-${i}`), createKey(app, `near-${i}`), createKey(app, `nothing-${i}`)])
    const permissionId = await grant(app, { principal: `allowed-${i}`, ...row.allowedBy })
    await grant(app, { principal: `near-${i}`, ...row.notBy })
    const as = async (token: string) => app.inject({ ...row.request, headers: bearer(token) })

    const ok = await as(allowed.token)
    assert.ok(ok.statusCode !== 401 && ok.statusCode !== 403 && ok.statusCode < 500, `${row.what}: the grant should allow it, got ${ok.statusCode} ${ok.body}`)
    for (const denied of [nearMiss, nothing]) {
      const res = await as(denied.token)
      assert.equal(res.statusCode, 403, `${row.what}: ${res.body}`)
      assert.equal(res.json().code, 'forbidden')
    }
    await app.inject({ method: 'DELETE', url: `/gateway/v1/permissions/${permissionId}`, headers: ADMIN })
    assert.equal((await as(allowed.token)).statusCode, 403, `${row.what}: a revoked grant must no longer allow it`)
  }
})

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
  ] as InjectOptions[]) {
    const res = await app.inject({ ...request, headers: ADMIN })
    assert.equal(res.statusCode, 403, `${request.method} ${request.url}`)
    assert.match(res.json().message, /shared state/)
  }
})
