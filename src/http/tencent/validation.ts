/**
 * Parameters of one action checked against its TypeBox schema, with the
 * error codes TencentCloud API 3.0 uses for each kind of mistake
 * (contracts.md §1): a missing parameter is MissingParameter, an unknown
 * one UnknownParameter, a wrong type InvalidParameter, a value outside what
 * the schema allows InvalidParameterValue. Parameters are named the way the
 * Tencent API reference names them (`Message.0.Body`).
 */
import type { Static, TSchema } from 'typebox'
import { Compile } from 'typebox/compile'
import { TencentError } from './errors.ts'

interface SchemaProblem {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
  message: string
}

/** `/Message/0/Body` → `Message.0.Body`; the root is the request body. */
function parameterName (instancePath: string, child?: string): string {
  const segments = instancePath.split('/').filter(Boolean)
  if (child !== undefined) segments.push(child)
  return segments.join('.')
}

function firstOf (errors: SchemaProblem[], keyword: string): SchemaProblem | undefined {
  return errors.find(e => e.keyword === keyword)
}

/** The most useful problem first: missing, then unknown, then wrong type, then wrong value. */
export function describeProblems (errors: SchemaProblem[]): TencentError {
  const missing = firstOf(errors, 'required')
  if (missing) {
    const names = (missing.params.requiredProperties as string[] | undefined) ?? []
    const name = parameterName(missing.instancePath, names[0])
    return new TencentError('MissingParameter', `the request is missing the required parameter ${name}`)
  }
  const unknown = firstOf(errors, 'additionalProperties')
  if (unknown) {
    const names = (unknown.params.additionalProperties as string[] | undefined) ?? []
    const name = parameterName(unknown.instancePath, names[0])
    return new TencentError('UnknownParameter', `the parameter ${name} is unknown or not supported by this gateway; docs/tencent.md lists the parameters of each action`)
  }
  const wrongType = firstOf(errors, 'type')
  if (wrongType) {
    const name = parameterName(wrongType.instancePath) || 'the body'
    return new TencentError('InvalidParameter', `${name} ${wrongType.message}`)
  }
  const other = errors.find(e => e.keyword !== 'boolean') ?? errors[0]
  const name = other ? parameterName(other.instancePath) : ''
  return new TencentError('InvalidParameterValue', `${name || 'the body'} ${other?.message ?? 'is not valid'}`)
}

export type ParamsCheck<S extends TSchema> = (params: unknown) => Static<S>

/** Compiles once; the returned function returns the parameters typed or throws the TencentError. */
export function compileParams<S extends TSchema> (schema: S): ParamsCheck<S> {
  const validator = Compile(schema)
  return params => {
    if (validator.Check(params)) return params as Static<S>
    throw describeProblems([...validator.Errors(params)] as SchemaProblem[])
  }
}
