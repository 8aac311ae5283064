/**
 * The 808 kit (`synths/drums/kit808`) as real-time voices: each voice is
 * `trigger(params)` (unit parameters in [0, 1], as the offline kit) and
 * `process(out)`, rendering the same closed forms sample by sample with
 * recurrences instead of per-sample exp (envelopes ×r, biquad/SVF states,
 * phase accumulators), allocation-free. The noise is the offline seeded
 * stream (`uniformAt(seed, n)`, n samples since the trigger).
 * Latency: none — a hit starts at the first sample after `trigger`.
 *
 * @example
 * const kick = kit808Voices['kick808'](48000)
 * kick.trigger(kick808Preset()); kick.process(out128)
 */
import { uniformAt } from '../core/random.js'
import { clap808Params } from '../synths/drums/clap808.js'
import { kick808Params } from '../synths/drums/kick808.js'
import type { Voice808 } from '../synths/drums/kit808.js'
import { cowbell808Params, hat808Params, METAL_HZ } from '../synths/drums/metal808.js'
import { snare808Params } from '../synths/drums/snare808.js'
import type { Range } from '../synths/drums/modules.js'
import {
  biquadStep, dbGain, decayState, DECAY_MS, fromUnit, highpass, nextDecay, resetDecay,
  squares, squaresStep, svfState, svfStep, type Decay,
} from './drum-kernels.js'

/** A real-time drum voice. */
export interface DrumVoiceRT {
  /** Starts a hit with unit parameters (the offline kit's vector). */
  readonly trigger: (params: ArrayLike<number>) => void
  /** Renders the next out.length samples (overwrites; silence before the first trigger). */
  readonly process: (out: Float32Array) => void
}

const physical = (u: ArrayLike<number>, table: ReadonlyArray<readonly [string, Range]>) => Array.from(table, ([, r], i) => fromUnit(u[i]!, r))

/** A pitched sine: phase[n] = Σ_{m<n} w0·(1 + mod·env[m]) (exclusive), y = sin(phase). */
interface Osc {
  w0: number
  mod: number
  phase: number
}

const oscStep = (o: Osc, env: number): number => {
  const y = Math.sin(o.phase)
  o.phase += o.w0 * (1 + o.mod * env)
  return y
}

const attackOf = (sr: number) => Math.floor(0.001 * sr)

/** The kick: y = g_out·tanh(g_in·(sin·e_amp + g_click·noise·e_click)). */
const kick = (sr: number): DrumVoiceRT => {
  const [fenv, amp, click] = [decayState(), decayState(), decayState()]
  const osc: Osc = { w0: 0, mod: 0, phase: 0 }
  let g = [0, 0, 0]
  let n = -1
  return {
    trigger: (u) => {
      const p = physical(u, kick808Params)
      resetDecay(fenv, fromUnit(u[2]!, DECAY_MS), 0, sr, attackOf(sr))
      resetDecay(amp, fromUnit(u[3]!, DECAY_MS), 0, sr, attackOf(sr))
      resetDecay(click, fromUnit(u[5]!, DECAY_MS), 0, sr, attackOf(sr))
      Object.assign(osc, { w0: ((2 * Math.PI) / sr) * p[0]!, mod: p[1]!, phase: 0 })
      g = [dbGain(p[4]!), dbGain(p[6]!), dbGain(p[7]!)]
      n = 0
    },
    process: (out) => {
      for (let i = 0; i < out.length; i++) {
        if (n < 0) {
          out[i] = 0
          continue
        }
        const body = oscStep(osc, nextDecay(fenv)) * nextDecay(amp)
        const hit = uniformAt(36, n++) * nextDecay(click) * g[0]!
        out[i] = g[2]! * Math.tanh(g[1]! * (body + hit))
      }
    },
  }
}

/** The snare (and tom): tanh(g_t·(g1·sin₁·e1 + g2·sin₂·e2 + g_n·HPF(noise·e_n))). */
const snare = (sr: number): DrumVoiceRT => {
  const [fenv, e1, e2, en] = [decayState(), decayState(), decayState(), decayState()]
  const o1: Osc = { w0: 0, mod: 0, phase: 0 }
  const o2: Osc = { w0: 0, mod: 0, phase: 0 }
  let hp = highpass(1000, 1, sr)
  let g = [0, 0, 0, 0]
  let n = -1
  return {
    trigger: (u) => {
      const p = physical(u, snare808Params(sr))
      const ds: Array<[Decay, number]> = [[fenv, 4], [e1, 5], [e2, 6], [en, 7]]
      for (const [d, i] of ds) resetDecay(d, fromUnit(u[i]!, DECAY_MS), 0, sr, attackOf(sr))
      Object.assign(o1, { w0: ((2 * Math.PI) / sr) * p[0]!, mod: p[1]!, phase: 0 })
      Object.assign(o2, { w0: ((2 * Math.PI) / sr) * p[2]!, mod: p[3]!, phase: 0 })
      hp = highpass(p[8]!, p[9]!, sr)
      g = [dbGain(p[10]!), dbGain(p[11]!), dbGain(p[12]!), dbGain(p[13]!)]
      n = 0
    },
    process: (out) => {
      for (let i = 0; i < out.length; i++) {
        if (n < 0) {
          out[i] = 0
          continue
        }
        const f = nextDecay(fenv)
        const y1 = oscStep(o1, f) * g[0]! * nextDecay(e1)
        const y2 = oscStep(o2, f) * g[1]! * nextDecay(e2)
        const hiss = biquadStep(hp, uniformAt(808, n++) * nextDecay(en))
        out[i] = Math.tanh(g[3]! * (y1 + y2 + hiss * g[2]!))
      }
    },
  }
}

/** The clap: band-passed noise under four 10 ms bursts spaced Δ apart and a tail from the last. */
const clap = (sr: number): DrumVoiceRT => {
  const bursts = [decayState(), decayState(), decayState(), decayState()]
  const tail = decayState()
  let bp = svfState(1000, 1, sr, 'band')
  let gain = 0
  let n = -1
  return {
    trigger: (u) => {
      const p = physical(u, clap808Params)
      const spacing = p[2]! * (sr / 1000)
      bursts.forEach((d, i) => resetDecay(d, 10, i * spacing, sr))
      resetDecay(tail, p[3]!, 3 * spacing, sr)
      bp = svfState(p[0]!, p[1]!, sr, 'band')
      gain = dbGain(p[4]!)
      n = 0
    },
    process: (out) => {
      for (let i = 0; i < out.length; i++) {
        if (n < 0) {
          out[i] = 0
          continue
        }
        const env = nextDecay(bursts[0]!) + nextDecay(bursts[1]!) + nextDecay(bursts[2]!) + nextDecay(bursts[3]!) + 0.5 * nextDecay(tail)
        out[i] = svfStep(bp, uniformAt(39, n++)) * env * gain
      }
    },
  }
}

/** Hats: six band-limited squares → band-pass → high-pass 6 kHz, under a decay. */
const hat = (sr: number): DrumVoiceRT => {
  const bank = squares(METAL_HZ, METAL_HZ[0], sr)
  const amp = decayState()
  let [bp, hp] = [svfState(8000, 1, sr, 'band'), svfState(6000, 0.7071, sr, 'high')]
  let gain = 0
  let on = false
  return {
    trigger: (u) => {
      const p = physical(u, hat808Params)
      bank.n = 0
      ;[bp, hp] = [svfState(p[0]!, p[1]!, sr, 'band'), svfState(6000, 0.7071, sr, 'high')]
      resetDecay(amp, p[2]!, 0, sr)
      gain = dbGain(p[3]!)
      on = true
    },
    process: (out) => {
      for (let i = 0; i < out.length; i++) out[i] = on ? svfStep(hp, svfStep(bp, squaresStep(bank))) * nextDecay(amp) * gain : 0
    },
  }
}

/** The cowbell: two squares (540, 800 Hz × ratio) → band-pass, under 0.6·15 ms + 0.4·long decays. */
const cowbell = (sr: number): DrumVoiceRT => {
  let bank = squares([540, 800], 270, sr)
  const [short, long] = [decayState(), decayState()]
  let bp = svfState(2640, 2, sr, 'band')
  let gain = 0
  let on = false
  return {
    trigger: (u) => {
      const p = physical(u, cowbell808Params)
      bank = squares([540 * p[0]!, 800 * p[0]!], 270, sr)
      bp = svfState(p[1]!, 2, sr, 'band')
      resetDecay(short, 15, 0, sr)
      resetDecay(long, p[2]!, 0, sr)
      gain = dbGain(p[3]!)
      on = true
    },
    process: (out) => {
      for (let i = 0; i < out.length; i++) out[i] = on ? svfStep(bp, squaresStep(bank)) * (0.6 * nextDecay(short) + 0.4 * nextDecay(long)) * gain : 0
    },
  }
}

/** Real-time voices of the kit, by the offline kit's names. */
export const kit808Voices: Readonly<Record<Voice808, (sampleRate: number) => DrumVoiceRT>> = {
  kick808: kick,
  snare808: snare,
  tom808: snare,
  clap808: clap,
  'hat808-closed': hat,
  'hat808-open': hat,
  cowbell808: cowbell,
}
