/**
 * Consumer groups: searchable list with state and protocol.
 */
import { useId, useRef, useState } from 'preact/hooks'
import { api } from '../../api/endpoints.ts'
import { Link } from '../../components/link.tsx'
import { Page, TableScroller } from '../../components/page.tsx'
import { Async, Empty } from '../../components/states.tsx'
import { useResource } from '../../lib/use-resource.ts'
import { useSlashFocus } from '../../lib/use-slash-focus.ts'

export function stateBadgeClass (state: string): string {
  const s = state.toLowerCase()
  if (s === 'stable') return 'badge badge-ok'
  if (s === 'empty' || s === 'dead') return 'badge badge-muted'
  return 'badge badge-warning' // rebalancing states: PreparingRebalance, CompletingRebalance, Assigning, Reconciling
}

export function GroupsPage () {
  const groups = useResource(signal => api.listGroups(signal), [], { refreshMs: 10_000 })
  const [search, setSearch] = useState('')
  const searchRef = useRef<HTMLInputElement>(null)
  useSlashFocus(searchRef)
  const id = useId()
  const needle = search.trim().toLowerCase()

  return (
    <Page title='Consumer groups' subtitle='Applications reading topics, their members and how far behind they are.'>
      <div class='toolbar'>
        <div class='field inline-field grow'>
          <label for={`${id}-search`}>Search groups</label>
          <input id={`${id}-search`} ref={searchRef} type='search' value={search} onInput={e => setSearch(e.currentTarget.value)} placeholder='Group id contains… (press / to focus)' autocomplete='off' />
        </div>
      </div>
      <Async resource={groups} what='consumer groups'>
        {list => {
          if (list.length === 0) return <Empty title='No consumer groups yet.'><p>A group appears here once a consumer joins it or commits an offset.</p></Empty>
          const shown = list.filter(g => g.groupId.toLowerCase().includes(needle)).sort((a, b) => a.groupId.localeCompare(b.groupId))
          if (shown.length === 0) return <Empty title={`No group id contains “${search}”.`} />
          return (
            <TableScroller label='Consumer groups'>
              <table>
                <thead><tr><th scope='col'>Group</th><th scope='col'>State</th><th scope='col'>Protocol type</th></tr></thead>
                <tbody>
                  {shown.map(g => (
                    <tr key={g.groupId}>
                      <th scope='row'><Link to={`/groups/${encodeURIComponent(g.groupId)}`}>{g.groupId}</Link></th>
                      <td><span class={stateBadgeClass(g.state)}>{g.state}</span></td>
                      <td>{g.protocolType || '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroller>
          )
        }}
      </Async>
    </Page>
  )
}
