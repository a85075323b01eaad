/**
 * v3 produce (contracts.md §4): one record per request, or — with
 * `Transfer-Encoding: chunked`, or several concatenated records — a
 * stream of records answered by a stream of delivery reports, one per
 * record, in order, each ending in CRLF, each with its own error_code.
 * Registered in its own context, whose JSON parser hands over the raw body.
 */
import { PassThrough, type Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Static } from 'typebox'
import { Compile } from 'typebox/compile'
import { GatewayError, isGatewayError } from '../../../core/errors.ts'
import type { Gateway } from '../../../core/gateway.ts'
import { JsonObjectSplitter } from '../../../formats/json-object-stream.ts'
import type { ClusterContext } from '../cluster-context.ts'
import { v3Failure } from '../errors.ts'
import { streamProduce } from '../produce-stream.ts'
import { successReport, toProduceRecord } from '../record-mapping.ts'
import { ProduceRecordBody, ProduceReport, TopicParams, v3Errors } from '../schemas.ts'

const CRLF = '\r\n'
/** Compiled once: a stream checks every one of its records (the interpreted check was ~14% of a stream's CPU). */
const recordCheck = Compile(ProduceRecordBody)
const MAX_IN_FLIGHT = 1000

interface Report { error_code: number, [field: string]: unknown }

export function registerRecordRoutes (app: FastifyInstance, gateway: Gateway, context: ClusterContext, options: { bodyLimitBytes: number }): void {
  // The body is read here, record by record, not parsed up front.
  app.addContentTypeParser('application/json', (_request, payload, done) => { done(null, payload) })

  function errorReport (error: unknown): { report: Report, status: number } {
    const failure = isGatewayError(error) ? error : new GatewayError('internal_error', 'the gateway failed to produce this record; the error is logged')
    const { status, errorCode } = v3Failure(failure)
    return { report: { error_code: errorCode, message: failure.message }, status }
  }

  async function produceOne (clusterId: string, topic: string, text: string): Promise<{ report: Report, status: number }> {
    try {
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch (error) {
        throw new GatewayError('invalid_json', `the record is not valid JSON: ${(error as Error).message}`)
      }
      if (!recordCheck.Check(body)) {
        const first = [...recordCheck.Errors(body)][0]
        throw new GatewayError('invalid_request', `the record does not fit the produce request: ${first ? `${first.instancePath || 'record'} ${first.message}` : 'unexpected shape'}`)
      }
      const mapped = toProduceRecord(body as Static<typeof ProduceRecordBody>)
      const [result] = await gateway.produce.produce(topic, [mapped.record])
      if (!result) throw new GatewayError('internal_error', 'Kafka returned no result for the record')
      if (!result.ok) return errorReport(result.error)
      return { report: { error_code: 200, ...successReport({ clusterId, topic }, mapped, result) }, status: 200 }
    } catch (error) {
      return errorReport(error)
    }
  }

  /** The whole (bounded) body, for a request that is not chunked. */
  async function readBody (body: Readable): Promise<Buffer> {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of body) {
      size += (chunk as Buffer).length
      if (size > options.bodyLimitBytes) throw new GatewayError('body_too_large', 'the request body is larger than the gateway accepts; stream records with Transfer-Encoding: chunked, or send fewer per request')
      chunks.push(chunk as Buffer)
    }
    return Buffer.concat(chunks)
  }

  function stream (reply: FastifyReply, clusterId: string, topic: string, body: AsyncIterable<Buffer | string> | Iterable<Buffer | string>): FastifyReply {
    const out = new PassThrough()
    reply.code(200).type('application/json').send(out)
    const write = async (report: object): Promise<void> => {
      if (out.destroyed) throw new Error('the client went away')
      if (!out.write(JSON.stringify(report) + CRLF)) await new Promise(resolve => out.once('drain', resolve))
    }
    streamProduce({
      body,
      produceOne: async text => (await produceOne(clusterId, topic, text)).report,
      write,
      failure: error => errorReport(error).report,
      maxInFlight: MAX_IN_FLIGHT,
      maxRecordChars: options.bodyLimitBytes,
    }).catch(error => reply.log.warn({ err: error }, 'streaming produce ended early')).finally(() => out.end())
    return reply
  }

  app.post<{ Params: Static<typeof TopicParams> }>('/clusters/:cluster_id/topics/:topic_name/records', {
    schema: {
      summary: 'Produce records',
      description: 'One record `{partition_id?, headers?, key?: {type, data}, value?: {type, data}, timestamp?}` (type BINARY, JSON or STRING). Streaming: with Transfer-Encoding: chunked, write concatenated records and read one delivery report per record, in order, each ending in CRLF.',
      tags: ['Confluent v3'],
      params: TopicParams,
      response: { 200: ProduceReport, ...v3Errors },
    },
    config: { access: { operation: 'produce', resource: 'topic', from: 'topic_name' } },
  }, async (request, reply) => {
    const links = await context.links(request, request.params.cluster_id)
    const topic = request.params.topic_name
    await gateway.admin.partitionCount(topic)
    const body = request.body as Readable | undefined
    if (!body || typeof body.pipe !== 'function') throw new GatewayError('invalid_request', 'send a record as a JSON body with Content-Type application/json')
    if ((request.headers['transfer-encoding'] ?? '').includes('chunked')) return stream(reply, links.clusterId, topic, body)
    // Not chunked: one record gets one plain answer (with its status); several get the stream of reports.
    const whole = await readBody(body)
    const splitter = new JsonObjectSplitter(options.bodyLimitBytes)
    const texts = splitter.push(whole)
    if (texts.length === 1 && !splitter.failure) {
      splitter.end()
      const { report, status } = await produceOne(links.clusterId, topic, texts[0]!)
      return reply.code(status).send(report)
    }
    if (texts.length === 0) {
      splitter.end()
      throw splitter.failure ?? new GatewayError('invalid_request', 'the body holds no record; send {"value": {"type": "JSON", "data": …}}')
    }
    return stream(reply, links.clusterId, topic, [whole])
  })
}
