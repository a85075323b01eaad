/**
 * Confluent v2 consumer instances against the real broker, written from the
 * public API reference (contracts.md §4): create, subscribe, records with
 * long-poll, commit, committed offsets, positions, assignments, delete,
 * and two instances of one group rebalancing partitions.
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { eventually, V2, V2_BINARY, V2_JSON, type Client } from '../support/confluent-http.ts'
import { startConfluentGateway } from '../support/confluent-gateway.ts'
import { createTopic, randomTopic } from '../support/gateway.ts'

interface Rec { topic: string, key: unknown, value: unknown, partition: number, offset: number, timestamp: number, headers: { key: string, value: string | null }[] }

async function produce (client: Client, topic: string, records: object[], partition?: number): Promise<void> {
  const url = partition === undefined ? `/topics/${topic}` : `/topics/${topic}/partitions/${partition}`
  const res = await client({ method: 'POST', url, headers: { 'content-type': V2_JSON }, body: { records } })
  assert.equal(res.status, 200, res.text)
  assert.ok(res.body.offsets.every((o: { error_code: number | null }) => o.error_code === null), res.text)
}

async function createInstance (client: Client, group: string, body: object): Promise<string> {
  const res = await client({ method: 'POST', url: `/consumers/${group}`, headers: { 'content-type': V2 }, body })
  assert.equal(res.status, 200, res.text)
  assert.match(res.headers['content-type'] ?? '', /application\/vnd\.kafka\.v2\+json/)
  assert.ok(res.body.base_uri.endsWith(`/consumers/${group}/instances/${res.body.instance_id}`), res.text)
  return `/consumers/${group}/instances/${res.body.instance_id}`
}

async function records (client: Client, base: string, query = 'timeout=1000', accept = V2_JSON): Promise<Rec[]> {
  const res = await client({ method: 'GET', url: `${base}/records?${query}`, headers: { accept } })
  assert.equal(res.status, 200, res.text)
  return res.body
}

/** Reads until `count` records arrived (each call long-polls), failing if more show up. */
async function readAll (client: Client, base: string, count: number): Promise<Rec[]> {
  const seen: Rec[] = []
  await eventually(async () => {
    seen.push(...await records(client, base, 'timeout=2000'))
    return seen.length >= count ? true : undefined
  }, 30, 0)
  assert.equal(seen.length, count)
  return seen
}

async function assignment (client: Client, base: string): Promise<string[]> {
  const res = await client({ method: 'GET', url: `${base}/assignments` })
  assert.equal(res.status, 200, res.text)
  return res.body.partitions.map((p: { topic: string, partition: number }) => `${p.topic}/${p.partition}`).sort()
}

test('subscribe, read with headers and timestamps, commit, and read committed offsets', async t => {
  const { client, gateway } = await startConfluentGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 2 })
  await produce(client, topic, [{ key: 'k0', value: { n: 0 }, headers: [{ key: 'trace', value: Buffer.from('t-0').toString('base64') }] }, { value: { n: 1 } }], 0)
  await produce(client, topic, [{ value: { n: 2 } }], 1)

  const group = randomTopic('group')
  const base = await createInstance(client, group, { name: 'reader', format: 'json', 'auto.offset.reset': 'earliest', 'auto.commit.enable': 'false' })
  const sub = await client({ method: 'POST', url: `${base}/subscription`, headers: { 'content-type': V2 }, body: { topics: [topic] } })
  assert.equal(sub.status, 204, sub.text)
  assert.deepEqual((await client({ method: 'GET', url: `${base}/subscription` })).body, { topics: [topic] })

  const got = await readAll(client, base, 3)
  const first = got.find(r => r.partition === 0 && r.offset === 0)!
  assert.deepEqual(first.value, { n: 0 })
  assert.equal(first.key, 'k0')
  assert.deepEqual(first.headers, [{ key: 'trace', value: Buffer.from('t-0').toString('base64') }])
  assert.ok(first.timestamp > 0)
  assert.deepEqual(await assignment(client, base), [`${topic}/0`, `${topic}/1`])

  // Nothing committed yet (auto commit off), then commit everything fetched.
  const none = await client({ method: 'GET', url: `${base}/offsets`, headers: { 'content-type': V2 }, raw: JSON.stringify({ partitions: [{ topic, partition: 0 }] }) })
  assert.equal(none.status, 200, none.text)
  assert.deepEqual(none.body.offsets, [])
  const commit = await client({ method: 'POST', url: `${base}/offsets`, headers: { 'content-type': V2 } })
  assert.equal(commit.status, 200, commit.text)
  const committed = await client({ method: 'GET', url: `${base}/offsets`, headers: { 'content-type': V2 }, raw: JSON.stringify({ partitions: [{ topic, partition: 0 }, { topic, partition: 1 }] }) })
  assert.deepEqual(committed.body.offsets, [{ topic, partition: 0, offset: 2, metadata: '' }, { topic, partition: 1, offset: 1, metadata: '' }])

  // Explicit offsets commit exactly those.
  const explicit = await client({ method: 'POST', url: `${base}/offsets`, headers: { 'content-type': V2 }, body: { offsets: [{ topic, partition: 0, offset: 1 }] } })
  assert.equal(explicit.status, 200, explicit.text)
  const after = await client({ method: 'GET', url: `${base}/offsets?partitions=${topic}:0` })
  assert.deepEqual(after.body.offsets, [{ topic, partition: 0, offset: 1, metadata: '' }])

  const del = await client({ method: 'DELETE', url: base })
  assert.equal(del.status, 204)
  const gone = await client({ method: 'GET', url: `${base}/records`, headers: { accept: V2_JSON } })
  assert.equal(gone.status, 404)
  assert.equal(gone.body.error_code, 40403)
})

test('a records request long-polls until a record arrives', async t => {
  const { client, gateway } = await startConfluentGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 1 })
  const base = await createInstance(client, randomTopic('group'), { format: 'binary', 'auto.offset.reset': 'earliest' })
  await client({ method: 'POST', url: `${base}/subscription`, headers: { 'content-type': V2 }, body: { topics: [topic] } })
  // Joined and caught up: the partition is assigned and an empty read returned.
  await eventually(async () => (await assignment(client, base)).length === 1 ? true : undefined)
  assert.deepEqual(await records(client, base, 'timeout=0', V2_BINARY), [])

  const pending = records(client, base, 'timeout=20000', V2_BINARY)
  setTimeout(() => { produce(client, topic, [{ value: 'late' }]).catch(() => {}) }, 300)
  const got = await pending
  assert.equal(got.length, 1, 'the request waited for the record instead of answering empty')
  assert.equal(Buffer.from(got[0]!.value as string, 'base64').toString(), JSON.stringify('late'))
})

test('two instances of a group rebalance the partitions between them', async t => {
  const { client, gateway } = await startConfluentGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 2 })
  const group = randomTopic('group')
  const settings = { format: 'json', 'auto.offset.reset': 'earliest' }
  const a = await createInstance(client, group, { name: 'a', ...settings })
  await client({ method: 'POST', url: `${a}/subscription`, headers: { 'content-type': V2 }, body: { topics: [topic] } })
  await eventually(async () => (await assignment(client, a)).length === 2 ? true : undefined)

  const b = await createInstance(client, group, { name: 'b', ...settings })
  await client({ method: 'POST', url: `${b}/subscription`, headers: { 'content-type': V2 }, body: { topics: [topic] } })
  const [ownA, ownB] = await eventually(async () => {
    await Promise.all([records(client, a, 'timeout=500'), records(client, b, 'timeout=500')])
    const [x, y] = await Promise.all([assignment(client, a), assignment(client, b)])
    return x.length === 1 && y.length === 1 ? [x, y] as const : undefined
  }, 60, 0)
  assert.notDeepEqual(ownA, ownB)
  assert.deepEqual([...ownA, ...ownB].sort(), [`${topic}/0`, `${topic}/1`])

  // Each instance now reads only its own partition.
  await produce(client, topic, [{ value: 'p0' }], 0)
  await produce(client, topic, [{ value: 'p1' }], 1)
  const [gotA, gotB] = await Promise.all([readAll(client, a, 1), readAll(client, b, 1)])
  assert.equal(`${topic}/${gotA[0]!.partition}`, ownA[0])
  assert.equal(`${topic}/${gotB[0]!.partition}`, ownB[0])

  // Kafka sees two members, one per instance (v3 view of the same group).
  const { clusterId } = await gateway.admin.cluster()
  const members = await client({ method: 'GET', url: `/v3/clusters/${clusterId}/consumer-groups/${group}/consumers` })
  assert.deepEqual(members.body.data.map((m: { instance_id: string }) => m.instance_id).sort(), ['a', 'b'])

  // When b leaves, a takes both partitions back.
  assert.equal((await client({ method: 'DELETE', url: b })).status, 204)
  await eventually(async () => {
    await records(client, a, 'timeout=500')
    return (await assignment(client, a)).length === 2 ? true : undefined
  }, 60, 0)
})

test('positions: seek to an offset, to the beginning, to the end and to a timestamp', async t => {
  const { client, gateway } = await startConfluentGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 1 })
  await produce(client, topic, [0, 1, 2, 3].map(n => ({ value: n })))
  const base = await createInstance(client, randomTopic('group'), { format: 'json', 'auto.offset.reset': 'latest' })
  const assign = await client({ method: 'POST', url: `${base}/assignments`, headers: { 'content-type': V2 }, body: { partitions: [{ topic, partition: 0 }] } })
  assert.equal(assign.status, 204, assign.text)
  assert.deepEqual(await assignment(client, base), [`${topic}/0`])
  assert.deepEqual(await records(client, base, 'timeout=0'), [], 'latest: nothing old is read')

  const seek = await client({ method: 'POST', url: `${base}/positions`, headers: { 'content-type': V2 }, body: { offsets: [{ topic, partition: 0, offset: 2 }] } })
  assert.equal(seek.status, 204, seek.text)
  assert.deepEqual((await readAll(client, base, 2)).map(r => r.value), [2, 3])

  await client({ method: 'POST', url: `${base}/positions/beginning`, headers: { 'content-type': V2 }, body: { partitions: [{ topic, partition: 0 }] } })
  assert.deepEqual((await readAll(client, base, 4)).map(r => r.offset), [0, 1, 2, 3])

  const stamps = (await readAllFrom(client, base, topic)).map(r => r.timestamp)
  await client({ method: 'POST', url: `${base}/positions/end`, headers: { 'content-type': V2 }, body: { partitions: [{ topic, partition: 0 }] } })
  assert.deepEqual(await records(client, base, 'timeout=0'), [])

  // Seeking to the time of the first record lands on it again.
  const at = await client({ method: 'POST', url: `${base}/positions`, headers: { 'content-type': V2 }, body: { timestamps: [{ topic, partition: 0, timestamp: new Date(stamps[0]!).toISOString() }] } })
  assert.equal(at.status, 204, at.text)
  assert.equal((await records(client, base, 'timeout=2000'))[0]!.offset, 0)

  const unassigned = await client({ method: 'POST', url: `${base}/positions`, headers: { 'content-type': V2 }, body: { offsets: [{ topic, partition: 5, offset: 0 }] } })
  assert.equal(unassigned.status, 409)
  assert.equal(unassigned.body.error_code, 40903)
})

/** Seeks to the beginning and reads the 4 records again. */
async function readAllFrom (client: Client, base: string, topic: string): Promise<Rec[]> {
  await client({ method: 'POST', url: `${base}/positions/beginning`, headers: { 'content-type': V2 }, body: { partitions: [{ topic, partition: 0 }] } })
  return readAll(client, base, 4)
}

test('a pattern subscription reads every matching topic', async t => {
  const { client, gateway } = await startConfluentGateway(t)
  const prefix = randomTopic('pattern')
  const first = await createTopic(t, gateway, { name: `${prefix}-a` })
  const second = await createTopic(t, gateway, { name: `${prefix}-b` })
  await createTopic(t, gateway, { name: `${prefix}x-c` })
  await produce(client, first, [{ value: 'a' }])
  await produce(client, second, [{ value: 'b' }])
  await produce(client, `${prefix}x-c`, [{ value: 'not matched' }])

  const base = await createInstance(client, randomTopic('group'), { format: 'json', 'auto.offset.reset': 'earliest' })
  const sub = await client({ method: 'POST', url: `${base}/subscription`, headers: { 'content-type': V2 }, body: { topic_pattern: `${prefix}-.*` } })
  assert.equal(sub.status, 204, sub.text)
  const got = await readAll(client, base, 2)
  assert.deepEqual(got.map(r => r.value).sort(), ['a', 'b'])
  assert.deepEqual((await client({ method: 'GET', url: `${base}/subscription` })).body, { topics: [first, second] })

  const bad = await client({ method: 'POST', url: `${base}/subscription`, headers: { 'content-type': V2 }, body: { topic_pattern: '(' } })
  assert.deepEqual([bad.status, bad.body.error_code], [422, 42203])
  const unsub = await client({ method: 'DELETE', url: `${base}/subscription` })
  assert.equal(unsub.status, 204)
  assert.deepEqual((await client({ method: 'GET', url: `${base}/subscription` })).body, { topics: [] })
})

test('an idle instance expires: it is deleted and its member leaves the group', async t => {
  const { client, gateway, clusterId } = await startConfluentGateway(t, { 'confluent.consumers.instanceTimeoutMs': 2000 })
  const topic = await createTopic(t, gateway, { partitions: 1 })
  const group = randomTopic('group')
  const base = await createInstance(client, group, { name: 'idle', format: 'json' })
  await client({ method: 'POST', url: `${base}/subscription`, headers: { 'content-type': V2 }, body: { topics: [topic] } })
  await eventually(async () => (await assignment(client, base)).length === 1 ? true : undefined)

  // Watch the group through v3 only (v2 requests would count as use and keep the instance alive).
  await eventually(async () => {
    const members = await client({ method: 'GET', url: `/v3/clusters/${clusterId}/consumer-groups/${group}/consumers` })
    return members.status === 200 && members.body.data.length === 0 ? true : undefined
  }, 80)
  const gone = await client({ method: 'GET', url: `${base}/subscription` })
  assert.deepEqual([gone.status, gone.body.error_code], [404, 40403])
})
