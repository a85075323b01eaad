/**
 * The page /console shows when the console has not been built: what to run,
 * in words a first-time user can follow.
 */

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)

export function missingBuildPage (distDir: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Console not built · Kafka Gateway</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<h1>The web console is not built</h1>
<p>This gateway serves its web console from <code>${escapeHtml(distDir)}</code>, which has no <code>index.html</code>.</p>
<p>Build it with <code>make console-build</code>, or start everything with <code>make run</code> (which builds it), then restart the gateway.</p>
<p>The API works without the console: see <a href="/gateway/v1/openapi.json">/gateway/v1/openapi.json</a> and <a href="/docs">/docs</a>.</p>
</body>
</html>
`
}
