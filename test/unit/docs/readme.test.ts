import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test } from 'node:test'
import { listSettings } from '../../../src/config/settings-walk.ts'

const readme = readFileSync(join(import.meta.dirname, '..', '..', '..', 'README.md'), 'utf8')

test('the README opens with make run and make test', () => {
  const quickStart = readme.slice(0, readme.indexOf('## Native API'))
  assert.match(quickStart, /make run/)
  assert.match(quickStart, /make test/)
})

test('the README configuration table lists every setting', () => {
  for (const setting of listSettings()) assert.ok(readme.includes(`\`${setting.env}\``), `README lacks ${setting.env}; run node scripts/update-readme-config.ts`)
})

test('the README shows the Node flags npm start uses (package.json config.nodeFlags)', () => {
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8')) as { config: { nodeFlags: string }, scripts: { start: string } }
  assert.match(manifest.scripts.start, /\$npm_package_config_nodeFlags dist\/src\/main\.js$/)
  assert.ok(readme.includes(`node ${manifest.config.nodeFlags} dist/src/main.js`), 'README lacks the npm start command line with config.nodeFlags')
})
