// Reading principal and group claims out of a verified JWT payload
// (contracts.md §3: access is granted when the group claim holds the
// configured security group).

/**
 * Value at a dot path such as `groups` or `realm_access.roles` (Keycloak).
 * A top-level claim whose name is the whole path wins first, because
 * namespaced claims (`https://example.com/groups`, Auth0 style) contain dots.
 */
export function readClaimPath(claims: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(claims, path)) return claims[path];
  let current: unknown = claims;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || Array.isArray(current)) return undefined;
    if (!Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * Normalises a groups claim to string[]:
 *   array  → its string members (others dropped);
 *   string → exactly one group, NOT split on spaces: group names/ids from
 *            Entra ID, Keycloak and Okta are arrays or single values, and a
 *            display name may legitimately contain a space;
 *   other  → no groups.
 */
export function groupsFromClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v !== '');
  if (typeof value === 'string' && value !== '') return [value];
  return [];
}
