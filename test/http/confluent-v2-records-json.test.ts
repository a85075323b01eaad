import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { ConsumedRecord } from '../../src/core/model.ts'
import { toConsumedRecord } from '../../src/http/confluent-v2/mapping.ts'
import { v2RecordsJson } from '../../src/http/confluent-v2/records-json.ts'

function record (offset: number, key: Buffer | null, value: Buffer | null, headers: ConsumedRecord['headers'] = []): ConsumedRecord {
  return { topic: 'orders', partition: offset % 3, offset, timestamp: 1_700_000_000_000 + offset, key, value, headers }
}

const texts = ['plain ascii', 'ünïcödé ✓ 😀', 'quote " and backslash \\', 'tab\tnew\nline\u0001', '', '\u2028\u2029 del \u007f']
const textRecords = texts.map((text, i) => record(i, Buffer.from(`k${i}`), Buffer.from(text)))
const awkward = [
  record(100, null, null),
  record(101, Buffer.from([0xff, 0xfe, 0x41]), Buffer.from([0xc3, 0x28]), [{ name: 'h', value: Buffer.from('1') }, { name: 'h', value: Buffer.from([0xff]) }, { name: 'ø', value: null }]),
]
const jsonRecords = ['{"n":1}', ' { "spaced" : [1, 2, 3] }\n', '"a string"', '42', 'null'].map((json, i) => record(200 + i, Buffer.from(`"k${i}"`), Buffer.from(json)))

test('v2 records bytes equal toConsumedRecord + JSON.stringify for every format', () => {
  const cases = [['binary', [...textRecords, ...awkward]], ['string', textRecords], ['json', jsonRecords]] as const
  for (const [format, records] of cases) {
    const rendered = JSON.parse(v2RecordsJson([...records], format).toString('utf8'))
    const reference = JSON.parse(JSON.stringify(records.map(r => toConsumedRecord(r, format))))
    assert.deepEqual(rendered, reference, format)
  }
})

test('no records is an empty array', () => {
  assert.equal(v2RecordsJson([], 'binary').toString(), '[]')
})

test('a record that is not JSON in a json instance fails with the same error as the reference mapping', () => {
  const bad = record(7, null, Buffer.from('{not json'))
  const viaMapping = (() => { try { toConsumedRecord(bad, 'json') } catch (error) { return error } })() as Error & { code: string }
  assert.ok(viaMapping)
  assert.throws(() => v2RecordsJson([bad], 'json'), (error: Error & { code: string }) => error.code === viaMapping.code)
})
