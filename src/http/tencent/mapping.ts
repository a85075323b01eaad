/**
 * Pure translations between the Tencent CKafka wire shapes and the core's
 * data (contracts.md §1, seeds 000/001).
 */
import type { AccessPoint } from '../../core/identity/entries.ts'
import type { ConsumedRecord, ProduceRecord } from '../../core/model.ts'

/** Tencent's DataHub task status codes (contracts.md §1: 1 running, 6 paused). */
export const TASK_STATUS = { running: 1, paused: 6 } as const satisfies Record<AccessPoint['status'], number>

export function toProduceRecords (messages: ReadonlyArray<{ Body: string, Key?: string | undefined }>): ProduceRecord[] {
  return messages.map(m => ({
    key: m.Key === undefined ? null : Buffer.from(m.Key, 'utf8'),
    value: Buffer.from(m.Body, 'utf8'),
    headers: [],
  }))
}

/**
 * Seed 000: `[datahubId]:[topic]:[partition]:[offset]:[ms the HTTP layer
 * received the message]:[ms it was sent to Kafka]`, e.g.
 * `datahub-lxxxxxx6:topicDev:4:2:1648185961342:1648185961398`.
 */
export function messageId (datahubId: string, topic: string, partition: number, offset: number, receivedAt: number, ackedAt: number): string {
  return `${datahubId}:${topic}:${partition}:${offset}:${receivedAt}:${ackedAt}`
}

/** Tencent's time format (`2022-03-25 10:00:00`); this gateway answers in UTC. */
export function tencentTime (iso: string): string {
  return iso.slice(0, 19).replace('T', ' ')
}

/**
 * An access point as a DataHub task. The task and the access point are one
 * object, so TaskId and DatahubId are both the access point id, and every
 * access point (however it was created) is an HTTP source task writing to
 * its topic.
 */
export function toTask (accessPoint: AccessPoint): Record<string, unknown> {
  return {
    TaskId: accessPoint.id,
    TaskName: accessPoint.name,
    TaskType: 'SOURCE',
    Status: TASK_STATUS[accessPoint.status],
    SourceResource: { Type: 'HTTP' },
    TargetResource: { Type: 'TOPIC', TopicParam: { Resource: accessPoint.topic } },
    CreateTime: tencentTime(accessPoint.createdAt),
    DatahubId: accessPoint.id,
    Description: accessPoint.description,
  }
}

export function taskIds (accessPoint: AccessPoint): { TaskId: string, DatahubId: string } {
  return { TaskId: accessPoint.id, DatahubId: accessPoint.id }
}

function text (bytes: Buffer | null): string | null {
  return bytes === null ? null : bytes.toString('utf8')
}

/**
 * Tencent's ConsumerRecord: key and value as UTF-8 text, headers as a JSON
 * object string `{"name":"value"}` (for a repeated name the last value wins,
 * as Kafka's Headers.lastHeader reads it).
 */
export function toConsumerRecord (record: ConsumedRecord): Record<string, unknown> {
  // fromEntries defines own properties, so a header named __proto__ stays a header.
  const headers = Object.fromEntries(record.headers.map(h => [h.name, text(h.value)]))
  return {
    Topic: record.topic,
    Partition: record.partition,
    Offset: record.offset,
    Key: text(record.key),
    Value: text(record.value),
    Timestamp: record.timestamp,
    Headers: JSON.stringify(headers),
  }
}
