/**
 * One function per native API call the console makes. Records are always
 * fetched with the base64 encoding, so a record that is not JSON still shows
 * (as text or hex) instead of failing the whole page.
 */
import { requestJson, requestText } from './client.ts'
import type {
  AccessPoint, ClusterInfo, ConfigEntry, CreateAccessPointRequest, CreatedCredential, CreateTopicRequest, Credential,
  Encoding, FetchResponse, GrantRequest, GroupDescription, GroupSummary, Identity, Permission, ProduceResponse,
  RecordToProduce, TopicDescription, TopicSummary,
} from './types.ts'

const segment = encodeURIComponent
type Signal = AbortSignal | undefined
const opts = (signal: Signal) => (signal ? { signal } : {})

export const api = {
  whoami: (token?: string, signal?: Signal) => requestJson<Identity>('GET', '/whoami', { ...opts(signal), ...(token !== undefined ? { token } : {}) }),

  cluster: (signal?: Signal) => requestJson<ClusterInfo>('GET', '/cluster', opts(signal)),
  metricsText: (signal?: Signal) => requestText('/metrics', { ...opts(signal), raw: true }),

  listTopics: async (internal: boolean, signal?: Signal) =>
    (await requestJson<{ topics: TopicSummary[] }>('GET', `/topics${internal ? '?internal=true' : ''}`, opts(signal))).topics,
  describeTopic: (topic: string, signal?: Signal) => requestJson<TopicDescription>('GET', `/topics/${segment(topic)}`, opts(signal)),
  createTopic: (body: CreateTopicRequest) => requestJson<TopicDescription>('POST', '/topics', { body }),
  deleteTopic: (topic: string) => requestJson<void>('DELETE', `/topics/${segment(topic)}`),
  topicConfigs: async (topic: string, signal?: Signal) =>
    (await requestJson<{ configs: ConfigEntry[] }>('GET', `/topics/${segment(topic)}/configs`, opts(signal))).configs,
  alterTopicConfig: async (topic: string, name: string, value: string | null) =>
    (await requestJson<{ configs: ConfigEntry[] }>('PATCH', `/topics/${segment(topic)}/configs`, { body: { configs: { [name]: value } } })).configs,

  fetchRecords: (topic: string, partition: number, start: { offset: number } | { timestamp: number }, limit: number, signal?: Signal) => {
    const query = new URLSearchParams({ limit: String(limit), timeoutMs: '0', keyEncoding: 'base64', valueEncoding: 'base64' })
    if ('offset' in start) query.set('offset', String(start.offset))
    else query.set('timestamp', String(start.timestamp))
    return requestJson<FetchResponse>('GET', `/topics/${segment(topic)}/partitions/${partition}/records?${query}`, opts(signal))
  },
  produce: (topic: string, record: RecordToProduce, encodings: { key: Encoding, value: Encoding }) =>
    requestJson<ProduceResponse>('POST', `/topics/${segment(topic)}/records?keyEncoding=${encodings.key}&valueEncoding=${encodings.value}`, { body: { records: [record] } }),

  listGroups: async (signal?: Signal) => (await requestJson<{ groups: GroupSummary[] }>('GET', '/consumer-groups', opts(signal))).groups,
  describeGroup: (group: string, signal?: Signal) => requestJson<GroupDescription>('GET', `/consumer-groups/${segment(group)}`, opts(signal)),

  listAccessPoints: async (signal?: Signal) => (await requestJson<{ accessPoints: AccessPoint[] }>('GET', '/access-points', opts(signal))).accessPoints,
  createAccessPoint: (body: CreateAccessPointRequest) => requestJson<AccessPoint>('POST', '/access-points', { body }),
  pauseAccessPoint: (id: string) => requestJson<AccessPoint>('POST', `/access-points/${segment(id)}/pause`),
  resumeAccessPoint: (id: string) => requestJson<AccessPoint>('POST', `/access-points/${segment(id)}/resume`),
  deleteAccessPoint: (id: string) => requestJson<void>('DELETE', `/access-points/${segment(id)}`),

  listCredentials: async (signal?: Signal) => (await requestJson<{ credentials: Credential[] }>('GET', '/credentials', opts(signal))).credentials,
  createCredential: (body: { principal: string, description?: string }) => requestJson<CreatedCredential>('POST', '/credentials', { body }),
  revokeCredential: (id: string) => requestJson<void>('DELETE', `/credentials/${segment(id)}`),

  listPermissions: async (signal?: Signal) => (await requestJson<{ permissions: Permission[] }>('GET', '/permissions', opts(signal))).permissions,
  grantPermission: (body: GrantRequest) => requestJson<Permission>('POST', '/permissions', { body }),
  removePermission: (id: string) => requestJson<void>('DELETE', `/permissions/${segment(id)}`),
}
