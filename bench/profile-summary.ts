/**
 * `node bench/profile-summary.ts DIR|FILE.cpuprofile [top]`: where a CPU
 * profile (node --cpu-prof, e.g. from `bench/run.ts --profile DIR`) spent
 * its time, by function (self time) and by package or source folder, so a
 * fix goes where the time is.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

interface ProfileNode { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }
interface Profile { nodes: ProfileNode[], samples: number[], timeDeltas: number[] }

const target = process.argv[2]
const top = Number(process.argv[3] ?? 25)
if (!target) {
  process.stderr.write('usage: node bench/profile-summary.ts DIR|FILE.cpuprofile [top]\n')
  process.exit(2)
}
const files = statSync(target).isDirectory()
  ? readdirSync(target, { recursive: true }).map(String).filter(f => f.endsWith('.cpuprofile')).map(f => join(target, f))
  : [target]

const ROOT = join(import.meta.dirname, '..')
function where (url: string): string {
  if (!url) return '(native/V8)'
  const path = url.replace(/^file:\/\//, '')
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)
  if (pkg) return pkg[1]!
  if (path.startsWith('node:')) return path
  // The gateway runs compiled (dist/src/…): group by source folder all the same.
  return relative(ROOT, path).replace(/^dist\//, '').split('/').slice(0, 2).join('/')
}

const byFunction = new Map<string, number>()
const byPlace = new Map<string, number>()
let total = 0
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile
  const nodes = new Map(profile.nodes.map(n => [n.id, n]))
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id)!
    const micros = profile.timeDeltas[i] ?? 0
    total += micros
    const frame = node.callFrame
    if (frame.functionName === '(idle)' || frame.functionName === '(program)') {
      byPlace.set(frame.functionName, (byPlace.get(frame.functionName) ?? 0) + micros)
      return
    }
    const name = `${frame.functionName || '(anonymous)'}  ${frame.url ? relative(ROOT, frame.url.replace(/^file:\/\//, '')) + ':' + (frame.lineNumber + 1) : ''}`
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros)
    const place = where(frame.url)
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros)
  })
}

const print = (title: string, entries: Map<string, number>): void => {
  process.stdout.write(`\n${title}\n`)
  for (const [name, micros] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    process.stdout.write(`${(micros / total * 100).toFixed(1).padStart(5)}%  ${name}\n`)
  }
}
process.stdout.write(`${files.length} profile(s), ${(total / 1e6).toFixed(1)} s sampled`)
print('by package / folder (self time)', byPlace)
print('by function (self time)', byFunction)
