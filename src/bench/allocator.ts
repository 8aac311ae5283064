/**
 * The PyTorch peer's memory allocator (`ddsp bench --torch-allocator`):
 * `default` runs it as shipped (glibc malloc); `jemalloc` preloads Debian's
 * `libjemalloc2` with transparent huge pages and no decay, PyTorch's best
 * CPU setup on this machine (issue 19). Only the peer's process gets the
 * environment; ddsp-ts's own process is untouched. Where the library is
 * absent the peer runs with glibc malloc and the result says why.
 *
 * @example
 * const a = peerAllocator('jemalloc')
 * spawnSync(python, args, { env: { ...process.env, ...a.env } })
 * a.label // 'jemalloc (/usr/lib/x86_64-linux-gnu/libjemalloc.so.2, MALLOC_CONF=thp:always,...)'
 */
import * as fs from 'node:fs'

/** Allocators the peer can run with. */
export const torchAllocators = ['default', 'jemalloc'] as const

/** One of `torchAllocators`. */
export type TorchAllocator = (typeof torchAllocators)[number]

/** Is `s` an allocator name? @example isTorchAllocator('jemalloc') // true */
export const isTorchAllocator = (s: string): s is TorchAllocator => (torchAllocators as readonly string[]).includes(s)

/** jemalloc's settings for the peer: transparent huge pages, freed pages kept (no decay back to the kernel). */
export const JEMALLOC_CONF = 'thp:always,metadata_thp:auto,dirty_decay_ms:-1,muzzy_decay_ms:-1'

/** Where Debian's libjemalloc2 puts the library (amd64, arm64). */
export const JEMALLOC_PATHS: readonly string[] = ['/usr/lib/x86_64-linux-gnu/libjemalloc.so.2', '/usr/lib/aarch64-linux-gnu/libjemalloc.so.2']

/** The peer's allocator: extra environment, a label for the report, and a note when the request could not be met. */
export interface PeerAllocator {
  readonly requested: TorchAllocator
  readonly env: Readonly<Record<string, string>>
  readonly label: string
  readonly note?: string
}

/**
 * The environment that gives the peer `name`'s allocator.
 * @param paths candidate library paths (default `JEMALLOC_PATHS`)
 * @example peerAllocator('jemalloc', ['/nonexistent']).note // 'jemalloc requested but ... not found ...'
 */
export const peerAllocator = (name: TorchAllocator, paths: readonly string[] = JEMALLOC_PATHS): PeerAllocator => {
  if (name === 'default') return { requested: name, env: {}, label: 'glibc malloc (default)' }
  const lib = paths.find((p) => fs.existsSync(p))
  if (lib === undefined)
    return { requested: name, env: {}, label: 'glibc malloc (default)', note: `jemalloc requested but ${paths.join(' / ')} not found (apt-get install libjemalloc2): the peer ran with glibc malloc` }
  const preload = [lib, process.env['LD_PRELOAD']].filter((s) => s !== undefined && s !== '').join(':')
  return { requested: name, env: { LD_PRELOAD: preload, MALLOC_CONF: JEMALLOC_CONF }, label: `jemalloc (${lib}, MALLOC_CONF=${JEMALLOC_CONF})` }
}
