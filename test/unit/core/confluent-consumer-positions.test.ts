import assert from 'node:assert/strict'
import { test } from 'node:test'
import { currentAssignment, MANUAL_GENERATION } from '../../../src/core/consumers/assignment.ts'
import { isExpired, subscribedTopics } from '../../../src/core/consumers/hosting-rules.ts'
import type { InstanceRecord, MembershipRecord, PositionsRecord } from '../../../src/core/consumers/model.ts'
import { mergePositions, resolvePositions, validPositions } from '../../../src/core/consumers/positions.ts'
import type { FetcherPort } from '../../../src/core/ports.ts'

const instance: InstanceRecord = {
  settings: { format: 'json', autoOffsetReset: 'earliest', autoCommit: false, fetchMinBytes: 1, requestTimeoutMs: 1000 },
  createdAt: 1000, incarnation: 'inc-1', epoch: 2, subscription: { kind: 'topics', topics: ['t'] }, assignment: null,
}
const membership: MembershipRecord = {
  incarnation: 'inc-1', epoch: 2, memberId: 'm-1', generation: 7, assignment: [{ topic: 't', partition: 0 }, { topic: 't', partition: 1 }, { topic: 't', partition: 2 }],
  topics: ['t'], host: 'h', updatedAt: 1, error: null,
}
const ref = { group: 'g', name: 'c' }

test('the assignment comes from the membership of this very subscription', () => {
  const current = currentAssignment(ref, { instance, positions: null, membership })
  assert.deepEqual([current.generation, current.member, current.joining, current.partitions.length], [7, { memberId: 'm-1', generation: 7, instanceId: 'c' }, false, 3])
  for (const stale of [{ ...membership, epoch: 1 }, { ...membership, incarnation: 'older-namesake' }]) {
    const joining = currentAssignment(ref, { instance, positions: null, membership: stale })
    assert.deepEqual([joining.joining, joining.partitions], [true, []])
  }
  const manual = currentAssignment(ref, { instance: { ...instance, subscription: null, assignment: [{ topic: 't', partition: 4 }] }, positions: null, membership })
  assert.deepEqual([manual.generation, manual.member, manual.partitions], [MANUAL_GENERATION, null, [{ topic: 't', partition: 4 }]])
  assert.throws(() => currentAssignment(ref, { instance, positions: null, membership: { ...membership, error: { code: 'forbidden', message: 'GROUP_AUTHORIZATION_FAILED' } } }), (e: Error & { code?: string }) => e.code === 'forbidden')
})

test('positions apply only to the generation they were taken in', () => {
  const positions: PositionsRecord = { incarnation: 'inc-1', generation: 7, positions: [{ topic: 't', partition: 0, offset: 42 }], usedAt: 5 }
  assert.deepEqual([...validPositions(instance, positions, 7).values()], [42])
  assert.equal(validPositions(instance, positions, 8).size, 0, 'after a rebalance, committed offsets rule')
  assert.equal(validPositions(instance, { ...positions, incarnation: 'other' }, 7).size, 0)
})

test('own position first, then the committed offset, then auto.offset.reset', async () => {
  const reset: string[] = []
  const fetcher: FetcherPort = {
    fetch: async () => [],
    resolveOffset: async (_topic, partition, spec) => { reset.push(`${partition}:${spec.kind}`); return 100 + partition },
  }
  const offsets = { commit: async () => {}, committed: async (_g: string, partitions: { partition: number }[]) => partitions.map(p => p.partition === 1 ? 9 : null) }
  const stored: PositionsRecord = { incarnation: 'inc-1', generation: 7, positions: [{ topic: 't', partition: 0, offset: 42 }], usedAt: 5 }
  const assignment = currentAssignment(ref, { instance, positions: stored, membership })
  const from = await resolvePositions({ fetcher, offsets }, 'g', instance, stored, assignment)
  assert.deepEqual(from.map(p => p.offset), [42, 9, 102])
  assert.deepEqual(reset, ['2:earliest'])

  const strict = { ...instance, settings: { ...instance.settings, autoOffsetReset: 'none' as const } }
  await assert.rejects(resolvePositions({ fetcher, offsets }, 'g', strict, null, assignment), /auto.offset.reset is none/)
})

test('merging keeps only assigned partitions and stamps the use', () => {
  const stored: PositionsRecord = { incarnation: 'inc-1', generation: 7, positions: [{ topic: 't', partition: 0, offset: 1 }, { topic: 'gone', partition: 0, offset: 5 }], usedAt: 5 }
  const assignment = currentAssignment(ref, { instance, positions: stored, membership })
  const merged = mergePositions(instance, stored, assignment, [{ topic: 't', partition: 2, offset: 8 }], 99)
  assert.deepEqual(merged, { incarnation: 'inc-1', generation: 7, positions: [{ topic: 't', partition: 0, offset: 1 }, { topic: 't', partition: 2, offset: 8 }], usedAt: 99 })
})

test('expiry counts from the last use, or from creation', () => {
  const used: PositionsRecord = { incarnation: 'inc-1', generation: 7, positions: [], usedAt: 5000 }
  assert.equal(isExpired({ instance, positions: used, membership: null }, 5500, 1000), false)
  assert.equal(isExpired({ instance, positions: used, membership: null }, 6001, 1000), true)
  assert.equal(isExpired({ instance, positions: null, membership: null }, 2001, 1000), true)
  assert.equal(isExpired({ instance: null, positions: used, membership: null }, 1e9, 1000), false)
})

test('subscriptions cover existing topics; a pattern matches whole names, never internal or hidden topics', () => {
  const existing = [{ name: 'orders', internal: false }, { name: 'orders-eu', internal: false }, { name: 'audit', internal: false }, { name: '__consumer_offsets', internal: true }, { name: '_state', internal: false }]
  assert.deepEqual(subscribedTopics({ kind: 'topics', topics: ['audit', 'orders', 'later'] }, existing), ['audit', 'orders'])
  assert.deepEqual(subscribedTopics({ kind: 'pattern', pattern: 'orders' }, existing), ['orders'])
  assert.deepEqual(subscribedTopics({ kind: 'pattern', pattern: 'orders.*' }, existing), ['orders', 'orders-eu'])
  assert.deepEqual(subscribedTopics({ kind: 'pattern', pattern: '.*' }, existing, new Set(['_state'])), ['audit', 'orders', 'orders-eu'])
})
