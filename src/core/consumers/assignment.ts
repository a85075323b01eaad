/**
 * Which partitions an instance reads right now, and under which group
 * generation: a manual assignment, or what the group gave the member that
 * represents the instance (contracts.md §4 v2 consumers).
 */
import { ERROR_CODES, GatewayError, type ErrorCode } from '../errors.ts'
import type { InstanceRecord, InstanceRef, InstanceState, MemberIdentity, MembershipRecord, TopicPartition } from './model.ts'

export interface CurrentAssignment {
  partitions: TopicPartition[]
  /** -1 for a manual assignment; the group generation otherwise. */
  generation: number
  /** Identity to commit with; null for a manual assignment. */
  member: MemberIdentity | null
  /** Subscribed, but the group has not (re)assigned partitions for this subscription yet. */
  joining: boolean
}

export const MANUAL_GENERATION = -1

/** The membership answers for this very subscription (not an older one, not a deleted namesake). */
export function membershipIsCurrent (instance: InstanceRecord, membership: MembershipRecord | null): membership is MembershipRecord {
  return membership !== null && membership.incarnation === instance.incarnation && membership.epoch === instance.epoch
}

export function currentAssignment (ref: InstanceRef, state: InstanceState & { instance: InstanceRecord }): CurrentAssignment {
  const { instance, membership } = state
  if (instance.assignment) return { partitions: instance.assignment, generation: MANUAL_GENERATION, member: null, joining: false }
  if (!instance.subscription) return { partitions: [], generation: MANUAL_GENERATION, member: null, joining: false }
  if (!membershipIsCurrent(instance, membership)) return { partitions: [], generation: MANUAL_GENERATION, member: null, joining: true }
  if (membership.error) {
    const code = membership.error.code in ERROR_CODES ? membership.error.code as ErrorCode : 'kafka_error'
    throw new GatewayError(code, `the gateway cannot join group ${ref.group} for this instance: ${membership.error.message}`)
  }
  const member = membership.memberId ? { memberId: membership.memberId, generation: membership.generation, instanceId: ref.name } : null
  return { partitions: membership.assignment, generation: membership.generation, member, joining: false }
}
