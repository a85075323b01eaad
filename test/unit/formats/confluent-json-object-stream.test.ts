import assert from 'node:assert/strict'
import { test } from 'node:test'
import { JsonObjectSplitter } from '../../../src/formats/json-object-stream.ts'

test('objects come out as soon as they are complete, across any chunk boundary', () => {
  const text = '{"a":1} {"b":{"c":[1,2,{"d":"}"}]}}\r\n{"e":"say \\"{hi}\\" \\\\"}'
  const expected = ['{"a":1}', '{"b":{"c":[1,2,{"d":"}"}]}}', '{"e":"say \\"{hi}\\" \\\\"}']
  for (let size = 1; size <= text.length; size++) {
    const splitter = new JsonObjectSplitter()
    const out: string[] = []
    for (let at = 0; at < text.length; at += size) out.push(...splitter.push(text.slice(at, at + size)))
    splitter.end()
    assert.deepEqual(out, expected, `chunks of ${size}`)
    assert.deepEqual(out.map(o => JSON.parse(o)), expected.map(o => JSON.parse(o)))
  }
})

test('a multi-byte character split between chunks stays whole', () => {
  const bytes = Buffer.from('{"v":"é€😀"}')
  const splitter = new JsonObjectSplitter()
  const out: string[] = []
  for (const byte of bytes) out.push(...splitter.push(Buffer.from([byte])))
  assert.deepEqual(out.map(o => JSON.parse(o)), [{ v: 'é€😀' }])
})

test('text that is not an object stops the stream, after the objects before it', () => {
  const splitter = new JsonObjectSplitter()
  assert.deepEqual(splitter.push('{"a":1}[2]{"b":3}'), ['{"a":1}'])
  assert.equal(splitter.failure?.code, 'invalid_json')
  assert.match(splitter.failure!.message, /record 2 .* does not start with/)
  assert.throws(() => splitter.push('{}'), /does not start with/)
  assert.throws(() => splitter.end(), /does not start with/)
})

test('a body ending inside an object is an error; trailing whitespace is not', () => {
  const open = new JsonObjectSplitter()
  open.push('{"a":1}{"b":')
  assert.throws(() => open.end(), /ends inside record 2/)
  const closed = new JsonObjectSplitter()
  assert.deepEqual(closed.push('{"a":1}\n\n  '), ['{"a":1}'])
  closed.end()
  assert.equal(closed.count, 1)
})

test('an object larger than the limit is refused', () => {
  const splitter = new JsonObjectSplitter(10)
  assert.throws(() => splitter.push('{"a":"' + 'x'.repeat(20)), /larger than 10/)
})
