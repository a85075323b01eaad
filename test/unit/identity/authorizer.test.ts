import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Authorizer } from '../../../src/core/identity/authorizer.ts'
import type { AccessPoint, PermissionGrant } from '../../../src/core/identity/entries.ts'
import { MemoryStateStore } from '../../../src/core/identity/memory-state-store.ts'
import { ADMIN_TOKEN_PRINCIPAL, ANONYMOUS, type Operation, type Principal, type Resource } from '../../../src/core/identity/principal.ts'
import { SharedState } from '../../../src/core/identity/shared-state.ts'

const at = '2026-01-01T00:00:00.000Z'
const grants: PermissionGrant[] = [
  { id: 'p1', principal: 'alice', operations: ['produce'], resource: { type: 'topic', name: 'orders' }, createdAt: at },
  { id: 'p2', principal: 'alice', operations: ['consume'], resource: { type: 'topic', prefix: 'logs.' }, createdAt: at },
  { id: 'p3', group: 'analysts', operations: ['consume', 'describe'], resource: { type: 'group', prefix: 'analytics-' }, createdAt: at },
  { id: 'p4', principal: 'ops', operations: ['admin'], resource: { type: 'topic', prefix: '' }, createdAt: at },
  { id: 'p5', principal: 'root', operations: ['admin'], resource: { type: 'cluster' }, createdAt: at },
  { id: 'p6', principal: 'viewer', operations: ['describe'], resource: { type: 'cluster' }, createdAt: at },
]
const accessPoint: AccessPoint = {
  id: 'datahub-00000001', name: 'partner', topic: 'orders', description: '', schema: null, limits: {},
  allowedPrincipals: ['partner'], status: 'running', createdAt: at, updatedAt: at,
}

async function authorizer (): Promise<Authorizer> {
  const state = new SharedState(new MemoryStateStore(), { credentials: [], permissions: grants, accessPoints: [accessPoint] })
  await state.start()
  return new Authorizer(state, ['_gateway_state'])
}

const key = (id: string, groups: string[] = []): Principal => ({ id, kind: 'api-key', groups })
const topic = (name?: string): Resource => name === undefined ? { type: 'topic' } : { type: 'topic', name }

test('the permission matrix: exact names, prefixes, groups, implied operations', async () => {
  const a = await authorizer()
  const cases: Array<[Principal, Operation, Resource, boolean]> = [
    [key('alice'), 'produce', topic('orders'), true],
    [key('alice'), 'describe', topic('orders'), true], // produce implies describe
    [key('alice'), 'consume', topic('orders'), false], // produce does not imply consume
    [key('alice'), 'produce', topic('orders-eu'), false], // a name is exact, not a prefix
    [key('alice'), 'admin', topic('orders'), false],
    [key('alice'), 'consume', topic('logs.app'), true],
    [key('alice'), 'consume', topic('logsXapp'), false],
    [key('alice'), 'describe', topic(), false], // a listing needs a grant on every topic
    [key('bob'), 'produce', topic('orders'), false],
    [key('bob', ['analysts']), 'consume', { type: 'group', name: 'analytics-daily' }, true],
    [key('bob', ['analysts']), 'consume', { type: 'group', name: 'billing' }, false],
    [key('bob', ['other']), 'consume', { type: 'group', name: 'analytics-daily' }, false],
    [key('ops'), 'consume', topic('anything'), true], // admin implies every operation on the resource
    [key('ops'), 'describe', topic(), true], // prefix '' covers listings
    [key('ops'), 'describe', { type: 'cluster' }, false], // a topic grant says nothing about the cluster
    [key('viewer'), 'describe', { type: 'cluster' }, true],
    [key('viewer'), 'describe', topic('orders'), false],
    [key('root'), 'admin', { type: 'access-point' }, true], // admin on the cluster: administrator
    [key('root'), 'consume', topic('orders'), true],
    [key('partner'), 'produce', { type: 'access-point', name: accessPoint.id }, true], // listed in allowedPrincipals
    [key('partner'), 'admin', { type: 'access-point', name: accessPoint.id }, false],
    [key('partner'), 'produce', { type: 'access-point', name: 'datahub-other' }, false],
    [key('partner'), 'produce', topic('orders'), false], // the access point is no grant on its topic
    [ADMIN_TOKEN_PRINCIPAL, 'admin', topic('orders'), true],
    [ANONYMOUS, 'produce', topic('orders'), true],
  ]
  for (const [principal, operation, resource, allowed] of cases) {
    const decision = a.decide(principal, operation, resource)
    assert.equal(decision.allowed, allowed, `${principal.id} ${operation} ${JSON.stringify(resource)}: ${decision.reason}`)
  }
})

test('the state topic is reserved, even for administrators', async () => {
  const a = await authorizer()
  for (const principal of [ADMIN_TOKEN_PRINCIPAL, ANONYMOUS, key('root'), key('ops')]) {
    for (const operation of ['produce', 'consume', 'admin'] as const) {
      const decision = a.decide(principal, operation, topic('_gateway_state'))
      assert.equal(decision.allowed, false, `${principal.id} ${operation}`)
      assert.match(decision.reason, /shared state/)
    }
  }
  assert.equal(a.decide(ADMIN_TOKEN_PRINCIPAL, 'describe', topic('_gateway_state')).allowed, true)
})

test('authorize throws forbidden with a message naming principal, operation and resource', async () => {
  const a = await authorizer()
  assert.throws(() => a.authorize(key('alice'), 'consume', topic('orders')), (error: Error & { code?: string, status?: number }) => {
    assert.equal(error.code, 'forbidden')
    assert.equal(error.status, 403)
    assert.match(error.message, /alice may not consume on topic orders/)
    return true
  })
})

test('isAdmin and grantsOf follow the grants, including group grants', async () => {
  const a = await authorizer()
  assert.equal(a.isAdmin(key('root')), true)
  assert.equal(a.isAdmin(key('ops')), false)
  assert.equal(a.isAdmin(ADMIN_TOKEN_PRINCIPAL), true)
  assert.deepEqual(a.grantsOf(key('bob', ['analysts'])).map(g => g.id), ['p3'])
  assert.deepEqual(a.grantsOf(key('alice')).map(g => g.id), ['p1', 'p2'])
})

test('before the state is loaded, a decision about an ordinary principal is a 503, not a denial', () => {
  const state = new SharedState(new MemoryStateStore())
  const a = new Authorizer(state, [])
  assert.throws(() => a.decide(key('alice'), 'produce', topic('orders')), { code: 'state_unavailable', status: 503 })
  assert.equal(a.decide(ADMIN_TOKEN_PRINCIPAL, 'produce', topic('orders')).allowed, true)
})
