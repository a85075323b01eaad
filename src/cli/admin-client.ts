/**
 * The CLI's HTTP client for the native admin API (/gateway/v1), with the
 * admin token (or any API token) as bearer. Errors come back as the native
 * error body and are shown as `code: message`.
 */
export class CliApiError extends Error {
  readonly status: number
  readonly code: string
  constructor (status: number, code: string, message: string) {
    super(message)
    this.name = 'CliApiError'
    this.status = status
    this.code = code
  }
}

export class AdminClient {
  readonly #base: string
  readonly #token: string | undefined

  constructor (url: string, token: string | undefined) {
    this.#base = `${url.replace(/\/+$/, '')}/gateway/v1`
    this.#token = token
  }

  async request (method: string, path: string, body?: unknown): Promise<unknown> {
    let response: Response
    try {
      response = await fetch(`${this.#base}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(this.#token !== undefined ? { authorization: `Bearer ${this.#token}` } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(30_000),
      })
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message
      throw new CliApiError(0, 'unreachable', `cannot reach the gateway at ${this.#base} (${cause}); check --url or GATEWAY_URL`)
    }
    const text = await response.text()
    const parsed: unknown = text === '' ? null : safeJson(text)
    if (!response.ok) {
      const error = (parsed ?? {}) as { code?: string, message?: string }
      throw new CliApiError(response.status, error.code ?? `http_${response.status}`, error.message ?? (text || response.statusText))
    }
    return parsed
  }
}

function safeJson (text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return { message: text }
  }
}
