// The Tencent CKafka dialect end to end (issue 5, contracts.md §1): the
// official tencentcloud-sdk-nodejs-ckafka client, pointed at a real gateway
// process on the real broker, runs what docs/tencent.md shows: a DataHub
// task, SendMessage with 500 messages, the message query, pause and resume,
// delete; and the same with `make run`'s default auth mode none.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { loadConfig } from '../../src/config/load.ts'
import { createKafka } from '../../src/kafka/index.ts'
import { bootstrapFromEnv, createTopic, randomTopic, startTestGateway } from '../support/gateway.ts'
import { startGatewayProcess } from '../support/gateway-process.ts'
import { ckafkaClient, sdkErrorOf, UUID } from '../support/tencent.ts'

const ADMIN_TOKEN = `admin-${randomBytes(12).toString('hex')}`

async function admin (url: string, method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/gateway/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`)
  return text ? JSON.parse(text) as Record<string, unknown> : {}
}

function parseMessageId (id: string): { datahubId: string, topic: string, partition: number, offset: number, received: number, acked: number } {
  const [datahubId, topic, partition, offset, received, acked] = id.split(':') as [string, string, string, string, string, string]
  return { datahubId, topic, partition: Number(partition), offset: Number(offset), received: Number(received), acked: Number(acked) }
}

test('the official Tencent SDK against a gateway process on the real broker, with API keys and permissions', { timeout: 180_000 }, async t => {
  const bootstrap = bootstrapFromEnv()
  const stateTopic = randomTopic('_gateway_state-tencent')
  const topic = randomTopic('tencent')
  const kafka = createKafka(loadConfig({ KAFKA_BOOTSTRAP_SERVERS: bootstrap }))
  t.after(async () => {
    await kafka.admin.deleteTopic(topic).catch(() => {})
    await kafka.admin.deleteTopic(stateTopic).catch(() => {})
    await kafka.close()
  })
  const gw = await startGatewayProcess({
    KAFKA_BOOTSTRAP_SERVERS: bootstrap,
    GATEWAY_WORKERS: '1',
    GATEWAY_AUTH_MODE: 'required',
    GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN,
    GATEWAY_MASTER_KEY: `master-${randomBytes(12).toString('hex')}`,
    GATEWAY_STATE_TOPIC: stateTopic,
    GATEWAY_TENCENT_INSTANCE_IDS: 'ckafka-migrated',
  })
  t.after(async () => { await gw.stop() })
  for (let i = 0; (await fetch(`${gw.url}/readyz`)).status !== 200; i++) {
    assert.ok(i < 600, `the gateway did not get ready: ${gw.output()}`)
    await sleep(100)
  }

  await admin(gw.url, 'POST', '/topics', { name: topic, partitions: 3 })
  const clusterId = (await admin(gw.url, 'GET', '/cluster')).clusterId as string
  const ops = await admin(gw.url, 'POST', '/credentials', { principal: 'ops' }) as { id: string, secret: string }
  await admin(gw.url, 'POST', '/permissions', { principal: 'ops', operations: ['admin'], resource: { type: 'access-point', prefix: '' } })
  await admin(gw.url, 'POST', '/permissions', { principal: 'ops', operations: ['produce', 'consume'], resource: { type: 'topic', name: topic } })
  const partner = await admin(gw.url, 'POST', '/credentials', { principal: 'partner' }) as { id: string, secret: string }
  const opsClient = ckafkaClient(gw.url, ops)
  const partnerClient = ckafkaClient(gw.url, partner)

  const created = await opsClient.CreateDatahubTask({
    TaskName: 'partner-events',
    TaskType: 'SOURCE',
    SourceResource: { Type: 'HTTP' },
    TargetResource: { Type: 'KAFKA', KafkaParam: { SelfBuilt: true, Resource: clusterId, Topic: topic } },
  })
  const datahubId = created.Result!.DatahubId!
  await admin(gw.url, 'POST', '/permissions', { principal: 'partner', operations: ['produce'], resource: { type: 'access-point', name: datahubId } })

  // 500 messages in one request: one MessageId each, in order, pointing at the record Kafka holds.
  const messages = Array.from({ length: 500 }, (_, i) => ({ Key: `user-${i % 7}`, Body: JSON.stringify({ n: i }) }))
  const sent = await partnerClient.SendMessage({ DataHubId: datahubId, Message: messages })
  assert.match(sent.RequestId!, UUID)
  const ids = sent.MessageId!.map(parseMessageId)
  assert.equal(ids.length, 500)
  for (const id of ids) {
    assert.deepEqual([id.datahubId, id.topic], [datahubId, topic])
    assert.ok(id.received <= id.acked, JSON.stringify(id))
  }
  const sample = [0, 1, 250, 499]
  for (const i of sample) {
    const id = ids[i]!
    const res = await fetch(`${gw.url}/gateway/v1/topics/${topic}/partitions/${id.partition}/records?offset=${id.offset}&limit=1&keyEncoding=string&valueEncoding=string`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
    const body = await res.json() as { records: Array<{ offset: number, key: string, value: string }> }
    assert.deepEqual(body.records[0], { ...body.records[0], offset: id.offset, key: messages[i]!.Key, value: messages[i]!.Body })
  }
  // Same key, same partition, increasing offsets (the order of the request).
  const user0 = ids.filter((_, i) => i % 7 === 0)
  assert.equal(new Set(user0.map(id => id.partition)).size, 1)
  assert.ok(user0.every((id, i) => i === 0 || id.offset > user0[i - 1]!.offset))

  // The message query, by the cluster id and by the configured alias.
  const first = ids[0]!
  const one = await opsClient.FetchMessageByOffset({ InstanceId: clusterId, Topic: topic, Partition: first.partition, Offset: first.offset })
  assert.deepEqual([one.Result!.Key, one.Result!.Value, one.Result!.Headers], [messages[0]!.Key, messages[0]!.Body, '{}'])
  const list = await opsClient.FetchMessageListByOffset({ InstanceId: 'ckafka-migrated', Topic: topic, Partition: first.partition, Offset: first.offset, SinglePartitionRecordNumber: 20 })
  assert.equal(list.Result!.length, 20)
  assert.deepEqual(list.Result!.map(r => r.Offset), Array.from({ length: 20 }, (_, i) => first.offset + i))
  const byTime = await opsClient.FetchMessageListByTimestamp({ InstanceId: clusterId, Topic: topic, StartTime: first.received - 1000, SinglePartitionRecordNumber: 5 })
  const partitionsUsed = new Set(ids.map(id => id.partition))
  assert.equal(byTime.Result!.length, 5 * partitionsUsed.size)
  assert.deepEqual(new Set(byTime.Result!.map(r => r.Partition)), partitionsUsed)
  assert.equal((await sdkErrorOf(opsClient.FetchMessageByOffset({ InstanceId: 'ckafka-other', Topic: topic, Partition: 0, Offset: 0 }))).code, 'ResourceNotFound')
  // The partner may send, not read.
  assert.equal((await sdkErrorOf(partnerClient.FetchMessageByOffset({ InstanceId: clusterId, Topic: topic, Partition: 0, Offset: 0 }))).code, 'AuthFailure.UnauthorizedOperation')

  // Pause: the seed's answer; nothing is written until the task resumes.
  await opsClient.PauseDatahubTask({ TaskId: datahubId })
  assert.equal((await opsClient.DescribeDatahubTask({ TaskId: datahubId })).Result!.Status, 6)
  const paused = await sdkErrorOf(partnerClient.SendMessage({ DataHubId: datahubId, Message: [{ Body: 'while paused' }] }))
  assert.deepEqual({ code: paused.code, message: paused.message }, { code: 'FailedOperation', message: `task status suspended [${datahubId}]` })
  await opsClient.ResumeDatahubTask({ TaskId: datahubId })
  const after = await partnerClient.SendMessage({ DataHubId: datahubId, Message: [{ Body: 'after resume' }] })
  const resumed = parseMessageId(after.MessageId![0]!)
  const latest = await opsClient.FetchMessageByOffset({ InstanceId: clusterId, Topic: topic, Partition: resumed.partition, Offset: resumed.offset })
  assert.equal(latest.Result!.Value, 'after resume')

  const listed = await opsClient.DescribeDatahubTasks({ SearchWord: 'partner' })
  assert.deepEqual(listed.Result!.TaskList!.map(x => x.TaskId), [datahubId])
  await opsClient.DeleteDatahubTask({ TaskId: datahubId })
  assert.equal((await sdkErrorOf(partnerClient.SendMessage({ DataHubId: datahubId, Message: [{ Body: 'gone' }] }))).code, 'ResourceNotFound')
})

test('with `make run`\'s default auth mode none, the SDK works with any key, as the docs\' first example shows', { timeout: 120_000 }, async t => {
  const { gateway, url } = await startTestGateway(t, { listen: true })
  const topic = await createTopic(t, gateway, { partitions: 2 })
  const client = ckafkaClient(url, { id: 'AKIDANYTHING', secret: 'anything' })
  const { Result } = await client.CreateDatahubTask({ TaskName: 'demo', TaskType: 'SOURCE', SourceResource: { Type: 'HTTP' }, TargetResource: { Type: 'TOPIC', TopicParam: { Resource: topic } } })
  const { clusterId } = await gateway.admin.cluster()
  const sent = await client.SendMessage({ DataHubId: Result!.DatahubId!, Message: [{ Key: 'k', Body: 'hello' }] })
  const id = parseMessageId(sent.MessageId![0]!)
  const record = await client.FetchMessageByOffset({ InstanceId: clusterId, Topic: topic, Partition: id.partition, Offset: id.offset })
  assert.deepEqual([record.Result!.Key, record.Result!.Value], ['k', 'hello'])
  await client.DeleteDatahubTask({ TaskId: Result!.TaskId! })
})
