import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ERROR_CODES, GatewayError, type ErrorCode } from '../../../src/core/errors.ts'
import { v2ErrorCode, v2Status } from '../../../src/http/confluent-v2/errors.ts'
import { toInstanceSettings } from '../../../src/http/confluent-v2/mapping.ts'
import { acceptedFormat, produceFormat } from '../../../src/http/confluent-v2/media-types.ts'
import { v3Failure } from '../../../src/http/confluent-v3/errors.ts'
import { groupState } from '../../../src/http/confluent-v3/mapping.ts'

test('v2 error codes of contracts.md §4', () => {
  const code = (c: ErrorCode, options: { field?: string, kafkaCode?: string } = {}) => v2ErrorCode(new GatewayError(c, 'm', options))
  assert.deepEqual([code('topic_not_found'), code('partition_not_found'), code('consumer_not_found')], [40401, 40402, 40403])
  assert.deepEqual([code('consumer_format_mismatch'), code('consumer_exists'), code('consumer_conflict')], [40601, 40902, 40903])
  assert.deepEqual([code('schema_registry_required', { field: 'key_schema' }), code('schema_registry_required', { field: 'value_schema' }), code('schema_registry_required')], [42201, 42202, 42207])
  assert.deepEqual([code('invalid_request'), code('invalid_consumer_config'), code('invalid_encoding')], [42203, 42204, 42206])
  assert.deepEqual([code('unauthenticated'), code('forbidden'), code('record_too_large')], [40101, 40301, 413])
  assert.deepEqual([code('rate_limited'), code('rate_limited', { kafkaCode: 'THROTTLING_QUOTA_EXCEEDED' })], [429, 42901])
  assert.deepEqual([code('kafka_unavailable'), code('kafka_unavailable', { kafkaCode: 'LEADER_NOT_AVAILABLE' }), code('kafka_error'), code('kafka_timeout')], [50302, 50003, 50002, 50003])
})

test('every error of the table has a v2 and a v3 rendering with a matching HTTP status', () => {
  for (const name of Object.keys(ERROR_CODES) as ErrorCode[]) {
    const error = new GatewayError(name, 'm')
    const v2 = v2ErrorCode(error)
    const status = v2Status(v2)
    assert.ok(status >= 400 && status < 600, `${name}: v2 status ${status}`)
    assert.equal(String(v2).slice(0, 3), String(status), `${name}: ${v2} carries its status`)
    const v3 = v3Failure(error)
    assert.ok(v3.status >= 400 && v3.status < 600, `${name}: v3 status ${v3.status}`)
  }
  assert.deepEqual(v3Failure(new GatewayError('topic_not_found', 'm')), { status: 404, errorCode: 40403 })
  assert.deepEqual(v3Failure(new GatewayError('topic_exists', 'm')), { status: 400, errorCode: 40002 })
  assert.deepEqual(v3Failure(new GatewayError('kafka_unavailable', 'm')), { status: 503, errorCode: 50003 })
})

test('content types name the embedded format; generic JSON means binary', () => {
  assert.deepEqual(produceFormat('application/vnd.kafka.json.v2+json'), { format: 'json', name: 'json' })
  assert.deepEqual(produceFormat('application/vnd.kafka.TEXT.v2+json; charset=utf-8'), { format: 'string', name: 'text' })
  assert.deepEqual(produceFormat('application/vnd.kafka.avro.v2+json'), { format: 'schema', name: 'avro' })
  for (const generic of ['application/json', 'application/json; charset=utf-8', 'application/vnd.kafka.v2+json', 'application/vnd.kafka+json', undefined]) {
    assert.deepEqual(produceFormat(generic), { format: 'binary', name: 'binary' }, String(generic))
  }
  assert.throws(() => produceFormat('application/vnd.kafka.xml.v2+json'), /unknown embedded format xml/)
  assert.deepEqual(acceptedFormat('application/json, application/vnd.kafka.binary.v2+json;q=0.9'), { format: 'binary', name: 'binary' })
  assert.equal(acceptedFormat('*/*'), undefined)
  assert.equal(acceptedFormat(undefined), undefined)
  assert.deepEqual(acceptedFormat('application/vnd.kafka.protobuf.v2+json'), { format: 'schema', name: 'protobuf' })
})

test('consumer settings: Confluent strings and Strimzi booleans, old reset names, clear errors', () => {
  assert.deepEqual(toInstanceSettings({}, { requestTimeoutMs: 1000 }), { format: 'binary', autoOffsetReset: 'latest', autoCommit: true, fetchMinBytes: 1, requestTimeoutMs: 1000 })
  assert.deepEqual(
    toInstanceSettings({ format: 'text', 'auto.offset.reset': 'smallest', 'auto.commit.enable': 'false', 'fetch.min.bytes': '64', 'consumer.request.timeout.ms': 250 }, { requestTimeoutMs: 1000 }),
    { format: 'string', autoOffsetReset: 'earliest', autoCommit: false, fetchMinBytes: 64, requestTimeoutMs: 250 },
  )
  assert.equal(toInstanceSettings({ 'enable.auto.commit': false }, { requestTimeoutMs: 1 }).autoCommit, false)
  for (const [body, field] of [[{ format: 'jsonschema' }, 'format'], [{ 'auto.offset.reset': 'never' }, 'auto.offset.reset'], [{ 'fetch.min.bytes': '-1' }, 'fetch.min.bytes'], [{ 'isolation.level': 'dirty' }, 'isolation.level']] as const) {
    assert.throws(() => toInstanceSettings(body, { requestTimeoutMs: 1 }), (e: GatewayError) => e.code === 'invalid_consumer_config' && e.field === field, field)
  }
})

test('group states in the spelling of the v3 reference', () => {
  assert.deepEqual(['Stable', 'PreparingRebalance', 'CompletingRebalance', 'Empty', 'Dead', 'STABLE', 'weird'].map(groupState), ['STABLE', 'PREPARING_REBALANCE', 'COMPLETING_REBALANCE', 'EMPTY', 'DEAD', 'STABLE', 'UNKNOWN'])
})
