// Per-principal limits (issue 4 "How much") and audit lines ("every denial
// and every administrative change is audited"; no secret is ever logged).
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { test } from 'node:test'
import pino from 'pino'
import { ADMIN, bearer, createKey, grant, identityApp } from '../support/identity.ts'

function capture (): { logger: pino.Logger, lines: () => Array<Record<string, unknown>>, text: () => string } {
  let text = ''
  const stream = new Writable({ write (chunk, _encoding, done) { text += String(chunk); done() } })
  return {
    logger: pino({ level: 'info' }, stream),
    lines: () => text.split('\n').filter(Boolean).map(line => JSON.parse(line) as Record<string, unknown>),
    text: () => text,
  }
}

test('a principal over its request rate gets 429 with Retry-After; other principals and the admin token are not affected', async t => {
  let now = 5_000_000
  const { app } = await identityApp(t, { now: () => now, overrides: { 'security.limits.requestsPerSecond': 2 } })
  const [alice, bob] = [await createKey(app, 'alice'), await createKey(app, 'bob')]
  const whoami = (headers: Record<string, string>) => app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers })
  assert.equal((await whoami(bearer(alice.token))).statusCode, 200)
  assert.equal((await whoami(bearer(alice.token))).statusCode, 200)
  const limited = await whoami(bearer(alice.token))
  assert.equal(limited.statusCode, 429)
  assert.equal(limited.headers['retry-after'], '1')
  assert.equal(limited.json().code, 'rate_limited')
  assert.match(limited.json().message, /principal alice is over its limit of 2 requests per second on this gateway instance/)
  assert.equal((await whoami(bearer(bob.token))).statusCode, 200)
  for (let i = 0; i < 5; i++) assert.equal((await whoami(ADMIN)).statusCode, 200)
  now += 1000
  assert.equal((await whoami(bearer(alice.token))).statusCode, 200)
})

test('a produce over the principal\'s byte rate is refused before anything is written', async t => {
  const now = 5_000_000
  const { app, kafka } = await identityApp(t, { now: () => now, overrides: { 'security.limits.bytesPerSecond': 100 } })
  const key = await createKey(app, 'alice')
  await grant(app, { principal: 'alice', operations: ['produce'], resource: { type: 'topic', name: 'orders' } })
  const produce = (value: string) => app.inject({ method: 'POST', url: '/gateway/v1/topics/orders/records?valueEncoding=string', headers: bearer(key.token), payload: { value } })
  assert.equal((await produce('x'.repeat(40))).statusCode, 200)
  const limited = await produce('y'.repeat(40))
  assert.equal(limited.statusCode, 429)
  const huge = await produce('z'.repeat(200))
  assert.equal(huge.statusCode, 413)
  assert.equal(huge.json().code, 'request_over_limit')
  const written = [...kafka.topics.get('orders')!.flat()].map(r => r.value!.toString())
  assert.deepEqual(written, ['x'.repeat(40)])
})

test('denials and administrative changes are audit lines; secrets never reach the log', async t => {
  const log = capture()
  const { app } = await identityApp(t, { logger: log.logger })
  const created = await createKey(app, 'alice')
  await grant(app, { principal: 'alice', operations: ['consume'], resource: { type: 'topic', name: 'orders' } })
  await app.inject({ method: 'POST', url: '/gateway/v1/topics/orders/records', headers: bearer(created.token), payload: { value: 1 } })
  await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: bearer('gw_GWKAAAAAAAAAAAAAAAAAAAA_' + 'a'.repeat(40)) })
  const ap = (await app.inject({ method: 'POST', url: '/gateway/v1/access-points', headers: ADMIN, payload: { name: 'a', topic: 'orders' } })).json()
  await app.inject({ method: 'POST', url: `/gateway/v1/access-points/${ap.id}/pause`, headers: ADMIN })
  await app.inject({ method: 'DELETE', url: `/gateway/v1/credentials/${created.id}`, headers: ADMIN })

  const audit = log.lines().filter(line => line.audit === true)
  const events = audit.map(line => line.event)
  assert.deepEqual(events, ['credential.created', 'permission.granted', 'access.denied', 'authentication.failed', 'access-point.created', 'access-point.paused', 'credential.revoked'])
  const denied = audit.find(line => line.event === 'access.denied')!
  assert.deepEqual({ principal: denied.principal, credentialId: denied.credentialId, operation: denied.operation, resource: denied.resource, level: denied.level },
    { principal: 'alice', credentialId: created.id, operation: 'produce', resource: { type: 'topic', name: 'orders' }, level: 40 })
  const made = audit.find(line => line.event === 'credential.created')!
  assert.deepEqual({ principal: made.principal, target: made.target, forPrincipal: made.forPrincipal }, { principal: 'admin', target: { type: 'credential', id: created.id }, forPrincipal: 'alice' })
  assert.ok(!log.text().includes(created.secret), 'the secret must never be logged')
})
