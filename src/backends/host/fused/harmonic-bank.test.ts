import { describe, expect, it } from 'vitest'
import { lcg } from '../../../../testing/run.js'
import { harmonicBankVjp } from './harmonic-bank.js'

describe('harmonic bank lowering: needs', () => {
  const [B, F, K, T] = [1, 4, 6, 96]
  const next = lcg(3)
  const f0 = Float32Array.from({ length: B * F }, () => 200 + 300 * next())
  const amps = Float32Array.from({ length: B * F * K }, () => next())
  const g = Float32Array.from({ length: B * T }, () => next() * 2 - 1)
  const shapes = [[B, F, 1], [B, F, K], [B, T]]
  const vjp = (ratios: number[], needs?: boolean[]) =>
    harmonicBankVjp([f0, amps, g], shapes, { samples: T, sampleRate: 16000, ratios, ampResample: 'linear', ...(needs === undefined ? {} : { needs }) }, [B * F * (K + 1)]) as Float32Array
  it.each([
    ['series', [1, 2, 3, 4, 5, 6]],
    ['free', [1, 2.01, 3.03, 4.07, 5.1, 6.2]],
  ])('computes only the wanted cotangent, equal to the full pass (%s ratios)', (_, ratios) => {
    const all = vjp(ratios)
    const [df, dA] = [all.subarray(0, B * F), all.subarray(B * F)]
    expect(df.some((v) => v !== 0) && dA.some((v) => v !== 0)).toBe(true)
    const onlyF = vjp(ratios, [true, false])
    expect(onlyF.subarray(0, B * F)).toEqual(df)
    expect(onlyF.subarray(B * F).every((v) => v === 0)).toBe(true)
    const onlyA = vjp(ratios, [false, true])
    expect(onlyA.subarray(B * F)).toEqual(dA)
    expect(onlyA.subarray(0, B * F).every((v) => v === 0)).toBe(true)
  })
})
