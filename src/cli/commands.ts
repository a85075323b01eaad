/**
 * The CLI's subcommands: the native admin API (docs/security.md) from a
 * terminal, so an operator can bootstrap the first key with the admin token.
 */
import { readFileSync } from 'node:fs'
import type { ParseArgsOptionsConfig } from 'node:util'
import { createCredentialKeys } from '../auth/credential-keys.ts'
import { readMasterKey } from '../auth/master-key.ts'
import type { AccessPoint, PermissionGrant } from '../core/identity/entries.ts'
import type { AdminClient } from './admin-client.ts'
import { fields, table } from './output.ts'
import { formatResource, parseResourceSpec } from './resource-spec.ts'

export interface CommandContext {
  client: AdminClient
  values: Record<string, string | boolean | undefined>
  positionals: string[]
  env: Record<string, string | undefined>
}

export interface CommandOutput {
  json: unknown
  text: string
}

export interface Command {
  path: string
  usage: string
  summary: string
  options: ParseArgsOptionsConfig
  run (ctx: CommandContext): Promise<CommandOutput>
}

export class UsageError extends Error {}

function str (ctx: CommandContext, name: string): string | undefined {
  const value = ctx.values[name]
  return typeof value === 'string' ? value : undefined
}

function required (ctx: CommandContext, name: string): string {
  const value = str(ctx, name)
  if (value === undefined || value === '') throw new UsageError(`--${name} is required`)
  return value
}

function idArgument (ctx: CommandContext, what: string): string {
  const id = ctx.positionals[0]
  if (id === undefined || ctx.positionals.length > 1) throw new UsageError(`give exactly one ${what} id`)
  return encodeURIComponent(id)
}

function positiveInt (ctx: CommandContext, name: string): number | undefined {
  const raw = str(ctx, name)
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isSafeInteger(value) || value < 1) throw new UsageError(`--${name} must be a positive integer`)
  return value
}

function list (value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(',').map(s => s.trim()).filter(Boolean)
}

const accessPointText = (a: AccessPoint & { ingestPath?: string }): string => fields([
  ['id', a.id], ['name', a.name], ['topic', a.topic], ['status', a.status], ['description', a.description],
  ['limits', JSON.stringify(a.limits)], ['allowed', a.allowedPrincipals.join(', ') || '(granted principals only)'],
  ['schema', a.schema === null ? '(none)' : 'yes'], ['ingest', a.ingestPath ?? ''],
])

const grantee = (p: PermissionGrant): string => p.principal !== undefined ? `principal:${p.principal}` : `group:${p.group ?? ''}`

const accessPointOptions: ParseArgsOptionsConfig = {
  'name': { type: 'string' },
  'topic': { type: 'string' },
  'description': { type: 'string' },
  'schema-file': { type: 'string' },
  'records-per-second': { type: 'string' },
  'bytes-per-second': { type: 'string' },
  'max-message-bytes': { type: 'string' },
  'allow': { type: 'string' },
}

function accessPointBody (ctx: CommandContext, requireAll: boolean): Record<string, unknown> {
  const schemaFile = str(ctx, 'schema-file')
  let schema: unknown
  if (schemaFile !== undefined) {
    try {
      schema = JSON.parse(readFileSync(schemaFile, 'utf8'))
    } catch (error) {
      throw new UsageError(`--schema-file ${schemaFile}: ${(error as Error).message}`)
    }
  }
  const limits = {
    recordsPerSecond: positiveInt(ctx, 'records-per-second'),
    bytesPerSecond: positiveInt(ctx, 'bytes-per-second'),
    maxMessageBytes: positiveInt(ctx, 'max-message-bytes'),
  }
  const hasLimits = Object.values(limits).some(v => v !== undefined)
  const body: Record<string, unknown> = {
    name: requireAll ? required(ctx, 'name') : str(ctx, 'name'),
    topic: requireAll ? required(ctx, 'topic') : str(ctx, 'topic'),
    description: str(ctx, 'description'),
    schema,
    limits: hasLimits ? JSON.parse(JSON.stringify(limits)) : undefined,
    allowedPrincipals: list(str(ctx, 'allow')),
  }
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined))
}

const accessPointAction = (action: 'pause' | 'resume'): Command => ({
  path: `access-points ${action}`,
  usage: `access-points ${action} <id>`,
  summary: action === 'pause' ? 'Pause: every instance refuses its messages within a second' : 'Resume accepting messages',
  options: {},
  async run (ctx) {
    const a = await ctx.client.request('POST', `/access-points/${idArgument(ctx, 'access point')}/${action}`) as AccessPoint
    return { json: a, text: `${a.id} is ${a.status}` }
  },
})

export const COMMANDS: Command[] = [
  {
    path: 'whoami',
    usage: 'whoami',
    summary: 'Show the principal the token authenticates as',
    options: {},
    async run (ctx) {
      const me = await ctx.client.request('GET', '/whoami') as { principal: string, kind: string, groups: string[], admin: boolean, permissions: PermissionGrant[] }
      return { json: me, text: fields([['principal', me.principal], ['kind', me.kind], ['groups', me.groups.join(', ')], ['admin', String(me.admin)], ['permissions', String(me.permissions.length)]]) }
    },
  },
  {
    path: 'credentials create',
    usage: 'credentials create --principal NAME [--description TEXT]',
    summary: 'Create an API key; its secret is printed once',
    options: { principal: { type: 'string' }, description: { type: 'string' } },
    async run (ctx) {
      const body = { principal: required(ctx, 'principal'), ...(str(ctx, 'description') !== undefined ? { description: str(ctx, 'description') } : {}) }
      const c = await ctx.client.request('POST', '/credentials', body) as { id: string, secret: string, token: string, principal: string }
      return { json: c, text: `${fields([['id', c.id], ['secret', c.secret], ['token', c.token], ['principal', c.principal]])}\nStore the secret now: the gateway never shows it again.` }
    },
  },
  {
    path: 'credentials list',
    usage: 'credentials list',
    summary: 'List API keys (never their secrets)',
    options: {},
    async run (ctx) {
      const { credentials } = await ctx.client.request('GET', '/credentials') as { credentials: Array<{ id: string, principal: string, description: string, createdAt: string, revoked: boolean }> }
      return { json: { credentials }, text: table(credentials.map(c => ({ id: c.id, principal: c.principal, revoked: c.revoked ? 'yes' : 'no', created: c.createdAt, description: c.description })), ['id', 'principal', 'revoked', 'created', 'description']) }
    },
  },
  {
    path: 'credentials revoke',
    usage: 'credentials revoke <id>',
    summary: 'Revoke an API key on every instance',
    options: {},
    async run (ctx) {
      const id = idArgument(ctx, 'credential')
      await ctx.client.request('DELETE', `/credentials/${id}`)
      return { json: { id: decodeURIComponent(id), revoked: true }, text: `revoked ${decodeURIComponent(id)}` }
    },
  },
  {
    path: 'credentials seal',
    usage: 'credentials seal --principal NAME [--description TEXT]   (offline; needs GATEWAY_MASTER_KEY or GATEWAY_MASTER_KEY_FILE)',
    summary: 'Make a key for the declarative state file: the entry with the secret sealed, and the token',
    options: { principal: { type: 'string' }, description: { type: 'string' } },
    async run (ctx) {
      const master = readMasterKey({ masterKey: ctx.env.GATEWAY_MASTER_KEY || undefined, masterKeyFile: ctx.env.GATEWAY_MASTER_KEY_FILE || undefined })
      if (master.problems.length > 0 || master.key === undefined) throw new UsageError(master.problems[0] ?? 'set GATEWAY_MASTER_KEY or GATEWAY_MASTER_KEY_FILE to the master key of the gateways')
      const keys = createCredentialKeys(master.key)
      const { id, secret, token } = keys.generate()
      const entry = { id, principal: required(ctx, 'principal'), ...(str(ctx, 'description') !== undefined ? { description: str(ctx, 'description') } : {}), sealedSecret: keys.seal(secret, id) }
      return { json: { entry, secret, token }, text: `Add to "credentials" in the state file:\n${JSON.stringify(entry, null, 2)}\n\n${fields([['secret', secret], ['token', token]])}\nStore the secret now: it is not shown again.` }
    },
  },
  {
    path: 'permissions grant',
    usage: 'permissions grant (--principal NAME | --group NAME) --operations produce,consume,describe,admin --resource cluster|topic:NAME|topic:PREFIX*|group:…|access-point:ID',
    summary: 'Grant operations on a resource',
    options: { principal: { type: 'string' }, group: { type: 'string' }, operations: { type: 'string' }, resource: { type: 'string' } },
    async run (ctx) {
      const principal = str(ctx, 'principal')
      const group = str(ctx, 'group')
      if ((principal === undefined) === (group === undefined)) throw new UsageError('give exactly one of --principal or --group')
      let resource
      try { resource = parseResourceSpec(required(ctx, 'resource')) } catch (error) { throw new UsageError((error as Error).message) }
      const body = { ...(principal !== undefined ? { principal } : { group }), operations: list(required(ctx, 'operations')), resource }
      const p = await ctx.client.request('POST', '/permissions', body) as PermissionGrant
      return { json: p, text: `granted ${p.id}: ${grantee(p)} may ${p.operations.join(', ')} on ${formatResource(p.resource)}` }
    },
  },
  {
    path: 'permissions list',
    usage: 'permissions list',
    summary: 'List permissions',
    options: {},
    async run (ctx) {
      const { permissions } = await ctx.client.request('GET', '/permissions') as { permissions: PermissionGrant[] }
      return { json: { permissions }, text: table(permissions.map(p => ({ id: p.id, grantee: grantee(p), operations: p.operations.join(','), resource: formatResource(p.resource) })), ['id', 'grantee', 'operations', 'resource']) }
    },
  },
  {
    path: 'permissions revoke',
    usage: 'permissions revoke <id>',
    summary: 'Revoke a permission',
    options: {},
    async run (ctx) {
      const id = idArgument(ctx, 'permission')
      await ctx.client.request('DELETE', `/permissions/${id}`)
      return { json: { id: decodeURIComponent(id), revoked: true }, text: `revoked ${decodeURIComponent(id)}` }
    },
  },
  {
    path: 'access-points create',
    usage: 'access-points create --name NAME --topic TOPIC [--description TEXT] [--schema-file FILE] [--records-per-second N] [--bytes-per-second N] [--max-message-bytes N] [--allow P1,P2]',
    summary: 'Create an access point',
    options: accessPointOptions,
    async run (ctx) {
      const a = await ctx.client.request('POST', '/access-points', accessPointBody(ctx, true)) as AccessPoint
      return { json: a, text: accessPointText(a) }
    },
  },
  {
    path: 'access-points update',
    usage: 'access-points update <id> [--name NAME] [--topic TOPIC] [--description TEXT] [--schema-file FILE] [--records-per-second N] [--bytes-per-second N] [--max-message-bytes N] [--allow P1,P2]',
    summary: 'Change an access point (limits replace the current ones)',
    options: accessPointOptions,
    async run (ctx) {
      const id = idArgument(ctx, 'access point')
      const body = accessPointBody(ctx, false)
      if (Object.keys(body).length === 0) throw new UsageError('give at least one field to change')
      const a = await ctx.client.request('PATCH', `/access-points/${id}`, body) as AccessPoint
      return { json: a, text: accessPointText(a) }
    },
  },
  {
    path: 'access-points list',
    usage: 'access-points list',
    summary: 'List access points',
    options: {},
    async run (ctx) {
      const { accessPoints } = await ctx.client.request('GET', '/access-points') as { accessPoints: AccessPoint[] }
      return { json: { accessPoints }, text: table(accessPoints.map(a => ({ id: a.id, name: a.name, topic: a.topic, status: a.status })), ['id', 'name', 'topic', 'status']) }
    },
  },
  {
    path: 'access-points get',
    usage: 'access-points get <id>',
    summary: 'Show an access point',
    options: {},
    async run (ctx) {
      const a = await ctx.client.request('GET', `/access-points/${idArgument(ctx, 'access point')}`) as AccessPoint
      return { json: a, text: accessPointText(a) }
    },
  },
  accessPointAction('pause'),
  accessPointAction('resume'),
  {
    path: 'access-points delete',
    usage: 'access-points delete <id>',
    summary: 'Delete an access point',
    options: {},
    async run (ctx) {
      const id = idArgument(ctx, 'access point')
      await ctx.client.request('DELETE', `/access-points/${id}`)
      return { json: { id: decodeURIComponent(id), deleted: true }, text: `deleted ${decodeURIComponent(id)}` }
    },
  },
]
