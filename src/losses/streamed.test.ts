import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { loadBackend } from '../backends/load.js'
import type { AnyBackend } from '../core/backend.js'
import { evaluate } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import { input } from '../core/signal.js'
import { memorySource } from '../io/sample-source.js'
import { lossNames, lossRegistry, type LossName } from './registry.js'
import { streamedLoss } from './streamed.js'
import { streamedLossPlan } from './streamed-terms.js'

const sr = 16000
const n = 20011 // 1.25 s, a prime: no grid divides it
const wave = (f: number, a: number, noise: number) => Float32Array.from({ length: n }, (_, i) => a * Math.sin((2 * Math.PI * f * i) / sr) * Math.exp(-i / 9000) + noise * Math.sin(i * 12.9898) * Math.sin(i * 78.233))
const pred = wave(230, 0.5, 0.05)
const target = wave(220, 0.4, 0.02).subarray(0, n - 777) // shorter: zero-padded, as `ddsp loss` pads it

const onePass = async (backend: AnyBackend, name: LossName): Promise<number> => {
  const t = new Float32Array(n)
  t.set(target)
  const c = compile({ loss: lossRegistry[name].loss(input('pred', [1, n], 'audio'), input('target', [1, n], 'audio'), sr) })
  if (E.isLeft(c)) throw new Error(JSON.stringify(c.left))
  const out = await evaluate(backend)(c.right, { pred, target: t })
  if (E.isLeft(out)) throw new Error(JSON.stringify(out.left))
  return out.right['loss']!.data[0]!
}

describe('losses in blocks', () => {
  const streamable = lossNames.filter((k) => streamedLossPlan(k, n, sr) !== undefined)
  it('every loss but the sound-matching one has a streamed form', () => {
    expect(streamable).toEqual(lossNames.filter((k) => k !== 'match'))
  })
  it.each(streamable)('%s streamed with awkward block sizes equals one pass (wasm, float32 tolerance)', async (name) => {
    const backend = await loadBackend('wasm')
    if (E.isLeft(backend)) throw new Error(backend.left.reason)
    const want = await onePass(backend.right, name)
    for (const block of [3001, 5003, 1 << 20]) {
      const got = await streamedLoss(name, memorySource(pred, sr), memorySource(target, sr), backend.right, block)
      if (got === undefined || E.isLeft(got)) throw new Error(JSON.stringify(got))
      expect(Math.abs(got.right - want) / Math.abs(want), `${name} at ${block}: ${got.right} vs ${want}`).toBeLessThan(5e-6)
    }
  })
})
