import assert from 'node:assert/strict'
import { test } from 'node:test'
import { murmur2, partitionForKey } from '../../../src/core/partitioner.ts'

// Expected values from Apache Kafka's UtilsTest.testMurmur2 (Java client).
const JAVA_VECTORS: Array<[Uint8Array, number]> = [
  [Buffer.from('21'), -973932308],
  [Buffer.from('foobar'), -790332482],
  [Buffer.from('a-little-bit-long-string'), -985981536],
  [Buffer.from('a-little-bit-longer-string'), -1486304829],
  [Buffer.from('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'), -58897971],
  [Buffer.from('abc'), 479470107],
]

test('murmur2 matches the Java client byte for byte', () => {
  for (const [input, expected] of JAVA_VECTORS) assert.equal(murmur2(input), expected, Buffer.from(input).toString())
})

test('partitionForKey uses toPositive(murmur2) % count like the Java default partitioner', () => {
  // toPositive(-973932308) = -973932308 & 0x7fffffff = 1173551340; % 3 = 0
  assert.equal(partitionForKey(Buffer.from('21'), 3), (-973932308 & 0x7fffffff) % 3)
  assert.equal(partitionForKey(Buffer.from('foobar'), 7), (-790332482 & 0x7fffffff) % 7)
  for (let n = 1; n <= 16; n++) {
    const p = partitionForKey(Buffer.from('key-' + n), n)
    assert.ok(p >= 0 && p < n)
  }
})

test('an empty key still hashes deterministically', () => {
  assert.equal(murmur2(new Uint8Array(0)), murmur2(Buffer.alloc(0)))
})
