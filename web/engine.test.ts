import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { kit808Voices } from '../src/realtime/voice-808.js'
import { kit808 } from '../src/synths/drums/kit808.js'
import { specFromJson } from './checkpoint.js'
import { defaultDdsp, defaultKit } from './default-synth.js'
import { createEngine, renderSchedule } from './engine.js'
import { pitchTracker } from './pitch.js'
import { KIT_VOICES, KNOBS } from './spec.js'

const SR = 48000
const dry = defaultDdsp(SR, 40, 0)
const rms = (x: Float32Array) => Math.sqrt(x.reduce((s, v) => s + v * v, 0) / x.length)

/** The tracker's f0 after feeding `x` in blocks of 128. */
const trackedF0 = (x: Float32Array) => {
  const tr = pitchTracker({ sampleRate: SR, hop: 192 })
  for (let s = 0; s + 128 <= x.length; s += 128) tr.push(x.subarray(s, s + 128))
  return { f0: tr.f0, confidence: tr.confidence }
}

describe('pitch tracker (YIN)', () => {
  it('finds the f0 of a sine to 0.3 % and gives no confident pitch on noise', () => {
    for (const hz of [82.4, 220, 330, 740]) {
      const sine = Float32Array.from({ length: 9600 }, (_, i) => 0.5 * Math.sin((2 * Math.PI * hz * i) / SR))
      const r = trackedF0(sine)
      expect(Math.abs(r.f0 / hz - 1)).toBeLessThan(0.003)
      expect(r.confidence).toBeGreaterThan(0.8)
    }
    let seed = 1
    const noise = Float32Array.from({ length: 9600 }, () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1)
    expect(trackedF0(noise).confidence).toBe(0)
  })
})

describe('DDSP engine', () => {
  it('a held note sounds at its pitch, and decays after note-off', () => {
    const note = 57 // 220 Hz
    const y = renderSchedule(dry, [{ type: 'noteOn', note, velocity: 1, at: 0 }, { type: 'noteOff', note, at: 14400 }, { type: 'knob', name: 'noise', value: -40, at: 0 }], 48000)
    const held = y.subarray(4800, 14400)
    expect(Math.abs(trackedF0(held).f0 / 220 - 1)).toBeLessThan(0.003)
    expect(rms(held)).toBeGreaterThan(0.05)
    // exponential release, time constant 200 ms (the release knob): ×e^(−0.5) per 0.1 s
    const tail = [33600, 38400, 43200].map((s) => rms(y.subarray(s, s + 4800)))
    expect(Math.abs(tail[1]! / tail[0]! / Math.exp(-0.5) - 1)).toBeLessThan(0.05)
    expect(Math.abs(tail[2]! / tail[1]! / Math.exp(-0.5) - 1)).toBeLessThan(0.05)
    expect(tail[2]!).toBeLessThan(0.05 * rms(held))
  })
  it('transpose and legato: the last held note sounds, shifted by the transpose knob', () => {
    const y = renderSchedule(dry, [
      { type: 'knob', name: 'transpose', value: 12, at: 0 },
      { type: 'noteOn', note: 45, velocity: 1, at: 0 },
      { type: 'noteOn', note: 52, velocity: 1, at: 9600 },
      { type: 'noteOff', note: 52, at: 19200 },
    ], 28800)
    expect(Math.abs(trackedF0(y.subarray(2400, 9600)).f0 / 220 - 1)).toBeLessThan(0.003) // 45 + 12 = A3
    expect(Math.abs(trackedF0(y.subarray(12000, 19200)).f0 / 329.63 - 1)).toBeLessThan(0.003) // 52 + 12 = E4
    expect(Math.abs(trackedF0(y.subarray(21600)).f0 / 220 - 1)).toBeLessThan(0.003) // back to the held A
  })
  it('timbre transfer: in mic mode a 165 Hz input makes the synth sound at 165 Hz; silence in, silence out', () => {
    const e = createEngine(dry, 128)
    e.setMic(true)
    const out = new Float32Array(24000)
    const mic = Float32Array.from({ length: 24000 }, (_, i) => (i < 16000 ? 0.1 * Math.sin((2 * Math.PI * 165 * i) / SR) : 0))
    for (let s = 0; s + 128 <= out.length; s += 128) e.process(out.subarray(s, s + 128), mic.subarray(s, s + 128))
    expect(Math.abs(e.features().f0 / 165 - 1)).toBeLessThan(0.003)
    expect(Math.abs(trackedF0(out.subarray(6400, 16000)).f0 / 165 - 1)).toBeLessThan(0.005)
    expect(rms(out.subarray(6400, 16000))).toBeGreaterThan(0.01)
    expect(rms(out.subarray(20000, 23936))).toBeLessThan(1e-4)
  })
})

describe('808 kit engine', () => {
  it('a scheduled hit is the voice render, starting at the first block boundary at or after its time', () => {
    const y = renderSchedule(defaultKit(SR), [{ type: 'noteOn', note: 36, velocity: 0.5, at: 1000 }], 8192)
    const voice = KIT_VOICES[0]! // kick808
    const kick = kit808Voices[voice](SR)
    kick.trigger(kit808[voice].defaults(SR))
    const want = new Float32Array(8192 - 1024)
    for (let s = 0; s < want.length; s += 128) kick.process(want.subarray(s, s + 128)) // the worklet's block size
    const g = 0.5 * Math.pow(10, KNOBS.gain.value / 20)
    expect(Array.from(y.subarray(0, 1024)).every((v) => v === 0)).toBe(true)
    let err = 0
    for (let i = 0; i < want.length; i++) err = Math.max(err, Math.abs(y[1024 + i]! - Math.fround(g * want[i]!)))
    expect(err).toBeLessThan(1e-7)
    expect(rms(y.subarray(1024))).toBeGreaterThan(0.01)
  })
})

describe('checkpoint → synth', () => {
  const base = dry
  const ckpt = (params: object) => ({ format: 'ddsp-ts/checkpoint', version: 1, step: 7, params })
  it('an 808 kick match plays σ(raw) as the kick voice; a 4-value match follows the drum hint', () => {
    const raw = [0, 1, -1, 2, -2, 0.5, -0.5, 3]
    const r = specFromJson(ckpt({ params: { dtype: 'float64', shape: [1, 8], data: raw } }), { base })
    expect(E.isRight(r) && r.right.kind === 'kit808' && r.right.voices.kick808).toEqual(raw.map((x) => 1 / (1 + Math.exp(-x))))
    const h = specFromJson(ckpt({ params: { dtype: 'float32', shape: [1, 4], data: [0, 0, 0, 0] } }), { base, drum: 'cowbell808' })
    expect(E.isRight(h) && h.right.kind === 'kit808' && Object.keys(h.right.voices)).toEqual(['cowbell808'])
  })
  it('DDSP params replace the base timbre (frames averaged); bad files name the field', () => {
    const r = specFromJson(ckpt({ ir: { dtype: 'float32', shape: [1, 3], data: [0, 0.5, 0.25] }, noise: { dtype: 'float64', shape: [1, 2, 3], data: [1, 2, 3, 3, 4, 5] } }), { base })
    expect(E.isRight(r) && r.right.kind === 'ddsp' && [r.right.ir, r.right.noise, r.right.distribution]).toEqual([[0, 0.5, 0.25], [2, 3, 4], base.distribution])
    const fail = (j: unknown) => (E.isLeft(specFromJson(j, { base })) ? (specFromJson(j, { base }) as E.Left<{ path: string }>).left.path : 'accepted')
    expect(fail(ckpt({ w: { dtype: 'float32', shape: [2], data: [1, 2] } }))).toBe('$.params')
    expect(fail(ckpt({ ir: { dtype: 'float32', shape: [3], data: [1, 2] } }))).toBe('$.params.ir.data')
    expect(fail({ ...base, hop: 0 })).toBe('$.hop')
    expect(fail({ ...defaultKit(SR), voices: { kick808: [2] } })).toBe('$.voices.kick808')
    expect(fail({ format: 'wav' })).toBe('$.format')
  })
})
