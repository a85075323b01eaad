import assert from 'node:assert/strict'
import { test } from 'node:test'
import { GatewayError } from '../../../src/core/errors.ts'
import { decodeField, encodeField } from '../../../src/formats/encodings.ts'

test('json encoding round-trips any JSON value', () => {
  for (const value of [{ a: [1, 'x', null] }, 'text', 42, true, [1, 2]]) {
    const bytes = encodeField(value, 'json', 'value')
    assert.deepEqual(decodeField(bytes, 'json', 'value'), value)
  }
})

test('null and absent become null bytes in every encoding', () => {
  for (const encoding of ['json', 'string', 'base64'] as const) {
    assert.equal(encodeField(null, encoding, 'value'), null)
    assert.equal(encodeField(undefined, encoding, 'value'), null)
    assert.equal(decodeField(null, encoding, 'value'), null)
  }
})

test('string encoding keeps UTF-8 text and refuses non-strings', () => {
  assert.equal(encodeField('héllo ✓', 'string', 'value')!.toString('utf8'), 'héllo ✓')
  assert.throws(() => encodeField(12, 'string', 'records[3].value'), (e: GatewayError) => e.code === 'invalid_encoding' && e.field === 'records[3].value')
})

test('base64 encoding carries binary bytes and refuses bad base64', () => {
  const bytes = Buffer.from([0, 255, 1, 128, 10])
  assert.deepEqual(encodeField(bytes.toString('base64'), 'base64', 'value'), bytes)
  assert.equal(decodeField(bytes, 'base64', 'value'), bytes.toString('base64'))
  assert.throws(() => encodeField('@@@', 'base64', 'key'), (e: GatewayError) => e.code === 'invalid_encoding' && /base64/.test(e.message))
  assert.throws(() => encodeField(5, 'base64', 'key'), (e: GatewayError) => e.code === 'invalid_encoding')
})

test('reading non-JSON bytes as json says which encodings to use instead', () => {
  assert.throws(() => decodeField(Buffer.from('not json'), 'json', 'the value at offset 3'),
    (e: GatewayError) => e.code === 'invalid_encoding' && /string or base64/.test(e.message))
})
