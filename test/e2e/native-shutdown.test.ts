import assert from 'node:assert/strict'
import { test } from 'node:test'
import { bootstrapFromEnv, createTopic, startTestGateway } from '../support/gateway.ts'
import { startGatewayProcess } from '../support/gateway-process.ts'

interface ProduceAnswer { results?: { partition: number, offset: number }[] }

test('SIGTERM drains in-flight produces: every acknowledged record is in Kafka, the process exits 0', { timeout: 60_000 }, async t => {
  const reader = await startTestGateway(t)
  const topic = await createTopic(t, reader.gateway, { partitions: 2 })
  // Two workers: the drain must hold in worker mode too (the primary fans SIGTERM out).
  const gateway = await startGatewayProcess({ KAFKA_BOOTSTRAP_SERVERS: bootstrapFromEnv(), GATEWAY_PRODUCER_LINGER_MS: '300', GATEWAY_WORKERS: '2' })
  t.after(() => gateway.stop('SIGKILL'))
  // Warm both workers up so the requests below are in the linger window, not in start-up.
  for (let i = 0; i < 4; i++) {
    const warm = await fetch(`${gateway.url}/gateway/v1/topics/${topic}/records`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"value":"warm-up"}' })
    assert.equal(warm.status, 200)
  }

  const sends = Array.from({ length: 60 }, (_, i) => fetch(`${gateway.url}/gateway/v1/topics/${topic}/records`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ records: [{ key: `k${i}`, value: { i } }] }),
  }).then(async res => ({ status: res.status, body: await res.json() as ProduceAnswer }), (): { status: number, body: ProduceAnswer } => ({ status: 0, body: {} })))
  // Let the requests reach the gateway and sit in the linger window, then ask it to stop.
  await new Promise(resolve => setTimeout(resolve, 100))
  const exitCode = await gateway.stop('SIGTERM')
  const answers = await Promise.all(sends)
  assert.equal(exitCode, 0, gateway.output())

  const acknowledged = answers.filter(a => a.status === 200)
  assert.ok(acknowledged.length > 0, 'some produces were in flight when SIGTERM arrived')
  for (const answer of acknowledged) {
    const { partition, offset } = answer.body.results![0]!
    const res = await reader.app.inject({ url: `/gateway/v1/topics/${topic}/partitions/${partition}/records?offset=${offset}&limit=1` })
    assert.equal(res.json().records[0].offset, offset, 'an acknowledged record is in Kafka')
  }
  for (const answer of answers.filter(a => a.status !== 200)) {
    assert.ok(answer.status === 0 || answer.status === 503, `refused requests are refused cleanly, got ${answer.status}`)
  }
})

test('a busy port is reported in one clear line', async t => {
  const first = await startGatewayProcess({ KAFKA_BOOTSTRAP_SERVERS: bootstrapFromEnv() })
  t.after(() => first.stop())
  const port = new URL(first.url).port
  await assert.rejects(startGatewayProcess({ KAFKA_BOOTSTRAP_SERVERS: bootstrapFromEnv(), GATEWAY_PORT: port }), /port \d+ on 127\.0\.0\.1 is already in use/)
})
