import * as E from 'fp-ts/lib/Either.js'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { readWav } from '../io/wav.js'
import { synthRegistry } from '../synths/registry.js'
import { renderCommand } from './render.js'

const dir = mkdtempSync(join(tmpdir(), 'ddsp-render-'))

describe('ddsp render', () => {
  it.each(Object.keys(synthRegistry))('renders %s to a WAV that reads back identically, peak ≤ 1', async (name) => {
    const out = join(dir, `${name}.wav`)
    const r = await renderCommand(reference('float32'), name, { seconds: 0.1, sampleRate: 16000, out })()
    expect(E.isRight(r) && r.right.samples).toBe(1600)
    expect(E.isRight(r) && r.right.peak).toBeLessThanOrEqual(1)
    const back = await readWav(out)()
    expect(E.isRight(back) && back.right.sampleRate).toBe(16000)
    expect(E.isRight(back) && back.right.channels[0]!.length).toBe(1600)
  })
  it('names the known synths for an unknown one, and reports unreadable WAVs as values', async () => {
    const r = await renderCommand(reference('float32'), 'nope', { seconds: 0.1, sampleRate: 16000, out: join(dir, 'x.wav') })()
    expect(E.isLeft(r) && r.left._tag === 'Usage' && r.left.message).toMatch(/unknown synth 'nope'; try one of: .*snare808/)
    const bad = await readWav(join(dir, 'missing.wav'))()
    expect(E.isLeft(bad) && bad.left._tag).toBe('IoError')
  })
  it('every registered synth says how many parameters it has', () => {
    for (const s of Object.values(synthRegistry)) expect(s.parameterCount).toBeGreaterThan(0)
  })
})
