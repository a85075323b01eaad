import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { exposedMinorCollection, YoungCollectionPacer } from '../../../src/kafka/young-collection-pacer.ts'

test('the pacer asks for a young collection each time the given bytes have come in, and starts counting again', () => {
  let collections = 0
  const pacer = new YoungCollectionPacer(() => { collections++ }, 100)
  pacer.received(60)
  pacer.received(39)
  assert.equal(collections, 0)
  pacer.received(1)
  assert.equal(collections, 1)
  // One collection frees whatever came in, however much over the mark it was.
  pacer.received(250)
  assert.equal(collections, 2)
  pacer.received(99)
  assert.equal(collections, 2)
})

test('without a collector (node started without --expose-gc) the pacer does nothing', () => {
  const pacer = new YoungCollectionPacer(undefined, 1)
  pacer.received(1024 * 1024 * 1024)
  if (globalThis.gc === undefined) assert.equal(exposedMinorCollection(), undefined)
})

test('with --expose-gc the minor collection is a real young-generation collection', () => {
  const module = fileURLToPath(new URL('../../../src/kafka/young-collection-pacer.ts', import.meta.url))
  // A fresh node with the flag: count the minor GCs V8 reports around one call.
  const script = `
    import { PerformanceObserver, constants } from 'node:perf_hooks'
    const { exposedMinorCollection } = await import(${JSON.stringify(module)})
    const kinds = []
    const observer = new PerformanceObserver(list => { for (const entry of list.getEntries()) kinds.push(entry.detail.kind) })
    observer.observe({ entryTypes: ['gc'] })
    const collect = exposedMinorCollection()
    collect()
    await new Promise(resolve => setTimeout(resolve, 50))
    observer.disconnect()
    console.log(JSON.stringify({ minor: kinds.filter(kind => kind === constants.NODE_PERFORMANCE_GC_MINOR).length, all: kinds.length }))
  `
  const out = execFileSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8' })
  const counts = JSON.parse(out.trim().split('\n').pop()!) as { minor: number, all: number }
  assert.ok(counts.minor >= 1, `expected a minor collection, V8 reported ${JSON.stringify(counts)}`)
})
