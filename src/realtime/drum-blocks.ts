/**
 * One block of each real-time 808 voice (drawing its own noise where it has any): the
 * TypeScript definition of `wasm/drums/*.wat`'s voice functions (`kick`, `snare`,
 * `clap`, `hat`, `cowbell`), operation for operation, so the two are equal bit
 * for bit (tested). Each reads and writes a voice's buffers and state records
 * (`Decay`, oscillator [w0, mod, φ], `Biquad`, `Svf`, and the scalars `g` = [samples
 * since the trigger, noise seed, gains…]), which live in the voice's
 * memory (a wasm memory, or a plain buffer of the same layout), and writes the
 * block's float32 output to `out32` (intermediates land in the same buffers as
 * in wasm, so the two memories can be compared). Buffers hold at least n rounded up to 4
 * (the wasm kernels' step).
 *
 * @example
 * kickBlock(views, 128) // then out.set(views.out32.subarray(0, 128))
 */
import { fillUniform } from '../core/random.js'
import { decayBlock, type Decay, oscBlock } from './drum-kernels.js'
import { biquadBlock, type Biquad, type Svf, svfBlock } from './drum-filters.js'
import { squareAt } from './square-table.js'
import { tanhExp } from '../host/tanh.js'

/** The voice's scalars: g[0] samples since the trigger, g[1] noise seed, then its gains. */
interface Scalars {
  readonly g: Float64Array
}

/** The block's noise (uniformAt(seed, c + j), c = g[0]) into `noise`, and g[0] += n. */
const draw = (noise: Float64Array, g: Float64Array, n: number): void => {
  fillUniform(noise, g[1]!, g[0]!, n)
  g[0] = g[0]! + n
}

/** Buffers and records of the kick; g = [c, seed, g_click, g_in, g_out]. */
export interface KickViews extends Scalars {
  readonly noise: Float64Array
  readonly ef: Float64Array
  readonly ea: Float64Array
  readonly ec: Float64Array
  readonly y: Float64Array
  /** pitch, amplitude and click decays */
  readonly decays: readonly [Decay, Decay, Decay]
  readonly osc: Float64Array
  readonly out32: Float32Array
}

/**
 * out = g_out·tanh(g_in·(sin·e_amp + noise·e_click·g_click)). @example kickBlock(v, 128)
 */
export const kickBlock = (v: KickViews, n: number): void => {
  const gc = v.g[2]!
  const gi = v.g[3]!
  const go = v.g[4]!
  draw(v.noise, v.g, n)
  decayBlock(v.decays[0], v.ef, n)
  decayBlock(v.decays[1], v.ea, n)
  decayBlock(v.decays[2], v.ec, n)
  oscBlock(v.osc, v.ef, v.y, n)
  const { y, ea, noise, ec, out32 } = v
  for (let i = 0; i < n; i++) {
    y[i] = y[i]! * ea[i]! + noise[i]! * ec[i]! * gc
    out32[i] = go * tanhExp(gi * y[i]!)
  }
}

/** Buffers and records of the snare (and tom); g = [c, seed, g1, g2, g_n, g_t]. */
export interface SnareViews extends Scalars {
  readonly noise: Float64Array
  readonly ef: Float64Array
  readonly e1: Float64Array
  readonly e2: Float64Array
  readonly en: Float64Array
  readonly y1: Float64Array
  readonly y2: Float64Array
  /** pitch, oscillator 1, oscillator 2 and noise decays */
  readonly decays: readonly [Decay, Decay, Decay, Decay]
  readonly o1: Float64Array
  readonly o2: Float64Array
  readonly hp: Biquad
  readonly out32: Float32Array
}

/**
 * out = tanh(g_t·(sin₁·g1·e1 + sin₂·g2·e2 + clip(HPF(noise·e_n), −1, 1)·g_n)). @example snareBlock(v, 128)
 */
export const snareBlock = (v: SnareViews, n: number): void => {
  const { noise, ef, e1, e2, en, y1, y2, out32 } = v
  const g1 = v.g[2]!
  const g2 = v.g[3]!
  const gn = v.g[4]!
  const gt = v.g[5]!
  draw(noise, v.g, n)
  decayBlock(v.decays[0], ef, n)
  decayBlock(v.decays[1], e1, n)
  decayBlock(v.decays[2], e2, n)
  decayBlock(v.decays[3], en, n)
  oscBlock(v.o1, ef, y1, n)
  oscBlock(v.o2, ef, y2, n)
  for (let i = 0; i < n; i++) noise[i] = noise[i]! * en[i]!
  biquadBlock(v.hp, noise, n)
  for (let i = 0; i < n; i++) {
    // the filtered noise clipped to [−1, 1] (timbreremap's lfilter clamp=True; the filter's state keeps it unclipped)
    y1[i] = y1[i]! * g1 * e1[i]! + y2[i]! * g2 * e2[i]! + Math.min(Math.max(noise[i]!, -1), 1) * gn
    out32[i] = tanhExp(gt * y1[i]!)
  }
}

/** Buffers and records of the clap; g = [c, seed, gain]. */
export interface ClapViews extends Scalars {
  readonly noise: Float64Array
  readonly env: Float64Array
  readonly e: Float64Array
  /** four bursts and the tail */
  readonly decays: readonly [Decay, Decay, Decay, Decay, Decay]
  readonly bp: Svf
  readonly out32: Float32Array
}

/** out = BPF(noise)·(Σ_{k<4} burst_k + ½·tail)·gain. @example clapBlock(v, 128) */
export const clapBlock = (v: ClapViews, n: number): void => {
  const { noise, env, e, out32 } = v
  const gain = v.g[2]!
  draw(noise, v.g, n)
  svfBlock(v.bp, noise, n)
  decayBlock(v.decays[0], env, n)
  for (let k = 1; k < 5; k++) {
    decayBlock(v.decays[k]!, e, n)
    const w = k === 4 ? 0.5 : 1
    for (let i = 0; i < n; i++) env[i] = env[i]! + w * e[i]!
  }
  for (let i = 0; i < n; i++) out32[i] = noise[i]! * env[i]! * gain
}

/** Buffers and records of a hat (x holds the block's metal bank on entry); g = [c, seed (unused), gain]. */
export interface HatViews extends Scalars {
  readonly x: Float64Array
  readonly e: Float64Array
  readonly amp: Decay
  readonly bp: Svf
  readonly hp: Svf
  readonly out32: Float32Array
}

/** out = HPF(BPF(metal))·e·gain. @example hatBlock(v, 128) */
export const hatBlock = (v: HatViews, n: number): void => {
  const { x, e, out32 } = v
  const gain = v.g[2]!
  v.g[0] = v.g[0]! + n
  svfBlock(v.bp, x, n)
  svfBlock(v.hp, x, n)
  decayBlock(v.amp, e, n)
  for (let i = 0; i < n; i++) out32[i] = x[i]! * e[i]! * gain
}

/** Buffers and records of the cowbell: g = [c, seed (unused), gain], `sq` = [f₁/sr, f₂/sr, N₁, N₂], tables of its two squares (N points each). */
export interface CowbellViews extends Scalars {
  readonly x: Float64Array
  readonly es: Float64Array
  readonly el: Float64Array
  /** the 15 ms and the long decay */
  readonly decays: readonly [Decay, Decay]
  readonly bp: Svf
  readonly sq: Float64Array
  readonly tables: readonly [Float64Array, Float64Array]
  readonly out32: Float32Array
}

/** out = BPF(½S₁ + ½S₂)·(0.6·e_short + 0.4·e_long)·gain, S at phase c·f/sr. @example cowbellBlock(v, 128) */
export const cowbellBlock = (v: CowbellViews, n: number): void => {
  const { x, es, el, sq, out32 } = v
  const ta = v.tables[0]
  const tb = v.tables[1]
  const gain = v.g[2]!
  let c = v.g[0]!
  const fa = sq[0]!
  const fb = sq[1]!
  const na = sq[2]!
  const nb = sq[3]!
  for (let i = 0; i < n; i++) {
    x[i] = 0.5 * squareAt(ta, c * fa, na) + 0.5 * squareAt(tb, c * fb, nb)
    c += 1
  }
  v.g[0] = c
  svfBlock(v.bp, x, n)
  decayBlock(v.decays[0], es, n)
  decayBlock(v.decays[1], el, n)
  for (let i = 0; i < n; i++) out32[i] = x[i]! * (0.6 * es[i]! + 0.4 * el[i]!) * gain
}
