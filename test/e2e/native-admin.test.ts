import assert from 'node:assert/strict'
import { test } from 'node:test'
import { randomTopic, startTestGateway } from '../support/gateway.ts'

test('topic lifecycle: create, describe, list, add partitions, configs, delete', async t => {
  const { app, defer } = await startTestGateway(t)
  const name = randomTopic('life')
  defer(async () => { await app.inject({ method: 'DELETE', url: `/gateway/v1/topics/${name}` }) })

  const created = await app.inject({ method: 'POST', url: '/gateway/v1/topics', payload: { name, partitions: 2, configs: { 'retention.ms': '3600000' } } })
  assert.equal(created.statusCode, 201, created.body)
  assert.equal(created.json().partitions.length, 2)
  assert.equal(created.headers.location, `/gateway/v1/topics/${name}`)

  const again = await app.inject({ method: 'POST', url: '/gateway/v1/topics', payload: { name } })
  assert.equal(again.statusCode, 409)
  assert.equal(again.json().code, 'topic_exists')

  const listed = (await app.inject({ url: '/gateway/v1/topics' })).json()
  assert.ok(listed.topics.some((x: { name: string }) => x.name === name))

  const described = (await app.inject({ url: `/gateway/v1/topics/${name}` })).json()
  const p0 = described.partitions[0]
  assert.equal(typeof p0.leader, 'number')
  assert.deepEqual(p0.isr, p0.replicas)
  assert.equal(p0.earliestOffset, 0)

  const grown = await app.inject({ method: 'POST', url: `/gateway/v1/topics/${name}/partitions`, payload: { count: 4 } })
  assert.equal(grown.statusCode, 200, grown.body)
  assert.equal(grown.json().partitions.length, 4)
  const shrink = await app.inject({ method: 'POST', url: `/gateway/v1/topics/${name}/partitions`, payload: { count: 2 } })
  assert.equal(shrink.statusCode, 422)
  assert.equal(shrink.json().code, 'invalid_partitions')

  const configs = (await app.inject({ url: `/gateway/v1/topics/${name}/configs` })).json().configs
  assert.equal(configs.find((c: { name: string }) => c.name === 'retention.ms').value, '3600000')
  const changed = await app.inject({ method: 'PATCH', url: `/gateway/v1/topics/${name}/configs`, payload: { configs: { 'retention.ms': '7200000', 'cleanup.policy': 'compact' } } })
  assert.equal(changed.statusCode, 200, changed.body)
  const after = changed.json().configs
  assert.equal(after.find((c: { name: string }) => c.name === 'retention.ms').value, '7200000')
  assert.equal(after.find((c: { name: string }) => c.name === 'cleanup.policy').value, 'compact')
  const reset = (await app.inject({ method: 'PATCH', url: `/gateway/v1/topics/${name}/configs`, payload: { configs: { 'retention.ms': null } } })).json().configs
  assert.equal(reset.find((c: { name: string }) => c.name === 'retention.ms').isDefault, true)
  const bad = await app.inject({ method: 'PATCH', url: `/gateway/v1/topics/${name}/configs`, payload: { configs: { 'no.such.config': '1' } } })
  assert.equal(bad.statusCode, 422, bad.body)

  const deleted = await app.inject({ method: 'DELETE', url: `/gateway/v1/topics/${name}` })
  assert.equal(deleted.statusCode, 204)
  const gone = await app.inject({ url: `/gateway/v1/topics/${name}` })
  assert.equal(gone.statusCode, 404)
})

test('creating with a bad name or an impossible replication factor says what to fix', async t => {
  const { app } = await startTestGateway(t)
  const badName = await app.inject({ method: 'POST', url: '/gateway/v1/topics', payload: { name: 'has space' } })
  assert.equal(badName.statusCode, 400)
  assert.equal(badName.json().field, 'name')
  const rf = await app.inject({ method: 'POST', url: '/gateway/v1/topics', payload: { name: randomTopic(), replicationFactor: 9 } })
  assert.equal(rf.statusCode, 422, rf.body)
  assert.equal(rf.json().code, 'invalid_replication_factor')
})

test('cluster shows id and brokers; consumer groups show members and lag', async t => {
  const { app } = await startTestGateway(t)
  const cluster = (await app.inject({ url: '/gateway/v1/cluster' })).json()
  assert.ok(cluster.clusterId.length > 0)
  assert.ok(cluster.brokers.length >= 1)
  assert.equal(typeof cluster.brokers[0].port, 'number')
  const groups = await app.inject({ url: '/gateway/v1/consumer-groups' })
  assert.equal(groups.statusCode, 200)
  const missing = await app.inject({ url: '/gateway/v1/consumer-groups/no-such-group-xyz' })
  assert.equal(missing.statusCode, 404)
  assert.equal(missing.json().code, 'group_not_found')
})
