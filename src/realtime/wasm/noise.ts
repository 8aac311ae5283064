/**
 * The filtered-noise voice's time-varying FIR in direct form on the wasm SIMD
 * kernel `noise.wat`:
 *   y[t] = Σ_{j<L} h_{⌊v/H⌋}[j]·noise[v],  v = t + c − j ≥ 0
 * (Oppenheim & Schafer, "Discrete-Time Signal Processing", eq. 2.49, with the
 * taps of segment k = ⌊v/H⌋ — the noise cut in hops of H — as in the voice's
 * doc). Each segment's taps are copied into a slot of a ring (zero-padded by 8
 * on both sides, for the kernel's groups of 8 outputs) when
 * the segment becomes due, i.e. when the first output with u = t + c ≥ kH is
 * rendered (the same moment, so the same frame, as the FFT path convolves it);
 * the noise is kept in a linear buffer, shifted down when it fills. A block is
 * rendered in chunks of at most `CHUNK` samples; per chunk the kernel gets a
 * table of the slots of the segments its windows touch (the kernel renders
 * whole groups of 8; past the chunk's end they read zero taps and are dropped).
 * The noise values (`uniform`, bit for bit with core/random) and each frame's
 * band gains (`expsig`, exp-sigmoid by the kernel's own exp/log) run there too,
 * and, when 2(M − 1) is a power of 2, the frame's zero-phase impulse (`fft.wat`).
 *
 * @example
 * const fir = directFir({ bands: 65, taps: 128, hop: 192, lookahead: 64, seed: 0 })
 * if (fir !== undefined) fir.process(out, (k, into) => into.set(tapsOf(k)))
 */
import { type ExpSig, expsigCall, expsigRegions } from './expsig.js'
import { fftCalls, fftFits, fftRegions, type FftExports } from './fft.js'
import { arena, instantiate, type KernelChoice } from './kernel.js'

/** Samples per kernel call at most (a block is cut into chunks of this size). */
const CHUNK = 256
/** Noise values kept beyond one chunk's windows before the buffer is shifted down. */
const SLACK = 2048
/** Largest tap memory (bytes) the direct form may take; beyond it (tiny hops, long filters) the voice keeps its FFT path. */
const MAX_TAP_BYTES = 1 << 22

/** Geometry of the direct FIR: L taps, hop H, crop offset c, noise seed, and M bands for `gains`. */
export interface DirectFirOptions {
  readonly bands: number
  readonly taps: number
  readonly hop: number
  readonly lookahead: number
  readonly seed: number
}

/** The streaming direct FIR; `fill(k, into)` writes segment k's taps hₖ[0 … L) (zeros for a silent segment). */
export interface DirectFir {
  /** Renders the next out.length samples; each segment's taps are asked for once, when it becomes due. */
  readonly process: (out: Float32Array, fill: (k: number, into: Float64Array) => void) => void
  /** A frame's band gains expSigmoid(raw + bias) [M], by the kernel's `expsig` (within 1e-14 relative); the view is reused. */
  readonly gains: (raw: ArrayLike<number>, bias: number) => Float64Array
  /**
   * When 2(M − 1) is a length `fft.wat` handles: the zero-phase impulse h₀ = irfft(gains(raw, bias)) of length
   * 2(M − 1), by the kernel's FFT in the same memory (as `realFft`'s inverseSplit, to ≈1e-15); the view is reused.
   */
  readonly impulse?: (raw: ArrayLike<number>, bias: number) => Float64Array
}

type Fir = (out: number, n: number, x: number, ptrs: number, r0: number, hop: number, len: number) => void
type Draw = (dst: number, n: number, rec: number) => void

/** The kernel's draw record: the next noise counter (f64) and the seed (f64 holding an int32), read and advanced by `draw`. */
export interface DrawRecord {
  readonly at: number
  readonly counter: Float64Array
}

/**
 * Lays out a draw record at byte offset `at` (16 bytes) for `seed` (as `uniformAt` takes it: its int32 value, stored as f64).
 * @param memory the kernel memory  @param at byte offset  @param seed noise stream
 * @example const rec = drawRecord(k.memory, a.at.rec, 0); rec.counter[0] = 1e9; k.exports.draw(at.x, 128, rec.at)
 */
export const drawRecord = (memory: WebAssembly.Memory, at: number, seed: number): DrawRecord => {
  new Float64Array(memory.buffer, at + 8, 1)[0] = seed | 0
  return { at, counter: new Float64Array(memory.buffer, at, 1) }
}

/**
 * The direct-form FIR on wasm SIMD, or undefined without SIMD, when `choice` is 'js', or when its tap ring
 * would exceed 4 MiB (segments per chunk window × taps).
 * @param o taps L, hop H (samples per segment), look-ahead c = ⌊L/2⌋, noise seed  @param choice 'wasm' (default) or 'js'
 * @example directFir({ bands: 65, taps: 128, hop: 192, lookahead: 64, seed: 0 })
 */
export const directFir = (o: DirectFirOptions, choice: KernelChoice = 'wasm'): DirectFir | undefined => {
  const { taps: len, hop, lookahead: c, seed } = o
  const slots = Math.floor((CHUNK + len + 5) / hop) + 2 // segments one chunk's windows touch (groups rounded up to 8), at most
  const stride = 2 * Math.ceil((len + 16) / 2) // doubles per slot: 8 zeros, L taps, 8 zeros, 16-byte aligned
  if (choice === 'js' || 8 * stride * (slots + 1) > MAX_TAP_BYTES) return undefined
  const X = CHUNK + 8 + len + SLACK
  const half = o.bands - 1 // the impulse's FFT: n = 2(M − 1) = 2·half
  const spectral = fftFits(2 * half)
  const regions = { out: 4 * (CHUNK + 8), ptrs: 4 * slots, x: 8 * X, taps: 8 * stride * (slots + 1), rec: 16, ...expsigRegions(o.bands) }
  const withFft = { ...regions, ...fftRegions(half), zeroIm: 8 * (half + 1), h0: 8 * 2 * half }
  const a = arena<keyof typeof withFft>(spectral ? withFft : (regions as typeof withFft)) // the FFT's regions only when spectral
  const k = instantiate<{ fir: Fir; draw: Draw; expsig: ExpSig } & FftExports>(spectral ? ['noise', 'expsig', 'fft'] : ['noise', 'expsig'], a.pages)
  if (k === undefined) return undefined
  const { at } = a
  const out32 = new Float32Array(k.memory.buffer, at.out, CHUNK)
  const ptrs = new Int32Array(k.memory.buffer, at.ptrs, slots)
  const x = new Float64Array(k.memory.buffer, at.x, X)
  const gains = expsigCall(k, at, o.bands)
  const impulse = spectral ? impulseCall(k, at, half, gains) : undefined
  const rec = drawRecord(k.memory, at.rec, seed)
  const tapsAt = (s: number) => at.taps + 8 * stride * s + 64 // hₖ[0] of slot s
  const slot = Array.from({ length: slots }, (_, s) => new Float64Array(k.memory.buffer, tapsAt(s), len))
  const zeroSlot = tapsAt(slots) // never written: segments before v = 0 or past the chunk
  const st = new Float64Array(3) // next output t, segments due so far, absolute v of x[0] (the next noise value to draw is rec's counter)
  st[2] = -len // x[0 … len) stay 0: the windows of the first outputs reach back to v = c − L + 1 > −L
  const chunk = (m: number, fill: (k: number, into: Float64Array) => void): void => {
    const u0 = st[0]! + c
    const w0 = u0 - len + 1 // first window start
    const m8 = Math.ceil(m / 8) * 8 // the kernel's outputs: x up to v = u0 + m8 − 1
    const kLast = Math.floor((u0 + m - 1) / hop)
    for (let s = st[1]!; s <= kLast; s++) fill(s, slot[s % slots]!) // due: the first output with u ≥ kH is in this chunk
    st[1] = Math.max(st[1]!, kLast + 1)
    let base = st[2]!
    const next = rec.counter[0]!
    if (u0 + m8 - base > X) {
      x.copyWithin(0, w0 - base, next - base) // keep the values the windows still reach
      base = st[2] = w0
    }
    if (next < u0 + m8) k.exports.draw(at.x + 8 * (next - base), u0 + m8 - next, rec.at) // advances the counter to u0 + m8
    const kFirst = Math.floor(w0 / hop)
    const kEnd = Math.floor((u0 + m8 - 1) / hop)
    for (let s = kFirst; s <= kEnd; s++) ptrs[s - kFirst] = s < 0 || s > kLast ? zeroSlot : tapsAt(s % slots)
    k.exports.fir(at.out, m, at.x + 8 * (w0 - base), at.ptrs, w0 - kFirst * hop, hop, len)
    st[0] = st[0]! + m
  }
  const process = (out: Float32Array, fill: (k: number, into: Float64Array) => void): void => {
    for (let i = 0; i < out.length; i += CHUNK) {
      const m = Math.min(CHUNK, out.length - i)
      chunk(m, fill)
      for (let j = 0; j < m; j++) out[i + j] = out32[j]! // (a subarray view would allocate)
    }
  }
  return { process, gains, ...(impulse === undefined ? {} : { impulse }) }
}

/** h₀ = irfft(gains), the gains left in expsig's output region read in place as the real parts (imaginary parts 0). */
const impulseCall = (
  k: { readonly memory: WebAssembly.Memory; readonly exports: FftExports },
  at: Readonly<Record<keyof ReturnType<typeof fftRegions> | 'expsigOut' | 'zeroIm' | 'h0', number>>,
  half: number,
  gains: (raw: ArrayLike<number>, bias: number) => Float64Array,
): ((raw: ArrayLike<number>, bias: number) => Float64Array) => {
  const { inverse } = fftCalls(k, at, half)
  const h0 = new Float64Array(k.memory.buffer, at.h0, 2 * half)
  return (raw, bias) => {
    gains(raw, bias)
    inverse(at.expsigOut, at.zeroIm, at.h0)
    return h0
  }
}
