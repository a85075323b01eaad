/**
 * Tabs per the WAI-ARIA Authoring Practices: one tab stop for the tab list,
 * arrow keys move between tabs, Home/End jump to the ends. Panels stay
 * mounted when hidden, so a running live tail keeps running behind the
 * produce form.
 */
import type { ComponentChildren } from 'preact'
import { useId, useRef } from 'preact/hooks'

export interface Tab<K extends string> { key: K, label: string, panel: ComponentChildren }

export function Tabs<K extends string> ({ tabs, selected, onSelect, label }: { tabs: Tab<K>[], selected: K, onSelect: (key: K) => void, label: string }) {
  const base = useId()
  const list = useRef<HTMLDivElement>(null)

  function onKeyDown (event: KeyboardEvent) {
    const index = tabs.findIndex(t => t.key === selected)
    let next: number | undefined
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = tabs.length - 1
    if (next === undefined) return
    event.preventDefault()
    onSelect(tabs[next]!.key)
    list.current?.querySelectorAll<HTMLElement>('[role=tab]')[next]?.focus()
  }

  return (
    <div class='tabs'>
      <div class='tab-list' role='tablist' aria-label={label} ref={list} onKeyDown={onKeyDown}>
        {tabs.map(tab => (
          <button
            key={tab.key}
            type='button'
            role='tab'
            id={`${base}-tab-${tab.key}`}
            aria-controls={`${base}-panel-${tab.key}`}
            aria-selected={tab.key === selected}
            tabIndex={tab.key === selected ? 0 : -1}
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map(tab => (
        <div key={tab.key} role='tabpanel' id={`${base}-panel-${tab.key}`} aria-labelledby={`${base}-tab-${tab.key}`} hidden={tab.key !== selected} class='tab-panel'>
          {tab.panel}
        </div>
      ))}
    </div>
  )
}
