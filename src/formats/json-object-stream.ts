/**
 * Splits a stream of concatenated JSON objects (`{...}{...}` with optional
 * whitespace between them) into one text per object, as the chunks arrive.
 * This is the body of a Confluent v3 streaming produce (contracts.md §4): a
 * client keeps writing records on one chunked request and expects a report
 * for each as soon as it is written, so the splitter cannot wait for the end.
 */
import { StringDecoder } from 'node:string_decoder'
import { GatewayError } from '../core/errors.ts'

const OPEN = 0x7b // {
const CLOSE = 0x7d // }
const QUOTE = 0x22 // "
const BACKSLASH = 0x5c // \

function isWhitespace (code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09
}

export class JsonObjectSplitter {
  readonly #decoder = new StringDecoder('utf8')
  /** Text not yet returned: the start of an object still open (or nothing). */
  #pending = ''
  /** Where scanning resumes inside #pending. */
  #scanned = 0
  #depth = 0
  #inString = false
  #escaped = false
  /** Objects returned so far, to say which one is broken. */
  #count = 0
  #failure: GatewayError | null = null
  readonly #maxObjectChars: number

  constructor (maxObjectChars = 16 * 1024 * 1024) {
    this.#maxObjectChars = maxObjectChars
  }

  /**
   * Feeds bytes; returns the text of every object completed by them, in
   * order. Text that cannot start an object stops the splitting: the objects
   * before it are still returned, and `failure` (then every later call) says why.
   */
  push (chunk: Buffer | string): string[] {
    if (this.#failure) throw this.#failure
    this.#pending += typeof chunk === 'string' ? chunk : this.#decoder.write(chunk)
    const complete: string[] = []
    let start = this.#depth === 0 && !this.#inString ? -1 : 0
    const text = this.#pending
    for (let i = this.#scanned; i < text.length; i++) {
      const code = text.charCodeAt(i)
      if (this.#inString) {
        if (this.#escaped) this.#escaped = false
        else if (code === BACKSLASH) this.#escaped = true
        else if (code === QUOTE) this.#inString = false
        continue
      }
      if (this.#depth === 0) {
        if (isWhitespace(code)) continue
        if (code !== OPEN) {
          this.#failure = new GatewayError('invalid_json', `record ${this.#count + 1} of the stream does not start with '{' (found ${JSON.stringify(text[i])}); send JSON objects one after the other`)
          this.#pending = ''
          this.#scanned = 0
          return complete
        }
        start = i
        this.#depth = 1
        continue
      }
      if (code === QUOTE) this.#inString = true
      else if (code === OPEN) this.#depth++
      else if (code === CLOSE && --this.#depth === 0) {
        complete.push(text.slice(start, i + 1))
        this.#count++
        start = -1
      }
    }
    // Keep only the unfinished object; whitespace between objects is dropped.
    this.#pending = start === -1 ? '' : text.slice(start)
    this.#scanned = this.#pending.length
    if (this.#pending.length > this.#maxObjectChars) {
      throw new GatewayError('body_too_large', `record ${this.#count + 1} of the stream is larger than ${this.#maxObjectChars} characters`)
    }
    return complete
  }

  /** Why splitting stopped, if it did. */
  get failure (): GatewayError | null { return this.#failure }

  /** Call at the end of the body: fails when an object was left open. */
  end (): void {
    if (this.#failure) throw this.#failure
    this.#pending += this.#decoder.end()
    if (this.#pending.trim().length > 0) {
      throw new GatewayError('invalid_json', `the stream ends inside record ${this.#count + 1}; every record must be a complete JSON object`)
    }
  }

  get count (): number { return this.#count }
}
