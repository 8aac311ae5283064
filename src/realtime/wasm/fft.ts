/**
 * The real FFT of `fft.wat` (length n = 2m, m ≥ 4 a power of 2): its tables,
 * laid out in a kernel memory by `fftRegions` and filled by `fftCalls`,
 * and `wasmRealFft(n)`, a standalone plan with its own memory (for tests and
 * one-off use). Same contract as `realFft` in `src/host/fft.ts`
 * (split spectra, bins 0…m; the inverse is NumPy's irfft).
 *
 * @example
 * const f = wasmRealFft(256)
 * if (f !== undefined) { f.x.set(frame); f.forward(); f.inverse() } // f.re/f.im = rfft(frame), f.out = frame
 */
import { bitReversal, isPow2 } from '../../host/fft.js'
import { arena, instantiate, type KernelChoice } from './kernel.js'

/** The kernel's entry points (byte offsets into its memory). */
export interface FftExports {
  readonly rfft: (x: number, re: number, im: number, m: number, rev: number, zr: number, zi: number, twr: number, twi: number, tw4: number, wr: number, wi: number) => void
  readonly irfft: (re: number, im: number, out: number, m: number, rev: number, zr: number, zi: number, twr: number, twi: number, tw4: number, wr: number, wi: number) => void
}

/** Whether `fft.wat` handles length n: a power of 2 with n ≥ 8. @example fftFits(256) // true */
export const fftFits = (n: number): boolean => n >= 8 && isPow2(n)

/**
 * The half-lengths h of the complex FFT's radix-4 steps (each does the radix-2 stages h and 2h): from h = 4, or from
 * h = 8 after one radix-2 stage when the count of stages h = 4 … m/2 is odd, while 4h ≤ m (as `fft.wat` runs them).
 * @example radix4Stages(2048) // [8, 32, 128, 512] (h = 4 alone in radix 2)
 */
const radix4Stages = (m: number): number[] => {
  const out: number[] = []
  for (let h = Math.log2(m) % 2 === 1 ? 8 : 4; 4 * h <= m; h *= 4) out.push(h)
  return out
}

/**
 * Byte sizes of the FFT's regions for n = 2m (for `arena`): bit reversal, work arrays, stage and split twiddles.
 * @param m half the real length
 * @example arena({ ...fftRegions(128), x: 2048 })
 */
export const fftRegions = (m: number) => {
  // zr and zi padded by a few cache lines: at 4 KiB apart their radix-4 streams (four each, h·8 bytes apart) would all
  // fall in one 8-way L1 set (measured ~25 % slower at n = 4096)
  const tw4 = 8 * 6 * radix4Stages(m).reduce((a, h) => a + h, 0) // t, t², t³ (re, im) per j
  return {
    fftRev: 4 * m, fftZr: 8 * m + 320, fftZi: 8 * m + 192, fftTwr: 8 * 4, fftTwiF: 8 * 4, fftTwiI: 8 * 4, fftTw4F: tw4, fftTw4I: tw4,
    fftWr: 8 * (m + 1), fftWi: 8 * (m + 1),
  }
}

type FftAt = Readonly<Record<keyof ReturnType<typeof fftRegions>, number>>

/**
 * Fills the tables (for `fftCalls`): rev = bit reversal of log2 m bits; the radix-2 stage h = 4's twiddles e^{∓iπj/4}; per radix-4
 * step h and pair j, j+1: t, t², t³ with t = e^{∓iπj/2h}, each as [re j, re j+1, im j, im j+1]; split twiddles e^{−2πik/n}.
 * @param memory the kernel memory  @param at region offsets (from `arena`)  @param m half the real length
 */
const fillFftTables = (memory: WebAssembly.Memory, at: FftAt, m: number): void => {
  new Uint32Array(memory.buffer, at.fftRev, m).set(bitReversal(m))
  // the one radix-2 stage (h = 4, run when the stage count is odd): e^{∓iπj/4}, j < 4
  const twr = new Float64Array(memory.buffer, at.fftTwr, 4), twf = new Float64Array(memory.buffer, at.fftTwiF, 4), twi = new Float64Array(memory.buffer, at.fftTwiI, 4)
  for (let j = 0; j < 4; j++) {
    twr[j] = Math.cos((Math.PI * j) / 4)
    twf[j] = -Math.sin((Math.PI * j) / 4)
    twi[j] = Math.sin((Math.PI * j) / 4)
  }
  const stages = radix4Stages(m)
  const size = 6 * stages.reduce((a, h) => a + h, 0)
  for (const [at4, sign] of [[at.fftTw4F, -1], [at.fftTw4I, 1]] as const) {
    const tw = new Float64Array(memory.buffer, at4, size)
    let o = 0
    for (const h of stages) {
      for (let j = 0; j < h; j += 2, o += 12) {
        for (let q = 1; q <= 3; q++) {
          for (let l = 0; l < 2; l++) {
            const angle = (Math.PI * q * (j + l)) / (2 * h)
            tw[o + 4 * (q - 1) + l] = Math.cos(angle)
            tw[o + 4 * (q - 1) + 2 + l] = sign * Math.sin(angle)
          }
        }
      }
    }
  }
  const wr = new Float64Array(memory.buffer, at.fftWr, m + 1), wi = new Float64Array(memory.buffer, at.fftWi, m + 1)
  for (let k = 0; k <= m; k++) {
    wr[k] = Math.cos((2 * Math.PI * k) / (2 * m))
    wi[k] = -Math.sin((2 * Math.PI * k) / (2 * m))
  }
}

/**
 * Fills the FFT's tables in a kernel's memory and returns the forward and inverse transforms bound to its regions.
 * @param k the instance (its memory and the `fft` exports)  @param at region offsets  @param m half the real length
 * @example const t = fftCalls(k, a.at, 128); t.forward(a.at.x, a.at.re, a.at.im)
 */
export const fftCalls = (k: { readonly memory: WebAssembly.Memory; readonly exports: FftExports }, at: FftAt, m: number) => {
  fillFftTables(k.memory, at, m)
  const e = k.exports
  return {
    /** rfft of the f64 row at byte offset x into split re, im (bins 0…m). */
    forward: (x: number, re: number, im: number): void => e.rfft(x, re, im, m, at.fftRev, at.fftZr, at.fftZi, at.fftTwr, at.fftTwiF, at.fftTw4F, at.fftWr, at.fftWi),
    /** irfft of split re, im into the f64 row at byte offset out. */
    inverse: (re: number, im: number, out: number): void => e.irfft(re, im, out, m, at.fftRev, at.fftZr, at.fftZi, at.fftTwr, at.fftTwiI, at.fftTw4I, at.fftWr, at.fftWi),
  }
}

/** A standalone wasm real FFT: views `x` (n), `re`/`im` (m + 1), `out` (n). */
export interface WasmRealFft {
  readonly x: Float64Array
  readonly re: Float64Array
  readonly im: Float64Array
  readonly out: Float64Array
  /** re, im ← rfft(x). */
  readonly forward: () => void
  /** out ← irfft(re, im). */
  readonly inverse: () => void
}

/**
 * A wasm real FFT of length n with its own memory, or undefined without SIMD, for other n, or when `choice` is 'js'.
 * @param n real length (a power of 2 ≥ 8)  @param choice 'wasm' (default) or 'js'
 * @example wasmRealFft(4096)
 */
export const wasmRealFft = (n: number, choice: KernelChoice = 'wasm'): WasmRealFft | undefined => {
  if (choice === 'js' || !fftFits(n)) return undefined
  const m = n / 2
  const a = arena({ ...fftRegions(m), x: 8 * n, re: 8 * (m + 1), im: 8 * (m + 1), out: 8 * n })
  const k = instantiate<FftExports>(['fft'], a.pages)
  if (k === undefined) return undefined
  const calls = fftCalls(k, a.at, m)
  const view = (o: number, len: number) => new Float64Array(k.memory.buffer, o, len)
  const { at } = a
  return {
    x: view(at.x, n), re: view(at.re, m + 1), im: view(at.im, m + 1), out: view(at.out, n),
    forward: () => calls.forward(at.x, at.re, at.im),
    inverse: () => calls.inverse(at.re, at.im, at.out),
  }
}
