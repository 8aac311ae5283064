/**
 * Source kernels: `constant` (one value filled, or `size(shape)` values) and
 * seeded counter-based `noise`, whose element `i` is a pure function of
 * `(seed, offset + i)` (see `core/random.ts`), so every backend agrees.
 *
 * @example
 * import { sources } from './sources.js'
 * sources(alloc).constant([], { shape: [3], data: [0.5] }, [3]) // [0.5, 0.5, 0.5]
 */
import { fillNoise } from '../../core/random.js'
import { sizeOf, type Alloc, type KernelsOf } from './tensor.js'

/** The source kernels for a float type. @example sources(alloc).noise([], { seed: 1, shape: [4], dist: 'normal', offset: 0 }, [4]) */
export const sources = (alloc: Alloc): KernelsOf<'constant' | 'noise'> => ({
  constant: (_inputs, { data }, shape) => {
    const out = alloc(sizeOf(shape))
    if (data.length === 1) out.fill(data[0] ?? 0)
    else out.set(data)
    return { data: out, shape }
  },
  noise: (_inputs, { seed, dist, offset }, shape) => ({
    data: fillNoise(alloc(sizeOf(shape)), seed, dist, offset),
    shape,
  }),
})
