/**
 * v3 resource envelopes (contracts.md §4): every resource carries `kind`
 * and `metadata.self`/`metadata.resource_name` (a CRN), relations are
 * `{related: url}`, collections are `{kind, metadata: {self, next}, data}`.
 */
export interface Related { related: string }

export class V3Links {
  readonly cluster: string
  readonly clusterId: string

  constructor (base: string, clusterId: string) {
    this.clusterId = clusterId
    this.cluster = `${base}/v3/clusters/${encodeURIComponent(clusterId)}`
  }

  /** A URL under the cluster: each segment escaped, e.g. at('topics', name, 'partitions'). */
  at (...segments: (string | number)[]): string {
    return segments.reduce<string>((url, s) => `${url}/${encodeURIComponent(String(s))}`, this.cluster)
  }

  related (...segments: (string | number)[]): Related {
    return { related: this.at(...segments) }
  }

  /** `crn:///kafka=<cluster>/topic=<t>/partition=0` from ('topic', t, 'partition', 0). */
  crn (...pairs: (string | number)[]): string {
    let crn = `crn:///kafka=${this.clusterId}`
    for (let i = 0; i + 1 < pairs.length; i += 2) crn += `/${pairs[i]}=${pairs[i + 1]}`
    return crn
  }
}

export function resource (kind: string, self: string, resourceName: string | null, fields: object): object {
  return { kind, metadata: resourceName === null ? { self } : { self, resource_name: resourceName }, ...fields }
}

export function collection (kind: string, self: string, data: object[]): object {
  return { kind, metadata: { self, next: null }, data }
}
