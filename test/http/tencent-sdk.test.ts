// The official tencentcloud-sdk-nodejs-ckafka client against the gateway
// (over the in-memory Kafka port; test/e2e/tencent.test.ts does the same on
// a real broker): only its endpoint differs from Tencent Cloud's.
import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import { createKey, grant, identityApp } from '../support/identity.ts'
import { ckafkaClient, sdkErrorOf, UUID } from '../support/tencent.ts'

async function listeningGateway (t: TestContext, overrides: Record<string, unknown> = {}) {
  const env = await identityApp(t, { overrides })
  const url = await env.app.listen({ host: '127.0.0.1', port: 0 })
  const key = await createKey(env.app, 'ops')
  await grant(env.app, { principal: 'ops', operations: ['admin'], resource: { type: 'cluster' } })
  return { ...env, url, key }
}

test('the official SDK runs the whole flow: task, messages, query, pause, resume, delete', async t => {
  const { url, key, kafka } = await listeningGateway(t)
  const client = ckafkaClient(url, key)

  const created = await client.CreateDatahubTask({ TaskName: 'sdk-task', TaskType: 'SOURCE', SourceResource: { Type: 'HTTP' }, TargetResource: { Type: 'TOPIC', TopicParam: { Resource: 'orders' } } })
  assert.match(created.RequestId!, UUID)
  const datahubId = created.Result!.DatahubId!
  assert.equal(created.Result!.TaskId, datahubId)

  const sent = await client.SendMessage({ DataHubId: datahubId, Message: [{ Body: 'hello', Key: 'k1' }, { Body: 'world', Key: 'k1' }] })
  assert.equal(sent.MessageId!.length, 2)
  const [, topic, partition, offset] = sent.MessageId![0]!.split(':')
  assert.equal(topic, 'orders')
  assert.equal(kafka.topics.get('orders')![Number(partition)]![Number(offset)]!.value!.toString(), 'hello')

  const record = await client.FetchMessageByOffset({ InstanceId: 'memory', Topic: 'orders', Partition: Number(partition), Offset: Number(offset) })
  assert.deepEqual([record.Result!.Key, record.Result!.Value, record.Result!.Headers], ['k1', 'hello', '{}'])
  const list = await client.FetchMessageListByOffset({ InstanceId: 'memory', Topic: 'orders', Partition: Number(partition), Offset: Number(offset) })
  assert.deepEqual(list.Result!.map(r => r.Value), ['hello', 'world'])
  const since = await client.FetchMessageListByTimestamp({ InstanceId: 'memory', Topic: 'orders', StartTime: Date.now() - 60_000 })
  assert.deepEqual(since.Result!.map(r => r.Value), ['hello', 'world'])

  const described = await client.DescribeDatahubTask({ TaskId: datahubId })
  assert.deepEqual([described.Result!.TaskName, described.Result!.Status], ['sdk-task', 1])
  const listed = await client.DescribeDatahubTasks({ SearchWord: 'sdk' })
  assert.deepEqual(listed.Result!.TaskList!.map(x => x.TaskId), [datahubId])

  await client.PauseDatahubTask({ TaskId: datahubId })
  const paused = await sdkErrorOf(client.SendMessage({ DataHubId: datahubId, Message: [{ Body: 'x' }] }))
  assert.deepEqual({ code: paused.code, message: paused.message }, { code: 'FailedOperation', message: `task status suspended [${datahubId}]` })
  assert.match(paused.requestId, UUID)
  await client.ResumeDatahubTask({ TaskId: datahubId })
  await client.SendMessage({ DataHubId: datahubId, Message: [{ Body: 'again' }] })
  const deleted = await client.DeleteDatahubTask({ TaskId: datahubId })
  assert.deepEqual(deleted.Result, { TaskId: datahubId, DatahubId: datahubId })
  assert.equal((await sdkErrorOf(client.DescribeDatahubTask({ TaskId: datahubId }))).code, 'ResourceNotFound')
})

test('the SDK sees the documented AuthFailure codes for a wrong secret and an unknown key', async t => {
  const { url, key } = await listeningGateway(t)
  const wrong = await sdkErrorOf(ckafkaClient(url, { id: key.id, secret: 'not-the-secret' }).DescribeDatahubTasks({}))
  assert.equal(wrong.code, 'AuthFailure.SignatureFailure')
  const unknown = await sdkErrorOf(ckafkaClient(url, { id: 'AKIDUNKNOWN', secret: 'x' }).DescribeDatahubTasks({}))
  assert.equal(unknown.code, 'AuthFailure.SecretIdNotFound')
})

test('the SDK works with any endpoint form: localhost:port (service "localhost:port") and a path prefix', async t => {
  const { url, key } = await listeningGateway(t, { 'tencent.prefix': '/tencent' })
  const port = new URL(url).port
  for (const client of [ckafkaClient(`http://localhost:${port}`, key, '/tencent'), ckafkaClient(`http://127.0.0.1:${port}`, key, '/tencent')]) {
    const listed = await client.DescribeDatahubTasks({})
    assert.equal(listed.Result!.TotalCount, 0)
  }
  // Without the prefix the request reaches no Tencent route: the SDK reports the HTTP status, not a code.
  const outside = await sdkErrorOf(ckafkaClient(`http://localhost:${port}`, key).DescribeDatahubTasks({}))
  assert.equal(outside.code, undefined)
})
