/**
 * The HDInsight "security group" (seed 004, contracts.md §3): only members
 * of the configured group may use the Azure API. Membership is the
 * principal's groups as the identity read them from the token's groups
 * claim (GATEWAY_OIDC_GROUPS_CLAIM); what a member may then do is the core
 * authorizer's decision, like for every dialect.
 */
import { GatewayError } from '../../core/errors.ts'
import type { Principal } from '../../core/identity/principal.ts'

export function assertInRequiredGroup (principal: Principal, requiredGroup: string | undefined): void {
  if (requiredGroup === undefined) return
  // The admin token and the anonymous caller of GATEWAY_AUTH_MODE=none carry no groups and may do everything.
  if (principal.kind === 'admin-token' || principal.kind === 'anonymous') return
  if (principal.groups.includes(requiredGroup)) return
  throw new GatewayError('forbidden', `${principal.id} is not a member of the security group ${requiredGroup} that this Kafka REST proxy requires; ask the group owner to add your application to it`)
}
