/**
 * v3 ACLs against a broker with an authorizer (`make test` starts one with
 * --authorizer): create, list by filter, delete by filter (contracts.md §4).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { startConfluentGateway } from '../support/confluent-gateway.ts'
import { eventually } from '../support/eventually.ts'
import { randomTopic } from '../support/gateway.ts'

test('create, list and delete ACLs', async t => {
  const { client, clusterId } = await startConfluentGateway(t)
  const acls = `/v3/clusters/${clusterId}/acls`
  const principal = `User:${randomTopic('alice')}`
  const topic = randomTopic('secured')
  const binding = { resource_type: 'TOPIC', resource_name: topic, pattern_type: 'LITERAL', principal, host: '*', operation: 'READ', permission: 'ALLOW' }

  const created = await client({ method: 'POST', url: acls, body: binding })
  assert.equal(created.status, 201, created.text)
  const prefixed = await client({ method: 'POST', url: acls, body: { ...binding, resource_name: 'team-', pattern_type: 'PREFIXED', operation: 'WRITE', permission: 'DENY' } })
  assert.equal(prefixed.status, 201, prefixed.text)

  // Brokers apply new ACLs from the metadata log a moment after the controller accepted them.
  let mine!: Awaited<ReturnType<typeof client>>
  await eventually(async () => {
    mine = await client({ method: 'GET', url: `${acls}?principal=${encodeURIComponent(principal)}` })
    assert.equal(mine.status, 200, mine.text)
    assert.equal(mine.body.kind, 'KafkaAclList')
    assert.equal(mine.body.data.length, 2)
  })
  const read = mine.body.data.find((a: { operation: string }) => a.operation === 'READ')
  assert.deepEqual({ ...read, metadata: undefined }, { kind: 'KafkaAcl', metadata: undefined, cluster_id: clusterId, ...binding })
  assert.ok(read.metadata.self.includes(`resource_name=${topic}`))

  // MATCH finds the prefixed binding for a topic it covers.
  const matching = await client({ method: 'GET', url: `${acls}?resource_type=TOPIC&resource_name=team-payments&pattern_type=MATCH&principal=${encodeURIComponent(principal)}` })
  assert.deepEqual(matching.body.data.map((a: { pattern_type: string }) => a.pattern_type), ['PREFIXED'])

  const deleted = await client({ method: 'DELETE', url: `${acls}?resource_type=TOPIC&pattern_type=LITERAL&principal=${encodeURIComponent(principal)}&operation=READ` })
  assert.equal(deleted.status, 200, deleted.text)
  assert.deepEqual(deleted.body.data.map((a: { resource_name: string }) => a.resource_name), [topic])
  await eventually(async () => {
    const left = await client({ method: 'GET', url: `${acls}?principal=${encodeURIComponent(principal)}` })
    assert.deepEqual(left.body.data.map((a: { operation: string }) => a.operation), ['WRITE'])
  })

  // Creating needs concrete values; filters reject what matches nothing.
  const vague = await client({ method: 'POST', url: acls, body: { ...binding, operation: 'ANY' } })
  assert.deepEqual([vague.status, vague.body.error_code], [400, 400])
  const badEnum = await client({ method: 'GET', url: `${acls}?resource_type=TABLE` })
  assert.equal(badEnum.status, 400)
  const badPrincipal = await client({ method: 'POST', url: acls, body: { ...binding, principal: 'no-type-prefix' } })
  assert.equal(badPrincipal.status, 400, badPrincipal.text)

  const rest = await client({ method: 'DELETE', url: `${acls}?principal=${encodeURIComponent(principal)}` })
  assert.deepEqual(rest.body.data.map((a: { operation: string }) => a.operation), ['WRITE'])
})
