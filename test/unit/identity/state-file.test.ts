import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test, type TestContext } from 'node:test'
import { createCredentialKeys } from '../../../src/auth/credential-keys.ts'
import { loadStateFile, StateFileError } from '../../../src/config/state-file.ts'

const keys = createCredentialKeys('file-master-key-0123456789')

function writeState (t: TestContext, content: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'gw-state-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  const file = join(dir, 'state.json')
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  return file
}

function problemsOf (fn: () => unknown): string[] {
  try {
    fn()
  } catch (error) {
    assert.ok(error instanceof StateFileError, String(error))
    return error.problems
  }
  assert.fail('expected a StateFileError')
}

test('a valid file: secrets from the environment get sealed, sealed secrets are checked, defaults filled in', t => {
  const sealed = keys.seal('sealed-secret-value', 'partner-b')
  const file = writeState(t, {
    credentials: [
      { id: 'partner-a', principal: 'partner-a', secretEnv: 'PARTNER_A_SECRET' },
      { id: 'partner-b', principal: 'partner-b', description: 'B', sealedSecret: sealed },
    ],
    permissions: [{ id: 'perm-a', principal: 'partner-a', operations: ['produce'], resource: { type: 'topic', prefix: 'in.' } }],
    accessPoints: [{ id: 'datahub-partnera', name: 'A', topic: 'in.a', schema: { type: 'object' }, limits: { recordsPerSecond: 10 }, allowedPrincipals: ['partner-a'] }],
  })
  const state = loadStateFile(file, keys, { PARTNER_A_SECRET: 'env-secret-value' })
  const [a, b] = state.credentials
  assert.equal(keys.open(a!.sealedSecret!, 'partner-a'), 'env-secret-value')
  assert.ok(!JSON.stringify(state).includes('env-secret-value'))
  assert.equal(b!.sealedSecret, sealed)
  assert.equal(state.permissions[0]!.resource.prefix, 'in.')
  assert.equal(state.accessPoints[0]!.status, 'running')
  assert.equal(state.accessPoints[0]!.description, '')
  assert.match(state.accessPoints[0]!.createdAt, /^\d{4}-\d\d-\d\dT/)
})

test('every problem is reported at once, naming the entry', t => {
  const file = writeState(t, {
    credentials: [
      { id: 'c1', principal: 'x', secretEnv: 'MISSING_VAR' },
      { id: 'c2', principal: 'x' },
      { id: 'c3', principal: 'x', sealedSecret: keys.seal('s', 'another-id') },
    ],
    permissions: [
      { id: 'p1', principal: 'a', group: 'g', operations: ['produce'], resource: { type: 'topic', name: 't' } },
      { id: 'p2', principal: 'a', operations: ['produce'], resource: { type: 'topic' } },
    ],
    accessPoints: [
      { id: 'ap', name: 'A', topic: 't', schema: { type: 'no-such-type' } },
      { id: 'ap', name: 'B', topic: 't' },
    ],
  })
  const problems = problemsOf(() => loadStateFile(file, keys, {}))
  const expectations = [/credentials c1: environment variable MISSING_VAR is not set/, /credentials c2: give exactly one of secretEnv/, /credentials c3: .*failed authentication/,
    /permissions p1: a permission names exactly one of principal or group/, /permissions p2: a topic resource needs exactly one of name/, /accessPoints ap: schema is not a valid JSON Schema/, /accessPoints ap: the id appears twice/]
  for (const expected of expectations) assert.ok(problems.some(p => expected.test(p)), `${expected} not in:\n${problems.join('\n')}`)
})

test('schema errors and unreadable files are reported', t => {
  assert.match(problemsOf(() => loadStateFile(writeState(t, { credential: [] }), keys, {}))[0]!, /credential|additional/i)
  assert.equal(problemsOf(() => loadStateFile(writeState(t, '{not json'), keys, {})).length, 1)
  assert.equal(problemsOf(() => loadStateFile('/nonexistent/state.json', keys, {})).length, 1)
})
