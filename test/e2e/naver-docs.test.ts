// docs/naver.md end to end: a gateway process with auth required, an API key
// made with the CLI, and the docs' signing script (examples/naver/ncp-curl.sh,
// curl + openssl) creating a topic, producing, listing, updating and deleting
// through the NAVER API on the real broker.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import { randomTopic } from '../support/gateway.ts'
import { runFile, startSecuredGateway } from '../support/naver-azure-process.ts'

const SCRIPT = join(import.meta.dirname, '..', '..', 'examples', 'naver', 'ncp-curl.sh')

test('the NAVER walkthrough of docs/naver.md', { timeout: 180_000 }, async t => {
  const gw = await startSecuredGateway(t)
  const prefix = `${randomTopic('h4j6l')}-`
  const topic = `${prefix}ds001`
  t.after(async () => { await gw.kafka.admin.deleteTopic(topic).catch(() => {}) })

  const created = await gw.admin(['credentials', 'create', '--principal', 'naver-demo', '--json'])
  assert.equal(created.code, 0, created.stderr)
  const key = JSON.parse(created.stdout) as { id: string, secret: string }
  assert.equal((await gw.admin(['permissions', 'grant', '--principal', 'naver-demo', '--operations', 'admin', '--resource', `topic:${prefix}*`])).code, 0)
  assert.equal((await gw.admin(['permissions', 'grant', '--principal', 'naver-demo', '--operations', 'describe', '--resource', 'cluster'])).code, 0)

  const ncp = async (method: string, path: string, ...curl: string[]) => {
    const run = await runFile(SCRIPT, [method, `${gw.url}${path}`, '-w', '\n%{http_code}', ...curl], { NCP_ACCESS_KEY: key.id, NCP_SECRET_KEY: key.secret })
    assert.equal(run.code, 0, run.stderr)
    const lines = run.stdout.trimEnd().split('\n')
    return { status: Number(lines.pop()), body: JSON.parse(lines.join('\n')) as unknown }
  }

  const made = await ncp('POST', '/api/v1/topics', '--data', JSON.stringify({ name: topic, description: 'Data Stream Topic', partitions: 1, retentionMs: 86400000 }))
  assert.equal(made.status, 201, JSON.stringify(made.body))
  const topicId = (made.body as { topicId: string }).topicId

  // NAVER's own produce example, as is: curl --data, no content type.
  const sent = await ncp('POST', '/api/produce', '--data', JSON.stringify({ topic, key: 'test-key', value: 'this is a test (body)' }))
  assert.deepEqual(sent, { status: 200, body: { status: 200, detail: 'OK' } })
  const partitioned = await ncp('POST', '/api/produce', '--data', JSON.stringify({ topic, key: 'test-key', value: 'second', partition: 0 }))
  assert.equal(partitioned.status, 200)

  // A query string is part of what is signed.
  const listed = await ncp('GET', `/api/v1/topics?sortBy=topicName&descending=false&searchText=${prefix}`)
  assert.equal(listed.status, 200)
  assert.deepEqual((listed.body as { list: Array<{ topicId: string }> }).list.map(x => x.topicId), [topicId])

  const updated = await ncp('PUT', `/api/v1/topics/${topicId}`, '--data', JSON.stringify({ description: 'This is a description', partitions: 3, retentionMs: 86400000 }))
  assert.equal(updated.status, 200)
  assert.equal((updated.body as { partitions: number }).partitions, 3)

  // What landed in Kafka, read with the admin token through the native API.
  const records = await fetch(`${gw.url}/gateway/v1/topics/${topic}/partitions/0/records?offset=earliest&keyEncoding=string&valueEncoding=string`, { headers: { authorization: `Bearer ${gw.adminToken}` } })
  assert.deepEqual((await records.json() as { records: Array<{ key: string, value: string }> }).records.map(r => [r.key, r.value]), [['test-key', 'this is a test (body)'], ['test-key', 'second']])

  // Outside its grant, and with a wrong secret, in the NAVER format.
  const outside = await ncp('POST', '/api/produce', '--data', JSON.stringify({ topic: 'not-granted', key: 'k', value: 'v' }))
  assert.deepEqual({ status: outside.status, detail: (outside.body as { detail: string }).detail }, { status: 403, detail: 'Forbidden' })
  const forged = await runFile(SCRIPT, ['POST', `${gw.url}/api/produce`, '-w', '\n%{http_code}', '--data', '{}'], { NCP_ACCESS_KEY: key.id, NCP_SECRET_KEY: 'wrong-secret' })
  assert.match(forged.stdout, /"detail":"Unauthorized"[^]*\n401$/)

  const deleted = await ncp('DELETE', `/api/v1/topics/${topicId}`)
  assert.deepEqual(deleted, { status: 200, body: true })
})
