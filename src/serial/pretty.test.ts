import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { composite } from '../core/composite.js'
import { add, cos, exp, mul, sin } from '../core/math.js'
import { pretty } from './pretty.js'
import { compile } from '../core/program-api.js'
import { input, param, type Signal } from '../core/signal.js'
import { cumsum, sum } from '../core/tensor.js'

// Golden files: review a diff in __golden__/ like a code change.
describe('pretty (golden)', () => {
  it('prints the README vibrato synth', async () => {
    const sr = 16000
    const t = input('t', [sr], 'audio')
    const freq = add(param('f0', []), mul(param('depth', []), sin(mul(2 * Math.PI * 5, t))))
    const y = mul(exp(mul(-3, t)), sin(mul((2 * Math.PI) / sr, cumsum(freq, 0))))
    const p = compile({ y, energy: sum(mul(y, y), [0]) })
    await expect(E.isRight(p) ? pretty(p.right) : 'compile failed').toMatchFileSnapshot('__golden__/vibrato.txt')
  })
  it('prints a composite with its body indented and its custom VJP marked', async () => {
    const sinc = composite('sinCos', (x: Signal<'audio'>) => mul(sin(x), cos(x)), {
      attrs: { note: 'sin·cos' },
      vjp: ([x], _, ct) => [mul(ct, cos(mul(2, x!)))],
    })
    const p = compile({ out: sinc(input('x', [8], 'audio')) })
    await expect(E.isRight(p) ? pretty(p.right) : 'compile failed').toMatchFileSnapshot('__golden__/composite.txt')
  })
})
