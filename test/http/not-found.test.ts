import assert from 'node:assert/strict'
import { test } from 'node:test'
import { memoryApp } from '../support/memory-gateway.ts'

test('unknown paths of the Confluent v2 families answer in v2 format, others in the native one', async t => {
  const { app } = await memoryApp(t)
  const v2 = await app.inject({ url: '/consumers/g/instances/i/nothing' })
  assert.equal(v2.statusCode, 404)
  assert.equal(v2.json().error_code, 404)
  assert.match(v2.headers['content-type'] as string, /application\/vnd\.kafka\.v2\+json/)
  const other = await app.inject({ url: '/no/such/thing' })
  assert.equal(other.statusCode, 404)
  assert.equal(other.json().code, 'route_not_found')
})
