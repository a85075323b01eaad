import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createTopic, startTestGateway } from '../support/gateway.ts'

interface SseEvent { id?: string, event?: string, data?: string }

/** Reads SSE events from a live HTTP stream until `count` record events arrived. */
async function readEvents (url: string, count: number, headers: Record<string, string> = {}): Promise<SseEvent[]> {
  const controller = new AbortController()
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal })
  assert.equal(res.status, 200)
  assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/)
  const decoder = new TextDecoder()
  const events: SseEvent[] = []
  let buffer = ''
  const reader = res.body!.getReader()
  const timeout = setTimeout(() => controller.abort(), 20_000)
  try {
    while (events.filter(e => e.event === 'record').length < count) {
      const { value, done } = await reader.read()
      if (done) break
      buffer += decoder.decode(value, { stream: true })
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event: SseEvent = {}
        for (const line of block.split('\n')) {
          const [field, ...rest] = line.split(': ')
          if (field === 'id' || field === 'event' || field === 'data') event[field] = rest.join(': ')
        }
        if (event.event) events.push(event)
      }
    }
  } finally {
    clearTimeout(timeout)
    controller.abort()
  }
  // The client handled only the first `count` records before it went away.
  return events.filter(e => e.event === 'record').slice(0, count)
}

test('SSE streams every partition from earliest and resumes after Last-Event-ID on another instance', async t => {
  const one = await startTestGateway(t, { listen: true })
  const two = await startTestGateway(t, { listen: true })
  const topic = await createTopic(t, one.gateway, { partitions: 3 })
  const records = Array.from({ length: 9 }, (_, i) => ({ value: { i }, partition: i % 3 }))
  await one.app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records`, payload: { records } })

  const first = await readEvents(`${one.url}/gateway/v1/topics/${topic}/records/stream?from=earliest`, 4)
  assert.equal(first.length, 4)
  const lastId = first[3]!.id!
  assert.match(lastId, /^0:\d+,1:\d+,2:\d+$/)

  // Resume on the other gateway instance: exactly the 5 records not yet seen, none twice.
  const rest = await readEvents(`${two.url}/gateway/v1/topics/${topic}/records/stream`, 5, { 'last-event-id': lastId })
  const seen = [...first, ...rest].map(e => JSON.parse(e.data!).value.i).sort((a, b) => a - b)
  assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7, 8])
})

test('SSE from latest delivers records produced after the stream opened', async t => {
  const { app, gateway, url } = await startTestGateway(t, { listen: true })
  const topic = await createTopic(t, gateway)
  await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records`, payload: { value: 'old' } })
  const pending = readEvents(`${url}/gateway/v1/topics/${topic}/records/stream?valueEncoding=string`, 1)
  await new Promise(resolve => setTimeout(resolve, 500))
  await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records?valueEncoding=string`, payload: { value: 'new', headers: { h: '1' } } })
  const [event] = await pending
  const record = JSON.parse(event!.data!)
  assert.equal(record.value, 'new')
  assert.deepEqual(record.headers, { h: '1' })
})

test('SSE rejects a malformed Last-Event-ID and an unknown topic before streaming', async t => {
  const { url, gateway } = await startTestGateway(t, { listen: true })
  const topic = await createTopic(t, gateway)
  const bad = await fetch(`${url}/gateway/v1/topics/${topic}/records/stream`, { headers: { 'last-event-id': 'garbage' } })
  assert.equal(bad.status, 400)
  assert.equal(((await bad.json()) as { code: string }).code, 'invalid_offset')
  const missing = await fetch(`${url}/gateway/v1/topics/nope-nope-nope/records/stream`)
  assert.equal(missing.status, 404)
})
