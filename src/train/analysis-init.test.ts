import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { constant } from '../core/signal.js'
import { analyzeHit } from '../features/analysis/analyze.js'
import { kick808Params } from '../synths/drums/kick808.js'
import { kit808 } from '../synths/drums/kit808.js'
import { toUnit } from '../synths/drums/modules.js'
import { evaluateOrThrow } from '../../testing/run.js'
import { drumStarts, shiftGain } from './drum-init.js'
import { MODAL } from './modal-match.js'
import { modalShift, modalValues } from './modal-init.js'

const SR = 16000
const N = 12000
const physical = (u: readonly number[], i: number) => kick808Params[i]![1].min + (kick808Params[i]![1].max - kick808Params[i]![1].min) * u[i]!

describe('starting points from the analysis', () => {
  it('kick808: a 62 Hz kick with an 800 ms decay (preset: 50 Hz, 600 ms) starts within 3 % of its pitch and 25 % of its decay', () => {
    const truth = [62, 1.2, 200, 800, -40, 12, 0, -6].map((v, i) => toUnit(v, kick808Params[i]![1]))
    const y = evaluateOrThrow({ y: kit808.kick808.render(constant(truth, [1, 8]), N, SR) })['y']!.data
    const a = analyzeHit(y, SR)
    if (E.isLeft(a)) throw new Error(a.left.message)
    const [start] = drumStarts('kick808', a.right, SR)
    expect(Math.abs(physical(start!, 0) / 62 - 1)).toBeLessThan(0.03)
    expect(Math.abs(physical(start!, 3) / 800 - 1)).toBeLessThan(0.25)
    // the level moves only the output gain, by the asked dB
    const louder = shiftGain('kick808', start!, 6, SR)
    expect(physical(louder, 7) - physical(start!, 7)).toBeCloseTo(6, 6)
    expect(louder.slice(0, 7)).toEqual(start!.slice(0, 7))
  })

  it('modal drum: the extracted modes are the starting modes (frequency within 1 %, amplitude within 2 dB, decay within 20 %)', () => {
    const modes = [{ f: 190, a: 0.3, D: 12 }, { f: 305, a: 0.15, D: 18 }, { f: 720, a: 0.08, D: 25 }]
    const y = Float64Array.from({ length: N }, (_, i) => modes.reduce((s, m) => s + m.a * Math.exp((-m.D * i) / SR) * Math.sin((2 * Math.PI * m.f * i) / SR), 0))
    const a = analyzeHit(y, SR)
    if (E.isLeft(a)) throw new Error(a.left.message)
    const v = modalValues(a.right, SR)
    expect(v.freqHz.length).toBeLessThanOrEqual(MODAL.modes)
    for (const m of modes) {
      const i = v.freqHz.findIndex((f) => Math.abs(f / m.f - 1) < 0.01)
      expect(i, `${m.f} Hz`).toBeGreaterThanOrEqual(0)
      expect(Math.abs(20 * Math.log10(v.amp[i]! / m.a))).toBeLessThan(2)
      expect(Math.abs(v.decayPerS[i]! / m.D - 1)).toBeLessThan(0.2)
    }
    expect(v.noise.length).toBe(MODAL.bands)
    expect(modalShift(v, 20).amp[0]).toBeCloseTo(10 * v.amp[0]!, 9)
  })
})
