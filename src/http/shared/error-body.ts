/**
 * Turns anything thrown while handling a request into a GatewayError: our own
 * errors pass through, Fastify's parse/validation/limit errors get their code
 * from the one error table. Dialects then render the GatewayError their way.
 */
import type { FastifyError } from 'fastify'
import { GatewayError } from '../../core/errors.ts'

interface ValidationItem {
  instancePath?: string
  message?: string
  keyword?: string
  params?: Record<string, unknown>
}

/** `body/records/0/value` → `records[0].value`, plus the missing or extra property itself. */
export function fieldOf (item: ValidationItem, context: string | undefined): string {
  const segments = (item.instancePath ?? '').split('/').filter(Boolean)
  const extra = item.params?.missingProperty ?? item.params?.additionalProperty
  if (typeof extra === 'string') segments.push(extra)
  let path = ''
  for (const s of segments) path += /^\d+$/.test(s) ? `[${s}]` : (path ? '.' : '') + s
  return path || (context ?? 'body')
}

function describeValidation (item: ValidationItem, field: string, context: string | undefined): string {
  const where = context === 'querystring' ? `query parameter ${field}` : context === 'params' ? `path parameter ${field}` : field
  switch (item.keyword) {
    case 'required': return `${where} is required`
    case 'additionalProperties': return `${where} is not a known field; check its spelling`
    case 'enum': return `${where} must be one of ${(item.params?.allowedValues as unknown[] | undefined)?.join(', ') ?? 'the listed values'}`
    default: return `${where} ${item.message ?? 'is invalid'}`
  }
}

export function toGatewayError (error: unknown): GatewayError {
  if (error instanceof GatewayError) return error
  const e = error as FastifyError & { validation?: ValidationItem[], validationContext?: string }
  if (Array.isArray(e.validation) && e.validation.length > 0) {
    const first = e.validation[0]!
    const field = fieldOf(first, e.validationContext)
    return new GatewayError('invalid_request', describeValidation(first, field, e.validationContext), { field })
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new GatewayError('body_too_large', 'the request body is larger than the gateway accepts; send fewer or smaller records per request', { cause: error })
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new GatewayError('unsupported_media_type', 'unsupported Content-Type; send application/json', { cause: error })
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new GatewayError('invalid_json', 'the body is empty; send a JSON document', { cause: error })
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new GatewayError('invalid_json', `the body is not valid JSON: ${e.message}`, { cause: error })
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new GatewayError('invalid_request', 'Content-Length does not match the body', { cause: error })
  }
  if (e instanceof SyntaxError || (e.statusCode === 400 && /JSON/i.test(e.message))) {
    return new GatewayError('invalid_json', `the body is not valid JSON: ${e.message}`, { cause: error })
  }
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    return new GatewayError('invalid_request', e.message, { cause: error })
  }
  return new GatewayError('internal_error', 'the gateway failed to handle the request; the error is logged with its request id', { cause: error })
}

/**
 * One logging rule for every dialect: a gateway or Kafka failure is an error
 * line; a retryable one (Kafka down, overload) is counted in /metrics and
 * logged at debug, so an outage under load does not flood the log with one
 * line per refused request.
 */
export function logServerError (log: { error: (obj: object, msg: string) => void, debug: (obj: object, msg: string) => void }, error: GatewayError, status = error.status, cause: unknown = error): void {
  if (status < 500) return
  if (error.retryable) log.debug({ code: error.code }, error.message)
  else log.error({ err: cause, code: error.code }, error.message)
}
