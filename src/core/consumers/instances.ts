/**
 * Consumer instances of the Confluent v2 API (contracts.md §4): create,
 * subscribe or assign, seek, read records, commit, delete. Every fact lives
 * in the state port (Kafka); this service keeps nothing between requests, so
 * consecutive requests of one instance may land on different gateway
 * processes. Group membership is run by whichever process hosts the
 * instance; requests only read what it wrote (see docs/confluent.md).
 */
import { randomBytes } from 'node:crypto'
import { GatewayError } from '../errors.ts'
import type { ConsumedRecord } from '../model.ts'
import type { AdminPort, FetcherPort } from '../ports.ts'
import { currentAssignment, membershipIsCurrent, type CurrentAssignment } from './assignment.ts'
import {
  partitionKey, type ConsumerFormat, type InstanceRecord, type InstanceRef, type InstanceSettings, type InstanceState,
  type PartitionOffset, type PositionsRecord, type Subscription, type TopicPartition,
} from './model.ts'
import { poll } from './poll.ts'
import type { ConsumerInstancePorts } from './ports.ts'
import { mergePositions, resetOffset, resolvePositions, validPositions } from './positions.ts'

export interface ConsumerLimits {
  instanceTimeoutMs: number
  requestMaxBytes: number
  /** Longest long-poll a records request may ask for. */
  maxWaitMs: number
  recordsPerPartition: number
}

export interface RecordsQuery {
  timeoutMs?: number
  maxBytes?: number
  /** Format the client asks for (from its Accept header); undefined accepts the instance's own. */
  format?: ConsumerFormat
}

export interface TimestampSeek extends TopicPartition {
  timestamp: number
}

type LiveState = InstanceState & { instance: InstanceRecord }

const NAME = /^[A-Za-z0-9._-]{1,200}$/

export class ConsumerInstances {
  readonly #ports: ConsumerInstancePorts
  readonly #fetcher: FetcherPort
  readonly #admin: AdminPort
  readonly #limits: ConsumerLimits

  constructor (ports: ConsumerInstancePorts, fetcher: FetcherPort, admin: AdminPort, limits: ConsumerLimits) {
    this.#ports = ports
    this.#fetcher = fetcher
    this.#admin = admin
    this.#limits = limits
  }

  get limits (): ConsumerLimits { return this.#limits }

  async create (group: string, name: string | undefined, settings: InstanceSettings): Promise<InstanceRef> {
    this.#ports.state.startHosting()
    const ref = { group, name: name ?? `rest-consumer-${randomBytes(8).toString('hex')}` }
    if (!NAME.test(ref.name)) {
      throw new GatewayError('invalid_consumer_config', `name ${JSON.stringify(ref.name)} may only use letters, digits, '.', '_' and '-' (1 to 200 characters)`, { field: 'name' })
    }
    const state = await this.#ports.state.read(ref)
    if (state.instance) throw new GatewayError('consumer_exists', `consumer instance ${ref.name} already exists in group ${group}; pick another name or delete it first`, { field: 'name' })
    const now = Date.now()
    const incarnation = randomBytes(8).toString('hex')
    await this.#ports.state.writeInstance(ref, { settings, createdAt: now, incarnation, epoch: 0, subscription: null, assignment: null })
    await this.#ports.state.writePositions(ref, { incarnation, generation: -1, positions: [], usedAt: now })
    return ref
  }

  async delete (ref: InstanceRef): Promise<void> {
    await this.#load(ref)
    await this.#ports.state.writeInstance(ref, null)
    await this.#ports.state.writePositions(ref, null)
  }

  async subscribe (ref: InstanceRef, subscription: Subscription): Promise<void> {
    const state = await this.#load(ref)
    if (state.instance.assignment) {
      throw new GatewayError('consumer_conflict', 'this instance has partitions assigned manually; subscriptions to topics, a pattern and manual assignments are mutually exclusive (unsubscribe first to drop the assignment)')
    }
    if (subscription.kind === 'pattern') {
      try {
        new RegExp(subscription.pattern)
      } catch {
        throw new GatewayError('invalid_request', `topic_pattern ${JSON.stringify(subscription.pattern)} is not a valid regular expression`, { field: 'topic_pattern' })
      }
    }
    await this.#rewrite(ref, state, { subscription, assignment: null })
  }

  async unsubscribe (ref: InstanceRef): Promise<void> {
    const state = await this.#load(ref)
    await this.#rewrite(ref, state, { subscription: null, assignment: null })
  }

  /** Topics of the subscription: the listed ones, or those a pattern currently matches. */
  async subscription (ref: InstanceRef): Promise<string[]> {
    const state = await this.#load(ref)
    await this.#touch(ref, state)
    const subscription = state.instance.subscription
    if (!subscription) return []
    if (subscription.kind === 'topics') return subscription.topics
    return membershipIsCurrent(state.instance, state.membership) ? state.membership.topics : []
  }

  async assign (ref: InstanceRef, partitions: TopicPartition[]): Promise<void> {
    const state = await this.#load(ref)
    if (state.instance.subscription) {
      throw new GatewayError('consumer_conflict', 'this instance is subscribed; subscriptions to topics, a pattern and manual assignments are mutually exclusive (unsubscribe first)')
    }
    await Promise.all(partitions.map(async (tp, i) => {
      const count = await this.#admin.partitionCount(tp.topic)
      if (tp.partition >= count) {
        throw new GatewayError('partition_not_found', `partitions[${i}]: partition ${tp.partition} does not exist: topic ${tp.topic} has partitions 0 to ${count - 1}`, { field: `partitions[${i}].partition` })
      }
    }))
    const unique = [...new Map(partitions.map(tp => [partitionKey(tp), { topic: tp.topic, partition: tp.partition }])).values()]
    await this.#rewrite(ref, state, { subscription: null, assignment: unique })
  }

  async assignment (ref: InstanceRef): Promise<TopicPartition[]> {
    const state = await this.#load(ref)
    await this.#touch(ref, state)
    return currentAssignment(ref, state).partitions
  }

  async seek (ref: InstanceRef, offsets: PartitionOffset[]): Promise<void> {
    const state = await this.#load(ref)
    const assignment = this.#requireAssigned(ref, state, offsets)
    await this.#ports.state.writePositions(ref, mergePositions(state.instance, state.positions, assignment, offsets, Date.now()))
  }

  async seekToTimestamps (ref: InstanceRef, seeks: TimestampSeek[]): Promise<void> {
    const state = await this.#load(ref)
    const assignment = this.#requireAssigned(ref, state, seeks)
    const offsets = await Promise.all(seeks.map(async s => ({
      topic: s.topic, partition: s.partition, offset: await this.#fetcher.resolveOffset(s.topic, s.partition, { kind: 'timestamp', timestamp: s.timestamp }),
    })))
    await this.#ports.state.writePositions(ref, mergePositions(state.instance, state.positions, assignment, offsets, Date.now()))
  }

  async seekToEdge (ref: InstanceRef, partitions: TopicPartition[], edge: 'earliest' | 'latest'): Promise<void> {
    const state = await this.#load(ref)
    const assignment = this.#requireAssigned(ref, state, partitions)
    const offsets = await Promise.all(partitions.map(async tp => ({
      topic: tp.topic, partition: tp.partition, offset: await this.#fetcher.resolveOffset(tp.topic, tp.partition, { kind: edge }),
    })))
    await this.#ports.state.writePositions(ref, mergePositions(state.instance, state.positions, assignment, offsets, Date.now()))
  }

  /** Commits the given offsets, or with none the positions of everything fetched so far. */
  async commit (ref: InstanceRef, offsets: PartitionOffset[] | null): Promise<void> {
    const state = await this.#load(ref)
    const assignment = currentAssignment(ref, state)
    let toCommit = offsets
    if (toCommit === null) {
      const valid = validPositions(state.instance, state.positions, assignment.generation)
      toCommit = assignment.partitions.flatMap(tp => {
        const offset = valid.get(partitionKey(tp))
        return offset === undefined ? [] : [{ topic: tp.topic, partition: tp.partition, offset }]
      })
    }
    await this.#touch(ref, state)
    if (toCommit.length > 0) await this.#ports.offsets.commit(ref.group, assignment.member, toCommit)
  }

  /** Last committed offsets of the given partitions (whoever committed them); partitions without one are left out. */
  async committed (ref: InstanceRef, partitions: TopicPartition[]): Promise<PartitionOffset[]> {
    const state = await this.#load(ref)
    await this.#touch(ref, state)
    const committed = await this.#ports.offsets.committed(ref.group, partitions)
    return partitions.flatMap((tp, i) => {
      const offset = committed[i]
      return offset === null || offset === undefined ? [] : [{ topic: tp.topic, partition: tp.partition, offset }]
    })
  }

  async records (ref: InstanceRef, query: RecordsQuery): Promise<{ records: ConsumedRecord[], format: ConsumerFormat }> {
    const timeoutMs = query.timeoutMs
    if (timeoutMs !== undefined && (timeoutMs < 0 || !Number.isSafeInteger(timeoutMs))) throw new GatewayError('invalid_request', 'timeout must be a number of milliseconds, 0 or more', { field: 'timeout' })
    if (query.maxBytes !== undefined && query.maxBytes < 1) throw new GatewayError('invalid_request', 'max_bytes must be 1 or more', { field: 'max_bytes' })
    let state = await this.#load(ref)
    const format = state.instance.settings.format
    if (query.format !== undefined && query.format !== format) {
      throw new GatewayError('consumer_format_mismatch', `this instance was created with format ${format}; ask for it with Accept: application/vnd.kafka.${format}.v2+json (or a plain application/json)`, { field: 'format' })
    }
    const waitMs = Math.min(timeoutMs ?? state.instance.settings.requestTimeoutMs, this.#limits.maxWaitMs)
    const deadline = Date.now() + waitMs
    let assignment = currentAssignment(ref, state)
    if (assignment.partitions.length === 0 && state.instance.subscription) {
      // Joining, or nothing assigned yet: like a Kafka poll, wait for the group to hand partitions over.
      state = await this.#awaitPartitions(ref, state, assignment, waitMs)
      assignment = currentAssignment(ref, state)
    }
    const from = await resolvePositions({ fetcher: this.#fetcher, offsets: this.#ports.offsets }, ref.group, state.instance, state.positions, assignment)
    const result = await poll(this.#fetcher, from, {
      maxBytes: Math.min(query.maxBytes ?? this.#limits.requestMaxBytes, this.#limits.requestMaxBytes),
      maxWaitMs: Math.max(0, deadline - Date.now()),
      recordsPerPartition: this.#limits.recordsPerPartition,
    })
    const restarts = await Promise.all(result.outOfRange.map(async tp => ({ ...tp, offset: await resetOffset(this.#fetcher, state.instance, tp) })))
    const next = mergePositions(state.instance, state.positions, assignment, [...result.positions, ...restarts], Date.now())
    if (!this.#unchanged(state, next)) await this.#ports.state.writePositions(ref, next)
    if (state.instance.settings.autoCommit && result.records.length > 0) {
      // Auto-commit of what this response hands out; a failure (e.g. a rebalance) is retried by the next request.
      await this.#ports.offsets.commit(ref.group, assignment.member, result.positions).catch(() => {})
    }
    return { records: result.records, format }
  }

  async #awaitPartitions (ref: InstanceRef, state: LiveState, assignment: CurrentAssignment, waitMs: number): Promise<LiveState> {
    const { incarnation } = state.instance
    const seenGeneration = assignment.joining ? null : assignment.generation
    const next = await this.#ports.state.read(ref, {
      maxWaitMs: waitMs,
      until: s => s.instance?.incarnation !== incarnation || (s.instance !== null && membershipIsCurrent(s.instance, s.membership) && s.membership.generation !== seenGeneration),
    })
    if (!next.instance || next.instance.incarnation !== incarnation) throw this.#notFound(ref)
    return next as LiveState
  }

  #requireAssigned (ref: InstanceRef, state: LiveState, partitions: TopicPartition[]): CurrentAssignment {
    const assignment = currentAssignment(ref, state)
    const assigned = new Set(assignment.partitions.map(partitionKey))
    const missing = partitions.find(tp => !assigned.has(partitionKey(tp)))
    if (missing) {
      throw new GatewayError('consumer_conflict', `partition ${missing.partition} of topic ${missing.topic} is not assigned to this instance${assignment.joining ? ' yet (the group is still assigning partitions; fetch records first)' : ''}; only assigned partitions can be positioned`)
    }
    return assignment
  }

  async #rewrite (ref: InstanceRef, state: LiveState, change: Pick<InstanceRecord, 'subscription' | 'assignment'>): Promise<void> {
    const instance = state.instance
    await this.#ports.state.writeInstance(ref, { ...instance, ...change, epoch: instance.epoch + 1 })
    await this.#ports.state.writePositions(ref, { incarnation: instance.incarnation, generation: -1, positions: [], usedAt: Date.now() })
  }

  /** Same positions as stored and a recent enough use: nothing worth a write. */
  #unchanged (state: LiveState, next: PositionsRecord): boolean {
    const stored = state.positions
    if (!stored || stored.incarnation !== next.incarnation || stored.generation !== next.generation) return false
    if (next.usedAt - stored.usedAt >= this.#limits.instanceTimeoutMs / 10) return false
    const before = new Map(stored.positions.map(p => [partitionKey(p), p.offset]))
    return next.positions.length === stored.positions.length && next.positions.every(p => before.get(partitionKey(p)) === p.offset)
  }

  /** Records a use, so the instance does not expire; writes at most a few times per timeout. */
  async #touch (ref: InstanceRef, state: LiveState): Promise<void> {
    const now = Date.now()
    const usedAt = state.positions?.usedAt ?? state.instance.createdAt
    if (now - usedAt < this.#limits.instanceTimeoutMs / 10) return
    const positions = state.positions ?? { incarnation: state.instance.incarnation, generation: -1, positions: [], usedAt }
    await this.#ports.state.writePositions(ref, { ...positions, usedAt: now })
  }

  async #load (ref: InstanceRef): Promise<LiveState> {
    this.#ports.state.startHosting()
    const state = await this.#ports.state.read(ref)
    if (!state.instance) throw this.#notFound(ref)
    return state as LiveState
  }

  #notFound (ref: InstanceRef): GatewayError {
    return new GatewayError('consumer_not_found', `consumer instance ${ref.name} of group ${ref.group} does not exist (it may have expired after being idle); create it again`)
  }
}
