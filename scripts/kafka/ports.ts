// Port helpers: the cluster picks free ports at runtime and re-checks them
// before every (re)start, because a restarted broker must reuse its old ports.
import { createServer, type Server } from 'node:net'

export const HOST = '127.0.0.1'

function listen (port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen({ port, host: HOST, exclusive: true }, () => { resolve(server) })
  })
}

function close (server: Server): Promise<void> {
  return new Promise((resolve) => { server.close(() => { resolve() }) })
}

/** Returns `count` distinct free ports; all are held open together so none repeats. */
export async function freePorts (count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => listen(0)))
  const ports = servers.map((server) => {
    const address = server.address()
    if (address === null || typeof address === 'string') throw new Error('could not read a free port')
    return address.port
  })
  await Promise.all(servers.map(close))
  return ports
}

/** Throws one line naming `owner` if the port cannot be bound on HOST. */
export async function assertPortFree (port: number, owner: string): Promise<void> {
  let server: Server
  try {
    server = await listen(port)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new Error(`${owner} cannot start: port ${String(port)} on ${HOST} is busy (${code})`, { cause: error })
  }
  await close(server)
}

/** One free loopback port, for a gateway or helper server of tests and benchmarks. */
export async function freePort (): Promise<number> {
  const [port] = await freePorts(1)
  return port!
}
