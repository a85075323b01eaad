/**
 * Streaming produce (contracts.md §4 v3 records): records arrive as
 * concatenated JSON objects on one request body, possibly over minutes;
 * each is produced as soon as it is complete, and its delivery report is
 * written as soon as it and every earlier report are known, in order, each
 * followed by CRLF. At most `maxInFlight` records wait for Kafka at once;
 * reading the body pauses beyond that (backpressure to the client).
 */
import { GatewayError } from '../../core/errors.ts'
import { JsonObjectSplitter } from '../../formats/json-object-stream.ts'

export interface StreamProduceOptions {
  body: AsyncIterable<Buffer | string> | Iterable<Buffer | string>
  /** Produces one record from its JSON text and returns its report; never rejects. */
  produceOne: (text: string, index: number) => Promise<object>
  /** Writes one report (the caller adds CRLF and waits for drain). */
  write: (report: object) => Promise<void>
  /** Report for a body that stops making sense (not JSON objects); the stream ends after it. */
  failure: (error: GatewayError) => object
  maxInFlight: number
  maxRecordChars: number
}

/** Returns the number of records read. */
export async function streamProduce (options: StreamProduceOptions): Promise<number> {
  const splitter = new JsonObjectSplitter(options.maxRecordChars)
  const window: Promise<void>[] = []
  let written = Promise.resolve()
  let index = 0
  const enqueue = (report: Promise<object>): void => {
    written = written.then(async () => options.write(await report))
    window.push(written)
  }
  try {
    for await (const chunk of options.body) {
      for (const text of splitter.push(chunk)) {
        enqueue(options.produceOne(text, index++))
        while (window.length >= options.maxInFlight) await window.shift()
      }
      if (splitter.failure) throw splitter.failure
    }
    splitter.end()
  } catch (error) {
    const failure = error instanceof GatewayError ? error : new GatewayError('invalid_request', `the request body broke off: ${(error as Error).message}`)
    enqueue(Promise.resolve(options.failure(failure)))
  }
  await written
  return index
}
