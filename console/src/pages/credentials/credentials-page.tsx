/**
 * Credentials and permissions, for administrators.
 */
import { useIdentity } from '../../auth/session.tsx'
import { Page } from '../../components/page.tsx'
import { Empty } from '../../components/states.tsx'
import { ApiKeysSection } from './api-keys-section.tsx'
import { PermissionsSection } from './permissions-section.tsx'

export function CredentialsPage () {
  const identity = useIdentity()
  return (
    <Page title='Credentials and permissions' subtitle='API keys for applications, and what each principal or group may do.'>
      {identity.admin
        ? <><ApiKeysSection /><PermissionsSection /></>
        : <Empty title='Only administrators manage credentials and permissions.' />}
    </Page>
  )
}
