import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { compile } from '../core/program-api.js'
import { input, type Signal } from '../core/signal.js'
import { reshape } from '../core/tensor.js'
import { run } from '../../testing/run.js'
import { featureLoss } from './feature.js'

// a linear two-channel "feature": pairs of samples [B, N/2, 2]
const pairs = (x: Signal<'audio'>) => reshape(x, [1, 2, 2])
const [p, t, pr, tr] = ['p', 't', 'pr', 'tr'].map((n) => input(n, [1, 4], 'audio')) as [Signal<'audio'>, Signal<'audio'>, Signal<'audio'>, Signal<'audio'>]
const feeds = { p: [1, 2, 3, 4], t: [0, 4, 3, 0] }
const withRefs = { ...feeds, pr: [1, 1, 1, 1], tr: [0, 1, 0, 1] }

describe('featureLoss', () => {
  it('l1 / l2 of f(pred) − f(target), weighted per channel', () => {
    const out = run(
      {
        l1: featureLoss(pairs, { norm: 'l1' })(p, t),
        l2: featureLoss(pairs, { norm: 'l2', weight: 0.5 })(p, t),
        w: featureLoss(pairs, { norm: 'l1', weight: [1, 3] })(p, t),
      },
      feeds,
    )
    // differences p − t = [1, −2, 0, 4]; channels alternate (0, 1, 0, 1)
    expect(out['l1']![0]).toBeCloseTo(7 / 4, 14)
    expect(out['l2']![0]).toBeCloseTo((0.5 * 21) / 4, 14)
    expect(out['w']![0]).toBeCloseTo((1 + 3 * 2 + 0 + 3 * 4) / 4, 14)
  })
  it('with references it is timbreremap’s FeatureDifferenceLoss: mean |(f(p) − f(p_ref)) − (f(t) − f(t_ref))|', () => {
    const l = run({ l: featureLoss(pairs, { norm: 'l1', predReference: pr, targetReference: tr })(p, t) }, withRefs)['l']![0]!
    // (p − pr) − (t − tr) = [0, 1, 2, 3] − [0, 3, 3, −1] = [0, −2, −1, 4]
    expect(l).toBeCloseTo(7 / 4, 14)
    expect(run({ l: featureLoss(pairs, { norm: 'l1', predReference: p, targetReference: t })(p, t) }, feeds)['l']![0]).toBe(0)
  })
  it('a weight vector of the wrong length is a graph error', () => {
    const r = compile({ l: featureLoss(pairs, { norm: 'l1', weight: [1, 2, 3] })(p, t) })
    expect(E.isLeft(r) && JSON.stringify(r.left)).toMatch(/3 weights for 2 feature channels/)
  })
})
