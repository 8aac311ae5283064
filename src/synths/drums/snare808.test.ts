import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { loadBackend } from '../../backends/load.js'
import { evaluate } from '../../core/interpret.js'
import { compile } from '../../core/program-api.js'
import { constant } from '../../core/signal.js'
import { fillNoise } from '../../core/random.js'
import { presetVector, snare808, snare808Params, snare808Presets } from './snare808.js'
import { evaluateOrThrow } from '../../../testing/run.js'

/**
 * timbreremap's Snare808.forward transcribed as plain float64 loops (the oracle). Its noise filter is
 * `torchaudio.functional.lfilter(x, a, b, batching=True)`, whose `clamp` defaults to True: the filtered
 * noise is `torch.clamp(h, -1, 1)` before its gain (`clamp = false` leaves that out, to show what it changes).
 */
const hostSnare = (unit: readonly number[], n: number, sr: number, seed: number, clamp = true): Float64Array => {
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
    const clipped = clamp ? Math.min(Math.max(h, -1), 1) : h // lfilter's clamp=True, on the output only (the state keeps h)
    const mix = db(v[10]!) * y1[i]! * e1[i]! + db(v[11]!) * y2[i]! * e2[i]! + db(v[12]!) * clipped
    out[i] = Math.tanh(db(v[13]!) * mix)
  }
  return out
}

const render = (unit: readonly number[], n: number, sr: number, seed: number) =>
  evaluateOrThrow({ y: snare808(constant(unit, [1, 14]), n, sr, seed) })['y']!.data

/** ‖a − b‖₂ / ‖b‖₂ */
const relRms = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let [d, r] = [0, 0]
  for (let i = 0; i < b.length; i++) {
    d += (a[i]! - b[i]!) ** 2
    r += b[i]! ** 2
  }
  return Math.sqrt(d / r)
}

const presetNames = Object.keys(snare808Presets) as Array<keyof typeof snare808Presets>

describe('snare808', () => {
  it.each(presetNames)('%s matches timbreremap’s algorithm sample by sample', (name) => {
    const [sr, n] = [44100, 8820]
    const ours = render(presetVector(name, sr), n, sr, 5)
    const oracle = hostSnare(presetVector(name, sr), n, sr, 5)
    let worst = 0
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(ours[i]! - oracle[i]!))
    expect(worst).toBeLessThan(1e-9)
  })
  // 1 s at 44.1 kHz (timbreremap's snare_808.yaml), default noise seed: the library on the reference backend
  // (float64) and on wasm (float32) against the oracle with the clip, and the oracle without the clip against it.
  // Prints one line (`npx vitest run src/synths/drums/snare808.test.ts -t 'one second'`).
  it('one second of each preset vs the float64 oracle with lfilter’s clamp, on reference and wasm; the clip matters', async () => {
    const [sr, n, seed] = [44100, 44100, 808]
    const wasm = await loadBackend('wasm')
    if (E.isLeft(wasm)) throw new Error(wasm.left.reason)
    const rows: string[] = []
    for (const name of presetNames) {
      const u = presetVector(name, sr)
      const oracle = hostSnare(u, n, sr, seed)
      const ref = relRms(render(u, n, sr, seed), oracle)
      const program = compile({ y: snare808(constant(u, [1, 14]), n, sr, seed) })
      if (E.isLeft(program)) throw new Error(JSON.stringify(program.left))
      const out = await evaluate(wasm.right)(program.right, {})
      if (E.isLeft(out)) throw new Error(JSON.stringify(out.left))
      const onWasm = relRms(out.right['y']!.data, oracle)
      const withoutClip = relRms(hostSnare(u, n, sr, seed, false), oracle)
      rows.push(`${name} ref ${ref.toExponential(1)} wasm ${onWasm.toExponential(1)} no-clip ${withoutClip.toExponential(1)}`)
      expect(ref).toBeLessThan(1e-12)
      expect(onWasm).toBeLessThan(1e-3)
      if (name === '808_snare_1' || name === '808_snare_2' || name === '808_noisy_snare') expect(withoutClip).toBeGreaterThan(1e-3)
    }
    console.log(`snare808 rel. RMS vs float64 oracle with clip (1 s, 44.1 kHz, seed ${seed}): ${rows.join('; ')}`)
  }, 60_000)
  it('has 14 parameters in timbreremap’s order, and presets inside their ranges', () => {
    const names = snare808Params(44100).map(([k]) => k)
    expect(names).toEqual(['osc1.freq', 'osc1.mod', 'osc2.freq', 'osc2.mod', 'freq_env.decay', 'osc1_env.decay', 'osc2_env.decay', 'noise_env.decay', 'noise_filter.freq', 'noise_filter.q', 'osc1_gain.gain', 'osc2_gain.gain', 'noise_gain.gain', 'tanh.in_gain'])
    for (const name of Object.keys(snare808Presets) as Array<keyof typeof snare808Presets>)
      expect(presetVector(name, 44100).every((u) => u >= 0 && u <= 1)).toBe(true)
  })
})
