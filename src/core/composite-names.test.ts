import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { composite } from './composite.js'
import { currentName, legacyCompositeNames, lowering } from './composite-names.js'
import { decode, encode } from './encode.js'
import { mul, sin } from './math.js'
import { compile } from './program-api.js'
import { input, type Signal } from './signal.js'

describe('composite names', () => {
  it('decodes the names older versions wrote under the current scheme', () => {
    const old = composite('oscillatorBank', (x: Signal<'audio'>) => mul(sin(x), 2))
    const p = compile({ out: old(input('x', [4], 'audio')) })
    const text = E.isRight(p) ? encode(p.right) : ''
    const r = decode(JSON.parse(text))
    expect(E.isRight(r) && r.right.eqns.find((e) => e.op === 'composite')).toMatchObject({ name: 'synth.oscillatorBank' })
  })

  it('keeps every other name, and reads no inherited key', () => {
    expect(currentName('dsp.stft')).toBe('dsp.stft')
    expect(currentName('constructor')).toBe('constructor')
    expect(Object.values(legacyCompositeNames).every((n) => /^(dsp|synth|features|losses)\.[a-zA-Z]+(\.[a-z]+)*$/.test(n))).toBe(true)
    expect(lowering({ 'dsp.phase': 1 }, 'dsp.phase')).toBe(1)
    expect(lowering({ 'dsp.phase': 1 }, 'svf')).toBeUndefined()
  })
})
