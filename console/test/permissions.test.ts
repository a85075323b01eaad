import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Identity, Permission } from '../src/api/types.ts'
import { can, canSome } from '../src/auth/permissions.ts'

function identity (permissions: Omit<Permission, 'id'>[], admin = false): Identity {
  return { principal: 'p', kind: 'api-key', groups: [], admin, permissions: permissions.map((p, i) => ({ ...p, id: String(i) })) }
}

test('an admin may do everything; nobody signed in may do nothing', () => {
  assert.equal(can(identity([], true), 'admin', { type: 'topic', name: 'x' }), true)
  assert.equal(can(undefined, 'describe', { type: 'cluster' }), false)
})

test('exact names, prefixes and the all-of-type prefix', () => {
  const who = identity([
    { principal: 'p', operations: ['produce'], resource: { type: 'topic', name: 'orders' } },
    { principal: 'p', operations: ['consume'], resource: { type: 'topic', prefix: 'team-' } },
    { principal: 'p', operations: ['describe'], resource: { type: 'access-point', prefix: '' } },
  ])
  assert.equal(can(who, 'produce', { type: 'topic', name: 'orders' }), true)
  assert.equal(can(who, 'produce', { type: 'topic', name: 'orders-2' }), false)
  assert.equal(can(who, 'consume', { type: 'topic', name: 'team-a' }), true)
  assert.equal(can(who, 'consume', { type: 'topic' }), false, 'a listing needs a grant on all topics')
  assert.equal(can(who, 'describe', { type: 'access-point' }), true)
  assert.equal(can(who, 'admin', { type: 'access-point', name: 'datahub-1' }), false)
})

test('admin implies every operation; produce and consume imply describe', () => {
  const who = identity([
    { principal: 'p', operations: ['admin'], resource: { type: 'topic', prefix: 'lab-' } },
    { principal: 'p', operations: ['consume'], resource: { type: 'group', name: 'g' } },
  ])
  assert.equal(can(who, 'consume', { type: 'topic', name: 'lab-1' }), true)
  assert.equal(can(who, 'describe', { type: 'group', name: 'g' }), true)
  assert.equal(can(who, 'produce', { type: 'group', name: 'g' }), false)
  assert.equal(canSome(who, 'admin', 'topic'), true, 'may create topics under its prefix')
  assert.equal(canSome(who, 'admin', 'access-point'), false)
})
