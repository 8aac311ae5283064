/**
 * The 808 kit (`synths/drums/kit808`) as real-time voices: each voice is
 * `trigger(params)` (unit parameters in [0, 1], as the offline kit) and
 * `process(out)`, rendering the same closed forms with recurrences instead of
 * per-sample exp (envelopes as anchor·rʲ, biquad/SVF states, phase
 * accumulators), allocation-free in `process` and in `trigger` (all state is
 * typed arrays, so no double is boxed per sample). The noise is the offline
 * seeded stream (`uniformAt(seed, n)`, n samples since the trigger).
 * Each voice keeps its buffers and state in one memory of its own: with
 * `kernels: 'wasm'` (default) and WebAssembly SIMD, a wasm memory whose block is
 * rendered by `wasm/drums/*.wat`; otherwise a plain buffer of the same layout,
 * rendered by its TypeScript twin (`drum-blocks.ts`), equal bit for bit.
 * Latency: none — a hit starts at the first sample after `trigger`. Blocks of
 * any length (those over `MAX_BLOCK`, 4096 samples, are rendered in pieces).
 *
 * @example
 * const kick = kit808Voices['kick808'](48000)
 * kick.trigger(kick808Preset()); kick.process(out128)
 */
import { clap808Params } from '../synths/drums/clap808.js'
import { kick808Params } from '../synths/drums/kick808.js'
import type { Voice808 } from '../synths/drums/kit808.js'
import { cowbell808Params, hat808Params, METAL_HZ } from '../synths/drums/metal808.js'
import { snare808Params } from '../synths/drums/snare808.js'
import type { Range } from '../synths/drums/modules.js'
import { clapBlock, cowbellBlock, hatBlock, kickBlock, snareBlock } from './drum-blocks.js'
import { type Decay, dbGain, fromUnit, MAX_BLOCK, resetDecay, setSquare, squares, squaresBlock, squaresTable } from './drum-kernels.js'
import { BLOCK_BYTES, DECAY_BYTES, decaysOf, OUT_BYTES, scalarsOf, silent, voiceMemory } from './drum-memory.js'
import { setHighpass, setSvf } from './drum-filters.js'
import { squarePoints, squareTable, squareWords } from './square-table.js'
import type { KernelChoice } from './wasm/kernel.js'

/** A real-time drum voice. */
export interface DrumVoiceRT {
  /** Starts a hit with unit parameters (the offline kit's vector). */
  readonly trigger: (params: ArrayLike<number>) => void
  /** Renders the next out.length samples (overwrites; silence before the first trigger). */
  readonly process: (out: Float32Array) => void
  /** The voice's memory by region (f64 views: block buffers, state records), for inspection in tests. */
  readonly regions?: () => ReadonlyArray<readonly [string, Float64Array]>
}

/** Fills `p` with the physical values of unit parameters `u`. */
const physical = (p: Float64Array, u: ArrayLike<number>, table: ReadonlyArray<readonly [string, Range]>): Float64Array => {
  for (let i = 0; i < table.length; i++) p[i] = fromUnit(u[i]!, table[i]![1])
  return p
}

/** Sets a pitched sine [w0, mod, φ]: φ[n] = Σ_{m<n} w0·(1 + mod·env[m]) (exclusive), y = sin(φ). */
const setOsc = (o: Float64Array, freqHz: number, mod: number, sr: number): void => {
  o[0] = ((2 * Math.PI) / sr) * freqHz
  o[1] = mod
  o[2] = 0
}

const attackOf = (sr: number) => Math.floor(0.001 * sr)

/** The kick: y = g_out·tanh(g_in·(sin·e_amp + g_click·noise·e_click)). */
const kick = (sr: number, kernels: KernelChoice = 'wasm'): DrumVoiceRT => {
  const B = BLOCK_BYTES
  const mem = voiceMemory({ noise: B, ef: B, ea: B, ec: B, y: B, decays: 3 * DECAY_BYTES, osc: 32, g: 48, out32: OUT_BYTES }, kernels)
  const g = scalarsOf(mem.f64('g', 5), 36) // c, seed, click, in, out gains
  const [fenv, amp, click] = decaysOf(mem, 'decays', 3) as [Decay, Decay, Decay]
  const views = { noise: mem.f64('noise'), ef: mem.f64('ef'), ea: mem.f64('ea'), ec: mem.f64('ec'), y: mem.f64('y'), decays: [fenv, amp, click] as const, osc: mem.f64('osc', 3), g, out32: mem.out32 }
  const { at, k } = mem
  const p = new Float64Array(kick808Params.length)
  return {
    regions: mem.regions,
    trigger: (u) => {
      physical(p, u, kick808Params)
      resetDecay(fenv, p[2]!, 0, sr, attackOf(sr))
      resetDecay(amp, p[3]!, 0, sr, attackOf(sr))
      resetDecay(click, p[5]!, 0, sr, attackOf(sr))
      setOsc(views.osc, p[0]!, p[1]!, sr)
      g[2] = dbGain(p[4]!)
      g[3] = dbGain(p[6]!)
      g[4] = dbGain(p[7]!)
      g[0] = 0
    },
    process: (out) => {
      if (silent(g, out)) return
      if (k !== undefined) k.kick(at.noise, at.ef, at.ea, at.ec, at.y, at.decays, at.osc, at.out32, at.g, out.length)
      else kickBlock(views, out.length)
      mem.copyOut(out)
    },
  }
}

/** The snare (and tom): tanh(g_t·(g1·sin₁·e1 + g2·sin₂·e2 + g_n·HPF(noise·e_n))). */
const snare = (sr: number, kernels: KernelChoice = 'wasm'): DrumVoiceRT => {
  const B = BLOCK_BYTES
  const mem = voiceMemory({ noise: B, ef: B, e1: B, e2: B, en: B, y1: B, y2: B, decays: 4 * DECAY_BYTES, o1: 32, o2: 32, hp: 80, g: 48, out32: OUT_BYTES }, kernels)
  const g = scalarsOf(mem.f64('g', 6), 808) // c, seed, osc 1, osc 2, noise and tanh input gains
  const ds = decaysOf(mem, 'decays', 4) as [Decay, Decay, Decay, Decay] // pitch, osc1, osc2, noise
  const views = {
    ...{ noise: mem.f64('noise'), ef: mem.f64('ef'), e1: mem.f64('e1'), e2: mem.f64('e2'), en: mem.f64('en'), y1: mem.f64('y1'), y2: mem.f64('y2') },
    ...{ decays: ds, o1: mem.f64('o1', 3), o2: mem.f64('o2', 3), hp: mem.f64('hp', 9), g, out32: mem.out32 },
  }
  const { at, k } = mem
  const table = snare808Params(sr)
  const p = new Float64Array(table.length)
  return {
    regions: mem.regions,
    trigger: (u) => {
      physical(p, u, table)
      for (let i = 0; i < 4; i++) resetDecay(ds[i]!, p[4 + i]!, 0, sr, attackOf(sr))
      setOsc(views.o1, p[0]!, p[1]!, sr)
      setOsc(views.o2, p[2]!, p[3]!, sr)
      setHighpass(views.hp, p[8]!, p[9]!, sr)
      for (let i = 0; i < 4; i++) g[2 + i] = dbGain(p[10 + i]!)
      g[0] = 0
    },
    process: (out) => {
      if (silent(g, out)) return
      if (k !== undefined) k.snare(at.noise, at.ef, at.e1, at.e2, at.en, at.y1, at.y2, at.decays, at.o1, at.o2, at.hp, at.out32, at.g, out.length)
      else snareBlock(views, out.length)
      mem.copyOut(out)
    },
  }
}

/** The clap: band-passed noise under four 10 ms bursts spaced Δ apart and a tail from the last. */
const clap = (sr: number, kernels: KernelChoice = 'wasm'): DrumVoiceRT => {
  const B = BLOCK_BYTES
  const mem = voiceMemory({ noise: B, env: B, e: B, decays: 5 * DECAY_BYTES, bp: 112, g: 32, out32: OUT_BYTES }, kernels)
  const g = scalarsOf(mem.f64('g', 3), 39) // c, seed, gain
  const ds = decaysOf(mem, 'decays', 5) as [Decay, Decay, Decay, Decay, Decay] // 4 bursts, tail
  const views = { noise: mem.f64('noise'), env: mem.f64('env'), e: mem.f64('e'), decays: ds, bp: mem.f64('bp'), g, out32: mem.out32 }
  const { at, k } = mem
  const p = new Float64Array(clap808Params.length)
  return {
    regions: mem.regions,
    trigger: (u) => {
      physical(p, u, clap808Params)
      const spacing = p[2]! * (sr / 1000)
      for (let i = 0; i < 4; i++) resetDecay(ds[i]!, 10, i * spacing, sr)
      resetDecay(ds[4], p[3]!, 3 * spacing, sr)
      setSvf(views.bp, p[0]!, p[1]!, sr, 'band')
      g[2] = dbGain(p[4]!)
      g[0] = 0
    },
    process: (out) => {
      if (silent(g, out)) return
      if (k !== undefined) k.clap(at.noise, at.env, at.e, at.decays, at.bp, at.out32, at.g, out.length)
      else clapBlock(views, out.length)
      mem.copyOut(out)
    },
  }
}

/** Seconds of the hats' metal bank precomputed per sample rate (past it, the bank is summed live). */
const HAT_TABLE_SECONDS = 2.5
const hatTables = new Map<number, Float64Array>()

/**
 * Hats: six band-limited squares → band-pass → high-pass 6 kHz, under a decay. The metal bank does
 * not depend on the parameters, so its first 2.5 s are computed once per sample rate and read back; a hat
 * ringing longer reads its squares from band-limited tables (`squareTable`, within 2e-8 of the sum).
 */
const hat = (sr: number, kernels: KernelChoice = 'wasm'): DrumVoiceRT => {
  const bank = squares(METAL_HZ, METAL_HZ[0], sr)
  const metal = hatTables.get(sr) ?? squaresTable(bank, Math.ceil(HAT_TABLE_SECONDS * sr))
  hatTables.set(sr, metal)
  const shapes = Array.from(bank.kmax, (k) => squareTable(k)) // past the exact table: band-limited tables
  const B = BLOCK_BYTES
  const mem = voiceMemory({ x: B, e: B, amp: DECAY_BYTES, bp: 112, hp: 112, g: 32, out32: OUT_BYTES }, kernels)
  const g = scalarsOf(mem.f64('g', 3), 0) // c, (no noise), gain
  const views = { x: mem.f64('x'), e: mem.f64('e'), amp: mem.f64('amp'), bp: mem.f64('bp'), hp: mem.f64('hp'), g, out32: mem.out32 }
  const { at, k } = mem
  const p = new Float64Array(hat808Params.length)
  return {
    regions: mem.regions,
    trigger: (u) => {
      physical(p, u, hat808Params)
      bank.n = 0
      setSvf(views.bp, p[0]!, p[1]!, sr, 'band')
      setSvf(views.hp, 6000, 0.7071, sr, 'high')
      resetDecay(views.amp, p[2]!, 0, sr)
      g[2] = dbGain(p[3]!)
      g[0] = 0
    },
    process: (out) => {
      if (silent(g, out)) return
      squaresBlock(bank, metal, views.x, out.length, shapes)
      if (k !== undefined) k.hat(at.x, at.e, at.amp, at.bp, at.hp, at.out32, at.g, out.length)
      else hatBlock(views, out.length)
      mem.copyOut(out)
    },
  }
}

/** The cowbell's squares: 540 and 800 Hz × ratio, ratio ∈ [0.5, 2], with at most ⌊sr/2/270⌋ harmonics. */
const COWBELL_HZ = [540, 800] as const

/**
 * The cowbell: two squares (540, 800 Hz × ratio) → band-pass, under 0.6·15 ms + 0.4·long decays. The
 * squares are read from `squareTable`s; the tables of every harmonic count the ratio's range can reach
 * are built here, so a trigger only copies two of them into the voice's memory (when the count changes).
 */
const cowbell = (sr: number, kernels: KernelChoice = 'wasm'): DrumVoiceRT => {
  const bank = squares([...COWBELL_HZ], COWBELL_HZ[0] / 2, sr) // counts harmonics as the offline bank does
  const { min, max } = cowbell808Params[0]![1]
  let most = 0 // harmonics of the richest square: its table is the largest
  for (const f of COWBELL_HZ) {
    setSquare(bank, 0, f * max)
    const fewest = bank.kmax[0]!
    setSquare(bank, 0, f * min)
    for (let kmax = fewest; kmax <= bank.kmax[0]!; kmax++) squareTable(kmax)
    most = Math.max(most, bank.kmax[0]!)
  }
  const B = BLOCK_BYTES
  const T = 8 * squareWords(most)
  const mem = voiceMemory({ x: B, es: B, el: B, decays: 2 * DECAY_BYTES, bp: 112, sq: 32, g: 32, ta: T, tb: T, out32: OUT_BYTES }, kernels)
  const g = scalarsOf(mem.f64('g', 3), 0) // c, (no noise), gain
  const ds = decaysOf(mem, 'decays', 2) as [Decay, Decay] // 15 ms, long
  const tables = [mem.f64('ta'), mem.f64('tb')] as const
  const views = { x: mem.f64('x'), es: mem.f64('es'), el: mem.f64('el'), decays: ds, bp: mem.f64('bp'), sq: mem.f64('sq', 4), tables, g, out32: mem.out32 }
  const { at, k } = mem
  const loaded = new Int32Array([-1, -1]) // harmonic count of the table in each slot
  const p = new Float64Array(cowbell808Params.length)
  return {
    regions: mem.regions,
    trigger: (u) => {
      physical(p, u, cowbell808Params)
      for (let i = 0; i < 2; i++) {
        setSquare(bank, i, COWBELL_HZ[i]! * p[0]!)
        views.sq[i] = bank.freqs[i]! / sr
        const kmax = bank.kmax[i]!
        views.sq[2 + i] = squarePoints(kmax)
        if (loaded[i] !== kmax) tables[i]!.set(squareTable(kmax))
        loaded[i] = kmax
      }
      setSvf(views.bp, p[1]!, 2, sr, 'band')
      resetDecay(ds[0], 15, 0, sr)
      resetDecay(ds[1], p[2]!, 0, sr)
      g[2] = dbGain(p[3]!)
      g[0] = 0
    },
    process: (out) => {
      if (silent(g, out)) return
      if (k !== undefined) k.cowbell(at.x, at.es, at.el, at.decays, at.bp, at.sq, at.ta, at.tb, at.out32, at.g, out.length)
      else cowbellBlock(views, out.length)
      mem.copyOut(out)
    },
  }
}

/** Makes a voice at a sample rate, with the wasm kernels (default) or the TypeScript blocks. */
type MakeVoice = (sampleRate: number, kernels?: KernelChoice) => DrumVoiceRT

/** A voice whose `process` takes blocks of any length, in pieces of at most MAX_BLOCK (its buffers' size). */
const anyLength =
  (make: MakeVoice): MakeVoice =>
  (sampleRate, kernels) => {
    const v = make(sampleRate, kernels)
    const process = (out: Float32Array): void => {
      if (out.length <= MAX_BLOCK) return v.process(out)
      for (let s = 0; s < out.length; s += MAX_BLOCK) v.process(out.subarray(s, Math.min(out.length, s + MAX_BLOCK)))
    }
    return { ...v, process }
  }

/** Real-time voices of the kit, by the offline kit's names; `kernels` 'js' forces the TypeScript blocks. */
export const kit808Voices: Readonly<Record<Voice808, MakeVoice>> = {
  kick808: anyLength(kick),
  snare808: anyLength(snare),
  tom808: anyLength(snare),
  clap808: anyLength(clap),
  'hat808-closed': anyLength(hat),
  'hat808-open': anyLength(hat),
  cowbell808: anyLength(cowbell),
}
