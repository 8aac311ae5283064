/**
 * Synths for the streaming laws, each with its time-indexed inputs and
 * feeds at a small size: the DDSP voice (harmonic + filtered noise → reverb),
 * its parts, a chorus, an ADSR, the 808 kit, the wavetable and modal drum
 * driven by control inputs, a primitives-only 2-operator FM voice, and every
 * registry synth as `ddsp render` builds it (controls constant, so their
 * static part is computed once and the rest streamed).
 *
 * @example
 * const { program, inputs, feeds } = streamSynths['harmonic']!()
 */
import { compile } from '../src/core/program-api.js'
import type { Program } from '../src/core/program.js'
import { add } from '../src/core/math.js'
import { constant, input } from '../src/core/signal.js'
import type { TimeInputs } from '../src/stream/index.js'
import { adsr } from '../src/synths/adsr.js'
import { modDelay } from '../src/synths/delay.js'
import { lfo } from '../src/synths/lfo.js'
import { kit808 } from '../src/synths/drums/kit808.js'
import { filteredNoise } from '../src/synths/filtered-noise.js'
import { harmonic } from '../src/synths/harmonic.js'
import { modalDrum } from '../src/synths/modal.js'
import { synthRegistry } from '../src/synths/registry.js'
import { expDecayIr, reverb } from '../src/synths/reverb.js'
import { wavetableSynth } from '../src/synths/wavetable.js'
import { fmVoice } from '../testing/fm-voice.js'
import { ok } from './harness.js'

/** A synth case: its program, time-indexed inputs and whole feeds. */
export interface SynthCase {
  readonly program: Program
  readonly inputs: TimeInputs
  readonly feeds: Record<string, Float64Array>
}

const sr = 16000
const wave = (n: number, k: number, lo = -2, hi = 2) => Float64Array.from({ length: n }, (_, i) => lo + ((hi - lo) * (1 + Math.sin(i * 1.7 + k))) / 2)

/** Every synth case, by name. */
export const streamSynths: Record<string, () => SynthCase> = {
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
  'wavetable (control inputs)': () => ({
    program: ok(compile({ y: wavetableSynth(input('amp', [1, 6, 1], 'control'), input('f0', [1, 6, 1], 'control'), constant(Array.from({ length: 64 }, (_, i) => Math.sin((2 * Math.PI * i) / 64)), [1, 64]), { samples: 360, sampleRate: sr }) })),
    inputs: { amp: 'control', f0: 'control' },
    feeds: { amp: wave(6, 1, 0, 1), f0: wave(6, 2, 100, 900) },
  }),
  'modal drum (control inputs)': () => ({
    program: ok(compile({ y: modalDrum({ freqs: input('f', [1, 6, 3], 'control'), amps: input('a', [1, 6, 3], 'control'), phase0: constant(0.3, [1, 3]), noiseBands: input('nb', [1, 6, 5], 'control') }, { samples: 360, sampleRate: sr }) })),
    inputs: { f: 'control', a: 'control', nb: 'control' },
    feeds: { f: wave(18, 1, 100, 3000), a: wave(18, 2, 0, 0.5), nb: wave(30, 3, 0, 0.2) },
  }),
  'FM voice (primitives only)': () => ({ program: ok(compile({ y: fmVoice(400, sr) })), inputs: {}, feeds: {} }),
  ...Object.fromEntries(
    Object.entries(kit808).map(([name, v]) => [
      name,
      () => ({ program: ok(compile({ y: v.render(constant(v.defaults(sr), [1, v.defaults(sr).length]), 500, sr) })), inputs: {}, feeds: {} }),
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(synthRegistry).map(([name, s]) => [`registry ${name}`, () => ({ program: ok(compile({ y: s.render({ sampleRate: sr, samples: 480 }) })), inputs: {}, feeds: {} })]),
  ),
}
