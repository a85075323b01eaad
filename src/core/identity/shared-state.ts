/**
 * The in-memory view of the state every gateway instance shares (issue 4):
 * credentials, permissions and access points, read from the state store and
 * kept current by following it, plus the read-only entries of the
 * declarative file. Reads are synchronous map lookups; writes go through
 * the store and return once this instance has applied them.
 */
import { GatewayError } from '../errors.ts'
import { checkEntry, entryKey, ENTRY_TYPES, splitEntryKey, type EntryByType, type EntryType } from './entries.ts'
import type { StateStorePort } from './state-port.ts'

/** Entries defined in the declarative file (GATEWAY_STATE_FILE): in force, never writable through the API. */
export interface DeclaredState {
  credentials: EntryByType['credential'][]
  permissions: EntryByType['permission'][]
  accessPoints: EntryByType['access-point'][]
}

export const NO_DECLARED_STATE: DeclaredState = { credentials: [], permissions: [], accessPoints: [] }

export interface StateLog {
  warn (details: object, message: string): void
  info (details: object, message: string): void
}

const SILENT: StateLog = { warn () {}, info () {} }

type Maps = { [T in EntryType]: Map<string, EntryByType[T]> }

function emptyMaps (): Maps {
  return { 'credential': new Map(), 'permission': new Map(), 'access-point': new Map() }
}

export type StateChangeListener = (type: EntryType, id: string) => void

export class SharedState {
  readonly #store: StateStorePort
  readonly #log: StateLog
  readonly #stored: Maps = emptyMaps()
  readonly #declared: Maps = emptyMaps()
  readonly #listeners = new Set<StateChangeListener>()
  #ready = false
  #starting: Promise<void> | null = null

  constructor (store: StateStorePort, declared: DeclaredState = NO_DECLARED_STATE, log: StateLog = SILENT) {
    this.#store = store
    this.#log = log
    for (const c of declared.credentials) this.#declared.credential.set(c.id, c)
    for (const p of declared.permissions) this.#declared.permission.set(p.id, p)
    for (const a of declared.accessPoints) this.#declared['access-point'].set(a.id, a)
  }

  /** Starts loading and following the store; idempotent. Until loaded, state-dependent requests get 503. */
  start (): Promise<void> {
    this.#starting ??= this.#store.start((key, value) => this.#apply(key, value)).then(() => {
      this.#ready = true
      const counts = Object.fromEntries(ENTRY_TYPES.map(t => [t, this.#stored[t].size]))
      this.#log.info({ entries: counts }, 'shared state loaded')
    })
    return this.#starting
  }

  get ready (): boolean { return this.#ready }

  assertReady (): void {
    if (!this.#ready) {
      throw new GatewayError('state_unavailable', 'the gateway is still loading credentials, permissions and access points from Kafka; retry shortly', { retryAfterSeconds: 2 })
    }
  }

  onChange (listener: StateChangeListener): () => void {
    this.#listeners.add(listener)
    return () => { this.#listeners.delete(listener) }
  }

  get<T extends EntryType> (type: T, id: string): EntryByType[T] | undefined {
    return (this.#declared[type] as Map<string, EntryByType[T]>).get(id) ?? (this.#stored[type] as Map<string, EntryByType[T]>).get(id)
  }

  /** Declared and stored entries, oldest first (a declared entry hides a stored one with its id). */
  list<T extends EntryType> (type: T): EntryByType[T][] {
    const declared = this.#declared[type] as Map<string, EntryByType[T]>
    const stored = [...(this.#stored[type] as Map<string, EntryByType[T]>).values()].filter(e => !declared.has(e.id))
    return [...declared.values(), ...stored].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  }

  isDeclared (type: EntryType, id: string): boolean {
    return this.#declared[type].has(id)
  }

  async put<T extends EntryType> (type: T, entry: EntryByType[T]): Promise<void> {
    this.#assertWritable(type, entry.id)
    await this.#store.put(entryKey(type, entry.id), entry)
  }

  async remove (type: EntryType, id: string): Promise<void> {
    this.#assertWritable(type, id)
    await this.#store.delete(entryKey(type, id))
  }

  #assertWritable (type: EntryType, id: string): void {
    this.assertReady()
    if (this.isDeclared(type, id)) {
      throw new GatewayError('read_only_entry', `${type} ${id} is defined in the declarative state file (GATEWAY_STATE_FILE) and cannot be changed through the API; change the file and restart the gateway`)
    }
  }

  #apply (key: string, value: unknown): void {
    const parsed = splitEntryKey(key)
    if (!parsed) {
      this.#log.warn({ key }, 'ignoring a shared-state entry with an unknown key')
      return
    }
    const map = this.#stored[parsed.type] as Map<string, unknown>
    if (value === null) {
      map.delete(parsed.id)
    } else {
      const problem = checkEntry(parsed.type, parsed.id, value)
      if (problem) {
        this.#log.warn({ key, problem }, 'ignoring a malformed shared-state entry')
        return
      }
      map.set(parsed.id, value)
    }
    for (const listener of this.#listeners) listener(parsed.type, parsed.id)
  }
}
