import assert from 'node:assert/strict'
import { get, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { test, type TestContext } from 'node:test'
import { GatewayError } from '../../src/core/errors.ts'
import { memoryApp } from '../support/memory-gateway.ts'

/** Opens the SSE stream of `topic` from earliest and collects its text as it comes. */
async function openStream (t: TestContext, base: string, topic: string): Promise<{ text: () => string, ended: Promise<void> }> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => {
    const req = get(`${base}/gateway/v1/topics/${topic}/records/stream?from=earliest&valueEncoding=string`, resolve)
    req.on('error', reject)
    t.after(() => req.destroy())
  })
  assert.equal(response.statusCode, 200)
  let text = ''
  response.setEncoding('utf8')
  response.on('data', (chunk: string) => { text += chunk })
  const ended = new Promise<void>(resolve => response.on('end', resolve))
  return { text: () => text, ended }
}

async function until (what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

const produce = async (app: Awaited<ReturnType<typeof memoryApp>>['app'], value: string): Promise<void> => {
  const res = await app.inject({ method: 'POST', url: '/gateway/v1/topics/orders/records?valueEncoding=string', payload: { records: [{ value, partition: 0 }] } })
  assert.equal(res.statusCode, 200)
}

/** A listening gateway over the in-memory Kafka, one record in `orders`, and its stream read up to that record. */
async function streamPastFirstRecord (t: TestContext) {
  const { app, kafka } = await memoryApp(t, { orders: 1 })
  await app.listen({ port: 0, host: '127.0.0.1' })
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  await produce(app, 'first')
  const stream = await openStream(t, base, 'orders')
  await until('the first record', () => stream.text().includes('"value":"first"'))
  return { app, kafka, stream }
}

test('a stream whose fetch fails for a while says so in an error event and goes on where it was', async t => {
  const { app, kafka, stream } = await streamPastFirstRecord(t)
  kafka.failNext = new GatewayError('kafka_unavailable', 'Kafka is not reachable')
  await until('the error event', () => stream.text().includes('event: error'))
  assert.match(stream.text(), /event: error\ndata: \{"code":"kafka_unavailable"/)
  await produce(app, 'second')
  await until('the record after the failure', () => stream.text().includes('"value":"second"'))
  // Delivered once each: the failed fetch neither lost nor repeated a record.
  assert.equal(stream.text().split('"value":"first"').length - 1, 1)
  assert.equal(stream.text().split('"value":"second"').length - 1, 1)
})

test('a stream whose fetch fails for good ends with an error event', async t => {
  const { kafka, stream } = await streamPastFirstRecord(t)
  kafka.failNext = new GatewayError('topic_not_found', 'topic orders does not exist')
  await stream.ended
  assert.match(stream.text(), /event: error\ndata: \{"code":"topic_not_found","message":"topic orders does not exist"\}\n\n$/)
})
