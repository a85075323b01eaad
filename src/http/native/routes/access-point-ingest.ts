/**
 * Ingest through an access point: the record shape and answer of native
 * produce (records.ts), the access point's rules from the core.
 */
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import { IdParams } from '../identity-schemas.ts'
import { normalizeProduceBody, produceAnswer, toProduceRecords } from '../mapping.ts'
import { errorResponses, ProduceBody, ProduceQuery, ProduceResponse } from '../schemas.ts'

export function registerAccessPointIngestRoutes (app: FastifyInstance, gateway: Gateway): void {
  app.post<{ Params: Static<typeof IdParams>, Querystring: Static<typeof ProduceQuery>, Body: Static<typeof ProduceBody> }>('/access-points/:id/messages', {
    schema: {
      summary: 'Send messages through an access point',
      description: 'Same records and answer as producing to a topic. Refused as a whole (nothing written) when the access point is paused (409), a value breaks its JSON Schema (422, naming the record and field), a message is too large (413) or a limit is reached (429 with Retry-After).',
      tags: ['access points'],
      params: IdParams,
      querystring: ProduceQuery,
      body: ProduceBody,
      response: { 200: ProduceResponse, 207: ProduceResponse, ...errorResponses },
    },
    config: { access: { operation: 'produce', resource: 'access-point' } },
    preValidation: async request => { request.body = normalizeProduceBody(request.body) as Static<typeof ProduceBody> },
  }, async (request, reply) => {
    const records = toProduceRecords(request.body, {
      keyEncoding: request.query.keyEncoding ?? 'json',
      valueEncoding: request.query.valueEncoding ?? 'json',
    })
    const { accessPoint, results } = await gateway.identity.ingest.ingest(request.params.id, request.principal!, records)
    const answer = produceAnswer(accessPoint.topic, results)
    reply.code(answer.status)
    return answer.body
  })
}
