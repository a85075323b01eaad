/**
 * Walks the config schema to list its leaves (path, env var, type, default,
 * description). Used by the loader (env → value) and by the docs table.
 */
import { ConfigSchema } from './schema.ts'

export interface SettingLeaf {
  path: string[]
  env: string | undefined
  kind: 'string' | 'integer' | 'number' | 'boolean' | 'string[]' | 'enum'
  choices: string[]
  defaultValue: unknown
  description: string
  sensitive: boolean
}

interface SchemaNode {
  type?: string
  properties?: Record<string, SchemaNode>
  items?: SchemaNode
  anyOf?: SchemaNode[]
  const?: unknown
  default?: unknown
  env?: string
  description?: string
  sensitive?: boolean
}

function leafKind (node: SchemaNode): SettingLeaf['kind'] {
  if (node.anyOf) return 'enum'
  if (node.type === 'array') return 'string[]'
  if (node.type === 'integer' || node.type === 'number' || node.type === 'boolean') return node.type
  return 'string'
}

/** Unions nest when Optional wraps a Union; flatten them to their literal choices. */
function enumChoices (node: SchemaNode): string[] {
  if (!node.anyOf) return []
  return node.anyOf.flatMap(member => member.anyOf ? enumChoices(member) : [String(member.const)])
}

function walk (node: SchemaNode, path: string[], out: SettingLeaf[]): void {
  if (node.type === 'object' && node.properties) {
    for (const [name, child] of Object.entries(node.properties)) walk(child, [...path, name], out)
    return
  }
  out.push({
    path,
    env: node.env,
    kind: leafKind(node),
    choices: enumChoices(node),
    defaultValue: node.default,
    description: node.description ?? '',
    sensitive: node.sensitive === true,
  })
}

export function listSettings (): SettingLeaf[] {
  const out: SettingLeaf[] = []
  walk(ConfigSchema as unknown as SchemaNode, [], out)
  return out
}
