/**
 * A local stand-in for Microsoft Entra ID (Azure AD) for the Azure Kafka
 * REST proxy flow (seed 004, docs/azure.md): an OIDC issuer
 * (oauth2-mock-server: discovery, JWKS, RS256 tokens) whose token endpoint
 * answers the client-credentials grant the way Entra does for a registered
 * application:
 *
 * - the client id and secret must match a registered client (else 401 invalid_client);
 * - `aud` is the resource asked for: `resource=<uri>` (v1) or `scope=<uri>/.default` (v2);
 * - `sub`, `oid` and `appid` name the application; `groups` lists its security groups.
 *
 * Tests start it in-process; the docs run it as a command:
 *   node scripts/azure/mock-issuer.ts --port 9400 --client-id demo-app --client-secret demo-secret --group kafka-rest-users
 */
import { parseArgs } from 'node:util'
import { OAuth2Server } from 'oauth2-mock-server'

export interface RegisteredClient {
  clientId: string
  clientSecret: string
  /** The security groups the application is a member of (Entra puts their ids in `groups`). */
  groups: string[]
}

export interface MockIssuer {
  /** The exact `iss` of its tokens: GATEWAY_OIDC_ISSUER. */
  issuer: string
  /** Where clients get tokens (POST, form-encoded, grant_type=client_credentials). */
  tokenUrl: string
  stop (): Promise<void>
}

interface TokenRequest {
  headers: Record<string, string | string[] | undefined>
  body?: Record<string, unknown>
}

const text = (value: unknown): string | undefined => typeof value === 'string' && value !== '' ? value : undefined

/** client_id/client_secret from the form, or from HTTP Basic as RFC 6749 §2.3.1 also allows. */
function clientCredentials (request: TokenRequest): { id?: string, secret?: string } {
  const header = request.headers.authorization
  if (typeof header === 'string' && /^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon > 0) return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) }
  }
  const id = text(request.body?.client_id)
  const secret = text(request.body?.client_secret)
  return { ...(id !== undefined ? { id } : {}), ...(secret !== undefined ? { secret } : {}) }
}

/** The audience Entra puts into a client-credentials token: the resource, or the scope's resource. */
function audienceOf (body: Record<string, unknown> | undefined): string | undefined {
  const resource = text(body?.resource)
  if (resource !== undefined) return resource
  const scope = text(body?.scope)?.split(' ').find(s => s.endsWith('/.default'))
  return scope?.slice(0, -'/.default'.length)
}

export async function startMockIssuer (options: { clients: RegisteredClient[], port?: number, host?: string }): Promise<MockIssuer> {
  const server = new OAuth2Server()
  await server.issuer.keys.generate('RS256')
  const known = (request: TokenRequest): RegisteredClient | undefined => {
    const { id, secret } = clientCredentials(request)
    return options.clients.find(c => c.clientId === id && c.clientSecret === secret)
  }
  server.service.on('beforeTokenSigning', (token: { payload: Record<string, unknown> }, request: TokenRequest) => {
    const client = known(request)
    if (!client || request.body?.grant_type !== 'client_credentials') return
    const audience = audienceOf(request.body)
    Object.assign(token.payload, { sub: client.clientId, oid: client.clientId, appid: client.clientId, groups: [...client.groups], ...(audience !== undefined ? { aud: audience } : {}) })
  })
  server.service.on('beforeResponse', (response: { body: unknown, statusCode: number }, request: TokenRequest) => {
    if (request.body?.grant_type !== 'client_credentials' || known(request)) return
    response.statusCode = 401
    response.body = { error: 'invalid_client', error_description: 'unknown client id or wrong client secret' }
  })
  await server.start(options.port ?? 0, options.host ?? '127.0.0.1')
  const issuer = server.issuer.url!
  return { issuer, tokenUrl: `${issuer}/token`, stop: () => server.stop() }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      'port': { type: 'string', default: '9400' },
      'host': { type: 'string', default: '127.0.0.1' },
      'client-id': { type: 'string', default: 'demo-app' },
      'client-secret': { type: 'string', default: 'demo-secret' },
      'group': { type: 'string', multiple: true, default: ['kafka-rest-users'] },
    },
  })
  const issuer = await startMockIssuer({
    port: Number(values.port),
    host: values.host,
    clients: [{ clientId: values['client-id'], clientSecret: values['client-secret'], groups: values.group }],
  })
  console.log(`issuer:         ${issuer.issuer}   (GATEWAY_OIDC_ISSUER)`)
  console.log(`token endpoint: ${issuer.tokenUrl}`)
  console.log(`client:         ${values['client-id']} / ${values['client-secret']}, groups ${values.group.join(', ')}`)
  console.log('Press Ctrl-C to stop.')
  const stop = (): void => { void issuer.stop().finally(() => process.exit(0)) }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
