/**
 * Confluent v2 media types (contracts.md §4):
 * `application/vnd.kafka[.<embedded format>][.v2]+json`, plus plain
 * `application/json`. Embedded formats: binary, json, string (Strimzi's
 * `text`), and the schema-registry formats avro, jsonschema, protobuf, which
 * this gateway cannot serve.
 */
import { GatewayError } from '../../core/errors.ts'
import type { ConsumerFormat } from '../../core/consumers/model.ts'

export const VENDOR_JSON = /^application\/vnd\.kafka(\.[a-z]+)?(\.v[12])?\+json/i
const VENDOR_PARTS = /^application\/vnd\.kafka(?:\.([a-z]+))?(?:\.v[12])?\+json$/i

export const SCHEMA_FORMATS = new Set(['avro', 'jsonschema', 'protobuf'])

/** Wire name → format; `text` is Strimzi's name for `string`. */
export function consumerFormat (name: string): ConsumerFormat | 'schema' | null {
  const lower = name.toLowerCase()
  if (lower === 'binary' || lower === 'json' || lower === 'string') return lower
  if (lower === 'text') return 'string'
  if (SCHEMA_FORMATS.has(lower)) return 'schema'
  return null
}

function mediaType (header: string): string {
  return header.split(';')[0]!.trim().toLowerCase()
}

/** Embedded format of a produce body from its Content-Type; generic JSON types mean binary, as with Confluent. */
export function produceFormat (contentType: string | undefined): { format: ConsumerFormat, name: string } | { format: 'schema', name: string } {
  const match = VENDOR_PARTS.exec(mediaType(contentType ?? ''))
  const name = match?.[1]?.toLowerCase()
  if (!name) return { format: 'binary', name: 'binary' }
  const format = consumerFormat(name)
  if (format === null) throw new GatewayError('unsupported_media_type', `unknown embedded format ${name} in Content-Type; use application/vnd.kafka.binary.v2+json, .json., or .string. (Strimzi: .text.)`)
  return { format, name }
}

/**
 * The format a records request asks for in Accept: the first vendor type
 * naming one; undefined when Accept is generic (absent, application/json,
 * application/vnd.kafka.v2+json, *\/*), which takes the instance's format.
 */
export function acceptedFormat (accept: string | undefined): { format: ConsumerFormat | 'schema', name: string } | undefined {
  for (const part of (accept ?? '').split(',')) {
    const name = VENDOR_PARTS.exec(mediaType(part))?.[1]?.toLowerCase()
    if (!name) continue
    const format = consumerFormat(name)
    if (format !== null) return { format, name }
  }
  return undefined
}

export function recordsMediaType (formatName: string): string {
  return `application/vnd.kafka.${formatName}.v2+json`
}
