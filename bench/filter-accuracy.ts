/**
 * `npm run bench:filter-accuracy`: the accuracy of the `recurrence` lowerings
 * on high-pass biquads near z = 1, as a new user meets them: `biquad` with
 * `highpassCoefficients(fc, Q, 44100)` on 8 820 samples of decaying uniform
 * noise, and its gradient w.r.t. the input, each compared with the float64
 * reference as a relative RMS error ‖y − y₆₄‖₂ / ‖y₆₄‖₂.
 *
 * Columns: wasm as loaded (the fused `dsp.biquad` host lowering); the
 * biquad's decomposition on wasm and tfjs-cpu with the `host` recurrence
 * lowering and on wasm with the former `log-step` scan; the reference
 * interpreter in float32 (a sequential float32 filter); webgpu's decomposition
 * with its WGSL recurrence (sequential, float32 state) where webgpu loads.
 *
 * @example
 * npm run bench:filter-accuracy
 */
import * as E from 'fp-ts/lib/Either.js'
import { evaluate, type Feeds } from '../src/core/interpret.js'
import type { Backend, HostTensor } from '../src/core/backend.js'
import { valueAndGrad } from '../src/core/autodiff/vjp.js'
import { compile } from '../src/core/program-api.js'
import { mul } from '../src/core/math.js'
import { sum } from '../src/core/tensor.js'
import { constant, param } from '../src/core/signal.js'
import { biquad, highpassCoefficients } from '../src/dsp/biquad.js'
import { reference } from '../src/backends/reference/index.js'
import { loadBackend, loadTfjsBackend } from '../src/backends/load.js'
import { withLowerings, type TfjsBackend } from '../src/backends/tfjs/backend.js'
import type { Program } from '../src/core/program.js'

const SR = 44100
const N = 8820
const cases: ReadonlyArray<readonly [number, number]> = [[25, 0.707], [25, 5.7], [38, 5.7], [100, 0.707], [10, 10], [1000, 0.707]]

/** Decaying uniform noise in [−1, 1] (a fixed LCG, so every column sees the same input). */
const input = (n: number): Float64Array => {
  let s = 12345
  return Float64Array.from({ length: n }, (_, t) => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    return (2 * (s / 2 ** 32) - 1) * Math.exp(-t / (0.05 * SR))
  })
}

const relRms = (got: ArrayLike<number>, want: ArrayLike<number>): number => {
  let [e, w] = [0, 0]
  for (let i = 0; i < want.length; i++) {
    e += (got[i]! - want[i]!) ** 2
    w += want[i]! ** 2
  }
  return Math.sqrt(e / w)
}

/** The filter's output and ∂⟨w, y⟩/∂x, on one backend. */
const programs = (fc: number, q: number): { forward: Program; gradient: Program } => {
  const x = param('x', [1, N], 'audio')
  const y = biquad(x, highpassCoefficients(fc, q, SR))
  const w = constant([...input(N)].reverse(), [1, N])
  const forward = E.getOrElseW((e) => { throw new Error(String(e)) })(compile({ y }))
  const gradient = E.getOrElseW((e) => { throw new Error(String(e)) })(valueAndGrad(E.getOrElseW((e) => { throw new Error(String(e)) })(compile({ loss: sum(mul(y, w), [0, 1]) })), 'loss'))
  return { forward, gradient }
}

/** A backend that reads synchronously. */
type Sync = Backend<unknown> & { readonly readSync: (x: unknown) => HostTensor }

const evalOn = async (b: Backend<unknown>, p: Program, feeds: Feeds, out: string): Promise<Float64Array> => {
  const r = await evaluate(b)(p, feeds)
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return Float64Array.from(r.right[out]!.data)
}

const main = async (): Promise<void> => {
  const load = async (n: 'wasm' | 'tfjs-cpu'): Promise<TfjsBackend> => {
    const b = await loadTfjsBackend(n)
    if (E.isLeft(b)) throw new Error(b.left.reason)
    return b.right
  }
  const [wasm, cpu] = [await load('wasm'), await load('tfjs-cpu')]
  const fused = await loadBackend('wasm')
  if (E.isLeft(fused)) throw new Error(fused.left.reason)
  const webgpu = await loadTfjsBackend('webgpu') // a column where it loads (SwiftShader here)
  const columns: ReadonlyArray<readonly [string, Backend<unknown>]> = [
    ['wasm (fused dsp.biquad)', fused.right as Sync],
    ['wasm (decomposition, host recurrence)', wasm as Sync],
    ['tfjs-cpu (decomposition, host recurrence)', cpu as Sync],
    ['wasm (decomposition, log-step: before)', withLowerings(wasm, { recurrence: 'log-step' }) as Sync],
    ['reference float32', reference('float32') as Sync],
    ...(E.isRight(webgpu) ? [['webgpu (decomposition, WGSL float32 sequential recurrence)', webgpu.right] as const] : []),
  ]
  const ref64 = reference('float64') as Sync
  const feeds = { x: input(N) }
  console.log(`relative RMS error vs the float64 reference: biquad high-pass at ${SR} Hz, ${N} samples of decaying noise (y: output; ∂x: gradient)\n`)
  console.log(`| cutoff | Q | ${columns.map(([n]) => `${n} y / ∂x`).join(' | ')} |`)
  console.log(`|---|---|${columns.map(() => '---|').join('')}`)
  for (const [fc, q] of cases) {
    const { forward, gradient } = programs(fc, q)
    const [y64, g64] = [await evalOn(ref64, forward, feeds, 'y'), await evalOn(ref64, gradient, feeds, 'grad:x')]
    const cells: string[] = []
    for (const [, b] of columns) cells.push(`${relRms(await evalOn(b, forward, feeds, 'y'), y64).toExponential(1)} / ${relRms(await evalOn(b, gradient, feeds, 'grad:x'), g64).toExponential(1)}`)
    console.log(`| ${fc} Hz | ${q} | ${cells.join(' | ')} |`)
  }
}

await main()
