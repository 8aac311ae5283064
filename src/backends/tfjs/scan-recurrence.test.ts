import { beforeAll, describe, expect, it } from 'vitest'
import { reference } from '../reference/index.js'
import { firstScaledMismatch, TOL } from '../../../testing/tolerance.js'
import { withLowerings, type TfjsBackend } from './backend.js'
import type { RecurrenceLowering } from './scan-recurrence.js'
import { againstReference, testBackends } from '../../../testing/tfjs.js'

let backends: readonly TfjsBackend[] = []
beforeAll(async () => {
  backends = await testBackends()
})

const random = (n: number, seed: number, lo = -1, hi = 1): Float64Array => {
  let s = seed
  return Float64Array.from({ length: n }, () => {
    s = (s * 1103515245 + 12345) % 2147483648
    return lo + ((hi - lo) * s) / 2147483648
  })
}

/** Stable coefficients: |a| < 1 for k = 1; for k = 2 a damped rotation (a biquad-like pole pair, radius r). */
const coefficients = (T: number, k: number, seed: number): Float64Array => {
  if (k === 1) return random(T, seed, 0.5, 0.999)
  const r = random(T, seed, 0.9, 0.999)
  const th = random(T, seed + 1, 0, Math.PI)
  return Float64Array.from({ length: 4 * T }, (_, i) => {
    const [t, e] = [Math.floor(i / 4), i % 4]
    const [c, s] = [r[t]! * Math.cos(th[t]!), r[t]! * Math.sin(th[t]!)]
    return [c, -s, s, c][e]!
  })
}

const cases: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 1], [1, 7, 3], [2, 1, 2], [2, 64, 2], [1, 4096, 2], [2, 4096, 1], [1, 64000, 1], [2, 64000, 1],
]


const lowerings: readonly RecurrenceLowering[] = ['host', 'log-step']

describe.each(['wasm', 'tfjs-cpu'])('%s recurrence equals the reference', (name) => {
  it.each(lowerings.flatMap((l) => cases.map((c) => [l, ...c] as const)))('%s lowering: k = %i, T = %i, batch %i', (lowering, k, T, batch) => {
    const b = withLowerings(backends.find((x) => x.name === name)!, { recurrence: lowering })
    const a = { data: Float64Array.from(Array.from({ length: batch }, (_, i) => [...coefficients(T, k, 3 + i)]).flat()), shape: [batch, T, k, k] }
    const x = { data: random(batch * T * k, 5), shape: [batch, T, k] }
    const y0 = { data: random(batch * k, 9), shape: [batch, k] }
    const t0 = performance.now()
    const { got, want } = againstReference(b, 'recurrence', [a, x, y0], {})
    if (T === 64000) console.log(`${name} ${lowering} recurrence k=${k} T=${T}: ${(performance.now() - t0).toFixed(1)} ms (incl. reference)`)
    const at = firstScaledMismatch(TOL.backend, got, want)
    expect(at, `${at}: ${got[at]} vs ${want[at]}`).toBe(-1)
  })
})

describe('recurrence with a = 1 is cumsum', () => {
  it('on the reference and on wasm', () => {
    const b = backends.find((x) => x.name === 'wasm')!
    const T = 300
    const x = random(T, 2)
    const r = againstReference(b, 'recurrence', [{ data: new Float64Array(T).fill(1), shape: [T, 1, 1] }, { data: x, shape: [T, 1] }, { data: new Float64Array(1), shape: [1] }], {})
    const c = reference('float64').kernels.cumsum([{ data: x, shape: [T] }], { axis: 0, reverse: false, exclusive: false }, [T])
    expect(firstScaledMismatch(TOL.backend, r.got, c.data)).toBe(-1)
  })
})
