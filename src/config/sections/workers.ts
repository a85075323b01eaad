import Type from 'typebox'

export const WorkerSettings = Type.Object({
  count: Type.Integer({ minimum: 0, maximum: 256, default: 0, env: 'GATEWAY_WORKERS', description: 'Gateway processes sharing the port (the `--workers` flag wins); 0 = one per CPU core, 1 = a single process without a supervisor.' }),
}, { additionalProperties: false, default: {} })
