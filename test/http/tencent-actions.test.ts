// Tencent dialect actions over the in-memory Kafka port (contracts.md §1,
// seeds 000/001): SendMessage into access points, DataHub tasks mapped onto
// access points, and the message query; each with its permissions.
import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import { ADMIN, createKey, grant, identityApp, type CreatedKey } from '../support/identity.ts'
import { tencentError, tencentRequest, tencentResult } from '../support/tencent.ts'

async function setup (t: TestContext, overrides: Record<string, unknown> = {}, now?: () => number) {
  const env = await identityApp(t, { overrides, ...(now ? { now } : {}) })
  const call = async (key: CreatedKey | { id: string, secret: string }, action: string, params: unknown) => env.app.inject(tencentRequest({ action, key, params }))
  const admin = await createKey(env.app, 'ops')
  await grant(env.app, { principal: 'ops', operations: ['admin'], resource: { type: 'cluster' } })
  return { ...env, call, admin }
}

const httpTask = (name: string, topic: string) => ({ TaskName: name, TaskType: 'SOURCE', SourceResource: { Type: 'HTTP' }, TargetResource: { Type: 'TOPIC', TopicParam: { Resource: topic } } })

test('SendMessage: one MessageId per message, in order, datahubId:topic:partition:offset:receivedMs:ackedMs (seed 000)', async t => {
  const { call, admin, kafka } = await setup(t)
  const { Result } = tencentResult(await call(admin, 'CreateDatahubTask', httpTask('orders-in', 'orders'))) as { Result: { DatahubId: string } }
  const before = Date.now()
  const res = tencentResult(await call(admin, 'SendMessage', {
    DataHubId: Result.DatahubId,
    Message: [{ Body: 'a', Key: 'customer-1' }, { Body: 'b', Key: 'customer-1' }, { Body: '{"json":true}' }],
  })) as { MessageId: string[] }
  const after = Date.now()
  assert.equal(res.MessageId.length, 3)
  const parsed = res.MessageId.map(id => {
    const [datahubId, topic, partition, offset, received, acked, ...rest] = id.split(':')
    assert.deepEqual(rest, [])
    return { datahubId, topic, partition: Number(partition), offset: Number(offset), received: Number(received), acked: Number(acked) }
  })
  for (const m of parsed) {
    assert.equal(m.datahubId, Result.DatahubId)
    assert.equal(m.topic, 'orders')
    assert.ok(before <= m.received && m.received <= m.acked && m.acked <= after, JSON.stringify(m))
    const stored = kafka.topics.get('orders')![m.partition]![m.offset]!
    assert.ok(stored, `no record at ${m.partition}:${m.offset}`)
  }
  // Same key, same partition, consecutive offsets, bodies and keys as sent.
  assert.equal(parsed[0]!.partition, parsed[1]!.partition)
  assert.equal(parsed[1]!.offset, parsed[0]!.offset + 1)
  const first = kafka.topics.get('orders')![parsed[0]!.partition]![parsed[0]!.offset]!
  assert.deepEqual([first.key?.toString(), first.value?.toString()], ['customer-1', 'a'])
  const third = kafka.topics.get('orders')![parsed[2]!.partition]![parsed[2]!.offset]!
  assert.deepEqual([third.key, third.value?.toString()], [null, '{"json":true}'])
})

test('SendMessage takes up to 500 messages', async t => {
  const { call, admin, kafka } = await setup(t)
  const { Result } = tencentResult(await call(admin, 'CreateDatahubTask', httpTask('bulk', 'payments'))) as { Result: { DatahubId: string } }
  const res = tencentResult(await call(admin, 'SendMessage', { DataHubId: Result.DatahubId, Message: Array.from({ length: 500 }, (_, i) => ({ Body: `m${i}` })) })) as { MessageId: string[] }
  assert.equal(res.MessageId.length, 500)
  assert.deepEqual(res.MessageId.map(id => Number(id.split(':')[3])), Array.from({ length: 500 }, (_, i) => i))
  assert.equal(kafka.topics.get('payments')![0]!.length, 500)
})

test('SendMessage into a paused task: FailedOperation "task status suspended [<id>]" (seed 000), nothing written; unknown id: ResourceNotFound', async t => {
  const { call, admin, kafka } = await setup(t)
  const { Result } = tencentResult(await call(admin, 'CreateDatahubTask', httpTask('pausable', 'payments'))) as { Result: { DatahubId: string, TaskId: string } }
  assert.deepEqual(tencentResult(await call(admin, 'PauseDatahubTask', { TaskId: Result.TaskId })), { Result: { TaskId: Result.TaskId, DatahubId: Result.DatahubId } })
  const paused = tencentError(await call(admin, 'SendMessage', { DataHubId: Result.DatahubId, Message: [{ Body: 'x' }] }))
  assert.deepEqual(paused, { Code: 'FailedOperation', Message: `task status suspended [${Result.DatahubId}]` })
  assert.equal(kafka.topics.get('payments')![0]!.length, 0)
  tencentResult(await call(admin, 'ResumeDatahubTask', { TaskId: Result.TaskId }))
  tencentResult(await call(admin, 'SendMessage', { DataHubId: Result.DatahubId, Message: [{ Body: 'x' }] }))
  const unknown = tencentError(await call(admin, 'SendMessage', { DataHubId: 'datahub-00000000', Message: [{ Body: 'x' }] }))
  assert.equal(unknown.Code, 'ResourceNotFound')
})

test('SendMessage: the core decides who may send (allowed principals, produce on the access point), schema and sizes', async t => {
  const { app, call, admin } = await setup(t)
  const partner = await createKey(app, 'partner')
  const other = await createKey(app, 'other')
  const ap = (await app.inject({ method: 'POST', url: '/gateway/v1/access-points', headers: ADMIN, payload: { name: 'p', topic: 'orders', allowedPrincipals: ['partner'], schema: { type: 'object', required: ['user'] }, limits: { maxMessageBytes: 64 } } })).json()
  tencentResult(await call(partner, 'SendMessage', { DataHubId: ap.id, Message: [{ Body: '{"user":"u1"}' }] }))
  assert.equal(tencentError(await call(other, 'SendMessage', { DataHubId: ap.id, Message: [{ Body: '{"user":"u1"}' }] })).Code, 'AuthFailure.UnauthorizedOperation')
  await grant(app, { principal: 'other', operations: ['produce'], resource: { type: 'access-point', name: ap.id } })
  tencentResult(await call(other, 'SendMessage', { DataHubId: ap.id, Message: [{ Body: '{"user":"u2"}' }] }))
  const invalid = tencentError(await call(admin, 'SendMessage', { DataHubId: ap.id, Message: [{ Body: '{"user":"u1"}' }, { Body: '{"event":"x"}' }] }))
  assert.equal(invalid.Code, 'InvalidParameterValue')
  assert.match(invalid.Message, /records\[1\]\.value/)
  const large = tencentError(await call(admin, 'SendMessage', { DataHubId: ap.id, Message: [{ Body: JSON.stringify({ user: 'x'.repeat(100) }) }] }))
  assert.equal(large.Code, 'RequestSizeLimitExceeded')
})

test('SendMessage over an access point\'s rate: RequestLimitExceeded', async t => {
  const { app, call, admin } = await setup(t, {}, () => 9_000_000)
  const ap = (await app.inject({ method: 'POST', url: '/gateway/v1/access-points', headers: ADMIN, payload: { name: 'limited', topic: 'orders', limits: { recordsPerSecond: 2 } } })).json()
  tencentResult(await call(admin, 'SendMessage', { DataHubId: ap.id, Message: [{ Body: '1' }, { Body: '2' }] }))
  assert.equal(tencentError(await call(admin, 'SendMessage', { DataHubId: ap.id, Message: [{ Body: '3' }] })).Code, 'RequestLimitExceeded')
  assert.equal(tencentError(await call(admin, 'SendMessage', { DataHubId: ap.id, Message: [{ Body: '1' }, { Body: '2' }, { Body: '3' }] })).Code, 'RequestSizeLimitExceeded')
})

test('DataHub tasks are access points: create, describe, list, pause, resume, delete, seen by both APIs', async t => {
  const { app, call, admin } = await setup(t)
  const created = tencentResult(await call(admin, 'CreateDatahubTask', { ...httpTask('clicks', 'orders'), Description: 'click events' })) as { Result: { TaskId: string, DatahubId: string } }
  const id = created.Result.TaskId
  assert.match(id, /^datahub-[0-9a-f]{8}$/)
  assert.equal(created.Result.DatahubId, id)
  const native = (await app.inject({ method: 'GET', url: `/gateway/v1/access-points/${id}`, headers: ADMIN })).json()
  assert.deepEqual({ name: native.name, topic: native.topic, description: native.description, status: native.status }, { name: 'clicks', topic: 'orders', description: 'click events', status: 'running' })

  const described = tencentResult(await call(admin, 'DescribeDatahubTask', { TaskId: id })) as { Result: Record<string, unknown> }
  assert.deepEqual(described.Result, {
    TaskId: id,
    TaskName: 'clicks',
    TaskType: 'SOURCE',
    Status: 1,
    SourceResource: { Type: 'HTTP' },
    TargetResource: { Type: 'TOPIC', TopicParam: { Resource: 'orders' } },
    CreateTime: native.createdAt.slice(0, 19).replace('T', ' '),
    DatahubId: id,
    Description: 'click events',
  })

  // A task made through the native API is a task too; KAFKA targets name this cluster.
  const viaKafka = tencentResult(await call(admin, 'CreateDatahubTask', { TaskName: 'pay-in', TaskType: 'SOURCE', SourceResource: { Type: 'HTTP' }, TargetResource: { Type: 'KAFKA', KafkaParam: { SelfBuilt: false, Resource: 'memory', Topic: 'payments' } } })) as { Result: { TaskId: string } }
  const nativeMade = (await app.inject({ method: 'POST', url: '/gateway/v1/access-points', headers: ADMIN, payload: { name: 'Made Natively', topic: 'orders' } })).json()
  const all = tencentResult(await call(admin, 'DescribeDatahubTasks', {})) as { Result: { TotalCount: number, TaskList: Array<{ TaskId: string, TaskName: string }> } }
  assert.equal(all.Result.TotalCount, 3)
  assert.deepEqual(new Set(all.Result.TaskList.map(x => x.TaskId)), new Set([id, viaKafka.Result.TaskId, nativeMade.id]))
  const searched = tencentResult(await call(admin, 'DescribeDatahubTasks', { SearchWord: 'NATIVELY' })) as typeof all
  assert.deepEqual(searched.Result.TaskList.map(x => x.TaskId), [nativeMade.id])
  const byTopic = tencentResult(await call(admin, 'DescribeDatahubTasks', { Resource: 'payments' })) as typeof all
  assert.deepEqual(byTopic.Result.TaskList.map(x => x.TaskId), [viaKafka.Result.TaskId])
  const sinks = tencentResult(await call(admin, 'DescribeDatahubTasks', { TaskType: 'SINK' })) as typeof all
  assert.deepEqual(sinks.Result, { TotalCount: 0, TaskList: [] })
  const page = tencentResult(await call(admin, 'DescribeDatahubTasks', { Limit: 2, Offset: 2 })) as typeof all
  assert.deepEqual({ total: page.Result.TotalCount, count: page.Result.TaskList.length }, { total: 3, count: 1 })

  tencentResult(await call(admin, 'PauseDatahubTask', { TaskId: id }))
  assert.equal((tencentResult(await call(admin, 'DescribeDatahubTask', { TaskId: id })) as { Result: { Status: number } }).Result.Status, 6)
  assert.equal((await app.inject({ method: 'GET', url: `/gateway/v1/access-points/${id}`, headers: ADMIN })).json().status, 'paused')
  tencentResult(await call(admin, 'ResumeDatahubTask', { TaskId: id }))
  assert.equal((tencentResult(await call(admin, 'DescribeDatahubTask', { TaskId: id })) as { Result: { Status: number } }).Result.Status, 1)

  assert.deepEqual(tencentResult(await call(admin, 'DeleteDatahubTask', { TaskId: id })), { Result: { TaskId: id, DatahubId: id } })
  assert.equal((await app.inject({ method: 'GET', url: `/gateway/v1/access-points/${id}`, headers: ADMIN })).statusCode, 404)
  for (const action of ['DescribeDatahubTask', 'DeleteDatahubTask', 'PauseDatahubTask', 'ResumeDatahubTask']) {
    const gone = tencentError(await call(admin, action, { TaskId: id }))
    assert.equal(gone.Code, 'ResourceNotFound', action)
    assert.match(gone.Message, new RegExp(`task ${id} does not exist`))
  }
})

test('CreateDatahubTask refuses what it cannot do, saying why', async t => {
  const { call, admin } = await setup(t)
  const base = httpTask('t1', 'orders')
  const cases: Array<[object, string, RegExp]> = [
    [{ ...base, TaskType: 'SINK' }, 'InvalidParameterValue', /TaskType SINK is not supported/],
    [{ ...base, SourceResource: { Type: 'MYSQL' } }, 'InvalidParameterValue', /SourceResource.Type MYSQL/],
    [{ ...base, TargetResource: { Type: 'ES' } }, 'InvalidParameterValue', /TargetResource.Type ES/],
    [{ ...base, TargetResource: { Type: 'TOPIC' } }, 'MissingParameter', /TopicParam/],
    [{ ...base, TargetResource: { Type: 'TOPIC', TopicParam: { Resource: 'nope' } } }, 'ResourceNotFound', /nope/],
    [{ ...base, TargetResource: { Type: 'TOPIC', TopicParam: { Resource: 'orders', UseAutoCreateTopic: true } } }, 'InvalidParameterValue', /must exist/],
    [{ ...base, TargetResource: { Type: 'KAFKA', KafkaParam: { SelfBuilt: false, Resource: 'ckafka-other', Topic: 'orders' } } }, 'ResourceNotFound', /ckafka-other is not an instance of this gateway; use the Kafka cluster id memory/],
    [{ ...base, TargetResource: { Type: 'KAFKA', KafkaParam: { SelfBuilt: false, Resource: 'memory', Topic: 'orders,payments' } } }, 'InvalidParameterValue', /exactly one topic/],
    [{ ...base, TaskName: '1-starts-with-a-digit' }, 'InvalidParameterValue', /TaskName/],
    [{ ...base, TransformParam: { AnalysisFormat: 'JSON' } }, 'UnknownParameter', /TransformParam/],
    [{ ...base, TaskId: 'mine' }, 'InvalidParameterValue', /TaskId is chosen by the gateway/],
    [{ ...base, TargetResource: { Type: 'TOPIC', TopicParam: { Resource: '_gateway_state' } } }, 'InvalidParameterValue', /shared state/],
  ]
  for (const [params, code, message] of cases) {
    const error = tencentError(await call(admin, 'CreateDatahubTask', params))
    assert.equal(error.Code, code, `${JSON.stringify(params)}: ${error.Message}`)
    assert.match(error.Message, message)
  }
})

test('task permissions are those of access points: describe to see, admin to change, produce on the topic to create', async t => {
  const { app, call, admin } = await setup(t)
  const { Result } = tencentResult(await call(admin, 'CreateDatahubTask', httpTask('guarded', 'orders'))) as { Result: { TaskId: string } }
  const viewer = await createKey(app, 'viewer')
  await grant(app, { principal: 'viewer', operations: ['describe'], resource: { type: 'access-point', prefix: '' } })
  tencentResult(await call(viewer, 'DescribeDatahubTask', { TaskId: Result.TaskId }))
  tencentResult(await call(viewer, 'DescribeDatahubTasks', {}))
  for (const action of ['PauseDatahubTask', 'ResumeDatahubTask', 'DeleteDatahubTask']) {
    assert.equal(tencentError(await call(viewer, action, { TaskId: Result.TaskId })).Code, 'AuthFailure.UnauthorizedOperation', action)
  }
  assert.equal(tencentError(await call(viewer, 'CreateDatahubTask', httpTask('x', 'orders'))).Code, 'AuthFailure.UnauthorizedOperation')

  const manager = await createKey(app, 'manager')
  await grant(app, { principal: 'manager', operations: ['admin'], resource: { type: 'access-point', prefix: '' } })
  const refused = tencentError(await call(manager, 'CreateDatahubTask', httpTask('x', 'payments')))
  assert.equal(refused.Code, 'AuthFailure.UnauthorizedOperation')
  assert.match(refused.Message, /may not produce on topic payments/)
  await grant(app, { principal: 'manager', operations: ['produce'], resource: { type: 'topic', name: 'payments' } })
  tencentResult(await call(manager, 'CreateDatahubTask', httpTask('x', 'payments')))
  tencentResult(await call(manager, 'PauseDatahubTask', { TaskId: Result.TaskId }))

  const stranger = await createKey(app, 'stranger')
  assert.equal(tencentError(await call(stranger, 'DescribeDatahubTasks', {})).Code, 'AuthFailure.UnauthorizedOperation')
})

test('a task from the state file is read-only: deleting it is OperationDenied', async t => {
  const env = await identityApp(t, { declared: { credentials: [], permissions: [], accessPoints: [{ id: 'datahub-fromfile', name: 'file', topic: 'orders', description: '', schema: null, limits: {}, allowedPrincipals: [], status: 'running', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }] } })
  const key = await createKey(env.app, 'ops')
  await grant(env.app, { principal: 'ops', operations: ['admin'], resource: { type: 'cluster' } })
  const error = tencentError(await env.app.inject(tencentRequest({ action: 'DeleteDatahubTask', key, params: { TaskId: 'datahub-fromfile' } })))
  assert.equal(error.Code, 'OperationDenied')
})

test('message query: by offset, list by offset, list by timestamp; keys, values, timestamps and headers as Tencent shows them', async t => {
  const { app, call, admin } = await setup(t)
  const produce = await app.inject({
    method: 'POST',
    url: '/gateway/v1/topics/orders/records?keyEncoding=string&valueEncoding=string',
    headers: ADMIN,
    payload: { records: [0, 1, 2, 3, 4].map(i => ({ key: `k${i}`, value: `v${i}`, partition: 2, timestamp: 1_700_000_000_000 + i * 1000, headers: { trace: `t${i}`, source: 'web' } })) },
  })
  assert.equal(produce.statusCode, 200, produce.body)
  await app.inject({ method: 'POST', url: '/gateway/v1/topics/orders/records?valueEncoding=string', headers: ADMIN, payload: { value: 'p0', partition: 0, timestamp: 1_700_000_002_500 } })

  const one = tencentResult(await call(admin, 'FetchMessageByOffset', { InstanceId: 'memory', Topic: 'orders', Partition: 2, Offset: 3 }))
  assert.deepEqual(one, { Result: { Topic: 'orders', Partition: 2, Offset: 3, Key: 'k3', Value: 'v3', Timestamp: 1_700_000_003_000, Headers: '{"trace":"t3","source":"web"}' } })
  const missing = tencentError(await call(admin, 'FetchMessageByOffset', { InstanceId: 'memory', Topic: 'orders', Partition: 2, Offset: 5 }))
  assert.equal(missing.Code, 'ResourceNotFound')

  const list = tencentResult(await call(admin, 'FetchMessageListByOffset', { InstanceId: 'memory', Topic: 'orders', Partition: 2, Offset: 1, SinglePartitionRecordNumber: 2 })) as { Result: Array<{ Offset: number }> }
  assert.deepEqual(list.Result.map(r => r.Offset), [1, 2])
  const rest = tencentResult(await call(admin, 'FetchMessageListByOffset', { InstanceId: 'memory', Topic: 'orders', Partition: 2, Offset: 1 })) as typeof list
  assert.deepEqual(rest.Result.map(r => r.Offset), [1, 2, 3, 4])

  const since = tencentResult(await call(admin, 'FetchMessageListByTimestamp', { InstanceId: 'memory', Topic: 'orders', Partition: 2, StartTime: 1_700_000_002_000 })) as { Result: Array<{ Offset: number, Partition: number, Value: string }> }
  assert.deepEqual(since.Result.map(r => r.Offset), [2, 3, 4])
  const everywhere = tencentResult(await call(admin, 'FetchMessageListByTimestamp', { InstanceId: 'memory', Topic: 'orders', StartTime: 1_700_000_002_000, SinglePartitionRecordNumber: 1 })) as typeof since
  assert.deepEqual(everywhere.Result.map(r => [r.Partition, r.Value]), [[0, 'p0'], [2, 'v2']])

  const tooMany = tencentError(await call(admin, 'FetchMessageListByOffset', { InstanceId: 'memory', Topic: 'orders', Partition: 2, Offset: 0, SinglePartitionRecordNumber: 21 }))
  assert.equal(tooMany.Code, 'InvalidParameterValue')
  assert.equal(tencentError(await call(admin, 'FetchMessageByOffset', { InstanceId: 'memory', Topic: 'nope', Partition: 0, Offset: 0 })).Code, 'ResourceNotFound')
  assert.equal(tencentError(await call(admin, 'FetchMessageByOffset', { InstanceId: 'memory', Topic: 'orders', Partition: 9, Offset: 0 })).Code, 'ResourceNotFound')
})

test('message query: InstanceId is the cluster id or a configured alias; consume on the topic is needed', async t => {
  const { app, call, admin } = await setup(t, { 'tencent.instanceIds': ['ckafka-abc123'] })
  await app.inject({ method: 'POST', url: '/gateway/v1/topics/payments/records', headers: ADMIN, payload: { value: 1 } })
  const query = { Topic: 'payments', Partition: 0, Offset: 0 }
  tencentResult(await call(admin, 'FetchMessageByOffset', { ...query, InstanceId: 'memory' }))
  tencentResult(await call(admin, 'FetchMessageByOffset', { ...query, InstanceId: 'ckafka-abc123' }))
  const wrong = tencentError(await call(admin, 'FetchMessageByOffset', { ...query, InstanceId: 'ckafka-zzz' }))
  assert.equal(wrong.Code, 'ResourceNotFound')
  assert.match(wrong.Message, /use the Kafka cluster id memory or one of ckafka-abc123/)

  const reader = await createKey(app, 'reader')
  const denied = tencentError(await call(reader, 'FetchMessageByOffset', { ...query, InstanceId: 'memory' }))
  assert.equal(denied.Code, 'AuthFailure.UnauthorizedOperation')
  assert.match(denied.Message, /may not consume on topic payments/)
  await grant(app, { principal: 'reader', operations: ['consume'], resource: { type: 'topic', name: 'payments' } })
  tencentResult(await call(reader, 'FetchMessageByOffset', { ...query, InstanceId: 'memory' }))
  tencentResult(await call(reader, 'FetchMessageListByTimestamp', { InstanceId: 'memory', Topic: 'payments' }))
  // The state topic stays reserved, whoever asks.
  assert.equal(tencentError(await call(admin, 'FetchMessageByOffset', { InstanceId: 'memory', Topic: '_gateway_state', Partition: 0, Offset: 0 })).Code, 'AuthFailure.UnauthorizedOperation')
})
