// docs/azure.md end to end (seed 004): Microsoft's Python client sample
// (scripts/azure/kafka_rest_proxy_sample.py, with `requests` from PyPI in a
// virtualenv) gets a token from an OIDC issuer with the client-credentials
// grant, lists topics, creates one, produces the sample payload and consumes
// it page by page with NextOffset, against a gateway process on the real
// broker. An application outside the security group is refused.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { test } from 'node:test'
import { ensurePythonEnv } from '../../scripts/azure/python-env.ts'
import { startMockIssuer } from '../../scripts/azure/mock-issuer.ts'
import { HDINSIGHT_RESOURCE, MEMBER, OUTSIDER, REST_GROUP } from '../support/azure-tokens.ts'
import { randomTopic } from '../support/gateway.ts'
import { runFile, startSecuredGateway } from '../support/naver-azure-process.ts'

const SAMPLE = join(import.meta.dirname, '..', '..', 'scripts', 'azure', 'kafka_rest_proxy_sample.py')

test('Microsoft\'s Kafka REST proxy sample flow, pointed at the gateway', { timeout: 600_000 }, async t => {
  // Fails (does not skip) without python3: the flow is part of what this gateway promises.
  const python = await ensurePythonEnv()
  const issuer = await startMockIssuer({ clients: [MEMBER, OUTSIDER] })
  t.after(() => issuer.stop())
  const gw = await startSecuredGateway(t, {
    GATEWAY_OIDC_ISSUER: issuer.issuer,
    GATEWAY_OIDC_AUDIENCE: HDINSIGHT_RESOURCE,
    GATEWAY_AZURE_REQUIRED_GROUP: REST_GROUP,
  })
  // The seed's model: members of the security group may use the proxy.
  const granted = await gw.admin(['permissions', 'grant', '--group', REST_GROUP, '--operations', 'admin', '--resource', 'cluster'])
  assert.equal(granted.code, 0, granted.stderr)

  const topic = randomTopic('hello_topic')
  t.after(async () => { await gw.kafka.admin.deleteTopic(topic).catch(() => {}) })
  const sample = (client: typeof MEMBER, topicName: string) => runFile(python, [SAMPLE, '--topic', topicName], {
    AZURE_TOKEN_ENDPOINT: issuer.tokenUrl, AZURE_CLIENT_ID: client.clientId, AZURE_CLIENT_SECRET: client.clientSecret,
    AZURE_SCOPE: `${HDINSIGHT_RESOURCE}/.default`, KAFKAREST_ENDPOINT: gw.url,
  }, 120_000)

  const run = await sample(MEMBER, topic)
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`)
  assert.match(run.stdout, new RegExp(`Topic ${topic} is going to be used for demo.`))
  assert.match(run.stdout, /Consumer caught up with producer\. Exit for now\.\.\./)
  assert.match(run.stdout, new RegExp(`Consumed 6 records from ${topic}`))
  assert.match(run.stdout, /"partition_id": 0/)

  // What the sample produced is in Kafka: strings as text, everything else as JSON.
  const fetched = await gw.kafka.fetcher.fetch([{ topic, partition: 0, offset: 0, limit: 100, maxBytes: 1 << 20, maxWaitMs: 0 }])
  const records = fetched[0]!.records
  assert.deepEqual(records.map(r => r.value!.toString()).slice(0, 4), ['**********', '5', '3.14', '{"id":1,"name":"HDInsight Kafka REST proxy"}'])
  assert.equal(records[0]!.key!.toString(), 'key1')
  assert.equal(JSON.parse(records[5]!.value!.toString())['HDI Kafka REST server info'].servers.length, 3)
  const created = await gw.kafka.admin.describeTopic(topic)
  assert.equal(created.partitions.length, 1)
  const retention = (await gw.kafka.admin.describeTopicConfigs(topic)).find(c => c.name === 'retention.ms')
  assert.equal(retention?.value, '604800000')

  // An application outside the security group gets its token but not the proxy.
  const refused = await sample(OUTSIDER, randomTopic('hello_topic'))
  assert.equal(refused.code, 1, refused.stdout)
  assert.match(refused.stdout, /HTTP 403 .*not a member of the security group kafka-rest-users/)
  // A wrong client secret gets no token at all.
  const wrong = await runFile(python, [SAMPLE], { AZURE_TOKEN_ENDPOINT: issuer.tokenUrl, AZURE_CLIENT_ID: MEMBER.clientId, AZURE_CLIENT_SECRET: 'wrong', KAFKAREST_ENDPOINT: gw.url })
  assert.equal(wrong.code, 1)
  assert.match(wrong.stdout, /Getting a token failed: HTTP 401/)
})
