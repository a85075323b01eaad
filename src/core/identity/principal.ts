/**
 * Who is calling and what they ask for, in terms every dialect shares
 * (issue 4: identity, permissions, limits). A principal comes out of one of
 * the authentication schemes in src/auth; the authorizer decides on it.
 */
export const OPERATIONS = ['produce', 'consume', 'describe', 'admin'] as const
export type Operation = (typeof OPERATIONS)[number]

export const RESOURCE_TYPES = ['topic', 'group', 'access-point', 'cluster'] as const
export type ResourceType = (typeof RESOURCE_TYPES)[number]

export type PrincipalKind = 'api-key' | 'oidc' | 'mtls' | 'admin-token' | 'anonymous'

export interface Principal {
  /** The name permissions are granted to: a credential's principal, a token's subject, a certificate's subject. */
  id: string
  kind: PrincipalKind
  groups: string[]
  /** The API key id that authenticated the caller, for audit lines. */
  credentialId?: string
}

/** What an operation acts on. Without a name it means every resource of the type (listing, creating). */
export interface Resource {
  type: ResourceType
  name?: string
}

/** The caller when GATEWAY_AUTH_MODE=none: everything is allowed (except the reserved state topic). */
export const ANONYMOUS: Readonly<Principal> = Object.freeze({ id: 'anonymous', kind: 'anonymous', groups: [] })

/** The caller presenting GATEWAY_ADMIN_TOKEN: the bootstrap administrator. */
export const ADMIN_TOKEN_PRINCIPAL: Readonly<Principal> = Object.freeze({ id: 'admin', kind: 'admin-token', groups: [] })

export function describeResource (resource: Resource): string {
  if (resource.type === 'cluster') return 'the cluster'
  return resource.name === undefined ? `every ${resource.type}` : `${resource.type} ${resource.name}`
}
