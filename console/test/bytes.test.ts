import assert from 'node:assert/strict'
import { test } from 'node:test'
import { base64ToBytes, bytesToBase64, hexDump, previewBytes, renderBytes } from '../src/lib/bytes.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)

test('auto renders JSON pretty, plain text as text, binary as hex', () => {
  assert.deepEqual(renderBytes(utf8('{"a":[1,2]}'), 'auto'), { format: 'json', text: '{\n  "a": [\n    1,\n    2\n  ]\n}' })
  assert.deepEqual(renderBytes(utf8('hello world'), 'auto'), { format: 'text', text: 'hello world' })
  assert.equal(renderBytes(new Uint8Array([0, 1, 2, 0xff]), 'auto').format, 'hex')
})

test('asking for JSON of non-JSON says why it fell back', () => {
  const rendered = renderBytes(utf8('plain'), 'json')
  assert.equal(rendered.format, 'text')
  assert.match(rendered.note ?? '', /not valid JSON/)
  assert.match(renderBytes(new Uint8Array([0xc3, 0x28]), 'text').note ?? '', /not valid UTF-8/)
})

test('hex dump: offset, two groups of eight bytes, printable ASCII', () => {
  assert.equal(hexDump(utf8('ABCDEFGHIJKLMNOPQ')), [
    '00000000  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  |ABCDEFGHIJKLMNOP|',
    '00000010  51                                                |Q|',
  ].join('\n'))
})

test('base64 round trip and one-line previews', () => {
  const bytes = new Uint8Array([0, 200, 255, 65])
  assert.deepEqual(base64ToBytes(bytesToBase64(bytes)), bytes)
  assert.equal(previewBytes(utf8('a\n  b')), 'a b')
  assert.equal(previewBytes(utf8('x'.repeat(200)), 10), `${'x'.repeat(9)}…`)
})
