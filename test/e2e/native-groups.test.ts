import assert from 'node:assert/strict'
import { test } from 'node:test'
import { Consumer } from '@platformatic/kafka'
import { bootstrapFromEnv, createTopic, randomTopic, startTestGateway } from '../support/gateway.ts'

test('a consumer group shows its members, assignments and per-partition lag', async t => {
  const { app, gateway } = await startTestGateway(t)
  const topic = await createTopic(t, gateway, { partitions: 2 })
  await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records`, payload: { records: [0, 1, 2, 3, 4].map(i => ({ value: i, partition: 0 })) } })
  await app.inject({ method: 'POST', url: `/gateway/v1/topics/${topic}/records`, payload: { records: [{ value: 'x', partition: 1 }] } })

  const groupId = randomTopic('group')
  const consumer = new Consumer({ groupId, clientId: 'lag-test', bootstrapBrokers: [bootstrapFromEnv()] })
  t.after(() => consumer.close(true))
  const stream = await consumer.consume({ topics: [topic], mode: 'earliest', autocommit: false, sessionTimeout: 10000, heartbeatInterval: 500 })
  let seen = 0
  for await (const message of stream) {
    // Commit the first two records of partition 0 only: lag is then 3 there and 1 on partition 1.
    if (message.partition === 0 && message.offset < 2n) await message.commit()
    if (++seen === 6) break
  }

  const res = await app.inject({ url: `/gateway/v1/consumer-groups/${groupId}` })
  assert.equal(res.statusCode, 200, res.body)
  const group = res.json()
  assert.equal(group.members.length, 1)
  assert.equal(group.members[0].clientId, 'lag-test')
  const assigned = group.members[0].assignments.flatMap((a: { topic: string, partitions: number[] }) => a.partitions.map(p => `${a.topic}/${p}`)).sort()
  assert.deepEqual(assigned, [`${topic}/0`, `${topic}/1`])
  const p0 = group.offsets.find((o: { partition: number }) => o.partition === 0)
  assert.deepEqual({ committed: p0.committedOffset, end: p0.endOffset, lag: p0.lag }, { committed: 2, end: 5, lag: 3 })

  const list = (await app.inject({ url: '/gateway/v1/consumer-groups' })).json()
  assert.ok(list.groups.some((g: { groupId: string }) => g.groupId === groupId))
})
