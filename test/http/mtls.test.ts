// Mutual TLS (issue 4): with GATEWAY_TLS_* set, the gateway serves HTTPS, and
// a client certificate signed by the configured CA makes its subject CN the
// principal (its OUs the groups). Certificates are made with openssl here.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ADMIN_TOKEN, grant, identityApp } from '../support/identity.ts'

function openssl (dir: string, ...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' })
}

function makeCertificates (dir: string): void {
  const ca = (name: string) => openssl(dir, 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.pem`)
  const signed = (name: string, subject: string, signer: string, extensions: string) => {
    openssl(dir, 'req', '-newkey', 'rsa:2048', '-nodes', '-subj', subject, '-keyout', `${name}.key`, '-out', `${name}.csr`)
    writeFileSync(join(dir, `${name}.ext`), extensions)
    openssl(dir, 'x509', '-req', '-in', `${name}.csr`, '-CA', `${signer}.pem`, '-CAkey', `${signer}.key`, '-CAcreateserial', '-days', '2', '-extfile', `${name}.ext`, '-out', `${name}.pem`)
  }
  ca('test-ca')
  ca('rogue-ca')
  signed('server', '/CN=localhost', 'test-ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n')
  signed('client', '/O=Example/OU=devices/CN=sensor-7', 'test-ca', 'extendedKeyUsage=clientAuth\n')
  signed('rogue', '/CN=admin', 'rogue-ca', 'extendedKeyUsage=clientAuth\n')
}

interface Answer { status: number, body: Record<string, unknown> }

function get (port: number, dir: string, path: string, client?: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, path, method: 'GET', headers,
      ca: readFileSync(join(dir, 'test-ca.pem')),
      ...(client ? { cert: readFileSync(join(dir, `${client}.pem`)), key: readFileSync(join(dir, `${client}.key`)) } : {}),
    }, res => {
      let text = ''
      res.on('data', chunk => { text += chunk })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> }))
    })
    req.on('error', reject)
    req.end()
  })
}

test('HTTPS with client certificates: the verified subject is the principal', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'gw-mtls-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  makeCertificates(dir)
  const { app } = await identityApp(t, {
    overrides: {
      'security.tls.certFile': join(dir, 'server.pem'),
      'security.tls.keyFile': join(dir, 'server.key'),
      'security.tls.caFile': join(dir, 'test-ca.pem'),
      'security.tls.requestClientCert': true,
    },
  })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const port = (app.server.address() as AddressInfo).port

  const me = await get(port, dir, '/gateway/v1/whoami', 'client')
  assert.equal(me.status, 200, JSON.stringify(me.body))
  assert.deepEqual(me.body, { principal: 'sensor-7', kind: 'mtls', groups: ['devices'], admin: false, permissions: [] })

  await grant(app, { group: 'devices', operations: ['produce'], resource: { type: 'topic', name: 'orders' } })
  assert.equal((await get(port, dir, '/gateway/v1/topics/orders', 'client')).status, 200)
  assert.equal((await get(port, dir, '/gateway/v1/topics/payments', 'client')).status, 403)

  // No certificate, or one from a CA the gateway does not trust: not a principal.
  assert.equal((await get(port, dir, '/gateway/v1/whoami')).status, 401)
  const rogue = await get(port, dir, '/gateway/v1/whoami', 'rogue')
  assert.equal(rogue.status, 401)
  // A token still works over the same listener, and wins over a certificate.
  const admin = await get(port, dir, '/gateway/v1/whoami', 'client', { authorization: `Bearer ${ADMIN_TOKEN}` })
  assert.equal(admin.body.principal, 'admin')
})
