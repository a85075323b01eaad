import assert from 'node:assert/strict'
import { test } from 'node:test'
import { GatewayError } from '../../../src/core/errors.ts'
import { isNetworkFailure, mapKafkaError } from '../../../src/kafka/errors.ts'

test('protocol errors map by id, found anywhere in the error tree', () => {
  const nested = Object.assign(new AggregateError([{ apiId: 'TOPIC_ALREADY_EXISTS', serverErrorMessage: 'exists' }]), { code: 'PLT_KFK_RESPONSE' })
  const mapped = mapKafkaError(nested, { action: 'create the topic', topic: 'orders' })
  assert.equal(mapped.code, 'topic_exists')
  assert.equal(mapped.status, 409)
  assert.match(mapped.message, /orders/)
})

test('unknown topic, out of range and unavailability classes', () => {
  assert.equal(mapKafkaError({ apiId: 'UNKNOWN_TOPIC_OR_PARTITION' }, { action: 'x', topic: 't' }).code, 'topic_not_found')
  assert.equal(mapKafkaError({ apiId: 'OFFSET_OUT_OF_RANGE' }, { action: 'x', topic: 't', partition: 0 }).code, 'offset_out_of_range')
  const unavailable = mapKafkaError({ apiId: 'NOT_ENOUGH_REPLICAS' }, { action: 'x' })
  assert.equal(unavailable.status, 503)
  assert.equal(unavailable.retryable, true)
})

test('network failures become 503 with Retry-After and are recognised as outages', () => {
  const network = { code: 'PLT_KFK_MULTIPLE', errors: [{ code: 'PLT_KFK_NETWORK', cause: { code: 'ECONNREFUSED' } }] }
  const mapped = mapKafkaError(network, { action: 'fetch records' })
  assert.equal(mapped.code, 'kafka_unavailable')
  assert.equal(mapped.retryAfterSeconds, 2)
  assert.equal(isNetworkFailure(network), true)
  assert.equal(isNetworkFailure({ apiId: 'TOPIC_ALREADY_EXISTS' }), false)
})

test('gateway errors pass through and unknown errors become kafka_error', () => {
  const own = new GatewayError('overloaded', 'busy')
  assert.equal(mapKafkaError(own, { action: 'x' }), own)
  assert.equal(mapKafkaError(new Error('weird'), { action: 'x' }).code, 'kafka_error')
})
