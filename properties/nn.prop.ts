/**
 * Law: the neural modules (dense, layer norm, MLP, GRU, FiLM TCN) are
 * differentiable in their inputs and every weight (reverse mode = float64
 * central differences along a random direction). Each module's own param
 * names are given to `gradCheck` as params, so its weights are drawn at random
 * points too (not only at their initial values).
 */
import fc from 'fast-check'
import { describe, it } from 'vitest'
import type { Rate, Signal } from '../src/core/signal.js'
import { dense } from '../src/nn/dense.js'
import { gru } from '../src/nn/gru.js'
import type { ParamDecls } from '../src/nn/init.js'
import { layerNorm } from '../src/nn/layer-norm.js'
import { mlp } from '../src/nn/mlp.js'
import { tcn } from '../src/nn/tcn.js'
import { gradCheck, type ParamSpec } from './gradcheck.js'
import { params } from './runs.js'
import { TOL, within } from '../testing/tolerance.js'

/** Every declared weight as a static gradCheck param. */
const weights = (decls: ParamDecls): Record<string, ParamSpec> =>
  Object.fromEntries(Object.entries(decls).map(([k, d]) => [k, { shape: d.shape, rate: 'static' as const }]))

const ctl = (p: Readonly<Record<string, Signal<Rate>>>, k: string) => p[k] as Signal<'control'>

/** Checks f over a random seed; draws whose step crosses a kink (leaky ReLU at 0) are discarded. */
const check = (label: string, f: (p: Readonly<Record<string, Signal<Rate>>>) => Signal<Rate>, specs: Record<string, ParamSpec>) =>
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
      const { fd, ad, smooth, noise } = gradCheck(f, specs, seed, label)
      fc.pre(smooth)
      return within(TOL.gradient, fd, ad, noise)
    }),
    params(0.5),
  )

describe('nn gradients', () => {
  it('dense', () => {
    const m = dense('d', { inputs: 3, outputs: 2 })
    check('dense', (p) => m.apply(ctl(p, 'x')), { x: { shape: [2, 4, 3], rate: 'control' }, ...weights(m.params) })
  })
  it('layer norm', () => {
    const m = layerNorm('ln', { features: 4 })
    check('layerNorm', (p) => m.apply(ctl(p, 'x')), { x: { shape: [2, 3, 4], rate: 'control' }, ...weights(m.params) })
  })
  it('mlp (dense → layer norm → leaky ReLU, twice, then dense)', () => {
    const m = mlp('m', { inputs: 2, hidden: 4, layers: 2, outputs: 3 })
    check('mlp', (p) => m.apply(ctl(p, 'x')), { x: { shape: [1, 3, 2], rate: 'control' }, ...weights(m.params) })
  })
  it('gru over 4 frames', () => {
    const m = gru('g', { inputs: 2, hidden: 3 })
    check('gru', (p) => m.apply(ctl(p, 'x')), { x: { shape: [2, 4, 2], rate: 'control' }, ...weights(m.params) })
  })
  it('tcn with FiLM', () => {
    const m = tcn('t', { inputs: 1, channels: 3, kernel: 2, layers: 2, conditioning: 2, outputs: 1 })
    check('tcn', (p) => m.apply(p['x'] as Signal<'audio'>, p['c'] as Signal<'static'>), {
      x: { shape: [1, 8, 1], rate: 'audio' },
      c: { shape: [1, 2], rate: 'static' },
      ...weights(m.params),
    })
  })
})
