// The kafka-gateway CLI end to end (issue 4 "Admin surface"): an operator
// bootstraps keys, grants and access points from a terminal against a
// running gateway, and seals a key for the declarative state file, which a
// gateway then accepts (read-only through the API).
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { loadConfig } from '../../src/config/load.ts'
import { createKafka } from '../../src/kafka/index.ts'
import { bootstrapFromEnv, randomTopic } from '../support/gateway.ts'
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.ts'

const CLI = join(import.meta.dirname, '..', '..', 'bin', 'kafka-gateway.ts')
const ADMIN_TOKEN = `admin-${randomBytes(12).toString('hex')}`
const MASTER_KEY = `master-${randomBytes(16).toString('hex')}`

interface Run { code: number, stdout: string, stderr: string }

function cli (args: string[], env: Record<string, string> = {}): Promise<Run> {
  return new Promise(resolve => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
    })
  })
}

async function ready (gw: GatewayProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`${gw.url}/readyz`)).status === 200) return
    await sleep(100)
  }
  throw new Error(`gateway not ready: ${gw.output()}`)
}

test('operate a gateway from the terminal', { timeout: 180_000 }, async t => {
  const bootstrap = bootstrapFromEnv()
  const stateTopic = randomTopic('_gateway_state-cli')
  const topic = randomTopic('cli')
  const kafka = createKafka(loadConfig({ KAFKA_BOOTSTRAP_SERVERS: bootstrap }))
  await kafka.admin.createTopic({ name: topic, partitions: 1, replicationFactor: -1, configs: {} }, false)
  const dir = mkdtempSync(join(tmpdir(), 'gw-cli-'))
  t.after(async () => {
    rmSync(dir, { recursive: true, force: true })
    await kafka.admin.deleteTopic(topic).catch(() => {})
    await kafka.admin.deleteTopic(stateTopic).catch(() => {})
    await kafka.close()
  })

  // A key sealed offline for the state file, before any gateway runs.
  const sealed = await cli(['credentials', 'seal', '--principal', 'gitops-bot', '--json'], { GATEWAY_MASTER_KEY: MASTER_KEY })
  assert.equal(sealed.code, 0, sealed.stderr)
  const seal = JSON.parse(sealed.stdout) as { entry: { id: string }, secret: string, token: string }
  assert.ok(!JSON.stringify(seal.entry).includes(seal.secret), 'the file entry carries the secret sealed only')
  const stateFile = join(dir, 'state.json')
  writeFileSync(stateFile, JSON.stringify({
    credentials: [seal.entry],
    permissions: [{ id: 'perm-gitops', principal: 'gitops-bot', operations: ['describe'], resource: { type: 'cluster' } }],
  }))

  const gw = await startGatewayProcess({
    KAFKA_BOOTSTRAP_SERVERS: bootstrap, GATEWAY_WORKERS: '1', GATEWAY_AUTH_MODE: 'required',
    GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN, GATEWAY_MASTER_KEY: MASTER_KEY, GATEWAY_STATE_TOPIC: stateTopic, GATEWAY_STATE_FILE: stateFile,
  })
  t.after(() => gw.stop())
  await ready(gw)
  const asAdmin = { GATEWAY_URL: gw.url, GATEWAY_ADMIN_TOKEN: ADMIN_TOKEN }

  // The file's key works; its grant is read-only through the API.
  const bot = await cli(['whoami', '--json', '--url', gw.url, '--token', seal.token])
  assert.equal(bot.code, 0, bot.stderr)
  assert.equal(JSON.parse(bot.stdout).principal, 'gitops-bot')
  const readOnly = await cli(['permissions', 'revoke', 'perm-gitops'], asAdmin)
  assert.equal(readOnly.code, 1)
  assert.match(readOnly.stderr, /read_only_entry/)

  // Bootstrap a key with the admin token, grant it, and use it.
  const created = await cli(['credentials', 'create', '--principal', 'ingest-svc', '--description', 'from the CLI', '--json'], asAdmin)
  assert.equal(created.code, 0, created.stderr)
  const key = JSON.parse(created.stdout) as { id: string, token: string, secret: string }
  const granted = await cli(['permissions', 'grant', '--principal', 'ingest-svc', '--operations', 'produce,consume', '--resource', `topic:${topic}`], asAdmin)
  assert.equal(granted.code, 0, granted.stderr)
  assert.match(granted.stdout, new RegExp(`principal:ingest-svc may produce, consume on topic:${topic}`))
  const produced = await fetch(`${gw.url}/gateway/v1/topics/${topic}/records`, { method: 'POST', headers: { 'authorization': `Bearer ${key.token}`, 'content-type': 'application/json' }, body: '{"value":1}' })
  assert.equal(produced.status, 200)

  const listed = await cli(['credentials', 'list'], asAdmin)
  assert.match(listed.stdout, /ID\s+PRINCIPAL\s+REVOKED/)
  assert.match(listed.stdout, new RegExp(`${key.id}\\s+ingest-svc\\s+no`))
  assert.ok(!listed.stdout.includes(key.secret))

  // Access points: create, pause (then refused), resume, list, delete.
  const apRun = await cli(['access-points', 'create', '--name', 'partner', '--topic', topic, '--records-per-second', '100', '--allow', 'ingest-svc', '--json'], asAdmin)
  assert.equal(apRun.code, 0, apRun.stderr)
  const ap = JSON.parse(apRun.stdout) as { id: string, ingestPath: string, limits: object }
  assert.deepEqual(ap.limits, { recordsPerSecond: 100 })
  const send = () => fetch(`${gw.url}${ap.ingestPath}`, { method: 'POST', headers: { 'authorization': `Bearer ${key.token}`, 'content-type': 'application/json' }, body: '{"value":2}' })
  assert.equal((await send()).status, 200)
  assert.match((await cli(['access-points', 'pause', ap.id], asAdmin)).stdout, /is paused/)
  assert.equal((await send()).status, 409)
  assert.match((await cli(['access-points', 'resume', ap.id], asAdmin)).stdout, /is running/)
  assert.equal((await send()).status, 200)
  assert.match((await cli(['access-points', 'list'], asAdmin)).stdout, new RegExp(`${ap.id}\\s+partner\\s+${topic}\\s+running`))
  assert.equal((await cli(['access-points', 'delete', ap.id], asAdmin)).code, 0)
  const missing = await cli(['access-points', 'get', ap.id], asAdmin)
  assert.equal(missing.code, 1)
  assert.match(missing.stderr, /access_point_not_found/)

  // Revoke: the key stops working.
  assert.equal((await cli(['credentials', 'revoke', key.id], asAdmin)).code, 0)
  assert.equal((await cli(['whoami', '--url', gw.url, '--token', key.token])).code, 1)

  // Usage errors exit 2 and say what is missing; a bad token exits 1.
  const usage = await cli(['permissions', 'grant', '--principal', 'x'], asAdmin)
  assert.equal(usage.code, 2)
  assert.match(usage.stderr, /--operations is required|--resource is required/)
  assert.equal((await cli(['credentials', 'list', '--url', gw.url, '--token', 'wrong-token'])).code, 1)
  assert.equal((await cli(['no-such-command'])).code, 2)
})
