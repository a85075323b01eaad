/**
 * What a route needs from the caller, declared next to the route so one
 * authorizer can decide for every dialect. `from` names where the resource
 * name is read (default: the `topic` path parameter).
 */
export type Operation = 'produce' | 'consume' | 'describe' | 'admin'
export type ResourceKind = 'topic' | 'group' | 'cluster' | 'access-point' | 'credentials'

export interface AccessRequirement {
  operation: Operation
  resource: ResourceKind
  from?: string
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRequirement
  }
}
