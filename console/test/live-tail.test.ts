/**
 * The live tail against a real HTTP server speaking the gateway's SSE
 * dialect: it resumes with Last-Event-ID after the stream drops, sends the
 * token, and stops for good on a refusal that retrying cannot fix.
 */
import assert from 'node:assert/strict'
import { once } from 'node:events'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { test } from 'node:test'
import type { WireRecord } from '../src/api/types.ts'
import { openLiveTail, type TailStatus } from '../src/lib/live-tail.ts'

const record = (offset: number) => ({ topic: 't', partition: 0, offset, timestamp: 0, key: null, value: 'eA==', headers: {} })

test('resumes after a dropped stream from the last position, then stops on a 404', async t => {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((request, response) => {
    seen.push(request.headers)
    if (seen.length === 1) {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      // Opening block (start position), one record, then the connection drops.
      response.end(`retry: 10\nid: 0:0\n: streaming t\n\nid: 0:1\nevent: record\ndata: ${JSON.stringify(record(0))}\n\n`)
    } else if (seen.length === 2) {
      response.writeHead(200, { 'content-type': 'text/event-stream' })
      response.end(`id: 0:2\nevent: record\ndata: ${JSON.stringify(record(1))}\n\n`)
    } else {
      response.writeHead(404, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ code: 'topic_not_found', message: 'topic t does not exist', requestId: 'r1' }))
    }
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  t.after(() => server.close())

  const records: WireRecord[] = []
  const statuses: TailStatus[] = []
  const errors: string[] = []
  const stopped = new Promise<void>(resolve => {
    openLiveTail({
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/stream`,
      token: 'gw_abc_secret',
      onRecord: r => records.push(r),
      onStatus: s => { statuses.push(s); if (s === 'stopped') resolve() },
      onError: e => errors.push(e.code),
    })
  })
  await stopped

  assert.deepEqual(records.map(r => r.offset), [0, 1])
  assert.equal(seen[0]!.authorization, 'Bearer gw_abc_secret')
  assert.equal(seen[0]!['last-event-id'], undefined)
  assert.equal(seen[1]!['last-event-id'], '0:1', 'the reconnect resumes after the last record shown')
  assert.equal(seen[2]!['last-event-id'], '0:2')
  assert.deepEqual(errors, ['topic_not_found'])
  assert.deepEqual(statuses, ['connecting', 'live', 'reconnecting', 'live', 'reconnecting', 'stopped'])
})

test('stop() ends a live stream and reports the position reached', async t => {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    response.write(`id: 3:7\nevent: record\ndata: ${JSON.stringify(record(6))}\n\n`)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  t.after(() => { server.closeAllConnections(); server.close() })

  let resolveFirst: () => void
  const first = new Promise<void>(resolve => { resolveFirst = resolve })
  let resolveStopped: () => void
  const stopped = new Promise<void>(resolve => { resolveStopped = resolve })
  const tail = openLiveTail({
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/stream`,
    onRecord: () => resolveFirst(),
    onStatus: s => { if (s === 'stopped') resolveStopped() },
    onError: () => {},
  })
  await first
  tail.stop()
  await stopped
  assert.equal(tail.position, '3:7')
})
