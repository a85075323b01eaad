import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ConsumedRecord } from '../../src/core/model.ts'
import { ENCODINGS } from '../../src/formats/encodings.ts'
import { fromRecord } from '../../src/http/native/mapping.ts'
import { fetchResponseJson, writeRecord } from '../../src/http/native/record-json.ts'
import { isPlainAscii, JsonBytes } from '../../src/http/shared/json-bytes.ts'

const TEXTS = ['plain ascii', 'ünïcödé ✓ 😀', 'quote " and backslash \\', 'tab\tnew\nline\u0001', '', '\u2028\u2029 del \u007f']
const JSON_VALUES = ['{"n":1}', ' { "spaced" : [1, 2, 3] }\n', '"a string"', '42', 'null', '{"big":12345678901234567890}']

function record (offset: number, key: Buffer | null, value: Buffer | null, headers: ConsumedRecord['headers'] = []): ConsumedRecord {
  return { topic: 'orders', partition: 3, offset, timestamp: 1_700_000_000_000 + offset, key, value, headers }
}

const textRecords = TEXTS.map((text, i) => record(i, Buffer.from(`k${i}`), Buffer.from(text)))
const odd = [
  record(100, null, null),
  record(101, Buffer.from([0xff, 0xfe, 0x41]), Buffer.from([0xc3, 0x28]), [{ name: 'h', value: Buffer.from('1') }, { name: 'h', value: Buffer.from('2') }, { name: 'ø', value: null }]),
]
const jsonRecords = JSON_VALUES.map((json, i) => record(200 + i, Buffer.from(`"k${i}"`), Buffer.from(json)))

/** What the route answered before: fromRecord objects serialized by JSON.stringify. */
function expected (records: ConsumedRecord[], keyEncoding: typeof ENCODINGS[number], valueEncoding: typeof ENCODINGS[number]): unknown {
  return JSON.parse(JSON.stringify({ topic: 'orders', partition: 3, records: records.map(r => fromRecord(r, { keyEncoding, valueEncoding })), nextOffset: 9, highWatermark: 10 }))
}

test('fetch JSON bytes equal fromRecord + JSON.stringify for every encoding and awkward bytes', () => {
  for (const keyEncoding of ['string', 'base64'] as const) {
    for (const valueEncoding of ['string', 'base64'] as const) {
      const records = [...textRecords, ...odd]
      const body = fetchResponseJson({ topic: 'orders', partition: 3, records, nextOffset: 9, highWatermark: 10 }, { keyEncoding, valueEncoding }).buffer
      assert.deepEqual(JSON.parse(body.toString('utf8')), expected(records, keyEncoding, valueEncoding), `${keyEncoding}/${valueEncoding}`)
    }
  }
  const body = fetchResponseJson({ topic: 'orders', partition: 3, records: jsonRecords, nextOffset: 9, highWatermark: 10 }, { keyEncoding: 'json', valueEncoding: 'json' }).buffer
  assert.deepEqual(JSON.parse(body.toString('utf8')), expected(jsonRecords, 'json', 'json'))
})

test('a json-encoded value is sent as written, so large integers survive', () => {
  const body = fetchResponseJson({ topic: 'orders', partition: 3, records: [jsonRecords.at(-1)!], nextOffset: 9, highWatermark: 10 }, { keyEncoding: 'json', valueEncoding: 'json' }).buffer
  assert.match(body.toString('utf8'), /"value":\{"big":12345678901234567890\}/)
})

test('single-line mode never puts a line break into the JSON (SSE data lines)', () => {
  for (const r of [...jsonRecords, ...textRecords]) {
    const out = new JsonBytes(64)
    writeRecord(out, r, { keyEncoding: 'string', valueEncoding: r.offset >= 200 ? 'json' : 'string' }, true)
    const text = out.toBuffer().toString('utf8')
    assert.doesNotMatch(text, /[\r\n]/)
    assert.ok(JSON.parse(text))
  }
})

test('a value that is not JSON fails with the same error as fromRecord', () => {
  const bad = record(7, null, Buffer.from('{not json'))
  const encodings = { keyEncoding: 'json', valueEncoding: 'json' } as const
  const viaMapping = (() => { try { fromRecord(bad, encodings) } catch (error) { return error } })() as Error & { code: string }
  assert.throws(() => fetchResponseJson({ topic: 'orders', partition: 0, records: [bad], nextOffset: 8, highWatermark: 8 }, encodings),
    (error: Error & { code: string }) => error.code === viaMapping.code && error.message === viaMapping.message)
})

test('the buffer grows past a wrong size hint', () => {
  const out = new JsonBytes(1)
  const big = record(1, null, Buffer.alloc(100_000, 0x61))
  writeRecord(out, big, { keyEncoding: 'string', valueEncoding: 'string' })
  assert.equal((JSON.parse(out.toBuffer().toString('utf8')) as { value: string }).value.length, 100_000)
})

test('the word-at-a-time check agrees with a byte loop for every byte value, position and alignment', () => {
  const plain = (bytes: Uint8Array): boolean => bytes.every(b => b >= 0x20 && b < 0x80 && b !== 0x22 && b !== 0x5c)
  for (let offset = 0; offset < 4; offset++) {
    for (let position = 0; position < 12; position++) {
      for (let value = 0; value < 256; value++) {
        const backing = Buffer.alloc(20, 0x61)
        backing[offset + position] = value
        const slice = backing.subarray(offset, offset + 12)
        assert.equal(isPlainAscii(slice), plain(slice), `byte ${value} at ${position}, offset ${offset}`)
      }
    }
  }
  assert.equal(isPlainAscii(Buffer.alloc(0)), true)
})
