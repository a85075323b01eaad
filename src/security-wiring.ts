/**
 * Wires issue 4 into a gateway process: checks the security settings (a
 * problem stops the start; a warning is logged at every start), reads the
 * master key, loads the declarative state file, and creates the Kafka state
 * store. server.ts passes `gatewayOptions` to createGateway and calls
 * `close` on shutdown.
 */
import { createCredentialKeys } from './auth/credential-keys.ts'
import { readMasterKey } from './auth/master-key.ts'
import { checkSecuritySettings } from './auth/startup-checks.ts'
import type { GatewayConfig } from './config/schema.ts'
import { loadStateFile, StateFileError } from './config/state-file.ts'
import type { GatewayOptions } from './core/gateway.ts'
import type { StateLog } from './core/identity/shared-state.ts'
import { KafkaStateStore } from './kafka/state-store.ts'

export interface SecurityWiring {
  gatewayOptions: GatewayOptions
  close (): Promise<void>
}

export class SecurityStartupError extends Error {
  constructor (problems: string[]) {
    super(`cannot start with these security settings:\n  - ${problems.join('\n  - ')}`)
    this.name = 'SecurityStartupError'
  }
}

export function prepareSecurity (config: Readonly<GatewayConfig>, log: StateLog, env: Record<string, string | undefined> = process.env): SecurityWiring {
  const security = config.security
  const masterKey = readMasterKey(security)
  const check = checkSecuritySettings(config, masterKey.key)
  const problems = [...masterKey.problems, ...check.problems]
  if (problems.length > 0) throw new SecurityStartupError(problems)
  for (const warning of check.warnings) log.warn({ security: true }, warning)

  const credentialKeys = createCredentialKeys(masterKey.key)
  let declared
  try {
    declared = security.state.file === undefined ? undefined : loadStateFile(security.state.file, credentialKeys, env)
  } catch (error) {
    throw new SecurityStartupError(error instanceof StateFileError ? error.problems.map(p => `GATEWAY_STATE_FILE ${security.state.file}: ${p}`) : [(error as Error).message])
  }
  const stateStore = new KafkaStateStore(config.kafka, security.state, log)
  return {
    gatewayOptions: { stateStore, credentialKeys, log, ...(declared ? { declared } : {}) },
    close: () => stateStore.close(),
  }
}
