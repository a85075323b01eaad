/**
 * Where an instance continues reading each assigned partition: its own
 * position when it has one for the current generation, else the group's
 * committed offset, else `auto.offset.reset` — the order a Kafka consumer
 * follows after an assignment.
 */
import { GatewayError } from '../errors.ts'
import type { FetcherPort } from '../ports.ts'
import type { CurrentAssignment } from './assignment.ts'
import { partitionKey, type InstanceRecord, type PartitionOffset, type PositionsRecord, type TopicPartition } from './model.ts'
import type { GroupOffsetsPort } from './ports.ts'

/** Positions that still apply: same instance incarnation, same group generation. */
export function validPositions (instance: InstanceRecord, positions: PositionsRecord | null, generation: number): Map<string, number> {
  const valid = new Map<string, number>()
  if (!positions || positions.incarnation !== instance.incarnation || positions.generation !== generation) return valid
  for (const p of positions.positions) valid.set(partitionKey(p), p.offset)
  return valid
}

export async function resetOffset (fetcher: FetcherPort, instance: InstanceRecord, tp: TopicPartition): Promise<number> {
  const reset = instance.settings.autoOffsetReset
  if (reset === 'none') {
    throw new GatewayError('offset_out_of_range', `partition ${tp.partition} of topic ${tp.topic} has no committed offset (or it is outside the retained range) and auto.offset.reset is none; seek to a position first`, { field: 'auto.offset.reset' })
  }
  return fetcher.resolveOffset(tp.topic, tp.partition, { kind: reset })
}

export async function resolvePositions (
  deps: { fetcher: FetcherPort, offsets: GroupOffsetsPort },
  group: string,
  instance: InstanceRecord,
  stored: PositionsRecord | null,
  assignment: CurrentAssignment,
): Promise<PartitionOffset[]> {
  const valid = validPositions(instance, stored, assignment.generation)
  const missing = assignment.partitions.filter(tp => !valid.has(partitionKey(tp)))
  if (missing.length > 0) {
    const committed = await deps.offsets.committed(group, missing)
    await Promise.all(missing.map(async (tp, i) => {
      const offset = committed[i] ?? await resetOffset(deps.fetcher, instance, tp)
      valid.set(partitionKey(tp), offset)
    }))
  }
  return assignment.partitions.map(tp => ({ topic: tp.topic, partition: tp.partition, offset: valid.get(partitionKey(tp))! }))
}

/** `stored` with `changes` applied, limited to the partitions still assigned. */
export function mergePositions (instance: InstanceRecord, stored: PositionsRecord | null, assignment: CurrentAssignment, changes: PartitionOffset[], now: number): PositionsRecord {
  const merged = validPositions(instance, stored, assignment.generation)
  for (const c of changes) merged.set(partitionKey(c), c.offset)
  const positions: PartitionOffset[] = []
  for (const tp of assignment.partitions) {
    const offset = merged.get(partitionKey(tp))
    if (offset !== undefined) positions.push({ topic: tp.topic, partition: tp.partition, offset })
  }
  return { incarnation: instance.incarnation, generation: assignment.generation, positions, usedAt: now }
}
