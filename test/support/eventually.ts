import { setTimeout as sleep } from 'node:timers/promises'

/**
 * Polls until `check` stops throwing (replication, state following and
 * rebalances settle asynchronously), rethrowing its last failure at the deadline.
 */
export async function eventually (check: () => Promise<void> | void, timeoutMs = 20_000, intervalMs = 250): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await sleep(intervalMs)
    }
  }
}
