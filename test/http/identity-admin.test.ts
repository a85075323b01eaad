// The native admin API of issue 4: whoami, credentials, permissions, with the
// shapes agreed with the web console.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { memoryApp } from '../support/memory-gateway.ts'
import { ADMIN, basic, bearer, createKey, grant, identityApp } from '../support/identity.ts'

test('auth mode none: the caller is the anonymous administrator', async t => {
  const { app } = await memoryApp(t)
  const res = await app.inject({ method: 'GET', url: '/gateway/v1/whoami' })
  assert.equal(res.statusCode, 200)
  assert.deepEqual(res.json(), { principal: 'anonymous', kind: 'anonymous', groups: [], admin: true, permissions: [] })
})

test('auth mode required: no credentials is a 401 with a challenge; the admin token is the administrator', async t => {
  const { app } = await identityApp(t)
  const anonymous = await app.inject({ method: 'GET', url: '/gateway/v1/whoami' })
  assert.equal(anonymous.statusCode, 401)
  assert.equal(anonymous.json().code, 'unauthenticated')
  assert.match(String(anonymous.headers['www-authenticate']), /^Bearer realm="kafka-gateway", Basic/)
  const wrong = await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: bearer('not-the-admin-token') })
  assert.equal(wrong.statusCode, 401)
  const admin = await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: ADMIN })
  assert.deepEqual(admin.json(), { principal: 'admin', kind: 'admin-token', groups: [], admin: true, permissions: [] })
})

test('credentials: create shows the secret once; list never does; revoke works at once', async t => {
  const { app } = await identityApp(t)
  const created = await app.inject({ method: 'POST', url: '/gateway/v1/credentials', headers: ADMIN, payload: { principal: 'alice', description: 'billing service' } })
  assert.equal(created.statusCode, 201)
  assert.equal(created.headers['cache-control'], 'no-store')
  const key = created.json()
  assert.deepEqual(Object.keys(key).sort(), ['createdAt', 'description', 'id', 'principal', 'secret', 'token'])
  assert.equal(key.token, `gw_${key.id}_${key.secret}`)

  const listed = await app.inject({ method: 'GET', url: '/gateway/v1/credentials', headers: ADMIN })
  assert.deepEqual(listed.json(), { credentials: [{ id: key.id, principal: 'alice', description: 'billing service', createdAt: key.createdAt, revoked: false }] })
  assert.ok(!listed.body.includes(key.secret))

  for (const headers of [bearer(key.token), basic(key.id, key.secret)]) {
    const me = await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers })
    assert.equal(me.statusCode, 200, me.body)
    assert.deepEqual(me.json(), { principal: 'alice', kind: 'api-key', groups: [], admin: false, permissions: [] })
  }
  const badSecret = await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: basic(key.id, 'x'.repeat(40)) })
  assert.equal(badSecret.statusCode, 401)
  assert.match(badSecret.json().message, /unknown, revoked, or its secret does not match/)

  assert.equal((await app.inject({ method: 'DELETE', url: `/gateway/v1/credentials/${key.id}`, headers: ADMIN })).statusCode, 204)
  assert.equal((await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: bearer(key.token) })).statusCode, 401)
  assert.equal((await app.inject({ method: 'GET', url: '/gateway/v1/credentials', headers: ADMIN })).json().credentials[0].revoked, true)
  const missing = await app.inject({ method: 'DELETE', url: '/gateway/v1/credentials/GWKNOSUCHKEY', headers: ADMIN })
  assert.equal(missing.statusCode, 404)
  assert.equal(missing.json().code, 'credential_not_found')
})

test('credentials: bad input gets a clear 400', async t => {
  const { app } = await identityApp(t)
  const cases: Array<[unknown, string]> = [[{}, 'principal'], [{ principal: '' }, 'principal'], [{ principal: 'a', extra: 1 }, 'extra']]
  for (const [payload, field] of cases) {
    const res = await app.inject({ method: 'POST', url: '/gateway/v1/credentials', headers: ADMIN, payload: payload as object })
    assert.equal(res.statusCode, 400, JSON.stringify(payload))
    assert.equal(res.json().field, field)
  }
})

test('without a master key, creating a key says what to configure', async t => {
  const { app } = await identityApp(t, { masterKey: null })
  const res = await app.inject({ method: 'POST', url: '/gateway/v1/credentials', headers: ADMIN, payload: { principal: 'a' } })
  assert.equal(res.statusCode, 503)
  assert.equal(res.json().code, 'not_configured')
  assert.match(res.json().message, /GATEWAY_MASTER_KEY/)
})

test('permissions: grant, list, show in whoami, revoke', async t => {
  const { app } = await identityApp(t)
  const key = await createKey(app, 'alice')
  const res = await app.inject({ method: 'POST', url: '/gateway/v1/permissions', headers: ADMIN, payload: { principal: 'alice', operations: ['produce', 'consume'], resource: { type: 'topic', prefix: 'orders' } } })
  assert.equal(res.statusCode, 201)
  const permission = res.json()
  assert.match(permission.id, /^perm-[0-9a-f]{12}$/)
  assert.deepEqual({ ...permission, id: undefined, createdAt: undefined }, { id: undefined, createdAt: undefined, principal: 'alice', operations: ['produce', 'consume'], resource: { type: 'topic', prefix: 'orders' } })
  assert.deepEqual((await app.inject({ method: 'GET', url: '/gateway/v1/permissions', headers: ADMIN })).json(), { permissions: [permission] })
  const me = (await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: bearer(key.token) })).json()
  assert.deepEqual(me.permissions, [permission])
  assert.equal((await app.inject({ method: 'DELETE', url: `/gateway/v1/permissions/${permission.id}`, headers: ADMIN })).statusCode, 204)
  assert.deepEqual((await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: bearer(key.token) })).json().permissions, [])
  assert.equal((await app.inject({ method: 'DELETE', url: `/gateway/v1/permissions/${permission.id}`, headers: ADMIN })).json().code, 'permission_not_found')
})

test('permissions: invalid grants are refused with what to fix', async t => {
  const { app } = await identityApp(t)
  const cases: Array<[object, number, RegExp]> = [
    [{ principal: 'a', group: 'g', operations: ['produce'], resource: { type: 'topic', name: 't' } }, 400, /exactly one of principal/],
    [{ operations: ['produce'], resource: { type: 'topic', name: 't' } }, 400, /exactly one of principal/],
    [{ principal: 'a', operations: [], resource: { type: 'topic', name: 't' } }, 400, /operations/],
    [{ principal: 'a', operations: ['write'], resource: { type: 'topic', name: 't' } }, 400, /operations/],
    [{ principal: 'a', operations: ['produce'], resource: { type: 'topic' } }, 400, /exactly one of name/],
    [{ principal: 'a', operations: ['produce'], resource: { type: 'topic', name: 't', prefix: 't' } }, 400, /exactly one of name/],
    [{ principal: 'a', operations: ['admin'], resource: { type: 'cluster', name: 'x' } }, 400, /neither name nor prefix/],
    [{ principal: 'a', operations: ['admin'], resource: { type: 'queue', name: 'x' } }, 400, /resource\.type/],
  ]
  for (const [payload, status, message] of cases) {
    const res = await app.inject({ method: 'POST', url: '/gateway/v1/permissions', headers: ADMIN, payload })
    assert.equal(res.statusCode, status, JSON.stringify(payload))
    assert.match(res.json().message, message, JSON.stringify(payload))
  }
})

test('a principal granted admin on the cluster is an administrator', async t => {
  const { app } = await identityApp(t)
  const key = await createKey(app, 'root')
  assert.equal((await app.inject({ method: 'GET', url: '/gateway/v1/credentials', headers: bearer(key.token) })).statusCode, 403)
  await grant(app, { principal: 'root', operations: ['admin'], resource: { type: 'cluster' } })
  assert.equal((await app.inject({ method: 'GET', url: '/gateway/v1/credentials', headers: bearer(key.token) })).statusCode, 200)
  assert.equal((await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: bearer(key.token) })).json().admin, true)
})

test('declared entries (state file) cannot be changed through the API', async t => {
  const at = '2026-01-01T00:00:00.000Z'
  const { app } = await identityApp(t, {
    declared: {
      credentials: [],
      permissions: [{ id: 'perm-file', principal: 'p', operations: ['produce'], resource: { type: 'topic', name: 'orders' }, createdAt: at }],
      accessPoints: [{ id: 'datahub-fromfile', name: 'f', topic: 'orders', description: '', schema: null, limits: {}, allowedPrincipals: [], status: 'running', createdAt: at, updatedAt: at }],
    },
  })
  for (const [method, url] of [['DELETE', '/gateway/v1/permissions/perm-file'], ['POST', '/gateway/v1/access-points/datahub-fromfile/pause'], ['DELETE', '/gateway/v1/access-points/datahub-fromfile']] as const) {
    const res = await app.inject({ method, url, headers: ADMIN })
    assert.equal(res.statusCode, 409, url)
    assert.equal(res.json().code, 'read_only_entry')
    assert.match(res.json().message, /defined in the declarative state file/)
  }
})

test('the OpenAPI document describes the identity and access point API', async t => {
  const { app } = await identityApp(t)
  const doc = (await app.inject({ method: 'GET', url: '/gateway/v1/openapi.json' })).json()
  for (const path of ['/gateway/v1/whoami', '/gateway/v1/credentials', '/gateway/v1/credentials/{id}', '/gateway/v1/permissions', '/gateway/v1/permissions/{id}',
    '/gateway/v1/access-points', '/gateway/v1/access-points/{id}', '/gateway/v1/access-points/{id}/pause', '/gateway/v1/access-points/{id}/resume', '/gateway/v1/access-points/{id}/messages']) {
    assert.ok(doc.paths[path], `${path} missing from the OpenAPI document`)
  }
})
