/**
 * Permissions: who may do what on which resources; grant and remove.
 */
import { useState } from 'preact/hooks'
import { api } from '../../api/endpoints.ts'
import type { Permission } from '../../api/types.ts'
import { ConfirmDialog } from '../../components/dialog.tsx'
import { notify } from '../../components/notices.tsx'
import { Section, TableScroller } from '../../components/page.tsx'
import { Async, Empty } from '../../components/states.tsx'
import { useAction, useResource } from '../../lib/use-resource.ts'
import { GrantPermissionDialog } from './grant-permission-dialog.tsx'

export function describeResource (p: Permission): string {
  const r = p.resource
  if (r.type === 'cluster') return 'the cluster'
  if (r.name !== undefined) return `${r.type} ${r.name}`
  if (r.prefix !== undefined) return `${r.type}s starting with “${r.prefix}”`
  return `all ${r.type}s`
}

const subjectOf = (p: Permission) => (p.principal !== undefined ? `principal ${p.principal}` : `group ${p.group}`)

export function PermissionsSection () {
  const permissions = useResource(signal => api.listPermissions(signal), [])
  const [granting, setGranting] = useState(false)
  const [removing, setRemoving] = useState<Permission | undefined>(undefined)
  const remove = useAction((id: string) => api.removePermission(id))

  return (
    <Section title='Permissions' actions={<button type='button' class='primary' onClick={() => setGranting(true)}>Grant permission</button>}>
      <Async resource={permissions} what='permissions'>
        {list => list.length === 0
          ? <Empty title='No permissions granted.'><p>Principals other than administrators can do nothing until granted a permission.</p></Empty>
          : (
            <TableScroller label='Permissions'>
              <table>
                <thead><tr><th scope='col'>Who</th><th scope='col'>May</th><th scope='col'>On</th><th scope='col'><span class='visually-hidden'>Actions</span></th></tr></thead>
                <tbody>
                  {list.map(p => (
                    <tr key={p.id}>
                      <th scope='row'>{p.principal ?? <><span class='badge'>group</span> {p.group}</>}</th>
                      <td>{p.operations.join(', ')}</td>
                      <td>{describeResource(p)}</td>
                      <td><button type='button' class='danger-outline' aria-label={`Remove: ${subjectOf(p)} may ${p.operations.join(', ')} on ${describeResource(p)}`} onClick={() => { remove.clearError(); setRemoving(p) }}>Remove</button></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          )}
      </Async>
      <GrantPermissionDialog open={granting} onClose={() => setGranting(false)} onGranted={() => { setGranting(false); notify('Permission granted'); permissions.reload() }} />
      <ConfirmDialog
        open={removing !== undefined}
        title='Remove this permission?'
        confirmLabel='Remove permission'
        pending={remove.pending}
        error={remove.error}
        onCancel={() => setRemoving(undefined)}
        onConfirm={async () => {
          if ((await remove.run(removing!.id)).ok) {
            setRemoving(undefined)
            notify('Permission removed')
            permissions.reload()
          }
        }}
      >
        {removing && <p>The {subjectOf(removing)} will no longer be allowed to {removing.operations.join(', ')} on {describeResource(removing)}.</p>}
      </ConfirmDialog>
    </Section>
  )
}
