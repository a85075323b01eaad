/**
 * Runs the gateway as a real child process (`src/main.ts`) for tests of
 * process behaviour: signals, several instances sharing one cluster.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { freePort } from '../../scripts/kafka/ports.ts'

const ROOT = join(import.meta.dirname, '..', '..')

export interface GatewayProcess {
  url: string
  child: ChildProcess
  output: () => string
  stop (signal?: NodeJS.Signals): Promise<number | null>
}

export { freePort }

export async function startGatewayProcess (env: Record<string, string>): Promise<GatewayProcess> {
  const port = await freePort()
  const child = spawn(process.execPath, [join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, GATEWAY_PORT: String(port), GATEWAY_HOST: '127.0.0.1', GATEWAY_LOG_LEVEL: 'warn', GATEWAY_WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', chunk => { output += chunk })
  child.stderr!.on('data', chunk => { output += chunk })
  const url = `http://127.0.0.1:${port}`
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`gateway exited early (${child.exitCode}): ${output}`)
    try {
      if ((await fetch(`${url}/healthz`)).ok) break
    } catch { /* not listening yet */ }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return {
    url,
    child,
    output: () => output,
    async stop (signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode
      child.kill(signal)
      const [code] = await once(child, 'exit') as [number | null]
      return code
    },
  }
}
