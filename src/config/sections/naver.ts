import Type from 'typebox'

/**
 * NAVER Cloud Data Stream compatibility (contracts.md §2, seed 003): the
 * produce API and the topic API under one path prefix, signed with NCP
 * signature v2 (docs/naver.md).
 */
export const NaverSettings = Type.Object({
  enabled: Type.Boolean({ default: true, env: 'GATEWAY_NAVER_ENABLED', description: 'Serve the NAVER Cloud Data Stream API (POST /api/produce and the /api/v1/topics topic API, NCP signature v2).' }),
  prefix: Type.String({ default: '/api', pattern: '^(/[A-Za-z0-9._~-]+)+$', env: 'GATEWAY_NAVER_PREFIX', description: 'Path prefix of the NAVER API (NAVER\'s own is /api); clients sign the path they send, prefix included.' }),
}, { additionalProperties: false, default: {} })
