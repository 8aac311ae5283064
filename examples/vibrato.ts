// A sine with vibrato and an envelope, compiled, evaluated on the reference
// backend, and its gradient w.r.t. two params printed.  Run: npm run example
import { pipe } from 'fp-ts/lib/function.js'
import * as E from 'fp-ts/lib/Either.js'
import { add, compile, cumsum, evaluateSync, exp, formatError, input, mul, param, sin, sum, valueAndGrad } from '../src/index.js'
import { reference } from '../src/backends/reference/index.js'

const sr = 16000
const t = input('t', [sr], 'audio')                        // time in seconds, 1 s
const f0 = param('f0', [])                                 // Hz
const depth = param('depth', [])                           // vibrato depth, Hz
const freq = add(f0, mul(depth, sin(mul(2 * Math.PI * 5, t)))) // 5 Hz vibrato
const phase = mul(2 * Math.PI / sr, cumsum(freq, 0))       // φ[t] = 2π/sr · Σ f
const y = mul(exp(mul(-3, t)), sin(phase))                 // decaying envelope
const energy = sum(mul(y, y), [0])

pipe(
  compile({ y, energy }),
  E.flatMap((p) => valueAndGrad(p, 'energy')),
  E.mapLeft((errs) => errs.map(formatError).join('\n')),
  E.flatMap((p) => E.mapLeft(formatError)(evaluateSync(reference('float64'))(p, {
    t: Float64Array.from({ length: sr }, (_, i) => i / sr), f0: 440, depth: 6,
  }))),
  E.match(
    (err) => { console.error(err); process.exitCode = 2 },
    (out) => console.log(`energy ${out.energy!.data[0]!.toFixed(4)}  ∂/∂f0 ${out['grad:f0']!.data[0]!.toExponential(4)}  ∂/∂depth ${out['grad:depth']!.data[0]!.toExponential(4)}`),
  ),
)
