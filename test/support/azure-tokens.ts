/**
 * Azure test helpers: the Entra stand-in (scripts/azure/mock-issuer.ts)
 * started for one test, and client-credentials tokens from it, fetched over
 * HTTP exactly like Microsoft's sample does.
 */
import type { TestContext } from 'node:test'
import { startMockIssuer, type MockIssuer, type RegisteredClient } from '../../scripts/azure/mock-issuer.ts'

/** The resource of HDInsight's Kafka REST proxy in Microsoft's sample. */
export const HDINSIGHT_RESOURCE = 'https://hib.azurehdinsight.net'
export const REST_GROUP = 'kafka-rest-users'

export const MEMBER: RegisteredClient = { clientId: 'orders-app', clientSecret: 'orders-app-secret', groups: [REST_GROUP] }
export const OUTSIDER: RegisteredClient = { clientId: 'other-app', clientSecret: 'other-app-secret', groups: ['finance'] }

export async function entraIssuer (t: TestContext, clients: RegisteredClient[] = [MEMBER, OUTSIDER]): Promise<MockIssuer> {
  const issuer = await startMockIssuer({ clients })
  t.after(() => issuer.stop())
  return issuer
}

/** The gateway settings that trust the issuer for HDInsight's audience and require the group. */
export function azureOverrides (issuer: MockIssuer): Record<string, unknown> {
  return { 'security.oidc.issuer': issuer.issuer, 'security.oidc.audience': [HDINSIGHT_RESOURCE], 'azure.requiredGroup': REST_GROUP }
}

export async function clientToken (issuer: MockIssuer, client: RegisteredClient): Promise<string> {
  const response = await fetch(issuer.tokenUrl, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret, scope: `${HDINSIGHT_RESOURCE}/.default` }),
  })
  const body = await response.json() as { access_token?: string }
  if (!response.ok || body.access_token === undefined) throw new Error(`token request failed: ${response.status} ${JSON.stringify(body)}`)
  return body.access_token
}
