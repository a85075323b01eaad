/**
 * The base URL clients reach this gateway at, for links the Confluent
 * dialects put into answers (v2 `base_uri`, v3 `metadata.self`): the
 * configured advertised URL, else the scheme and Host of the request.
 */
import type { FastifyRequest } from 'fastify'

export function publicBaseUrl (request: FastifyRequest, advertisedUrl: string): string {
  if (advertisedUrl) return advertisedUrl.replace(/\/+$/, '')
  const host = request.headers.host ?? `${request.hostname}`
  return `${request.protocol}://${host}`
}
