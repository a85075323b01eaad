/**
 * Gateway processes share the hosting of consumer instances through a Kafka
 * group of their own (`<state topic>.hosts`) subscribed to the state topic:
 * a process hosts the instances of the state partitions Kafka assigns to
 * it, runs their group members, and deletes the ones idle for too long.
 * When a process stops or dies, Kafka hands its partitions (and so its
 * instances) to the others. Requests never need the host: they read the
 * state topic (see docs/confluent.md for the trade-offs).
 */
import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import { Consumer, type BaseOptions } from '@platformatic/kafka'
import { isExpired } from '../../core/consumers/hosting-rules.ts'
import type { InstanceRecord, InstanceRef, Subscription } from '../../core/consumers/model.ts'
import type { AdminPort, FetcherPort } from '../../core/ports.ts'
import { instanceKey, statePartition } from './codec.ts'
import { HostedMember, type MemberTimings } from './hosted-member.ts'
import type { ConsumerStateStore } from './state-store.ts'

export interface HostsSettings extends MemberTimings {
  hostsSessionTimeoutMs: number
  instanceTimeoutMs: number
  /** Longest long-poll of the owned state partitions. */
  tailWaitMs: number
}

export interface HostsDeps {
  store: ConsumerStateStore
  admin: AdminPort
  fetcher: FetcherPort
  clientOptions: (role: string) => BaseOptions
}

type Subscribed = InstanceRecord & { subscription: Subscription }

export class ConsumerHosts {
  readonly #settings: HostsSettings
  readonly #deps: HostsDeps
  readonly #host = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`
  readonly #members = new Map<string, { partition: number, member: HostedMember }>()
  #owned = new Set<number>()
  #group: Consumer | null = null
  #started: Promise<void> | null = null
  #closed = false
  #tailing = false
  #expiryTimer: NodeJS.Timeout | null = null
  #unsubscribe: (() => void) | null = null

  constructor (settings: HostsSettings, deps: HostsDeps) {
    this.#settings = settings
    this.#deps = deps
  }

  get host (): string { return this.#host }

  /** Joins the hosts group once; later calls are free. Failures are retried on the next call. */
  start (): void {
    if (this.#closed || this.#started) return
    this.#started = this.#join().catch(() => {
      this.#started = null
      const group = this.#group
      this.#group = null
      group?.close(true).catch(() => {})
    })
  }

  async #join (): Promise<void> {
    const store = this.#deps.store
    const partitions = await store.partitions()
    this.#unsubscribe ??= store.view.onChange((partition, ref) => {
      if (this.#owned.has(partition)) this.#reconcile(partition, ref)
    })
    const group = new Consumer({
      ...this.#deps.clientOptions('consumer-hosts'),
      groupId: `${store.topic}.hosts`,
      sessionTimeout: this.#settings.hostsSessionTimeoutMs,
      rebalanceTimeout: this.#settings.hostsSessionTimeoutMs,
      heartbeatInterval: Math.max(100, Math.floor(this.#settings.hostsSessionTimeoutMs / 5)),
    })
    group.on('error', () => {
      // A failed rejoin: hand everything back and join again.
      if (this.#closed || this.#group !== group) return
      this.#setOwned([])
      this.#group = null
      this.#started = null
      group.close(true).catch(() => {})
      this.start()
    })
    group.on('consumer:group:join', payload => {
      if (this.#group !== group) return
      const mine = (payload.assignments ?? []).find(a => a.topic === store.topic)?.partitions ?? []
      this.#setOwned(mine.filter(p => p < partitions))
    })
    this.#group = group
    group.topics.track(store.topic)
    await group.joinGroup({
      sessionTimeout: this.#settings.hostsSessionTimeoutMs,
      rebalanceTimeout: this.#settings.hostsSessionTimeoutMs,
      heartbeatInterval: Math.max(100, Math.floor(this.#settings.hostsSessionTimeoutMs / 5)),
    })
    this.#expiryTimer ??= setInterval(() => { this.#expire().catch(() => {}) }, Math.max(500, Math.min(this.#settings.instanceTimeoutMs / 4, 30_000)))
    this.#expiryTimer.unref()
  }

  #setOwned (partitions: number[]): void {
    const next = new Set(partitions)
    for (const [key, hosted] of this.#members) {
      if (!next.has(hosted.partition)) {
        this.#members.delete(key)
        hosted.member.stop().catch(() => {})
      }
    }
    const added = partitions.filter(p => !this.#owned.has(p))
    this.#owned = next
    for (const partition of added) {
      this.#deps.store.catchUp(partition).then(() => {
        for (const { ref } of this.#deps.store.view.instancesIn(partition)) this.#reconcile(partition, ref)
      }, () => {})
    }
    if (!this.#tailing && next.size > 0) this.#tail().catch(() => {})
  }

  /** Follows the owned partitions, so changes written by any process reach their host quickly. */
  async #tail (): Promise<void> {
    this.#tailing = true
    try {
      while (!this.#closed && this.#owned.size > 0) {
        const partitions = [...this.#owned]
        try {
          await this.#deps.store.readMany(partitions, this.#settings.tailWaitMs)
        } catch {
          await new Promise(resolve => setTimeout(resolve, 1000))
        }
      }
    } finally {
      this.#tailing = false
    }
  }

  #reconcile (partition: number, ref: InstanceRef): void {
    if (this.#closed || !this.#owned.has(partition)) return
    const key = instanceKey(ref)
    const state = this.#deps.store.view.state(partition, ref)
    const instance = state.instance
    const hosted = this.#members.get(key)
    if (instance?.subscription && !isExpired(state, Date.now(), this.#settings.instanceTimeoutMs)) {
      const subscribed = instance as Subscribed
      if (hosted) {
        hosted.member.update(subscribed)
        return
      }
      const member: HostedMember = new HostedMember(ref, subscribed, {
        clientOptions: this.#deps.clientOptions(`consumer-${ref.group}-${ref.name}`),
        listTopics: fresh => this.#listTopics(fresh),
        timings: this.#settings,
        hidden: new Set([this.#deps.store.topic]),
        host: this.#host,
        writeMembership: (r, record) => this.#deps.store.writeMembership(r, record),
        stillHosting: (r): boolean => this.#members.get(instanceKey(r))?.member === member,
      })
      this.#members.set(key, { partition, member })
      member.start()
      return
    }
    if (hosted) {
      this.#members.delete(key)
      hosted.member.stop().catch(() => {})
    }
    // A deleted instance's membership facts go too (a tombstone, so compaction drops them).
    if (!instance && state.membership) this.#deps.store.writeMembership(ref, null).catch(() => {})
  }

  #topics: { at: number, list: Promise<{ name: string, internal: boolean }[]> } | null = null

  #listTopics (fresh: boolean): Promise<{ name: string, internal: boolean }[]> {
    const now = Date.now()
    if (fresh || !this.#topics || now - this.#topics.at > this.#settings.topicRefreshMs / 2) {
      const list = this.#deps.admin.listTopics(false)
      this.#topics = { at: now, list }
      list.catch(() => { if (this.#topics?.list === list) this.#topics = null })
    }
    return this.#topics.list
  }

  /** Deletes instances idle longer than the timeout (Confluent consumer.instance.timeout.ms). */
  async #expire (): Promise<void> {
    const now = Date.now()
    for (const partition of this.#owned) {
      for (const { ref, state } of this.#deps.store.view.instancesIn(partition)) {
        if (!state.instance || !isExpired(state, now, this.#settings.instanceTimeoutMs)) continue
        // Re-read first: a request on another process may have just used it.
        const fresh = await this.#deps.store.read(ref)
        if (!fresh.instance || !isExpired(fresh, Date.now(), this.#settings.instanceTimeoutMs)) continue
        await this.#deps.store.writeInstance(ref, null)
        await this.#deps.store.writePositions(ref, null)
      }
    }
  }

  /** Whether this process hosts the instance right now (diagnostics and tests). */
  hosts (ref: InstanceRef, partitions: number): boolean {
    return this.#owned.has(statePartition(ref, partitions)) && this.#members.has(instanceKey(ref))
  }

  async close (): Promise<void> {
    this.#closed = true
    if (this.#expiryTimer) clearInterval(this.#expiryTimer)
    this.#unsubscribe?.()
    const members = [...this.#members.values()]
    this.#members.clear()
    await Promise.allSettled(members.map(m => m.member.stop()))
    const group = this.#group
    this.#group = null
    await group?.close(true).catch(() => {})
  }
}
