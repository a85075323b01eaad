/**
 * API key credentials (issue 4 "Who is calling"): an id and a secret bound
 * to a principal name. The secret is the HMAC key of the signature schemes
 * (contracts.md §1, §2), so it is stored sealed with the master key, never
 * in clear, never logged, and shown once: in the answer to create.
 */
import { timingSafeEqual } from 'node:crypto'
import { GatewayError } from '../errors.ts'
import type { StoredCredential } from './entries.ts'
import type { Principal } from './principal.ts'
import type { SharedState } from './shared-state.ts'

/** Key generation and sealing, implemented in src/auth with the master key. */
export interface CredentialKeysPort {
  /** A new random key pair and the bearer token `gw_<id>_<secret>` carrying both halves. */
  generate (): { id: string, secret: string, token: string }
  /** Seals a secret for storage, bound to its credential id; throws not_configured without a master key. */
  seal (secret: string, credentialId: string): string
  /** Opens a sealed secret; throws when the master key differs from the one that sealed it. */
  open (sealed: string, credentialId: string): string
}

/** The keys port of a gateway started without a master key. */
export const NO_MASTER_KEY: CredentialKeysPort = {
  generate () { throw noMasterKey() },
  seal () { throw noMasterKey() },
  open () { throw noMasterKey() },
}

function noMasterKey (): GatewayError {
  return new GatewayError('not_configured', 'API keys need a master key to encrypt their secrets; start the gateway with GATEWAY_MASTER_KEY or GATEWAY_MASTER_KEY_FILE')
}

export interface CredentialView {
  id: string
  principal: string
  description: string
  createdAt: string
  revoked: boolean
}

export interface CreatedCredential extends CredentialView {
  secret: string
  token: string
}

export interface ResolvedCredential {
  principal: Principal
  secret: string
}

function view (c: StoredCredential): CredentialView {
  return { id: c.id, principal: c.principal, description: c.description, createdAt: c.createdAt, revoked: c.revoked }
}

function sameSecret (a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

export class CredentialService {
  readonly #state: SharedState
  readonly #keys: CredentialKeysPort
  /** Opened secrets by id, valid while the sealed text is unchanged (AES-GCM per request is cheap, but not free). */
  readonly #opened = new Map<string, { sealed: string, secret: string }>()

  constructor (state: SharedState, keys: CredentialKeysPort) {
    this.#state = state
    this.#keys = keys
    state.onChange((type, id) => { if (type === 'credential') this.#opened.delete(id) })
  }

  async create (input: { principal: string, description?: string }): Promise<CreatedCredential> {
    const { id, secret, token } = this.#keys.generate()
    const stored: StoredCredential = {
      id,
      principal: input.principal,
      description: input.description ?? '',
      createdAt: new Date().toISOString(),
      revoked: false,
      sealedSecret: this.#keys.seal(secret, id),
    }
    await this.#state.put('credential', stored)
    return { ...view(stored), secret, token }
  }

  list (): CredentialView[] {
    this.#state.assertReady()
    return this.#state.list('credential').map(view)
  }

  /** Revokes a key for good: the sealed secret is dropped, the entry stays listed as revoked. Idempotent. */
  async revoke (id: string): Promise<void> {
    this.#state.assertReady()
    const stored = this.#state.get('credential', id)
    if (!stored) throw new GatewayError('credential_not_found', `credential ${id} does not exist; list them with GET /gateway/v1/credentials`)
    if (stored.revoked) return
    await this.#state.put('credential', { ...stored, revoked: true, sealedSecret: null })
  }

  /**
   * The secret and principal of an active key, or null when the id is unknown
   * or revoked. For dialects that verify a signature themselves (TC3, NCP):
   * they call this with the key id from the request, then verify.
   */
  resolveSecret (id: string): ResolvedCredential | null {
    this.#state.assertReady()
    const stored = this.#state.get('credential', id)
    if (!stored || stored.revoked || stored.sealedSecret === null) return null
    return { principal: { id: stored.principal, kind: 'api-key', groups: [], credentialId: id }, secret: this.#open(stored.id, stored.sealedSecret) }
  }

  /** The principal when id and secret match an active key (HTTP Basic, bearer API token); compared in constant time. */
  verify (id: string, secret: string): Principal | null {
    const resolved = this.resolveSecret(id)
    if (!resolved || !sameSecret(resolved.secret, secret)) return null
    return resolved.principal
  }

  #open (id: string, sealed: string): string {
    const cached = this.#opened.get(id)
    if (cached && cached.sealed === sealed) return cached.secret
    let secret: string
    try {
      secret = this.#keys.open(sealed, id)
    } catch (error) {
      if (error instanceof GatewayError) throw error
      throw new GatewayError('not_configured', `the secret of credential ${id} cannot be decrypted with this gateway's master key; every instance must run with the same GATEWAY_MASTER_KEY`, { cause: error })
    }
    this.#opened.set(id, { sealed, secret })
    return secret
  }
}
