/**
 * The PyTorch peer: writes the workload's data to a temporary folder, runs
 * `bench/torch_workload.py` with Debian's `/usr/bin/python3` (python3-torch)
 * and parses its JSON. Absent torch is a value (`available: false` with the
 * reason), never an exception. `allocator: 'jemalloc'` preloads Debian's
 * libjemalloc2 into the peer's process only (`allocator.ts`); the result
 * names the allocator the peer actually ran with (read from its own
 * `/proc/self/maps`).
 *
 * @example
 * const peer = await runTorch(w, target, { runs: 10, threads: 2, allocator: 'jemalloc' })
 * if (peer.available) peer.cases.train.median_ms
 */
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { peerAllocator, type TorchAllocator } from './allocator.js'
import type { Workload } from './workload.js'
import type { Timing } from './timing.js'

/** The peer's result, or why it did not run. */
export type TorchResult =
  | { readonly available: true; readonly impl: string; readonly threads: number; readonly loss: number; readonly grad_norms: Readonly<Record<string, number>>; readonly cases: { readonly forward: Timing; readonly train: Timing }; readonly peak_rss_mb: number; readonly allocator: string; readonly allocator_note?: string }
  | { readonly available: false; readonly reason: string }

/** `bench/torch_workload.py` (or another script of bench/), from src/bench or dist/bench. @example torchScript('torch_autoencoder.py') */
export const torchScript = (name = 'torch_workload.py'): string => path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', name)

const write = (dir: string, w: Workload, target: Float32Array): void => {
  const s = w.size
  const data: Record<string, [Float32Array, number[]]> = {
    f0: [w.controls['f0']!, [s.batch, s.frames, 1]],
    amp: [w.controls['amp']!, [s.batch, s.frames, 1]],
    dist: [w.controls['dist']!, [s.batch, s.frames, s.harmonics]],
    noise: [w.controls['noise']!, [s.batch, s.frames, s.bands]],
    white: [w.noise, [s.batch, w.samples]],
    target: [target, [s.batch, w.samples]],
  }
  for (const [k, [v]] of Object.entries(data)) writeF32(path.join(dir, `${k}.f32`), v)
  const shapes = Object.fromEntries(Object.entries(data).map(([k, [, sh]]) => [k, sh]))
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ sample_rate: s.sampleRate, samples: w.samples, shapes }))
}

/** Options of a peer run. */
export interface PeerOptions {
  readonly runs: number
  readonly threads: number
  /** interpreter (default `/usr/bin/python3`, Debian's, which sees python3-torch) */
  readonly python?: string
  readonly allocator?: TorchAllocator
}

/** What every peer script prints, besides its cases. */
type PeerCommon = { readonly allocator: string; readonly allocator_note?: string }

/**
 * Runs a peer script on data that `write` puts in a fresh folder: the parsed JSON, with the allocator
 * named as requested and confirmed by the peer, or why it did not run.
 * @example runPeerScript(torchScript(), (dir) => write(dir, w, target), { runs: 5, threads: 2 })
 */
export const runPeerScript = <A extends PeerCommon>(script: string, write: (dir: string) => void, o: PeerOptions): { readonly available: true; readonly out: A } | { readonly available: false; readonly reason: string } => {
  const python = o.python ?? '/usr/bin/python3'
  if (!fs.existsSync(python)) return { available: false, reason: `${python} not found (apt-get install python3-torch)` }
  const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' })
  if (probe.status !== 0) return { available: false, reason: `PyTorch is not importable by ${python} (apt-get install python3-torch)` }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddsp-bench-'))
  try {
    write(dir)
    const alloc = peerAllocator(o.allocator ?? 'default')
    const env = { ...process.env, ...alloc.env }
    const r = spawnSync(python, [script, dir, '--runs', String(o.runs), '--threads', String(o.threads)], { encoding: 'utf8', maxBuffer: 1 << 24, env })
    if (r.status !== 0) return { available: false, reason: `the PyTorch script failed: ${(r.stderr || '').trim().split('\n').at(-1) ?? ''}` }
    const out = JSON.parse(r.stdout) as A
    // the label says what was asked for; the peer's own maps say what it got
    const allocator = out.allocator === 'jemalloc' && alloc.env['LD_PRELOAD'] !== undefined ? alloc.label : out.allocator
    return { available: true, out: { ...out, allocator, ...(alloc.note === undefined ? {} : { allocator_note: alloc.note }) } }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Writes a float32 array as raw little-endian bytes. @example writeF32(path.join(dir, 'f0.f32'), f0) */
export const writeF32 = (file: string, v: Float32Array): void => fs.writeFileSync(file, Buffer.from(v.buffer, v.byteOffset, v.byteLength))

/**
 * Runs the peer on the same data.
 * @example await runTorch(w, target, { runs: 5, threads: 2 })
 */
export const runTorch = (w: Workload, target: Float32Array, o: PeerOptions): TorchResult => {
  const r = runPeerScript<Omit<Extract<TorchResult, { available: true }>, 'available'>>(torchScript(), (dir) => write(dir, w, target), o)
  return r.available ? { available: true, ...r.out } : r
}
