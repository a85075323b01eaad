/**
 * What a user copies to start sending to an access point: its full ingest
 * URL, and a curl command that works as pasted once GATEWAY_TOKEN is set
 * (the token itself is never put in the command: it would land in shell
 * history and screenshots).
 */

export function ingestUrl (origin: string, ingestPath: string): string {
  return new URL(ingestPath, origin).toString()
}

/** Single quotes for a POSIX shell: the only character needing care is ' itself. */
export function shellQuote (text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`
}

export function curlCommand (url: string, withAuth: boolean): string {
  const body = JSON.stringify({ records: [{ value: { hello: 'world' } }] })
  return [
    `curl -X POST ${shellQuote(url)}`,
    ...(withAuth ? ['  -H "Authorization: Bearer $GATEWAY_TOKEN"'] : []),
    `  -H 'Content-Type: application/json'`,
    `  -d ${shellQuote(body)}`,
  ].join(' \\\n')
}
