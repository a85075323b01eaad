/**
 * A fixed set of fetch "lanes", each with its own Kafka connections. A broker answers one request per connection at a time, so a
 * long-poll must not sit in front of other fetches: each fetch takes a lane
 * for one poll slice and gives it back. Waiters queue FIFO, and the queue is
 * bounded so overload turns into 503s rather than memory.
 */
import { GatewayError } from '../core/errors.ts'

export class FetchLanes<Lane extends { close (): Promise<void> }> {
  readonly #free: Lane[]
  readonly #all: Lane[]
  readonly #waiters: Array<(lane: Lane) => void> = []
  readonly #maxQueue: number

  constructor (createLane: (index: number) => Lane, count: number, maxQueue: number) {
    this.#all = Array.from({ length: count }, (_, i) => createLane(i))
    this.#free = [...this.#all]
    this.#maxQueue = maxQueue
  }

  get waiting (): number { return this.#waiters.length }

  async use<T> (work: (lane: Lane) => Promise<T>): Promise<T> {
    const lane = await this.#acquire()
    try {
      return await work(lane)
    } finally {
      this.#release(lane)
    }
  }

  #acquire (): Promise<Lane> {
    const lane = this.#free.pop()
    if (lane) return Promise.resolve(lane)
    if (this.#waiters.length >= this.#maxQueue) {
      return Promise.reject(new GatewayError('overloaded', `${this.#waiters.length} fetches are already waiting for Kafka; retry shortly`, { retryAfterSeconds: 1 }))
    }
    return new Promise(resolve => this.#waiters.push(resolve))
  }

  #release (lane: Lane): void {
    const waiter = this.#waiters.shift()
    if (waiter) waiter(lane)
    else this.#free.push(lane)
  }

  async close (): Promise<void> {
    await Promise.allSettled(this.#all.map(lane => lane.close()))
  }
}
