import { describe, expect, it } from 'vitest'
import { harmonicVoice } from './harmonic-voice.js'
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
        const f0 = 100 + 30 * pushed // 100 Hz … past 8 kHz: fewer harmonics below Nyquist as it rises
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
    expect(worst / peak).toBeLessThan(1e-6) // float32 outputs of float64 sums that differ in order by ≈1e-15
  })
})
