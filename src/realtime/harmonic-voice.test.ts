import { describe, expect, it } from 'vitest'
import { harmonicVoice, sinCos } from './harmonic-voice.js'
import { hopWeights } from './frames.js'
import { harmonicsBank } from './wasm/harmonics.js'

describe('harmonic voice kernels', () => {
  it('Node has the wasm SIMD bank', () => {
    const o = { harmonics: 100, block: 128, sampleRate: 48000, weights: hopWeights(192) }
    expect(harmonicsBank(o)).toBeDefined()
    expect(harmonicsBank({ ...o, kernels: 'js' })).toBeUndefined()
  })
  it('the wasm bank equals the TypeScript one (random blocks, gliding f0 up past Nyquist cut-offs, odd K, late frames)', () => {
    const sr = 48000
    const K = 61
    const [wasm, js] = (['wasm', 'js'] as const).map((kernels) => harmonicVoice({ sampleRate: sr, harmonics: K, hop: 96, kernels }))
    const outs = [new Float32Array(6000), new Float32Array(6000)]
    let pushed = 0
    for (let s = 0, k = 3; s < 6000; k = (k * 13 + 5) % 331) {
      const m = Math.min(1 + k, 6000 - s)
      // frames arrive irregularly: sometimes late (held), sometimes ahead
      for (const target = Math.floor((s + m) / 96) + (k % 3) - 1; pushed <= target; pushed++) {
        const dist = Float64Array.from({ length: K }, (_, i) => Math.sin(0.7 * i + pushed))
        const f0 = 100 + 30 * pushed // 100 Hz … ~2 kHz: fewer of the 61 harmonics below Nyquist as it rises past 393 Hz
        for (const v of [wasm, js]) v!.pushFrame(Math.cos(pushed), dist, f0)
      }
      wasm!.process(outs[0]!.subarray(s, s + m))
      js!.process(outs[1]!.subarray(s, s + m))
      s += m
    }
    let worst = 0
    let peak = 0
    for (let i = 0; i < 6000; i++) {
      worst = Math.max(worst, Math.abs(outs[0]![i]! - outs[1]![i]!))
      peak = Math.max(peak, Math.abs(outs[1]![i]!))
    }
    expect(peak).toBeGreaterThan(0.01)
    expect(worst / peak).toBeLessThanOrEqual(2 ** -23) // float32 outputs of float64 sums that differ in order by ≈1e-15: one float32 step at most
  })
  it('the wasm bank gives each sample the same bits whichever sample shares its lanes (runs split at odd points)', () => {
    const n = 64
    const bank = harmonicsBank({ harmonics: 37, block: n, sampleRate: 48000, weights: hopWeights(192) })!
    bank.a0.forEach((_, k) => (bank.a0[k] = Math.sin(k + 1)))
    bank.d.forEach((_, k) => (bank.d[k] = Math.cos(3 * k)))
    for (let i = 0; i < n; i++) {
      bank.s1[i] = Math.sin(0.3 * i)
      bank.c1[i] = Math.cos(0.3 * i)
      bank.ww[i] = i / n
      bank.kmax[i] = (i * 7) % 38 // neighbours take different harmonic counts, 0 … 37
    }
    bank.run(0, n)
    const whole = Float64Array.from(bank.out)
    bank.out.fill(0)
    for (const [from, to] of [[0, 1], [1, 4], [4, 33], [33, 64]] as const) bank.run(from, to)
    expect(Array.from(bank.out)).toEqual(Array.from(whole))
  })
  it('the wasm staging computes sin θ, cos θ, the harmonic count and the window weight as the TypeScript path, bit for bit', () => {
    const hop = 192
    const w = hopWeights(hop)
    const bank = harmonicsBank({ harmonics: 40, block: hop, sampleRate: 48000, weights: w })!
    const [fa, df] = [3000.5, 1234.25] // θ wraps many times over the hop
    bank.segment(0, hop, fa, df, 0)
    const sc = new Float64Array(2)
    let theta = 0
    for (let j = 0; j < hop; j++) {
      theta += ((2 * Math.PI) / 48000) * (fa + df * w.linear[j]!)
      if (theta >= 2 * Math.PI) theta -= 2 * Math.PI * Math.floor(theta / (2 * Math.PI))
      sinCos(theta, sc)
      expect([bank.s1[j], bank.c1[j]]).toEqual([sc[0], sc[1]])
      const f0 = fa + df * w.linear[j]!
      expect([bank.kmax[j], bank.ww[j]]).toEqual([Math.min(40, Math.ceil(24000 / f0) - 1), w.window[j]]) // 40 = K
    }
  })
})
