import Type from 'typebox'

export const HttpSettings = Type.Object({
  host: Type.String({ default: '127.0.0.1', env: 'GATEWAY_HOST', description: 'Interface to listen on (0.0.0.0 for all).' }),
  port: Type.Integer({ minimum: 0, maximum: 65535, default: 8080, env: 'GATEWAY_PORT', description: 'TCP port of the HTTP API.' }),
  bodyLimitBytes: Type.Integer({ minimum: 1024, default: 10 * 1024 * 1024, env: 'GATEWAY_BODY_LIMIT_BYTES', description: 'Largest request body accepted; larger bodies get 413 body_too_large.' }),
  requestTimeoutMs: Type.Integer({ minimum: 0, default: 120_000, env: 'GATEWAY_REQUEST_TIMEOUT_MS', description: 'Time a client has to send a whole request (0 = no limit).' }),
  shutdownTimeoutMs: Type.Integer({ minimum: 0, default: 30_000, env: 'GATEWAY_SHUTDOWN_TIMEOUT_MS', description: 'On SIGTERM, the longest wait for in-flight requests and produces before exiting.' }),
  corsOrigins: Type.Array(Type.String(), { default: [], env: 'GATEWAY_CORS_ORIGINS', description: 'Origins allowed by CORS, comma separated (`*` for any); empty disables CORS.' }),
}, { additionalProperties: false, default: {} })
