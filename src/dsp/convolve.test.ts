import { describe, expect, it } from 'vitest'


import { constant, input } from '../core/signal.js'
import { nextPow2 } from '../host/fft.js'
import { fftConvolve, frameConvolve } from './convolve.js'
import { run, close } from '../../testing/run.js'

/** Direct linear convolution, the host oracle: y[t] = Σₘ h[m]·x[t − m], length N + M − 1. */
const direct = (x: readonly number[], h: readonly number[]): number[] =>
  Array.from({ length: x.length + h.length - 1 }, (_, t) => h.reduce((s, hm, m) => s + (t - m >= 0 && t - m < x.length ? hm * x[t - m]! : 0), 0))
const seq = (n: number, seed: number) => Array.from({ length: n }, (_, i) => Math.sin(seed * (i + 1) * 1.7 + seed))
const impulseAt = (m: number, at: number) => Array.from({ length: m }, (_, i) => (i === at ? 1 : 0))

describe('fftConvolve', () => {
  const x = seq(37, 1)
  const audio = input('x', [1, 37], 'audio')
  it.each([1, 2, 7, 8, 16, 37])("'full' equals direct convolution (M = %i)", (m) => {
    const h = seq(m, 2)
    close(run({ y: fftConvolve(audio, constant(h, [1, m]), { padding: 'full' }) }, { x })['y'], direct(x, h), 1e-12)
  })
  it("'valid' is NumPy's valid part, and an IR of batch 1 broadcasts over the audio batch", () => {
    const x2 = [...x, ...seq(37, 3)]
    const h = seq(5, 4)
    const y = run({ y: fftConvolve(input('x', [2, 37], 'audio'), constant(h, [1, 5]), { padding: 'valid' }) }, { x: x2 })['y']!
    close(y, [...direct(x, h).slice(4, 37), ...direct(x2.slice(37), h).slice(4, 37)], 1e-12)
  })
  it.each([1, 2, 5, 6, 31, 32])("'same' with a unit impulse at ⌊M/2⌋ is the identity (M = %i)", (m) => {
    close(run({ y: fftConvolve(audio, constant(impulseAt(m, Math.floor(m / 2)), [1, m])) }, { x })['y'], x, 1e-12)
  })
  it('ddspCompat starts at ⌊(M−1)/2⌋ − 1: an even IR peaked at M/2 comes out 2 samples late (ddsp-anchors §2.6)', () => {
    const y = run({ y: fftConvolve(audio, constant(impulseAt(128, 64), [1, 128]), { ddspCompat: true }) }, { x })['y']!
    close(y, [0, 0, ...x.slice(0, 35)], 1e-12)
    const odd = run({ y: fftConvolve(audio, constant(impulseAt(257, 127), [1, 257]), { ddspCompat: true }) }, { x })['y']!
    close(odd, x, 1e-12) // DDSP's odd windows line up
  })
  it('delayCompensation overrides the start; out of range is a graph error', () => {
    close(run({ y: fftConvolve(audio, constant(impulseAt(4, 3), [1, 4]), { delayCompensation: 3 }) }, { x })['y'], x, 1e-12)
    expect(() => run({ y: fftConvolve(audio, constant(impulseAt(4, 3), [1, 4]), { delayCompensation: 4 }) }, { x })).toThrow(/delayCompensation/)
  })
  it('nextPow2', () => expect([1, 2, 3, 128, 129].map(nextPow2)).toEqual([1, 2, 4, 128, 256]))
})

describe('frameConvolve', () => {
  /** DDSP's algorithm by hand: frames of S = ⌈N/F⌉, each convolved directly, overlap-added at hop S. */
  const oracle = (x: readonly number[], irs: readonly number[][]): number[] => {
    const s = Math.ceil(x.length / irs.length)
    const out = new Array<number>(irs.length * s + irs[0]!.length - 1).fill(0)
    irs.forEach((h, f) => {
      const seg = Array.from({ length: s }, (_, i) => x[f * s + i] ?? 0)
      direct(seg, h).forEach((v, i) => (out[f * s + i]! += v))
    })
    return out
  }
  it.each([
    [40, 5, 6],
    [37, 5, 9],
    [64, 8, 16],
  ])('N = %i, F = %i, M = %i: equals per-frame direct convolution with overlap-add', (n, f, m) => {
    const x = seq(n, 5)
    const irs = Array.from({ length: f }, (_, k) => seq(m, 6 + k))
    const y = run({ y: frameConvolve(input('x', [1, n], 'audio'), constant(irs.flat(), [1, f, m]), { padding: 'full' }) }, { x })['y']!
    close(y, oracle(x, irs).slice(0, n + m - 1), 1e-12)
    const same = run({ y: frameConvolve(input('x', [1, n], 'audio'), constant(irs.flat(), [1, f, m])) }, { x })['y']!
    close(same, oracle(x, irs).slice(Math.floor(m / 2), Math.floor(m / 2) + n), 1e-12)
  })
  it('with the same IR in every frame it equals fftConvolve (LTI)', () => {
    const x = seq(48, 7)
    const h = seq(10, 8)
    const a = run({ y: frameConvolve(input('x', [1, 48], 'audio'), constant([...h, ...h, ...h, ...h], [1, 4, 10])) }, { x })['y']!
    close(a, run({ y: fftConvolve(input('x', [1, 48], 'audio'), constant(h, [1, 10])) }, { x })['y']!, 1e-12)
  })
  it('a frame count that does not cut N is a graph error (DDSP raises too)', () => {
    expect(() => run({ y: frameConvolve(input('x', [1, 1000], 'audio'), constant(0, [1, 999, 4])) }, { x: new Array<number>(1000).fill(0) })).toThrow(/cannot be cut/)
  })
})
