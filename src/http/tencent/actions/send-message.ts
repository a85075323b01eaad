/**
 * SendMessage (contracts.md §1, seeds 000/001): messages into an access
 * point (`DataHubId`). The core's ingest decides everything: who may send
 * (`produce` on the access point, or being in its allowed principals),
 * paused (`FailedOperation` "task status suspended [<id>]"), schema, sizes
 * and limits, all before anything is written.
 */
import type { GatewayError } from '../../../core/errors.ts'
import type { ProduceResult } from '../../../core/model.ts'
import { TencentError, tencentCodeOf } from '../errors.ts'
import { messageId, toProduceRecords } from '../mapping.ts'
import { SendMessageParams } from '../schemas.ts'
import { defineAction } from './action.ts'

/**
 * Some messages were written and some not (e.g. one partition's leader was
 * down). The answer can only carry MessageIds for all or fail as a whole, so
 * it fails with the first failure's code and says exactly which messages
 * to resend, so that resending does not duplicate the others.
 */
function partialFailure (results: ProduceResult[]): TencentError | null {
  const failed: Array<{ index: number, error: GatewayError }> = []
  results.forEach((result, index) => { if (!result.ok) failed.push({ index, error: result.error }) })
  const first = failed[0]
  if (first === undefined) return null
  const detail = `Message.${first.index}: ${first.error.message}`
  const message = failed.length === results.length
    ? `none of the ${results.length} messages was written (${detail})`
    : `${failed.length} of ${results.length} messages were not written (${detail}); the others were written, so resend only Message ${failed.map(f => f.index).join(', ')}`
  return new TencentError(tencentCodeOf(first.error), message, {
    retryAfterSeconds: first.error.retryable ? first.error.retryAfterSeconds : undefined,
    gatewayError: first.error,
  })
}

export const sendMessage = defineAction('SendMessage', SendMessageParams, async (context, params) => {
  context.intend('produce', { type: 'access-point', name: params.DataHubId })
  const { accessPoint, results, receivedAt } = await context.gateway.identity.ingest.ingest(params.DataHubId, context.principal, toProduceRecords(params.Message))
  const ackedAt = Date.now()
  const failure = partialFailure(results)
  if (failure) throw failure
  return {
    // Every result is a success here (failures were thrown above): one id per message, in order.
    MessageId: results.flatMap(r => r.ok ? [messageId(accessPoint.id, accessPoint.topic, r.partition, r.offset, receivedAt, ackedAt)] : []),
  }
})
