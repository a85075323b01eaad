import assert from 'node:assert/strict'
import { test } from 'node:test'
import { GatewayError } from '../../../src/core/errors.ts'
import { decodePosition, encodePosition } from '../../../src/core/stream.ts'

test('a stream position round-trips through its event id form', () => {
  const position = new Map([[0, 15], [1, 7], [12, 0]])
  assert.equal(encodePosition(position), '0:15,1:7,12:0')
  assert.deepEqual(decodePosition('0:15,1:7,12:0', 'Last-Event-ID'), position)
})

test('a malformed position names the field and the expected shape', () => {
  assert.throws(() => decodePosition('0=15', 'Last-Event-ID'), (e: GatewayError) => e.code === 'invalid_offset' && e.field === 'Last-Event-ID' && /0:15,1:7/.test(e.message))
})
