/**
 * Message query (contracts.md §1; seed 001 "查询消息": the message at
 * offset 2 of partition 4 of topicDev): one record by offset, a list from
 * an offset, a list from a time. Needs `consume` on the topic; reads
 * through the core's fetch use-case, so its limits and errors apply.
 * Unlike Tencent, the lists carry each record's Key and Value too.
 */
import type { OffsetSpec } from '../../../core/model.ts'
import { TencentError } from '../errors.ts'
import { toConsumerRecord } from '../mapping.ts'
import { FetchMessageByOffsetParams, FetchMessageListByOffsetParams, FetchMessageListByTimestampParams, MAX_QUERY_RECORDS } from '../schemas.ts'
import { defineAction, type ActionContext } from './action.ts'

async function queryRecords (context: ActionContext, topic: string, partition: number, from: OffsetSpec, limit: number): Promise<Array<Record<string, unknown>>> {
  const { records } = await context.gateway.fetch.fetchPartition({ topic, partition, from, limit })
  return records.map(toConsumerRecord)
}

async function allowedQuery (context: ActionContext, params: { InstanceId: string, Topic: string }): Promise<void> {
  context.authorize('consume', { type: 'topic', name: params.Topic })
  await context.instances.check(params.InstanceId)
}

export const fetchMessageByOffset = defineAction('FetchMessageByOffset', FetchMessageByOffsetParams, async (context, params) => {
  await allowedQuery(context, params)
  const [record] = await queryRecords(context, params.Topic, params.Partition, { kind: 'offset', offset: params.Offset }, 1)
  // The next record may come later than asked for (compacted away, or a transaction marker).
  if (record === undefined || record.Offset !== params.Offset) {
    throw new TencentError('ResourceNotFound', `there is no message at offset ${params.Offset} of topic ${params.Topic} partition ${params.Partition}`)
  }
  return { Result: record }
})

export const fetchMessageListByOffset = defineAction('FetchMessageListByOffset', FetchMessageListByOffsetParams, async (context, params) => {
  await allowedQuery(context, params)
  const limit = params.SinglePartitionRecordNumber ?? MAX_QUERY_RECORDS
  return { Result: await queryRecords(context, params.Topic, params.Partition, { kind: 'offset', offset: params.Offset }, limit) }
})

/** Without Partition, every partition of the topic, each from StartTime (from the beginning without it). */
export const fetchMessageListByTimestamp = defineAction('FetchMessageListByTimestamp', FetchMessageListByTimestampParams, async (context, params) => {
  await allowedQuery(context, params)
  const limit = params.SinglePartitionRecordNumber ?? MAX_QUERY_RECORDS
  const from: OffsetSpec = params.StartTime === undefined ? { kind: 'earliest' } : { kind: 'timestamp', timestamp: params.StartTime }
  const partitions = params.Partition !== undefined
    ? [params.Partition]
    : Array.from({ length: await context.gateway.admin.partitionCount(params.Topic) }, (_, p) => p)
  const lists = await Promise.all(partitions.map(p => queryRecords(context, params.Topic, p, from, limit)))
  return { Result: lists.flat() }
})
