// docs/tencent.md promises that its SDK example runs against `make run` as
// shown: this runs the very code block of the page, with the official
// tencentcloud-sdk-nodejs-ckafka, against a gateway on the real broker in
// make run's default auth mode.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'
import { createTopic, startTestGateway } from '../support/gateway.ts'

const ROOT = join(import.meta.dirname, '..', '..')

function exampleOfDocs (): string {
  const page = readFileSync(join(ROOT, 'docs', 'tencent.md'), 'utf8')
  const block = /<!-- tencent-example:start -->\n```js\n([\s\S]*?)```\n<!-- tencent-example:end -->/.exec(page)
  assert.ok(block, 'docs/tencent.md has no example block between its markers')
  return block[1]!
}

test('the SDK example of docs/tencent.md runs against the gateway as the page shows', { timeout: 120_000 }, async t => {
  const { gateway, url } = await startTestGateway(t, { listen: true })
  const topic = await createTopic(t, gateway, { partitions: 3 })
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', exampleOfDocs()], {
    cwd: ROOT,
    env: { ...process.env, CKAFKA_ENDPOINT: new URL(url).host, TOPIC: topic },
    timeout: 60_000,
  })
  assert.match(stdout, /^task (datahub-[0-9a-f]{8}) access point \1$/m)
  assert.match(stdout, new RegExp(`'datahub-[0-9a-f]{8}:${topic}:\\d:\\d+:\\d{13}:\\d{13}'`))
  assert.match(stdout, /Key: 'user-1',\s+Value: '\{"event":"click"\}'/)
  assert.match(stdout, /^FailedOperation task status suspended \[datahub-[0-9a-f]{8}\]$/m)
  assert.deepEqual(gateway.identity.accessPoints.list(), [], 'the example deletes its task')
})
