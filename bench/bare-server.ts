/**
 * The ceiling of the HTTP stack on this machine: a bare Fastify server with
 * the gateway's produce route shape (same path, JSON body validation and a
 * schema-serialized answer) that does no Kafka work. Run with WORKERS=N to
 * compare against a gateway with as many workers.
 */
import cluster from 'node:cluster'
import Fastify from 'fastify'

const port = Number(process.env.PORT ?? 8090)
const workers = Number(process.env.WORKERS ?? 1)

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork()
  process.on('SIGTERM', () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM')
    cluster.on('exit', () => { if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0) })
  })
} else {
  const app = Fastify({ logger: false })
  let offset = 0
  app.get('/healthz', async () => ({ status: 'ok' }))
  app.post('/gateway/v1/topics/:topic/records', {
    schema: {
      body: {
        type: 'object',
        properties: { value: {}, key: {}, partition: { type: 'integer' }, records: { type: 'array', items: { type: 'object' } } },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            topic: { type: 'string' },
            results: { type: 'array', items: { type: 'object', properties: { partition: { type: 'integer' }, offset: { type: 'integer' }, timestamp: { type: 'integer' } } } },
          },
        },
      },
    },
  }, async request => {
    const { topic } = request.params as { topic: string }
    return { topic, results: [{ partition: 0, offset: offset++, timestamp: Date.now() }] }
  })
  process.on('SIGTERM', () => { app.close().then(() => process.exit(0), () => process.exit(1)) })
  await app.listen({ host: '127.0.0.1', port })
}
