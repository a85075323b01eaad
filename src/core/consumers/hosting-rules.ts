/**
 * Rules the process hosting an instance's group membership follows; kept in
 * core so every host applies the same ones (contracts.md §4 v2 consumers).
 */
import type { InstanceState, Subscription } from './model.ts'

/** Last use of an instance: its newest positions write, or its creation. */
export function lastUsedAt (state: InstanceState): number | null {
  if (!state.instance) return null
  const positions = state.positions
  return positions && positions.incarnation === state.instance.incarnation ? Math.max(positions.usedAt, state.instance.createdAt) : state.instance.createdAt
}

/** Idle for longer than the timeout: the instance is deleted and its member leaves the group. */
export function isExpired (state: InstanceState, now: number, instanceTimeoutMs: number): boolean {
  const usedAt = lastUsedAt(state)
  return usedAt !== null && now - usedAt > instanceTimeoutMs
}

/**
 * Existing topics a subscription covers. A pattern must match the whole
 * name and never matches internal topics (nor the gateway's own `hidden`
 * ones, such as the consumer state topic), as with a Java consumer; listed
 * topics that do not exist (yet) are left out until they do, so the group
 * can still assign the others.
 */
export function subscribedTopics (subscription: Subscription, existing: { name: string, internal: boolean }[], hidden: ReadonlySet<string> = new Set()): string[] {
  if (subscription.kind === 'topics') {
    const names = new Set(existing.map(t => t.name))
    return [...new Set(subscription.topics)].filter(t => names.has(t)).sort()
  }
  const pattern = new RegExp(`^(?:${subscription.pattern})$`)
  return existing.filter(t => !t.internal && !hidden.has(t.name) && pattern.test(t.name)).map(t => t.name).sort()
}
