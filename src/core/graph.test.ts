import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decode, encode } from '../serial/encode.js'
import { formatError } from './errors.js'
import { add, mul, sin } from './math.js'
import { pretty } from '../serial/pretty.js'
import { compile } from './program-api.js'
import { input, param, Signal } from './signal.js'
import { reshape, sum } from './tensor.js'

const right = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(`expected Right, got ${JSON.stringify(e.left)}`)
  return e.right
}

describe('nodes', () => {
  it('equal construction gives equal hash; different construction differs', () => {
    const a = sin(input('x', [4]))
    const b = sin(input('x', [4]))
    expect(a.node.hash).toBe(b.node.hash)
    expect(sin(input('x', [5])).node.hash).not.toBe(a.node.hash)
    expect(Object.isFrozen(a.node) && Object.isFrozen(a)).toBe(true)
  })
})

describe('compile', () => {
  it('merges common subexpressions and drops nothing reachable', () => {
    const x = input('x', [4])
    const y = add(sin(x), sin(input('x', [4])))
    const p = right(compile({ y }))
    expect(p.eqns.map((e) => e.op)).toEqual(['input', 'sin', 'add'])
    expect(p.inputs).toEqual([{ name: 'x', shape: [4] }])
  })

  it('gathers every root error with its op and the call site', () => {
    const x = input('x', [4])
    const bad1 = add(x, input('y', [3]))       // shape clash
    const bad2 = reshape(x, [3])               // size mismatch
    const r = compile({ out: add(sum(bad1, [0]), sum(bad2, [0])) })
    expect(E.isLeft(r)).toBe(true)
    const errs = E.isLeft(r) ? r.left : []
    expect(errs).toHaveLength(2)
    expect(errs[0]!.op).toBe('add')
    expect(errs[0]!.message).toContain('[4] and [3]')
    expect(errs[1]!.op).toBe('reshape')
    expect(errs[0]!.site).toContain('graph.test.ts')
    expect(formatError(errs[1]!)).toMatch(/reshape: cannot reshape \[4\].*graph\.test\.ts/)
  })

  it('reports a rate clash built around the type system', () => {
    const a = input('a', [4], 'audio')
    const c = new Signal(input('c', [4]).node, 'control') as Signal<'audio' | 'control'>
    const r = compile(add(a, c as never))
    expect(E.isLeft(r) && r.left[0]!.message).toMatch(/cannot combine audio and control/)
  })

  it('rejects a name declared with two shapes', () => {
    const r = compile(add(input('x', [4]), sum(input('x', [2, 2]), [0, 1])))
    expect(E.isLeft(r) && r.left[0]!.message).toMatch(/'x' is declared as input \[4\] and as input \[2,2\]/)
  })
})

describe('pretty', () => {
  it('prints one equation per line', () => {
    const p = right(compile({ y: mul(sin(input('phase', [1, 8], 'audio')), param('gain', [])) }))
    expect(pretty(p)).toBe(
      [
        'in  phase: [1,8]',
        "param gain: []",
        "v0: [1,8] = input 'phase'",
        'v1: [1,8] = sin v0',
        "v2: [] = param 'gain'",
        'v3: [1,8] = mul v1 v2',
        'out y = v3',
      ].join('\n'),
    )
  })
})

describe('decode', () => {
  const p = right(compile({ y: sum(mul(sin(input('x', [2, 3])), param('g', [3])), [1]) }))
  it('round-trips', () => {
    expect(right(decode(encode(p)))).toEqual(p)
  })
  const bad = (f: (doc: any) => void) => {
    const doc = JSON.parse(encode(p))
    f(doc)
    const r = decode(doc)
    return E.isLeft(r) ? `${r.left.path}: ${r.left.message}` : 'Right'
  }
  it('names the culprit of malformed JSON', () => {
    expect(E.isLeft(decode('{nope'))).toBe(true)
    expect(bad((d) => (d.version = 99))).toMatch(/^\$\.version: unsupported version 99/)
    expect(bad((d) => (d.program.eqns[1].op = 'sine'))).toMatch(/^\$\.program\.eqns\[1\]\.op: unknown op "sine"/)
    expect(bad((d) => (d.program.eqns[4].attrs.axes = 'x'))).toMatch(/eqns\[4\]\.attrs\.axes: sum: attrs\.axes must be an array of integers/)
    expect(bad((d) => (d.program.eqns[1].inputs = [7]))).toMatch(/eqns\[1\]\.inputs: reads v7 before it is defined/)
    expect(bad((d) => (d.program.eqns[4].attrs.axes = [5]))).toMatch(/^\$\.program: sum: axes \[5\] out of range/)
    expect(bad((d) => (d.program.eqns[1].shape = [9]))).toMatch(/declares shape \[9\]/)
    expect(bad((d) => (d.program.outputs = []))).toMatch(/outputs: must be a non-empty array/)
  })
})
