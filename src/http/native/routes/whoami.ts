/**
 * Who am I: the caller as the gateway sees it, with the permissions that
 * apply to it (the web console shows this).
 */
import type { FastifyInstance } from 'fastify'
import type { Gateway } from '../../../core/gateway.ts'
import { Whoami } from '../identity-schemas.ts'
import { errorResponses } from '../schemas.ts'

export function registerWhoamiRoutes (app: FastifyInstance, gateway: Gateway): void {
  app.get('/whoami', {
    schema: {
      summary: 'The calling principal',
      description: 'Principal, kind, groups, whether it is an administrator, and its permissions. With GATEWAY_AUTH_MODE=none: anonymous, administrator.',
      tags: ['identity'],
      response: { 200: Whoami, ...errorResponses },
    },
    config: { access: { operation: 'describe', resource: 'self' } },
  }, async request => gateway.identity.whoami(request.principal!))
}
