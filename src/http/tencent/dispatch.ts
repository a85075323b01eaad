/**
 * One TencentCloud API 3.0 request, start to end (contracts.md §1):
 * the action from X-TC-Action, the version from X-TC-Version, the caller
 * from the TC3 signature over the raw body, the per-principal limits, the
 * JSON parameters, then the action. Every failure becomes the error
 * envelope, and denials become audit lines naming what was asked.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import { isGatewayError } from '../../core/errors.ts'
import type { Gateway } from '../../core/gateway.ts'
import type { Operation, Resource } from '../../core/identity/principal.ts'
import { audit } from '../shared/audit.ts'
import type { ActionContext, TencentAction } from './actions/action.ts'
import { TENCENT_ACTIONS } from './actions/index.ts'
import { sendTencentError, sendTencentResult } from './envelope.ts'
import { TencentError } from './errors.ts'
import type { InstanceIds } from './instance.ts'
import { authenticateTc3, type SignatureSettings } from './signature.ts'

/** The one API version of CKafka the SDKs send (X-TC-Version). */
export const TENCENT_API_VERSION = '2019-08-19'

function actionOf (header: string | string[] | undefined): TencentAction {
  if (header === undefined || header === '') {
    throw new TencentError('MissingParameter', 'the request is missing the required parameter Action: send the X-TC-Action header (this gateway serves TC3-HMAC-SHA256 signed JSON requests only)')
  }
  const name = Array.isArray(header) ? header.join(',') : header
  const action = TENCENT_ACTIONS.get(name)
  if (!action) throw new TencentError('InvalidAction', `action ${name} is not served by this gateway; it serves ${[...TENCENT_ACTIONS.keys()].join(', ')}`)
  return action
}

function checkVersion (header: string | string[] | undefined, action: string): void {
  if (header === undefined || header === '') throw new TencentError('MissingParameter', `the request is missing the required parameter Version: send X-TC-Version: ${TENCENT_API_VERSION}`)
  if (header !== TENCENT_API_VERSION) throw new TencentError('NoSuchVersion', `version ${String(header)} of action ${action} does not exist; send X-TC-Version: ${TENCENT_API_VERSION}`)
}

/** The action's parameters: the JSON object of the body (an empty body is no parameters). */
export function parseParams (contentType: string | undefined, body: Buffer): unknown {
  const mime = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase()
  if (mime !== 'application/json') {
    throw new TencentError('InvalidParameter', `Content-Type ${contentType ?? '(none)'} is not accepted; send the parameters as application/json`)
  }
  if (body.length === 0) return {}
  let params: unknown
  try {
    params = JSON.parse(body.toString('utf8'))
  } catch (error) {
    throw new TencentError('InvalidParameter', `the body is not valid JSON: ${(error as Error).message}`, { cause: error })
  }
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new TencentError('InvalidParameter', 'the body must be a JSON object holding the parameters of the action')
  }
  return params
}

export interface DispatchDeps {
  gateway: Gateway
  instances: InstanceIds
  signature: SignatureSettings
}

interface Intent { operation: Operation, resource: Resource }

function auditDenial (request: FastifyRequest, error: unknown, action: string | undefined, intent: Intent | null): void {
  const forbidden = (error instanceof TencentError && error.code === 'AuthFailure.UnauthorizedOperation') || (isGatewayError(error) && error.code === 'forbidden')
  const unauthenticated = error instanceof TencentError && error.code.startsWith('AuthFailure.') && !forbidden
  if (!forbidden && !unauthenticated) return
  audit(request, forbidden ? 'access.denied' : 'authentication.failed', {
    ...(action !== undefined ? { action } : {}),
    ...(intent ? { operation: intent.operation, resource: intent.resource } : {}),
    reason: (error as Error).message,
  }, 'warn')
}

export async function dispatchTencentRequest (request: FastifyRequest, reply: FastifyReply, deps: DispatchDeps): Promise<FastifyReply> {
  const identity = deps.gateway.identity
  const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0)
  let action: TencentAction | undefined
  let intent: Intent | null = null
  try {
    action = actionOf(request.headers['x-tc-action'])
    checkVersion(request.headers['x-tc-version'], action.name)
    const principal = authenticateTc3(request, body, identity, deps.signature)
    request.principal = principal
    identity.admitRequest(principal, body.length)
    const params = parseParams(request.headers['content-type'], body)
    const context: ActionContext = {
      gateway: deps.gateway,
      instances: deps.instances,
      request,
      principal,
      intend (operation, resource) { intent = { operation, resource } },
      authorize (operation, resource) {
        intent = { operation, resource }
        identity.authorizer.authorize(principal, operation, resource)
      },
    }
    return sendTencentResult(request, reply, await action.run(context, params))
  } catch (error) {
    auditDenial(request, error, action?.name, intent)
    return sendTencentError(request, reply, error)
  }
}
