/**
 * Uniformly partitioned FFT convolution (overlap-save with a frequency-domain
 * delay line), for long impulse responses at small blocks with no latency:
 * the IR is cut into P partitions of B samples, each transformed once with a
 * real FFT of N = 2B (one complex FFT of B, `fft.ts`); per block the last 2B inputs are transformed and
 *   Y = Σ_{p<P} H_p · X_{b−p},   y_block = last B samples of IFFT(Y)
 * i.e. y[t] = Σₘ h[m]·x[t − m] exactly (up to rounding). All buffers are
 * allocated at construction; `process` allocates nothing.
 * Ref: Wefers, "Partitioned convolution algorithms for real-time auralization"
 * (2015), §4 (uniformly partitioned overlap-save, FDL); Gardner, JAES 43(3) 1995.
 *
 * @example
 * const conv = partitionedConvolver(ir, 128)
 * conv.process(input128, output128) // output = (ir ∗ input) for this block
 */
import { realFft, type RealFft } from '../backends/host/fft.js'

/** A block convolver. */
export interface Convolver {
  /** Samples per `process` call. */
  readonly block: number
  /** Convolves the next `block` inputs; writes `block` outputs (overwrites `y`). */
  readonly process: (x: Float32Array, y: Float32Array) => void
}

/** Spectra of the IR partitions (each zero-padded to 2B), bins 0…B, laid out [P][bins]. */
const irSpectra = (ir: Float32Array, block: number, parts: number, plan: RealFft) => {
  const bins = block + 1
  const buf = new Float64Array(2 * block)
  const re = new Float64Array(bins)
  const im = new Float64Array(bins)
  const hr = new Float64Array(parts * bins)
  const hi = new Float64Array(parts * bins)
  for (let p = 0; p < parts; p++) {
    buf.fill(0)
    for (let j = 0; j < block && p * block + j < ir.length; j++) buf[j] = ir[p * block + j]!
    plan.forwardSplit(buf, 0, re, im)
    hr.set(re, p * bins)
    hi.set(im, p * bins)
  }
  return { hr, hi }
}

/**
 * Builds a uniformly partitioned convolver.
 * @param ir impulse response h[m], any length ≥ 1  @param block B samples per call (a power of 2)
 * @example partitionedConvolver(new Float32Array(48000), 128)
 */
export const partitionedConvolver = (ir: Float32Array, block: number): Convolver => {
  const n = 2 * block
  const bins = block + 1
  const parts = Math.max(1, Math.ceil(ir.length / block))
  const plan = realFft(n)
  const buf = new Float64Array(n)
  const re = new Float64Array(bins)
  const im = new Float64Array(bins)
  const { hr, hi } = irSpectra(ir, block, parts, plan)
  // frequency-domain delay line of input spectra, a ring of P slots
  const xr = new Float64Array(parts * bins)
  const xi = new Float64Array(parts * bins)
  const accR = new Float64Array(bins)
  const accI = new Float64Array(bins)
  const ring = new Int32Array(1) // the FDL head (typed, so writes do not allocate)
  const process = (x: Float32Array, y: Float32Array): void => {
    // buf = [previous block | this block]
    for (let j = 0; j < block; j++) {
      buf[j] = buf[block + j]!
      buf[block + j] = x[j]!
    }
    plan.forwardSplit(buf, 0, re, im)
    const head = ring[0] === 0 ? parts - 1 : ring[0]! - 1
    ring[0] = head
    for (let k = 0; k < bins; k++) {
      xr[head * bins + k] = re[k]!
      xi[head * bins + k] = im[k]!
    }
    accR.fill(0)
    accI.fill(0)
    for (let p = 0; p < parts; p++) {
      const q = head + p
      const xo = (q >= parts ? q - parts : q) * bins
      const ho = p * bins
      for (let k = 0; k < bins; k++) {
        const ar = xr[xo + k]!
        const ai = xi[xo + k]!
        const br = hr[ho + k]!
        const bi = hi[ho + k]!
        accR[k] = accR[k]! + (ar * br - ai * bi)
        accI[k] = accI[k]! + (ar * bi + ai * br)
      }
    }
    plan.inverseSplit(accR, accI, out, 0)
    for (let j = 0; j < block; j++) y[j] = out[block + j]!
  }
  const out = new Float64Array(n)
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
 * @param ir h[m]  @param block samples per call  @param stages chunk sizes S₁ < S₂ < …, multiples of `block` ([] = uniform)
 * @example stagedConvolver(ir48000, 128, [1024, 8192])
 */
export const stagedConvolver = (ir: Float32Array, block: number, stages: readonly number[] = [1024, 8192]): Convolver => {
  const cuts = [0, ...stages.filter((s) => s < ir.length), ir.length]
  const head = partitionedConvolver(ir.subarray(0, Math.max(1, cuts[1]!)), block)
  const tails = cuts.slice(1, -1).map((s, j) => ({
    size: s,
    conv: partitionedConvolver(ir.subarray(s, cuts[j + 2]!), s),
    chunk: new Float32Array(s),
    out: new Float32Array(s),
    pos: 0,
  }))
  const process = (x: Float32Array, y: Float32Array): void => {
    head.process(x, y)
    for (let s = 0; s < tails.length; s++) {
      const t = tails[s]!
      for (let j = 0; j < block; j++) {
        y[j] = y[j]! + t.out[t.pos + j]!
        t.chunk[t.pos + j] = x[j]!
      }
      t.pos += block
      if (t.pos === t.size) {
        t.conv.process(t.chunk, t.out)
        t.pos = 0
      }
    }
  }
  return { block, process }
}
