/**
 * A live tail of a topic over the gateway's SSE stream, read with fetch() so
 * it can send the bearer token and Last-Event-ID. Every event id is the
 * stream position, so after a dropped connection, or a pause, the tail
 * resumes exactly after the last record it showed: nothing is skipped and
 * nothing is shown twice.
 */
import { ApiError, authHeaders, errorFromResponse, networkError } from '../api/client.ts'
import type { WireRecord } from '../api/types.ts'
import { SseParser } from './sse-parser.ts'

export type TailStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped'

export interface LiveTailOptions {
  /** Full URL or absolute path of the stream endpoint, with its query. */
  url: string
  token?: string | undefined
  /** Resume after this position (a previous tail's `position`). */
  position?: string | undefined
  onRecord: (record: WireRecord) => void
  onStatus: (status: TailStatus) => void
  /** A failure: the stream goes on reconnecting when `retryable`, else it has stopped. */
  onError: (error: ApiError) => void
  /** Wait before reconnecting when the server did not say (`retry:`). */
  defaultRetryMs?: number
}

export interface LiveTail {
  /** The position after the last record delivered; pass it to resume. */
  readonly position: string | undefined
  stop: () => void
}

export function openLiveTail (options: LiveTailOptions): LiveTail {
  const controller = new AbortController()
  let position = options.position
  let retryMs = options.defaultRetryMs ?? 2000

  const sleep = (ms: number) => new Promise<void>(resolve => {
    const timer = setTimeout(resolve, ms)
    controller.signal.addEventListener('abort', () => { clearTimeout(timer); resolve() }, { once: true })
  })

  async function readOnce (): Promise<'ended' | 'fatal'> {
    let response: Response
    try {
      response = await fetch(options.url, {
        headers: { accept: 'text/event-stream', ...authHeaders(options.token), ...(position ? { 'last-event-id': position } : {}) },
        signal: controller.signal,
        cache: 'no-store',
      })
    } catch (error) {
      if (controller.signal.aborted) return 'fatal'
      options.onError(networkError(error))
      return 'ended'
    }
    if (!response.ok || !response.body) {
      const error = await errorFromResponse(response)
      options.onError(error)
      return error.retryable ? 'ended' : 'fatal'
    }
    options.onStatus('live')
    const parser = new SseParser()
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) return 'ended'
        for (const event of parser.push(value)) {
          if (event.lastEventId) position = event.lastEventId
          if (event.type === 'record') {
            options.onRecord(JSON.parse(event.data) as WireRecord)
          } else if (event.type === 'error') {
            // The gateway keeps the stream open after a retryable failure and ends it otherwise.
            const body = JSON.parse(event.data) as { code?: string, message: string }
            options.onError(new ApiError(503, body))
          }
        }
        // The opening block carries an id (the start position) but no event.
        if (parser.lastEventId) position = parser.lastEventId
        if (parser.retryMs !== undefined) retryMs = parser.retryMs
      }
    } catch (error) {
      if (!controller.signal.aborted) options.onError(networkError(error))
      return controller.signal.aborted ? 'fatal' : 'ended'
    }
  }

  void (async () => {
    // The first callback waits a microtask: the caller has not received (and
    // stored) the returned handle yet, and its callbacks compare against it.
    await Promise.resolve()
    options.onStatus('connecting')
    while (!controller.signal.aborted) {
      const outcome = await readOnce()
      if (outcome === 'fatal' || controller.signal.aborted) break
      options.onStatus('reconnecting')
      await sleep(retryMs)
    }
    options.onStatus('stopped')
  })()

  return {
    get position () { return position },
    stop: () => controller.abort(),
  }
}
