// Pure Azure translations (contracts.md §3): what the producer API stores,
// what the consumer API answers, the error format and the security group.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { GatewayError } from '../../../src/core/errors.ts'
import { azureErrorCode, azureStatus } from '../../../src/http/azure/errors.ts'
import { assertInRequiredGroup } from '../../../src/http/azure/group-gate.ts'
import { toAzureRecord, toBytes, toTopicConfigs } from '../../../src/http/azure/mapping.ts'

test('strings are stored as their text, every other JSON value as JSON', () => {
  assert.equal(toBytes('**********')!.toString(), '**********')
  assert.equal(toBytes(5)!.toString(), '5')
  assert.equal(toBytes(3.14)!.toString(), '3.14')
  assert.equal(toBytes({ id: 1 })!.toString(), '{"id":1}')
  assert.equal(toBytes([1, 'a'])!.toString(), '[1,"a"]')
  assert.equal(toBytes(true)!.toString(), 'true')
  assert.equal(toBytes(null), null)
  assert.equal(toBytes(undefined), null)
})

test('topic properties become Kafka configs as text', () => {
  assert.deepEqual(toTopicConfigs({ 'retention.ms': 604800000, 'min.insync.replicas': '1', 'unclean.leader.election.enable': false }), { 'retention.ms': '604800000', 'min.insync.replicas': '1', 'unclean.leader.election.enable': 'false' })
})

test('consumed records answer key and value as text', () => {
  const record = { topic: 't', partition: 0, offset: 7, timestamp: 1700000000000, key: Buffer.from('k'), value: Buffer.from('{"a":1}'), headers: [] }
  assert.deepEqual(toAzureRecord(record, 'CreateTime'), { topic: 't', key: 'k', value: '{"a":1}', partition: 0, offset: 7, timestamp: 1700000000000, timestampType: 'CreateTime' })
  assert.equal(toAzureRecord({ ...record, key: null, value: null }, 'LogAppendTime').key, null)
})

test('errors: Azure-style codes, the statuses of the proxy reference', () => {
  assert.equal(azureErrorCode(new GatewayError('topic_not_found', 'x')), 'TopicNotFound')
  assert.equal(azureErrorCode(new GatewayError('kafka_unavailable', 'x')), 'KafkaUnavailable')
  assert.equal(azureStatus(new GatewayError('invalid_config', 'x')), 400)
  assert.equal(azureStatus(new GatewayError('offset_out_of_range', 'x')), 400)
  assert.equal(azureStatus(new GatewayError('unsupported_media_type', 'x')), 400)
  assert.equal(azureStatus(new GatewayError('topic_exists', 'x')), 409)
  assert.equal(azureStatus(new GatewayError('rate_limited', 'x')), 429)
})

test('the security group: members pass, others are forbidden; the admin token and anonymous carry no groups', () => {
  assertInRequiredGroup({ id: 'app', kind: 'oidc', groups: ['g1', 'kafka-rest'] }, 'kafka-rest')
  assertInRequiredGroup({ id: 'app', kind: 'oidc', groups: [] }, undefined)
  assertInRequiredGroup({ id: 'admin', kind: 'admin-token', groups: [] }, 'kafka-rest')
  assertInRequiredGroup({ id: 'anonymous', kind: 'anonymous', groups: [] }, 'kafka-rest')
  assert.throws(() => assertInRequiredGroup({ id: 'app', kind: 'oidc', groups: ['kafka-rest-old'] }, 'kafka-rest'), (e: GatewayError) => e.code === 'forbidden' && /app is not a member of the security group kafka-rest/.test(e.message))
  assert.throws(() => assertInRequiredGroup({ id: 'svc', kind: 'api-key', groups: [] }, 'kafka-rest'), (e: GatewayError) => e.code === 'forbidden')
})
