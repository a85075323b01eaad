/**
 * Records of the consumer state topic: key `["i"|"p"|"m", group, name]`
 * (instance, positions, membership), JSON value or a tombstone. All records
 * of one instance share a partition, chosen from `[group, name]` with the
 * Java partitioner, so one partition read gives the whole instance.
 */
import type { InstanceRecord, InstanceRef, MembershipRecord, PositionsRecord } from '../../core/consumers/model.ts'
import { partitionForKey } from '../../core/partitioner.ts'

export type StateKind = 'i' | 'p' | 'm'

export interface DecodedEntry {
  kind: StateKind
  ref: InstanceRef
  /** Parsed value; null for a tombstone. */
  value: InstanceRecord | PositionsRecord | MembershipRecord | null
}

export function instanceKey (ref: InstanceRef): string {
  return JSON.stringify([ref.group, ref.name])
}

export function statePartition (ref: InstanceRef, partitions: number): number {
  return partitionForKey(Buffer.from(instanceKey(ref)), partitions)
}

export function encodeKey (kind: StateKind, ref: InstanceRef): Buffer {
  return Buffer.from(JSON.stringify([kind, ref.group, ref.name]))
}

function isObject (value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function validValue (kind: StateKind, value: unknown): boolean {
  if (!isObject(value) || typeof value.incarnation !== 'string') return false
  switch (kind) {
    case 'i': return isObject(value.settings) && typeof value.epoch === 'number' && typeof value.createdAt === 'number'
    case 'p': return Array.isArray(value.positions) && typeof value.generation === 'number' && typeof value.usedAt === 'number'
    case 'm': return Array.isArray(value.assignment) && typeof value.generation === 'number' && typeof value.epoch === 'number' && Array.isArray(value.topics)
  }
}

/** Null for records this gateway does not understand (another tool's, or corrupt); they are skipped. */
export function decodeEntry (key: Buffer | null, value: Buffer | null): DecodedEntry | null {
  if (!key) return null
  let parsedKey: unknown
  try {
    parsedKey = JSON.parse(key.toString('utf8'))
  } catch {
    return null
  }
  if (!Array.isArray(parsedKey) || parsedKey.length !== 3 || !['i', 'p', 'm'].includes(parsedKey[0]) || typeof parsedKey[1] !== 'string' || typeof parsedKey[2] !== 'string') return null
  const kind = parsedKey[0] as StateKind
  const ref = { group: parsedKey[1], name: parsedKey[2] }
  if (value === null) return { kind, ref, value: null }
  let parsed: unknown
  try {
    parsed = JSON.parse(value.toString('utf8'))
  } catch {
    return null
  }
  if (!validValue(kind, parsed)) return null
  return { kind, ref, value: parsed as DecodedEntry['value'] }
}
