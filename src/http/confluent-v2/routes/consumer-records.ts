/**
 * v2 records of a consumer instance (contracts.md §4): long-polls up to
 * `timeout` ms, returns at most `max_bytes` of keys and values, in the
 * instance's format. Beyond Confluent: records carry `timestamp` and
 * `headers`, and a generic Accept (application/json) takes the instance's
 * format instead of failing.
 */
import type { FastifyInstance } from 'fastify'
import Type, { type Static } from 'typebox'
import { GatewayError } from '../../../core/errors.ts'
import type { Gateway } from '../../../core/gateway.ts'
import { acceptedFormat, recordsMediaType } from '../media-types.ts'
import { v2RecordsJson } from '../records-json.ts'
import { ConsumedRecord, InstanceParams, RecordsQuery, v2Errors } from '../schemas.ts'
import { consumersOf } from './consumers.ts'

export function registerConsumerRecordRoutes (app: FastifyInstance, gateway: Gateway): void {
  app.get<{ Params: Static<typeof InstanceParams>, Querystring: Static<typeof RecordsQuery> }>('/consumers/:group/instances/:instance/records', {
    schema: {
      summary: 'Fetch records',
      description: 'Waits up to `timeout` ms for records (long-poll). Accept application/vnd.kafka.{format}.v2+json must name the instance\'s format; a generic Accept takes it.',
      tags: ['Confluent v2 consumers'],
      params: InstanceParams,
      querystring: RecordsQuery,
      response: { 200: Type.Array(ConsumedRecord), ...v2Errors },
    },
    config: { access: { operation: 'consume', resource: 'group' } },
  }, async (request, reply) => {
    const asked = acceptedFormat(request.headers.accept)
    if (asked?.format === 'schema') {
      throw new GatewayError('consumer_format_mismatch', `Accept asks for ${asked.name}, which needs a schema registry this gateway does not have; instances read binary, json or string`, { field: 'accept' })
    }
    const { records, format } = await consumersOf(gateway).records({ group: request.params.group, name: request.params.instance }, {
      ...(request.query.timeout !== undefined ? { timeoutMs: request.query.timeout } : {}),
      ...(request.query.max_bytes !== undefined ? { maxBytes: request.query.max_bytes } : {}),
      ...(asked ? { format: asked.format } : {}),
    })
    // Rendered as bytes here, not by the route schema (records-json.ts); the schema still documents the answer.
    return reply.type(recordsMediaType(asked?.name ?? format)).send(v2RecordsJson(records, format))
  })
}
