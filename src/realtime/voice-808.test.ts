import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { instantiate } from './wasm/kernel.js'
import { reference } from '../backends/reference/index.js'
import { evaluateSync } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import { constant } from '../core/signal.js'
import { kit808, type Voice808 } from '../synths/drums/kit808.js'
import { MAX_BLOCK } from './drum-kernels.js'
import { kit808Voices } from './voice-808.js'

const sr = 48000
const n = 2560 // 20 blocks of 128

const offline = (name: Voice808, u: readonly number[]): Float64Array => {
  const r = E.flatMap((p: Parameters<ReturnType<typeof evaluateSync>>[0]) => evaluateSync(reference('float64'))(p, {}))(
    E.mapLeft((e) => e as never)(compile({ y: kit808[name].render(constant(u, [1, u.length]), n, sr) })),
  )
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return Float64Array.from(r.right['y']!.data)
}

const realtime = (name: Voice808, u: readonly number[], block: number, kernels: 'wasm' | 'js' = 'wasm'): Float32Array => {
  const v = kit808Voices[name](sr, kernels)
  const out = new Float32Array(n)
  v.trigger(u)
  for (let s = 0; s < n; s += block) v.process(out.subarray(s, Math.min(n, s + block)))
  return out
}

const relErr = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let [worst, peak] = [0, 0]
  for (let i = 0; i < b.length; i++) {
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!))
    peak = Math.max(peak, Math.abs(b[i]!))
  }
  return worst / peak
}

/**
 * Renders with the wasm and the TypeScript kernels in lockstep, over blocks of varying (and odd) sizes with a
 * retrigger at the middle, and returns the first block (if any) after which their memories differ: every
 * state record, and the first m values of every block buffer — each intermediate f64, not only the float32 out.
 */
const firstDifference = (name: Voice808, u: readonly number[]): string | undefined => {
  const [w, j] = [kit808Voices[name](sr, 'wasm'), kit808Voices[name](sr, 'js')]
  const [ow, oj] = [new Float32Array(n), new Float32Array(n)]
  w.trigger(u)
  j.trigger(u)
  for (let s = 0, k = 3; s < n; k = (k * 7 + 5) % 293) {
    const m = Math.min(1 + k, n - s)
    if (s >= n / 2 && s - m < n / 2) [w, j].forEach((v) => v.trigger(u))
    w.process(ow.subarray(s, s + m))
    j.process(oj.subarray(s, s + m))
    const [rw, rj] = [w.regions!(), j.regions!()]
    for (let r = 0; r < rw.length; r++) {
      const [region, a] = rw[r]!
      const b = rj[r]![1]
      const len = region === 'out32' ? 0 : a.length >= MAX_BLOCK ? m : a.length
      for (let i = 0; i < len; i++) if (!Object.is(a[i], b[i])) return `${region}[${i}] after the block at ${s}: ${a[i]} vs ${b[i]}`
    }
    s += m
  }
  return ow.every((v, i) => Object.is(v, oj[i])) ? undefined : 'out'
}

describe('real-time 808 kit', () => {
  // float32 output of float64 arithmetic vs the float64 offline graph: envelopes as anchor·rʲ from a power table
  // and phases as running sums drift ≈ n·ε₆₄; the float32 rounding (≈ 6e-8 of the peak) dominates.
  const TOLERANCE = 1e-6
  it.each(Object.keys(kit808) as Voice808[])('%s equals the offline voice (defaults and a random parameter vector)', (name) => {
    const defaults = kit808[name].defaults(sr)
    expect(relErr(realtime(name, defaults, 128), offline(name, defaults))).toBeLessThan(TOLERANCE)
    const other = defaults.map((_, i) => 0.15 + 0.7 * ((Math.sin(7.3 * (i + 1)) + 1) / 2))
    expect(relErr(realtime(name, other, 32), offline(name, other))).toBeLessThan(TOLERANCE)
  })
  it('Node has the wasm 808 kernels (else the bit-for-bit test below would compare the TypeScript blocks with themselves)', () => {
    expect(instantiate(['noise', 'drums'], 1)).toBeDefined()
  })
  it.each(Object.keys(kit808) as Voice808[])('%s: the wasm kernels equal the TypeScript blocks bit for bit (ragged blocks, retrigger)', (name) => {
    const defaults = kit808[name].defaults(sr)
    const other = defaults.map((_, i) => 0.1 + 0.8 * ((Math.cos(3.1 * (i + 2)) + 1) / 2))
    for (const u of [defaults, other]) expect(firstDifference(name, u)).toBeUndefined()
    expect(relErr(realtime(name, defaults, 128, 'js'), offline(name, defaults))).toBeLessThan(TOLERANCE)
  })
  it.each([44100, 96000])('every voice gives the same bits for any block partition (one block longer than MAX_BLOCK included), at %s Hz too', (rate) => {
    for (const name of Object.keys(kit808) as Voice808[]) {
      const u = kit808[name].defaults(rate)
      const render = (block: number) => {
        const v = kit808Voices[name](rate)
        const out = new Float32Array(8192)
        v.trigger(u)
        for (let s = 0; s < out.length; s += block) v.process(out.subarray(s, s + block))
        return out
      }
      const whole = render(8192) // longer than MAX_BLOCK: rendered in pieces
      expect(whole.some((v) => v !== 0)).toBe(true)
      for (const block of [4096, 128, 96]) expect(render(block)).toEqual(whole)
    }
  })
  it('is silent before its first trigger', () => {
    const out = new Float32Array(128).fill(1)
    kit808Voices['kick808'](sr).process(out)
    expect(out.every((v) => v === 0)).toBe(true)
  })
})
