// Pure NAVER translations (contracts.md §2): topic ids, retention, list order,
// and the error table onto seed 003's status codes and messages.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ERROR_CODES, GatewayError, type ErrorCode } from '../../../src/core/errors.ts'
import { NCP_HEADERS_FIELD, naverFailure } from '../../../src/http/naver/errors.ts'
import { filterAndSort, naverTopicId, retentionMsOf, toProduceRecord } from '../../../src/http/naver/mapping.ts'

test('topicId is the Kafka topic id as kafka-topics.sh prints it', () => {
  // 00000000-0000-0000-0000-000000000001 prints as AAAAAAAAAAAAAAAAAAAAAQ in Kafka's tools.
  assert.equal(naverTopicId('00000000-0000-0000-0000-000000000001'), 'AAAAAAAAAAAAAAAAAAAAAQ')
  assert.equal(naverTopicId('d72ab7a3-1681-4096-b71a-db8795f9c4c1'), '1yq3oxaBQJa3GtuHlfnEwQ')
  assert.equal(naverTopicId('not-a-uuid'), 'not-a-uuid')
})

test('retention.ms as a number, null when Kafka did not report it', () => {
  const entry = (value: string | null) => ({ name: 'retention.ms', value, readOnly: false, sensitive: false, isDefault: false, source: 'X' })
  assert.equal(retentionMsOf([entry('86400000')]), 86400000)
  assert.equal(retentionMsOf([entry('-1')]), -1)
  assert.equal(retentionMsOf([entry(null)]), null)
  assert.equal(retentionMsOf([]), null)
})

test('list: descending by default, searchText matches part of the name in any case', () => {
  const topics = ['b-two', 'a-one', 'C-three'].map(topicName => ({ topicName }))
  assert.deepEqual(filterAndSort(topics, {}).map(t => t.topicName), ['C-three', 'b-two', 'a-one'])
  assert.deepEqual(filterAndSort(topics, { descending: false, sortBy: 'topicName' }).map(t => t.topicName), ['a-one', 'b-two', 'C-three'])
  assert.deepEqual(filterAndSort(topics, { searchText: 'T', descending: false }).map(t => t.topicName), ['b-two', 'C-three'])
})

test('a message keeps its key and value as UTF-8 text', () => {
  const record = toProduceRecord({ topic: 't', key: 'clé', value: '값', partition: 2 })
  assert.equal(record.key!.toString('utf8'), 'clé')
  assert.equal(record.value!.toString('utf8'), '값')
  assert.equal(record.partition, 2)
  assert.deepEqual(record.headers, [])
})

test('seed 003 status codes and messages', () => {
  const failure = (code: ErrorCode, surface: 'produce' | 'topics' = 'produce', field?: string) =>
    naverFailure(new GatewayError(code, 'x', field === undefined ? {} : { field }), surface)
  assert.deepEqual(failure('invalid_request', 'produce', NCP_HEADERS_FIELD), { status: 400, detail: 'Bad Request, Invalid headers' })
  assert.deepEqual(failure('partition_not_found'), { status: 400, detail: 'Bad Request, Invalid topic partition' })
  assert.deepEqual(failure('invalid_json'), { status: 400, detail: 'Bad Request' })
  assert.deepEqual(failure('topic_not_found'), { status: 400, detail: 'Bad Request' })
  assert.deepEqual(failure('topic_not_found', 'topics'), { status: 404, detail: 'Not Found' })
  assert.deepEqual(failure('unauthenticated'), { status: 401, detail: 'Unauthorized' })
  assert.deepEqual(failure('forbidden'), { status: 403, detail: 'Forbidden' })
  assert.deepEqual(failure('internal_error'), { status: 500, detail: 'Internal Server Error' })
  assert.deepEqual(failure('kafka_unavailable'), { status: 503, detail: 'Service Unavailable' })
  // Every code of the one error table has an answer.
  for (const code of Object.keys(ERROR_CODES) as ErrorCode[]) {
    const { status, detail } = failure(code, 'topics')
    assert.ok(status >= 400 && status < 600 && detail !== '', code)
  }
})
