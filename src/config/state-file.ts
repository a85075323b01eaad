/**
 * The declarative state file (GATEWAY_STATE_FILE, issue 4): credentials,
 * permissions and access points defined in Git and in force on this
 * instance, read-only through the API. Secrets never appear in clear in the
 * file: a credential names the environment variable holding its secret
 * (`secretEnv`, e.g. a Kubernetes secret) or carries it sealed with the
 * master key (`sealedSecret`, from `kafka-gateway credentials seal`).
 * Every problem is reported at once, naming the entry to fix.
 */
import { readFileSync, statSync } from 'node:fs'
import Type, { type Static } from 'typebox'
import Value from 'typebox/value'
import type { CredentialKeysPort } from '../core/identity/credentials.ts'
import { checkEntry, type AccessPoint, type PermissionGrant, type StoredCredential } from '../core/identity/entries.ts'
import { compileMessageSchema } from '../core/identity/message-schema.ts'
import { OPERATIONS, RESOURCE_TYPES } from '../core/identity/principal.ts'
import type { DeclaredState } from '../core/identity/shared-state.ts'

const Id = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._-]+$' })
const Name = Type.String({ minLength: 1, maxLength: 256 })

const FileCredential = Type.Object({
  id: Id,
  principal: Name,
  description: Type.Optional(Type.String()),
  secretEnv: Type.Optional(Type.String({ minLength: 1 })),
  sealedSecret: Type.Optional(Type.String({ minLength: 1 })),
  createdAt: Type.Optional(Type.String()),
}, { additionalProperties: false })

const FilePermission = Type.Object({
  id: Id,
  principal: Type.Optional(Name),
  group: Type.Optional(Name),
  operations: Type.Array(Type.Union(OPERATIONS.map(o => Type.Literal(o))), { minItems: 1 }),
  resource: Type.Object({
    type: Type.Union(RESOURCE_TYPES.map(r => Type.Literal(r))),
    name: Type.Optional(Type.String({ minLength: 1 })),
    prefix: Type.Optional(Type.String()),
  }, { additionalProperties: false }),
  createdAt: Type.Optional(Type.String()),
}, { additionalProperties: false })

const FileAccessPoint = Type.Object({
  id: Id,
  name: Name,
  topic: Type.String({ minLength: 1, maxLength: 249, pattern: '^[a-zA-Z0-9._-]+$' }),
  description: Type.Optional(Type.String()),
  schema: Type.Optional(Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()])),
  limits: Type.Optional(Type.Object({
    recordsPerSecond: Type.Optional(Type.Integer({ minimum: 1 })),
    bytesPerSecond: Type.Optional(Type.Integer({ minimum: 1 })),
    maxMessageBytes: Type.Optional(Type.Integer({ minimum: 1 })),
  }, { additionalProperties: false })),
  allowedPrincipals: Type.Optional(Type.Array(Name)),
  status: Type.Optional(Type.Union([Type.Literal('running'), Type.Literal('paused')])),
  createdAt: Type.Optional(Type.String()),
}, { additionalProperties: false })

export const StateFileSchema = Type.Object({
  credentials: Type.Optional(Type.Array(FileCredential)),
  permissions: Type.Optional(Type.Array(FilePermission)),
  accessPoints: Type.Optional(Type.Array(FileAccessPoint)),
}, { additionalProperties: false })

export type StateFile = Static<typeof StateFileSchema>

export class StateFileError extends Error {
  readonly problems: string[]
  constructor (file: string, problems: string[]) {
    super(`GATEWAY_STATE_FILE ${file}:\n  - ${problems.join('\n  - ')}`)
    this.name = 'StateFileError'
    this.problems = problems
  }
}

function credentialOf (c: Static<typeof FileCredential>, createdAt: string, keys: CredentialKeysPort, env: Record<string, string | undefined>, problems: string[]): StoredCredential | null {
  const where = `credentials ${c.id}`
  if ((c.secretEnv === undefined) === (c.sealedSecret === undefined)) {
    problems.push(`${where}: give exactly one of secretEnv (a variable holding the secret) or sealedSecret (from kafka-gateway credentials seal)`)
    return null
  }
  try {
    let sealedSecret = c.sealedSecret
    if (c.secretEnv !== undefined) {
      const secret = env[c.secretEnv]
      if (secret === undefined || secret === '') { problems.push(`${where}: environment variable ${c.secretEnv} is not set`); return null }
      sealedSecret = keys.seal(secret, c.id)
    } else {
      keys.open(sealedSecret!, c.id) // a wrong master key or a secret sealed for another id fails here, at start
    }
    return { id: c.id, principal: c.principal, description: c.description ?? '', createdAt: c.createdAt ?? createdAt, revoked: false, sealedSecret: sealedSecret! }
  } catch (error) {
    problems.push(`${where}: ${(error as Error).message}`)
    return null
  }
}

export function loadStateFile (file: string, keys: CredentialKeysPort, env: Record<string, string | undefined> = process.env): DeclaredState {
  let parsed: unknown
  let createdAt: string
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'))
    createdAt = statSync(file).mtime.toISOString()
  } catch (error) {
    throw new StateFileError(file, [(error as Error).message])
  }
  const problems = [...Value.Errors(StateFileSchema, parsed)].map(e => `${e.instancePath || '(root)'}: ${e.message}`)
  if (problems.length > 0) throw new StateFileError(file, problems)
  const state = parsed as StateFile

  const credentials = (state.credentials ?? []).flatMap(c => credentialOf(c, createdAt, keys, env, problems) ?? [])
  const permissions: PermissionGrant[] = (state.permissions ?? []).map(p => ({ ...p, createdAt: p.createdAt ?? createdAt }))
  const accessPoints: AccessPoint[] = (state.accessPoints ?? []).map(a => ({
    id: a.id,
    name: a.name,
    topic: a.topic,
    description: a.description ?? '',
    schema: a.schema ?? null,
    limits: a.limits ?? {},
    allowedPrincipals: a.allowedPrincipals ?? [],
    status: a.status ?? 'running',
    createdAt: a.createdAt ?? createdAt,
    updatedAt: a.createdAt ?? createdAt,
  }))
  // The same rules as entries read from the state topic (e.g. exactly one of principal or group).
  for (const p of permissions) { const problem = checkEntry('permission', p.id, p); if (problem) problems.push(`permissions ${p.id}: ${problem}`) }
  for (const a of accessPoints) {
    const problem = checkEntry('access-point', a.id, a)
    if (problem) problems.push(`accessPoints ${a.id}: ${problem}`)
    try { if (a.schema) compileMessageSchema(a.schema) } catch (error) { problems.push(`accessPoints ${a.id}: ${(error as Error).message}`) }
  }
  for (const [kind, list] of [['credentials', credentials], ['permissions', permissions], ['accessPoints', accessPoints]] as const) {
    const seen = new Set<string>()
    for (const entry of list) {
      if (seen.has(entry.id)) problems.push(`${kind} ${entry.id}: the id appears twice`)
      seen.add(entry.id)
    }
  }
  if (problems.length > 0) throw new StateFileError(file, problems)
  return { credentials, permissions, accessPoints }
}
