/**
 * Helpers for tests of identity, permissions, limits and access points:
 * the real app over the in-memory Kafka port and an in-memory state log
 * (shareable between several "instances"), with a master key and an admin
 * token, plus request helpers.
 */
import type { TestContext } from 'node:test'
import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import { buildApp } from '../../src/app.ts'
import { createCredentialKeys } from '../../src/auth/credential-keys.ts'
import { loadConfig } from '../../src/config/load.ts'
import { createGateway, type Gateway } from '../../src/core/gateway.ts'
import { MemoryStateLog, MemoryStateStore } from '../../src/core/identity/memory-state-store.ts'
import type { DeclaredState } from '../../src/core/identity/shared-state.ts'
import { GatewayMetrics } from '../../src/ops/metrics.ts'
import { MemoryKafka } from './memory-kafka.ts'

export const MASTER_KEY = 'test-master-key-0123456789'
export const ADMIN_TOKEN = 'test-admin-token-0123456789'

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` })
export const basic = (id: string, secret: string): Record<string, string> => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` })
export const ADMIN = bearer(ADMIN_TOKEN)

export interface IdentityAppOptions {
  topics?: Record<string, number>
  /** Config overrides by dotted path; auth mode `required` and the admin token are set unless overridden. */
  overrides?: Record<string, unknown>
  /** Share one log between apps to play several gateway instances. */
  log?: MemoryStateLog
  declared?: DeclaredState
  masterKey?: string | null
  logger?: Logger
  kafka?: MemoryKafka
  /** Clock of the rate limiter, so limit tests do not depend on how fast the machine is. */
  now?: () => number
}

export interface IdentityApp {
  app: FastifyInstance
  kafka: MemoryKafka
  gateway: Gateway
  log: MemoryStateLog
}

export async function identityApp (t: TestContext, options: IdentityAppOptions = {}): Promise<IdentityApp> {
  const config = loadConfig({}, {
    'kafka.bootstrapServers': ['memory:9092'],
    'security.auth.mode': 'required',
    'security.auth.adminToken': ADMIN_TOKEN,
    ...options.overrides,
  })
  const kafka = options.kafka ?? new MemoryKafka(options.topics ?? { orders: 3, payments: 1, 'logs.app': 1, '_gateway_state': 1 })
  const log = options.log ?? new MemoryStateLog()
  const gateway = createGateway(config, kafka, {
    stateStore: new MemoryStateStore(log),
    credentialKeys: createCredentialKeys(options.masterKey === null ? undefined : options.masterKey ?? MASTER_KEY),
    ...(options.declared ? { declared: options.declared } : {}),
    ...(options.now ? { now: options.now } : {}),
  })
  await gateway.identity.state.start()
  const app = await buildApp(config, { gateway, metrics: new GatewayMetrics(false), logger: options.logger ?? false })
  t.after(() => app.close())
  return { app, kafka, gateway, log }
}

export interface CreatedKey { id: string, secret: string, token: string }

/** Creates an API key for `principal` through the admin API. */
export async function createKey (app: FastifyInstance, principal: string): Promise<CreatedKey> {
  const res = await app.inject({ method: 'POST', url: '/gateway/v1/credentials', headers: ADMIN, payload: { principal } })
  if (res.statusCode !== 201) throw new Error(`creating a key failed: ${res.statusCode} ${res.body}`)
  return res.json()
}

/** Grants through the admin API; returns the permission id. */
export async function grant (app: FastifyInstance, body: Record<string, unknown>): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/gateway/v1/permissions', headers: ADMIN, payload: body })
  if (res.statusCode !== 201) throw new Error(`granting failed: ${res.statusCode} ${res.body}`)
  return res.json().id
}
