import { describe, expect, it } from 'vitest'
import { constant } from '../../core/signal.js'
import { fillNoise } from '../../core/random.js'
import { presetVector, snare808, snare808Params, snare808Presets } from './snare808.js'
import { evaluateOrThrow } from '../../testing/run.js'

/** timbreremap's Snare808.forward transcribed as plain float64 loops (the oracle). */
const hostSnare = (unit: readonly number[], n: number, sr: number, seed: number): Float64Array => {
  const ranges = snare808Params(sr)
  const v = unit.map((u, i) => ranges[i]![1].min + (ranges[i]![1].max - ranges[i]![1].min) * u)
  const A = Math.floor(0.001 * sr)
  const env = (decayMs: number) => {
    const r = 1 - 6.91 / ((decayMs * sr) / 1000)
    const e = new Float64Array(n)
    for (let i = 0; i < n; i++) e[i] = i < A ? (i + 1) / A : i === A ? 1 : e[i - 1]! * r // attack, then cumprod [1, r, r, …]
    return e
  }
  const osc = (f: number, fenv: Float64Array, mod: number) => {
    const w0 = (2 * Math.PI * f) / sr
    const y = new Float64Array(n)
    let phase = 0
    for (let i = 0; i < n; i++) {
      y[i] = Math.sin(phase)
      phase += w0 + w0 * mod * fenv[i]!
    }
    return y
  }
  const db = (g: number) => 10 ** (g / 20)
  const fenv = env(v[4]!)
  const [e1, e2, en] = [env(v[5]!), env(v[6]!), env(v[7]!)]
  const [y1, y2] = [osc(v[0]!, fenv, v[1]!), osc(v[2]!, fenv, v[3]!)]
  const white = fillNoise(new Float64Array(n), seed, 'uniform', 0)
  const K = Math.tan((Math.PI * Math.min(v[8]!, sr / 2 - 1000)) / sr)
  const q = v[9]!
  const norm = 1 / (1 + K / q + K * K)
  const [b0, b1, b2, a1, a2] = [norm, -2 * norm, norm, 2 * (K * K - 1) * norm, (1 - K / q + K * K) * norm]
  const out = new Float64Array(n)
  let [x1, x2, z1, z2] = [0, 0, 0, 0]
  for (let i = 0; i < n; i++) {
    const x = white[i]! * en[i]!
    const h = b0 * x + b1 * x1 + b2 * x2 - a1 * z1 - a2 * z2 // lfilter
    ;[x2, x1, z2, z1] = [x1, x, z1, h]
    const mix = db(v[10]!) * y1[i]! * e1[i]! + db(v[11]!) * y2[i]! * e2[i]! + db(v[12]!) * h
    out[i] = Math.tanh(db(v[13]!) * mix)
  }
  return out
}

const render = (unit: readonly number[], n: number, sr: number, seed: number) =>
  evaluateOrThrow({ y: snare808(constant(unit, [1, 14]), n, sr, seed) })['y']!.data

describe('snare808', () => {
  it.each(Object.keys(snare808Presets) as Array<keyof typeof snare808Presets>)('%s matches timbreremap’s algorithm sample by sample', (name) => {
    const [sr, n] = [44100, 8820]
    const ours = render(presetVector(name, sr), n, sr, 5)
    const oracle = hostSnare(presetVector(name, sr), n, sr, 5)
    let worst = 0
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(ours[i]! - oracle[i]!))
    expect(worst).toBeLessThan(1e-9)
  })
  it('has 14 parameters in timbreremap’s order, and presets inside their ranges', () => {
    const names = snare808Params(44100).map(([k]) => k)
    expect(names).toEqual(['osc1.freq', 'osc1.mod', 'osc2.freq', 'osc2.mod', 'freq_env.decay', 'osc1_env.decay', 'osc2_env.decay', 'noise_env.decay', 'noise_filter.freq', 'noise_filter.q', 'osc1_gain.gain', 'osc2_gain.gain', 'noise_gain.gain', 'tanh.in_gain'])
    for (const name of Object.keys(snare808Presets) as Array<keyof typeof snare808Presets>)
      expect(presetVector(name, 44100).every((u) => u >= 0 && u <= 1)).toBe(true)
  })
})
