// API keys end to end in the core: created sealed, verified in constant time,
// resolved for the signature dialects (TC3 contracts.md §1, NCP §2), shared
// between instances, revoked.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createCredentialKeys } from '../../../src/auth/credential-keys.ts'
import { signNcp, verifyNcp } from '../../../src/auth/ncp-signature.ts'
import { signTc3, verifyTc3 } from '../../../src/auth/tc3-signature.ts'
import { CredentialService } from '../../../src/core/identity/credentials.ts'
import { MemoryStateLog, MemoryStateStore } from '../../../src/core/identity/memory-state-store.ts'
import { SharedState } from '../../../src/core/identity/shared-state.ts'

const MASTER = 'unit-master-key-0123456789'

async function instance (log: MemoryStateLog, masterKey: string | null = MASTER): Promise<CredentialService> {
  const state = new SharedState(new MemoryStateStore(log))
  await state.start()
  return new CredentialService(state, createCredentialKeys(masterKey ?? undefined))
}

test('a created key verifies; its secret is stored sealed, never in clear', async () => {
  const log = new MemoryStateLog()
  const credentials = await instance(log)
  const created = await credentials.create({ principal: 'alice', description: 'ci' })
  assert.match(created.id, /^GWK[A-Z2-7]{20}$/)
  assert.equal(created.token, `gw_${created.id}_${created.secret}`)
  const stored = JSON.stringify([...log.entries.values()])
  assert.ok(!stored.includes(created.secret), 'the secret must not be stored in clear')
  assert.match(stored, /"sealedSecret":"v1\./)
  assert.deepEqual(credentials.verify(created.id, created.secret), { id: 'alice', kind: 'api-key', groups: [], credentialId: created.id })
  // Another last character (a fixed 'x' would be the same secret whenever it already ends in x).
  const wrongLast = created.secret.endsWith('x') ? 'y' : 'x'
  assert.equal(credentials.verify(created.id, `${created.secret.slice(0, -1)}${wrongLast}`), null)
  assert.equal(credentials.verify('GWKAAAAAAAAAAAAAAAAAAAA', created.secret), null)
  assert.deepEqual(credentials.list().map(c => Object.keys(c).sort()), [['createdAt', 'description', 'id', 'principal', 'revoked']])
})

test('a key created on one instance works on another; a revocation too', async () => {
  const log = new MemoryStateLog()
  const a = await instance(log)
  const b = await instance(log)
  const created = await a.create({ principal: 'svc' })
  assert.equal(b.verify(created.id, created.secret)?.id, 'svc')
  await a.revoke(created.id)
  assert.equal(b.verify(created.id, created.secret), null)
  assert.equal(b.resolveSecret(created.id), null)
  assert.deepEqual(b.list().map(c => c.revoked), [true])
  assert.ok(!JSON.stringify([...log.entries.values()]).includes('"sealedSecret":"v1.'), 'a revoked key keeps no secret')
  await a.revoke(created.id) // idempotent
  await assert.rejects(a.revoke('GWKNOPE'), { code: 'credential_not_found', status: 404 })
})

test('an instance with another master key cannot open the secrets: a clear 503, not a silent 401', async () => {
  const log = new MemoryStateLog()
  const created = await (await instance(log)).create({ principal: 'svc' })
  const other = await instance(log, 'another-master-key-000000')
  assert.throws(() => other.verify(created.id, created.secret), (error: Error & { code?: string }) => {
    assert.equal(error.code, 'not_configured')
    assert.match(error.message, /same GATEWAY_MASTER_KEY/)
    return true
  })
})

test('without a master key, keys cannot be created', async () => {
  const credentials = await instance(new MemoryStateLog(), null)
  await assert.rejects(credentials.create({ principal: 'x' }), { code: 'not_configured', status: 503 })
})

test('TC3 (Tencent): the resolved secret verifies a signed request; tampering and replay outside the skew fail', async () => {
  const credentials = await instance(new MemoryStateLog())
  const { id } = await credentials.create({ principal: 'partner' })
  const timestamp = 1_700_000_000
  const body = '{"DataHubId":"datahub-1a2b3c4d","Message":[{"Body":"hello"}]}'
  const resolved = credentials.resolveSecret(id)
  assert.ok(resolved)
  const signed = signTc3({ secretId: id, secretKey: resolved.secret, service: 'ckafka', host: 'gw.example.com', timestamp, contentType: 'application/json', body, action: 'SendMessage' })
  const headers = { 'authorization': signed.authorization, 'content-type': 'application/json', 'host': 'gw.example.com', 'x-tc-action': 'SendMessage', 'x-tc-timestamp': String(timestamp) }
  const verify = (over: Partial<Parameters<typeof verifyTc3>[0]> = {}) => verifyTc3({ authorization: signed.authorization, headers, method: 'POST', path: '/', query: '', body: Buffer.from(body), secretKey: resolved.secret, now: timestamp * 1000, ...over })
  assert.equal(verify().ok, true)
  assert.equal(resolved.principal.id, 'partner')
  assert.deepEqual(verify({ body: Buffer.from(body.replace('hello', 'HELLO')) }), { ok: false, reason: 'signature', message: 'signature does not match' })
  assert.equal((verify({ headers: { ...headers, 'x-tc-action': 'DeleteDatahubTask' } }) as { reason?: string }).reason, 'signature')
  assert.equal((verify({ path: '/other' }) as { reason?: string }).reason, 'signature')
  assert.equal((verify({ now: (timestamp + 301) * 1000 }) as { reason?: string }).reason, 'expired')
})

test('NCP (NAVER): the resolved secret verifies a signed request; tampering and replay outside the skew fail', async () => {
  const credentials = await instance(new MemoryStateLog())
  const { id } = await credentials.create({ principal: 'partner' })
  const secret = credentials.resolveSecret(id)!.secret
  const timestamp = 1_700_000_000_000
  const signature = signNcp({ method: 'POST', uri: '/api/produce', timestamp, accessKey: id, secretKey: secret })
  const headers = { 'x-ncp-apigw-timestamp': String(timestamp), 'x-ncp-iam-access-key': id, 'x-ncp-apigw-signature-v2': signature }
  assert.equal(verifyNcp({ headers, method: 'POST', uri: '/api/produce', secretKey: secret, now: timestamp }).ok, true)
  assert.equal((verifyNcp({ headers, method: 'POST', uri: '/api/produce?x=1', secretKey: secret, now: timestamp }) as { reason?: string }).reason, 'signature')
  assert.equal((verifyNcp({ headers, method: 'POST', uri: '/api/produce', secretKey: secret, now: timestamp + 5 * 60_000 + 1 }) as { reason?: string }).reason, 'expired')
})
