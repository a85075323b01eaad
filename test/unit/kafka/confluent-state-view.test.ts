import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ConsumedRecord } from '../../../src/core/model.ts'
import { decodeEntry, encodeKey, statePartition } from '../../../src/kafka/consumer-instances/codec.ts'
import { StateView } from '../../../src/kafka/consumer-instances/state-view.ts'

const ref = { group: 'g/1', name: 'c' }
const instance = { settings: { format: 'json' }, createdAt: 1, incarnation: 'i', epoch: 0, subscription: null, assignment: null }
const positions = { incarnation: 'i', generation: -1, positions: [], usedAt: 2 }

function at (offset: number, kind: 'i' | 'p' | 'm', value: object | null): ConsumedRecord {
  return { topic: 's', partition: 0, offset, timestamp: 0, key: encodeKey(kind, ref), value: value === null ? null : Buffer.from(JSON.stringify(value)), headers: [] }
}

test('keys name kind, group and instance; all records of an instance share a partition', () => {
  assert.deepEqual(decodeEntry(encodeKey('p', ref), Buffer.from(JSON.stringify(positions))), { kind: 'p', ref, value: positions })
  assert.deepEqual(decodeEntry(encodeKey('i', ref), null), { kind: 'i', ref, value: null })
  assert.equal(decodeEntry(Buffer.from('not json'), null), null)
  assert.equal(decodeEntry(encodeKey('i', ref), Buffer.from('{"settings":1}')), null, 'a value of the wrong shape is skipped')
  const p = statePartition(ref, 8)
  assert.ok(p >= 0 && p < 8)
  assert.equal(statePartition({ ...ref }, 8), p)
})

test('the view keeps the latest record per kind, applies each offset once, and drops tombstoned instances', () => {
  const view = new StateView()
  const changes: string[] = []
  view.onChange((partition, r) => changes.push(`${partition}:${r.name}`))
  view.apply(0, [at(0, 'i', instance), at(1, 'p', positions)])
  assert.deepEqual(view.state(0, ref), { instance, positions, membership: null })
  assert.equal(view.next(0), 2)
  // A racing reader applying the same records again changes nothing.
  view.apply(0, [at(0, 'i', null), at(1, 'p', null)])
  assert.deepEqual(view.state(0, ref).instance, instance)
  view.apply(0, [at(2, 'i', null), at(3, 'p', null)])
  assert.deepEqual(view.state(0, ref), { instance: null, positions: null, membership: null })
  assert.deepEqual(view.instancesIn(0), [])
  view.skipTo(0, 10)
  view.skipTo(0, 5)
  assert.equal(view.next(0), 10)
  assert.deepEqual(changes, ['0:c', '0:c'])
})
