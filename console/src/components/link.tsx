/**
 * An in-app link: a real <a href> (so open-in-new-tab, copy link and screen
 * readers work) whose plain clicks are routed without reloading the page.
 */
import type { ComponentChildren } from 'preact'
import { hrefOf, navigate } from '../lib/router.ts'

interface LinkProps {
  to: string
  children: ComponentChildren
  class?: string
  'aria-label'?: string
  'aria-current'?: 'page' | undefined
}

export function Link ({ to, children, ...rest }: LinkProps) {
  return (
    <a
      {...rest}
      href={hrefOf(to)}
      onClick={event => {
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
        event.preventDefault()
        navigate(to)
      }}
    >
      {children}
    </a>
  )
}
