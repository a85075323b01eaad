/**
 * Reusable large buffers for bytes that pass through the gateway (Kafka
 * record bytes, binary fetch answers). Each new large Buffer is memory
 * outside V8's heap, and every 64 MB of it makes V8 run a full mark of the
 * whole heap: at a few hundred thousand records a second that was a full GC
 * every ~100 ms, costing about as much CPU as the fetch itself. A buffer is
 * taken, used, and given back by whoever knows the last reader is done;
 * one that is never given back is simply garbage collected.
 */
const MIN_CLASS = 64 * 1024
const MAX_CLASS = 8 * 1024 * 1024

export interface PooledBuffer {
  /** Exactly the size asked for. */
  readonly buffer: Buffer
  /** Gives the memory back; the buffer must not be touched afterwards. Calling it twice is harmless. */
  release (): void
}

export class BufferPool {
  readonly #free = new Map<number, Buffer[]>()
  readonly #maxFreePerClass: number

  constructor (maxFreePerClass = 8) {
    this.#maxFreePerClass = maxFreePerClass
  }

  take (size: number): PooledBuffer {
    if (size < MIN_CLASS || size > MAX_CLASS) return { buffer: Buffer.allocUnsafe(size), release: () => {} }
    const capacity = 2 ** Math.ceil(Math.log2(size))
    const slab = this.#free.get(capacity)?.pop() ?? Buffer.allocUnsafeSlow(capacity)
    let released = false
    return {
      buffer: slab.subarray(0, size),
      release: () => {
        if (released) return
        released = true
        const free = this.#free.get(capacity) ?? []
        if (free.length < this.#maxFreePerClass) free.push(slab)
        this.#free.set(capacity, free)
      },
    }
  }

  /** Free slabs held, for tests. */
  get idle (): number {
    let count = 0
    for (const free of this.#free.values()) count += free.length
    return count
  }
}
