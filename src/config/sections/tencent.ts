import Type from 'typebox'

/**
 * Tencent Cloud CKafka DataHub compatibility (contracts.md §1, seeds 000/001):
 * `POST /` dispatched on X-TC-Action, signed with TC3-HMAC-SHA256. See
 * docs/tencent.md.
 */
export const TencentSettings = Type.Object({
  enabled: Type.Boolean({ default: true, env: 'GATEWAY_TENCENT_ENABLED', description: 'Serve the Tencent Cloud CKafka API (SendMessage, DataHub tasks, message query) for the official tencentcloud SDKs.' }),
  prefix: Type.String({ default: '/', pattern: '^/([A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*/?)?$', env: 'GATEWAY_TENCENT_PREFIX', description: 'Path the Tencent API answers at (`POST <prefix>`); SDKs reach a prefix with the endpoint `host:port/prefix`.' }),
  instanceIds: Type.Array(Type.String({ minLength: 1 }), { default: [], env: 'GATEWAY_TENCENT_INSTANCE_IDS', description: 'InstanceId values (comma separated, e.g. your former ckafka-… id) accepted by the message query actions, besides the Kafka cluster id.' }),
}, { additionalProperties: false, default: {} })
