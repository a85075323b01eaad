/**
 * The one configuration schema. Leaves carry `env` (the variable that sets
 * them) and `description`; the loader, the validation and the README table
 * all come from here. Each section lives in its own file under sections/.
 */
import Type, { type Static } from 'typebox'
import { AzureSettings } from './sections/azure.ts'
import { ConfluentSettings } from './sections/confluent.ts'
import { FetchSettings, StreamSettings } from './sections/fetch.ts'
import { HttpSettings } from './sections/http.ts'
import { KafkaSettings } from './sections/kafka.ts'
import { LogSettings } from './sections/log.ts'
import { NaverSettings } from './sections/naver.ts'
import { ProducerSettings } from './sections/producer.ts'
import { SecuritySettings } from './sections/security.ts'
import { TencentSettings } from './sections/tencent.ts'
import { WorkerSettings } from './sections/workers.ts'

export const ConfigSchema = Type.Object({
  http: HttpSettings,
  kafka: KafkaSettings,
  producer: ProducerSettings,
  fetch: FetchSettings,
  stream: StreamSettings,
  log: LogSettings,
  workers: WorkerSettings,
  confluent: ConfluentSettings,
  naver: NaverSettings,
  azure: AzureSettings,
  security: SecuritySettings,
  tencent: TencentSettings,
}, { additionalProperties: false })

export type GatewayConfig = Static<typeof ConfigSchema>
