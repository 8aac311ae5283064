import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { cumsum } from '../core/tensor.js'
import { renderStream } from './stream.js'

describe('ddsp-ts/realtime renderStream', () => {
  it('streams on the reference kernels of spec.float when no backend is named', () => {
    const p = compile({ y: cumsum(input('x', [1, 6], 'audio'), 1) })
    if (E.isLeft(p)) throw new Error('compile')
    const x = Float64Array.from([0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
    const dflt = renderStream(p.right, { inputs: { x: 'audio' }, float: 'float32' }, { x }, [4, 2])
    const named = renderStream(p.right, { inputs: { x: 'audio' }, backend: reference('float32') }, { x }, [4, 2])
    const f64 = renderStream(p.right, { inputs: { x: 'audio' } }, { x }, [4, 2])
    expect(E.isRight(dflt) && E.isRight(named) && [...dflt.right['y']!]).toEqual(E.isRight(named) && [...named.right['y']!])
    expect(E.isRight(f64) && E.isRight(dflt) && f64.right['y']![5] !== dflt.right['y']![5]).toBe(true)
  })
})
