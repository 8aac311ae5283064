import { describe, expect, it } from 'vitest'
import { partitionedConvolver, stagedConvolver } from './partitioned.js'
import { macBank } from './wasm/convolve.js'

// y[t] = Σₘ h[m]·x[t − m], computed directly in float64.
const direct = (h: Float32Array, x: Float32Array): Float64Array =>
  Float64Array.from(x, (_, t) => {
    let acc = 0
    for (let m = 0; m < h.length && m <= t; m++) acc += h[m]! * x[t - m]!
    return acc
  })

const run = (c: { process: (x: Float32Array, y: Float32Array) => void }, x: Float32Array, block: number) => {
  const y = new Float32Array(x.length)
  for (let s = 0; s < x.length; s += block) c.process(x.subarray(s, s + block), y.subarray(s, s + block))
  return y
}

describe('partitioned convolution', () => {
  const h = Float32Array.from({ length: 3000 }, (_, i) => Math.sin(i * 0.37) * Math.exp(-i / 900))
  const x = Float32Array.from({ length: 128 * 60 }, (_, i) => Math.cos(i * 0.11) + ((i * 7919) % 13) / 13 - 0.5)
  const want = direct(h, x)
  const worst = (y: Float32Array) => y.reduce((w, v, i) => Math.max(w, Math.abs(v - want[i]!)), 0)
  it('uniform partitions equal direct convolution (float32 output rounding)', () => {
    expect(worst(run(partitionedConvolver(h, 128), x, 128))).toBeLessThan(2e-5)
    expect(worst(run(partitionedConvolver(h, 32), x, 32))).toBeLessThan(2e-5)
  })
  it('multi-stage partitions equal direct convolution, with no added latency', () => {
    expect(worst(run(stagedConvolver(h, 128, [512, 2048]), x, 128))).toBeLessThan(2e-5)
    expect(worst(run(stagedConvolver(h, 64, [256]), x, 64))).toBeLessThan(2e-5)
    expect(worst(run(stagedConvolver(h, 128), x, 128))).toBeLessThan(2e-5) // the default layout
    expect(worst(run(stagedConvolver(h, 128, [256, 512, 1024]), x, 128))).toBeLessThan(2e-5) // odd partition counts
  })
  it('the wasm SIMD multiply-add exists in Node and equals the TypeScript one (and direct convolution)', () => {
    expect(macBank(4, 128)).toBeDefined()
    // [384] and [64] at block 2: stage sizes that are not wasm FFT lengths (those stages run the TypeScript step)
    for (const [block, stages] of [[128, [2048]], [64, [256]], [128, [256, 512, 1024]], [32, []], [128, [384]], [2, [64]]] as const) {
      const w = run(stagedConvolver(h, block, stages, 'wasm'), x, block)
      const j = run(stagedConvolver(h, block, stages, 'js'), x, block)
      expect(w.reduce((m, v, i) => Math.max(m, Math.abs(v - j[i]!)), 0), `${block} ${stages}`).toBeLessThan(1e-6)
      expect(worst(w)).toBeLessThan(2e-5)
    }
  })
  it('an IR shorter than a block works', () => {
    const short = Float32Array.from([0, 0.5, -0.25])
    const ref = direct(short, x)
    for (const k of ['wasm', 'js'] as const) {
      const y = run(partitionedConvolver(short, 128, k), x, 128)
      expect(y.reduce((w, v, i) => Math.max(w, Math.abs(v - ref[i]!)), 0)).toBeLessThan(1e-6)
    }
  })
})
