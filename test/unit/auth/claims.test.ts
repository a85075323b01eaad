import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupsFromClaim, readClaimPath } from '../../../src/auth/claims.ts';

test('readClaimPath: plain, nested, and namespaced claims', () => {
  const claims = { groups: ['a'], realm_access: { roles: ['r1', 'r2'] }, 'https://x.example/groups': ['ns'], arr: [{ a: 1 }] };
  assert.deepEqual(readClaimPath(claims, 'groups'), ['a']);
  assert.deepEqual(readClaimPath(claims, 'realm_access.roles'), ['r1', 'r2']);
  assert.deepEqual(readClaimPath(claims, 'https://x.example/groups'), ['ns']);
  assert.equal(readClaimPath(claims, 'realm_access.missing'), undefined);
  assert.equal(readClaimPath(claims, 'groups.length'), undefined);
  assert.equal(readClaimPath(claims, 'realm_access.roles.0'), undefined);
  assert.equal(readClaimPath(claims, 'toString'), undefined);
});

test('groupsFromClaim: array, single string, other', () => {
  assert.deepEqual(groupsFromClaim(['a', 1, 'b', '', null]), ['a', 'b']);
  assert.deepEqual(groupsFromClaim('kafka users'), ['kafka users']);
  assert.deepEqual(groupsFromClaim(undefined), []);
  assert.deepEqual(groupsFromClaim({ a: 1 }), []);
  assert.deepEqual(groupsFromClaim(''), []);
});
