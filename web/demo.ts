/**
 * A fixed note sequence (sample times) for each kind of synth: the page's
 * "render demo" button and the browser test play it, in the browser through
 * the worklet and in Node through the same engine.
 *
 * @example
 * demoSchedule('ddsp', 48000) // [{ type: 'noteOn', note: 57, velocity: 0.9, at: 0 }, …]
 */
import type { SynthEvent, SynthSpec } from './spec.js'

/**
 * The demo: for the DDSP voice a four-note phrase with a legato step and knob moves;
 * for the kit one hit of each voice (GM notes).
 * @param kind which synth  @param sampleRate Hz (times scale with it)
 * @example demoSchedule('kit808', 48000).length // 8
 */
export const demoSchedule = (kind: SynthSpec['kind'], sampleRate: number): SynthEvent[] => {
  const at = (seconds: number) => Math.round(seconds * sampleRate)
  if (kind === 'kit808')
    return [36, 42, 38, 42, 39, 45, 46, 56].map((note, i): SynthEvent => ({ type: 'noteOn', note, velocity: i % 2 === 0 ? 1 : 0.6, at: at(i * 0.06) }))
  return [
    { type: 'noteOn', note: 57, velocity: 0.9, at: 0 },
    { type: 'noteOn', note: 64, velocity: 0.9, at: at(0.12) },
    { type: 'noteOff', note: 64, at: at(0.2) },
    { type: 'knob', name: 'brightness', value: 1.2, at: at(0.22) },
    { type: 'noteOff', note: 57, at: at(0.26) },
    { type: 'knob', name: 'noise', value: 6, at: at(0.3) },
    { type: 'noteOn', note: 69, velocity: 0.6, at: at(0.32) },
    { type: 'noteOff', note: 69, at: at(0.42) },
  ]
}
