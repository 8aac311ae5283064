/**
 * Law: streaming equals offline rendering. For random streamable programs
 * (time-local ops, cumsum, recurrence, delays, causal FIR, upsampled control
 * frames) and for every streamable synth, folding the program over a random
 * block partition (blocks of 1 and of unequal sizes included) on the float64
 * reference gives the offline render within `TOL.stream`. Programs that need
 * the future are refused at construction with a `NotStreamable` naming the op.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reference } from '../src/backends/reference/index.js'
import { compile } from '../src/core/program-api.js'
import type { Program } from '../src/core/program.js'
import { add } from '../src/core/math.js'
import { constant, input } from '../src/core/signal.js'
import { reverse } from '../src/core/tensor.js'
import { renderStream, type TimeInputs } from '../src/stream/index.js'
import { adsr } from '../src/synths/adsr.js'
import { modDelay } from '../src/synths/delay.js'
import { lfo } from '../src/synths/lfo.js'
import { kit808 } from '../src/synths/drums/kit808.js'
import { filteredNoise, firFilter } from '../src/synths/filtered-noise.js'
import { harmonic } from '../src/synths/harmonic.js'
import { expDecayIr, reverb } from '../src/synths/reverb.js'
import { ok, run } from './harness.js'
import { params } from './runs.js'
import { partition, streamableProgram } from './stream-programs.js'
import { firstScaledMismatch, TOL } from '../testing/tolerance.js'

/** The float64 reference kernels every streamed block runs on. */
const backend = reference('float64')

const streamedEqualsOffline = (program: Program, inputs: TimeInputs, feeds: Record<string, Float64Array>, blocks: readonly number[]): boolean => {
  const offline = run(program, feeds)['y']!.data
  const streamed = ok(renderStream(program, { inputs, backend }, feeds, blocks))['y']!
  const at = firstScaledMismatch(TOL.stream, streamed, offline)
  if (at >= 0) console.error(`stream ≠ offline at ${at}: ${streamed[at]} vs ${offline[at]} (blocks ${blocks.join(',')})`)
  return at < 0
}

const sr = 16000
const wave = (n: number, k: number, lo = -2, hi = 2) => Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * (1 + Math.sin(i * 1.7 + k))) / 2)

/** Every streamable synth at a small size, with its time-indexed inputs and feeds. */
const synths: Record<string, () => { program: Program; inputs: TimeInputs; feeds: Record<string, Float64Array> }> = {
  'harmonic + filtered noise → reverb (the DDSP voice)': () => {
    const [F, T] = [5, 400]
    const h = harmonic(input('amp', [1, F, 1], 'control'), input('dist', [1, F, 4], 'control'), input('f0', [1, F, 1], 'control'), { samples: T, sampleRate: sr })
    const mix = add(h, filteredNoise(input('m', [1, F, 17], 'control'), { samples: T, windowSize: 0 }))
    return {
      program: ok(compile({ y: reverb(mix, expDecayIr(constant(1, [1, 1]), constant(0.5, [1, 1]), 48)) })),
      inputs: { amp: 'control', dist: 'control', f0: 'control', m: 'control' },
      feeds: { amp: wave(F, 1), dist: wave(F * 4, 2), f0: wave(F, 3, 100, 2000), m: wave(F * 17, 4) },
    }
  },
  harmonic: () => ({
    program: ok(compile({ y: harmonic(input('amp', [1, 8, 1], 'control'), input('dist', [1, 8, 6], 'control'), input('f0', [1, 8, 1], 'control'), { samples: 400, sampleRate: sr }) })),
    inputs: { amp: 'control', dist: 'control', f0: 'control' },
    feeds: { amp: wave(8, 1), dist: wave(48, 2), f0: wave(8, 3, 100, 3000) },
  }),
  reverb: () => ({
    program: ok(compile({ y: reverb(input('x', [1, 300], 'audio'), expDecayIr(constant(1, [1, 1]), constant(0.5, [1, 1]), 64)) })),
    inputs: { x: 'audio' },
    feeds: { x: wave(300, 4) },
  }),
  filteredNoise: () => ({
    program: ok(compile({ y: filteredNoise(input('m', [1, 6, 17], 'control'), { samples: 360, windowSize: 33 }) })),
    inputs: { m: 'control' },
    feeds: { m: wave(6 * 17, 5, -3, 4) },
  }),
  'filteredNoise (257 taps, as the synth)': () => ({
    program: ok(compile({ y: filteredNoise(input('m', [1, 4, 65], 'control'), { samples: 512 }) })),
    inputs: { m: 'control' },
    feeds: { m: wave(4 * 65, 6, -3, 4) },
  }),
  'chorus (modulated delay line)': () => ({
    program: ok(compile({ y: modDelay(input('x', [1, 400], 'audio'), lfo('sine', 30, 400, sr), { centreMs: 1, depthMs: 0.5, gain: 0.7 }, sr) })),
    inputs: { x: 'audio' },
    feeds: { x: wave(400, 7) },
  }),
  adsr: () => ({
    program: ok(compile({ y: adsr({ attack: 0.002, decay: 0.005, sustain: 0.5, release: 0.004, onset: 0.001, offset: 0.012 }, 320, sr) })),
    inputs: {},
    feeds: {},
  }),
  ...Object.fromEntries(
    Object.entries(kit808).map(([name, v]) => [
      name,
      () => ({ program: ok(compile({ y: v.render(constant(v.defaults(sr), [1, v.defaults(sr).length]), 500, sr) })), inputs: {}, feeds: {} }),
    ]),
  ),
}

describe('streaming ≡ offline', () => {
  it('random streamable programs, random block partitions', () => {
    fc.assert(
      fc.property(
        streamableProgram().chain((c) => fc.tuple(fc.constant(c), partition(c.T))),
        ([c, blocks]) => streamedEqualsOffline(c.program, c.inputs, c.feeds, blocks),
      ),
      params(),
    )
  })
  it.each(Object.keys(synths))('%s streams like its offline render for random partitions', (name) => {
    const { program, inputs, feeds } = synths[name]!()
    const T = (program.eqns.find((e) => e.id === program.outputs[0]!.id)!.shape[1])!
    fc.assert(
      fc.property(partition(T), (blocks) => streamedEqualsOffline(program, inputs, feeds, blocks)),
      params(0.25),
    )
  })
  it('refuses what needs the future, naming the op and its site', () => {
    const x = input('x', [1, 64], 'audio')
    const r = renderStream(ok(compile({ y: reverse(x, [1]) })), { inputs: { x: 'audio' }, backend }, { x: wave(64, 0) }, [64])
    expect(E.isLeft(r) && r.left._tag === 'NotStreamable' && r.left.op).toBe('reverse')
    // a centred FIR over a signal that is not a noise source would need its future samples
    const fir = firFilter(input('x', [1, 64], 'audio'), input('m', [1, 4, 9], 'control'), 9)
    const fn = renderStream(ok(compile({ y: fir })), { inputs: { x: 'audio', m: 'control' }, backend }, { x: wave(64, 0), m: wave(36, 1) }, [64])
    expect(E.isLeft(fn) && fn.left._tag === 'NotStreamable' && fn.left.op).toBe('dsp.frameConvolve')
  })
})
