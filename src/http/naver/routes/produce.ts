/**
 * POST {prefix}/produce (seed 003): one message to a topic, answered
 * `{status: 200, detail: "OK"}` once Kafka acknowledged it.
 */
import type { FastifyInstance } from 'fastify'
import type { Static } from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import { DETAIL } from '../errors.ts'
import { toProduceRecord } from '../mapping.ts'
import { naverErrors, NaverStatus, ProduceBody } from '../schemas.ts'

export function registerProduceRoute (app: FastifyInstance, gateway: Gateway): void {
  app.post<{ Body: Static<typeof ProduceBody> }>('/produce', {
    schema: {
      summary: 'Send a message (NAVER Data Stream)',
      description: 'Signed with NCP signature v2 (x-ncp-apigw-timestamp, x-ncp-iam-access-key, x-ncp-apigw-signature-v2). Without a partition, the key picks it like the Java client does.',
      tags: ['NAVER Data Stream'],
      body: ProduceBody,
      response: { 200: NaverStatus, ...naverErrors },
    },
    config: { checkedByDialect: true, access: { operation: 'produce', resource: 'topic', from: 'body.topic' } },
  }, async request => {
    const [result] = await gateway.produce.produce(request.body.topic, [toProduceRecord(request.body)])
    if (!result || !result.ok) throw result?.error
    return { status: 200, detail: DETAIL.ok }
  })
}
