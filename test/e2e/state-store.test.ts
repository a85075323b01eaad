// The shared state on a real compacted topic (issue 4): read-your-writes on
// the writing instance, followed by every other instance, tombstones delete,
// and a restarted instance reads everything back.
import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import { loadConfig } from '../../src/config/load.ts'
import type { StateApply } from '../../src/core/identity/state-port.ts'
import { createKafka } from '../../src/kafka/index.ts'
import { KafkaStateStore } from '../../src/kafka/state-store.ts'
import { bootstrapFromEnv, randomTopic } from '../support/gateway.ts'
import { eventually } from '../support/eventually.ts'

const quiet = { info () {}, warn () {} }

function setup (t: TestContext) {
  const config = loadConfig({ KAFKA_BOOTSTRAP_SERVERS: bootstrapFromEnv() }, { 'kafka.retries': 1 })
  const topic = randomTopic('_state-test')
  const kafka = createKafka(config)
  t.after(async () => {
    await kafka.admin.deleteTopic(topic).catch(() => {})
    await kafka.close()
  })
  const open = async (): Promise<{ store: KafkaStateStore, view: Map<string, unknown> }> => {
    const store = new KafkaStateStore(config.kafka, { topic, replicationFactor: -1, pollWaitMs: 200 }, quiet)
    t.after(() => store.close())
    const view = new Map<string, unknown>()
    const apply: StateApply = (key, value) => { if (value === null) view.delete(key); else view.set(key, value) }
    await store.start(apply)
    return { store, view }
  }
  return { kafka, topic, open }
}

test('writes are read back by the writer at once and by another instance soon after; tombstones delete', async t => {
  const { kafka, topic, open } = setup(t)
  const a = await open()
  const b = await open()

  const configs = await kafka.admin.describeTopicConfigs(topic)
  assert.equal(configs.find(c => c.name === 'cleanup.policy')?.value, 'compact')

  await a.store.put('permission/p1', { id: 'p1', n: 1 })
  assert.deepEqual(a.view.get('permission/p1'), { id: 'p1', n: 1 }, 'put resolves only after the writer applied it')
  await eventually(() => assert.deepEqual(b.view.get('permission/p1'), { id: 'p1', n: 1 }))

  await b.store.put('permission/p1', { id: 'p1', n: 2 })
  await b.store.put('access-point/x', { id: 'x' })
  await eventually(() => assert.deepEqual(a.view.get('permission/p1'), { id: 'p1', n: 2 }))

  await a.store.delete('access-point/x')
  assert.equal(a.view.has('access-point/x'), false)
  await eventually(() => assert.equal(b.view.has('access-point/x'), false))
})

test('a restarted instance reads the latest value of every key', async t => {
  const { open } = setup(t)
  const first = await open()
  for (let i = 0; i < 20; i++) await first.store.put(`credential/k${i % 5}`, { id: `k${i % 5}`, version: i })
  await first.store.delete('credential/k0')
  await first.store.close()

  const again = await open()
  assert.deepEqual([...again.view.keys()].sort(), ['credential/k1', 'credential/k2', 'credential/k3', 'credential/k4'])
  assert.deepEqual(again.view.get('credential/k4'), { id: 'k4', version: 19 })
})

test('two instances creating the state topic at the same moment both start', async t => {
  const { open } = setup(t)
  const [a, b] = await Promise.all([open(), open()])
  await a.store.put('permission/p', { id: 'p' })
  await eventually(() => assert.ok(b.view.has('permission/p')))
})
