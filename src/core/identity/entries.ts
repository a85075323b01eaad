/**
 * The entries of the shared state (issue 4 "State that every instance
 * shares"): credentials, permissions and access points. Each is stored under
 * the key `<type>/<id>` as JSON; these types are that JSON. Values read back
 * from the state topic come from other gateway instances (or an older
 * version), so they are checked before use rather than trusted.
 */
import { OPERATIONS, RESOURCE_TYPES, type Operation, type ResourceType } from './principal.ts'

export const ENTRY_TYPES = ['credential', 'permission', 'access-point'] as const
export type EntryType = (typeof ENTRY_TYPES)[number]

export interface StoredCredential {
  id: string
  principal: string
  description: string
  createdAt: string
  revoked: boolean
  /** The secret sealed with the master key (AES-256-GCM, see src/auth/secret-box.ts); null once revoked. */
  sealedSecret: string | null
}

export interface PermissionResource {
  type: ResourceType
  /** Exactly this resource. */
  name?: string
  /** Every resource whose name starts with this ('' = all of the type). */
  prefix?: string
}

export interface PermissionGrant {
  id: string
  principal?: string
  group?: string
  operations: Operation[]
  resource: PermissionResource
  createdAt: string
}

export interface AccessPointLimits {
  recordsPerSecond?: number
  bytesPerSecond?: number
  maxMessageBytes?: number
}

export type AccessPointStatus = 'running' | 'paused'

export interface AccessPoint {
  id: string
  name: string
  topic: string
  description: string
  /** JSON Schema every message value must satisfy, or null. */
  schema: Record<string, unknown> | null
  limits: AccessPointLimits
  allowedPrincipals: string[]
  status: AccessPointStatus
  createdAt: string
  updatedAt: string
}

export interface EntryByType {
  'credential': StoredCredential
  'permission': PermissionGrant
  'access-point': AccessPoint
}

export function entryKey (type: EntryType, id: string): string {
  return `${type}/${id}`
}

export function splitEntryKey (key: string): { type: EntryType, id: string } | null {
  const slash = key.indexOf('/')
  if (slash <= 0) return null
  const type = key.slice(0, slash)
  const id = key.slice(slash + 1)
  if (!(ENTRY_TYPES as readonly string[]).includes(type) || id === '') return null
  return { type: type as EntryType, id }
}

type Obj = Record<string, unknown>
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v)
const isStr = (v: unknown): v is string => typeof v === 'string'
const optStr = (v: unknown): boolean => v === undefined || isStr(v)
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr)
const optPositiveInt = (v: unknown): boolean => v === undefined || (Number.isSafeInteger(v) && (v as number) > 0)

function checkCredential (v: Obj): string | null {
  if (!isStr(v.id) || !isStr(v.principal) || !isStr(v.description) || !isStr(v.createdAt)) return 'a credential needs id, principal, description and createdAt strings'
  if (typeof v.revoked !== 'boolean') return 'credential.revoked must be a boolean'
  if (v.sealedSecret !== null && !isStr(v.sealedSecret)) return 'credential.sealedSecret must be a string or null'
  if (!v.revoked && v.sealedSecret === null) return 'an active credential needs its sealedSecret'
  return null
}

export function checkPermissionResource (r: unknown): string | null {
  if (!isObj(r) || !(RESOURCE_TYPES as readonly unknown[]).includes(r.type)) return `resource.type must be one of ${RESOURCE_TYPES.join(', ')}`
  if (!optStr(r.name) || !optStr(r.prefix)) return 'resource.name and resource.prefix must be strings'
  if (r.type === 'cluster') {
    return r.name === undefined && r.prefix === undefined ? null : 'a cluster resource has neither name nor prefix'
  }
  if ((r.name === undefined) === (r.prefix === undefined)) return `a ${String(r.type)} resource needs exactly one of name (one resource) or prefix (every name starting with it; "" for all)`
  if (r.name === '') return 'resource.name must not be empty; use prefix "" to mean all'
  return null
}

function checkPermission (v: Obj): string | null {
  if (!isStr(v.id) || !isStr(v.createdAt)) return 'a permission needs id and createdAt strings'
  if ((v.principal === undefined) === (v.group === undefined) || !optStr(v.principal) || !optStr(v.group)) return 'a permission names exactly one of principal or group'
  if (!Array.isArray(v.operations) || v.operations.length === 0 || !v.operations.every(o => (OPERATIONS as readonly unknown[]).includes(o))) {
    return `permission.operations must be a non-empty list of ${OPERATIONS.join(', ')}`
  }
  return checkPermissionResource(v.resource)
}

function checkAccessPoint (v: Obj): string | null {
  if (!isStr(v.id) || !isStr(v.name) || !isStr(v.topic) || !isStr(v.description) || !isStr(v.createdAt) || !isStr(v.updatedAt)) {
    return 'an access point needs id, name, topic, description, createdAt and updatedAt strings'
  }
  if (v.schema !== null && !isObj(v.schema)) return 'accessPoint.schema must be an object or null'
  if (!isObj(v.limits) || !optPositiveInt(v.limits.recordsPerSecond) || !optPositiveInt(v.limits.bytesPerSecond) || !optPositiveInt(v.limits.maxMessageBytes)) {
    return 'accessPoint.limits values must be positive integers'
  }
  if (!isStrArray(v.allowedPrincipals)) return 'accessPoint.allowedPrincipals must be a list of strings'
  if (v.status !== 'running' && v.status !== 'paused') return 'accessPoint.status must be running or paused'
  return null
}

const CHECKS: Record<EntryType, (v: Obj) => string | null> = {
  'credential': checkCredential,
  'permission': checkPermission,
  'access-point': checkAccessPoint,
}

/** Null when `value` is a well-formed entry of `type` whose id matches the key; otherwise what is wrong. */
export function checkEntry (type: EntryType, id: string, value: unknown): string | null {
  if (!isObj(value)) return 'the value is not a JSON object'
  const problem = CHECKS[type](value)
  if (problem) return problem
  return value.id === id ? null : `the id inside (${String(value.id)}) differs from the key (${id})`
}
