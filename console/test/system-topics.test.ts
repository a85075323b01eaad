import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isSystemTopic } from '../src/lib/system-topics.ts'

test('system topics: Kafka-internal ones and names starting with _', () => {
  assert.equal(isSystemTopic({ name: '__consumer_offsets', internal: true }), true)
  assert.equal(isSystemTopic({ name: '_gateway_state', internal: false }), true)
  assert.equal(isSystemTopic({ name: 'orders', internal: false }), false)
})
