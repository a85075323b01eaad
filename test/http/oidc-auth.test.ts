// OIDC/JWT bearer tokens through the HTTP hook (issue 4): a real issuer over
// HTTP (oauth2-mock-server) with discovery and JWKS; wrong audience, expired
// token, bad signature and a token without the needed group are refused.
import assert from 'node:assert/strict'
import { test, type TestContext } from 'node:test'
import { generateKeyPair, SignJWT } from 'jose'
import { OAuth2Server } from 'oauth2-mock-server'
import { ADMIN, bearer, grant, identityApp } from '../support/identity.ts'

const AUDIENCE = 'kafka-gateway'

async function issuer (t: TestContext): Promise<{ server: OAuth2Server, url: string, kid: string }> {
  const server = new OAuth2Server()
  const key = await server.issuer.keys.generate('RS256')
  await server.start(0, '127.0.0.1')
  t.after(() => server.stop())
  return { server, url: server.issuer.url!, kid: key.kid }
}

function tokenFor (server: OAuth2Server, claims: Record<string, unknown>, expiresIn?: number): Promise<string> {
  return server.issuer.buildToken({ expiresIn, scopesOrTransform: (_header, payload) => { Object.assign(payload, { aud: AUDIENCE }, claims) } })
}

async function oidcApp (t: TestContext, extra: Record<string, unknown> = {}) {
  const idp = await issuer(t)
  const gw = await identityApp(t, { overrides: { 'security.oidc.issuer': idp.url, 'security.oidc.audience': [AUDIENCE], 'security.oidc.clockToleranceSeconds': 0, ...extra } })
  return { ...gw, idp }
}

test('a valid token is the principal named by sub, with its groups', async t => {
  const { app, idp } = await oidcApp(t)
  const res = await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: bearer(await tokenFor(idp.server, { sub: 'carol', groups: ['writers', 'ops'] })) })
  assert.equal(res.statusCode, 200, res.body)
  assert.deepEqual(res.json(), { principal: 'carol', kind: 'oidc', groups: ['writers', 'ops'], admin: false, permissions: [] })
})

test('a group grant lets token holders in; a token without the group gets 403', async t => {
  const { app, idp } = await oidcApp(t)
  await grant(app, { group: 'writers', operations: ['produce'], resource: { type: 'topic', name: 'orders' } })
  const produce = async (token: string) => app.inject({ method: 'POST', url: '/gateway/v1/topics/orders/records', headers: bearer(token), payload: { value: 1 } })
  assert.equal((await produce(await tokenFor(idp.server, { sub: 'carol', groups: ['writers'] }))).statusCode, 200)
  const without = await produce(await tokenFor(idp.server, { sub: 'dave', groups: ['readers'] }))
  assert.equal(without.statusCode, 403)
  assert.match(without.json().message, /dave may not produce on topic orders/)
})

test('wrong audience, expired token, bad signature and garbage are 401 with a reason', async t => {
  const { app, idp } = await oidcApp(t)
  const { privateKey } = await generateKeyPair('RS256')
  const forged = await new SignJWT({ sub: 'mallory', groups: ['admins'] })
    .setProtectedHeader({ alg: 'RS256', kid: idp.kid })
    .setIssuer(idp.url).setAudience(AUDIENCE).setExpirationTime('5m')
    .sign(privateKey)
  const cases: Array<[string, string, RegExp]> = [
    ['wrong audience', await tokenFor(idp.server, { sub: 'carol', aud: 'another-api' }), /another audience/],
    ['expired', await tokenFor(idp.server, { sub: 'carol' }, -60), /expired/],
    ['bad signature', forged, /signature is not valid/],
    ['not a JWT', 'abc.def.ghi', /malformed/],
  ]
  for (const [what, token, message] of cases) {
    const res = await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: bearer(token) })
    assert.equal(res.statusCode, 401, what)
    assert.equal(res.json().code, 'unauthenticated', what)
    assert.match(res.json().message, message, what)
    assert.ok(res.headers['www-authenticate'], what)
  }
})

test('GATEWAY_OIDC_REQUIRED_GROUP refuses tokens without the group on every route', async t => {
  const { app, idp } = await oidcApp(t, { 'security.oidc.requiredGroup': 'kafka-users' })
  const refused = await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: bearer(await tokenFor(idp.server, { sub: 'erin', groups: ['others'] })) })
  assert.equal(refused.statusCode, 403)
  assert.match(refused.json().message, /lacks the group kafka-users/)
  const member = await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: bearer(await tokenFor(idp.server, { sub: 'erin', groups: ['kafka-users'] })) })
  assert.equal(member.statusCode, 200)
})

test('API keys and the admin token keep working next to OIDC; an issuer that cannot be reached is a 503', async t => {
  const { app, idp } = await oidcApp(t)
  assert.equal((await app.inject({ method: 'GET', url: '/gateway/v1/credentials', headers: ADMIN })).statusCode, 200)
  const token = await tokenFor(idp.server, { sub: 'carol' })
  await idp.server.stop()
  const res = await app.inject({ method: 'GET', url: '/gateway/v1/whoami', headers: bearer(token) })
  assert.equal(res.statusCode, 503)
  assert.equal(res.json().code, 'identity_provider_unavailable')
  await idp.server.start(0, '127.0.0.1') // t.after stops it again
})
