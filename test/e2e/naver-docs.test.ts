// docs/naver.md end to end: its two shell blocks run as the page shows them
// (only the gateway URL, the key and the topic name swapped for this run's)
// against a gateway process with auth required on the real broker: an API
// key made with the CLI, then the docs' signing script (curl + openssl)
// creating a topic, producing and listing. Then the rest of the topic API and
// refusals, signed by the same script.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import { randomTopic } from '../support/gateway.ts'
import { docsBlock, runFile, startSecuredGateway } from '../support/naver-azure-process.ts'

const SCRIPT = join(import.meta.dirname, '..', '..', 'examples', 'naver', 'ncp-curl.sh')
const DOCS_URL = 'http://127.0.0.1:8080'

test('the NAVER walkthrough of docs/naver.md', { timeout: 180_000 }, async t => {
  const gw = await startSecuredGateway(t, { GATEWAY_ADMIN_TOKEN: 'local-admin-token-0123456789' })
  // The docs' grant covers topics named h4j6l-*; this run's topic is one of them.
  const topic = randomTopic('h4j6l')
  t.after(async () => { await gw.kafka.admin.deleteTopic(topic).catch(() => {}) })
  const bash = (script: string, env: Record<string, string> = {}) => runFile('bash', ['-euo', 'pipefail', '-c', script.replaceAll(DOCS_URL, gw.url)], env)

  const setup = await bash(docsBlock('naver.md', 'naver-setup'))
  assert.equal(setup.code, 0, `${setup.stdout}\n${setup.stderr}`)
  // credentials create --json prints the created key as indented JSON, then the grants print a line each.
  const key = JSON.parse(setup.stdout.slice(setup.stdout.indexOf('{'), setup.stdout.indexOf('\n}') + 2)) as { id: string, secret: string }
  assert.match(setup.stdout, /principal:naver-demo may admin on topic:h4j6l-\*/)

  const example = docsBlock('naver.md', 'naver-example')
    .replace('NCP_ACCESS_KEY=GWK… NCP_SECRET_KEY=…', `NCP_ACCESS_KEY=${key.id} NCP_SECRET_KEY=${key.secret}`)
    .replaceAll('h4j6l-ds001', topic)
  const run = await bash(example)
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`)
  const answers = run.stdout.replaceAll('}{', '}\n{').split('\n').filter(Boolean).map(line => JSON.parse(line) as Record<string, unknown>)
  assert.equal(answers.length, 4, run.stdout)
  const [created, sent, sentToPartition, listed] = answers as [Record<string, unknown>, unknown, unknown, { list: Array<{ topicId: string }> }]
  assert.equal(created.topicName, topic)
  assert.equal(created.retentionMs, 86400000)
  assert.deepEqual(sent, { status: 200, detail: 'OK' })
  assert.deepEqual(sentToPartition, { status: 200, detail: 'OK' })
  assert.ok(listed.list.some(x => x.topicId === created.topicId))

  // What landed in Kafka, read with the admin token through the native API.
  const records = await fetch(`${gw.url}/gateway/v1/topics/${topic}/partitions/0/records?offset=earliest&keyEncoding=string&valueEncoding=string`, { headers: { authorization: `Bearer ${gw.adminToken}` } })
  assert.deepEqual((await records.json() as { records: Array<{ key: string, value: string }> }).records.map(r => [r.key, r.value]), [['test-key', 'this is a test (body)'], ['test-key', 'this is a test (body)']])

  const ncp = async (method: string, path: string, ...curl: string[]) => {
    const res = await runFile(SCRIPT, [method, `${gw.url}${path}`, '-w', '\n%{http_code}', ...curl], { NCP_ACCESS_KEY: key.id, NCP_SECRET_KEY: key.secret })
    assert.equal(res.code, 0, res.stderr)
    const lines = res.stdout.trimEnd().split('\n')
    return { status: Number(lines.pop()), body: JSON.parse(lines.join('\n')) as unknown }
  }
  const updated = await ncp('PUT', `/api/v1/topics/${String(created.topicId)}`, '--data', JSON.stringify({ description: 'This is a description', partitions: 3, retentionMs: 86400000 }))
  assert.equal(updated.status, 200)
  assert.equal((updated.body as { partitions: number }).partitions, 3)

  // Outside its grant, and with a wrong secret: NAVER's answers.
  const outside = await ncp('POST', '/api/produce', '--data', JSON.stringify({ topic: 'not-granted', key: 'k', value: 'v' }))
  assert.deepEqual({ status: outside.status, detail: (outside.body as { detail: string }).detail }, { status: 403, detail: 'Forbidden' })
  const forged = await runFile(SCRIPT, ['POST', `${gw.url}/api/produce`, '-w', '\n%{http_code}', '--data', '{}'], { NCP_ACCESS_KEY: key.id, NCP_SECRET_KEY: 'wrong-secret' })
  assert.match(forged.stdout, /"detail":"Unauthorized"[^]*\n401$/)

  const deleted = await ncp('DELETE', `/api/v1/topics/${String(created.topicId)}`)
  assert.deepEqual(deleted, { status: 200, body: true })
})
