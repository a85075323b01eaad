/**
 * API keys: create (the secret is in this answer only), list, revoke.
 */
import type { FastifyInstance } from 'fastify'
import Type, { type Static } from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import { audit } from '../../shared/audit.ts'
import { CredentialCreateBody, CredentialCreated, CredentialItem, IdParams } from '../identity-schemas.ts'
import { errorResponses } from '../schemas.ts'

const tags = ['identity']
const access = { operation: 'admin', resource: 'credentials' } as const

export function registerCredentialRoutes (app: FastifyInstance, gateway: Gateway): void {
  const credentials = gateway.identity.credentials

  app.post<{ Body: Static<typeof CredentialCreateBody> }>('/credentials', {
    schema: {
      summary: 'Create an API key',
      description: 'Returns the key id, its secret and the bearer token `gw_<id>_<secret>`. The secret is shown only in this answer and stored encrypted.',
      tags,
      body: CredentialCreateBody,
      response: { 201: CredentialCreated, ...errorResponses },
    },
    config: { access },
  }, async (request, reply) => {
    const created = await credentials.create(request.body)
    audit(request, 'credential.created', { target: { type: 'credential', id: created.id }, forPrincipal: created.principal })
    reply.code(201).header('cache-control', 'no-store')
    return created
  })

  app.get('/credentials', {
    schema: { summary: 'List API keys', description: 'Without secrets; revoked keys stay listed.', tags, response: { 200: Type.Object({ credentials: Type.Array(CredentialItem) }), ...errorResponses } },
    config: { access },
  }, async () => ({ credentials: credentials.list() }))

  app.delete<{ Params: Static<typeof IdParams> }>('/credentials/:id', {
    schema: { summary: 'Revoke an API key', description: 'At once on every gateway instance (within about a second).', tags, params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    config: { access },
  }, async (request, reply) => {
    await credentials.revoke(request.params.id)
    audit(request, 'credential.revoked', { target: { type: 'credential', id: request.params.id } })
    reply.code(204).send()
  })
}
