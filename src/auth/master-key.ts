// The master key that seals API key secrets at rest: from GATEWAY_MASTER_KEY
// or from the file GATEWAY_MASTER_KEY_FILE names (a mounted secret), never both.
import { readFileSync } from 'node:fs'

export interface MasterKeySettings {
  masterKey?: string | undefined
  masterKeyFile?: string | undefined
}

export interface MasterKeyResult {
  key: string | undefined
  problems: string[]
}

const MIN_CHARS = 16

export function readMasterKey (settings: MasterKeySettings): MasterKeyResult {
  if (settings.masterKey !== undefined && settings.masterKeyFile !== undefined) {
    return { key: undefined, problems: ['set either GATEWAY_MASTER_KEY or GATEWAY_MASTER_KEY_FILE, not both'] }
  }
  if (settings.masterKeyFile === undefined) return { key: settings.masterKey, problems: [] }
  let text: string
  try {
    text = readFileSync(settings.masterKeyFile, 'utf8')
  } catch (error) {
    return { key: undefined, problems: [`GATEWAY_MASTER_KEY_FILE ${settings.masterKeyFile}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`] }
  }
  // Files usually end with a newline that is not part of the key.
  const key = text.replace(/\r?\n$/, '')
  if (key.length < MIN_CHARS) return { key: undefined, problems: [`GATEWAY_MASTER_KEY_FILE ${settings.masterKeyFile}: the key must be at least ${MIN_CHARS} characters`] }
  return { key, problems: [] }
}
