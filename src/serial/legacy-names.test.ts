import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { composite } from '../core/composite.js'
import { mul, sin } from '../core/math.js'
import { compile } from '../core/program-api.js'
import { input, type Signal } from '../core/signal.js'
import { decode, encode } from './encode.js'
import { currentName, legacyCompositeNames } from './legacy-names.js'

describe('legacy composite names', () => {
  it('decodes the names older versions wrote under the current scheme', () => {
    const old = composite('oscillatorBank', (x: Signal<'audio'>) => mul(sin(x), 2))
    const p = compile({ out: old(input('x', [4], 'audio')) })
    const r = decode(JSON.parse(E.isRight(p) ? encode(p.right) : '{}'))
    expect(E.isRight(r) && r.right.eqns.find((e) => e.op === 'composite')).toMatchObject({ name: 'synth.oscillatorBank' })
  })

  it('keeps every other name (and reads no inherited key); every new name is <group>.<name>', () => {
    expect(currentName('dsp.stft')).toBe('dsp.stft')
    expect(currentName('constructor')).toBe('constructor')
    expect(Object.values(legacyCompositeNames).every((n) => /^(dsp|synth|features|losses)\.[a-zA-Z]+(\.[a-z]+)*$/.test(n))).toBe(true)
  })
})
