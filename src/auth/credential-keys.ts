// The core's CredentialKeysPort over the API key format and the secret box:
// ids and secrets as in api-key-format.ts, secrets sealed with the master
// key and bound to their credential id (a sealed secret moved onto another
// entry fails to open).
import type { CredentialKeysPort } from '../core/identity/credentials.ts'
import { NO_MASTER_KEY } from '../core/identity/credentials.ts'
import { formatApiToken, generateApiKeyPair } from './api-key-format.ts'
import { createSecretBox } from './secret-box.ts'

const context = (credentialId: string): string => `credential/${credentialId}`

export function createCredentialKeys (masterKey: string | undefined): CredentialKeysPort {
  if (masterKey === undefined) return NO_MASTER_KEY
  const box = createSecretBox(masterKey)
  return {
    generate () {
      const pair = generateApiKeyPair()
      return { ...pair, token: formatApiToken(pair) }
    },
    seal: (secret, credentialId) => box.encrypt(secret, context(credentialId)),
    open: (sealed, credentialId) => box.decrypt(sealed, context(credentialId)),
  }
}
