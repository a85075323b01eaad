// docs/binary-fetch.md's Node.js and Python readers, run as written against a
// gateway process on a real broker: what the page shows must decode what the
// gateway sends.
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ensurePythonEnv } from '../../scripts/azure/python-env.ts'
import { bootstrapFromEnv, randomTopic } from '../support/gateway.ts'
import { startGatewayProcess } from '../support/gateway-process.ts'
import { docsBlock, runFile } from '../support/naver-azure-process.ts'

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>

interface Seen { offset: string, key: string | null, value: string | null, headers: [string, string | null][] }

test('the binary fetch readers of docs/binary-fetch.md decode what the gateway sends', { timeout: 300_000 }, async t => {
  const gateway = await startGatewayProcess({ KAFKA_BOOTSTRAP_SERVERS: bootstrapFromEnv() })
  const topic = randomTopic('binary-docs')
  const api = `${gateway.url}/gateway/v1/topics`
  t.after(async () => {
    await fetch(`${api}/${topic}`, { method: 'DELETE' }).catch(() => {})
    await gateway.stop()
  })
  assert.equal((await fetch(api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: topic, partitions: 1 }) })).status, 201)
  const produced = await fetch(`${api}/${topic}/records?keyEncoding=string&valueEncoding=base64`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ records: [
      { key: 'a', value: Buffer.from([0, 255, 10]).toString('base64'), headers: { trace: 't1' } },
      { value: null },
    ] }),
  })
  assert.equal(produced.status, 200, await produced.text())
  const expected: Seen[] = [
    { offset: '0', key: '61', value: '00ff0a', headers: [['trace', '7431']] },
    { offset: '1', key: null, value: null, headers: [] },
  ]
  const hex = (b: Buffer | null): string | null => b === null ? null : b.toString('hex')

  const node: Seen[] = []
  const nodeReader = new AsyncFunction('base', 'handle', docsBlock('binary-fetch.md', 'binary-node', 'js').replaceAll('/topics/orders/', `/topics/${topic}/`) + '\nreturn next')
  const next = await nodeReader(gateway.url, (r: { offset: bigint, key: Buffer | null, value: Buffer | null, headers: [string, Buffer | null][] }) => {
    node.push({ offset: String(r.offset), key: hex(r.key), value: hex(r.value), headers: r.headers.map(([name, value]) => [name, hex(value)]) })
  })
  assert.deepEqual(node, expected)
  assert.equal(next, 2)

  const python = await ensurePythonEnv()
  const script = join(tmpdir(), `binary-fetch-${topic}.py`)
  writeFileSync(script, [
    'import json',
    `base = ${JSON.stringify(gateway.url)}`,
    'def handle(offset, timestamp, key, value, headers):',
    '    h = lambda b: None if b is None else b.hex()',
    '    print(json.dumps({"offset": str(offset), "key": h(key), "value": h(value), "headers": [[n, h(v)] for n, v in headers]}))',
    docsBlock('binary-fetch.md', 'binary-python', 'python').replaceAll('/topics/orders/', `/topics/${topic}/`),
    'print(json.dumps({"next": next_offset}))',
  ].join('\n'))
  const run = await runFile(python, [script], {})
  assert.equal(run.code, 0, run.stderr)
  const lines = run.stdout.trim().split('\n').map(line => JSON.parse(line) as Seen | { next: number })
  assert.deepEqual(lines, [...expected, { next: 2 }])
})
