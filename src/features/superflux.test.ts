/**
 * Onsets (SuperFlux + adaptive picking) where plain spectral flux failed:
 * seven legato notes of the harmonic synth (no gap, one level: only the
 * pitch moves) give seven onsets; every single drum hit — each 808 voice, the
 * modal drum and the recorded snare — gives one, whether it starts the file or
 * follows silence; a 20-hit track of varied velocities gives 20; a tone with
 * vibrato gives one.
 *
 * @example
 * npx vitest run src/features/superflux.test.ts
 */
import { fileURLToPath } from 'node:url'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { evaluateSync } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import type { Signal } from '../core/signal.js'
import { input } from '../core/signal.js'
import { readWav } from '../io/wav.js'
import { noteSynths } from '../synths/note-synths.js'
import { synthRegistry } from '../synths/registry.js'
import { onsets } from './onsets.js'
import { logFilterbank, superFlux } from './superflux.js'

const ref = reference('float64')
const sr = 16000
const render = (y: Signal<'audio'>): Float32Array => {
  const p = compile({ y })
  if (E.isLeft(p)) throw new Error('compile')
  const out = evaluateSync(ref)(p.right, {})
  if (E.isLeft(out)) throw new Error('evaluate')
  return Float32Array.from(out.right['y']!.data as ArrayLike<number>)
}
const found = (x: Float32Array, rate = sr): number[] => {
  const r = onsets(x, rate, ref)
  if (E.isLeft(r)) throw new Error(r.left.message)
  return r.right
}
const near = (got: readonly number[], want: readonly number[], tol: number) => {
  expect(got, `${got.map((t) => t.toFixed(3))}`).toHaveLength(want.length)
  got.forEach((t, i) => expect(Math.abs(t - want[i]!), `onset ${want[i]} found at ${t}`).toBeLessThan(tol))
}
const delayed = (x: Float32Array, seconds: number, total: number): Float32Array => {
  const y = new Float32Array(Math.round(total * sr))
  y.set(x.subarray(0, y.length - Math.round(seconds * sr)), Math.round(seconds * sr))
  return y
}

describe('superFlux', () => {
  it('the filterbank has one triangle per distinct bin, 24 per octave where the bins allow', () => {
    const fb = logFilterbank(2048, 44100)
    expect(fb.bands).toBeGreaterThan(120)
    expect(fb.bands).toBeLessThan(24 * Math.log2(17000 / 30))
    expect(logFilterbank(512, 16000).bands).toBeLessThan(logFilterbank(2048, 16000).bands)
  })
  it('is ≥ 0, rises in frame 0 for a sound that starts the file, and is 0 for silence', () => {
    const x = new Float32Array(sr / 2)
    x[0] = 0.9
    const p = compile({ g: superFlux(input('x', [1, x.length], 'audio'), { sampleRate: sr, nFft: 512, hop: 128 }) })
    const g = E.isRight(p) ? evaluateSync(ref)(p.right, { x }) : undefined
    const v = g !== undefined && E.isRight(g) ? Array.from(g.right['g']!.data as ArrayLike<number>) : []
    expect(v[0]).toBeGreaterThan(0.1)
    expect(v.every((s) => s >= 0)).toBe(true)
    expect(v.slice(10).every((s) => s === 0)).toBe(true)
  })
})

describe('onsets on legato notes and single hits', () => {
  it('7 legato harmonic-synth notes (no gap, one velocity): 7 onsets, within 30 ms', () => {
    const notes = [60, 62, 64, 65, 67, 69, 71].map((pitch, i) => ({ pitch, onset: 0.1 + 0.35 * i, duration: 0.35, velocity: 0.6 }))
    const x = render(noteSynths['harmonic']!.render(notes, { sampleRate: sr, samples: 2.8 * sr }))
    near(found(x), notes.map((n) => n.onset), 0.03)
  })
  it('a slow-attack legato line (a 6-note wavetable melody, quieter) still gives one onset per note', () => {
    const notes = [57, 59, 60, 62, 64, 65].map((pitch, i) => ({ pitch, onset: 0.05 + 0.4 * i, duration: 0.4, velocity: 0.15 }))
    near(found(render(noteSynths['wavetable']!.render(notes, { sampleRate: sr, samples: 2.6 * sr }))), notes.map((n) => n.onset), 0.03)
  })
  const drums = ['kick808', 'snare808', 'tom808', 'clap808', 'hat808-closed', 'hat808-open', 'cowbell808', 'modal-drum']
  it.each(drums)('a single %s hit: 1 onset, at the start of the file and after 0.1 s of silence', (name) => {
    const hit = render(synthRegistry[name]!.render({ sampleRate: sr, samples: sr }))
    near(found(hit), [0], 0.02)
    near(found(delayed(hit, 0.1, 1.2)), [0.1], 0.02)
    near(found(delayed(hit.map((v) => v / 10), 0.1, 1.2)), [0.1], 0.02) // 20 dB quieter
  })
  it('the recorded snare (examples/data/rumpf-snare-1.wav): 1 onset', async () => {
    const w = await readWav(fileURLToPath(new URL('../../examples/data/rumpf-snare-1.wav', import.meta.url)))()
    if (E.isLeft(w)) throw new Error('read')
    expect(found(w.right.channels[0]!, w.right.sampleRate)).toHaveLength(1)
  })
  it('a 20-hit snare track, velocities 0.25 to 1: 20 onsets', () => {
    const hit = render(synthRegistry['snare808']!.render({ sampleRate: sr, samples: sr / 2 }))
    const times = Array.from({ length: 20 }, (_, i) => 0.05 + 0.23 * i + (i % 3) * 0.02)
    const track = new Float32Array(5 * sr)
    times.forEach((t, i) => hit.forEach((v, j) => { const k = Math.round(t * sr) + j; if (k < track.length) track[k] = track[k]! + (0.25 + 0.75 * (((i * 7) % 10) / 9)) * v }))
    near(found(track), times, 0.02)
  })
  it('a tone with vibrato (±40 cents at 5.5 Hz) after silence: 1 onset', () => {
    let phase = 0
    const x = Float32Array.from({ length: 2 * sr }, (_, i) => {
      const t = i / sr
      phase += (2 * Math.PI * 330 * 2 ** ((0.4 * Math.sin(2 * Math.PI * 5.5 * t)) / 12)) / sr
      return t < 0.2 ? 0 : 0.4 * (Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase))
    })
    near(found(x), [0.2], 0.02)
  })
})
