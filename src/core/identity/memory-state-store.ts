/**
 * An in-process StateStorePort: the state lives as long as the process and
 * is shared only by stores created on the same MemoryStateLog. It is what a
 * gateway uses when it is given no other store (HTTP tests, a throwaway
 * single instance); main.ts always gives the Kafka store.
 */
import type { StateApply, StateStorePort } from './state-port.ts'

/** The log several in-process "instances" can share, like the compacted topic. */
export class MemoryStateLog {
  readonly entries = new Map<string, unknown>()
  readonly #followers = new Set<StateApply>()

  append (key: string, value: unknown): void {
    // Round-trip through JSON so a reader never shares objects with the writer, as with Kafka.
    const copy = value === null ? null : JSON.parse(JSON.stringify(value)) as unknown
    if (copy === null) this.entries.delete(key)
    else this.entries.set(key, copy)
    for (const follower of this.#followers) follower(key, copy === null ? null : structuredClone(copy))
  }

  follow (apply: StateApply): () => void {
    for (const [key, value] of this.entries) apply(key, structuredClone(value))
    this.#followers.add(apply)
    return () => { this.#followers.delete(apply) }
  }
}

export class MemoryStateStore implements StateStorePort {
  readonly #log: MemoryStateLog
  #unfollow: (() => void) | null = null

  constructor (log: MemoryStateLog = new MemoryStateLog()) {
    this.#log = log
  }

  async start (apply: StateApply): Promise<void> {
    this.#unfollow?.()
    this.#unfollow = this.#log.follow(apply)
  }

  async put (key: string, value: unknown): Promise<void> {
    this.#log.append(key, value)
  }

  async delete (key: string): Promise<void> {
    this.#log.append(key, null)
  }

  async close (): Promise<void> {
    this.#unfollow?.()
    this.#unfollow = null
  }
}
