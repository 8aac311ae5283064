import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { add, mul } from '../core/math.js'
import { compile } from '../core/program-api.js'
import { input, param } from '../core/signal.js'
import { sum } from '../core/tensor.js'
import { compileTrainStep } from './step.js'

const program = () => {
  const r = compile({ loss: sum(mul(add(mul(param('w', []), input('x', [4])), param('b', [])), 2), [0]) })
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

describe('compileTrainStep', () => {
  it('differentiates a program once per (loss, wrt) and returns the same step each call', () => {
    const p = program()
    const [a, b, c] = [compileTrainStep(p, 'loss', ['w', 'b']), compileTrainStep(p, 'loss', ['w', 'b']), compileTrainStep(p, 'loss', ['w'])]
    if (E.isLeft(a) || E.isLeft(b) || E.isLeft(c)) throw new Error('compile failed')
    expect(b.right.program).toBe(a.right.program) // the gradient program is reused
    expect(b.right).toBe(a.right) // and the record, the key of runHoisted's value cache: one target's hoisted values serve every fit
    expect(c.right.program).not.toBe(a.right.program) // another wrt is another gradient program
    expect(c.right.wrt).toEqual(['w'])
  })
  it('still refuses a bad loss name every time', () => {
    const p = program()
    for (let i = 0; i < 2; i++) expect(E.isLeft(compileTrainStep(p, 'nope', ['w']))).toBe(true)
  })
})
