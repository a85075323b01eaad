/**
 * "/" focuses the page's search field, as on GitHub and in most consoles,
 * unless the user is already typing somewhere.
 */
import type { RefObject } from 'preact'
import { useEffect } from 'preact/hooks'

export function useSlashFocus (target: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return
      const active = document.activeElement
      if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement || active instanceof HTMLSelectElement || (active as HTMLElement | null)?.isContentEditable) return
      if (document.querySelector('dialog[open]')) return
      event.preventDefault()
      target.current?.focus()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [target])
}
