import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BufferPool } from '../../../src/core/buffer-pool.ts'
import { JsonBytes } from '../../../src/http/shared/json-bytes.ts'

test('a pooled JSON buffer that outgrows its first slab gives that slab back, and its last one on release', () => {
  const pool = new BufferPool()
  const out = new JsonBytes(64 * 1024, pool)
  const chunk = Buffer.alloc(40 * 1024, 0x61)
  out.text('[')
  out.bytes(chunk)
  assert.equal(pool.idle, 0)
  out.bytes(chunk) // past 64 KiB: a 128 KiB slab, the 64 KiB one goes back
  assert.equal(pool.idle, 1)
  out.text(']')
  const written = out.toPooled()
  assert.equal(written.buffer.length, 2 + 2 * chunk.length)
  assert.equal(written.buffer.toString('latin1', 0, 3), '[aa')
  assert.equal(written.buffer.at(-1), 0x5d)
  written.release()
  assert.equal(pool.idle, 2)
  // The next document of that size reuses a slab instead of allocating.
  const next = new JsonBytes(100 * 1024, pool)
  assert.equal(pool.idle, 1)
  next.toPooled().release()
  assert.equal(pool.idle, 2)
})

test('without a pool, release is a no-op and the bytes are the same', () => {
  const out = new JsonBytes(16)
  out.text('{"a":')
  out.bytes(Buffer.from('1'))
  out.text('}')
  const written = out.toPooled()
  written.release()
  assert.equal(written.buffer.toString(), '{"a":1}')
})
