/**
 * The worklet's engine, also run as is in Node (the browser test's oracle):
 * a synth spec → an instrument (DDSP player or 808 kit), a queue of events
 * at sample times applied at block boundaries, and `process(out, input?)`
 * for one block. Events with `at` ≤ the block's first sample apply before
 * it (events without `at` apply at the next block), so a schedule renders
 * the same wherever the engine runs.
 *
 * @example
 * const e = createEngine(spec, 128)
 * e.schedule([{ type: 'noteOn', note: 60, velocity: 1, at: 0 }]); e.process(out128)
 */
import { ddspPlayer, type DdspPlayer } from './engine-ddsp.js'
import { kitPlayer, type KitPlayer } from './engine-kit.js'
import type { KnobName, SynthEvent, SynthSpec } from './spec.js'

/** A running instrument. @example const e: Engine = createEngine(spec, 128); e.setMic(true) */
export interface Engine {
  readonly block: number
  /** Queues events (sorted by `at`; undefined `at` = now). */
  readonly schedule: (events: readonly SynthEvent[]) => void
  /** Microphone mode (DDSP only): f0 and loudness from the input. */
  readonly setMic: (on: boolean) => void
  /** Latest tracked f0 (Hz) and RMS of the input. */
  readonly features: () => { f0: number; rms: number }
  /** Renders the next block into `out` (length `block`); `input` is the mic block. */
  readonly process: (out: Float32Array, input?: Float32Array) => void
}

const setKnob = (p: DdspPlayer | KitPlayer, name: KnobName, v: number): void => {
  if (!('settings' in p)) {
    if (name === 'gain') p.gainDb = v
    return
  }
  const keys: Record<KnobName, keyof DdspPlayer['settings']> = {
    gain: 'gainDb', attack: 'attackMs', release: 'releaseMs', brightness: 'brightness', noise: 'noiseDb', transpose: 'transpose', micGain: 'micGainDb',
  }
  p.settings[keys[name]] = v
  if (name === 'brightness') p.retune()
}

const apply = (p: DdspPlayer | KitPlayer, e: SynthEvent): void => {
  if (e.type === 'noteOn') p.noteOn(e.note, e.velocity)
  else if (e.type === 'noteOff') {
    if ('noteOff' in p) p.noteOff(e.note)
  } else setKnob(p, e.name, e.value)
}

/**
 * Creates the engine for a spec.
 * @param spec what to play  @param block samples per block (128 in an AudioWorklet)
 * @example createEngine({ format: 'ddsp-ts/synth', kind: 'kit808', name: '808', sampleRate: 48000, voices: {} }, 128)
 */
export const createEngine = (spec: SynthSpec, block: number): Engine => {
  const player: DdspPlayer | KitPlayer = spec.kind === 'ddsp' ? ddspPlayer(spec, block) : kitPlayer(spec, block)
  const queue: SynthEvent[] = []
  let head = 0
  let t = 0
  return {
    block,
    schedule: (events) => {
      const rest = queue.slice(head).concat(events.map((e) => (e.at === undefined ? { ...e, at: t } : e)))
      rest.sort((a, b) => a.at! - b.at!)
      queue.length = 0
      queue.push(...rest)
      head = 0
    },
    setMic: (on) => {
      if ('mic' in player) player.mic = on
    },
    features: () => ('features' in player ? player.features() : { f0: 0, rms: 0 }),
    process: (out, input) => {
      while (head < queue.length && queue[head]!.at! <= t) apply(player, queue[head++]!)
      if (head > 0 && head === queue.length) {
        queue.length = 0
        head = 0
      }
      player.process(out, input)
      t += block
    },
  }
}

/**
 * Renders a schedule offline with the engine (the Node side of the browser test).
 * @param spec what to play  @param events the schedule (sample times)  @param samples output length
 * @example renderSchedule(spec, [{ type: 'noteOn', note: 36, velocity: 1, at: 0 }], 48000)
 */
export const renderSchedule = (spec: SynthSpec, events: readonly SynthEvent[], samples: number, block = 128): Float32Array => {
  const e = createEngine(spec, block)
  e.schedule(events)
  const out = new Float32Array(Math.ceil(samples / block) * block)
  for (let s = 0; s < out.length; s += block) e.process(out.subarray(s, s + block))
  return out.subarray(0, samples)
}
