/**
 * The Confluent dialect is optional for the bench: scenarios that need it
 * (streaming produce, v2 consumer records) run when its routes answer and
 * are reported as not available otherwise.
 */
export async function confluentClusterId (baseUrl: string): Promise<string | undefined> {
  try {
    const response = await fetch(`${baseUrl}/v3/clusters`)
    if (!response.ok) return undefined
    const body = await response.json() as { data?: Array<{ cluster_id?: string }> }
    return body.data?.[0]?.cluster_id
  } catch {
    return undefined
  }
}

export async function hasConfluentV2Consumers (baseUrl: string): Promise<boolean> {
  try {
    // A route that exists answers 4xx for a bad body, never the native 404 route_not_found.
    const response = await fetch(`${baseUrl}/consumers/bench-probe`, { method: 'POST', headers: { 'content-type': 'application/vnd.kafka.v2+json' }, body: '{"format":"nope"}' })
    const text = await response.text()
    return response.status !== 404 || !/route_not_found|Not Found/i.test(text)
  } catch {
    return false
  }
}
