/**
 * Block kernels of the compiler: closures over arena slots that compute one
 * block of an equation with buffers allocated at compile time. A composite's
 * real-time lowering has the same type (`KernelBuilder`), so the generic
 * kernels here and the lowerings a caller passes in are chosen alike:
 * - rfft/irfft over a non-time axis: one planned real FFT per row (`host/fft.ts`);
 * - scatterAdd with static indices, away from the time axis;
 * - `dsp.fftConvolve` with a causal crop, direct: y[t] = Σₘ h[m]·x[t − m], the last M − 1 inputs carried;
 * - `dsp.frameConvolve`: y[t] = Σ_{j<M} irs[⌊v/H⌋][j]·x[v], v = t + c − j (0 ≤ v < N), the IR frames still
 *   needed in a ring, the input tail carried (or, for a noise source, drawn ahead by its counter).
 *
 * @example
 * import { genericKernels } from './compile-kernels.js'
 * const k = genericKernels.rfft(io) // { run, reset } or a reason
 */
import type { OpAttrs } from '../core/ops.js'
import type { CompositeEqn, Eqn } from '../core/program.js'
import { normalAt, uniformAt } from '../core/random.js'
import { realFft } from '../host/fft.js'
import type { Slot } from './compile-layout.js'
import type { Clock, TimeInfo } from './types.js'

/** What a block kernel is built from: its operand and output slots, and the window `w` = [p, n, fp, m] it reads per block. */
export interface BlockIO {
  readonly eqn: Eqn
  readonly ins: readonly Slot[]
  readonly infos: readonly TimeInfo[]
  readonly out: Slot
  readonly w: Float64Array
  readonly clock: Clock
  /** The block capacity in samples. */
  readonly blockSize: number
  /** True when every block but the last has `blockSize` samples (a lowering may require it). */
  readonly fixedBlocks: boolean
}

/** One equation's block: `run` fills the output slot for the window; `reset` returns to the stream's start. */
export interface BlockKernel {
  readonly run: () => void
  readonly reset: () => void
}

/** Builds a block kernel, or says why it does not apply (the compiler then decomposes, or refuses). */
export type KernelBuilder = (io: BlockIO) => BlockKernel | string

const prod = (s: readonly number[]) => s.reduce((a, b) => a * b, 1)

/** Rows of the last axis (length `inW` in, `outW` out) around the time axis: f(inOffset, outOffset) per row of the block. */
const rows = (io: BlockIO, inW: number, outW: number, f: (i: number, o: number) => void): BlockKernel => {
  const x = io.ins[0]!
  const ta = io.out.time!.axis
  const outer = prod(x.shape.slice(0, ta))
  const cap = x.shape[ta]!
  const per = prod(x.shape.slice(ta + 1)) / inW
  const len = io.out.time!.rate === 'audio' ? 1 : 3
  return {
    run: () => {
      const n = io.w[len]!
      for (let o = 0; o < outer; o++) for (let t = 0; t < n; t++) for (let r = 0; r < per; r++) f(((o * cap + t) * per + r) * inW, ((o * cap + t) * per + r) * outW)
    },
    reset: () => undefined,
  }
}

const rfft: KernelBuilder = (io) => {
  const n = (io.eqn.attrs as OpAttrs['rfft']).n
  const plan = realFft(n)
  const [x, y] = [io.ins[0]!.data, io.out.data]
  return rows(io, n, 2 * (Math.floor(n / 2) + 1), (i, o) => plan.forward(x, i, y, o))
}

const irfft: KernelBuilder = (io) => {
  const n = (io.eqn.attrs as OpAttrs['irfft']).n
  const plan = realFft(n)
  const [x, y] = [io.ins[0]!.data, io.out.data]
  return rows(io, 2 * (Math.floor(n / 2) + 1), n, (i, o) => plan.inverse(x, i, y, o))
}

/** scatterAdd: out[…, round(idx[b, i]), …] += u[…, i, …], the time axis among the kept ones. */
const scatterAdd: KernelBuilder = (io) => {
  const a = io.eqn.attrs as OpAttrs['scatterAdd']
  const [u, idx] = io.ins as [Slot, Slot]
  const span = idx.shape.length - a.batchDims
  const B = prod(u.shape.slice(0, a.batchDims))
  const P = prod(u.shape.slice(a.batchDims, a.axis))
  const I = prod(idx.shape.slice(a.batchDims))
  const Q = prod(u.shape.slice(a.axis + span))
  const out = io.out.data
  return {
    // the block's unused time positions are zero too: the whole capacity is rebuilt (rows are time-major inside P or Q)
    run: () => {
      out.fill(0)
      for (let b = 0; b < B; b++)
        for (let p = 0; p < P; p++)
          for (let i = 0; i < I; i++) {
            const j = Math.round(idx.data[b * I + i]!)
            if (j < 0 || j >= a.size) continue
            for (let q = 0; q < Q; q++) out[((b * P + p) * a.size + j) * Q + q]! += u.data[((b * P + p) * I + i) * Q + q]!
          }
    },
    reset: () => undefined,
  }
}

/** Causal direct convolution with a static IR `[bh, M]`: the last M − 1 inputs of each row carried in `hist`. */
const fftConvolve: KernelBuilder = (io) => {
  const [x, h] = io.ins as [Slot, Slot]
  const [bx, cap] = x.shape as [number, number]
  const [bh, M] = h.shape as [number, number]
  const b = Math.max(bx, bh)
  const L = M - 1 + cap
  const buf = new Float64Array(bx * L) // [history | block] per row
  const y = io.out.data
  return {
    run: () => {
      const n = io.w[1]!
      for (let r = 0; r < bx; r++) for (let t = 0; t < n; t++) buf[r * L + M - 1 + t] = x.data[r * cap + t]!
      for (let r = 0; r < b; r++) {
        const xr = (bx === 1 ? 0 : r) * L
        const hr = (bh === 1 ? 0 : r) * M
        for (let t = 0; t < n; t++) {
          let acc = 0
          for (let k = 0; k < M; k++) acc += h.data[hr + k]! * buf[xr + M - 1 + t - k]!
          y[r * cap + t] = acc
        }
      }
      for (let r = 0; r < bx; r++) buf.copyWithin(r * L, r * L + n, r * L + n + M - 1)
    },
    reset: () => buf.fill(0),
  }
}

const frameConvolve: KernelBuilder = (io) => {
  const e = io.eqn as CompositeEqn
  const [hop, c, total] = [e.attrs['hop'] as number, e.attrs['start'] as number, e.attrs['length'] as number]
  const [x, irs] = io.ins as [Slot, Slot]
  const [bh, capF, M] = irs.shape as [number, number, number]
  const [bx, cap] = x.shape as [number, number]
  const b = Math.max(bx, bh)
  const timeIrs = irs.time !== null
  const ringCap = timeIrs ? capF + Math.ceil((M - 1 + c) / hop) + 4 : 0
  const ring = new Float64Array(ringCap * bh * M)
  const hist = new Float64Array(bx * Math.max(0, M - 1))
  const src = io.infos[0]?.noise
  const draw = src === undefined ? undefined : src.dist === 'uniform' ? uniformAt : normalAt
  const y = io.out.data
  const xAt = (r: number, v: number, p: number): number => {
    if (draw !== undefined) return draw(src!.seed, src!.offset + r * src!.shape[1]! + v)
    const i = v - p
    return i >= 0 ? x.data[r * cap + i]! : hist[r * (M - 1) + (M - 1) + i]!
  }
  const irAt = timeIrs
    ? (r: number, f: number, j: number) => ring[((f % ringCap) * bh + r) * M + j]!
    : (r: number, f: number, j: number) => irs.data[(r * capF + f) * M + j]!
  return {
    run: () => {
      const p = io.w[0]!
      const n = io.w[1]!
      const fp = io.w[2]!
      const m = io.w[3]! // separate reads: a destructured array literal may allocate per block
      if (timeIrs)
        for (let f = 0; f < m; f++)
          for (let r = 0; r < bh; r++) for (let j = 0; j < M; j++) ring[(((fp + f) % ringCap) * bh + r) * M + j] = irs.data[(r * capF + f) * M + j]!
      for (let r = 0; r < b; r++) {
        const rx = bx === 1 ? 0 : r
        const rh = bh === 1 ? 0 : r
        for (let t = 0; t < n; t++) {
          let acc = 0
          const u = p + t + c
          for (let j = 0; j < M; j++) {
            const v = u - j
            if (v < 0 || v >= total) continue
            const f = Math.floor(v / hop)
            if (timeIrs && f >= fp + m) throw new Error(`frame convolution: IR frame ${f} not delivered`)
            acc += irAt(rh, f, j) * xAt(rx, v, p)
          }
          y[r * cap + t] = acc
        }
      }
      if (draw === undefined && M > 1)
        for (let r = 0; r < bx; r++) {
          const row = r * (M - 1)
          if (n >= M - 1) for (let i = 0; i < M - 1; i++) hist[row + i] = x.data[r * cap + n - (M - 1) + i]!
          else {
            hist.copyWithin(row, row + n, row + M - 1)
            for (let i = 0; i < n; i++) hist[row + M - 1 - n + i] = x.data[r * cap + i]!
          }
        }
    },
    reset: () => {
      hist.fill(0)
      ring.fill(0)
    },
  }
}

/** The generic block kernels, by primitive op or composite name. */
export const genericKernels: Readonly<Record<string, KernelBuilder>> = {
  rfft,
  irfft,
  scatterAdd,
  'dsp.fftConvolve': fftConvolve,
  'dsp.frameConvolve': frameConvolve,
}
