/**
 * Pure core → Confluent v3 resource translations (contracts.md §4).
 */
import type { AclBinding, BrokerInfo, ConfigEntry, GroupDescription, GroupMemberInfo, GroupPartitionLag, PartitionInfo, TopicDescription } from '../../core/model.ts'
import { resource, type V3Links } from './resources.ts'

export function clusterData (links: V3Links, controllerId: number): object {
  return resource('KafkaCluster', links.cluster, links.crn(), {
    cluster_id: links.clusterId,
    ...(controllerId >= 0 ? { controller: links.related('brokers', controllerId) } : {}),
    acls: links.related('acls'),
    brokers: links.related('brokers'),
    broker_configs: links.related('broker-configs'),
    consumer_groups: links.related('consumer-groups'),
    topics: links.related('topics'),
    partition_reassignments: links.related('topics', '-', 'partitions', '-', 'reassignment'),
  })
}

export function brokerData (links: V3Links, broker: BrokerInfo): object {
  return resource('KafkaBroker', links.at('brokers', broker.id), links.crn('broker', broker.id), {
    cluster_id: links.clusterId,
    broker_id: broker.id,
    host: broker.host,
    port: broker.port,
    rack: broker.rack,
    configs: links.related('brokers', broker.id, 'configs'),
    partition_replicas: links.related('brokers', broker.id, 'partition-replicas'),
  })
}

function configFields (links: V3Links, c: ConfigEntry): object {
  return {
    cluster_id: links.clusterId,
    name: c.name,
    value: c.sensitive ? null : c.value,
    is_default: c.isDefault,
    is_read_only: c.readOnly,
    is_sensitive: c.sensitive,
    source: c.source,
    synonyms: [],
  }
}

export function brokerConfigData (links: V3Links, brokerId: number, c: ConfigEntry): object {
  return resource('KafkaBrokerConfig', links.at('brokers', brokerId, 'configs', c.name), links.crn('broker', brokerId, 'config', c.name), { ...configFields(links, c), broker_id: brokerId })
}

export function topicConfigData (links: V3Links, topic: string, c: ConfigEntry): object {
  return resource('KafkaTopicConfig', links.at('topics', topic, 'configs', c.name), links.crn('topic', topic, 'config', c.name), { ...configFields(links, c), topic_name: topic })
}

export interface TopicShape {
  name: string
  internal: boolean
  partitions: number
  replicationFactor: number
}

export function topicShape (topic: TopicDescription): TopicShape {
  return { name: topic.name, internal: topic.internal, partitions: topic.partitions.length, replicationFactor: topic.partitions[0]?.replicas.length ?? 0 }
}

export function topicData (links: V3Links, topic: TopicShape): object {
  return resource('KafkaTopic', links.at('topics', topic.name), links.crn('topic', topic.name), {
    cluster_id: links.clusterId,
    topic_name: topic.name,
    is_internal: topic.internal,
    replication_factor: topic.replicationFactor,
    partitions_count: topic.partitions,
    partitions: links.related('topics', topic.name, 'partitions'),
    configs: links.related('topics', topic.name, 'configs'),
    partition_reassignments: links.related('topics', topic.name, 'partitions', '-', 'reassignment'),
  })
}

export function partitionData (links: V3Links, topic: string, p: PartitionInfo): object {
  return resource('KafkaPartition', links.at('topics', topic, 'partitions', p.partition), links.crn('topic', topic, 'partition', p.partition), {
    cluster_id: links.clusterId,
    topic_name: topic,
    partition_id: p.partition,
    ...(p.leader >= 0 ? { leader: links.related('topics', topic, 'partitions', p.partition, 'replicas', p.leader) } : {}),
    replicas: links.related('topics', topic, 'partitions', p.partition, 'replicas'),
    reassignment: links.related('topics', topic, 'partitions', p.partition, 'reassignment'),
  })
}

export function replicaData (links: V3Links, topic: string, p: PartitionInfo, brokerId: number): object {
  return resource('KafkaReplica', links.at('topics', topic, 'partitions', p.partition, 'replicas', brokerId), links.crn('topic', topic, 'partition', p.partition, 'replica', brokerId), {
    cluster_id: links.clusterId,
    topic_name: topic,
    partition_id: p.partition,
    broker_id: brokerId,
    is_leader: p.leader === brokerId,
    is_in_sync: p.isr.includes(brokerId),
    broker: links.related('brokers', brokerId),
  })
}

/** Kafka's group states (Stable, PreparingRebalance…) in the reference's spelling (STABLE, PREPARING_REBALANCE…). */
export function groupState (state: string): string {
  const spelled = state.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase()
  return ['STABLE', 'PREPARING_REBALANCE', 'COMPLETING_REBALANCE', 'EMPTY', 'DEAD'].includes(spelled) ? spelled : 'UNKNOWN'
}

export function consumerGroupData (links: V3Links, group: GroupDescription): object {
  const id = group.groupId
  return resource('KafkaConsumerGroup', links.at('consumer-groups', id), links.crn('consumer-group', id), {
    cluster_id: links.clusterId,
    consumer_group_id: id,
    is_simple: group.protocolType === '',
    partition_assignor: group.protocol,
    state: groupState(group.state),
    ...(group.coordinatorId !== undefined ? { coordinator: links.related('brokers', group.coordinatorId) } : {}),
    consumers: links.related('consumer-groups', id, 'consumers'),
    lag_summary: links.related('consumer-groups', id, 'lag-summary'),
  })
}

export function consumerData (links: V3Links, groupId: string, member: GroupMemberInfo): object {
  return resource('KafkaConsumer', links.at('consumer-groups', groupId, 'consumers', member.memberId), links.crn('consumer-group', groupId, 'consumer', member.memberId), {
    cluster_id: links.clusterId,
    consumer_group_id: groupId,
    consumer_id: member.memberId,
    instance_id: member.instanceId ?? null,
    client_id: member.clientId,
    assignments: links.related('consumer-groups', groupId, 'consumers', member.memberId, 'assignments'),
  })
}

export function assignmentData (links: V3Links, groupId: string, memberId: string, topic: string, partition: number): object {
  return resource('KafkaConsumerAssignment', links.at('consumer-groups', groupId, 'consumers', memberId, 'assignments', topic, 'partitions', partition), links.crn('consumer-group', groupId, 'consumer', memberId, 'assignment', topic, 'partition', partition), {
    cluster_id: links.clusterId,
    consumer_group_id: groupId,
    consumer_id: memberId,
    topic_name: topic,
    partition_id: partition,
    partition: links.related('topics', topic, 'partitions', partition),
    lag: links.related('consumer-groups', groupId, 'lags', topic, 'partitions', partition),
  })
}

/** The member a partition is assigned to, if any. */
export function ownerOf (group: GroupDescription, topic: string, partition: number): GroupMemberInfo | undefined {
  return group.members.find(m => m.assignments.some(a => a.topic === topic && a.partitions.includes(partition)))
}

export interface Lag {
  topic: string
  partition: number
  current: number
  end: number
  lag: number
  owner: GroupMemberInfo | undefined
}

/** Partitions with a committed offset, with their lag and the member reading them. */
export function lagsOf (group: GroupDescription): Lag[] {
  return group.offsets
    .filter((o): o is GroupPartitionLag & { committedOffset: number } => o.committedOffset !== null)
    .map(o => ({ topic: o.topic, partition: o.partition, current: o.committedOffset, end: o.endOffset, lag: o.lag ?? 0, owner: ownerOf(group, o.topic, o.partition) }))
}

export function lagData (links: V3Links, groupId: string, lag: Lag): object {
  return resource('KafkaConsumerLag', links.at('consumer-groups', groupId, 'lags', lag.topic, 'partitions', lag.partition), links.crn('consumer-group', groupId, 'lag', lag.topic, 'partition', lag.partition), {
    cluster_id: links.clusterId,
    consumer_group_id: groupId,
    topic_name: lag.topic,
    partition_id: lag.partition,
    current_offset: lag.current,
    log_end_offset: lag.end,
    lag: lag.lag,
    consumer_id: lag.owner?.memberId ?? '',
    instance_id: lag.owner?.instanceId ?? null,
    client_id: lag.owner?.clientId ?? '',
  })
}

export function lagSummaryData (links: V3Links, groupId: string, lags: Lag[]): object {
  const max = lags.reduce<Lag | undefined>((best, l) => (!best || l.lag > best.lag ? l : best), undefined)
  return resource('KafkaConsumerGroupLagSummary', links.at('consumer-groups', groupId, 'lag-summary'), `${links.crn('consumer-group', groupId)}/lag-summary`, {
    cluster_id: links.clusterId,
    consumer_group_id: groupId,
    max_lag_consumer_id: max?.owner?.memberId ?? '',
    max_lag_instance_id: max?.owner?.instanceId ?? null,
    max_lag_client_id: max?.owner?.clientId ?? '',
    max_lag_topic_name: max?.topic ?? '',
    max_lag_partition_id: max?.partition ?? 0,
    max_lag: max?.lag ?? 0,
    total_lag: lags.reduce((sum, l) => sum + l.lag, 0),
    ...(max?.owner ? { max_lag_consumer: links.related('consumer-groups', groupId, 'consumers', max.owner.memberId) } : {}),
    ...(max ? { max_lag_partition: links.related('topics', max.topic, 'partitions', max.partition) } : {}),
  })
}

export function aclData (links: V3Links, acl: AclBinding): object {
  const query = new URLSearchParams({
    resource_type: acl.resourceType, resource_name: acl.resourceName, pattern_type: acl.patternType,
    principal: acl.principal, host: acl.host, operation: acl.operation, permission: acl.permission,
  })
  return {
    kind: 'KafkaAcl',
    metadata: { self: `${links.at('acls')}?${query}` },
    cluster_id: links.clusterId,
    resource_type: acl.resourceType,
    resource_name: acl.resourceName,
    pattern_type: acl.patternType,
    principal: acl.principal,
    host: acl.host,
    operation: acl.operation,
    permission: acl.permission,
  }
}
