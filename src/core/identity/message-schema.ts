/**
 * The optional JSON Schema of an access point (issue 4 "Access points"):
 * every message value must satisfy it, and a violation names the message
 * index and the field, e.g. `records[2].value.temperature must be number`.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import formatsModule from 'ajv-formats'
import { GatewayError } from '../errors.ts'

// ajv-formats is CommonJS with a default export; under nodenext its default import is the module object.
const addFormats = ((formatsModule as unknown as { default?: unknown }).default ?? formatsModule) as (ajv: Ajv) => Ajv

const ajv = addFormats(new Ajv({ allErrors: false, strict: false, coerceTypes: false, useDefaults: false, validateSchema: true }))

export type MessageCheck = (value: Buffer | null, field: string) => void

function pathOf (error: ErrorObject): string {
  let path = ''
  for (const segment of error.instancePath.split('/').slice(1)) {
    const s = segment.replace(/~1/g, '/').replace(/~0/g, '~')
    path += /^\d+$/.test(s) ? `[${s}]` : `.${s}`
  }
  const missing = error.params.missingProperty ?? error.params.additionalProperty
  if (typeof missing === 'string') path += `.${missing}`
  return path
}

function describe (error: ErrorObject, where: string): string {
  switch (error.keyword) {
    case 'required': return `${where} is required by the access point's schema`
    case 'additionalProperties': return `${where} is not allowed by the access point's schema`
    case 'enum': return `${where} must be one of ${(error.params.allowedValues as unknown[] | undefined)?.map(v => JSON.stringify(v)).join(', ') ?? 'the allowed values'}`
    default: return `${where} ${error.message ?? 'does not match the access point\'s schema'}`
  }
}

/** Compiles a schema or throws invalid_schema (field `schema`) saying what is wrong with it. */
export function compileMessageSchema (schema: Record<string, unknown>): MessageCheck {
  let validate: ValidateFunction
  try {
    validate = ajv.compile(schema)
  } catch (error) {
    throw new GatewayError('invalid_schema', `schema is not a valid JSON Schema: ${(error as Error).message}`, { field: 'schema' })
  }
  return (value, field) => {
    if (value === null) throw new GatewayError('schema_violation', `${field} is null, but the access point's schema needs a JSON value`, { field })
    let parsed: unknown
    try {
      parsed = JSON.parse(value.toString('utf8'))
    } catch {
      throw new GatewayError('schema_violation', `${field} is not JSON, but the access point's schema needs a JSON value`, { field })
    }
    if (validate(parsed)) return
    const first = validate.errors?.[0]
    const where = first ? field + pathOf(first) : field
    throw new GatewayError('schema_violation', first ? describe(first, where) : `${field} does not match the access point's schema`, { field: where })
  }
}
