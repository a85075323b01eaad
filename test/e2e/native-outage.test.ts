import assert from 'node:assert/strict'
import { test } from 'node:test'
import { startKafkaCluster } from '../../scripts/kafka/cluster.ts'
import { createTopic, startTestGateway } from '../support/gateway.ts'

async function eventually<T> (probe: () => Promise<T | undefined>, what: string, attempts = 120): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await probe()
    if (value !== undefined) return value
    await new Promise(resolve => setTimeout(resolve, 500))
  }
  throw new Error(`gave up waiting for ${what}`)
}

test('broker stopped mid-test: produce and fetch answer 503 with Retry-After, then recover', { timeout: 180_000 }, async t => {
  const cluster = await startKafkaCluster({ brokers: 1 })
  t.after(() => cluster.stop())
  const { app, gateway } = await startTestGateway(t, { bootstrap: cluster.bootstrap, overrides: { 'producer.deliveryTimeoutMs': 5000 } })
  const topic = await createTopic(t, gateway)
  const before = await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records`, payload: { value: 'before' } })
  assert.equal(before.statusCode, 200)

  await cluster.stopBroker(cluster.brokers[0]!.id)

  const during = await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records`, payload: { value: 'during' } })
  assert.equal(during.statusCode, 503, during.body)
  assert.ok(Number(during.headers['retry-after']) >= 1)
  assert.match(during.json().code, /^kafka_(unavailable|timeout)$/)
  const fetchDuring = await app.inject({ url: `/gateway/v1/topics/${topic}/partitions/0/records` })
  assert.equal(fetchDuring.statusCode, 503, fetchDuring.body)
  const ready = await app.inject({ url: '/readyz' })
  assert.equal(ready.statusCode, 503)

  await cluster.startBroker(cluster.brokers[0]!.id)

  const after = await eventually(async () => {
    const res = await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records`, payload: { value: 'after' } })
    return res.statusCode === 200 ? res : undefined
  }, 'produce to work again')
  assert.equal(after.json().results[0].offset, 1, 'the record refused during the outage was not written')
  const all = (await app.inject({ url: `/gateway/v1/topics/${topic}/partitions/0/records` })).json()
  assert.deepEqual(all.records.map((r: { value: string }) => r.value), ['before', 'after'])
  assert.equal((await app.inject({ url: '/readyz' })).statusCode, 200)
})
