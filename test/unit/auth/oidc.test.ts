// OIDC verifier against a real issuer (oauth2-mock-server): discovery, JWKS,
// signature, iss/aud/exp checks, key rotation and group claims (contracts.md §3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OAuth2Server } from 'oauth2-mock-server';
import { SignJWT, generateKeyPair } from 'jose';
import { createOidcVerifier, type OidcVerifyResult } from '../../../src/auth/oidc.ts';

const AUDIENCE = 'kafka-gateway';

function assertReason(result: OidcVerifyResult, reason: string): void {
  assert.equal(result.ok, false, 'expected a failure');
  if (!result.ok) assert.equal(result.reason, reason, result.message);
}

async function startIssuer(t: { after: (fn: () => Promise<void>) => void }): Promise<{ server: OAuth2Server; issuer: string; kid: string }> {
  const server = new OAuth2Server();
  const key = await server.issuer.keys.generate('RS256');
  await server.start(0, '127.0.0.1');
  t.after(() => server.stop());
  const issuer = server.issuer.url;
  assert.ok(issuer);
  return { server, issuer, kid: key.kid };
}

test('OIDC verifier against a mock issuer', async (t) => {
  const { server, issuer, kid } = await startIssuer(t);
  const verifier = createOidcVerifier({ issuer, audience: AUDIENCE, clockToleranceSeconds: 5 });

  const token = (payload: Record<string, unknown>, expiresIn?: number) =>
    server.issuer.buildToken({
      kid,
      expiresIn,
      scopesOrTransform: (_header, claims) => {
        Object.assign(claims, { sub: 'alice', aud: AUDIENCE }, payload);
      },
    });

  await t.test('valid token with groups (discovered JWKS)', async () => {
    const result = await verifier.verify(await token({ groups: ['kafka-producers', 'ops'] }));
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.principal, 'alice');
    assert.deepEqual(result.groups, ['kafka-producers', 'ops']);
    assert.equal(result.claims.iss, issuer);
  });

  await t.test('single-string groups claim is one group; absent claim is none', async () => {
    const one = await verifier.verify(await token({ groups: 'kafka producers' }));
    assert.ok(one.ok);
    assert.deepEqual(one.groups, ['kafka producers']);
    const none = await verifier.verify(await token({}));
    assert.ok(none.ok);
    assert.deepEqual(none.groups, []);
  });

  await t.test('audience in an array is accepted', async () => {
    const result = await verifier.verify(await token({ aud: ['other', AUDIENCE] }));
    assert.equal(result.ok, true);
  });

  await t.test('wrong or missing audience → audience', async () => {
    assertReason(await verifier.verify(await token({ aud: 'someone-else' })), 'audience');
    assertReason(await verifier.verify(await token({ aud: undefined })), 'audience');
  });

  await t.test('wrong issuer → issuer', async () => {
    assertReason(await verifier.verify(await token({ iss: 'https://evil.example' })), 'issuer');
  });

  await t.test('expired token → expired', async () => {
    assertReason(await verifier.verify(await token({}, -60)), 'expired');
  });

  await t.test('token before nbf → expired (outside validity window)', async () => {
    assertReason(await verifier.verify(await token({ nbf: Math.floor(Date.now() / 1000) + 600 })), 'expired');
  });

  await t.test('tampered payload → signature', async () => {
    const [header, , signature] = (await token({ groups: ['users'] })).split('.');
    const forged = Buffer.from(JSON.stringify({
      iss: issuer, aud: AUDIENCE, sub: 'alice', groups: ['admins'],
      exp: Math.floor(Date.now() / 1000) + 600,
    })).toString('base64url');
    assertReason(await verifier.verify(`${header}.${forged}.${signature}`), 'signature');
  });

  await t.test('token signed by a foreign key under the issuer kid → signature', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sub: 'mallory', groups: ['admins'] })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    assertReason(await verifier.verify(forged), 'signature');
  });

  await t.test('token whose kid the issuer does not publish → signature', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ sub: 'mallory' })
      .setProtectedHeader({ alg: 'RS256', kid: 'unknown-kid' })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
    assertReason(await verifier.verify(forged), 'signature');
  });

  await t.test('symmetric / unsigned algorithms are refused → signature', async () => {
    const hs = await new SignJWT({ sub: 'mallory' })
      .setProtectedHeader({ alg: 'HS256', kid })
      .setIssuer(issuer)
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('x'.repeat(32)));
    assertReason(await verifier.verify(hs), 'signature');
  });

  await t.test('garbage → malformed', async () => {
    assertReason(await verifier.verify('not-a-jwt'), 'malformed');
    assertReason(await verifier.verify('a.b.c'), 'malformed');
    assertReason(await verifier.verify(''), 'malformed');
  });

  await t.test('token without exp or principal → malformed', async () => {
    const noExp = await server.issuer.buildToken({
      kid,
      scopesOrTransform: (_h, claims) => {
        Object.assign(claims, { sub: 'alice', aud: AUDIENCE });
        delete (claims as Record<string, unknown>)['exp'];
      },
    });
    assertReason(await verifier.verify(noExp), 'malformed');
    assertReason(await verifier.verify(await token({ sub: undefined })), 'malformed');
  });

  await t.test('nested groups claim path and custom principal claim', async () => {
    const keycloak = createOidcVerifier({
      issuer,
      audience: AUDIENCE,
      groupsClaim: 'realm_access.roles',
      principalClaim: 'preferred_username',
    });
    const result = await keycloak.verify(
      await token({ preferred_username: 'bob', realm_access: { roles: ['kafka-admin', 'offline_access'] } }),
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.principal, 'bob');
    assert.deepEqual(result.groups, ['kafka-admin', 'offline_access']);
  });
});

test('OIDC verifier refetches the JWKS when a new kid appears (key rotation)', async (t) => {
  const { server, issuer, kid } = await startIssuer(t);
  const verifier = createOidcVerifier({
    issuer,
    jwksUrl: `${issuer}/jwks`,
    audience: AUDIENCE,
    jwksCooldownMs: 0, // allow the rotation refetch immediately in the test
  });
  const build = (k: string) =>
    server.issuer.buildToken({ kid: k, scopesOrTransform: (_h, p) => Object.assign(p, { sub: 'alice', aud: AUDIENCE }) });

  // The first verification caches a JWKS holding only the original key.
  const first = await verifier.verify(await build(kid));
  assert.equal(first.ok, true);

  const rotated = await server.issuer.keys.generate('RS256', { kid: 'rotated-key' });
  // Unknown kid → jose refetches the JWKS (cooldown 0) and finds the new key.
  const second = await verifier.verify(await build(rotated.kid));
  assert.ok(second.ok, JSON.stringify(second));
  // The old key still works from the refreshed set.
  assert.equal((await verifier.verify(await build(kid))).ok, true);
});

test('OIDC verifier with the default cooldown does not refetch at once for an unknown kid', async (t) => {
  const { server, issuer, kid } = await startIssuer(t);
  const verifier = createOidcVerifier({ issuer, audience: AUDIENCE });
  const build = (k: string) =>
    server.issuer.buildToken({ kid: k, scopesOrTransform: (_h, p) => Object.assign(p, { sub: 'alice', aud: AUDIENCE }) });
  assert.equal((await verifier.verify(await build(kid))).ok, true);
  const rotated = await server.issuer.keys.generate('RS256', { kid: 'rotated-key' });
  // Within the 30 s cooldown the new kid is unknown: a flood of random kids cannot hammer the IdP.
  assertReason(await verifier.verify(await build(rotated.kid)), 'signature');
});

test('OIDC verifier: unreachable issuer → jwks_unavailable, then recovers', async (t) => {
  // A port that was just free: nothing listens there yet.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));

  const issuer = `http://127.0.0.1:${port}`;
  const verifier = createOidcVerifier({ issuer, audience: AUDIENCE, httpTimeoutMs: 2000 });
  const server = new OAuth2Server();
  const key = await server.issuer.keys.generate('RS256');
  server.issuer.url = issuer; // tokens name the issuer before it is reachable
  const token = await server.issuer.buildToken({
    kid: key.kid,
    scopesOrTransform: (_h, p) => Object.assign(p, { sub: 'alice', aud: AUDIENCE }),
  });
  assertReason(await verifier.verify(token), 'jwks_unavailable');

  // Discovery failures are not cached: once the issuer is up, verification succeeds.
  await server.start(port, '127.0.0.1');
  t.after(() => server.stop());
  const result = await verifier.verify(token);
  assert.ok(result.ok, JSON.stringify(result));
});

test('OIDC verifier: JWKS endpoint answering an error → jwks_unavailable', async (t) => {
  const broken = createServer((_req, res) => {
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => broken.close(() => resolve())));
  const { server, issuer, kid } = await startIssuer(t);
  const verifier = createOidcVerifier({
    issuer,
    jwksUrl: `http://127.0.0.1:${(broken.address() as AddressInfo).port}/jwks`,
    audience: AUDIENCE,
  });
  const token = await server.issuer.buildToken({
    kid,
    scopesOrTransform: (_h, p) => Object.assign(p, { sub: 'alice', aud: AUDIENCE }),
  });
  assertReason(await verifier.verify(token), 'jwks_unavailable');
});
