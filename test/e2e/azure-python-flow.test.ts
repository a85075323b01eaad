// docs/azure.md end to end (seed 004): its shell blocks run as the page shows
// them (only the gateway and issuer URLs swapped for this run's): a grant to
// the security group with the CLI, then Microsoft's Python client sample
// (scripts/azure/kafka_rest_proxy_sample.py, `requests` from PyPI in a
// virtualenv) getting a token from an OIDC issuer with the client-credentials
// grant, listing topics, creating one, producing the sample payload and
// consuming it page by page with NextOffset, against a gateway process on
// the real broker. Applications outside the group, or with a wrong secret,
// are refused.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import { startMockIssuer } from '../../scripts/azure/mock-issuer.ts'
import { ensurePythonEnv } from '../../scripts/azure/python-env.ts'
import { HDINSIGHT_RESOURCE, OUTSIDER } from '../support/azure-tokens.ts'
import { randomTopic } from '../support/gateway.ts'
import { docsBlock, runFile, startSecuredGateway } from '../support/naver-azure-process.ts'

const SAMPLE = join(import.meta.dirname, '..', '..', 'scripts', 'azure', 'kafka_rest_proxy_sample.py')
/** The application of the docs' walkthrough (scripts/azure/mock-issuer.ts defaults). */
const DEMO_APP = { clientId: 'demo-app', clientSecret: 'demo-secret', groups: ['kafka-rest-users'] }

test('Microsoft\'s Kafka REST proxy sample, as docs/azure.md runs it', { timeout: 600_000 }, async t => {
  // Fails (does not skip) without python3: the flow is part of what this gateway promises.
  const python = await ensurePythonEnv()
  const issuer = await startMockIssuer({ clients: [DEMO_APP, OUTSIDER] })
  t.after(() => issuer.stop())
  const gw = await startSecuredGateway(t, {
    GATEWAY_ADMIN_TOKEN: 'local-admin-token-0123456789',
    GATEWAY_OIDC_ISSUER: issuer.issuer,
    GATEWAY_OIDC_AUDIENCE: HDINSIGHT_RESOURCE,
    GATEWAY_AZURE_REQUIRED_GROUP: 'kafka-rest-users',
  })
  const bash = (name: string) => runFile('bash', ['-euo', 'pipefail', '-c', docsBlock('azure.md', name)
    .replaceAll('http://127.0.0.1:8080', gw.url).replaceAll('http://localhost:9400', issuer.issuer)], {}, 300_000)

  const setup = await bash('azure-setup')
  assert.equal(setup.code, 0, `${setup.stdout}\n${setup.stderr}`)

  const run = await bash('azure-example')
  const topic = /Topic (hello_topic_[A-Za-z]{7}) is going to be used for demo\./.exec(run.stdout)?.[1]
  if (topic) t.after(async () => { await gw.kafka.admin.deleteTopic(topic).catch(() => {}) })
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`)
  assert.ok(topic, run.stdout)
  assert.match(run.stdout, /Consumer caught up with producer\. Exit for now\.\.\./)
  assert.match(run.stdout, new RegExp(`Consumed 6 records from ${topic}`))
  assert.match(run.stdout, /"partition_id": 0/)

  // What the sample produced is in Kafka: strings as text, everything else as JSON.
  const fetched = await gw.kafka.fetcher.fetch([{ topic, partition: 0, offset: 0, limit: 100, maxBytes: 1 << 20, maxWaitMs: 0 }])
  const records = fetched[0]!.records
  assert.equal(records.length, 6)
  assert.deepEqual(records.map(r => r.value!.toString()).slice(0, 4), ['**********', '5', '3.14', '{"id":1,"name":"HDInsight Kafka REST proxy"}'])
  assert.equal(records[0]!.key!.toString(), 'key1')
  assert.equal(JSON.parse(records[5]!.value!.toString())['HDI Kafka REST server info'].servers.length, 3)
  assert.equal((await gw.kafka.admin.describeTopic(topic)).partitions.length, 1)
  const retention = (await gw.kafka.admin.describeTopicConfigs(topic)).find(c => c.name === 'retention.ms')
  assert.equal(retention?.value, '604800000')

  const sample = (clientId: string, clientSecret: string, env: Record<string, string> = {}) => runFile(python, [SAMPLE, '--topic', randomTopic('hello_topic')], {
    AZURE_TOKEN_ENDPOINT: issuer.tokenUrl, AZURE_CLIENT_ID: clientId, AZURE_CLIENT_SECRET: clientSecret, KAFKAREST_ENDPOINT: gw.url, ...env,
  }, 120_000)
  // An application outside the security group gets its token (here the Entra v1 way, by resource) but not the proxy.
  const refused = await sample(OUTSIDER.clientId, OUTSIDER.clientSecret, { AZURE_RESOURCE: HDINSIGHT_RESOURCE })
  assert.equal(refused.code, 1, refused.stdout)
  assert.match(refused.stdout, /HTTP 403 .*not a member of the security group kafka-rest-users/)
  // A wrong client secret gets no token at all.
  const wrong = await sample(DEMO_APP.clientId, 'wrong')
  assert.equal(wrong.code, 1)
  assert.match(wrong.stdout, /Getting a token failed: HTTP 401/)
})
