// The signing script of docs/naver.md (examples/naver/ncp-curl.sh) signs the
// contract's NCP vectors byte for byte (contracts.md §2).
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { test } from 'node:test'
import { promisify } from 'node:util'

const SCRIPT = join(import.meta.dirname, '..', '..', '..', 'examples', 'naver', 'ncp-curl.sh')
const env = { PATH: process.env.PATH ?? '', NCP_ACCESS_KEY: 'ACCESSKEYEXAMPLE', NCP_SECRET_KEY: 'NCPSECRETEXAMPLE', NCP_TIMESTAMP: '1700000000000', NCP_PRINT_SIGNATURE: '1' }

async function signature (method: string, url: string): Promise<string> {
  const { stdout } = await promisify(execFile)(SCRIPT, [method, url], { env })
  return stdout.trim()
}

test('examples/naver/ncp-curl.sh reproduces the contract vectors', async () => {
  assert.equal(await signature('POST', 'https://api.datastream.naverncp.com/api/produce'), 'Zc40BSrpYIiZxS+VGU1d7LEZMwUd/lzZXq7NZRnzBH0=')
  assert.equal(await signature('GET', 'http://localhost:8080/api/v1/topics?sortBy=topicName&descending=false'), '7pKdscVXfsep8aBDezvs6D7u+QOpgSgIFtNAvUixdT8=')
})
