import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { add } from '../core/math.js'
import { evaluateSync } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import { input, param } from '../core/signal.js'
import { filteredNoise } from '../synths/filtered-noise.js'
import { harmonic } from '../synths/harmonic.js'
import { reverb } from '../synths/reverb.js'
import { ddspVoice } from './voice-ddsp.js'
import type { KernelChoice } from './wasm/kernel.js'

// Same controls through the offline graph (float64 reference) and the real-time voice (float32 out).
const [sr, hop, F, K, M, L] = [48000, 192, 32, 100, 65, 2400] // T = 6144 = 48 blocks of 128
const T = F * hop
const wave = (n: number, k: number, lo: number, hi: number) => Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * (1 + Math.sin(i * 0.77 + k))) / 2)
const feeds = {
  amp: wave(F, 1, -2, 3),
  dist: wave(F * K, 2, -4, 4),
  f0: wave(F, 3, 80, 700), // high harmonics cross Nyquist, so the mask matters
  mags: wave(F * M, 4, -3, 5),
  ir: Float64Array.from({ length: L }, (_, i) => Math.sin(i * 1.3) * Math.exp(-i / 600)),
}

const offline = (withReverb: boolean): Float64Array => {
  const h = harmonic(input('amp', [1, F, 1], 'control'), input('dist', [1, F, K], 'control'), input('f0', [1, F, 1], 'control'), { samples: T, sampleRate: sr })
  const mix = add(h, filteredNoise(input('mags', [1, F, M], 'control'), { samples: T }))
  const y = withReverb ? reverb(mix, param('ir', [1, L])) : mix
  const { ir, ...controls } = feeds
  const r = E.flatMap((p: Parameters<ReturnType<typeof evaluateSync>>[0]) => evaluateSync(reference('float64'))(p, withReverb ? { ...controls, ir } : controls))(
    E.mapLeft((e) => e as never)(compile({ y })),
  )
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return Float64Array.from(r.right['y']!.data)
}

const realtime = (withReverb: boolean, block: number, kernels: KernelChoice): Float32Array => {
  const v = ddspVoice({ sampleRate: sr, harmonics: K, bands: M, hop, block, kernels, ...(withReverb ? { ir: Float32Array.from(feeds.ir) } : {}) })
  const out = new Float32Array(T)
  let pushed = 0
  for (let s = 0; s < T; s += block) {
    // frames needed by this block: one hop ahead (harmonic) and c = 64 samples ahead (noise FIR)
    const need = Math.min(F, Math.floor((s + block - 1 + 64) / hop) + 2)
    for (; pushed < need; pushed++)
      v.pushFrame({ amplitude: feeds.amp[pushed]!, distribution: feeds.dist.subarray(pushed * K, pushed * K + K), f0: feeds.f0[pushed]!, noise: feeds.mags.subarray(pushed * M, pushed * M + M) })
    v.process(out.subarray(s, s + block))
  }
  return out
}

const worstRelative = (a: ArrayLike<number>, b: ArrayLike<number>, upTo: number) => {
  let peak = 0
  let worst = 0
  for (let i = 0; i < upTo; i++) {
    peak = Math.max(peak, Math.abs(b[i]!))
    worst = Math.max(worst, Math.abs(a[i]! - b[i]!))
  }
  return worst / peak
}

describe.each(['wasm', 'js'] as const)('real-time DDSP voice (%s kernels)', (kernels) => {
  // float32 output and float32 mixing; the offline is float64: agreement to ~1e-6 of the peak.
  // The last c = 64 samples differ by design: the offline frame convolution zero-pads past its end.
  const TOLERANCE = 2e-5
  it('harmonic + filtered noise equal the offline synth', () => {
    expect(worstRelative(realtime(false, 128, kernels), offline(false), T - 64)).toBeLessThan(TOLERANCE)
  })
  it('with a reverb (multi-stage partitioned convolution) equals the offline reverb, at blocks of 128 and 64', () => {
    const want = offline(true)
    expect(worstRelative(realtime(true, 128, kernels), want, T - 64)).toBeLessThan(TOLERANCE)
    expect(worstRelative(realtime(true, 64, kernels), want, T - 64)).toBeLessThan(TOLERANCE)
  })
})
