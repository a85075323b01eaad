// Security settings that must hold before the gateway listens (issue 4):
// auth mode `required` needs a master key; auth mode `none` beyond loopback
// needs an explicit override and then warns at every start; TLS and OIDC
// settings must be complete. Problems stop the start; warnings are logged.
import type { GatewayConfig } from '../config/schema.ts'

export interface SecurityCheck {
  problems: string[]
  warnings: string[]
}

export function isLoopbackHost (host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
}

export function checkSecuritySettings (config: Readonly<GatewayConfig>, masterKey: string | undefined): SecurityCheck {
  const { auth, oidc, tls, state } = config.security
  const problems: string[] = []
  const warnings: string[] = []
  if (auth.mode === 'required' && masterKey === undefined) {
    problems.push('GATEWAY_AUTH_MODE=required needs GATEWAY_MASTER_KEY or GATEWAY_MASTER_KEY_FILE (at least 16 characters, the same on every instance): it encrypts API key secrets at rest')
  }
  if (auth.mode === 'none' && !isLoopbackHost(config.http.host)) {
    const risk = `GATEWAY_AUTH_MODE=none while listening on ${config.http.host}: anyone who reaches the port is an administrator`
    if (auth.allowUnauthenticatedNetwork) warnings.push(`${risk} (allowed by GATEWAY_ALLOW_UNAUTHENTICATED_NETWORK)`)
    else problems.push(`${risk}; set GATEWAY_AUTH_MODE=required, listen on 127.0.0.1, or accept the risk with GATEWAY_ALLOW_UNAUTHENTICATED_NETWORK=true`)
  }
  if (auth.mode === 'required' && auth.adminToken === undefined && oidc.issuer === undefined && state.file === undefined) {
    warnings.push('GATEWAY_AUTH_MODE=required without GATEWAY_ADMIN_TOKEN, an OIDC issuer or GATEWAY_STATE_FILE: only credentials already in the state topic can call the gateway')
  }
  if (oidc.issuer !== undefined && oidc.audience.length === 0) {
    problems.push('GATEWAY_OIDC_ISSUER is set but GATEWAY_OIDC_AUDIENCE is empty: name the audience (aud) tokens for this gateway carry')
  }
  if ((tls.certFile === undefined) !== (tls.keyFile === undefined)) {
    problems.push('HTTPS needs both GATEWAY_TLS_CERT_FILE and GATEWAY_TLS_KEY_FILE')
  }
  if (tls.requestClientCert && (tls.caFile === undefined || tls.certFile === undefined)) {
    problems.push('GATEWAY_TLS_REQUEST_CLIENT_CERT=true needs HTTPS (GATEWAY_TLS_CERT_FILE, GATEWAY_TLS_KEY_FILE) and GATEWAY_TLS_CA_FILE, the CA that signs client certificates')
  }
  return { problems, warnings }
}
