// Downloads the Apache Kafka broker jars from Maven Central into
// .cache/kafka/<version>/libs. Idempotent: a marker written after a complete
// download (and tied to the pom's content) makes later runs a no-op.
//
//   node scripts/kafka/install.ts
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { KAFKA_HOME, KAFKA_LIBS, KAFKA_VERSION, POM_FILE } from './version.ts'
import { requireJava, requireMaven } from './tools.ts'

const MARKER = join(KAFKA_LIBS, '.installed')
// Pinned so the result does not depend on the Maven version's default plugin.
const COPY_GOAL = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies'

function fingerprint (): string {
  const pom = createHash('sha256').update(readFileSync(POM_FILE)).digest('hex')
  return `kafka ${KAFKA_VERSION} pom-sha256 ${pom}\n`
}

export function isKafkaInstalled (): boolean {
  return existsSync(MARKER) && readFileSync(MARKER, 'utf8') === fingerprint()
}

/** Ensures the jars are present and returns the libs folder (for `-cp '<libs>/*'`). */
export async function installKafka (log: (line: string) => void = () => {}): Promise<string> {
  if (isKafkaInstalled()) return KAFKA_LIBS
  requireJava()
  requireMaven(KAFKA_VERSION)

  // Download next to the final folder and rename at the end, so an interrupted
  // run never leaves a libs folder that looks usable.
  mkdirSync(KAFKA_HOME, { recursive: true })
  const staging = join(KAFKA_HOME, `libs.partial-${String(process.pid)}`)
  rmSync(staging, { recursive: true, force: true })
  log(`Downloading Apache Kafka ${KAFKA_VERSION} jars from Maven Central into ${KAFKA_LIBS}`)
  const args = [
    '-q', '-B', '-f', POM_FILE, `-Dkafka.version=${KAFKA_VERSION}`, COPY_GOAL,
    '-DincludeScope=runtime', `-DoutputDirectory=${staging}`,
  ]
  const output = await run('mvn', args)
  if (output.code !== 0) {
    rmSync(staging, { recursive: true, force: true })
    throw new Error(`mvn could not download Kafka ${KAFKA_VERSION} (exit ${String(output.code)}): ${firstError(output.text)}`)
  }
  writeFileSync(join(staging, '.installed'), fingerprint())
  rmSync(KAFKA_LIBS, { recursive: true, force: true })
  renameSync(staging, KAFKA_LIBS)
  log(`Kafka ${KAFKA_VERSION} installed in ${KAFKA_LIBS}`)
  return KAFKA_LIBS
}

// mvn -q prints only errors; the first [ERROR] line names the cause (e.g. an unreachable repository).
function firstError (text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '')
  return lines.find((l) => l.startsWith('[ERROR]')) ?? lines.at(-1) ?? 'no output'
}

function run (command: string, args: string[]): Promise<{ code: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => { text += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { text += chunk.toString() })
    child.on('error', reject)
    child.on('close', (code) => { resolve({ code: code ?? 1, text }) })
  })
}

if (import.meta.main) {
  installKafka((line) => { console.log(line) }).catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
