/**
 * Incremental Server-Sent Events parser (WHATWG HTML §9.2.6 "Interpreting an
 * event stream"). The console reads the gateway's SSE stream through fetch()
 * rather than EventSource, because EventSource can neither send an
 * Authorization header nor tell us the HTTP status of a refused stream.
 */

export interface SseEvent {
  /** `event:` field; "message" when the stream did not name one. */
  type: string
  data: string
  /** The last `id:` seen so far: where a reconnect resumes (Last-Event-ID). */
  lastEventId: string
}

export class SseParser {
  lastEventId = ''
  /** The `retry:` the server asked for, in milliseconds. */
  retryMs: number | undefined = undefined

  #pending = ''
  #eventType = ''
  #data: string[] = []
  #hasData = false

  /** Feeds decoded text; returns the events completed by it. */
  push (text: string): SseEvent[] {
    const events: SseEvent[] = []
    this.#pending += text
    let start = 0
    for (let i = 0; i < this.#pending.length; i++) {
      const c = this.#pending[i]
      if (c !== '\n' && c !== '\r') continue
      // A lone CR at the very end may be the first half of CRLF: wait for more.
      if (c === '\r' && i === this.#pending.length - 1) break
      this.#line(this.#pending.slice(start, i), events)
      if (c === '\r' && this.#pending[i + 1] === '\n') i++
      start = i + 1
    }
    this.#pending = this.#pending.slice(start)
    return events
  }

  #line (line: string, events: SseEvent[]): void {
    if (line === '') {
      if (this.#hasData) events.push({ type: this.#eventType || 'message', data: this.#data.join('\n'), lastEventId: this.lastEventId })
      this.#eventType = ''
      this.#data = []
      this.#hasData = false
      return
    }
    if (line.startsWith(':')) return // comment: the gateway's heartbeat
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    switch (field) {
      case 'event': this.#eventType = value; break
      case 'data': this.#data.push(value); this.#hasData = true; break
      case 'id': if (!value.includes('\0')) this.lastEventId = value; break
      case 'retry': if (/^\d+$/.test(value)) this.retryMs = Number(value); break
    }
  }
}
