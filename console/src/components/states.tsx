/**
 * The loading, error and empty states every page uses, so they look and
 * read the same everywhere (and are announced to screen readers).
 */
import type { ComponentChildren } from 'preact'
import type { ApiError } from '../api/client.ts'
import type { Resource } from '../lib/use-resource.ts'

export function Loading ({ label }: { label: string }) {
  return (
    <div class='state state-loading' role='status' aria-live='polite'>
      <span class='spinner' aria-hidden='true' />
      <span>{label}…</span>
    </div>
  )
}

/** Advice for the errors a console user is most likely to meet. */
function adviceFor (error: ApiError): string | undefined {
  if (error.code === 'network_error') return 'The gateway did not answer. Is it running?'
  if (error.status === 401) return 'Your token was not accepted. Sign in again.'
  if (error.status === 403) return 'Your principal is not allowed to do this. Ask an administrator for a permission.'
  if (error.status === 404 && error.code === 'route_not_found') return 'This gateway does not offer this API (yet). It may be an older version.'
  if (error.status === 503 || error.status === 504) return 'Kafka is unavailable or slow to answer. The gateway retries; try again in a moment.'
  return undefined
}

export function ErrorState ({ title, error, onRetry }: { title: string, error: ApiError, onRetry?: () => void }) {
  const advice = adviceFor(error)
  return (
    <div class='state state-error' role='alert'>
      <p class='state-title'>{title}</p>
      <p>{error.message}</p>
      {advice && <p>{advice}</p>}
      <p class='muted small'>
        Code <code>{error.code}</code>{error.status > 0 && <> · HTTP {error.status}</>}
        {error.requestId && <> · request id <code>{error.requestId}</code></>}
      </p>
      {onRetry && <button type='button' onClick={onRetry}>Try again</button>}
    </div>
  )
}

/** An error from a form action, shown next to the form's buttons. */
export function InlineError ({ error }: { error: ApiError | undefined }) {
  if (!error) return null
  return (
    <p class='inline-error' role='alert'>
      {error.message}{error.field && <> (field <code>{error.field}</code>)</>}
    </p>
  )
}

export function Empty ({ title, children }: { title: string, children?: ComponentChildren }) {
  return (
    <div class='state state-empty'>
      <p class='state-title'>{title}</p>
      {children}
    </div>
  )
}

/** Renders a resource: its loading state, its error state, or the content built from its data. */
export function Async<T> ({ resource, what, children }: { resource: Resource<T>, what: string, children: (data: T) => ComponentChildren }) {
  if (resource.loading) return <Loading label={`Loading ${what}`} />
  if (resource.error && resource.data === undefined) return <ErrorState title={`Could not load ${what}`} error={resource.error} onRetry={resource.reload} />
  return (
    <>
      {resource.error && <ErrorState title={`Could not refresh ${what}; showing the last answer`} error={resource.error} onRetry={resource.reload} />}
      {children(resource.data as T)}
    </>
  )
}
