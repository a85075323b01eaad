import Type from 'typebox'

export const LogSettings = Type.Object({
  level: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map(l => Type.Literal(l)), { default: 'info', env: 'GATEWAY_LOG_LEVEL', description: 'pino log level.' }),
  pretty: Type.Boolean({ default: false, env: 'GATEWAY_LOG_PRETTY', description: 'Human-readable logs (development only; JSON lines otherwise).' }),
}, { additionalProperties: false, default: {} })
