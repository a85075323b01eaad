/**
 * Access points (issue 4, seeds 000/001 "data access task"): a named HTTP
 * ingestion endpoint bound to one topic, which an operator hands to a
 * partner and can pause in one click. This file manages them; ingest.ts
 * takes messages through them.
 */
import { randomBytes } from 'node:crypto'
import { GatewayError } from '../errors.ts'
import type { AdminPort } from '../ports.ts'
import type { Authorizer } from './authorizer.ts'
import type { AccessPoint, AccessPointLimits } from './entries.ts'
import { compileMessageSchema, type MessageCheck } from './message-schema.ts'
import type { Principal } from './principal.ts'
import type { SharedState } from './shared-state.ts'

export interface AccessPointInput {
  name: string
  topic: string
  description?: string
  schema?: Record<string, unknown> | null
  limits?: AccessPointLimits
  allowedPrincipals?: string[]
}

export type AccessPointPatch = Partial<AccessPointInput>

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/

function notFound (id: string): GatewayError {
  return new GatewayError('access_point_not_found', `access point ${id} does not exist; list them with GET /gateway/v1/access-points`)
}

function checkLimits (limits: AccessPointLimits): AccessPointLimits {
  const out: AccessPointLimits = {}
  for (const name of ['recordsPerSecond', 'bytesPerSecond', 'maxMessageBytes'] as const) {
    const value = limits[name]
    if (value === undefined) continue
    if (!Number.isSafeInteger(value) || value < 1) throw new GatewayError('invalid_request', `limits.${name} must be a positive integer`, { field: `limits.${name}` })
    out[name] = value
  }
  return out
}

export class AccessPointService {
  readonly #state: SharedState
  readonly #admin: AdminPort
  readonly #authorizer: Authorizer
  readonly #reservedTopics: ReadonlySet<string>
  readonly #checks = new Map<string, { updatedAt: string, check: MessageCheck }>()

  constructor (state: SharedState, admin: AdminPort, authorizer: Authorizer, reservedTopics: string[]) {
    this.#state = state
    this.#admin = admin
    this.#authorizer = authorizer
    this.#reservedTopics = new Set(reservedTopics)
    state.onChange((type, id) => { if (type === 'access-point') this.#checks.delete(id) })
  }

  list (): AccessPoint[] {
    this.#state.assertReady()
    return this.#state.list('access-point')
  }

  get (id: string): AccessPoint {
    this.#state.assertReady()
    const accessPoint = this.#state.get('access-point', id)
    if (!accessPoint) throw notFound(id)
    return accessPoint
  }

  /** `actor` must itself be allowed to produce to the topic: an access point must not widen what its creator may do. */
  async create (input: AccessPointInput, actor: Principal): Promise<AccessPoint> {
    this.#state.assertReady()
    const now = new Date().toISOString()
    const accessPoint: AccessPoint = {
      id: this.#newId(),
      name: input.name,
      topic: input.topic,
      description: input.description ?? '',
      schema: input.schema ?? null,
      limits: checkLimits(input.limits ?? {}),
      allowedPrincipals: [...new Set(input.allowedPrincipals ?? [])],
      status: 'running',
      createdAt: now,
      updatedAt: now,
    }
    await this.#validate(accessPoint, actor, true)
    await this.#state.put('access-point', accessPoint)
    return accessPoint
  }

  async update (id: string, patch: AccessPointPatch, actor: Principal): Promise<AccessPoint> {
    const current = this.get(id)
    const next: AccessPoint = {
      ...current,
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.topic !== undefined ? { topic: patch.topic } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.schema !== undefined ? { schema: patch.schema } : {}),
      ...(patch.limits !== undefined ? { limits: checkLimits(patch.limits) } : {}),
      ...(patch.allowedPrincipals !== undefined ? { allowedPrincipals: [...new Set(patch.allowedPrincipals)] } : {}),
      updatedAt: new Date().toISOString(),
    }
    await this.#validate(next, actor, next.topic !== current.topic)
    await this.#state.put('access-point', next)
    return next
  }

  pause (id: string): Promise<AccessPoint> { return this.#setStatus(id, 'paused') }
  resume (id: string): Promise<AccessPoint> { return this.#setStatus(id, 'running') }

  async delete (id: string): Promise<void> {
    this.get(id)
    await this.#state.remove('access-point', id)
  }

  /** The compiled schema check of an access point, or null when it has no schema. */
  messageCheck (accessPoint: AccessPoint): MessageCheck | null {
    if (accessPoint.schema === null) return null
    const cached = this.#checks.get(accessPoint.id)
    if (cached && cached.updatedAt === accessPoint.updatedAt) return cached.check
    const check = compileMessageSchema(accessPoint.schema)
    this.#checks.set(accessPoint.id, { updatedAt: accessPoint.updatedAt, check })
    return check
  }

  async #setStatus (id: string, status: AccessPoint['status']): Promise<AccessPoint> {
    const current = this.get(id)
    if (current.status === status) return current
    const next = { ...current, status, updatedAt: new Date().toISOString() }
    await this.#state.put('access-point', next)
    return next
  }

  async #validate (accessPoint: AccessPoint, actor: Principal, topicChanged: boolean): Promise<void> {
    if (accessPoint.name.trim() === '') throw new GatewayError('invalid_request', 'name must not be empty', { field: 'name' })
    if (!TOPIC_NAME.test(accessPoint.topic)) throw new GatewayError('invalid_request', 'topic must be a Kafka topic name (letters, digits, . _ -, at most 249)', { field: 'topic' })
    if (this.#reservedTopics.has(accessPoint.topic)) throw new GatewayError('invalid_request', `topic ${accessPoint.topic} holds the gateway's shared state; an access point cannot write to it`, { field: 'topic' })
    if (accessPoint.schema !== null) compileMessageSchema(accessPoint.schema)
    if (topicChanged) {
      this.#authorizer.authorize(actor, 'produce', { type: 'topic', name: accessPoint.topic })
      // Fails with topic_not_found now rather than on the partner's first message.
      await this.#admin.partitionCount(accessPoint.topic)
    }
  }

  #newId (): string {
    for (;;) {
      const id = `datahub-${randomBytes(4).toString('hex')}`
      if (!this.#state.get('access-point', id)) return id
    }
  }
}
