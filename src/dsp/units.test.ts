import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decibels, hz, sampleRate, seconds } from './units.js'

describe('units', () => {
  it('accept valid values and name what is wrong with invalid ones', () => {
    expect(hz(440)).toEqual(E.right(440))
    expect(seconds(0)).toEqual(E.right(0))
    expect(decibels(-120)).toEqual(E.right(-120))
    expect(sampleRate(16000)).toEqual(E.right(16000))
    expect(hz(-1)).toEqual(E.left('frequency must be a finite number ≥ 0 Hz, got -1'))
    expect(sampleRate(44100.5)).toEqual(E.left('sample rate must be a positive integer, got 44100.5'))
    expect(E.isLeft(seconds(Number.NaN))).toBe(true)
    expect(E.isLeft(decibels(Infinity))).toBe(true)
  })
})
