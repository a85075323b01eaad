/**
 * What a route needs from the caller, declared next to the route so one
 * authorizer can decide for every dialect. `from` names where the resource
 * name is read (default: the path parameter named after the resource:
 * `topic`, `group`, or `id` for an access point; `body.name` etc. for others).
 */
export type Operation = 'produce' | 'consume' | 'describe' | 'admin'
/** `self`: the route needs an authenticated caller and nothing more (e.g. whoami). */
export type ResourceKind = 'topic' | 'group' | 'cluster' | 'access-point' | 'credentials' | 'self'

export interface AccessRequirement {
  operation: Operation
  resource: ResourceKind
  from?: string
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRequirement
    /**
     * The dialect authenticates and authorizes this route itself, with the
     * core's identity (TC3 or NCP signatures: docs/security.md "For dialect
     * authors"); the root access-control hook leaves it alone.
     */
    checkedByDialect?: boolean
  }
}
