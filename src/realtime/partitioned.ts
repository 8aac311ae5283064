/**
 * Uniformly partitioned FFT convolution (overlap-save with a frequency-domain
 * delay line), for long impulse responses at small blocks with no latency:
 * the IR is cut into P partitions of B samples, each transformed once with a
 * real FFT of N = 2B (one complex FFT of B: `host/fft.ts`, or `wasm/fft.wat`); per block the last 2B inputs are transformed and
 *   Y = Σ_{p<P} H_p · X_{b−p},   y_block = last B samples of IFFT(Y)
 * i.e. y[t] = Σₘ h[m]·x[t − m] exactly (up to rounding). Spectra are stored
 * bin-major (all partitions of a bin adjacent; bin-pair major on the wasm path)
 * so the sum over p runs with its accumulators in registers. All buffers are allocated at construction;
 * `process` allocates nothing.
 * Ref: Wefers, "Partitioned convolution algorithms for real-time auralization"
 * (2015), §4 (uniformly partitioned overlap-save, FDL); Gardner, JAES 43(3) 1995.
 *
 * @example
 * const conv = partitionedConvolver(ir, 128)
 * conv.process(input128, output128) // output = (ir ∗ input) for this block
 */
import { realFft, type RealFft } from '../host/fft.js'
import { macBank, type MacBank } from './wasm/convolve.js'
import type { KernelChoice } from './wasm/kernel.js'

/** A block convolver. */
export interface Convolver {
  /** Samples per `process` call. */
  readonly block: number
  /** Convolves the next `block` inputs; writes `block` outputs (overwrites `y`). */
  readonly process: (x: Float32Array, y: Float32Array) => void
}

/** Writes partition p of the IR, h[pB, pB + B), into buf[0, B) and zeros after it (the FFT input of 2B). */
const loadPartition = (buf: Float64Array, ir: Float32Array, p: number, block: number): void => {
  buf.fill(0)
  for (let j = 0; j < block && p * block + j < ir.length; j++) buf[j] = ir[p * block + j]!
}

/** Spectra of the IR partitions (each zero-padded to 2B), laid out bin-major: bin k of partition p at 2·(k·P + p) (re, im). */
const irSpectra = (ir: Float32Array, block: number, parts: number, plan: RealFft): Float64Array => {
  const bins = block + 1
  const buf = new Float64Array(2 * block)
  const spec = new Float64Array(2 * bins)
  const h = new Float64Array(2 * parts * bins)
  for (let p = 0; p < parts; p++) {
    loadPartition(buf, ir, p, block)
    plan.forward(buf, 0, spec, 0)
    for (let k = 0; k < bins; k++) {
      h[2 * (k * parts + p)] = spec[2 * k]!
      h[2 * (k * parts + p) + 1] = spec[2 * k + 1]!
    }
  }
  return h
}

/**
 * acc[k] = Σ_{p<P} H_p[k]·X_{b−p}[k] for every bin: h is bin-major [bins][P], x bin-major [bins][2P] with the
 * spectrum of p blocks ago in slot head + p (each spectrum is stored twice, at s and s + P, so no wrap-around).
 * Bins outer, partitions inner: the sums stay in registers, in two chains (even, odd p) to halve add latency.
 */
const multiplyAdd = (h: Float64Array, x: Float64Array, parts: number, head: number, bins: number, acc: Float64Array): void => {
  const hw = 2 * parts, pairs = hw & ~3
  for (let k = 0, ho = 0, xo = 2 * head; k < bins; k++, ho += hw, xo += 2 * hw) {
    let sr = 0, si = 0, tr = 0, ti = 0
    let j = 0
    for (; j < pairs; j += 4) {
      const ar = x[xo + j]!, ai = x[xo + j + 1]!, br = h[ho + j]!, bi = h[ho + j + 1]!
      const cr = x[xo + j + 2]!, ci = x[xo + j + 3]!, dr = h[ho + j + 2]!, di = h[ho + j + 3]!
      sr += ar * br - ai * bi
      si += ar * bi + ai * br
      tr += cr * dr - ci * di
      ti += cr * di + ci * dr
    }
    if (j < hw) {
      const ar = x[xo + j]!, ai = x[xo + j + 1]!, br = h[ho + j]!, bi = h[ho + j + 1]!
      sr += ar * br - ai * bi
      si += ar * bi + ai * br
    }
    acc[2 * k] = sr + tr
    acc[2 * k + 1] = si + ti
  }
}

/** Stores the new spectrum (interleaved) in FDL slots `head` and `head + P` of every bin. */
const pushSpectrum = (spec: Float64Array, x: Float64Array, parts: number, head: number, bins: number): void => {
  for (let k = 0, o = 2 * head; k < bins; k++, o += 4 * parts) {
    const r = spec[2 * k]!, i = spec[2 * k + 1]!
    x[o] = r; x[o + 1] = i
    x[o + 2 * parts] = r; x[o + 2 * parts + 1] = i
  }
}

/** The per-block spectral step on its rows: input spectrum of `buf` → FDL slot `head` → Σ_p H_p·X_{b−p} → IFFT into `out`. */
interface SpectralStep {
  readonly buf: Float64Array
  readonly out: Float64Array
  readonly run: (head: number) => void
}

/** The TypeScript step (the reference semantics, and the fallback without wasm SIMD). */
const jsStep = (ir: Float32Array, block: number, parts: number, plan: RealFft): SpectralStep => {
  const bins = block + 1
  const h = irSpectra(ir, block, parts, plan)
  // frequency-domain delay line of input spectra, a ring of P slots stored twice ([bins][2P])
  const fdl = new Float64Array(4 * parts * bins)
  const spec = new Float64Array(2 * bins)
  const acc = new Float64Array(2 * bins)
  const buf = new Float64Array(2 * block), out = new Float64Array(2 * block)
  return {
    buf, out,
    run: (head) => {
      plan.forward(buf, 0, spec, 0)
      pushSpectrum(spec, fdl, parts, head, bins)
      multiplyAdd(h, fdl, parts, head, bins, acc)
      plan.inverse(acc, 0, out, 0)
    },
  }
}

/** The step on the wasm SIMD kernels (`wasm/convolve.ts`): FFTs and multiply-add, spectra split in its memory. */
const wasmStep = (ir: Float32Array, block: number, parts: number, bank: MacBank): SpectralStep => {
  const buf = bank.buf
  for (let p = 0; p < parts; p++) {
    loadPartition(buf, ir, p, block)
    bank.forward()
    bank.setH(p, bank.re, bank.im)
  }
  buf.fill(0)
  bank.re.fill(0)
  bank.im.fill(0)
  const run = (head: number) => {
    bank.forward()
    bank.push(head)
    bank.mac(head)
    bank.inverse()
  }
  return { buf, out: bank.out, run }
}

/**
 * One uniformly partitioned stage on float64 rows: `buf` holds [previous B | next B] inputs (write the next B at
 * `buf[B …]`), and `step()` transforms it, leaves y = (h ∗ x) for those B inputs in `out[B … 2B)` and shifts
 * the inputs down (so `out` stays valid until the next `step`).
 */
interface Stage {
  readonly buf: Float64Array
  readonly out: Float64Array
  readonly step: () => void
}

/**
 * Builds a stage: h split into ⌈L/B⌉ partitions of B on the wasm kernels where available (2B an `fft.wat` length),
 * else in TypeScript.
 */
const stage = (ir: Float32Array, block: number, kernels: KernelChoice): Stage => {
  const parts = Math.max(1, Math.ceil(ir.length / block))
  const bank = macBank(parts, block, kernels)
  const { buf, out, run } = bank === undefined ? jsStep(ir, block, parts, realFft(2 * block)) : wasmStep(ir, block, parts, bank)
  const ring = new Int32Array(1) // the FDL head (typed, so writes do not allocate)
  const step = (): void => {
    const head = ring[0] === 0 ? parts - 1 : ring[0]! - 1
    ring[0] = head
    run(head)
    buf.copyWithin(0, block) // buf = [this block | (next block)]
  }
  return { buf, out, step }
}

/**
 * Builds a uniformly partitioned convolver.
 * @param ir impulse response h[m], any length ≥ 1  @param block B samples per call (a power of 2)
 * @param kernels 'wasm' (default: the SIMD multiply-add where the platform has it) or 'js' (TypeScript only)
 * @example partitionedConvolver(new Float32Array(48000), 128)
 */
export const partitionedConvolver = (ir: Float32Array, block: number, kernels: KernelChoice = 'wasm'): Convolver => {
  const s = stage(ir, block, kernels)
  const y64 = s.out.subarray(block, 2 * block) // a view made once: `set` converts to float32 natively, no per-sample loop
  const process = (x: Float32Array, y: Float32Array): void => {
    s.buf.set(x, block)
    s.step()
    y.set(y64)
  }
  return { block, process }
}

/**
 * A multi-stage convolver: stage 0 is uniformly partitioned at `block` over
 * h[0, S₁); stage j ≥ 1 is uniformly partitioned at Sⱼ over h[Sⱼ, Sⱼ₊₁) (the
 * last to the IR's end), fed whole input chunks of Sⱼ samples, and its output
 * is played during the next chunk — on time, since its IR segment starts Sⱼ
 * samples in. Same result as one uniform convolver (no added latency), with
 * O(Σⱼ Pⱼ) instead of O(L/B) spectral products per sample (Gardner 1995's
 * non-uniform scheme with uniform stages). A stage's FFT runs in the block
 * that completes its chunk (a CPU peak every Sⱼ samples, not spread).
 * Inputs go straight into each stage's float64 row and outputs are summed in
 * float64 from the stages' rows (one rounding to float32 per sample).
 * Default layout [2048]: per sample a stage costs one FFT pair of 2Sⱼ per Sⱼ
 * samples (~8.5 ns at Sⱼ = 128, ~12 ns at 2048 here with the wasm FFT) plus Pⱼ complex multiply-adds; for a 1 s
 * IR at 48 kHz and blocks of 128, 128/2048 (16 + 23 partitions) measured as fast as 128/4096 and faster than
 * 128/1024/8192 or 128/2048/16384 (the larger stages' FFTs cost more than the multiply-adds they save).
 * @param ir h[m]  @param block samples per call  @param stages chunk sizes S₁ < S₂ < …, multiples of `block` ([] = uniform)
 * @param kernels 'wasm' (default) or 'js', for every stage (see `partitionedConvolver`)
 * @example stagedConvolver(ir48000, 128, [2048])
 */
export const stagedConvolver = (ir: Float32Array, block: number, stages: readonly number[] = [2048], kernels: KernelChoice = 'wasm'): Convolver => {
  const cuts = [0, ...stages.filter((s) => s < ir.length), ir.length]
  const head = stage(ir.subarray(0, Math.max(1, cuts[1]!)), block, kernels)
  const headY = head.out.subarray(block, 2 * block)
  const tails = cuts.slice(1, -1).map((s, j) => ({ size: s, st: stage(ir.subarray(s, cuts[j + 2]!), s, kernels), pos: 0 }))
  const acc = new Float64Array(block) // Σ over stages of this block's outputs
  const process = (x: Float32Array, y: Float32Array): void => {
    head.buf.set(x, block)
    head.step()
    acc.set(headY)
    for (let s = 0; s < tails.length; s++) {
      const t = tails[s]!
      const out = t.st.out, o = t.size + t.pos
      for (let j = 0; j < block; j++) acc[j] = acc[j]! + out[o + j]! // the output computed from the previous chunk
      t.st.buf.set(x, o)
      t.pos += block
      if (t.pos === t.size) {
        t.st.step()
        t.pos = 0
      }
    }
    y.set(acc)
  }
  return { block, process }
}
