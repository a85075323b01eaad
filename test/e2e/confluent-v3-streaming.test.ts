/**
 * v3 streaming produce over real HTTP (contracts.md §4): one chunked
 * request of concatenated JSON records, one delivery report per record, in
 * order, each ending in CRLF, written while the request is still open.
 */
import assert from 'node:assert/strict'
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http'
import { test } from 'node:test'
import { startConfluentGateway } from '../support/confluent-gateway.ts'
import { createTopic } from '../support/gateway.ts'

interface Report { error_code: number, offset?: number, partition_id?: number, message?: string }

/** Opens a chunked produce request; reports are parsed as they arrive. */
function openStream (url: string): { req: ClientRequest, reports: Report[], raw: () => string, waitFor: (count: number) => Promise<void>, done: Promise<IncomingMessage> } {
  const reports: Report[] = []
  let raw = ''
  const waiters: { count: number, resolve: () => void }[] = []
  const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } })
  const done = new Promise<IncomingMessage>((resolve, reject) => {
    req.on('response', res => {
      res.setEncoding('utf8')
      let pending = ''
      res.on('data', (chunk: string) => {
        raw += chunk
        pending += chunk
        let at: number
        while ((at = pending.indexOf('\r\n')) >= 0) {
          reports.push(JSON.parse(pending.slice(0, at)) as Report)
          pending = pending.slice(at + 2)
        }
        for (const w of waiters.filter(w => reports.length >= w.count)) { waiters.splice(waiters.indexOf(w), 1); w.resolve() }
      })
      res.on('end', () => resolve(res))
      res.on('error', reject)
    })
    req.on('error', reject)
  })
  const waitFor = (count: number): Promise<void> => reports.length >= count ? Promise.resolve() : new Promise(resolve => waiters.push({ count, resolve }))
  return { req, reports, raw: () => raw, waitFor, done }
}

test('1,000 streamed records get 1,000 reports, in order, each ending in CRLF', async t => {
  const { url, clusterId, gateway } = await startConfluentGateway(t, {}, { listen: true })
  const topic = await createTopic(t, gateway, { partitions: 1 })
  const stream = openStream(`${url}/v3/clusters/${clusterId}/topics/${topic}/records`)

  // The first records are answered while the request is still open: reports stream back.
  stream.req.write(JSON.stringify({ value: { type: 'JSON', data: { n: 0 } } }))
  stream.req.write('\n' + JSON.stringify({ value: { type: 'JSON', data: { n: 1 } } }))
  await stream.waitFor(2)
  assert.deepEqual(stream.reports.map(r => [r.error_code, r.offset]), [[200, 0], [200, 1]])

  // The rest in chunks that cut records anywhere, even inside strings.
  const rest = Array.from({ length: 998 }, (_, i) => JSON.stringify({ key: { type: 'STRING', data: `k{${i + 2}}` }, value: { type: 'JSON', data: { n: i + 2, text: 'brace } and "quote' } } })).join('')
  for (let at = 0; at < rest.length; at += 997) stream.req.write(rest.slice(at, at + 997))
  stream.req.end()
  const res = await stream.done
  assert.equal(res.statusCode, 200)
  assert.equal(stream.reports.length, 1000)
  assert.deepEqual(stream.reports.map(r => r.offset), Array.from({ length: 1000 }, (_, i) => i))
  assert.ok(stream.reports.every(r => r.error_code === 200 && r.partition_id === 0))
  assert.ok(stream.raw().endsWith('}\r\n'))
  assert.equal(stream.raw().split('\r\n').length, 1001)
})

test('a bad record gets its own error report and the stream goes on', async t => {
  const { url, clusterId, gateway } = await startConfluentGateway(t, {}, { listen: true })
  const topic = await createTopic(t, gateway, { partitions: 1 })
  const stream = openStream(`${url}/v3/clusters/${clusterId}/topics/${topic}/records`)
  stream.req.write(JSON.stringify({ value: { type: 'STRING', data: 'ok' } }))
  stream.req.write(JSON.stringify({ partition_id: 5, value: { type: 'STRING', data: 'no such partition' } }))
  stream.req.write(JSON.stringify({ value: { type: 'BINARY', data: '%%' } }))
  stream.req.write(JSON.stringify({ value: { type: 'STRING', data: 'ok again' } }))
  // Not an object: the stream cannot be followed past this point, so it ends with a report saying why.
  stream.req.write('[1]')
  stream.req.end()
  await stream.done
  assert.deepEqual(stream.reports.map(r => r.error_code), [200, 40403, 400, 200, 400])
  assert.equal(stream.reports[3]!.offset, 1)
  assert.match(stream.reports[4]!.message!, /does not start with/)
})
