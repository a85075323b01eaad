/**
 * "Only records containing … in …": the text filter of the browse and the
 * live tail panels (record-filter.ts applies it).
 */
import type { FilterScope } from './record-filter.ts'

export interface RecordFilterFieldsProps {
  /** Prefix of the fields' ids. */
  id: string
  filter: string
  scope: FilterScope
  onFilter: (filter: string) => void
  onScope: (scope: FilterScope) => void
}

export function RecordFilterFields ({ id, filter, scope, onFilter, onScope }: RecordFilterFieldsProps) {
  return (
    <>
      <div class='field grow'>
        <label for={`${id}-filter`}>Only records containing</label>
        <input id={`${id}-filter`} type='search' value={filter} onInput={e => onFilter(e.currentTarget.value)} placeholder='Text to find (case-insensitive)' autocomplete='off' />
      </div>
      <div class='field'>
        <label for={`${id}-scope`}>In</label>
        <select id={`${id}-scope`} value={scope} onChange={e => onScope(e.currentTarget.value as FilterScope)}>
          <option value='any'>Key, value or headers</option>
          <option value='key'>Key</option>
          <option value='value'>Value</option>
        </select>
      </div>
    </>
  )
}
