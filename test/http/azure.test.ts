// The Azure HDInsight Kafka REST proxy dialect (contracts.md §3, seed 004)
// over app.inject and the in-memory Kafka port, with bearer tokens from a
// real OIDC issuer over HTTP (the Entra stand-in): the security group, the
// eight operations, NextOffset paging, and every failure class in the
// `{"error": {code, message}}` format.
import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import type { InjectOptions } from 'fastify'
import { GatewayError } from '../../src/core/errors.ts'
import { clientToken, entraIssuer, MEMBER, OUTSIDER, azureOverrides, REST_GROUP } from '../support/azure-tokens.ts'
import { ADMIN, grant, identityApp, type IdentityAppOptions } from '../support/identity.ts'

async function azureApp (t: TestContext, options: IdentityAppOptions = {}) {
  const issuer = await entraIssuer(t)
  const gw = await identityApp(t, { ...options, overrides: { ...azureOverrides(issuer), ...options.overrides } })
  // The seed's model: members of the security group may use the proxy; here that is a grant to the group.
  await grant(gw.app, { group: REST_GROUP, operations: ['admin'], resource: { type: 'cluster' } })
  const token = await clientToken(issuer, MEMBER)
  const call = (method: InjectOptions['method'], url: string, payload?: unknown, bearer: string = token, headers: Record<string, string> = {}) =>
    gw.app.inject({ method, url, headers: { authorization: `Bearer ${bearer}`, ...headers }, ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }) })
  return { ...gw, issuer, token, call }
}

test('metadata: topics, brokers, partitions of a topic and one partition', async t => {
  const { call } = await azureApp(t)
  const topics = await call('GET', '/v1/metadata/topics')
  assert.equal(topics.statusCode, 200, topics.body)
  assert.deepEqual(topics.json().topics.sort(), ['_gateway_state', 'logs.app', 'orders', 'payments'])
  assert.deepEqual((await call('GET', '/v1/metadata/brokers')).json(), { brokers: [{ hostName: 'localhost', port: 9092, id: 1, rack: null }] })
  const partitions = await call('GET', '/v1/metadata/topics/orders/partitions')
  assert.equal(partitions.json().topic, 'orders')
  assert.deepEqual(partitions.json().partitions[2], { partition_id: 2, earliest_offset: 0, latest_offset: 0, leader: 1, replicas: [1], isr: [1] })
  assert.deepEqual((await call('GET', '/v1/metadata/topics/orders/partitions/1')).json(), { partition_id: 1, earliest_offset: 0, latest_offset: 0, leader: 1, replicas: [1], isr: [1] })
  const missing = await call('GET', '/v1/metadata/topics/orders/partitions/9')
  assert.equal(missing.statusCode, 404)
  assert.equal(missing.json().error.code, 'PartitionNotFound')
})

test('create a topic with Microsoft\'s sample config; an existing one is 409', async t => {
  const { call, kafka } = await azureApp(t)
  const config = { partition_count: 2, replication_factor: 1, topic_properties: { 'retention.ms': 604800000, 'min.insync.replicas': '1' } }
  const created = await call('PUT', '/v1/topics/hello_topic_abc', config)
  assert.equal(created.statusCode, 200, created.body)
  assert.deepEqual(created.json(), { topic: 'hello_topic_abc', partition_count: 2, replication_factor: 1, topic_properties: { 'retention.ms': '604800000', 'min.insync.replicas': '1' } })
  assert.equal(kafka.topics.get('hello_topic_abc')!.length, 2)
  const again = await call('PUT', '/v1/topics/hello_topic_abc', config)
  assert.equal(again.statusCode, 409)
  assert.equal(again.json().error.code, 'TopicExists')
})

test('produce any JSON (strings as text, the rest as JSON) and page through it with NextOffset', async t => {
  const { call, kafka } = await azureApp(t)
  const values = ['**********', 5, 3.14, { id: 1, name: 'HDInsight Kafka REST proxy' }, [{ id: 1 }, { id: 2 }]]
  const produced = await call('POST', '/v1/producer/topics/payments', { records: [{ key: 'key1', value: values[0] }, { partition: 0, value: values[1] }, ...values.slice(2).map(value => ({ value }))] })
  assert.equal(produced.statusCode, 200, produced.body)
  assert.deepEqual(produced.json().offsets.map((o: { offset: number }) => o.offset), [0, 1, 2, 3, 4])
  assert.deepEqual(kafka.topics.get('payments')![0]!.map(r => r.value!.toString()), ['**********', '5', '3.14', '{"id":1,"name":"HDInsight Kafka REST proxy"}', '[{"id":1},{"id":2}]'])

  // Microsoft's loop: count=2 from offset 0, follow NextOffset until an empty page.
  const seen: unknown[] = []
  let offset = '0'
  for (let page = 0; page < 10; page++) {
    const res = await call('GET', `/v1/consumer/topics/payments/partitions/0/offsets/${offset}?count=2`)
    assert.equal(res.statusCode, 200, res.body)
    const records = res.json().records as Array<Record<string, unknown>>
    if (records.length === 0) {
      assert.equal(res.headers.nextoffset, offset)
      break
    }
    seen.push(...records)
    offset = String(res.headers.nextoffset)
  }
  assert.equal(offset, '5')
  assert.equal(seen.length, 5)
  assert.deepEqual(seen[0], { topic: 'payments', key: 'key1', value: '**********', partition: 0, offset: 0, timestamp: (seen[0] as { timestamp: number }).timestamp, timestampType: 'CreateTime' })
  assert.deepEqual(seen.map(r => (r as { value: string }).value), ['**********', '5', '3.14', '{"id":1,"name":"HDInsight Kafka REST proxy"}', '[{"id":1},{"id":2}]'])

  // count defaults to 1.
  const one = await call('GET', '/v1/consumer/topics/payments/partitions/0/offsets/3')
  assert.equal(one.json().records.length, 1)
  assert.equal(one.headers.nextoffset, '4')
})

test('status is "OK" while Kafka answers, 503 with Retry-After when it does not', async t => {
  const { call, kafka } = await azureApp(t)
  const ok = await call('GET', '/v1/status')
  assert.equal(ok.statusCode, 200)
  assert.equal(ok.json(), 'OK')
  kafka.reachable = false
  const down = await call('GET', '/v1/status')
  assert.equal(down.statusCode, 503)
  assert.equal(down.json().error.code, 'KafkaUnavailable')
  assert.ok(down.headers['retry-after'])
})

test('the security group: a token without it is 403 on every route; no token is 401', async t => {
  const { app, issuer, call } = await azureApp(t)
  const outsider = await clientToken(issuer, OUTSIDER)
  for (const [method, url] of [['GET', '/v1/metadata/topics'], ['PUT', '/v1/topics/x'], ['POST', '/v1/producer/topics/orders'], ['GET', '/v1/consumer/topics/orders/partitions/0/offsets/0'], ['GET', '/v1/status']] as const) {
    const refused = await call(method, url, method === 'GET' ? undefined : {}, outsider)
    assert.equal(refused.statusCode, 403, `${method} ${url}`)
    assert.equal(refused.json().error.code, 'Forbidden')
    assert.match(refused.json().error.message, /other-app is not a member of the security group kafka-rest-users/)
  }
  const anonymous = await app.inject({ method: 'GET', url: '/v1/metadata/topics' })
  assert.equal(anonymous.statusCode, 401)
  assert.equal(anonymous.json().error.code, 'Unauthenticated')
  assert.ok(anonymous.headers['www-authenticate'])
  const forged = await call('GET', '/v1/metadata/topics', undefined, 'abc.def.ghi')
  assert.equal(forged.statusCode, 401)
  // The admin token is not a group member but may do everything, as everywhere.
  assert.equal((await app.inject({ method: 'GET', url: '/v1/metadata/topics', headers: ADMIN })).statusCode, 200)
})

test('members still need permissions: the one authorizer decides what a group member may do', async t => {
  const issuer = await entraIssuer(t)
  const { app } = await identityApp(t, { overrides: azureOverrides(issuer) })
  await grant(app, { group: REST_GROUP, operations: ['consume'], resource: { type: 'topic', name: 'orders' } })
  const headers = { authorization: `Bearer ${await clientToken(issuer, MEMBER)}` }
  assert.equal((await app.inject({ method: 'GET', url: '/v1/consumer/topics/orders/partitions/0/offsets/0', headers })).statusCode, 200)
  const produce = await app.inject({ method: 'POST', url: '/v1/producer/topics/orders', headers, payload: { records: [{ value: 1 }] } })
  assert.equal(produce.statusCode, 403)
  assert.match(produce.json().error.message, /orders-app may not produce on topic orders/)
})

test('without GATEWAY_AZURE_REQUIRED_GROUP any authenticated caller may use the API, subject to permissions', async t => {
  const issuer = await entraIssuer(t)
  const { app } = await identityApp(t, { overrides: { ...azureOverrides(issuer), 'azure.requiredGroup': undefined } })
  await grant(app, { principal: 'other-app', operations: ['describe'], resource: { type: 'cluster' } })
  const res = await app.inject({ method: 'GET', url: '/v1/metadata/topics', headers: { authorization: `Bearer ${await clientToken(issuer, OUTSIDER)}` } })
  assert.equal(res.statusCode, 200, res.body)
})

test('bad requests, unknown topics and routes, sizes, rate limits and Kafka failures answer in the Azure format', async t => {
  let now = 9_000_000
  const { call, kafka, token } = await azureApp(t, { now: () => now, overrides: { 'http.bodyLimitBytes': 1024, 'security.limits.requestsPerSecond': 50 } })
  const cases: Array<[string, () => ReturnType<typeof call>, number, string]> = [
    ['no records', () => call('POST', '/v1/producer/topics/orders', { records: [] }), 400, 'InvalidRequest'],
    ['not JSON', () => call('POST', '/v1/producer/topics/orders', '{"records": [', token, { 'content-type': 'application/json' }), 400, 'InvalidJson'],
    ['text body', () => call('POST', '/v1/producer/topics/orders', 'hello', token, { 'content-type': 'text/plain' }), 400, 'UnsupportedMediaType'],
    ['unknown topic', () => call('POST', '/v1/producer/topics/nope', { records: [{ value: 1 }] }), 404, 'TopicNotFound'],
    ['unknown partition', () => call('POST', '/v1/producer/topics/orders', { records: [{ value: 1, partition: 5 }] }), 404, 'PartitionNotFound'],
    ['bad offset', () => call('GET', '/v1/consumer/topics/orders/partitions/0/offsets/minus-one'), 400, 'InvalidRequest'],
    ['count over the limit', () => call('GET', '/v1/consumer/topics/orders/partitions/0/offsets/0?count=100000'), 400, 'InvalidRequest'],
    ['unknown route', () => call('GET', '/v1/consumer/groups'), 404, 'RouteNotFound'],
    ['too large', () => call('POST', '/v1/producer/topics/orders', { records: [{ value: 'x'.repeat(1100) }] }), 413, 'BodyTooLarge'],
  ]
  for (const [what, request, status, code] of cases) {
    const res = await request()
    assert.equal(res.statusCode, status, `${what}: ${res.body}`)
    assert.equal(res.json().error.code, code, what)
    assert.equal(typeof res.json().error.message, 'string', what)
  }
  kafka.failNext = new GatewayError('kafka_unavailable', 'Kafka is unreachable')
  const down = await call('GET', '/v1/consumer/topics/orders/partitions/0/offsets/0')
  assert.equal(down.statusCode, 503)
  assert.equal(down.json().error.code, 'KafkaUnavailable')
  assert.ok(down.headers['retry-after'])

  now += 10_000
  let limited = 0
  for (let i = 0; i < 60; i++) if ((await call('GET', '/v1/metadata/topics')).statusCode === 429) limited++
  assert.equal(limited, 10)
})

test('GATEWAY_AZURE_PREFIX moves the API; GATEWAY_AZURE_ENABLED=false removes it', async t => {
  const moved = await azureApp(t, { overrides: { 'azure.prefix': '/hdinsight/v1' } })
  assert.equal((await moved.call('GET', '/hdinsight/v1/metadata/topics')).statusCode, 200)
  assert.equal((await moved.call('GET', '/v1/metadata/topics')).statusCode, 404)
  const { app } = await identityApp(t, { overrides: { 'azure.enabled': false } })
  const gone = await app.inject({ method: 'GET', url: '/v1/metadata/topics', headers: ADMIN })
  assert.equal(gone.statusCode, 404)
  assert.equal(gone.json().code, 'route_not_found')
})
