/**
 * The 808 kit (`synths/drums/kit808`) as real-time voices: each voice is
 * `trigger(params)` (unit parameters in [0, 1], as the offline kit) and
 * `process(out)`, rendering the same closed forms sample by sample with
 * recurrences instead of per-sample exp (envelopes ×r, biquad/SVF states,
 * phase accumulators), allocation-free in `process` and in `trigger` (all
 * state is typed arrays, so no double is boxed per sample). The noise is the offline seeded
 * stream (`uniformAt(seed, n)`, n samples since the trigger).
 * Latency: none — a hit starts at the first sample after `trigger`. Blocks up
 * to `MAX_BLOCK` (4096) samples.
 *
 * @example
 * const kick = kit808Voices['kick808'](48000)
 * kick.trigger(kick808Preset()); kick.process(out128)
 */
import { fillUniform } from '../core/random.js'
import { clap808Params } from '../synths/drums/clap808.js'
import { kick808Params } from '../synths/drums/kick808.js'
import type { Voice808 } from '../synths/drums/kit808.js'
import { cowbell808Params, hat808Params, METAL_HZ } from '../synths/drums/metal808.js'
import { snare808Params } from '../synths/drums/snare808.js'
import type { Range } from '../synths/drums/modules.js'
import {
  dbGain, decayBlock, decayState, fromUnit, MAX_BLOCK, oscBlock, resetDecay, setSquare, squares, squaresBlock, squaresTable,
} from './drum-kernels.js'
import { biquadBlock, biquadState, setHighpass, setSvf, svfBlock, svfState } from './drum-filters.js'

/** A real-time drum voice. */
export interface DrumVoiceRT {
  /** Starts a hit with unit parameters (the offline kit's vector). */
  readonly trigger: (params: ArrayLike<number>) => void
  /** Renders the next out.length samples (overwrites; silence before the first trigger). */
  readonly process: (out: Float32Array) => void
}

/** Fills `p` with the physical values of unit parameters `u`. */
const physical = (p: Float64Array, u: ArrayLike<number>, table: ReadonlyArray<readonly [string, Range]>): Float64Array => {
  for (let i = 0; i < table.length; i++) p[i] = fromUnit(u[i]!, table[i]![1])
  return p
}

/** A pitched sine [w0, mod, phase]: phase[n] = Σ_{m<n} w0·(1 + mod·env[m]) (exclusive), y = sin(phase). */
type Osc = Float64Array

const setOsc = (o: Osc, freqHz: number, mod: number, sr: number): void => {
  o[0] = ((2 * Math.PI) / sr) * freqHz
  o[1] = mod
  o[2] = 0
}

const attackOf = (sr: number) => Math.floor(0.001 * sr)

/** Voice scalars (gains, and the sample counter n: n < 0 before the first trigger) in typed storage. */
const scalars = (size: number): Float64Array => {
  const g = new Float64Array(size + 1)
  g[size] = -1
  return g
}

/** `k` scratch buffers of MAX_BLOCK samples. */
const buffers = (k: number): Float64Array[] => Array.from({ length: k }, () => new Float64Array(MAX_BLOCK))

/** Writes silence and returns true while the voice has not been triggered. */
const silent = (n: number, out: Float32Array): boolean => {
  if (n >= 0) return false
  out.fill(0)
  return true
}

/** The kick: y = g_out·tanh(g_in·(sin·e_amp + g_click·noise·e_click)). */
const kick = (sr: number): DrumVoiceRT => {
  const [fenv, amp, click] = [decayState(), decayState(), decayState()]
  const osc: Osc = new Float64Array(3)
  const p = new Float64Array(kick808Params.length)
  const g = scalars(3) // click, in, out gains; n
  const [noise, ef, ea, ec, y] = buffers(5) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array]
  return {
    trigger: (u) => {
      physical(p, u, kick808Params)
      resetDecay(fenv, p[2]!, 0, sr, attackOf(sr))
      resetDecay(amp, p[3]!, 0, sr, attackOf(sr))
      resetDecay(click, p[5]!, 0, sr, attackOf(sr))
      setOsc(osc, p[0]!, p[1]!, sr)
      g[0] = dbGain(p[4]!)
      g[1] = dbGain(p[6]!)
      g[2] = dbGain(p[7]!)
      g[3] = 0
    },
    process: (out) => {
      const m = out.length
      if (silent(g[3]!, out)) return
      fillUniform(noise, 36, g[3]!, m)
      g[3] = g[3]! + m
      decayBlock(fenv, ef, m)
      decayBlock(amp, ea, m)
      decayBlock(click, ec, m)
      oscBlock(osc, ef, y, m)
      const gc = g[0]!
      const gi = g[1]!
      const go = g[2]!
      for (let i = 0; i < m; i++) out[i] = go * Math.tanh(gi * (y[i]! * ea[i]! + noise[i]! * ec[i]! * gc))
    },
  }
}

/** The snare (and tom): tanh(g_t·(g1·sin₁·e1 + g2·sin₂·e2 + g_n·HPF(noise·e_n))). */
const snare = (sr: number): DrumVoiceRT => {
  const ds = [decayState(), decayState(), decayState(), decayState()] // pitch, osc1, osc2, noise
  const [o1, o2] = [new Float64Array(3), new Float64Array(3)]
  const hp = biquadState()
  const table = snare808Params(sr)
  const p = new Float64Array(table.length)
  const g = scalars(4)
  const [noise, ef, e1, e2, en, y1, y2] = buffers(7) as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array]
  return {
    trigger: (u) => {
      physical(p, u, table)
      for (let i = 0; i < 4; i++) resetDecay(ds[i]!, p[4 + i]!, 0, sr, attackOf(sr))
      setOsc(o1, p[0]!, p[1]!, sr)
      setOsc(o2, p[2]!, p[3]!, sr)
      setHighpass(hp, p[8]!, p[9]!, sr)
      for (let i = 0; i < 4; i++) g[i] = dbGain(p[10 + i]!)
      g[4] = 0
    },
    process: (out) => {
      const m = out.length
      if (silent(g[4]!, out)) return
      fillUniform(noise, 808, g[4]!, m)
      g[4] = g[4]! + m
      decayBlock(ds[0]!, ef, m)
      decayBlock(ds[1]!, e1, m)
      decayBlock(ds[2]!, e2, m)
      decayBlock(ds[3]!, en, m)
      oscBlock(o1, ef, y1, m)
      oscBlock(o2, ef, y2, m)
      for (let i = 0; i < m; i++) noise[i] = noise[i]! * en[i]!
      biquadBlock(hp, noise, m)
      const g1 = g[0]!
      const g2 = g[1]!
      const gn = g[2]!
      const gt = g[3]!
      for (let i = 0; i < m; i++) out[i] = Math.tanh(gt * (y1[i]! * g1 * e1[i]! + y2[i]! * g2 * e2[i]! + noise[i]! * gn))
    },
  }
}

/** The clap: band-passed noise under four 10 ms bursts spaced Δ apart and a tail from the last. */
const clap = (sr: number): DrumVoiceRT => {
  const ds = [decayState(), decayState(), decayState(), decayState(), decayState()] // 4 bursts, tail
  const bp = svfState()
  const p = new Float64Array(clap808Params.length)
  const g = scalars(1)
  const [noise, env, e] = buffers(3) as [Float64Array, Float64Array, Float64Array]
  return {
    trigger: (u) => {
      physical(p, u, clap808Params)
      const spacing = p[2]! * (sr / 1000)
      for (let i = 0; i < 4; i++) resetDecay(ds[i]!, 10, i * spacing, sr)
      resetDecay(ds[4]!, p[3]!, 3 * spacing, sr)
      setSvf(bp, p[0]!, p[1]!, sr, 'band')
      g[0] = dbGain(p[4]!)
      g[1] = 0
    },
    process: (out) => {
      const m = out.length
      if (silent(g[1]!, out)) return
      fillUniform(noise, 39, g[1]!, m)
      g[1] = g[1]! + m
      svfBlock(bp, noise, m)
      decayBlock(ds[0]!, env, m)
      for (let k = 1; k < 5; k++) {
        decayBlock(ds[k]!, e, m)
        const w = k === 4 ? 0.5 : 1
        for (let i = 0; i < m; i++) env[i] = env[i]! + w * e[i]!
      }
      const gain = g[0]!
      for (let i = 0; i < m; i++) out[i] = noise[i]! * env[i]! * gain
    },
  }
}

/** Seconds of the hats' metal bank precomputed per sample rate (past it, the bank is summed live). */
const HAT_TABLE_SECONDS = 2.5
const hatTables = new Map<number, Float64Array>()

/**
 * Hats: six band-limited squares → band-pass → high-pass 6 kHz, under a decay. The metal bank does
 * not depend on the parameters, so its first 2.5 s are computed once per sample rate and read back.
 */
const hat = (sr: number): DrumVoiceRT => {
  const bank = squares(METAL_HZ, METAL_HZ[0], sr)
  const table = hatTables.get(sr) ?? squaresTable(bank, Math.ceil(HAT_TABLE_SECONDS * sr))
  hatTables.set(sr, table)
  const amp = decayState()
  const [bp, hp] = [svfState(), svfState()]
  const p = new Float64Array(hat808Params.length)
  const g = scalars(1)
  const [x, e] = buffers(2) as [Float64Array, Float64Array]
  return {
    trigger: (u) => {
      physical(p, u, hat808Params)
      bank.n = 0
      setSvf(bp, p[0]!, p[1]!, sr, 'band')
      setSvf(hp, 6000, 0.7071, sr, 'high')
      resetDecay(amp, p[2]!, 0, sr)
      g[0] = dbGain(p[3]!)
      g[1] = 0
    },
    process: (out) => {
      const m = out.length
      if (silent(g[1]!, out)) return
      squaresBlock(bank, table, x, m)
      svfBlock(bp, x, m)
      svfBlock(hp, x, m)
      decayBlock(amp, e, m)
      const gain = g[0]!
      for (let i = 0; i < m; i++) out[i] = x[i]! * e[i]! * gain
    },
  }
}

/** The cowbell: two squares (540, 800 Hz × ratio) → band-pass, under 0.6·15 ms + 0.4·long decays. */
const cowbell = (sr: number): DrumVoiceRT => {
  const bank = squares([540, 800], 270, sr)
  const [short, long] = [decayState(), decayState()]
  const bp = svfState()
  const p = new Float64Array(cowbell808Params.length)
  const g = scalars(1)
  const [x, es, el] = buffers(3) as [Float64Array, Float64Array, Float64Array]
  return {
    trigger: (u) => {
      physical(p, u, cowbell808Params)
      setSquare(bank, 0, 540 * p[0]!)
      setSquare(bank, 1, 800 * p[0]!)
      setSvf(bp, p[1]!, 2, sr, 'band')
      resetDecay(short, 15, 0, sr)
      resetDecay(long, p[2]!, 0, sr)
      g[0] = dbGain(p[3]!)
      g[1] = 0
    },
    process: (out) => {
      const m = out.length
      if (silent(g[1]!, out)) return
      squaresBlock(bank, undefined, x, m)
      svfBlock(bp, x, m)
      decayBlock(short, es, m)
      decayBlock(long, el, m)
      const gain = g[0]!
      for (let i = 0; i < m; i++) out[i] = x[i]! * (0.6 * es[i]! + 0.4 * el[i]!) * gain
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
