import { describe, expect, it } from 'vitest'
import { realFft } from '../host/fft.js'
import { uniformAt } from '../core/random.js'
import { lcg } from '../../testing/run.js'
import { firTable } from '../host/fir.js'
import { expSigmoid } from '../host/sigmoid.js'
import { noiseVoice } from './noise-voice.js'
import { instantiate, type KernelChoice } from './wasm/kernel.js'
import { directFir, drawRecord } from './wasm/noise.js'

// The voice (overlap-add of per-segment FFT convolutions) against the direct time-varying FIR of the
// offline frame convolution, y[t] = Σ_{j<len} h_{f(⌊v/H⌋)}[j]·noise[v], v = t + c − j ≥ 0, where f(k) is the
// frame segment k uses: min(k, F − 1) when frames arrive on time (the offline render holds its last frame).


interface Case {
  readonly bands: number
  readonly windowSize: number
  readonly hop: number
  readonly seed: number
  readonly frames: Float64Array[] // raw magnitudes [M] per frame
}

/** Taps of one frame, independently of the voice: h₀ by the direct cosine sum (NumPy irfft), then `firTable`. */
const tapsOf = (raw: Float64Array, windowSize: number): Float64Array => {
  const m = raw.length
  const l = 2 * (m - 1)
  const mags = Array.from(raw, (r) => expSigmoid(r - 5))
  const h0 = Float64Array.from({ length: l }, (_, t) => mags.reduce((s, mk, k) => s + (k === 0 || k === m - 1 ? 1 : 2) * mk * Math.cos((2 * Math.PI * k * t) / l), 0) / l)
  const tab = firTable(m, windowSize)
  return Float64Array.from(tab.idx, (i, j) => h0[i]! * tab.win[j]!)
}

/** The direct sum for T samples; `frameOf(k)` is the frame of noise segment k. */
const direct = (c: Case, frameOf: (k: number) => number, T: number): Float64Array => {
  const taps = c.frames.map((f) => tapsOf(f, c.windowSize))
  const len = taps[0]!.length
  const lookahead = Math.floor(len / 2)
  const y = new Float64Array(T)
  for (let t = 0; t < T; t++)
    for (let j = 0; j < len; j++) {
      const v = t + lookahead - j
      if (v >= 0) y[t] = y[t]! + taps[frameOf(Math.floor(v / c.hop))]![j]! * uniformAt(c.seed, v)
    }
  return y
}

/**
 * Streams T samples in `blocks` (cycled); before each block, frames are pushed up to `want(start, end)` (capped at F).
 * @returns the output and, per sample, the frames pushed when its block was rendered
 */
const stream = (c: Case, blocks: number[], T: number, want: (start: number, end: number, lookahead: number) => number, kernels: KernelChoice = 'wasm') => {
  const maxBlock = Math.max(...blocks)
  const v = noiseVoice({ bands: c.bands, hop: c.hop, windowSize: c.windowSize, seed: c.seed, capacity: Math.ceil((maxBlock + 512) / c.hop) + 8, kernels })
  const out = new Float32Array(T)
  const countAt = new Int32Array(T)
  let pushed = 0
  for (let s = 0, b = 0; s < T; b++) {
    const e = Math.min(T, s + blocks[b % blocks.length]!)
    for (; pushed < Math.min(c.frames.length, want(s, e, v.lookahead)); pushed++) v.pushFrame(c.frames[pushed]!)
    countAt.fill(pushed, s, e)
    v.process(out.subarray(s, e))
    s = e
  }
  return { out, countAt, lookahead: v.lookahead }
}

/** Worst |got − want| in units of (one float32 rounding step of want + 1e-12 of the peak): ≤ 1 passes. */
const worst = (got: Float32Array, want: Float64Array): number => {
  const peak = want.reduce((p, x) => Math.max(p, Math.abs(x)), 0)
  const ulp32 = (x: number) => 2 ** (Math.max(-126, Math.floor(Math.log2(Math.abs(Math.fround(x)) || 2 ** -126))) - 23)
  return got.reduce((w, g, i) => Math.max(w, Math.abs(g - want[i]!) / (ulp32(want[i]!) + 1e-12 * peak)), 0)
}

const randomCase = (rand: () => number): Case => {
  const bands = [9, 17, 33, 65][Math.floor(rand() * 4)]!
  const windowSize = [257, 0, 31, 20, 2 * (bands - 1) - 1][Math.floor(rand() * 5)]!
  const hop = [1, 7, 64, 65, 128, 192, 200, 333][Math.floor(rand() * 8)]!
  const F = Math.max(2, Math.floor(2000 / hop)) // ~2/3 of T: the last frame is held for the rest
  const frames = Array.from({ length: F }, () => Float64Array.from({ length: bands }, () => -4 + 10 * rand()))
  return { bands, windowSize, hop, seed: Math.floor(rand() * 1000), frames }
}

const BLOCKS = [1, 37, 128, 500]
const T = 3000

describe.each(['wasm', 'js'] as const)('real-time filtered-noise voice (%s: direct FIR on wasm SIMD / per-segment FFT convolution)', (kernels) => {
  it('equals the direct time-varying FIR for random bands, windows, hops, block sizes and look-aheads', () => {
    const rand = lcg(20240611)
    for (let n = 0; n < 12; n++) {
      const c = randomCase(rand)
      const blocks = Array.from({ length: 6 }, () => BLOCKS[Math.floor(rand() * BLOCKS.length)]!)
      const extra = Math.floor(rand() * 3) // frames pushed beyond the one needed
      const got = stream(c, blocks, T, (_, e, la) => Math.floor((e - 1 + la) / c.hop) + 1 + extra, kernels)
      const want = direct(c, (k) => Math.min(k, c.frames.length - 1), T)
      expect(worst(got.out, want), JSON.stringify({ n, bands: c.bands, windowSize: c.windowSize, hop: c.hop, blocks, extra })).toBeLessThanOrEqual(1)
    }
  })

  it('applies the frame held when a segment is convolved: a frame arriving after it is not applied to it', () => {
    const rand = lcg(7)
    const c: Case = { ...randomCase(rand), bands: 65, windowSize: 257, hop: 192 }
    const frames = Array.from({ length: 16 }, () => Float64Array.from({ length: 65 }, () => -4 + 10 * rand()))
    const late = { ...c, frames }
    // Frames lag: before the block starting at s, only ⌊s/H⌋ frames (at least 1) — segment ⌊(s + c)/H⌋ may lack its own.
    const got = stream(late, [128], T, (s) => Math.max(1, Math.floor(s / c.hop)), kernels)
    // Segment k is convolved in the block that renders t = max(kH, c) − c; it uses the last frame pushed then.
    const frameOf = (k: number) => Math.min(k, got.countAt[Math.max(k * c.hop, got.lookahead) - got.lookahead]! - 1)
    const want = direct(late, frameOf, T)
    expect(worst(got.out, want)).toBeLessThanOrEqual(1)
    // The lag matters: with frames on time the output would differ.
    const onTime = direct(late, (k) => Math.min(k, frames.length - 1), T)
    expect(worst(got.out, onTime)).toBeGreaterThan(1e6)
  })

  it('renders silence before the first frame, then the held first frame', () => {
    const v = noiseVoice({ bands: 17, hop: 64, kernels })
    const out = new Float32Array(100)
    v.process(out)
    expect(out.every((x) => x === 0)).toBe(true)
    v.pushFrame(new Float64Array(17).fill(3))
    v.process(out)
    expect(out.some((x) => x !== 0)).toBe(true)
  })
})

describe('the wasm direct FIR against the TypeScript FFT path', () => {
  it('Node has the wasm SIMD kernel (and kernels: js opts out)', () => {
    expect(directFir({ bands: 65, taps: 128, hop: 192, lookahead: 64, seed: 0 })).toBeDefined()
    expect(directFir({ bands: 65, taps: 128, hop: 192, lookahead: 64, seed: 0 }, 'js')).toBeUndefined()
  })

  it('renders the same stream: random bands, windows, hops, seeds, block sizes 1…700, frames late, on time or ahead', () => {
    const rand = lcg(99)
    for (let n = 0; n < 16; n++) {
      const c = randomCase(rand)
      const [wasm, js] = (['wasm', 'js'] as const).map((kernels) => noiseVoice({ bands: c.bands, hop: c.hop, windowSize: c.windowSize, seed: c.seed, capacity: 64, kernels }))
      const outs = [new Float32Array(T), new Float32Array(T)]
      let pushed = 0
      for (let s = 0; s < T; ) {
        const m = Math.min(T - s, 1 + Math.floor(rand() * 700))
        // irregular controller: up to 2 frames late (held) or 2 ahead of the frame the block's last sample needs
        const target = Math.min(c.frames.length, Math.floor((s + m - 1 + wasm!.lookahead) / c.hop) + Math.floor(rand() * 5) - 1)
        for (; pushed < target; pushed++) for (const v of [wasm!, js!]) v.pushFrame(c.frames[pushed]!)
        wasm!.process(outs[0]!.subarray(s, s + m))
        js!.process(outs[1]!.subarray(s, s + m))
        s += m
      }
      expect(outs[1]!.some((x) => x !== 0)).toBe(true)
      expect(worst(outs[0]!, Float64Array.from(outs[1]!)), JSON.stringify({ n, bands: c.bands, windowSize: c.windowSize, hop: c.hop })).toBeLessThanOrEqual(1)
    }
  })

  it('draws the noise of core/random bit for bit, across the 2³² boundary of the counter', () => {
    const k = instantiate<{ draw: (dst: number, n: number, rec: number) => void }>(['noise'], 1)!
    const mem = new Float64Array(k.memory.buffer, 0, 300)
    for (const [from, seed] of [[0, 0], [12345, 7], [2 ** 32 - 150, 3], [3 * 2 ** 32 - 1, -5], [2 ** 40 + 17, 2 ** 31 + 9]] as const) {
      mem.fill(NaN)
      const rec = drawRecord(k.memory, 8 * 300, seed)
      rec.counter[0] = from
      k.exports.draw(0, 100, rec.at) // two calls: the counter carries over, across the boundary too
      k.exports.draw(8 * 100, 200, rec.at)
      for (let j = 0; j < 300; j++) expect(mem[j], `${from} ${seed} ${j}`).toBe(uniformAt(seed, from + j))
      expect(rec.counter[0]).toBe(from + 300)
    }
  })

  it('designs the zero-phase impulse irfft(gains) in the kernel where 2(M − 1) is a power of 2, as the host FFT does', () => {
    expect(directFir({ bands: 60, taps: 118, hop: 64, lookahead: 59, seed: 0 })!.impulse).toBeUndefined() // 118: host FFT
    for (const bands of [5, 33, 65, 129]) {
      const fir = directFir({ bands, taps: 2 * (bands - 1), hop: 64, lookahead: bands - 1, seed: 0 })!
      const raw = Float64Array.from({ length: bands }, (_, k) => 3 * Math.sin(1.3 * k))
      const got = Float64Array.from(fir.impulse!(raw, -5))
      const want = new Float64Array(2 * (bands - 1))
      realFft(2 * (bands - 1)).inverseSplit(fir.gains(raw, -5), new Float64Array(bands), want, 0)
      const peak = Math.max(...want.map(Math.abs))
      expect(Math.max(...got.map((v, i) => Math.abs(v - want[i]!))) / peak, `${bands}`).toBeLessThan(1e-14)
    }
  })

  it('computes the band gains as expSigmoid to 1e-14 relative, over raw values from −1000 to 1000 (odd M)', () => {
    const fir = directFir({ bands: 33, taps: 64, hop: 64, lookahead: 32, seed: 0 })!
    const rand = lcg(5)
    for (let n = 0; n < 300; n++) {
      const scale = [1, 10, 50, 1000][n % 4]!
      const raw = Float64Array.from({ length: 33 }, () => scale * (2 * rand() - 1))
      const got = fir.gains(raw, -5)
      for (let k = 0; k < 33; k++) {
        const want = expSigmoid(raw[k]! - 5)
        expect(Math.abs(got[k]! - want) / want, `${raw[k]}`).toBeLessThan(1e-14)
      }
    }
  })
})
