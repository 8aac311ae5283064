import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { valueAndGrad } from '../core/autodiff/vjp.js'
import { evaluateSync } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import { input, param } from '../core/signal.js'
import { run } from '../../testing/run.js'
import { l1Loss, l2Loss, siSdrLoss } from './waveform.js'

const N = 256
const sine = (bin: number, amp: number, phase = 0) => Array.from({ length: N }, (_, i) => amp * Math.sin((2 * Math.PI * bin * i) / N + phase))
const p = input('p', [1, N], 'audio')
const t = input('t', [1, N], 'audio')
const sisdr = (pred: number[], target: number[], zeroMean = true, eps = 1e-8) => run({ l: siSdrLoss(p, t, { zeroMean, eps }) }, { p: pred, t: target })['l']![0]!

describe('waveform losses', () => {
  it('L1 and L2 are the mean absolute and mean squared differences', () => {
    const a = input('a', [2, 2], 'audio')
    const b = input('b', [2, 2], 'audio')
    const out = run({ l1: l1Loss(a, b), l2: l2Loss(a, b) }, { a: [1, 2, 3, 4], b: [0, 4, 3, 0] })
    expect(out['l1']![0]).toBeCloseTo((1 + 2 + 0 + 4) / 4, 14)
    expect(out['l2']![0]).toBeCloseTo((1 + 4 + 0 + 16) / 4, 14)
  })

  it('SI-SDR of s vs 0.5·s + n (n ⟂ s, ‖n‖² = ‖0.5 s‖²/100) is 20 dB: loss −20', () => {
    // bins 3 and 5 over whole periods: zero-mean and orthogonal; ‖0.5 s‖²/‖n‖² = 0.25/0.05² = 100
    const s = sine(3, 1)
    const pred = s.map((v, i) => 0.5 * v + sine(5, 0.05, 0.4)[i]!)
    expect(sisdr(pred, s)).toBeCloseTo(-20, 6)
    expect(sisdr(pred, s, false)).toBeCloseTo(-20, 6)
  })

  it('is scale invariant in the estimate and offset invariant with zeroMean', () => {
    const s = sine(2, 0.7, 0.3).map((v, i) => v + 0.1 * Math.cos(i))
    const est = s.map((v, i) => v + 0.2 * Math.sin(0.37 * i * i))
    // exact up to rounding with a negligible ε; the default ε = 1e-8 moves the value by ~1e-8 dB
    const base = sisdr(est, s, true, 1e-30)
    expect(Math.abs(sisdr(est.map((v) => 3.7 * v), s, true, 1e-30) - base)).toBeLessThan(1e-10)
    expect(Math.abs(sisdr(est.map((v) => v + 0.5), s, true, 1e-30) - base)).toBeLessThan(1e-10)
    expect(Math.abs(sisdr(est.map((v) => 3.7 * v), s) - base)).toBeLessThan(1e-6)
    expect(base).toBeLessThan(-5) // a good estimate: a large SI-SDR
  })

  it('silent target, estimate or both: 80 dB (= −10·log10 1e-8) with a finite gradient', () => {
    const prog = E.flatMap(compile({ loss: siSdrLoss(param('p', [1, N], 'audio'), t) }), (q) => valueAndGrad(q, 'loss'))
    if (E.isLeft(prog)) throw new Error(JSON.stringify(prog.left))
    const zero = new Array<number>(N).fill(0)
    for (const [a, b] of [[zero, sine(3, 1)], [sine(3, 1), zero], [zero, zero]] as const) {
      const out = evaluateSync(reference('float64'))(prog.right, { p: a, t: b })
      if (E.isLeft(out)) throw new Error(JSON.stringify(out.left))
      expect(out.right['loss']!.data[0]).toBeCloseTo(80, 6)
      expect(Array.from(out.right['grad:p']!.data).every(Number.isFinite)).toBe(true)
    }
  })
})
