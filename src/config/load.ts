/**
 * Builds the frozen configuration from defaults, an optional JSON file
 * (GATEWAY_CONFIG_FILE) and the environment, in that order of precedence.
 * Every problem is reported at once, naming the variable or file key to fix.
 */
import { readFileSync } from 'node:fs'
import Value from 'typebox/value'
import { ConfigSchema, type GatewayConfig } from './schema.ts'
import { listSettings, type SettingLeaf } from './settings-walk.ts'

export class ConfigError extends Error {
  readonly problems: string[]
  constructor (problems: string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`)
    this.name = 'ConfigError'
    this.problems = problems
  }
}

type Env = Record<string, string | undefined>

function coerce (leaf: SettingLeaf, raw: string): unknown {
  switch (leaf.kind) {
    case 'integer':
    case 'number': {
      const trimmed = raw.trim()
      return trimmed === '' ? raw : Number(trimmed)
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase()
      if (['true', '1', 'yes', 'on'].includes(v)) return true
      if (['false', '0', 'no', 'off'].includes(v)) return false
      return raw
    }
    case 'string[]':
      return raw.split(',').map(s => s.trim()).filter(s => s.length > 0)
    default:
      return raw
  }
}

function setPath (target: Record<string, unknown>, path: string[], value: unknown): void {
  let node = target
  for (const key of path.slice(0, -1)) {
    const next = node[key]
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {}
    node = node[key] as Record<string, unknown>
  }
  node[path[path.length - 1] as string] = value
}

function readFileConfig (file: string, problems: string[]): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>
    problems.push(`GATEWAY_CONFIG_FILE ${file}: must hold a JSON object`)
  } catch (error) {
    problems.push(`GATEWAY_CONFIG_FILE ${file}: ${(error as Error).message}`)
  }
  return {}
}

/** Where a schema error points, phrased for the person who has to fix it. */
function describeProblem (instancePath: string, message: string, byPath: Map<string, SettingLeaf>): string {
  const segments = instancePath.replace(/^\//, '').split('/').filter(Boolean)
  const dotted = segments.join('.')
  // Array items (kafka.bootstrapServers.0) belong to the setting that holds the array.
  const leaf = byPath.get(dotted) ?? byPath.get(segments.filter(s => !/^\d+$/.test(s)).join('.'))
  const where = leaf?.env ? `${leaf.env} (${dotted})` : dotted || '(root)'
  const what = leaf?.choices.length ? `must be one of ${leaf.choices.join(', ')}` : message
  return `${where}: ${what}`
}

export function loadConfig (env: Env = process.env, overrides: Record<string, unknown> = {}): Readonly<GatewayConfig> {
  const problems: string[] = []
  const file = env.GATEWAY_CONFIG_FILE
  const raw: Record<string, unknown> = file ? readFileConfig(file, problems) : {}
  const leaves = listSettings()
  for (const leaf of leaves) {
    const value = leaf.env ? env[leaf.env] : undefined
    if (value !== undefined && value !== '') setPath(raw, leaf.path, coerce(leaf, value))
  }
  for (const [dotted, value] of Object.entries(overrides)) setPath(raw, dotted.split('.'), value)

  const withDefaults = Value.Default(ConfigSchema, structuredClone(raw))
  const byPath = new Map(leaves.map(l => [l.path.join('.'), l]))
  for (const error of Value.Errors(ConfigSchema, withDefaults)) {
    problems.push(describeProblem(error.instancePath, error.message, byPath))
  }
  if (problems.length > 0) throw new ConfigError([...new Set(problems)])
  return deepFreeze(withDefaults as GatewayConfig)
}

function deepFreeze<T> (value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
