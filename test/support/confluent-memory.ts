/**
 * In-memory consumer-instance and ACL ports for HTTP tests of the Confluent
 * dialects (wire shapes, content types, error codes). The "group" here has
 * one member per instance that gets every partition of its topics at once;
 * real group membership and rebalancing are tested against Kafka in
 * test/e2e/confluent-*.
 */
import type { TestContext } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.ts'
import { loadConfig } from '../../src/config/load.ts'
import { subscribedTopics } from '../../src/core/consumers/hosting-rules.ts'
import type { InstanceRecord, InstanceRef, InstanceState, MemberIdentity, PartitionOffset, PositionsRecord, TopicPartition } from '../../src/core/consumers/model.ts'
import type { ConsumerInstancePorts, ConsumerStatePort, GroupOffsetsPort, StateWait } from '../../src/core/consumers/ports.ts'
import { createGateway } from '../../src/core/gateway.ts'
import type { AclBinding, AclFilter } from '../../src/core/model.ts'
import type { AclPort, KafkaPort } from '../../src/core/ports.ts'
import { GatewayMetrics } from '../../src/ops/metrics.ts'
import { injectClient, type Client } from './confluent-http.ts'
import { MemoryKafka } from './memory-kafka.ts'

const key = (ref: InstanceRef): string => JSON.stringify([ref.group, ref.name])

export class MemoryConsumerState implements ConsumerStatePort {
  readonly states = new Map<string, InstanceState>()
  readonly #kafka: MemoryKafka

  constructor (kafka: MemoryKafka) {
    this.#kafka = kafka
  }

  #state (ref: InstanceRef): InstanceState {
    return this.states.get(key(ref)) ?? { instance: null, positions: null, membership: null }
  }

  async read (ref: InstanceRef, wait?: StateWait): Promise<InstanceState> {
    const deadline = Date.now() + (wait?.maxWaitMs ?? 0)
    while (wait && !wait.until(this.#state(ref)) && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 10))
    return structuredClone(this.#state(ref))
  }

  async writeInstance (ref: InstanceRef, record: InstanceRecord | null): Promise<void> {
    const state = { ...this.#state(ref), instance: record }
    // The one-member group: every partition of the subscribed topics, at once.
    if (record?.subscription) {
      const existing = [...this.#kafka.topics].map(([name]) => ({ name, internal: false }))
      const topics = subscribedTopics(record.subscription, existing)
      const assignment: TopicPartition[] = topics.flatMap(topic => this.#kafka.topics.get(topic)!.map((_, partition) => ({ topic, partition })))
      state.membership = { incarnation: record.incarnation, epoch: record.epoch, memberId: `member-${ref.name}`, generation: record.epoch, assignment, topics, host: 'memory', updatedAt: Date.now(), error: null }
    }
    if (!record) state.membership = null
    this.states.set(key(ref), state)
  }

  async writePositions (ref: InstanceRef, record: PositionsRecord | null): Promise<void> {
    this.states.set(key(ref), { ...this.#state(ref), positions: record })
  }

  startHosting (): void {}
}

export class MemoryGroupOffsets implements GroupOffsetsPort {
  readonly committedOffsets = new Map<string, number>()
  readonly commits: { group: string, member: MemberIdentity | null, offsets: PartitionOffset[] }[] = []

  async commit (group: string, member: MemberIdentity | null, offsets: PartitionOffset[]): Promise<void> {
    this.commits.push({ group, member, offsets })
    for (const o of offsets) this.committedOffsets.set(`${group}/${o.topic}/${o.partition}`, o.offset)
  }

  async committed (group: string, partitions: TopicPartition[]): Promise<(number | null)[]> {
    return partitions.map(tp => this.committedOffsets.get(`${group}/${tp.topic}/${tp.partition}`) ?? null)
  }
}

function matches (filter: AclFilter, acl: AclBinding): boolean {
  return (filter.resourceType === 'ANY' || filter.resourceType === acl.resourceType) &&
    (filter.resourceName === null || filter.resourceName === acl.resourceName) &&
    (filter.patternType === 'ANY' || filter.patternType === 'MATCH' || filter.patternType === acl.patternType) &&
    (filter.principal === null || filter.principal === acl.principal) &&
    (filter.host === null || filter.host === acl.host) &&
    (filter.operation === 'ANY' || filter.operation === acl.operation) &&
    (filter.permission === 'ANY' || filter.permission === acl.permission)
}

export class MemoryAcls implements AclPort {
  acls: AclBinding[] = []
  async describe (filter: AclFilter): Promise<AclBinding[]> { return this.acls.filter(a => matches(filter, a)) }
  async create (bindings: AclBinding[]): Promise<void> { this.acls.push(...bindings) }
  async delete (filter: AclFilter): Promise<AclBinding[]> {
    const gone = this.acls.filter(a => matches(filter, a))
    this.acls = this.acls.filter(a => !matches(filter, a))
    return gone
  }
}

export interface ConfluentMemoryApp {
  app: FastifyInstance
  client: Client
  kafka: MemoryKafka
  state: MemoryConsumerState
  offsets: MemoryGroupOffsets
  acls: MemoryAcls
}

export async function confluentMemoryApp (t: TestContext, topics: Record<string, number> = { orders: 3 }, overrides: Record<string, unknown> = {}): Promise<ConfluentMemoryApp> {
  const config = loadConfig({}, { 'kafka.bootstrapServers': ['memory:9092'], ...overrides })
  const kafka = new MemoryKafka(topics)
  const state = new MemoryConsumerState(kafka)
  const offsets = new MemoryGroupOffsets()
  const acls = new MemoryAcls()
  const consumerInstances: ConsumerInstancePorts = { state, offsets }
  const port: KafkaPort = Object.assign(kafka, { consumerInstances, acls })
  const app = await buildApp(config, { gateway: createGateway(config, port), metrics: new GatewayMetrics(false), logger: false })
  t.after(() => app.close())
  return { app, client: injectClient(app), kafka, state, offsets, acls }
}
