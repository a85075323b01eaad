import assert from 'node:assert/strict'
import { request } from 'node:http'
import { test } from 'node:test'
import { createTopic, startTestGateway } from '../support/gateway.ts'

test('a client that stops reading an SSE stream stops the gateway from fetching more', { timeout: 60_000 }, async t => {
  const { app, gateway, url, metrics } = await startTestGateway(t, { listen: true, overrides: { 'stream.maxBytesPerFetch': 64 * 1024 } })
  const topic = await createTopic(t, gateway)
  const value = 'x'.repeat(10_000)
  const totalRecords = 3000 // ~30 MB in Kafka
  for (let sent = 0; sent < totalRecords; sent += 300) {
    const res = await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records?valueEncoding=string`, payload: { records: Array.from({ length: 300 }, () => ({ value })) } })
    assert.equal(res.statusCode, 200)
  }
  const fetchedBefore = (await metrics.bytesFetched.get()).values[0]?.value ?? 0

  // Open the stream and never read from it: the socket buffers fill, then writes stall.
  const req = request(`${url}/gateway/v1/topics/${topic}/records/stream?from=earliest&valueEncoding=string`)
  const response = await new Promise<import('node:http').IncomingMessage>(resolve => { req.on('response', resolve); req.end() })
  response.pause()
  t.after(() => req.destroy())

  let last = -1
  let fetched = 0
  // Wait until the amount fetched stops growing (the loop is parked on 'drain').
  for (let i = 0; i < 40; i++) {
    await new Promise(resolve => setTimeout(resolve, 250))
    fetched = ((await metrics.bytesFetched.get()).values[0]?.value ?? 0) - fetchedBefore
    if (fetched === last && fetched > 0) break
    last = fetched
  }
  assert.ok(fetched > 0, 'the stream started')
  assert.ok(fetched < totalRecords * value.length / 2, `fetched ${fetched} bytes for a client that reads nothing; expected it bounded by socket buffers plus one fetch`)
})
