/**
 * A gateway on the real broker for the Confluent conformance tests: its own
 * consumer state topic (so parallel test files never host each other's
 * instances) and short heartbeats (so rebalances settle quickly).
 */
import type { TestContext } from 'node:test'
import { Admin } from '@platformatic/kafka'
import { bootstrapFromEnv, randomTopic, startTestGateway, type TestGateway } from './gateway.ts'
import { injectClient, type Client } from './confluent-http.ts'

export interface ConfluentGateway extends TestGateway {
  client: Client
  clusterId: string
  stateTopic: string
}

export const FAST_CONSUMERS = {
  'confluent.consumers.heartbeatIntervalMs': 300,
  'confluent.consumers.sessionTimeoutMs': 6000,
  'confluent.consumers.hostsSessionTimeoutMs': 6000,
  'confluent.consumers.statePartitions': 2,
}

export async function startConfluentGateway (t: TestContext, overrides: Record<string, unknown> = {}, options: { listen?: boolean } = {}): Promise<ConfluentGateway> {
  const stateTopic = (overrides['confluent.consumers.stateTopic'] as string | undefined) ?? randomTopic('_confluent-state')
  const gw = await startTestGateway(t, { overrides: { ...FAST_CONSUMERS, 'confluent.consumers.stateTopic': stateTopic, ...overrides }, listen: options.listen === true })
  t.after(() => deleteTopics([stateTopic]))
  const { clusterId } = await gw.gateway.admin.cluster()
  return { ...gw, client: injectClient(gw.app), clusterId, stateTopic }
}

/** Deletes topics with a client of its own (the gateway may be closed already). */
export async function deleteTopics (topics: string[]): Promise<void> {
  const admin = new Admin({ clientId: 'confluent-test-cleanup', bootstrapBrokers: [bootstrapFromEnv()], retries: 0 })
  try {
    const existing = new Set(await admin.listTopics({ includeInternals: false }))
    const present = topics.filter(topic => existing.has(topic))
    if (present.length > 0) await admin.deleteTopics({ topics: present }).catch(() => {})
  } finally {
    await admin.close()
  }
}
