/**
 * Consumer instances behind a balancer without stickiness: two gateway
 * processes share one cluster and one consumer state topic, and every
 * request of an instance goes to the other process than the one before.
 * Reads continue exactly where the previous request (on the other
 * process) stopped, commits are seen everywhere, and the instance keeps
 * working when one process stops.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { eventually, fetchClient, V2, V2_JSON, type Client } from '../support/confluent-http.ts'
import { deleteTopics, FAST_CONSUMERS } from '../support/confluent-gateway.ts'
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.ts'
import { bootstrapFromEnv, randomTopic } from '../support/gateway.ts'

const ENV_OF: Record<string, string> = {
  'confluent.consumers.heartbeatIntervalMs': 'GATEWAY_CONSUMERS_HEARTBEAT_INTERVAL_MS',
  'confluent.consumers.sessionTimeoutMs': 'GATEWAY_CONSUMERS_SESSION_TIMEOUT_MS',
  'confluent.consumers.hostsSessionTimeoutMs': 'GATEWAY_CONSUMERS_HOSTS_SESSION_TIMEOUT_MS',
  'confluent.consumers.statePartitions': 'GATEWAY_CONSUMERS_STATE_PARTITIONS',
}

test('requests of one consumer instance alternate between two gateway processes', { timeout: 180_000 }, async t => {
  const stateTopic = randomTopic('_confluent-state')
  const identityState = randomTopic('_gateway_state-confluent')
  const topic = randomTopic('alternate')
  const env: Record<string, string> = {
    KAFKA_BOOTSTRAP_SERVERS: bootstrapFromEnv(),
    GATEWAY_WORKERS: '1',
    GATEWAY_STATE_TOPIC: identityState,
    GATEWAY_CONSUMERS_STATE_TOPIC: stateTopic,
    GATEWAY_FETCH_POLL_SLICE_MS: '200',
  }
  for (const [path, value] of Object.entries(FAST_CONSUMERS)) env[ENV_OF[path]!] = String(value)
  const start = async (): Promise<GatewayProcess> => {
    const gw = await startGatewayProcess(env)
    t.after(() => gw.stop())
    return gw
  }
  const [one, two] = await Promise.all([start(), start()])
  t.after(() => deleteTopics([topic, stateTopic, identityState]))
  const gateways: Client[] = [fetchClient(one.url), fetchClient(two.url)]
  let turn = 0
  /** The balancer: every call goes to the other process. */
  const next: Client = call => gateways[turn++ % 2]!(call)

  const { body: clusters } = await next({ method: 'GET', url: '/v3/clusters' })
  const clusterId = clusters.data[0].cluster_id as string
  const created = await next({ method: 'POST', url: `/v3/clusters/${clusterId}/topics`, body: { topic_name: topic, partitions_count: 2 } })
  assert.equal(created.status, 201, created.text)
  const produced = await eventually(async () => {
    const res = await next({ method: 'POST', url: `/topics/${topic}`, headers: { 'content-type': V2_JSON }, body: { records: Array.from({ length: 20 }, (_, n) => ({ value: n, partition: n % 2 })) } })
    return res.status === 200 ? res : undefined
  })
  assert.ok(produced.body.offsets.every((o: { error_code: number | null }) => o.error_code === null), produced.text)

  const group = randomTopic('group')
  const made = await next({ method: 'POST', url: `/consumers/${group}`, headers: { 'content-type': V2 }, body: { name: 'roamer', format: 'json', 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'true' } })
  assert.equal(made.status, 200, made.text)
  const base = `/consumers/${group}/instances/roamer`
  assert.equal((await next({ method: 'POST', url: `${base}/subscription`, headers: { 'content-type': V2 }, body: { topics: [topic] } })).status, 204)
  assert.deepEqual((await next({ method: 'GET', url: `${base}/subscription` })).body, { topics: [topic] })

  // Small answers (max_bytes), so the 20 records take many requests, each on the other process.
  const seen: { partition: number, offset: number, value: number }[] = []
  await eventually(async () => {
    const res = await next({ method: 'GET', url: `${base}/records?timeout=1000&max_bytes=4`, headers: { accept: V2_JSON } })
    assert.equal(res.status, 200, res.text)
    seen.push(...res.body)
    return seen.length >= 20 ? true : undefined
  }, 120, 0)
  for (const partition of [0, 1]) {
    const offsets = seen.filter(r => r.partition === partition).map(r => r.offset)
    assert.deepEqual(offsets, Array.from({ length: 10 }, (_, i) => i), `partition ${partition}: every record once, in order`)
  }
  assert.equal(seen.length, 20)

  // Auto-commit made on either process is visible on both.
  for (const gw of gateways) {
    const committed = await gw({ method: 'GET', url: `${base}/offsets?partitions=${topic}:0,${topic}:1` })
    assert.deepEqual(committed.body.offsets.map((o: { offset: number }) => o.offset), [10, 10])
  }
  // A seek on one process applies to the next read on the other.
  assert.equal((await gateways[0]!({ method: 'POST', url: `${base}/positions`, headers: { 'content-type': V2 }, body: { offsets: [{ topic, partition: 1, offset: 7 }] } })).status, 204)
  const again = await gateways[1]!({ method: 'GET', url: `${base}/records?timeout=2000`, headers: { accept: V2_JSON } })
  assert.deepEqual(again.body.map((r: { offset: number }) => r.offset), [7, 8, 9])

  // One process stops; the other carries the instance on from its committed offsets.
  await one.stop()
  const survivor = gateways[1]!
  await survivor({ method: 'POST', url: `/topics/${topic}/partitions/0`, headers: { 'content-type': V2_JSON }, body: { records: [{ value: 'after' }] } })
  const late = await eventually(async () => {
    const res = await survivor({ method: 'GET', url: `${base}/records?timeout=2000`, headers: { accept: V2_JSON } })
    assert.equal(res.status, 200, res.text)
    return res.body.find((r: { value: unknown }) => r.value === 'after')
  }, 40, 0)
  assert.deepEqual({ partition: late.partition, offset: late.offset }, { partition: 0, offset: 10 })
})
