/**
 * A small client-side router for the console's few pages. Paths inside the
 * app ('/topics/orders') live under Vite's base ('/console/'); the gateway
 * answers any /console/* URL with index.html, so deep links and reloads work.
 */
import { useEffect, useState } from 'preact/hooks'

export const BASE = import.meta.env.BASE_URL.replace(/\/$/, '')
const CHANGE = 'console:navigate'

export interface Location {
  /** App path without the base, always starting with '/'. */
  path: string
  query: URLSearchParams
}

export function currentLocation (): Location {
  const full = window.location.pathname
  const path = full.startsWith(BASE) ? full.slice(BASE.length) || '/' : '/'
  return { path, query: new URLSearchParams(window.location.search) }
}

export function hrefOf (path: string): string {
  return BASE + path
}

export function navigate (path: string, options: { replace?: boolean } = {}): void {
  const url = hrefOf(path)
  if (url === window.location.pathname + window.location.search) return
  if (options.replace) window.history.replaceState(null, '', url)
  else window.history.pushState(null, '', url)
  window.dispatchEvent(new Event(CHANGE))
}

/**
 * Updates the address bar (for reload and sharing) without a route change:
 * the page already shows what the new URL describes.
 */
export function replaceQuietly (path: string): void {
  window.history.replaceState(null, '', hrefOf(path))
}

export function useLocation (): Location {
  const [location, setLocation] = useState(currentLocation)
  useEffect(() => {
    const update = () => setLocation(currentLocation())
    window.addEventListener('popstate', update)
    window.addEventListener(CHANGE, update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener(CHANGE, update)
    }
  }, [])
  return location
}

/** Matches '/topics/:name' against a path; returns the decoded parameters or undefined. */
export function matchPath (pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/').filter(Boolean)
  const have = path.split('/').filter(Boolean)
  if (want.length !== have.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!
    const h = have[i]!
    if (w.startsWith(':')) params[w.slice(1)] = decodeURIComponent(h)
    else if (w !== h) return undefined
  }
  return params
}

/** Builds '/messages?topic=a&partition=0' from parts, skipping empty values. */
export function pathWithQuery (path: string, query: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') search.set(name, String(value))
  const text = search.toString()
  return text ? `${path}?${text}` : path
}
