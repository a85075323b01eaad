/**
 * The gateway as docs/naver.md and docs/azure.md run it: a real process
 * (src/main.ts, like `make run`) with auth required, a master key and an
 * admin token, its own state topic on the test broker, and the
 * kafka-gateway CLI to create keys and grants.
 */
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import type { TestContext } from 'node:test'
import { setTimeout as sleep } from 'node:timers/promises'
import { loadConfig } from '../../src/config/load.ts'
import { createKafka } from '../../src/kafka/index.ts'
import type { KafkaPort } from '../../src/core/ports.ts'
import { bootstrapFromEnv, randomTopic } from './gateway.ts'
import { startGatewayProcess, type GatewayProcess } from './gateway-process.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const CLI = join(ROOT, 'bin', 'kafka-gateway.ts')

export interface Run { code: number, stdout: string, stderr: string }

/** The shell block of a docs page between `<!-- name:start -->` and `<!-- name:end -->`. */
export function docsBlock (page: string, name: string, language = 'sh'): string {
  const text = readFileSync(join(ROOT, 'docs', page), 'utf8')
  const block = new RegExp(`<!-- ${name}:start -->\\n\`\`\`${language}\\n([\\s\\S]*?)\`\`\`\\n<!-- ${name}:end -->`).exec(text)
  if (!block) throw new Error(`docs/${page} has no ${language} block between the ${name} markers`)
  return block[1]!
}

export function runFile (file: string, args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<Run> {
  return new Promise(resolve => {
    execFile(file, args, { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr })
    })
  })
}

export interface SecuredGateway {
  process: GatewayProcess
  url: string
  adminToken: string
  /** A Kafka port of its own on the same broker, to check what landed and to clean up. */
  kafka: KafkaPort
  /** The kafka-gateway CLI, as the administrator. */
  admin (args: string[]): Promise<Run>
}

export async function startSecuredGateway (t: TestContext, env: Record<string, string> = {}): Promise<SecuredGateway> {
  const bootstrap = bootstrapFromEnv()
  const adminToken = env.GATEWAY_ADMIN_TOKEN ?? `admin-${randomBytes(12).toString('hex')}`
  const stateTopic = randomTopic('_gateway_state-docs')
  const kafka = createKafka(loadConfig({ KAFKA_BOOTSTRAP_SERVERS: bootstrap }))
  const gw = await startGatewayProcess({
    KAFKA_BOOTSTRAP_SERVERS: bootstrap, GATEWAY_WORKERS: '1', GATEWAY_AUTH_MODE: 'required',
    GATEWAY_ADMIN_TOKEN: adminToken, GATEWAY_MASTER_KEY: `master-${randomBytes(16).toString('hex')}`, GATEWAY_STATE_TOPIC: stateTopic,
    ...env,
  })
  t.after(async () => {
    await gw.stop()
    await kafka.admin.deleteTopic(stateTopic).catch(() => {})
    await kafka.close()
  })
  for (let i = 0; ; i++) {
    if ((await fetch(`${gw.url}/readyz`).catch(() => null))?.status === 200) break
    if (i >= 600) throw new Error(`gateway not ready: ${gw.output()}`)
    await sleep(100)
  }
  return {
    process: gw,
    url: gw.url,
    adminToken,
    kafka,
    admin: args => runFile(process.execPath, [CLI, ...args], { GATEWAY_URL: gw.url, GATEWAY_ADMIN_TOKEN: adminToken }),
  }
}
