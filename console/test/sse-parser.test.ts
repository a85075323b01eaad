import assert from 'node:assert/strict'
import { test } from 'node:test'
import { SseParser } from '../src/lib/sse-parser.ts'

test('an event split across chunks, CRLF split between chunks, comments ignored', () => {
  const parser = new SseParser()
  assert.deepEqual(parser.push(': heartbeat\r\n\r\nid: 0:1\r'), [])
  assert.deepEqual(parser.push('\nevent: record\r\ndata: {"a"'), [])
  const events = parser.push(':1}\r\n\r\n')
  assert.deepEqual(events, [{ type: 'record', data: '{"a":1}', lastEventId: '0:1' }])
})

test('multi-line data joins with newlines; an id-only block updates lastEventId without an event', () => {
  const parser = new SseParser()
  assert.deepEqual(parser.push('retry: 2000\nid: 0:0,1:0\n: streaming t\n\n'), [])
  assert.equal(parser.lastEventId, '0:0,1:0')
  assert.equal(parser.retryMs, 2000)
  assert.deepEqual(parser.push('data: a\ndata:b\n\n'), [{ type: 'message', data: 'a\nb', lastEventId: '0:0,1:0' }])
})

test('a retry field that is not all digits is ignored', () => {
  const parser = new SseParser()
  parser.push('retry: 10s\n\n')
  assert.equal(parser.retryMs, undefined)
})
