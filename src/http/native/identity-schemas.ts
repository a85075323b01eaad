/**
 * Wire schemas of the native identity API (issue 4): whoami, credentials,
 * permissions and access points. The shapes are the ones agreed with the
 * web console; they drive validation, serialization and the OpenAPI document.
 */
import Type from 'typebox'
import { OPERATIONS, RESOURCE_TYPES } from '../../core/identity/principal.ts'
import { TopicName } from './schemas.ts'

const NoControlChars = '^[^\\x00-\\x1f\\x7f]+$'
export const PrincipalName = Type.String({ minLength: 1, maxLength: 256, pattern: NoControlChars, description: 'A principal: an API key\'s principal name, a token subject, or a certificate CN' })
const GroupName = Type.String({ minLength: 1, maxLength: 256, pattern: NoControlChars, description: 'A group carried in OIDC tokens (or a client certificate OU)' })
const Timestamp = Type.String({ description: 'ISO 8601 time' })
export const EntryId = Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9._-]+$' })
export const IdParams = Type.Object({ id: EntryId })

const OperationName = Type.Union(OPERATIONS.map(o => Type.Literal(o)))

export const PermissionResource = Type.Object({
  type: Type.Union(RESOURCE_TYPES.map(r => Type.Literal(r))),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'Exactly this resource' })),
  prefix: Type.Optional(Type.String({ maxLength: 255, description: 'Every resource whose name starts with this; "" for all of the type' })),
}, { additionalProperties: false, description: 'cluster takes neither name nor prefix; the other types exactly one of them' })

export const PermissionBody = Type.Object({
  principal: Type.Optional(PrincipalName),
  group: Type.Optional(GroupName),
  operations: Type.Array(OperationName, { minItems: 1, maxItems: 4, description: 'admin implies every operation on the resource; produce and consume imply describe' }),
  resource: PermissionResource,
}, { additionalProperties: false, description: 'Grant to exactly one of principal or group' })

export const Permission = Type.Object({
  id: Type.String(),
  principal: Type.Optional(Type.String()),
  group: Type.Optional(Type.String()),
  operations: Type.Array(OperationName),
  resource: PermissionResource,
  createdAt: Timestamp,
})

export const Whoami = Type.Object({
  principal: Type.String(),
  kind: Type.Union(['api-key', 'oidc', 'mtls', 'admin-token', 'anonymous'].map(k => Type.Literal(k))),
  groups: Type.Array(Type.String()),
  admin: Type.Boolean(),
  permissions: Type.Array(Permission),
})

export const CredentialCreateBody = Type.Object({
  principal: PrincipalName,
  description: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false })

export const CredentialItem = Type.Object({
  id: Type.String(),
  principal: Type.String(),
  description: Type.String(),
  createdAt: Timestamp,
  revoked: Type.Boolean(),
})

export const CredentialCreated = Type.Object({
  id: Type.String({ description: 'Key id (also the TC3 SecretId / NCP access key, and the Basic user name)' }),
  secret: Type.String({ description: 'Shown only in this answer; store it now' }),
  token: Type.String({ description: 'gw_<id>_<secret>, for Authorization: Bearer; shown only in this answer' }),
  principal: Type.String(),
  description: Type.String(),
  createdAt: Timestamp,
})

export const AccessPointLimits = Type.Object({
  recordsPerSecond: Type.Optional(Type.Integer({ minimum: 1 })),
  bytesPerSecond: Type.Optional(Type.Integer({ minimum: 1 })),
  maxMessageBytes: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false, description: 'Enforced on each gateway instance' })

const MessageSchema = Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'JSON Schema every message value must satisfy; null for none' })

const accessPointFields = {
  name: Type.String({ minLength: 1, maxLength: 128, pattern: NoControlChars }),
  topic: TopicName,
  description: Type.String({ maxLength: 1000 }),
  schema: MessageSchema,
  limits: AccessPointLimits,
  allowedPrincipals: Type.Array(PrincipalName, { maxItems: 1000, description: 'Principals allowed to send, besides those granted produce on the access point' }),
}

export const AccessPointBody = Type.Object({
  name: accessPointFields.name,
  topic: accessPointFields.topic,
  description: Type.Optional(accessPointFields.description),
  schema: Type.Optional(accessPointFields.schema),
  limits: Type.Optional(accessPointFields.limits),
  allowedPrincipals: Type.Optional(accessPointFields.allowedPrincipals),
}, { additionalProperties: false })

export const AccessPointPatch = Type.Object({
  name: Type.Optional(accessPointFields.name),
  topic: Type.Optional(accessPointFields.topic),
  description: Type.Optional(accessPointFields.description),
  schema: Type.Optional(accessPointFields.schema),
  limits: Type.Optional(accessPointFields.limits),
  allowedPrincipals: Type.Optional(accessPointFields.allowedPrincipals),
}, { additionalProperties: false, minProperties: 1, description: 'Fields to change; limits replace the current ones as a whole. Use pause/resume for the status.' })

export const AccessPoint = Type.Object({
  id: Type.String({ description: 'e.g. datahub-1a2b3c4d (the Tencent DataHubId)' }),
  name: Type.String(),
  topic: Type.String(),
  description: Type.String(),
  schema: Type.Unknown({ description: 'JSON Schema of message values, or null' }),
  limits: AccessPointLimits,
  allowedPrincipals: Type.Array(Type.String()),
  status: Type.Union([Type.Literal('running'), Type.Literal('paused')]),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  ingestPath: Type.String({ description: 'Where partners POST messages' }),
})
