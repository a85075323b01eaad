import Type from 'typebox'

// Identity, permissions, limits, shared state and TLS (issue 4; docs/security.md).
export const SecuritySettings = Type.Object({
  auth: Type.Object({
    mode: Type.Union([Type.Literal('none'), Type.Literal('required')], { default: 'none', env: 'GATEWAY_AUTH_MODE', description: 'none: every caller is the anonymous administrator (loopback only, unless overridden); required: every API call must authenticate.' }),
    adminToken: Type.Optional(Type.String({ minLength: 16, env: 'GATEWAY_ADMIN_TOKEN', sensitive: true, description: 'Bearer token of the bootstrap administrator (at least 16 characters; never logged).' })),
    allowUnauthenticatedNetwork: Type.Boolean({ default: false, env: 'GATEWAY_ALLOW_UNAUTHENTICATED_NETWORK', description: 'Allow auth mode none while listening beyond loopback (a warning is logged at every start).' }),
    signatureMaxSkewSeconds: Type.Integer({ minimum: 1, maximum: 3600, default: 300, env: 'GATEWAY_SIGNATURE_MAX_SKEW_SECONDS', description: 'Signed requests (TC3, NCP) whose timestamp is further than this from server time are refused.' }),
  }, { additionalProperties: false, default: {} }),
  masterKey: Type.Optional(Type.String({ minLength: 16, env: 'GATEWAY_MASTER_KEY', sensitive: true, description: 'Key that encrypts API key secrets at rest (at least 16 characters; the same on every instance). Required with auth mode required.' })),
  masterKeyFile: Type.Optional(Type.String({ minLength: 1, env: 'GATEWAY_MASTER_KEY_FILE', description: 'File holding the master key (instead of GATEWAY_MASTER_KEY), e.g. a mounted secret.' })),
  state: Type.Object({
    topic: Type.String({ minLength: 1, maxLength: 249, pattern: '^[a-zA-Z0-9._-]+$', default: '_gateway_state', env: 'GATEWAY_STATE_TOPIC', description: 'Compacted topic holding credentials, permissions and access points; shared by every instance, created at start when missing.' }),
    replicationFactor: Type.Integer({ minimum: -1, maximum: 32767, default: -1, env: 'GATEWAY_STATE_REPLICATION_FACTOR', description: 'Replication factor of the state topic when the gateway creates it; -1: min(3, brokers).' }),
    pollWaitMs: Type.Integer({ minimum: 50, maximum: 10_000, default: 500, env: 'GATEWAY_STATE_POLL_MS', description: 'Long-poll of the state topic: changes made on another instance apply here within about this long.' }),
    file: Type.Optional(Type.String({ minLength: 1, env: 'GATEWAY_STATE_FILE', description: 'JSON file of credentials, permissions and access points (GitOps); in force on this instance and read-only through the API.' })),
  }, { additionalProperties: false, default: {} }),
  oidc: Type.Object({
    issuer: Type.Optional(Type.String({ minLength: 1, env: 'GATEWAY_OIDC_ISSUER', description: 'OIDC issuer whose JWTs are accepted as bearer tokens (exact `iss`); unset disables JWTs.' })),
    jwksUrl: Type.Optional(Type.String({ minLength: 1, env: 'GATEWAY_OIDC_JWKS_URL', description: 'JWKS of the issuer; discovered from the issuer when unset.' })),
    audience: Type.Array(Type.String({ minLength: 1 }), { default: [], env: 'GATEWAY_OIDC_AUDIENCE', description: 'Accepted `aud` values, comma separated (required when an issuer is set).' }),
    clockToleranceSeconds: Type.Integer({ minimum: 0, maximum: 600, default: 30, env: 'GATEWAY_OIDC_CLOCK_TOLERANCE_SECONDS', description: 'Leeway for exp and nbf.' }),
    groupsClaim: Type.String({ minLength: 1, default: 'groups', env: 'GATEWAY_OIDC_GROUPS_CLAIM', description: 'Claim (dot path) holding the caller\'s groups, e.g. groups or realm_access.roles.' }),
    principalClaim: Type.String({ minLength: 1, default: 'sub', env: 'GATEWAY_OIDC_PRINCIPAL_CLAIM', description: 'Claim naming the principal.' }),
    requiredGroup: Type.Optional(Type.String({ minLength: 1, env: 'GATEWAY_OIDC_REQUIRED_GROUP', description: 'When set, tokens without this group are refused outright (the Azure "security group").' })),
  }, { additionalProperties: false, default: {} }),
  limits: Type.Object({
    requestsPerSecond: Type.Integer({ minimum: 0, default: 0, env: 'GATEWAY_LIMIT_REQUESTS_PER_SECOND', description: 'Requests per second per principal on each instance (0: unlimited). The admin token is never limited.' }),
    bytesPerSecond: Type.Integer({ minimum: 0, default: 0, env: 'GATEWAY_LIMIT_BYTES_PER_SECOND', description: 'Request body bytes per second per principal on each instance (0: unlimited).' }),
  }, { additionalProperties: false, default: {} }),
  tls: Type.Object({
    certFile: Type.Optional(Type.String({ minLength: 1, env: 'GATEWAY_TLS_CERT_FILE', description: 'PEM certificate: when set (with the key), the gateway serves HTTPS.' })),
    keyFile: Type.Optional(Type.String({ minLength: 1, env: 'GATEWAY_TLS_KEY_FILE', description: 'PEM private key of that certificate.' })),
    caFile: Type.Optional(Type.String({ minLength: 1, env: 'GATEWAY_TLS_CA_FILE', description: 'PEM CA bundle that signs client certificates (mutual TLS).' })),
    requestClientCert: Type.Boolean({ default: false, env: 'GATEWAY_TLS_REQUEST_CLIENT_CERT', description: 'Ask clients for a certificate; a valid one (signed by the CA file) makes its subject CN the principal.' }),
  }, { additionalProperties: false, default: {} }),
}, { additionalProperties: false, default: {} })
