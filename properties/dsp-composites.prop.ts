/**
 * Laws of the dsp composites: for each, reverse-mode gradients w.r.t. every
 * differentiable input equal float64 central differences along a random
 * direction (shapes, lengths and parities drawn at random); fftConvolve is
 * linear in each argument; overlapAdd ∘ frame is the identity for hop = length.
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { add, mul, sin } from '../src/core/math.js'
import { compile } from '../src/core/program-api.js'
import { input, type Rate, type Signal } from '../src/core/signal.js'
import { fftConvolve, frameConvolve, type ConvPadding } from '../src/dsp/convolve.js'
import { frequencyFilter, frequencyImpulseResponse } from '../src/dsp/fir.js'
import { frame, overlapAdd } from '../src/dsp/frame.js'
import { phase } from '../src/dsp/phase.js'
import { upsample } from '../src/dsp/resample.js'
import { amplitudeToDb, expSigmoid, hzToMidi, midiToHz, sigmoid, softplus } from '../src/dsp/scale.js'
import { istft, magnitude, stft } from '../src/dsp/stft.js'
import { operand, rng } from '../testing/cases.js'
import { gradCheck, type ParamSpec } from './gradcheck.js'
import { ok, run } from './harness.js'
import { params } from './runs.js'
import { firstMismatch, TOL, within } from '../testing/tolerance.js'

type P = Readonly<Record<string, Signal<Rate>>>
const audio = (p: P, k: string) => p[k] as Signal<'audio'>
const control = (p: P, k: string) => p[k] as Signal<'control'>
const spec = (shape: number[], rate: Rate, lo = -1, hi = 1): ParamSpec => ({ shape, rate, lo, hi })

/** Each case: a name and, from a seed-driven draw, the function and its param specs. */
const cases: ReadonlyArray<readonly [string, (r: ReturnType<typeof rng>) => readonly [(p: P) => Signal<Rate>, Record<string, ParamSpec>]]> = [
  ['expSigmoid', (r) => [(p) => expSigmoid(control(p, 'x')), { x: spec([r.int(1, 2), r.int(1, 4), 3], 'control', -6, 6) }]],
  ['scale (sigmoid, softplus, midiToHz, hzToMidi, amplitudeToDb)', (r) => {
    const s = [r.int(1, 2), r.int(2, 5)]
    return [(p) => add(add(sigmoid(audio(p, 'x')), softplus(audio(p, 'x'))), add(mul(midiToHz(audio(p, 'm')), 1e-3), add(hzToMidi(audio(p, 'f')), amplitudeToDb(audio(p, 'f'))))),
      { x: spec(s, 'audio', -4, 4), m: spec(s, 'audio', 40, 90), f: spec(s, 'audio', 0.5, 2) }]
  }],
  ['upsample', (r) => {
    const method = r.bool() ? 'linear' : 'window'
    const f = r.int(1, 5)
    const n = method === 'window' ? f * r.int(1, 6) : r.int(1, 30)
    return [(p) => upsample(control(p, 'x'), n, method), { x: spec([r.int(1, 2), f, r.int(1, 3)], 'control') }]
  }],
  ['phase (through sin)', (r) => {
    const chunk = r.int(2, 9)
    const shape = r.bool() ? [r.int(1, 2), r.int(1, 40)] : [r.int(1, 2), r.int(1, 30), 2]
    return [(p) => sin(phase(audio(p, 'f'), 100, chunk)), { f: spec(shape, 'audio', 0, 45) }]
  }],
  ['frame', (r) => {
    const [len, hop] = [r.int(1, 6), r.int(1, 6)]
    const n = len + r.int(0, 12)
    return [(p) => frame(audio(p, 'x'), len, hop, r.bool() ? 'end' : 'none'), { x: spec([r.int(1, 2), n], 'audio') }]
  }],
  ['overlapAdd', (r) => [(p) => overlapAdd(audio(p, 'x'), r.int(1, 5)), { x: spec([r.int(1, 2), r.int(1, 4), r.int(1, 6)], 'audio') }]],
  ['stft + magnitude', (r) => {
    const nFft = 2 ** r.int(2, 4)
    const opts = { center: r.bool(), padEnd: r.bool() }
    return [(p) => magnitude(stft(audio(p, 'x'), nFft, r.int(1, nFft), opts)), { x: spec([r.int(1, 2), nFft + r.int(0, 20)], 'audio') }]
  }],
  ['istft', (r) => {
    const nFft = 2 ** r.int(2, 4)
    return [(p) => istft(audio(p, 's'), nFft, Math.max(1, nFft / 4), { center: r.bool() }), { s: spec([1, r.int(1, 4), nFft / 2 + 1, 2], 'audio') }]
  }],
  ['fftConvolve (audio and ir)', (r) => {
    const [n, m] = [r.int(1, 24), r.int(1, 12)]
    const padding: ConvPadding = n >= m ? (['same', 'valid', 'full'] as const)[r.int(0, 2)]! : 'full'
    const b = r.int(1, 2)
    const opts = { padding, ddspCompat: r.bool() }
    return [(p) => fftConvolve(audio(p, 'x'), p['h']!, opts), { x: spec([b, n], 'audio'), h: spec([r.bool() ? 1 : b, m], 'static') }]
  }],
  ['frameConvolve (audio and irs)', (r) => {
    const [f, hop, m] = [r.int(1, 4), r.int(1, 6), r.int(1, 9)]
    const n = (f - 1) * hop + r.int(1, hop)
    return [(p) => frameConvolve(audio(p, 'x'), p['h']!, { padding: r.bool() ? 'same' : 'full' }), { x: spec([1, n], 'audio'), h: spec([1, f, m], 'control') }]
  }],
  ['frequencyImpulseResponse', (r) => {
    const m = r.int(2, 12)
    return [(p) => frequencyImpulseResponse(control(p, 'g'), r.int(-1, 2 * m), { ddspCompat: r.bool() }), { g: spec([1, r.int(1, 3), m], 'control', 0, 2) }]
  }],
  ['frequencyFilter (audio and magnitudes)', (r) => {
    const [f, m] = [r.int(1, 4), r.int(2, 9)]
    const n = f * r.int(1, 6)
    return [(p) => frequencyFilter(audio(p, 'x'), p['g']!, r.int(0, 2 * m)), { x: spec([1, n], 'audio'), g: spec([1, f, m], 'control', 0, 2) }]
  }],
]

describe('dsp composites: gradients = float64 central differences', () => {
  it.each(cases)('%s', (name, draw) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const [f, specs] = draw(rng(seed))
        // the summed scale functions cancel large terms: a larger step keeps rounding below the tolerance
        const { fd, ad, smooth, noise } = gradCheck(f, specs, seed + 1, name, name.startsWith('scale') ? 1e-5 : 1e-6)
        fc.pre(smooth)
        return within(name.startsWith('phase') ? TOL.phaseGradient : TOL.gradient, fd, ad, noise)
      }),
      params(),
    )
  })
})

describe('dsp laws', () => {
  it('fftConvolve is linear in the audio and in the IR', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 2 ** 30 }), (n, m, seed) => {
        const r = rng(seed)
        const [a, b] = [r.next() * 4 - 2, r.next() * 4 - 2]
        const [x, y, h, g] = [operand(r, [1, n]).values, operand(r, [1, n]).values, operand(r, [1, m]).values, operand(r, [1, m]).values]
        const sx = input('x', [1, n], 'audio')
        const sh = input('h', [1, m])
        const p = ok(compile({ y: fftConvolve(sx, sh, { padding: 'full' }) }))
        const conv = (xv: Float64Array, hv: Float64Array) => run(p, { x: xv, h: hv })['y']!.data
        const comb = (u: Float64Array, v: Float64Array) => u.map((ui, i) => a * ui + b * v[i]!)
        const inX = conv(comb(x, y), h)
        const wantX = comb(Float64Array.from(conv(x, h)), Float64Array.from(conv(y, h)))
        const inH = conv(x, comb(h, g))
        const wantH = comb(Float64Array.from(conv(x, h)), Float64Array.from(conv(x, g)))
        return firstMismatch(TOL.law, inX, wantX) < 0 && firstMismatch(TOL.law, inH, wantH) < 0
      }),
      params(),
    )
  })
  it('overlapAdd ∘ frame is the identity for hop = frame length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 2 ** 30 }), (b, len, f, seed) => {
        const x = operand(rng(seed), [b, len * f]).values
        const p = ok(compile({ y: overlapAdd(frame(input('x', [b, len * f], 'audio'), len, len), len) }))
        return firstMismatch(TOL.identical, run(p, { x })['y']!.data, x) < 0
      }),
      params(),
    )
  })
})
