import assert from 'node:assert/strict'
import { test } from 'node:test'
import { checkSecuritySettings, isLoopbackHost } from '../../../src/auth/startup-checks.ts'
import { loadConfig } from '../../../src/config/load.ts'

const config = (env: Record<string, string>) => loadConfig({ KAFKA_BOOTSTRAP_SERVERS: 'k:9092', ...env })

test('loopback hosts', () => {
  for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) assert.equal(isLoopbackHost(host), true, host)
  for (const host of ['0.0.0.0', '::', '10.0.0.1', 'gateway.example.com', '128.0.0.1']) assert.equal(isLoopbackHost(host), false, host)
})

test('auth mode none beyond loopback needs an explicit override, which then warns', () => {
  const refused = checkSecuritySettings(config({ GATEWAY_HOST: '0.0.0.0' }), undefined)
  assert.equal(refused.problems.length, 1)
  assert.match(refused.problems[0]!, /GATEWAY_AUTH_MODE=none while listening on 0\.0\.0\.0.*GATEWAY_ALLOW_UNAUTHENTICATED_NETWORK/)
  const allowed = checkSecuritySettings(config({ GATEWAY_HOST: '0.0.0.0', GATEWAY_ALLOW_UNAUTHENTICATED_NETWORK: 'true' }), undefined)
  assert.deepEqual(allowed.problems, [])
  assert.match(allowed.warnings[0]!, /anyone who reaches the port is an administrator/)
  assert.deepEqual(checkSecuritySettings(config({}), undefined), { problems: [], warnings: [] })
})

test('auth mode required needs a master key', () => {
  const refused = checkSecuritySettings(config({ GATEWAY_AUTH_MODE: 'required', GATEWAY_ADMIN_TOKEN: 'a'.repeat(20) }), undefined)
  assert.match(refused.problems.join('\n'), /GATEWAY_MASTER_KEY/)
  assert.deepEqual(checkSecuritySettings(config({ GATEWAY_AUTH_MODE: 'required', GATEWAY_ADMIN_TOKEN: 'a'.repeat(20) }), 'm'.repeat(20)).problems, [])
})

test('incomplete OIDC and TLS settings are problems', () => {
  const check = checkSecuritySettings(config({ GATEWAY_OIDC_ISSUER: 'https://issuer', GATEWAY_TLS_CERT_FILE: '/c.pem', GATEWAY_TLS_REQUEST_CLIENT_CERT: 'true' }), undefined)
  assert.equal(check.problems.length, 3, check.problems.join('\n'))
})

test('the settings are read from their variables, with defaults', () => {
  const c = config({ GATEWAY_AUTH_MODE: 'required', GATEWAY_OIDC_AUDIENCE: 'a, b', GATEWAY_LIMIT_REQUESTS_PER_SECOND: '50' })
  assert.equal(c.security.auth.mode, 'required')
  assert.deepEqual(c.security.oidc.audience, ['a', 'b'])
  assert.equal(c.security.limits.requestsPerSecond, 50)
  assert.equal(c.security.state.topic, '_gateway_state')
  assert.throws(() => config({ GATEWAY_AUTH_MODE: 'maybe' }), /GATEWAY_AUTH_MODE.*none, required/)
  assert.throws(() => config({ GATEWAY_ADMIN_TOKEN: 'short' }), /GATEWAY_ADMIN_TOKEN/)
})
