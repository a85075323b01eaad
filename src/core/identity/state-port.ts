/**
 * What the core needs to share state between gateway instances (issue 4):
 * a keyed log every instance reads in full and then follows. src/kafka
 * implements it on a compacted topic; memory-state-store.ts in-process.
 */

/** Called for every entry in log order; `value` null means the key was deleted. */
export type StateApply = (key: string, value: unknown) => void

export interface StateStorePort {
  /**
   * Reads every entry there is, calling `apply` for each, and resolves once
   * caught up with the end of the log; then keeps following it and applies
   * changes written by any instance. Retries on its own while the backing
   * store is unreachable; rejects only when closed first.
   */
  start (apply: StateApply): Promise<void>
  /** Writes an entry and resolves only after this instance has applied it (read-your-writes). */
  put (key: string, value: unknown): Promise<void>
  /** Deletes an entry (a tombstone); resolves after this instance applied the deletion. */
  delete (key: string): Promise<void>
  close (): Promise<void>
}
