import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { PermissionGrant } from '../../../src/core/identity/entries.ts'
import { MemoryStateLog, MemoryStateStore } from '../../../src/core/identity/memory-state-store.ts'
import { SharedState } from '../../../src/core/identity/shared-state.ts'

const at = '2026-01-01T00:00:00.000Z'
const permission = (id: string, principal = 'alice'): PermissionGrant => ({ id, principal, operations: ['produce'], resource: { type: 'topic', name: 'orders' }, createdAt: at })

function recordingLog (): { warnings: Array<Record<string, unknown>>, log: { warn: (d: object) => void, info: () => void } } {
  const warnings: Array<Record<string, unknown>> = []
  return { warnings, log: { warn: d => { warnings.push(d as Record<string, unknown>) }, info: () => {} } }
}

test('writes on one instance are read on another sharing the log; deletes too', async () => {
  const log = new MemoryStateLog()
  const a = new SharedState(new MemoryStateStore(log))
  const b = new SharedState(new MemoryStateStore(log))
  await Promise.all([a.start(), b.start()])
  await a.put('permission', permission('p1'))
  assert.equal(b.get('permission', 'p1')?.principal, 'alice')
  await b.remove('permission', 'p1')
  assert.equal(a.get('permission', 'p1'), undefined)
})

test('a late starter reads everything written before it started', async () => {
  const log = new MemoryStateLog()
  const a = new SharedState(new MemoryStateStore(log))
  await a.start()
  await a.put('permission', permission('p1'))
  await a.put('permission', permission('p2', 'bob'))
  const late = new SharedState(new MemoryStateStore(log))
  assert.equal(late.ready, false)
  assert.throws(() => late.assertReady(), { code: 'state_unavailable', status: 503 })
  await late.start()
  assert.deepEqual(late.list('permission').map(p => p.id), ['p1', 'p2'])
})

test('malformed or unknown entries from the log are ignored with a warning', async () => {
  const log = new MemoryStateLog()
  log.append('permission/p1', { id: 'p1', operations: ['produce'] }) // no principal, no resource
  log.append('permission/p2', { ...permission('p3') }) // id differs from the key
  log.append('mystery/x', { id: 'x' })
  log.append('permission/ok', permission('ok'))
  const recorder = recordingLog()
  const state = new SharedState(new MemoryStateStore(log), undefined, recorder.log)
  await state.start()
  assert.deepEqual(state.list('permission').map(p => p.id), ['ok'])
  assert.equal(recorder.warnings.length, 3)
})

test('declared entries are in force, hide stored ones with their id, and are read-only', async () => {
  const log = new MemoryStateLog()
  log.append('permission/p1', permission('p1', 'from-topic'))
  const state = new SharedState(new MemoryStateStore(log), { credentials: [], permissions: [permission('p1', 'from-file')], accessPoints: [] })
  await state.start()
  assert.equal(state.get('permission', 'p1')?.principal, 'from-file')
  assert.deepEqual(state.list('permission').map(p => p.principal), ['from-file'])
  assert.equal(state.isDeclared('permission', 'p1'), true)
  await assert.rejects(state.put('permission', permission('p1', 'changed')), (error: Error & { code?: string, status?: number }) => {
    assert.equal(error.code, 'read_only_entry')
    assert.equal(error.status, 409)
    assert.match(error.message, /GATEWAY_STATE_FILE/)
    return true
  })
  await assert.rejects(state.remove('permission', 'p1'), { code: 'read_only_entry' })
})

test('change listeners hear about every applied entry', async () => {
  const log = new MemoryStateLog()
  const state = new SharedState(new MemoryStateStore(log))
  await state.start()
  const heard: string[] = []
  state.onChange((type, id) => heard.push(`${type}/${id}`))
  await state.put('permission', permission('p1'))
  await state.remove('permission', 'p1')
  assert.deepEqual(heard, ['permission/p1', 'permission/p1'])
})
