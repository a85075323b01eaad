/**
 * Embedded formats shared by every dialect: how a key or value travels in a
 * JSON body (`json`: any JSON value; `string`: UTF-8 text; `base64`: bytes).
 */
import { GatewayError } from '../core/errors.ts'

export const ENCODINGS = ['json', 'string', 'base64'] as const
export type Encoding = (typeof ENCODINGS)[number]

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/
const BASE64URL = /^[A-Za-z0-9_-]*$/

/** JSON body value → bytes for Kafka. `undefined`/`null` become a null key or value. */
export function encodeField (value: unknown, encoding: Encoding, field: string): Buffer | null {
  if (value === undefined || value === null) return null
  switch (encoding) {
    case 'json':
      return Buffer.from(JSON.stringify(value))
    case 'string':
      if (typeof value !== 'string') {
        throw new GatewayError('invalid_encoding', `${field} must be a string with the string encoding (got ${typeof value}); send it as a JSON string or use the json encoding`, { field })
      }
      return Buffer.from(value)
    case 'base64':
      if (typeof value !== 'string' || value.length % 4 === 1 || !(BASE64.test(value) || BASE64URL.test(value))) {
        throw new GatewayError('invalid_encoding', `${field} must be base64 text with the base64 encoding; encode the bytes as base64 or use the string or json encoding`, { field })
      }
      return Buffer.from(value, 'base64')
  }
}

/** Bytes from Kafka → JSON value for the client. */
export function decodeField (bytes: Buffer | null, encoding: Encoding, where: string): unknown {
  if (bytes === null) return null
  switch (encoding) {
    case 'string':
      return bytes.toString('utf8')
    case 'base64':
      return bytes.toString('base64')
    case 'json':
      try {
        return JSON.parse(bytes.toString('utf8'))
      } catch {
        throw new GatewayError('invalid_encoding', `${where} is not valid JSON; read it with the string or base64 encoding`, { field: where })
      }
  }
}
