/**
 * The memory of a real-time 808 voice (`voice-808.ts`): named regions (block
 * buffers, state records, the scalars g = [samples since the trigger, noise
 * seed, gains…], the float32 output) laid out once by `arena`, in a wasm
 * memory with the drum kernels (`drums/*.wat`, which import noise.wat's
 * `uniform`) when asked for and available, else in a plain buffer of the same
 * layout for the TypeScript blocks (`drum-blocks.ts`).
 *
 * @example
 * const mem = voiceMemory({ x: BLOCK_BYTES, g: 32, out32: OUT_BYTES }, 'wasm')
 * const g = scalarsOf(mem.f64('g', 3), 0)
 */
import { type Decay, DECAY_WORDS, MAX_BLOCK } from './drum-kernels.js'
import { arena, instantiate, type KernelChoice } from './wasm/kernel.js'

/** Bytes of a block buffer: MAX_BLOCK samples, and room for the wasm kernels' step (4 values). @example voiceMemory({ x: BLOCK_BYTES, out32: OUT_BYTES }, 'js') */
export const BLOCK_BYTES = 8 * (MAX_BLOCK + 4)
/** Bytes of the float32 output region. */
export const OUT_BYTES = 4 * (MAX_BLOCK + 4)
/** Bytes of a decay record. */
export const DECAY_BYTES = 8 * DECAY_WORDS

/** The wasm voice functions (`drums/*.wat`; those with noise draw it with noise.wat's `draw`). */
export interface DrumExports {
  readonly kick: (...a: number[]) => void
  readonly snare: (...a: number[]) => void
  readonly clap: (...a: number[]) => void
  readonly hat: (...a: number[]) => void
  readonly cowbell: (...a: number[]) => void
}

/**
 * A voice's memory: named regions (bytes) laid out by `arena`, in a wasm memory with the drum kernels when
 * `kernels` is 'wasm' and the platform has SIMD, else in a plain buffer of the same layout.
 * @param sizes bytes per region (with the float32 output `out32`)  @param kernels 'wasm' or 'js'
 * @example const mem = voiceMemory({ noise: BLOCK_BYTES, g: 32, out32: OUT_BYTES }, 'js'); mem.k // undefined
 */
export const voiceMemory = <K extends string>(sizes: Readonly<Record<K | 'out32', number>>, kernels: KernelChoice) => {
  const a = arena(sizes)
  const k = kernels === 'wasm' ? instantiate<DrumExports>(['noise', 'drums'], a.pages) : undefined
  const buffer = k?.memory.buffer ?? new ArrayBuffer(a.pages * 65536)
  const f64 = (name: K, words = sizes[name] / 8) => new Float64Array(buffer, a.at[name], words)
  /** The `i`th record of `words` f64 in region `name`. */
  const record = (name: K, i: number, words: number) => new Float64Array(buffer, a.at[name] + 8 * words * i, words)
  const out32 = new Float32Array(buffer, a.at.out32, MAX_BLOCK + 4)
  let last = out32.subarray(0, 0)
  /** Copies the block's output to `out` (the view of its first out.length samples is made when that length changes). */
  const copyOut = (out: Float32Array): void => {
    if (last.length !== out.length) last = out32.subarray(0, out.length)
    out.set(last)
  }
  const regions = () => (Object.keys(sizes) as K[]).map((name) => [name, f64(name)] as const)
  return { at: a.at, k: k?.exports, f64, record, out32, copyOut, regions }
}

/** `count` decay records in region `name`. @example const [a, b] = decaysOf(mem, 'decays', 2) */
export const decaysOf = <K extends string>(mem: { record: (name: K, i: number, words: number) => Float64Array }, name: K, count: number): Decay[] =>
  Array.from({ length: count }, (_, i) => mem.record(name, i, DECAY_WORDS))

/**
 * The voice's scalars in its memory: [samples since the trigger (−1 before the first), noise seed, gains…].
 * @example const g = scalarsOf(mem.f64('g'), 36)
 */
export const scalarsOf = (g: Float64Array, seed: number): Float64Array => {
  g[0] = -1
  g[1] = seed
  return g
}

/** Writes silence and returns true while the voice has not been triggered. @example if (silent(g, out)) return */
export const silent = (g: Float64Array, out: Float32Array): boolean => {
  if (g[0]! >= 0) return false
  out.fill(0)
  return true
}

