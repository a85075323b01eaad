// Two gateway processes sharing identity state through the Kafka topic
// (issue 4 "Tests"): a key created on one is accepted by the other, a pause
// on one is in force on the other, a revocation too, and a restart keeps
// everything. Each process is a real `src/main.ts` on its own port.
import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { test } from 'node:test'
import { loadConfig } from '../../src/config/load.ts'
import { createKafka } from '../../src/kafka/index.ts'
import { bootstrapFromEnv, randomTopic } from '../support/gateway.ts'
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.ts'
import { eventually } from '../support/eventually.ts'

const ADMIN_TOKEN = `admin-${randomBytes(12).toString('hex')}`

interface Answer { status: number, body: Record<string, unknown> }

async function call (gw: GatewayProcess, method: string, path: string, token: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${gw.url}/gateway/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  })
  const text = await res.text()
  return { status: res.status, body: text ? JSON.parse(text) as Record<string, unknown> : {} }
}


async function ready (gw: GatewayProcess): Promise<void> {
  await eventually(async () => assert.equal((await fetch(`${gw.url}/readyz`)).status, 200), 60_000)
}

test('two gateway processes share keys, permissions and access points through the state topic', { timeout: 180_000 }, async t => {
  const bootstrap = bootstrapFromEnv()
  const stateTopic = randomTopic('_gateway_state-test')
  const dataTopic = randomTopic('ingest')
  const kafka = createKafka(loadConfig({ KAFKA_BOOTSTRAP_SERVERS: bootstrap }))
  await kafka.admin.createTopic({ name: dataTopic, partitions: 1, replicationFactor: -1, configs: {} }, false)
  t.after(async () => {
    await kafka.admin.deleteTopic(dataTopic).catch(() => {})
    await kafka.admin.deleteTopic(stateTopic).catch(() => {})
    await kafka.close()
  })
  const env = {
    KAFKA_BOOTSTRAP_SERVERS: bootstrap,
    GATEWAY_WORKERS: '1',
    GATEWAY_AUTH_MODE: 'required',
    GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN,
    GATEWAY_MASTER_KEY: `master-${randomBytes(16).toString('hex')}`,
    GATEWAY_STATE_TOPIC: stateTopic,
  }
  const start = async (): Promise<GatewayProcess> => {
    const gw = await startGatewayProcess(env)
    t.after(() => gw.stop())
    await ready(gw)
    return gw
  }
  const [a, b] = await Promise.all([start(), start()])

  // A key created on A works on B.
  const key = await call(a, 'POST', '/credentials', ADMIN_TOKEN, { principal: 'partner' })
  assert.equal(key.status, 201, JSON.stringify(key.body))
  const token = key.body.token as string
  await eventually(async () => assert.equal((await call(b, 'GET', '/whoami', token)).body.principal, 'partner'))

  // An access point created on A takes messages on B; they land in Kafka.
  const ap = await call(a, 'POST', '/access-points', ADMIN_TOKEN, { name: 'partner feed', topic: dataTopic, allowedPrincipals: ['partner'] })
  assert.equal(ap.status, 201, JSON.stringify(ap.body))
  const ingest = (gw: GatewayProcess) => call(gw, 'POST', `/access-points/${String(ap.body.id)}/messages`, token, { records: [{ key: 'k', value: { n: 1 } }] })
  await eventually(async () => assert.equal((await ingest(b)).status, 200))
  const fetched = await call(a, 'GET', `/topics/${dataTopic}/partitions/0/records`, ADMIN_TOKEN)
  assert.deepEqual((fetched.body.records as Array<{ value: unknown }>).map(r => r.value), [{ n: 1 }])

  // Paused on A: refused on B, with the seed's message.
  assert.equal((await call(a, 'POST', `/access-points/${String(ap.body.id)}/pause`, ADMIN_TOKEN)).body.status, 'paused')
  await eventually(async () => {
    const refused = await ingest(b)
    assert.equal(refused.status, 409)
    assert.equal(refused.body.message, `task status suspended [${String(ap.body.id)}]`)
  })

  // A grant made on B is in force on A.
  const other = await call(b, 'POST', '/credentials', ADMIN_TOKEN, { principal: 'reader' })
  await call(b, 'POST', '/permissions', ADMIN_TOKEN, { principal: 'reader', operations: ['consume'], resource: { type: 'topic', name: dataTopic } })
  await eventually(async () => assert.equal((await call(a, 'GET', `/topics/${dataTopic}/partitions/0/records`, other.body.token as string)).status, 200))

  // B restarts: everything is still there.
  await b.stop()
  const b2 = await start()
  assert.equal((await call(b2, 'GET', '/whoami', token)).body.principal, 'partner')
  assert.equal((await ingest(b2)).status, 409)
  assert.equal((await call(b2, 'GET', `/topics/${dataTopic}/partitions/0/records`, other.body.token as string)).status, 200)

  // Revoked on the restarted B: refused on A.
  assert.equal((await call(b2, 'DELETE', `/credentials/${String(key.body.id)}`, ADMIN_TOKEN)).status, 204)
  await eventually(async () => assert.equal((await call(a, 'GET', '/whoami', token)).status, 401))
})
