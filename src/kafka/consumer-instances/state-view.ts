/**
 * This process's copy of the consumer state topic, built by reading it: per
 * partition, the latest record of every key and the next offset to read. It
 * is a cache of Kafka, never the only copy of anything, and applying the
 * same records twice (two readers racing) changes nothing.
 */
import type { InstanceRecord, InstanceRef, InstanceState, MembershipRecord, PositionsRecord } from '../../core/consumers/model.ts'
import type { ConsumedRecord } from '../../core/model.ts'
import { decodeEntry, instanceKey } from './codec.ts'

interface PartitionView {
  next: number
  instances: Map<string, { ref: InstanceRef, state: InstanceState }>
}

export type ChangeListener = (partition: number, ref: InstanceRef) => void

export class StateView {
  readonly #partitions = new Map<number, PartitionView>()
  readonly #listeners = new Set<ChangeListener>()

  #partition (partition: number): PartitionView {
    let view = this.#partitions.get(partition)
    if (!view) { view = { next: 0, instances: new Map() }; this.#partitions.set(partition, view) }
    return view
  }

  next (partition: number): number {
    return this.#partition(partition).next
  }

  /** Moves the read position past offsets that hold nothing (log start, compaction gaps). */
  skipTo (partition: number, offset: number): void {
    const view = this.#partition(partition)
    if (offset > view.next) view.next = offset
  }

  /** Applies records read from `partition`; those before the read position were applied already. */
  apply (partition: number, records: ConsumedRecord[]): void {
    const view = this.#partition(partition)
    const changed = new Map<string, InstanceRef>()
    for (const record of records) {
      if (record.offset < view.next) continue
      view.next = record.offset + 1
      const entry = decodeEntry(record.key, record.value)
      if (!entry) continue
      const key = instanceKey(entry.ref)
      let slot = view.instances.get(key)
      if (!slot) { slot = { ref: entry.ref, state: { instance: null, positions: null, membership: null } }; view.instances.set(key, slot) }
      if (entry.kind === 'i') slot.state = { ...slot.state, instance: entry.value as InstanceRecord | null }
      else if (entry.kind === 'p') slot.state = { ...slot.state, positions: entry.value as PositionsRecord | null }
      else slot.state = { ...slot.state, membership: entry.value as MembershipRecord | null }
      if (!slot.state.instance && !slot.state.positions && !slot.state.membership) view.instances.delete(key)
      changed.set(key, entry.ref)
    }
    for (const ref of changed.values()) for (const listener of this.#listeners) listener(partition, ref)
  }

  state (partition: number, ref: InstanceRef): InstanceState {
    return this.#partition(partition).instances.get(instanceKey(ref))?.state ?? { instance: null, positions: null, membership: null }
  }

  instancesIn (partition: number): { ref: InstanceRef, state: InstanceState }[] {
    return [...this.#partition(partition).instances.values()]
  }

  onChange (listener: ChangeListener): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }
}
