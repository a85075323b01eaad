import Type from 'typebox'

/**
 * Azure HDInsight Kafka REST proxy compatibility (contracts.md §3, seed 004):
 * the /v1 API for bearer tokens of the configured OIDC issuer, optionally
 * limited to one security group (docs/azure.md).
 */
export const AzureSettings = Type.Object({
  enabled: Type.Boolean({ default: true, env: 'GATEWAY_AZURE_ENABLED', description: 'Serve the Azure HDInsight Kafka REST proxy API (metadata, topics, producer, consumer, status).' }),
  prefix: Type.String({ default: '/v1', pattern: '^(/[A-Za-z0-9._~-]+)+$', env: 'GATEWAY_AZURE_PREFIX', description: 'Path prefix of the Azure API (HDInsight\'s own is /v1).' }),
  requiredGroup: Type.Optional(Type.String({ minLength: 1, env: 'GATEWAY_AZURE_REQUIRED_GROUP', description: 'Group (from the token\'s groups claim, GATEWAY_OIDC_GROUPS_CLAIM) a caller must be in to use the Azure API: the HDInsight "security group". Unset: any authenticated caller, subject to permissions.' })),
}, { additionalProperties: false, default: {} })
