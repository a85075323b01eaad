// The NAVER topic API (contracts.md §2) over app.inject and the in-memory
// Kafka port: create, list, get, update, delete by topicId, signed like
// produce, with the one authorizer deciding.
import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import type { InjectOptions } from 'fastify'
import { createKey, grant, identityApp } from '../support/identity.ts'
import { ncpHeaders, type NcpKey } from '../support/naver-signing.ts'

async function topicsApp (t: TestContext) {
  const gw = await identityApp(t, { topics: { 'h4j6l-orders': 3, 'h4j6l-audit': 1, 'other-logs': 1, '_gateway_state': 1 } })
  const key = await createKey(gw.app, 'datastream-admin')
  await grant(gw.app, { principal: 'datastream-admin', operations: ['admin'], resource: { type: 'topic', prefix: 'h4j6l-' } })
  await grant(gw.app, { principal: 'datastream-admin', operations: ['describe'], resource: { type: 'cluster' } })
  const call = (method: InjectOptions['method'], uri: string, body?: unknown, as: NcpKey = key) => gw.app.inject({
    method, url: uri, headers: { ...ncpHeaders(String(method), uri, as), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
  })
  return { ...gw, key, call }
}

test('create, get, update and delete a topic by its topicId', async t => {
  const { call, kafka } = await topicsApp(t)
  const created = await call('POST', '/api/v1/topics', { name: 'h4j6l-ds001', description: 'Data Stream Topic', partitions: 2, retentionMs: 86400000 })
  assert.equal(created.statusCode, 201, created.body)
  const topic = created.json()
  assert.deepEqual(topic, {
    topicId: 'id-h4j6l-ds001', topicName: 'h4j6l-ds001', description: '', partitions: 2, retentionMs: null,
    status: 'CREATED', createdDate: null, updatedDate: null,
  })
  assert.equal(kafka.topics.get('h4j6l-ds001')!.length, 2)

  const got = await call('GET', `/api/v1/topics/${topic.topicId}`)
  assert.equal(got.statusCode, 200, got.body)
  assert.equal(got.json().topicName, 'h4j6l-ds001')

  // NAVER's own request example spells it "partition".
  const updated = await call('PUT', `/api/v1/topics/${topic.topicId}`, { description: 'This is a description', partition: 3, retentionMs: 86400000 })
  assert.equal(updated.statusCode, 200, updated.body)
  assert.equal(updated.json().partitions, 3)
  assert.equal(kafka.topics.get('h4j6l-ds001')!.length, 3)

  const deleted = await call('DELETE', `/api/v1/topics/${topic.topicId}`)
  assert.equal(deleted.statusCode, 200, deleted.body)
  assert.equal(deleted.body, 'true')
  assert.equal(kafka.topics.has('h4j6l-ds001'), false)

  const gone = await call('GET', `/api/v1/topics/${topic.topicId}`)
  assert.equal(gone.statusCode, 404)
  assert.deepEqual({ status: gone.json().status, detail: gone.json().detail }, { status: 404, detail: 'Not Found' })
})

test('list: searchText, sortBy and descending (signed with its query string)', async t => {
  const { call } = await topicsApp(t)
  const names = async (uri: string): Promise<string[]> => {
    const res = await call('GET', uri)
    assert.equal(res.statusCode, 200, res.body)
    return res.json().list.map((topic: { topicName: string }) => topic.topicName)
  }
  assert.deepEqual(await names('/api/v1/topics'), ['other-logs', 'h4j6l-orders', 'h4j6l-audit', '_gateway_state'])
  assert.deepEqual(await names('/api/v1/topics?sortBy=topicName&descending=false'), ['_gateway_state', 'h4j6l-audit', 'h4j6l-orders', 'other-logs'])
  assert.deepEqual(await names('/api/v1/topics?searchText=H4J6L&descending=false'), ['h4j6l-audit', 'h4j6l-orders'])
  const full = (await call('GET', '/api/v1/topics?searchText=orders')).json().list
  assert.deepEqual(full, [{ topicId: 'id-h4j6l-orders', topicName: 'h4j6l-orders', description: '', partitions: 3, retentionMs: null, status: 'CREATED', createdDate: null, updatedDate: null }])
})

test('the authorizer decides: admin on the topic to change it, describe on the cluster to list', async t => {
  const { app, call } = await topicsApp(t)
  const reader = await createKey(app, 'reader')
  await grant(app, { principal: 'reader', operations: ['describe'], resource: { type: 'topic', prefix: '' } })
  assert.equal((await call('GET', '/api/v1/topics/id-h4j6l-orders', undefined, reader)).statusCode, 200)
  const cases: Array<[InjectOptions['method'], string, unknown]> = [
    ['GET', '/api/v1/topics', undefined],
    ['POST', '/api/v1/topics', { name: 'h4j6l-new' }],
    ['PUT', '/api/v1/topics/id-h4j6l-orders', { partitions: 4 }],
    ['DELETE', '/api/v1/topics/id-h4j6l-orders', undefined],
  ]
  for (const [method, uri, body] of cases) {
    const res = await call(method, uri, body, reader)
    assert.equal(res.statusCode, 403, `${method} ${uri}: ${res.body}`)
    assert.equal(res.json().detail, 'Forbidden')
  }
  const outside = await call('POST', '/api/v1/topics', { name: 'team-b-topic' })
  assert.equal(outside.statusCode, 403)
  assert.match(outside.json().message, /datastream-admin may not admin on topic team-b-topic/)
})

test('topic API failures: existing name 409, unknown id 404, bad body 400, unsigned 400', async t => {
  const { app, call } = await topicsApp(t)
  const exists = await call('POST', '/api/v1/topics', { name: 'h4j6l-orders' })
  assert.equal(exists.statusCode, 409)
  assert.equal(exists.json().detail, 'Conflict')
  const unknown = await call('GET', '/api/v1/topics/AAAAAAAAAAAAAAAAAAAAAA')
  assert.equal(unknown.statusCode, 404)
  assert.match(unknown.json().message, /no topic has the id AAAAAAAAAAAAAAAAAAAAAA/)
  const badBody = await call('POST', '/api/v1/topics', { name: 'h4j6l-x', partitions: 0 })
  assert.equal(badBody.statusCode, 400)
  assert.equal(badBody.json().detail, 'Bad Request')
  const unsigned = await app.inject({ method: 'GET', url: '/api/v1/topics' })
  assert.equal(unsigned.statusCode, 400)
  assert.equal(unsigned.json().detail, 'Bad Request, Invalid headers')
})
