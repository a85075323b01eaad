// Mutual TLS (issue 4 "Who is calling"): a client certificate that the
// listener verified against GATEWAY_TLS_CA_FILE makes its subject the
// principal: the CN when there is one, the whole subject otherwise; its
// OU values become the principal's groups.
import type { TLSSocket } from 'node:tls'
import type { Principal } from '../core/identity/principal.ts'

type SubjectValue = string | string[] | undefined

function values (value: SubjectValue): string[] {
  if (value === undefined) return []
  return Array.isArray(value) ? value : [value]
}

/** The principal of a verified client certificate on this socket, or null (plain HTTP, no certificate, not verified). */
export function certificatePrincipal (socket: unknown): Principal | null {
  const tls = socket as Partial<TLSSocket> | null
  if (!tls || typeof tls.getPeerCertificate !== 'function' || tls.authorized !== true) return null
  const certificate = tls.getPeerCertificate(false)
  const subject = certificate?.subject as Record<string, SubjectValue> | undefined
  if (!subject || Object.keys(subject).length === 0) return null
  const cn = values(subject.CN)[0]
  const id = cn ?? Object.entries(subject).flatMap(([name, v]) => values(v).map(x => `${name}=${x}`)).join(',')
  return { id, kind: 'mtls', groups: values(subject.OU) }
}
