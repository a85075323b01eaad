/**
 * A page's heading, title and top-level actions. The heading takes focus
 * when the route changes (see app.tsx), so keyboard and screen reader users
 * land at the start of the new page instead of on the link they pressed.
 */
import type { ComponentChildren } from 'preact'
import { useEffect } from 'preact/hooks'

export function Page ({ title, subtitle, actions, children }: { title: string, subtitle?: ComponentChildren, actions?: ComponentChildren, children: ComponentChildren }) {
  useEffect(() => { document.title = `${title} · Kafka Gateway console` }, [title])
  return (
    <>
      <div class='page-header'>
        <div>
          <h1 tabIndex={-1} data-page-heading>{title}</h1>
          {subtitle && <p class='muted'>{subtitle}</p>}
        </div>
        {actions && <div class='page-actions'>{actions}</div>}
      </div>
      {children}
    </>
  )
}

/** A titled block within a page. */
export function Section ({ title, actions, children, id }: { title: string, actions?: ComponentChildren, children: ComponentChildren, id?: string }) {
  const headingId = `${id ?? title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-heading`
  return (
    <section class='section' aria-labelledby={headingId}>
      <div class='section-header'>
        <h2 id={headingId}>{title}</h2>
        {actions && <div class='section-actions'>{actions}</div>}
      </div>
      {children}
    </section>
  )
}

/** Wide tables scroll inside their own keyboard-focusable region on a phone instead of widening the page. */
export function TableScroller ({ label, children }: { label: string, children: ComponentChildren }) {
  return <div class='table-scroller' role='region' aria-label={label} tabIndex={0}>{children}</div>
}
