/**
 * Paces V8's young-generation collections by the bytes Kafka answers bring
 * in, when node runs with --expose-gc (package.json config.nodeFlags).
 *
 * Why: a fetch answer arrives as socket chunks, memory outside V8's heap,
 * while the raw record reader allocates almost nothing on the heap. Young
 * collections, which free those chunks, come only when the young generation
 * (16 MB semi-spaces) fills, so chunks pile up; each 64 MB of them makes V8
 * mark the whole ~41 MB heap (about 40 ms of CPU). Reading a topic at
 * ~300,000 1 KiB records/s that was a full mark every ~0.2 s per worker,
 * a quarter of the gateway's CPU. A young collection every 16 MB of fetched
 * bytes frees the chunks for well under a millisecond each: measured side
 * by side, 3.5–4.2 → 1.6–2.0 µs of gateway CPU per record, full marks over
 * four reads of 180,000 records 38 → 9 (mostly start-up).
 *
 * Without --expose-gc (node started by hand) this does nothing and V8
 * collects as it would anyway.
 */
export const YOUNG_COLLECTION_EVERY_BYTES = 16 * 1024 * 1024

export type MinorCollection = () => void

/** `globalThis.gc` as a minor collection, or undefined when node was started without --expose-gc. */
export function exposedMinorCollection (): MinorCollection | undefined {
  const gc = globalThis.gc
  return gc === undefined ? undefined : () => { gc({ type: 'minor' }) }
}

export class YoungCollectionPacer {
  readonly #collect: MinorCollection | undefined
  readonly #everyBytes: number
  #sinceLast = 0

  constructor (collect: MinorCollection | undefined = exposedMinorCollection(), everyBytes = YOUNG_COLLECTION_EVERY_BYTES) {
    this.#collect = collect
    this.#everyBytes = everyBytes
  }

  /** Counts bytes that came off a Kafka socket; collects once `everyBytes` have come since the last time. */
  received (bytes: number): void {
    if (this.#collect === undefined) return
    this.#sinceLast += bytes
    if (this.#sinceLast < this.#everyBytes) return
    this.#sinceLast = 0
    this.#collect()
  }
}
