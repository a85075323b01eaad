/**
 * kafka-gateway: the operator's CLI (issue 4 "Admin surface"). Parses the
 * arguments, runs one subcommand against a running gateway, prints text or
 * `--json`, and returns the exit code: 0 done, 1 the gateway refused, 2 usage.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util'
import { AdminClient, CliApiError } from './admin-client.ts'
import { COMMANDS, UsageError, type Command } from './commands.ts'

const GLOBAL_OPTIONS: ParseArgsOptionsConfig = {
  url: { type: 'string' },
  token: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
}

export interface CliIo {
  out: (text: string) => void
  err: (text: string) => void
  env: Record<string, string | undefined>
}

function usage (): string {
  return [
    'usage: kafka-gateway <command> [options]',
    '',
    'Global options:',
    '  --url URL      the gateway (default: $GATEWAY_URL or http://127.0.0.1:8080)',
    '  --token TOKEN  bearer token (default: $GATEWAY_ADMIN_TOKEN)',
    '  --json         print the API answer as JSON',
    '',
    'Commands:',
    ...COMMANDS.map(c => `  ${c.usage}\n      ${c.summary}`),
  ].join('\n')
}

function findCommand (args: string[]): { command: Command, rest: string[] } | null {
  for (const command of COMMANDS) {
    const words = command.path.split(' ')
    if (words.every((w, i) => args[i] === w)) return { command, rest: args.slice(words.length) }
  }
  return null
}

export async function runCli (args: string[], io: CliIo): Promise<number> {
  const found = findCommand(args)
  if (!found) {
    const asksHelp = args.length === 0 || args.includes('--help') || args.includes('-h')
    ;(asksHelp ? io.out : io.err)(asksHelp ? usage() : `unknown command: ${args.filter(a => !a.startsWith('-')).slice(0, 2).join(' ')}\n\n${usage()}`)
    return asksHelp ? 0 : 2
  }
  const { command, rest } = found
  let parsed
  try {
    parsed = parseArgs({ args: rest, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true })
  } catch (error) {
    io.err(`${(error as Error).message}\nusage: kafka-gateway ${command.usage}`)
    return 2
  }
  const values = parsed.values as Record<string, string | boolean | undefined>
  if (values.help === true) {
    io.out(`usage: kafka-gateway ${command.usage}\n${command.summary}`)
    return 0
  }
  const url = (values.url as string | undefined) ?? io.env.GATEWAY_URL ?? 'http://127.0.0.1:8080'
  const token = (values.token as string | undefined) ?? (io.env.GATEWAY_ADMIN_TOKEN || undefined)
  try {
    const output = await command.run({ client: new AdminClient(url, token), values, positionals: parsed.positionals, env: io.env })
    io.out(values.json === true ? JSON.stringify(output.json, null, 2) : output.text)
    return 0
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\nusage: kafka-gateway ${command.usage}`)
      return 2
    }
    if (error instanceof CliApiError) {
      io.err(`error: ${error.code}: ${error.message}`)
      return 1
    }
    throw error
  }
}
