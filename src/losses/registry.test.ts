import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decode, encode } from '../serial/encode.js'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { run } from '../../testing/run.js'
import { isLossName, lossNames, lossRegistry } from './registry.js'

const N = 2400
const x = Array.from({ length: N }, (_, i) => 0.5 * Math.sin((2 * Math.PI * 440 * i) / 16000))
const y = Array.from({ length: N }, (_, i) => 0.3 * Math.sin((2 * Math.PI * 660 * i) / 16000 + 1))

/** ‖x − mean x‖² */
const energy = (v: readonly number[]) => {
  const m = v.reduce((a, b) => a + b, 0) / v.length
  return v.reduce((a, b) => a + (b - m) ** 2, 0)
}

describe('loss registry', () => {
  it('knows the CLI names', () => {
    expect([...lossNames]).toEqual(['mss', 'mrstft', 'mel', 'loudness', 'l1', 'l2', 'sisdr', 'match'])
    expect(isLossName('mss') && !isLossName('nope')).toBe(true)
    for (const n of lossNames) expect(lossRegistry[n].description.length).toBeGreaterThan(10)
  })
  it.each([...lossNames])('%s: a scalar, 0 for a signal vs itself (SI-SDR: −10·log10(‖s‖²/ε)), positive and finite for different signals', (name) => {
    const loss = (a: string, b: string) => lossRegistry[name].loss(input(a, [1, N], 'audio'), input(b, [1, N], 'audio'), 16000)
    const same = loss('a', 'a')
    expect(same.shape).toEqual([])
    const out = run({ same, diff: loss('a', 'b') }, { a: x, b: y })
    const [s, d] = [out['same']![0]!, out['diff']![0]!]
    if (name === 'sisdr') expect(s).toBeCloseTo(-10 * Math.log10(energy(x) / 1e-8 + 1e-8), 6) // ε caps a perfect estimate
    else expect(s).toBe(0)
    expect(Number.isFinite(d) && d > s).toBe(true)
  })
  it.each([...lossNames])('%s: its program survives encode → decode unchanged (checkpoints store the graph)', (name) => {
    const prog = compile({ loss: lossRegistry[name].loss(input('a', [1, N], 'audio'), input('b', [1, N], 'audio'), 16000) })
    if (E.isLeft(prog)) throw new Error(JSON.stringify(prog.left))
    const back = decode(encode(prog.right))
    if (E.isLeft(back)) throw new Error(JSON.stringify(back.left))
    expect(back.right).toEqual(prog.right)
  })
})
