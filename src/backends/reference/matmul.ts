/**
 * Batched matrix product `C = op(A)·op(B)` over the last two axes, with NumPy
 * broadcasting of the leading (batch) axes and optional transposes. Each
 * batch's matrices are addressed through row/column strides, so a transpose
 * flag only swaps the strides; dot products accumulate in float64.
 *
 * @example
 * import { matmulKernels } from './matmul.js'
 * matmulKernels(alloc).matmul([a, b], { transposeA: false, transposeB: false }, [4, 2, 5]) // a: [4, 2, 3], b: [3, 5]
 */
import type { OpAttrs } from '../../core/ops.js'
import type { Shape } from '../../core/shape.js'
import { arg, broadcastStrides, sizeOf, stridedOffsets, type Alloc, type KernelsOf, type RefTensor } from './tensor.js'

/** Offsets of each batch's matrix in `x` (whose matrices hold `block` values) over the broadcast batch shape. */
const batchOffsets = (x: RefTensor, batch: Shape, block: number): Int32Array =>
  stridedOffsets(batch, broadcastStrides(x.shape.slice(0, -2), batch).map((s) => s * block))

const matmul =
  (alloc: Alloc) =>
  (inputs: readonly RefTensor[], { transposeA, transposeB }: OpAttrs['matmul'], shape: Shape): RefTensor => {
    const a = arg(inputs, 0)
    const b = arg(inputs, 1)
    const m = shape.at(-2) ?? 1
    const n = shape.at(-1) ?? 1
    const k = (transposeA ? a.shape.at(-2) : a.shape.at(-1)) ?? 0
    const batch = shape.slice(0, -2)
    const aAt = batchOffsets(a, batch, m * k)
    const bAt = batchOffsets(b, batch, k * n)
    // op(A)[i, l] = a[aOff + i·aRow + l·aCol]; op(B)[l, j] = b[bOff + l·bRow + j·bCol]
    const [aRow, aCol] = transposeA ? [1, m] : [k, 1]
    const [bRow, bCol] = transposeB ? [1, k] : [n, 1]
    const out = alloc(sizeOf(shape))
    for (let t = 0; t < aAt.length; t++) {
      const aOff = aAt[t]!
      const bOff = bAt[t]!
      for (let i = 0; i < m; i++)
        for (let j = 0; j < n; j++) {
          let s = 0
          for (let l = 0; l < k; l++) s += a.data[aOff + i * aRow + l * aCol]! * b.data[bOff + l * bRow + j * bCol]!
          out[(t * m + i) * n + j] = s
        }
    }
    return { data: out, shape }
  }

/** The matmul kernel for a float type. @example matmulKernels(alloc).matmul([a, b], { transposeA: true, transposeB: false }, [2, 2]) */
export const matmulKernels = (alloc: Alloc): KernelsOf<'matmul'> => ({ matmul: matmul(alloc) })
