import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compileMessageSchema } from '../../../src/core/identity/message-schema.ts'
import { parseResourceSpec } from '../../../src/cli/resource-spec.ts'

const check = compileMessageSchema({
  type: 'object',
  required: ['device', 'temperature'],
  properties: { device: { type: 'string' }, temperature: { type: 'number' }, tags: { type: 'array', items: { type: 'string' } }, unit: { enum: ['C', 'F'] } },
  additionalProperties: false,
})

function violation (value: string | null): { field?: string, message: string, code?: string } {
  try {
    check(value === null ? null : Buffer.from(value), 'records[3].value')
  } catch (error) {
    return error as { field?: string, message: string, code?: string }
  }
  assert.fail(`expected a violation for ${value}`)
}

test('a conforming value passes', () => {
  check(Buffer.from('{"device":"d1","temperature":21.5,"tags":["a"]}'), 'records[0].value')
})

test('a violation names the record index and the field', () => {
  const cases: Array<[string | null, string, RegExp]> = [
    ['{"device":"d1","temperature":"hot"}', 'records[3].value.temperature', /must be number/],
    ['{"device":"d1"}', 'records[3].value.temperature', /is required/],
    ['{"device":"d1","temperature":1,"extra":1}', 'records[3].value.extra', /not allowed/],
    ['{"device":"d1","temperature":1,"tags":["a",2]}', 'records[3].value.tags[1]', /must be string/],
    ['{"device":"d1","temperature":1,"unit":"K"}', 'records[3].value.unit', /must be one of "C", "F"/],
    ['not json', 'records[3].value', /is not JSON/],
    [null, 'records[3].value', /is null/],
  ]
  for (const [value, field, message] of cases) {
    const error = violation(value)
    assert.equal(error.code, 'schema_violation')
    assert.equal(error.field, field, String(value))
    assert.match(error.message, message)
    assert.ok(error.message.startsWith(field), error.message)
  }
})

test('an invalid schema is refused when the access point is created', () => {
  assert.throws(() => compileMessageSchema({ type: 'objekt' }), { code: 'invalid_schema', field: 'schema' })
})

test('CLI resource specs', () => {
  assert.deepEqual(parseResourceSpec('cluster'), { type: 'cluster' })
  assert.deepEqual(parseResourceSpec('topic:orders'), { type: 'topic', name: 'orders' })
  assert.deepEqual(parseResourceSpec('topic:orders.*'), { type: 'topic', prefix: 'orders.' })
  assert.deepEqual(parseResourceSpec('topic:*'), { type: 'topic', prefix: '' })
  assert.deepEqual(parseResourceSpec('access-point:datahub-1'), { type: 'access-point', name: 'datahub-1' })
  assert.throws(() => parseResourceSpec('queue:x'), /--resource must look like/)
  assert.throws(() => parseResourceSpec('topic:'), /name the resource/)
})
