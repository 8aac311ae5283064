/**
 * `npm run bench:filters`: a bank of 2-pole filters, forward and forward +
 * backward, on wasm with the fused `dsp.biquad` lowering, on the biquad's
 * decomposition with each `recurrence` lowering, and in PyTorch
 * (`torchaudio.functional.lfilter`, clamp off) on the same data in the same
 * run. Default size: batch 4 × 4 s at 48 kHz × 64 biquads (high- and
 * low-pass, fc log-spaced 20 Hz … 16 kHz, Q 0.5 … 10), the loss ⟨w, y⟩ and
 * its gradient w.r.t. the input and the five coefficients of every filter.
 *
 * Flags: `--seconds S`, `--batch B`, `--filters F`, `--runs N`,
 * `--threads N` (PyTorch's), `--lowerings host,log-step`, `--no-torch`.
 * A lowering that fails (e.g. out of memory) is reported with its error.
 *
 * @example
 * npm run bench:filters
 * npm run bench:filters -- --seconds 1 --lowerings host,log-step
 */
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { valueAndGrad } from '../src/core/autodiff/vjp.js'
import type { Backend } from '../src/core/backend.js'
import { evaluate } from '../src/core/interpret.js'
import { mul } from '../src/core/math.js'
import type { Program } from '../src/core/program.js'
import { compile } from '../src/core/program-api.js'
import { input, param } from '../src/core/signal.js'
import { sum } from '../src/core/tensor.js'
import { biquad } from '../src/dsp/biquad.js'
import { loadBackend, loadTfjsBackend } from '../src/backends/load.js'
import { withLowerings } from '../src/backends/tfjs/backend.js'
import type { RecurrenceLowering } from '../src/backends/tfjs/scan-recurrence.js'
import { time, type Timing } from '../src/bench/timing.js'

const flag = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback
}
const SR = 48000
const seconds = Number(flag('seconds', '4'))
const batch = Number(flag('batch', '4'))
const filters = Number(flag('filters', '64'))
const runs = Number(flag('runs', '3'))
const threads = Number(flag('threads', '1'))
const lowerings = flag('lowerings', 'host,log-step').split(',') as RecurrenceLowering[]
const T = Math.round(seconds * SR)
const rows = batch * filters

/** A fixed LCG in [−1, 1). */
const noise = (n: number, seed: number): Float32Array => {
  let s = seed
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    return 2 * (s / 2 ** 32) - 1
  })
}

/** RBJ cookbook biquads (float64), alternating high- and low-pass: rows of b0 b1 b2 a1 a2. */
const coefficients = (): Float32Array => {
  const out = new Float32Array(filters * 5)
  for (let f = 0; f < filters; f++) {
    const fc = 20 * (16000 / 20) ** (f / Math.max(1, filters - 1))
    const q = 0.5 + 9.5 * ((f * 0.618034) % 1)
    const w = (2 * Math.PI * fc) / SR
    const alpha = Math.sin(w) / (2 * q)
    const [c, a0] = [Math.cos(w), 1 + alpha]
    const high = f % 2 === 0
    const b0 = (high ? (1 + c) / 2 : (1 - c) / 2) / a0
    out.set([b0, (high ? -2 : 2) * b0, b0, (-2 * c) / a0, (1 - alpha) / a0], f * 5)
  }
  return out
}

const x = noise(batch * T, 7)
const coeffs = coefficients()
const w = noise(rows * T, 11)

/** The bank as one program: row r = (batch r / F, filter r % F). */
const programs = (): { forward: Program; train: Program } => {
  const xs = param('x', [rows, T], 'audio')
  const c = ['b0', 'b1', 'b2', 'a1', 'a2'].map((n) => param(n, [rows, 1]))
  const y = biquad(xs, { b0: c[0]!, b1: c[1]!, b2: c[2]!, a1: c[3]!, a2: c[4]! })
  const unwrap = <A>(e: E.Either<unknown, A>): A => {
    if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
    return e.right
  }
  const forward = unwrap(compile({ y }))
  const train = unwrap(valueAndGrad(unwrap(compile({ loss: sum(mul(y, input('w', [rows, T], 'audio')), [0, 1]) })), 'loss'))
  return { forward, train }
}

const feeds = (): Record<string, Float32Array> => {
  const xr = new Float32Array(rows * T)
  for (let r = 0; r < rows; r++) xr.set(x.subarray(Math.floor(r / filters) * T, Math.floor(r / filters) * T + T), r * T)
  const col = (i: number) => Float32Array.from({ length: rows }, (_, r) => coeffs[(r % filters) * 5 + i]!)
  return { x: xr, b0: col(0), b1: col(1), b2: col(2), a1: col(3), a2: col(4) }
}

/** Runs the PyTorch peer on the same data, or says why not. */
const torchPeer = (): { forward: Timing; train: Timing; impl: string; loss: number } | string => {
  if (process.argv.includes('--no-torch')) return 'skipped (--no-torch)'
  const python = '/usr/bin/python3'
  if (spawnSync(python, ['-c', 'import torch, torchaudio'], { encoding: 'utf8' }).status !== 0) return 'unavailable: apt-get install python3-torch python3-torchaudio'
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ddsp-filters-'))
  try {
    const put = (n: string, v: Float32Array) => fs.writeFileSync(path.join(dir, n), Buffer.from(v.buffer, v.byteOffset, v.byteLength))
    put('x.f32', x)
    put('coeffs.f32', coeffs)
    put('w.f32', w)
    fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ batch, filters, samples: T }))
    const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'torch_filter_bank.py')
    const r = spawnSync(python, [script, dir, '--runs', String(runs), '--threads', String(threads)], { encoding: 'utf8', maxBuffer: 1 << 24 })
    if (r.status !== 0) return `failed: ${(r.stderr || '').trim().split('\n').at(-1) ?? ''}`
    return JSON.parse(r.stdout) as { forward: Timing; train: Timing; impl: string; loss: number }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const main = async (): Promise<void> => {
  const loaded = await loadTfjsBackend('wasm')
  if (E.isLeft(loaded)) throw new Error(loaded.left.reason)
  const { forward, train } = programs()
  const f = feeds()
  console.log(`filter bank: ${batch} × ${seconds} s at ${SR} Hz × ${filters} biquads (${rows} rows of ${T} samples); median of ${runs} runs\n`)
  const rowsOut: string[] = []
  const results: Record<string, { forward?: number; train?: number; loss?: number }> = {}
  const fused = await loadBackend('wasm')
  if (E.isLeft(fused)) throw new Error(fused.left.reason)
  const variants: ReadonlyArray<readonly [string, Backend<unknown>]> = [
    ['wasm, fused dsp.biquad', fused.right as Backend<unknown>],
    ...lowerings.map((l) => [`wasm, decomposition, recurrence ${l}`, withLowerings(loaded.right, { recurrence: l }) as Backend<unknown>] as const),
  ]
  for (const [l, b] of variants) {
    const one = async (p: Program, out: string) => {
      const r = await evaluate(b)(p, p === forward ? f : { ...f, w })
      if (E.isLeft(r)) throw new Error(JSON.stringify(r.left).slice(0, 200))
      return r.right[out]!.data[0]!
    }
    try {
      const tf = await time(() => one(forward, 'y'), runs)
      const loss = await one(train, 'loss')
      const tt = await time(() => one(train, 'loss'), runs)
      results[l] = { forward: tf.median_ms, train: tt.median_ms, loss }
    } catch (e) {
      rowsOut.push(`| ${l} | failed: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 80)} | | |`)
    }
  }
  const peer = torchPeer()
  const torchTrain = typeof peer === 'string' ? undefined : peer.train.median_ms
  const torchForward = typeof peer === 'string' ? undefined : peer.forward.median_ms
  const ratio = (ours: number | undefined, theirs: number | undefined) => (ours === undefined || theirs === undefined ? '' : `${(theirs / ours).toFixed(2)}`)
  console.log('| implementation | forward ms | forward + backward ms | loss | speed vs PyTorch (forward / train, > 1: faster) |')
  console.log('|---|---|---|---|---|')
  for (const [l, r] of Object.entries(results))
    console.log(`| ${l} | ${r.forward!.toFixed(0)} | ${r.train!.toFixed(0)} | ${r.loss!.toPrecision(7)} | ${ratio(r.forward, torchForward)} / ${ratio(r.train, torchTrain)} |`)
  for (const r of rowsOut) console.log(r)
  if (typeof peer === 'string') console.log(`| PyTorch | ${peer} | | | |`)
  else console.log(`| ${peer.impl} | ${peer.forward.median_ms.toFixed(0)} | ${peer.train.median_ms.toFixed(0)} | ${peer.loss.toPrecision(7)} | 1 |`)
}

await main()
