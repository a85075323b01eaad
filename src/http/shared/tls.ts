/**
 * HTTPS listener options (issue 4 "Optional mutual TLS"). With a CA and
 * GATEWAY_TLS_REQUEST_CLIENT_CERT, clients are asked for a certificate but
 * not refused without one: a caller may still authenticate with a token,
 * and only a certificate the CA verified becomes a principal
 * (src/auth/client-certificate.ts).
 */
import { readFileSync } from 'node:fs'
import type { ServerOptions } from 'node:https'

export interface TlsSettings {
  certFile?: string | undefined
  keyFile?: string | undefined
  caFile?: string | undefined
  requestClientCert: boolean
}

/** Null when the gateway serves plain HTTP. */
export function httpsOptions (tls: TlsSettings): ServerOptions | null {
  if (tls.certFile === undefined || tls.keyFile === undefined) return null
  return {
    cert: readFileSync(tls.certFile),
    key: readFileSync(tls.keyFile),
    ...(tls.caFile !== undefined ? { ca: readFileSync(tls.caFile) } : {}),
    requestCert: tls.requestClientCert,
    rejectUnauthorized: false,
  }
}
