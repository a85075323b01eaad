/**
 * Audit lines (issue 4): every denial and every administrative change, as a
 * log line with `audit: true` through the request logger (so it carries the
 * request id). Never pass a secret in `details`.
 */
import type { FastifyRequest } from 'fastify'

export function audit (request: FastifyRequest, event: string, details: Record<string, unknown> = {}, level: 'info' | 'warn' = 'info'): void {
  const principal = request.principal
  request.log[level]({
    audit: true,
    event,
    principal: principal?.id ?? null,
    principalKind: principal?.kind ?? null,
    ...(principal?.credentialId !== undefined ? { credentialId: principal.credentialId } : {}),
    method: request.method,
    route: request.routeOptions.url ?? null,
    ...details,
  }, `audit: ${event}`)
}
