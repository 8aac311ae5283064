/**
 * The real-time benchmark's compiled rows: graph synths through the block
 * compiler (`compileStream`, with the real-time lowerings of
 * `realtime/lowerings.ts`), beside the hand-written voices of
 * `realtime-rows.ts`: the DDSP voice (harmonic 100 + noise 65 + 1 s reverb, a
 * frame per hop of 192 written as the block needs it), each 808 voice and the
 * kit (the program is 0.5 s long and restarts at each hit), and synths with no
 * hand voice: wavetable, modal drum, adsr-saw, poly with 8 notes and a 2-operator
 * FM voice built from primitives only (`testing/fm-voice.ts`). A program runs
 * for its length and then restarts (`reset`), which allocates nothing.
 *
 * @example
 * const row = compiledRows()[0]!; row.step(new Float32Array(BLOCK))
 */
import * as E from 'fp-ts/lib/Either.js'
import { reference } from '../src/backends/reference/index.js'
import { compile } from '../src/core/program-api.js'
import type { Program } from '../src/core/program.js'
import { add } from '../src/core/math.js'
import { constant, input, type Signal } from '../src/core/signal.js'
import { realtimeLowerings } from '../src/realtime/lowerings.js'
import { compileStream, type CompiledStream } from '../src/stream/compile.js'
import type { TimeInputs } from '../src/stream/index.js'
import { kit808, type Voice808 } from '../src/synths/drums/kit808.js'
import { filteredNoise } from '../src/synths/filtered-noise.js'
import { harmonic } from '../src/synths/harmonic.js'
import { modalDrum } from '../src/synths/modal.js'
import { notes, renderNotes } from '../src/synths/poly.js'
import { synthRegistry } from '../src/synths/registry.js'
import { reverb } from '../src/synths/reverb.js'
import { wavetableSynth } from '../src/synths/wavetable.js'
import { fmVoice } from '../testing/fm-voice.js'
import { BLOCK, SR, type Row } from './realtime-rows.js'

const HOP = 192
const backend = reference('float64')

const compiled = (y: Signal<'audio'>, inputs: TimeInputs): CompiledStream => {
  const p: Program = E.getOrElseW((e) => {
    throw new Error(JSON.stringify(e))
  })(compile({ y }))
  const r = compileStream(p, { inputs, backend, blockSize: BLOCK, sampleRate: SR, fixedBlocks: true, lowerings: realtimeLowerings }, {})
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

/** A row over a compiled stream: `feed(m)` writes the m control frames due, then one block into `out` (restarting at the end). */
const row = (voice: string, target: number, s: CompiledStream, feed: (m: number) => void = () => undefined, restart = s.clock.samples): Row => {
  const y = s.outputs['y']!
  return {
    voice: `compiled ${voice}`,
    latency: s.clock.frames > 0 ? 'controls as framesDue asks' : '0',
    target,
    step: (out) => {
      if (s.position() + BLOCK > Math.min(restart, s.clock.samples)) s.reset()
      feed(s.framesDue(BLOCK))
      s.process(BLOCK)
      for (let i = 0; i < BLOCK; i++) out[i] = y[i]!
    },
  }
}

/** Frame-rate control inputs `[1, F, C]` fed with a fixed pattern (two frames alternating). */
const controls = (s: CompiledStream, values: Record<string, readonly Float64Array[]>) => {
  const entries = Object.entries(values).map(([k, v]) => [s.inputs[k]!, v] as const)
  let f = 0
  return (m: number) => {
    for (let j = 0; j < m; j++, f++) for (const [view, v] of entries) view.set(v[f & 1]!, j * v[0]!.length)
  }
}

const frames = (secs: number) => Math.round((secs * SR) / HOP)
const ctl = (name: string, F: number, C: number) => input(name, [1, F, C], 'control')

/** The DDSP voice: harmonic(100) + filtered noise(65) → 1 s reverb, 8 s long, looping (the reverb's reset is timed too). */
const ddsp = (): Row => {
  const F = frames(8)
  const T = F * HOP
  const [K, M] = [100, 65]
  const ir = constant(Array.from({ length: SR }, (_, i) => Math.sin(i * 12.9898) * 0.3 * Math.exp(-i / (0.25 * SR))), [1, SR])
  const h = harmonic(ctl('amp', F, 1), ctl('dist', F, K), ctl('f0', F, 1), { samples: T, sampleRate: SR })
  const y = reverb(add(h, filteredNoise(ctl('noise', F, M), { samples: T })), ir)
  const s = compiled(y, { amp: 'control', dist: 'control', f0: 'control', noise: 'control' })
  const pair = (f: (k: number, i: number) => number, n: number) => [0, 1].map((k) => Float64Array.from({ length: n }, (_, i) => f(k, i)))
  const feed = controls(s, { amp: pair((k) => -1 + k, 1), dist: pair((k, i) => Math.sin(i + k), K), f0: pair((k) => 220 + 10 * k, 1), noise: pair((k, i) => Math.cos(i + k), M) })
  return row('DDSP: harmonic(100) + noise(65) + reverb(1 s IR)', 130, s, feed)
}

const RETRIGGER = Math.round((0.5 * SR) / BLOCK) * BLOCK

const drum = (name: Voice808): CompiledStream => {
  const v = kit808[name]
  const p = v.defaults(SR)
  return compiled(v.render(constant(p, [1, p.length]), RETRIGGER, SR), {})
}

/** The kit: every compiled voice, summed per block. */
const kit = (): Row => {
  const voices = (Object.keys(kit808) as Voice808[]).map(drum)
  return {
    voice: `compiled 808 kit (${voices.length} voices summed)`,
    latency: '0',
    target: 190,
    step: (out) => {
      out.fill(0)
      for (const s of voices) {
        if (s.position() + BLOCK > s.clock.samples) s.reset()
        s.process(BLOCK)
        const y = s.outputs['y']!
        for (let i = 0; i < BLOCK; i++) out[i] = out[i]! + y[i]!
      }
    },
  }
}

/** Synths with no hand-written voice, driven by control inputs where they have them. */
const newcomers = (): Row[] => {
  const F = frames(2)
  const T = F * HOP
  const table = constant(Array.from({ length: 2048 }, (_, i) => [1, 2, 3, 5, 8].reduce((s, k) => s + Math.sin((2 * Math.PI * k * i) / 2048) / k, 0) / 1.8), [1, 2048])
  const wt = compiled(wavetableSynth(ctl('amp', F, 1), ctl('f0', F, 1), table, { samples: T, sampleRate: SR }), { amp: 'control', f0: 'control' })
  const modal = compiled(modalDrum({ freqs: ctl('f', F, 8), amps: ctl('a', F, 8), phase0: constant(0, [1, 8]), noiseBands: ctl('nb', F, 16) }, { samples: T, sampleRate: SR }), { f: 'control', a: 'control', nb: 'control' })
  const two = (f: (k: number, i: number) => number, n: number) => [0, 1].map((k) => Float64Array.from({ length: n }, (_, i) => f(k, i)))
  const chord = Array.from({ length: 8 }, (_, i) => ({ pitch: 48 + 3 * i, onset: 0.02 * i, duration: 1.2, velocity: 0.2 }))
  return [
    row('wavetable (2048-point table)', 100, wt, controls(wt, { amp: two((k) => 0.5 + 0.1 * k, 1), f0: two((k) => 110 + 5 * k, 1) })),
    row('modal drum (8 modes + 16-band noise)', 100, modal, controls(modal, { f: two((k, m) => 140 * (1 + m) * (1 + 0.01 * k), 8), a: two((k, m) => 0.2 / (1 + m + k), 8), nb: two((k, b) => 0.1 * (1 + b / 8 + k), 16) })),
    row('adsr-saw (registry)', 100, compiled(synthRegistry['adsr-saw']!.render({ sampleRate: SR, samples: T }), {})),
    row('poly, 8 notes (triangle)', 100, compiled(renderNotes(notes(chord), T, SR, { waveform: 'triangle' }), {})),
    row('2-operator FM + ADSR + resonant filter (primitives only)', 100, compiled(fmVoice(T, SR), {})),
  ]
}

/**
 * The compiled rows: the DDSP voice, each 808 voice, the kit and the synths with no hand voice.
 * @example compiledRows().map((r) => r.voice)
 */
export const compiledRows = (): Row[] => [ddsp(), ...(Object.keys(kit808) as Voice808[]).map((n) => row(`808 ${n}`, 1400, drum(n))), kit(), ...newcomers()]
