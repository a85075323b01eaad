#!/usr/bin/env node
// kafka-gateway: manage API keys, permissions and access points of a running
// gateway from a terminal (docs/security.md). Run `kafka-gateway --help`.
import { runCli } from '../src/cli/run.ts'

process.exitCode = await runCli(process.argv.slice(2), {
  out: text => { process.stdout.write(`${text}\n`) },
  err: text => { process.stderr.write(`${text}\n`) },
  env: process.env,
})
