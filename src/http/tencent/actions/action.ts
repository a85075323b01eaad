/**
 * What an action of the Tencent dialect is: a name (the X-TC-Action
 * value), a parameter schema, and a short translation onto the core.
 */
import type { FastifyRequest } from 'fastify'
import type { Static, TSchema } from 'typebox'
import type { Gateway } from '../../../core/gateway.ts'
import type { Operation, Principal, Resource } from '../../../core/identity/principal.ts'
import type { InstanceIds } from '../instance.ts'
import { compileParams } from '../validation.ts'

export interface ActionContext {
  readonly gateway: Gateway
  readonly instances: InstanceIds
  readonly request: FastifyRequest
  readonly principal: Principal
  /** Asks the core authorizer (throws forbidden); remembered so a denial's audit line names what was asked. */
  authorize (operation: Operation, resource: Resource): void
  /** Records what the core will authorize itself (e.g. access point ingest), for the audit line of a denial. */
  intend (operation: Operation, resource: Resource): void
}

export type ActionResult = Record<string, unknown>

export interface TencentAction {
  readonly name: string
  run (context: ActionContext, params: unknown): Promise<ActionResult>
}

/** An action whose parameters are checked against `schema` before `run` sees them. */
export function defineAction<S extends TSchema> (name: string, schema: S, run: (context: ActionContext, params: Static<S>) => Promise<ActionResult>): TencentAction {
  const check = compileParams(schema)
  return { name, run: async (context, params) => run(context, check(params)) }
}
