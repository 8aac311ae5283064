/**
 * The real-time lowering table: block kernels for the block compiler
 * (`stream/compile.ts`), keyed by composite name, on the kernels of this
 * folder. Composites without an entry (or whose entry does not apply) run
 * their decomposition through the compiler's fused loops.
 * - `dsp.fftConvolve` (causal crop, static single-row IR longer than a few
 *   blocks, fixed blocks) → the staged partitioned convolver (`partitioned.ts`,
 *   wasm SIMD where available): y[t] = Σₘ h[m]·x[t − m] in float32 I/O,
 *   float64 inside. Its reset feeds zero blocks through it until the IR has
 *   passed (no allocation; the history is then exactly zero).
 *
 * @example
 * import { realtimeLowerings } from 'ddsp-ts/realtime'
 * compileStream(program, { inputs, backend, blockSize: 128, fixedBlocks: true, lowerings: realtimeLowerings }, {})
 */
import type { KernelLowering, LoweringTable } from '../stream/compile-lowering.js'
import { isPow2 } from '../host/fft.js'
import { stagedConvolver } from './partitioned.js'

const fftConvolve: KernelLowering = {
  applies: (e, infos, ctx) => {
    const [x, h] = [infos[0], infos[1]]
    const irShape = e.body.args[1]!
    if (!ctx.fixedBlocks || !isPow2(ctx.blockSize) || ctx.blockSize < 8) return 'needs fixed blocks of a power of two ≥ 8'
    if (e.attrs['start'] !== 0 || h !== null || x == null || x.axis !== 1 || x.rate !== 'audio') return 'needs a causal crop and a static IR'
    if (irShape[0] !== 1 || e.body.args[0]![0] !== 1) return 'needs one row'
    return irShape[1]! >= 4 * ctx.blockSize ? undefined : 'a short IR is faster direct'
  },
  build: (io) => {
    const B = io.blockSize
    const [x, h] = io.ins as [typeof io.out, typeof io.out]
    const conv = stagedConvolver(Float32Array.from(h.data), B)
    const xin = new Float32Array(B)
    const yout = new Float32Array(B)
    const flush = Math.ceil((h.data.length + 2048) / B) + 1
    return {
      run: () => {
        const n = io.w[1]!
        for (let t = 0; t < n; t++) xin[t] = x.data[t]!
        xin.fill(0, n)
        conv.process(xin, yout)
        for (let t = 0; t < n; t++) io.out.data[t] = yout[t]!
      },
      reset: () => {
        xin.fill(0)
        for (let i = 0; i < flush; i++) conv.process(xin, yout)
      },
    }
  },
}

/** Block kernels by composite name, for `compileStream`'s `lowerings`. @example realtimeLowerings['dsp.fftConvolve'] */
export const realtimeLowerings: LoweringTable = {
  'dsp.fftConvolve': fftConvolve,
}
