/**
 * Access points (issue 4, seeds 000/001): create, list, get, update, pause,
 * resume, delete. Messages go through access-point-ingest.ts.
 */
import type { FastifyInstance } from 'fastify'
import Type, { type Static } from 'typebox'
import type { AccessPoint as AccessPointEntry } from '../../../core/identity/entries.ts'
import type { Gateway } from '../../../core/gateway.ts'
import { audit } from '../../shared/audit.ts'
import { AccessPoint, AccessPointBody, AccessPointPatch, IdParams } from '../identity-schemas.ts'
import { errorResponses } from '../schemas.ts'

const tags = ['access points']
type IdRoute = { Params: Static<typeof IdParams> }

export function registerAccessPointRoutes (app: FastifyInstance, gateway: Gateway): void {
  const accessPoints = gateway.identity.accessPoints
  const base = app.prefix
  const wire = (entry: AccessPointEntry): object => ({ ...entry, ingestPath: `${base}/access-points/${entry.id}/messages` })
  const one = { 200: AccessPoint, ...errorResponses }

  app.post<{ Body: Static<typeof AccessPointBody> }>('/access-points', {
    schema: {
      summary: 'Create an access point',
      description: 'A named ingestion endpoint bound to one topic. The caller must itself be allowed to produce to the topic.',
      tags,
      body: AccessPointBody,
      response: { 201: AccessPoint, ...errorResponses },
    },
    config: { access: { operation: 'admin', resource: 'access-point' } },
  }, async (request, reply) => {
    const created = await accessPoints.create(request.body, request.principal!)
    audit(request, 'access-point.created', { target: { type: 'access-point', id: created.id }, topic: created.topic })
    reply.code(201).header('location', `${base}/access-points/${created.id}`)
    return wire(created)
  })

  app.get('/access-points', {
    schema: { summary: 'List access points', tags, response: { 200: Type.Object({ accessPoints: Type.Array(AccessPoint) }), ...errorResponses } },
    config: { access: { operation: 'describe', resource: 'access-point' } },
  }, async () => ({ accessPoints: accessPoints.list().map(wire) }))

  app.get<IdRoute>('/access-points/:id', {
    schema: { summary: 'Get an access point', tags, params: IdParams, response: one },
    config: { access: { operation: 'describe', resource: 'access-point' } },
  }, async request => wire(accessPoints.get(request.params.id)))

  app.patch<IdRoute & { Body: Static<typeof AccessPointPatch> }>('/access-points/:id', {
    schema: { summary: 'Update an access point', tags, params: IdParams, body: AccessPointPatch, response: one },
    config: { access: { operation: 'admin', resource: 'access-point' } },
  }, async request => {
    const updated = await accessPoints.update(request.params.id, request.body, request.principal!)
    audit(request, 'access-point.updated', { target: { type: 'access-point', id: updated.id }, fields: Object.keys(request.body) })
    return wire(updated)
  })

  for (const action of ['pause', 'resume'] as const) {
    app.post<IdRoute>(`/access-points/:id/${action}`, {
      schema: {
        summary: action === 'pause' ? 'Pause an access point' : 'Resume an access point',
        description: action === 'pause'
          ? 'Every gateway instance refuses its messages within about a second (409 access_point_paused, "task status suspended [<id>]").'
          : 'Messages are accepted again on every instance within about a second.',
        tags,
        params: IdParams,
        response: one,
      },
      config: { access: { operation: 'admin', resource: 'access-point' } },
    }, async request => {
      const changed = await accessPoints[action](request.params.id)
      audit(request, action === 'pause' ? 'access-point.paused' : 'access-point.resumed', { target: { type: 'access-point', id: changed.id } })
      return wire(changed)
    })
  }

  app.delete<IdRoute>('/access-points/:id', {
    schema: { summary: 'Delete an access point', tags, params: IdParams, response: { 204: Type.Null(), ...errorResponses } },
    config: { access: { operation: 'admin', resource: 'access-point' } },
  }, async (request, reply) => {
    await accessPoints.delete(request.params.id)
    audit(request, 'access-point.deleted', { target: { type: 'access-point', id: request.params.id } })
    reply.code(204).send()
  })
}
