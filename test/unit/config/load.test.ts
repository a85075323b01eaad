import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ConfigError, loadConfig } from '../../../src/config/load.ts'
import { listSettings } from '../../../src/config/settings-walk.ts'

test('defaults apply when nothing is set', () => {
  const config = loadConfig({})
  assert.equal(config.http.port, 8080)
  assert.equal(config.producer.acks, 'all')
  assert.deepEqual(config.kafka.bootstrapServers, [])
})

test('environment variables are coerced to the setting types', () => {
  const config = loadConfig({ GATEWAY_PORT: '9001', KAFKA_BOOTSTRAP_SERVERS: 'a:1, b:2', GATEWAY_PRODUCER_IDEMPOTENT: 'true', KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512' })
  assert.equal(config.http.port, 9001)
  assert.deepEqual(config.kafka.bootstrapServers, ['a:1', 'b:2'])
  assert.equal(config.producer.idempotent, true)
  assert.equal(config.kafka.sasl.mechanism, 'SCRAM-SHA-512')
})

test('every error is reported at once, naming the variable to fix', () => {
  assert.throws(() => loadConfig({ GATEWAY_PORT: 'abc', GATEWAY_PRODUCER_ACKS: 'some', KAFKA_BOOTSTRAP_SERVERS: 'nohost', GATEWAY_LOG_PRETTY: 'maybe' }), (error: ConfigError) => {
    assert.equal(error.problems.length, 4)
    assert.match(error.message, /GATEWAY_PORT \(http\.port\): must be integer/)
    assert.match(error.message, /GATEWAY_PRODUCER_ACKS \(producer\.acks\): must be one of all, leader, none/)
    assert.match(error.message, /KAFKA_BOOTSTRAP_SERVERS/)
    assert.match(error.message, /GATEWAY_LOG_PRETTY/)
    return true
  })
})

test('a config file is read, and the environment wins over it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gw-config-'))
  const file = join(dir, 'gateway.json')
  writeFileSync(file, JSON.stringify({ http: { port: 7000, host: '0.0.0.0' }, kafka: { bootstrapServers: ['k:9092'] } }))
  const config = loadConfig({ GATEWAY_CONFIG_FILE: file, GATEWAY_PORT: '7001' })
  assert.equal(config.http.port, 7001)
  assert.equal(config.http.host, '0.0.0.0')
  assert.deepEqual(config.kafka.bootstrapServers, ['k:9092'])
})

test('unknown keys and unreadable files in the config file are errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gw-config-'))
  const file = join(dir, 'gateway.json')
  writeFileSync(file, JSON.stringify({ http: { prot: 1 } }))
  assert.throws(() => loadConfig({ GATEWAY_CONFIG_FILE: file }), /http/)
  assert.throws(() => loadConfig({ GATEWAY_CONFIG_FILE: join(dir, 'missing.json') }), /GATEWAY_CONFIG_FILE/)
})

test('the configuration is frozen', () => {
  const config = loadConfig({})
  assert.throws(() => { (config.http as { port: number }).port = 1 })
})

test('every setting has an environment variable and a description', () => {
  for (const leaf of listSettings()) {
    assert.ok(leaf.env, `${leaf.path.join('.')} has no env`)
    assert.ok(leaf.description.length > 10, `${leaf.path.join('.')} has no description`)
  }
})
