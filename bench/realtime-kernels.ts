/**
 * The DDSP voice's wasm kernels timed alone, for the figures the README quotes
 * of them: the oscillator bank (ns per sample at 100 harmonics, 220 Hz, staged
 * and summed separately), a forward + inverse real FFT pair (µs at 256 and 4096
 * points, the reverb's two stage sizes) and exp-sigmoid (ns per value, a frame's
 * 100 harmonic weights). Each figure is the median of 7 rounds after a warm-up;
 * like every timing on a shared VM it moves with the machine's spells.
 *
 * @example
 * npm run bench:kernels
 */
import { median } from '../src/host/stats.js'
import { hopWeights } from '../src/realtime/frames.js'
import { wasmRealFft } from '../src/realtime/wasm/fft.js'
import { harmonicsBank } from '../src/realtime/wasm/harmonics.js'

const ROUNDS = 7

/** Median over ROUNDS of the time of `reps` calls of `f`, in ns per call divided by `per`. */
const time = (f: () => void, reps: number, per: number): number => {
  for (let i = 0; i < reps; i++) f() // warm-up: optimised code first
  const ns: number[] = []
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = performance.now()
    for (let i = 0; i < reps; i++) f()
    ns.push(((performance.now() - t0) * 1e6) / (reps * per))
  }
  return median(ns)
}

const HOP = 192
const K = 100
const bank = harmonicsBank({ harmonics: K, block: HOP, sampleRate: 48000, weights: hopWeights(HOP) })
const fft256 = wasmRealFft(256)
const fft4096 = wasmRealFft(4096)
if (bank === undefined || fft256 === undefined || fft4096 === undefined) throw new Error('no WebAssembly SIMD here: the kernels cannot run')
bank.a0.forEach((_, k) => (bank.a0[k] = 0.01 * Math.sin(k)))
bank.d.forEach((_, k) => (bank.d[k] = 0.001 * Math.cos(k)))
bank.segment(0, HOP, 220, 10, 0) // one hop at 220 → 230 Hz: all 100 harmonics below Nyquist
for (const f of [fft256, fft4096]) f.x.forEach((_, i) => (f.x[i] = Math.sin(0.37 * i)))
const raw = Float64Array.from({ length: K }, (_, k) => 3 * Math.sin(1.3 * k))

const rows: [string, number, string][] = [
  ['harmonic bank, 100 harmonics: the sum', time(() => bank.run(0, HOP), 5000, HOP), 'ns per sample'],
  ['harmonic bank: the staging (phase, sin, cos, count)', time(() => bank.segment(0, HOP, 220, 10, 0), 20000, HOP), 'ns per sample'],
  ['real FFT pair (forward + inverse), 256 points', time(() => (fft256.forward(), fft256.inverse()), 50000, 1000), 'µs'],
  ['real FFT pair (forward + inverse), 4096 points', time(() => (fft4096.forward(), fft4096.inverse()), 2000, 1000), 'µs'],
  ['exp-sigmoid, 100 values', time(() => bank.expSigmoid(raw), 50000, K), 'ns per value'],
]
console.log(`wasm kernels of the DDSP voice, median of ${ROUNDS} rounds`)
for (const [what, v, unit] of rows) console.log(`${what.padEnd(52)} ${v.toFixed(2).padStart(7)} ${unit}`)
