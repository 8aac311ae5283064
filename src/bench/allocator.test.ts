import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { isTorchAllocator, JEMALLOC_CONF, JEMALLOC_PATHS, peerAllocator } from './allocator.js'

describe('the peer allocator', () => {
  it('default adds nothing to the environment', () => {
    const a = peerAllocator('default')
    expect(a.env).toEqual({})
    expect(a.label).toMatch(/glibc/)
    expect(a.note).toBeUndefined()
  })
  it('jemalloc preloads the first library found, with the issue\'s MALLOC_CONF', () => {
    const lib = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jemalloc-')), 'libjemalloc.so.2')
    fs.writeFileSync(lib, '')
    const a = peerAllocator('jemalloc', ['/nonexistent/libjemalloc.so.2', lib])
    expect(a.env['LD_PRELOAD']?.split(':')[0]).toBe(lib)
    expect(a.env['MALLOC_CONF']).toBe(JEMALLOC_CONF)
    expect(a.label).toContain(lib)
    expect(a.note).toBeUndefined()
  })
  it('jemalloc without the library falls back to glibc with a note saying so', () => {
    const a = peerAllocator('jemalloc', ['/nonexistent/libjemalloc.so.2'])
    expect(a.env).toEqual({})
    expect(a.note).toMatch(/not found.*libjemalloc2.*glibc/)
  })
  it('names are checked', () => {
    expect(isTorchAllocator('jemalloc')).toBe(true)
    expect(isTorchAllocator('tcmalloc')).toBe(false)
  })
  const lib = JEMALLOC_PATHS.find((p) => fs.existsSync(p))
  it.skipIf(lib === undefined || !fs.existsSync('/usr/bin/python3'))('the environment maps libjemalloc into a child process', () => {
    const a = peerAllocator('jemalloc')
    const r = spawnSync('/usr/bin/python3', ['-c', 'print("libjemalloc" in open("/proc/self/maps").read())'], { encoding: 'utf8', env: { ...process.env, ...a.env } })
    expect(r.stdout.trim()).toBe('True')
  })
})
