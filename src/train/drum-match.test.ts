import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { mul, sub } from '../core/math.js'
import { constant, type Rate, type Signal } from '../core/signal.js'
import { sum } from '../core/tensor.js'
import { kit808, type DrumVoice } from '../synths/drums/kit808.js'
import { evaluateOrThrow } from '../../testing/run.js'
import { drumMatch } from './drum-match.js'
import { matchSound } from './match.js'

const SR = 16000
const N = 2048
const kick: DrumVoice = kit808.kick808
const l2 = (pred: Signal<'audio'>, target: Signal<'audio'>): Signal<Rate> => {
  const e = sub(pred, target)
  return mul(sum(mul(e, e), [0, 1]), 1 / N)
}

describe('808 sound matching', () => {
  it('moves a kick from its preset towards a target with a longer decay and lower level', async () => {
    const unit = kick.defaults(SR)
    const truth = unit.map((u, i) => (i === 3 ? u + 0.08 : i === 7 ? u - 0.05 : u)) // amp_env.decay, out.gain
    const target = evaluateOrThrow({ y: kick.render(constant(truth, [1, 8]), N, SR) })['y']!.data
    const d = drumMatch('kick808', N, SR)
    const r = await matchSound({
      ...d, backend: reference('float64'), target, loss: l2, seed: 1, randomStarts: 0, warmupSteps: 0, steps: 40,
      optimizer: { kind: 'adam', schedule: { kind: 'constant', lr: 0.05 } },
    })()
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
    expect(r.right.finalLoss).toBeLessThan(0.05 * r.right.startLoss)
    const got = d.toUnit(r.right.params)
    expect(Math.abs(got[3]! - truth[3]!)).toBeLessThan(Math.abs(unit[3]! - truth[3]!) / 2)
    expect(d.names[3]).toBe('amp_env.decay')
  })
})
