import assert from 'node:assert/strict'
import { test } from 'node:test'
import { curlCommand, ingestUrl, shellQuote } from '../src/pages/access-points/ingest-snippets.ts'

test('the ingest URL joins the page origin and the ingest path', () => {
  assert.equal(ingestUrl('http://gw.local:8080', '/gateway/v1/access-points/datahub-1/messages'), 'http://gw.local:8080/gateway/v1/access-points/datahub-1/messages')
})

test('single quotes survive shell quoting', () => {
  assert.equal(shellQuote("it's"), `'it'\\''s'`)
})

test('the curl command takes the token from $GATEWAY_TOKEN only when the gateway needs one', () => {
  const withAuth = curlCommand('http://h/x', true)
  assert.match(withAuth, /Authorization: Bearer \$GATEWAY_TOKEN/)
  assert.match(withAuth, /-d '\{"records":\[\{"value":\{"hello":"world"\}\}\]\}'/)
  assert.doesNotMatch(curlCommand('http://h/x', false), /Authorization/)
})
