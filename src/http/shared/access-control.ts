/**
 * The one authentication + authorization hook (issue 4), registered at the
 * root so it guards every dialect the same way. It acts on routes that
 * declare `config.access` (access.ts), except those whose dialect checks
 * signatures itself (`config.checkedByDialect`, e.g. Tencent TC3):
 *
 *   onRequest   who is calling (src/auth/authenticator.ts), before the body is read
 *   preHandler  may they (core authorizer) and how much (core rate limiter),
 *               after validation so names in the body can be used, and
 *               before the handler writes anything
 *   onError     an audit line for every denial
 *
 * Failures are thrown as GatewayError, so each dialect's own error handler
 * renders its own 401/403/429.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Authenticator, WWW_AUTHENTICATE } from '../../auth/authenticator.ts'
import { certificatePrincipal } from '../../auth/client-certificate.ts'
import { GatewayError } from '../../core/errors.ts'
import type { Identity } from '../../core/identity/identity.ts'
import type { Principal, Resource } from '../../core/identity/principal.ts'
import type { AccessRequirement, ResourceKind } from './access.ts'
import { audit } from './audit.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the access-control hook on routes that declare `config.access`. */
    principal: Principal | null
  }
  interface FastifyInstance {
    /** Every route registered after the hook, with what it requires (null: open to anyone, e.g. /healthz). */
    routeAccess: RouteAccess[]
  }
}

export interface RouteAccess {
  method: string
  url: string
  /** `dialect`: the route checks its callers itself (`config.checkedByDialect`). */
  access: AccessRequirement | 'dialect' | null
}

/** Where a resource's name is read when the route does not say (`access.from`). */
const DEFAULT_FROM: Partial<Record<ResourceKind, string>> = { 'topic': 'topic', 'group': 'group', 'access-point': 'id' }
const READABLE = new Set(['params', 'body', 'query'])

/** `topic` = path parameter; `body.name`, `query.topic`, `params.topic_name` = that field. */
function readName (request: FastifyRequest, from: string | undefined): string | undefined {
  if (from === undefined) return undefined
  const path = from.includes('.') ? from.split('.') : ['params', from]
  if (!READABLE.has(path[0]!)) return undefined
  let node: unknown = request
  for (const segment of path) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[segment]
  }
  if (typeof node === 'number') return String(node)
  return typeof node === 'string' && node !== '' ? node : undefined
}

/** The resource a route acts on; null for routes that only need a caller (`self`). */
export function resourceOf (request: FastifyRequest, access: AccessRequirement): Resource | null {
  switch (access.resource) {
    case 'self': return null
    case 'cluster':
    case 'credentials': return { type: 'cluster' }
    default: {
      const name = readName(request, access.from ?? DEFAULT_FROM[access.resource])
      return name === undefined ? { type: access.resource } : { type: access.resource, name }
    }
  }
}

/** What the hook enforces on this request's route; nothing for open routes and routes their dialect checks itself. */
function requirementOf (request: FastifyRequest): AccessRequirement | undefined {
  const config = request.routeOptions.config
  return config.checkedByDialect === true ? undefined : config.access
}

function bodyBytes (request: FastifyRequest): number {
  const length = Number(request.headers['content-length'])
  return Number.isSafeInteger(length) && length > 0 ? length : 0
}

export function registerAccessControl (app: FastifyInstance, identity: Identity, authenticator: Authenticator): void {
  app.decorateRequest('principal', null)
  // A list of what each route requires: tests check that every dialect route is guarded.
  const routes: RouteAccess[] = []
  app.decorate('routeAccess', routes)
  app.addHook('onRoute', route => {
    const access = route.config?.checkedByDialect === true ? 'dialect' : route.config?.access ?? null
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access })
  })

  app.addHook('onRequest', async (request, reply) => {
    if (!requirementOf(request)) return
    try {
      request.principal = await authenticator.authenticate({
        authorization: request.headers.authorization,
        certificate: certificatePrincipal(request.raw.socket),
      })
    } catch (error) {
      if (error instanceof GatewayError && error.code === 'unauthenticated') reply.header('www-authenticate', WWW_AUTHENTICATE)
      throw error
    }
  })

  app.addHook('preHandler', async request => {
    const access = requirementOf(request)
    const principal = request.principal
    if (!access || !principal) return
    const resource = resourceOf(request, access)
    if (resource) identity.authorizer.authorize(principal, access.operation, resource)
    identity.admitRequest(principal, bodyBytes(request))
  })

  app.addHook('onError', async (request, _reply, error) => {
    if (!(error instanceof GatewayError) || (error.code !== 'forbidden' && error.code !== 'unauthenticated')) return
    const access = requirementOf(request)
    const resource = access ? resourceOf(request, access) : null
    audit(request, error.code === 'forbidden' ? 'access.denied' : 'authentication.failed', {
      ...(access ? { operation: access.operation } : {}),
      ...(resource ? { resource } : {}),
      reason: error.message,
    }, 'warn')
  })
}
