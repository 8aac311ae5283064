/**
 * The DDSP voice on plain Float32Arrays: harmonic + filtered noise, then the
 * reverb (`synths/reverb`: out = mix + h∗mix with h[0] = 0) by multi-stage
 * partitioned convolution — the offline graph
 *   reverb(harmonic(amp, dist, f0) + filteredNoise(mags), ir)
 * rendered block by block with no allocation per block.
 * Latency: 0 samples of audio; control frames are read one hop ahead
 * (frame i + 1 during hop i, and ⌊(t + c)/H⌋ for the noise FIR, c = 64 taps
 * for 65 bands), so a live controller must send each frame one hop early.
 *
 * @example
 * const v = ddspVoice({ sampleRate: 48000, harmonics: 100, bands: 65, hop: 192, ir, block: 128 })
 * v.pushFrame({ amplitude, distribution, f0, noise }); v.pushFrame(next)
 * v.process(out128)
 */
import { harmonicVoice } from './harmonic-voice.js'
import { noiseVoice } from './noise-voice.js'
import { stagedConvolver } from './partitioned.js'
import type { KernelChoice } from './wasm/kernel.js'

/** One control frame of the DDSP voice (raw, before exp-sigmoid, as the offline synth takes them). */
export interface DdspFrame {
  readonly amplitude: number
  /** K raw harmonic weights. */
  readonly distribution: ArrayLike<number>
  /** Hz. */
  readonly f0: number
  /** M raw noise band magnitudes. */
  readonly noise: ArrayLike<number>
}

/** Options of the DDSP voice. */
export interface DdspVoiceOptions {
  readonly sampleRate: number
  readonly harmonics: number
  readonly bands: number
  /** Samples per control frame. */
  readonly hop: number
  /** Reverb impulse response (tap 0 is ignored, as `reverb` masks it); omit for no reverb. */
  readonly ir?: Float32Array
  /** Samples per `process` call (a power of 2, default 128). */
  readonly block?: number
  /** Convolution stage sizes (default [2048], see `stagedConvolver`; [] = one uniform partitioning). */
  readonly stages?: readonly number[]
  readonly seed?: number
  /** Taps of the noise FIR (as `filteredNoise`'s windowSize; default 257, 0 = the full 2·(bands − 1)). */
  readonly windowSize?: number
  /** Every part's kernels: wasm SIMD where available (default) or TypeScript ('js'). */
  readonly kernels?: KernelChoice
}

/** A real-time DDSP voice. */
export interface DdspVoice {
  readonly block: number
  readonly pushFrame: (f: DdspFrame) => void
  /** Renders one block into `out` (length `block`). */
  readonly process: (out: Float32Array) => void
}

/**
 * Creates the voice; every buffer is allocated here.
 * @example ddspVoice({ sampleRate: 48000, harmonics: 100, bands: 65, hop: 192 })
 */
export const ddspVoice = (o: DdspVoiceOptions): DdspVoice => {
  const block = o.block ?? 128
  const kernels = o.kernels ?? 'wasm'
  const harm = harmonicVoice({ sampleRate: o.sampleRate, harmonics: o.harmonics, hop: o.hop, kernels })
  const hiss = noiseVoice({ bands: o.bands, hop: o.hop, seed: o.seed ?? 0, kernels, ...(o.windowSize === undefined ? {} : { windowSize: o.windowSize }) })
  const masked = o.ir === undefined ? undefined : Float32Array.from(o.ir, (v, i) => (i === 0 ? 0 : v))
  const conv = masked === undefined ? undefined : stagedConvolver(masked, block, o.stages, kernels)
  const mix = new Float32Array(block)
  const noise = new Float32Array(block)
  const wet = new Float32Array(block)
  return {
    block,
    pushFrame: (f) => {
      harm.pushFrame(f.amplitude, f.distribution, f.f0)
      hiss.pushFrame(f.noise)
    },
    process: (out) => {
      harm.process(mix)
      hiss.process(noise)
      for (let i = 0; i < block; i++) mix[i] = mix[i]! + noise[i]!
      if (conv === undefined) out.set(mix)
      else {
        conv.process(mix, wet)
        for (let i = 0; i < block; i++) out[i] = wet[i]! + mix[i]!
      }
    },
  }
}
