import { randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/

/** Honour a caller's X-Request-Id when it is sane, so logs correlate across hops. */
export function requestIdOf (req: IncomingMessage): string {
  const given = req.headers['x-request-id']
  return typeof given === 'string' && VALID_REQUEST_ID.test(given) ? given : randomUUID()
}
