/**
 * `ddsp render` beyond defaults: an 808 voice at a params.json (as `ddsp
 * match` writes it) or a named preset, note synths and 808 voices playing a
 * MIDI file; every wrong input one line with exit code 2.
 *
 * @example
 * npx vitest run src/cli/render-inputs.test.ts
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { reference } from '../backends/reference/index.js'
import { midiBytes } from '../io/midi-file.js'
import { readWav } from '../io/wav.js'
import { kit808, type DrumVoice } from '../synths/drums/kit808.js'
import { presets808 } from '../synths/drums/presets808.js'
import { formatCliError } from './errors.js'
import { renderCommand } from './render.js'
import { paramsVector, renderInputs } from './render-inputs.js'
import { placeHits } from './render-plan.js'

const dir = mkdtempSync(join(tmpdir(), 'ddsp-render-in-'))
const at = (n: string) => join(dir, n)
const sr = 16000
const melody = [60, 62, 64].map((pitch, i) => ({ pitch, onset: 0.2 * i, duration: 0.2, velocity: 0.8 }))
writeFileSync(at('melody.mid'), midiBytes(melody))
const kick: DrumVoice = kit808.kick808
const kickParams = { synth: 'kick808', params: Object.fromEntries(kick.params(sr).map(([n], i) => [n, { unit: kick.defaults(sr)[i]! }])) }
writeFileSync(at('kick.json'), JSON.stringify(kickParams))
const backend = reference('float32')
const line = (r: E.Either<Parameters<typeof formatCliError>[0], unknown>) => (E.isLeft(r) ? formatCliError(r.left) : 'ok')

describe('render inputs', () => {
  it('a params.json gives the voice its vector, by unit or by value; wrong ones are named', () => {
    const table = kick.params(sr)
    expect(paramsVector('kick808', 'p.json', kickParams, sr)).toEqual(E.right(kick.defaults(sr)))
    const byValue = { params: Object.fromEntries(table.map(([n, r]) => [n, { value: r.min + 0.25 * (r.max - r.min) }])) }
    const v = paramsVector('kick808', 'p.json', byValue, sr)
    expect(E.isRight(v) && v.right.every((u) => Math.abs(u - 0.25) < 1e-9)).toBe(true)
    expect(line(paramsVector('snare808', 'p.json', kickParams, sr))).toBe('p.json: the params are for kick808, not snare808')
    expect(line(paramsVector('kick808', 'p.json', { params: { ...kickParams.params, bogus: { unit: 0 } } }, sr))).toMatch(/^p\.json: kick808 has no parameter 'bogus'; its parameters are /)
    const { [table[0]![0]]: _, ...missing } = kickParams.params
    expect(line(paramsVector('kick808', 'p.json', { params: missing }, sr))).toBe(`p.json: parameter '${table[0]![0]}' of kick808 is missing`)
  })

  it('presets by name; a wrong name lists them; --params on a synth without them is refused', async () => {
    const p = await renderInputs('snare808', { preset: '808_snare_2' }, sr)()
    expect(E.isRight(p) && p.right.params).toEqual(presets808('snare808', sr)['808_snare_2'])
    expect(line(await renderInputs('snare808', { preset: 'nope' }, sr)())).toBe("snare808 has no preset 'nope'; its presets are default, 808_snare_1, 808_snare_2, 808_snare_3, 808_open_snare, 808_noisy_snare")
    expect(line(await renderInputs('harmonic', { preset: 'default' }, sr)())).toMatch(/^--params and --preset set an 808 voice's parameters/)
    expect(line(await renderInputs('reverb', { notes: at('melody.mid') }, sr)())).toMatch(/^reverb does not play notes; --notes takes one of poly, adsr-saw, harmonic, wavetable, snare808/)
  })

  it('a preset changes the render; a params.json of the defaults renders the defaults', async () => {
    const render = async (name: string, inputs: object, out: string) => {
      const r = await renderCommand(backend, name, { seconds: 0.3, sampleRate: sr, out: at(out), inputs })()
      if (E.isLeft(r)) throw new Error(formatCliError(r.left))
      const w = await readWav(at(out))()
      return E.isRight(w) ? w.right.channels[0]! : new Float32Array()
    }
    const plain = await render('kick808', {}, 'k0.wav')
    const fromJson = await render('kick808', { params: E.getOrElse(() => [] as number[])(paramsVector('kick808', 'p', kickParams, sr)) }, 'k1.wav')
    expect(Math.max(...fromJson.map((v, i) => Math.abs(v - plain[i]!)))).toBeLessThan(1e-6)
    const a = await render('snare808', { params: presets808('snare808', sr)['808_snare_1'] }, 's1.wav')
    const b = await render('snare808', { params: presets808('snare808', sr)['808_snare_3'] }, 's3.wav')
    expect(Math.max(...a.map((v, i) => Math.abs(v - b[i]!)))).toBeGreaterThan(0.01)
  })

  it('808 hits land at the notes, scaled by velocity', () => {
    const y = placeHits(Float32Array.of(1, 0.5), [{ pitch: 36, onset: 0, duration: 0.1, velocity: 1 }, { pitch: 36, onset: 0.5, duration: 0.1, velocity: 0.5 }], 4, 4)
    expect(Array.from(y)).toEqual([1, 0.5, 0.5, 0.25])
  })

  it('the CLI renders a MIDI file (its length by default) on a note synth and an 808 voice; bad input is one line, exit 2', () => {
    const cli = (...args: string[]) => spawnSync(join(process.cwd(), 'node_modules/.bin/tsx'), [join(process.cwd(), 'src/cli/main.ts'), ...args], { encoding: 'utf8', cwd: dir })
    const h = cli('render', 'harmonic', '--notes', 'melody.mid', '--sr', '16000', '--out', 'h.wav', '--backend', 'reference')
    expect(h.stdout.trim()).toMatch(/^h\.wav: 17600 samples at 16000 Hz, peak /)
    const k = cli('render', 'kick808', '--notes', 'melody.mid', '--params', 'kick.json', '--sr', '16000', '--out', 'k.wav', '--backend', 'reference')
    expect(k.stdout.trim()).toMatch(/^k\.wav: 25600 samples at 16000 Hz/)
    const bad = cli('render', 'snare808', '--preset', 'nope', '--out', 'x.wav', '--backend', 'reference')
    expect([bad.status, bad.stderr.trim().split('\n').length]).toEqual([2, 1])
  })
})
