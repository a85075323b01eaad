/**
 * The Kafka group member behind one subscribed consumer instance, run by the
 * gateway process that hosts the instance. It joins as a static member
 * (group.instance.id = instance name): if two processes ever host the same
 * instance for a moment (while hosting moves), Kafka fences the older one
 * instead of splitting the partitions between two members. Every (re)join
 * is written to the state topic, where requests on any process read the
 * member id, generation and assignment.
 */
import { Consumer, type BaseOptions, type GroupAssignment } from '@platformatic/kafka'
import type { InstanceRecord, InstanceRef, MembershipRecord, Subscription, TopicPartition } from '../../core/consumers/model.ts'
import { subscribedTopics } from '../../core/consumers/hosting-rules.ts'
import { mapKafkaError } from '../errors.ts'

export interface MemberTimings {
  sessionTimeoutMs: number
  heartbeatIntervalMs: number
  /** How often the topics a subscription covers are checked again (new topics, a pattern's new matches). */
  topicRefreshMs: number
}

export interface HostedMemberDeps {
  clientOptions: BaseOptions
  /** Existing topics; the periodic checks share a briefly cached list, a (re)subscription asks Kafka afresh. */
  listTopics: (fresh: boolean) => Promise<{ name: string, internal: boolean }[]>
  timings: MemberTimings
  /** Topics a pattern never matches (the state topic). */
  hidden: ReadonlySet<string>
  host: string
  writeMembership: (ref: InstanceRef, record: MembershipRecord) => Promise<void>
  /** Still the host of this instance? A member that lost its partition must not overwrite the new host's facts. */
  stillHosting: (ref: InstanceRef) => boolean
}

function flatten (assignments: GroupAssignment[] | null): TopicPartition[] {
  return (assignments ?? []).flatMap(a => a.partitions.map(partition => ({ topic: a.topic, partition }))).sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition)
}

function sameTopics (a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i])
}

export class HostedMember {
  readonly #ref: InstanceRef
  readonly #deps: HostedMemberDeps
  #instance: InstanceRecord
  #subscription: Subscription
  #topics: string[] = []
  #consumer: Consumer | null = null
  #refreshTimer: NodeJS.Timeout | null = null
  #stopped = false
  #broken = false
  #reports: Promise<void> = Promise.resolve()
  /** Serializes joins, topic refreshes and stop. */
  #work: Promise<void> = Promise.resolve()

  constructor (ref: InstanceRef, instance: InstanceRecord & { subscription: Subscription }, deps: HostedMemberDeps) {
    this.#ref = ref
    this.#instance = instance
    this.#subscription = instance.subscription
    this.#deps = deps
  }

  get epoch (): number { return this.#instance.epoch }

  start (): void {
    this.#enqueue(() => this.#refreshTopics(true))
    this.#refreshTimer = setInterval(() => this.#enqueue(() => this.#refreshTopics(false)), this.#deps.timings.topicRefreshMs)
    this.#refreshTimer.unref()
  }

  /** The instance was re-subscribed: join with the new subscription and report under the new epoch. */
  update (instance: InstanceRecord & { subscription: Subscription }): void {
    if (instance.epoch === this.#instance.epoch && instance.incarnation === this.#instance.incarnation) return
    this.#instance = instance
    this.#subscription = instance.subscription
    this.#enqueue(() => this.#refreshTopics(true))
  }

  /** Leaves the group at once, even in the middle of a join (Kafka then rebalances the partitions to the other members). */
  async stop (): Promise<void> {
    this.#stopped = true
    if (this.#refreshTimer) clearInterval(this.#refreshTimer)
    const consumer = this.#consumer
    this.#consumer = null
    if (consumer) await consumer.close(true).catch(() => {})
  }

  #enqueue (task: () => Promise<void>): void {
    this.#work = this.#work.then(task).catch(() => {})
  }

  async #refreshTopics (force: boolean): Promise<void> {
    if (this.#stopped) return
    let topics: string[]
    try {
      topics = subscribedTopics(this.#subscription, await this.#deps.listTopics(force), this.#deps.hidden)
    } catch (error) {
      await this.#report(null, { code: 'kafka_unavailable', message: `cannot list topics: ${(error as Error).message}` })
      return
    }
    if (!force && !this.#broken && sameTopics(topics, this.#topics)) return
    this.#topics = topics
    if (topics.length === 0) {
      // Nothing to join yet (no subscribed topic exists); report an empty assignment so reads do not wait for one.
      const consumer = this.#consumer
      this.#consumer = null
      if (consumer) await consumer.close(true).catch(() => {})
      await this.#report(null, null)
      return
    }
    await this.#join(topics)
  }

  async #join (topics: string[]): Promise<void> {
    let consumer = this.#consumer
    if (consumer && this.#broken) {
      // A rejoin after a rebalance failed: start over with a fresh member.
      this.#consumer = null
      await consumer.close(true).catch(() => {})
      consumer = null
    }
    this.#broken = false
    if (!consumer) {
      consumer = new Consumer({
        ...this.#deps.clientOptions,
        groupId: this.#ref.group,
        groupInstanceId: this.#ref.name,
        sessionTimeout: this.#deps.timings.sessionTimeoutMs,
        rebalanceTimeout: this.#deps.timings.sessionTimeoutMs,
        heartbeatInterval: this.#deps.timings.heartbeatIntervalMs,
      })
      // A failed rejoin (after a rebalance) surfaces as an 'error' event; the next refresh starts over.
      consumer.on('error', () => { this.#broken = true })
      consumer.on('consumer:group:join', () => {
        const current = this.#consumer
        if (current) this.#report(current, null).catch(() => {})
      })
      // Eager rebalancing: partitions are revoked before the group reassigns them, so reads stop
      // (and wait for the new generation) instead of reading what another instance is about to get.
      consumer.on('consumer:group:rebalance', () => {
        const current = this.#consumer
        if (current) this.#report(current, null, { revoked: true }).catch(() => {})
      })
      this.#consumer = consumer
    }
    for (const topic of consumer.topics.current) if (!topics.includes(topic)) consumer.topics.untrack(topic)
    consumer.topics.trackAll(...topics)
    try {
      await consumer.joinGroup({
        sessionTimeout: this.#deps.timings.sessionTimeoutMs,
        rebalanceTimeout: this.#deps.timings.sessionTimeoutMs,
        heartbeatInterval: this.#deps.timings.heartbeatIntervalMs,
      })
    } catch (error) {
      if (this.#stopped) return
      const failure = mapKafkaError(error, { action: 'join the consumer group', group: this.#ref.group })
      await this.#report(null, { code: failure.code, message: failure.message })
      // Try again from scratch at the next refresh.
      this.#topics = []
      this.#consumer = null
      await consumer.close(true).catch(() => {})
    }
  }

  /** Writes the membership facts; reports go out one after the other, in the order of the events. */
  #report (consumer: Consumer | null, error: MembershipRecord['error'], options: { revoked?: boolean } = {}): Promise<void> {
    const record: MembershipRecord = {
      incarnation: this.#instance.incarnation,
      epoch: this.#instance.epoch,
      memberId: consumer?.memberId ?? '',
      generation: consumer ? consumer.generationId : -1,
      assignment: consumer && !options.revoked ? flatten(consumer.assignments) : [],
      topics: this.#topics,
      host: this.#deps.host,
      updatedAt: Date.now(),
      error,
    }
    this.#reports = this.#reports.then(async () => {
      if (this.#stopped || !this.#deps.stillHosting(this.#ref)) return
      await this.#deps.writeMembership(this.#ref, record)
    }).catch(() => {})
    return this.#reports
  }
}
