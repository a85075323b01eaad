import assert from 'node:assert/strict'
import { test } from 'node:test'
import { workerExecArgv } from '../../../src/workers.ts'

test('each worker gets an equal share of the cores as V8 threads, at least one', () => {
  assert.deepEqual(workerExecArgv(['--enable-source-maps'], undefined, 2, 2), ['--enable-source-maps', '--v8-pool-size=1'])
  assert.deepEqual(workerExecArgv([], '', 16, 4), ['--v8-pool-size=4'])
  assert.deepEqual(workerExecArgv([], undefined, 2, 8), ['--v8-pool-size=1'])
})

test('a --v8-pool-size the operator gave wins, on the command line or in NODE_OPTIONS', () => {
  assert.deepEqual(workerExecArgv(['--v8-pool-size=3'], undefined, 2, 2), ['--v8-pool-size=3'])
  assert.deepEqual(workerExecArgv(['--max-semi-space-size=8'], '--inspect --v8-pool-size=2', 2, 2), ['--max-semi-space-size=8'])
})
