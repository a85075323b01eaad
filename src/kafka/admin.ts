/**
 * Topic, cluster, config and consumer-group administration over the admin client.
 */
import { ConfigResourceTypes, ConfigSources, FindCoordinatorKeyTypes, IncrementalAlterConfigOperationTypes, ListOffsetTimestamps, type Admin, type ClusterMetadata } from '@platformatic/kafka'
import { GatewayError } from '../core/errors.ts'
import type {
  ClusterInfo, ConfigEntry, GroupDescription, GroupPartitionLag, GroupSummary, TopicDescription, TopicSummary, TopicToCreate,
} from '../core/model.ts'
import type { AdminPort, ConfigChange } from '../core/ports.ts'
import { mapKafkaError, type KafkaErrorContext } from './errors.ts'
import type { KafkaHealth } from './health.ts'
import type { TopicMetadata } from './metadata.ts'

const SOURCE_NAMES = new Map<number, string>(Object.entries(ConfigSources).map(([name, value]) => [value, name]))
/** Longest wait for a config change or a deletion to show in describe and metadata (see #awaitConfigs, #awaitGone). */
const CONFIG_PROPAGATION_WAIT_MS = 3000
/** Tries of list-then-describe in listTopics when topics vanish in between. */
const LIST_TOPICS_ATTEMPTS = 3
const INTERNAL_TOPICS = new Set(['__consumer_offsets', '__transaction_state', '__share_group_state'])

export class KafkaAdmin implements AdminPort {
  readonly #admin: Admin
  readonly #metadata: TopicMetadata
  readonly #health: KafkaHealth

  constructor (admin: Admin, metadata: TopicMetadata, health: KafkaHealth) {
    this.#admin = admin
    this.#metadata = metadata
    this.#health = health
  }

  #call<T> (ctx: KafkaErrorContext, work: () => Promise<T>): Promise<T> {
    return this.#health.call(work, error => mapKafkaError(error, ctx))
  }

  async cluster (): Promise<ClusterInfo> {
    const metadata = await this.#metadata.cluster(true)
    return {
      clusterId: metadata.id,
      controllerId: metadata.controllerId,
      brokers: [...metadata.brokers.entries()]
        .map(([id, b]) => ({ id, host: b.host, port: b.port, rack: b.rack ?? null }))
        .sort((a, b) => a.id - b.id),
    }
  }

  async listTopics (includeInternal: boolean): Promise<TopicSummary[]> {
    // Names first, then their metadata: a topic deleted in between fails the
    // metadata request, so on failure the names are listed again (a few times).
    let names: string[] = []
    let metadata: ClusterMetadata | undefined
    for (let attempt = 1; metadata === undefined; attempt++) {
      names = await this.#call({ action: 'list topics' }, () => this.#admin.listTopics({ includeInternals: includeInternal }))
      if (names.length === 0) return []
      try {
        metadata = await this.#call({ action: 'read topic metadata' }, () => this.#admin.metadata({ topics: names, forceUpdate: true }))
      } catch (error) {
        if (attempt >= LIST_TOPICS_ATTEMPTS) throw error
      }
    }
    return names.flatMap(name => {
      const topic = metadata.topics.get(name)
      if (!topic) return []
      return [{ name, internal: INTERNAL_TOPICS.has(name), partitions: topic.partitionsCount, replicationFactor: topic.partitions[0]?.replicas.length ?? 0 }]
    }).sort((a, b) => a.name.localeCompare(b.name))
  }

  async partitionCount (topic: string): Promise<number> {
    return (await this.#metadata.topic(topic)).partitionsCount
  }

  async describeTopic (topic: string): Promise<TopicDescription> {
    const info = await this.#metadata.topic(topic, true)
    const partitions = info.partitions.map((_, i) => i)
    const [earliest, latest] = await Promise.all([ListOffsetTimestamps.EARLIEST, ListOffsetTimestamps.LATEST].map(timestamp =>
      this.#call({ action: 'look up offsets', topic }, () => this.#admin.listOffsets({
        topics: [{ name: topic, partitions: partitions.map(partitionIndex => ({ partitionIndex, timestamp })) }],
      }))))
    const offsetOf = (listed: Awaited<ReturnType<Admin['listOffsets']>> | undefined, p: number): number =>
      Number(listed?.[0]?.partitions.find(x => x.partitionIndex === p)?.offset ?? -1)
    return {
      name: topic,
      id: info.id,
      internal: INTERNAL_TOPICS.has(topic),
      partitions: info.partitions.map((p, partition) => ({
        partition,
        leader: p.leader,
        replicas: [...p.replicas],
        isr: [...p.isr],
        earliestOffset: offsetOf(earliest, partition),
        latestOffset: offsetOf(latest, partition),
      })),
    }
  }

  async createTopic (topic: TopicToCreate, validateOnly: boolean): Promise<void> {
    const ctx = { action: 'create the topic', topic: topic.name }
    if (validateOnly) {
      await this.#validateNewTopic(topic)
      return
    }
    await this.#call(ctx, () => this.#admin.createTopics({
      topics: [topic.name],
      partitions: topic.partitions,
      replicas: topic.replicationFactor,
      configs: Object.entries(topic.configs).map(([name, value]) => ({ name, value })),
    }))
  }

  /** The admin client has no validate-only create, so check what can be checked without writing. */
  async #validateNewTopic (topic: TopicToCreate): Promise<void> {
    const existing = await this.#call({ action: 'list topics' }, () => this.#admin.listTopics({ includeInternals: true }))
    if (existing.includes(topic.name)) throw mapKafkaError({ apiId: 'TOPIC_ALREADY_EXISTS' }, { action: 'create the topic', topic: topic.name })
    const brokers = (await this.cluster()).brokers.length
    if (topic.replicationFactor > brokers) {
      throw new GatewayError('invalid_replication_factor', `replication factor ${topic.replicationFactor} is larger than the ${brokers} available brokers`, { field: 'replicationFactor' })
    }
  }

  async deleteTopic (topic: string): Promise<void> {
    await this.#metadata.topic(topic, true)
    await this.#call({ action: 'delete the topic', topic }, () => this.#admin.deleteTopics({ topics: [topic] }))
    await this.#awaitGone(topic)
  }

  /**
   * Kafka answers DeleteTopics once the controller has it; brokers learn it a
   * little later (on a busy machine, hundreds of ms), and until then metadata
   * still shows the topic. Waits, bounded, so a describe right after the
   * delete answers 404 like the delete promised.
   */
  async #awaitGone (topic: string): Promise<void> {
    const deadline = Date.now() + CONFIG_PROPAGATION_WAIT_MS
    while (Date.now() < deadline) {
      try {
        await this.#metadata.topic(topic, true)
      } catch {
        return
      }
      await new Promise(resolve => setTimeout(resolve, 50))
    }
  }

  async createPartitions (topic: string, totalCount: number, validateOnly: boolean): Promise<void> {
    const current = (await this.#metadata.topic(topic, true)).partitionsCount
    if (totalCount <= current) {
      throw new GatewayError('invalid_partitions', `topic ${topic} already has ${current} partitions; the new count must be larger (Kafka cannot remove partitions)`, { field: 'partitions' })
    }
    await this.#call({ action: 'add partitions', topic }, () => this.#admin.createPartitions({ topics: [{ name: topic, count: totalCount }], validateOnly }))
  }

  async describeTopicConfigs (topic: string): Promise<ConfigEntry[]> {
    await this.#metadata.topic(topic)
    return this.#describeConfigs(ConfigResourceTypes.TOPIC, topic, { action: 'read configs', topic })
  }

  async describeBrokerConfigs (brokerId: number): Promise<ConfigEntry[]> {
    return this.#describeConfigs(ConfigResourceTypes.BROKER, String(brokerId), { action: `read configs of broker ${brokerId}` })
  }

  async #describeConfigs (resourceType: 2 | 4, resourceName: string, ctx: KafkaErrorContext): Promise<ConfigEntry[]> {
    const described = await this.#call(ctx, () => this.#admin.describeConfigs({ resources: [{ resourceType, resourceName }] }))
    return (described[0]?.configs ?? []).map(c => ({
      name: c.name,
      value: c.value ?? null,
      readOnly: c.readOnly,
      sensitive: c.isSensitive,
      isDefault: c.configSource === ConfigSources.DEFAULT_CONFIG,
      source: SOURCE_NAMES.get(c.configSource) ?? 'UNKNOWN',
    })).sort((a, b) => a.name.localeCompare(b.name))
  }

  async alterTopicConfigs (topic: string, changes: ConfigChange[], validateOnly: boolean): Promise<void> {
    await this.#metadata.topic(topic)
    await this.#call({ action: 'change configs', topic }, () => this.#admin.incrementalAlterConfigs({
      validateOnly,
      resources: [{
        resourceType: ConfigResourceTypes.TOPIC,
        resourceName: topic,
        configs: changes.map(c => c.value === null
          ? { name: c.name, configOperation: IncrementalAlterConfigOperationTypes.DELETE }
          : { name: c.name, configOperation: IncrementalAlterConfigOperationTypes.SET, value: c.value }),
      }],
    }))
    if (!validateOnly) await this.#awaitConfigs(topic, changes)
  }

  /**
   * The controller accepts a change before brokers apply it from the metadata
   * log, so a describe right after may still show the old value. Wait (a
   * bounded while) until it shows, so a client reading back sees its write.
   */
  async #awaitConfigs (topic: string, changes: ConfigChange[]): Promise<void> {
    const deadline = Date.now() + CONFIG_PROPAGATION_WAIT_MS
    for (;;) {
      const current = new Map((await this.describeTopicConfigs(topic)).map(c => [c.name, c]))
      const applied = changes.every(c => {
        const entry = current.get(c.name)
        return c.value === null ? entry === undefined || entry.isDefault : entry?.value === c.value
      })
      if (applied || Date.now() >= deadline) return
      await new Promise(resolve => setTimeout(resolve, 50))
    }
  }

  async listGroups (): Promise<GroupSummary[]> {
    const groups = await this.#call({ action: 'list consumer groups' }, () => this.#admin.listGroups())
    return [...groups.values()]
      .map(g => ({ groupId: g.id, state: String(g.state), protocolType: g.protocolType }))
      .sort((a, b) => a.groupId.localeCompare(b.groupId))
  }

  async describeGroup (groupId: string): Promise<GroupDescription> {
    const ctx = { action: 'describe the consumer group', group: groupId }
    const groups = await this.#call(ctx, () => this.#admin.describeGroups({ groups: [groupId] }))
    const group = groups.get(groupId)
    const offsets = await this.#call(ctx, () => this.#admin.listConsumerGroupOffsets({ groups: [groupId] }))
    const committed = offsets[0]?.topics ?? []
    if (!group || (String(group.state).toUpperCase() === 'DEAD' && committed.length === 0)) {
      throw new GatewayError('group_not_found', `consumer group ${groupId} does not exist (no members and no committed offsets)`)
    }
    const members = [...group.members.values()].map(m => ({
      memberId: m.id,
      instanceId: m.groupInstanceId ?? null,
      clientId: m.clientId,
      host: m.clientHost,
      assignments: [...(m.assignments?.values() ?? [])].map(a => ({ topic: a.topic, partitions: [...a.partitions] })),
    }))
    const coordinator = await this.#admin.findCoordinator({ keyType: FindCoordinatorKeyTypes.GROUP, keys: [groupId] }).then(found => found[0]?.nodeId, () => undefined)
    return {
      groupId,
      ...(coordinator !== undefined ? { coordinatorId: coordinator } : {}),
      state: String(group.state),
      protocolType: group.protocolType,
      protocol: group.protocol,
      members,
      offsets: await this.#lags(committed),
    }
  }

  async #lags (committed: { name: string, partitions: { partitionIndex: number, committedOffset: bigint }[] }[]): Promise<GroupPartitionLag[]> {
    if (committed.length === 0) return []
    const ends = await this.#call({ action: 'look up end offsets' }, () => this.#admin.listOffsets({
      topics: committed.map(t => ({ name: t.name, partitions: t.partitions.map(p => ({ partitionIndex: p.partitionIndex, timestamp: ListOffsetTimestamps.LATEST })) })),
    }))
    const end = new Map<string, number>()
    for (const t of ends) for (const p of t.partitions) end.set(`${t.name}/${p.partitionIndex}`, Number(p.offset))
    return committed.flatMap(t => t.partitions.map(p => {
      const committedOffset = p.committedOffset < 0n ? null : Number(p.committedOffset)
      const endOffset = end.get(`${t.name}/${p.partitionIndex}`) ?? -1
      return { topic: t.name, partition: p.partitionIndex, committedOffset, endOffset, lag: committedOffset === null ? null : Math.max(0, endOffset - committedOffset) }
    })).sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
  }
}
