import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { mixToMono } from './mono.js'
import { resample, resampledSource } from './resample.js'
import { memorySource } from './sample-source.js'
import { floatData, pcm16Data, sine, wavBytes } from './wav-bytes.js'
import { createWavWriter } from './wav-writer.js'
import { isWavFile, openWav } from './wav-stream.js'
import { readWav } from './wav.js'

const dir = mkdtempSync(join(tmpdir(), 'ddsp-wavstream-'))
const ok = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const stereo = (n: number) => Float64Array.from({ length: 2 * n }, (_, i) => 0.5 * Math.sin(i * 0.37) * (i % 2 === 0 ? 1 : -0.3))

describe('WAV files read in blocks', () => {
  it('any range of frames equals readWav + mixToMono (16-bit stereo, with a chunk before the data)', async () => {
    const path = join(dir, 's.wav')
    writeFileSync(path, wavBytes({ format: 1, bits: 16, channels: 2, sampleRate: 22050, data: pcm16Data(stereo(5003)), extraChunks: [{ id: 'LIST', body: new Uint8Array(33) }] }))
    const whole = mixToMono(ok(await readWav(path)()))
    const w = ok(await openWav(path)())
    expect([w.length, w.sampleRate, await isWavFile(path)]).toEqual([5003, 22050, true])
    for (const [a, b] of [[0, 5003], [0, 1], [17, 4099], [4990, 9000], [-5, 3]]) expect(Array.from(ok(await w.read(a!, b!)))).toEqual(Array.from(whole.slice(Math.max(0, a!), Math.min(5003, b!))))
    await w.close()
  })
  it('a non-finite sample is named by its frame in the file; a bad header is the same error as readWav gives', async () => {
    const x = Array.from({ length: 3000 }, (_, i) => Math.sin(i))
    x[2500] = NaN
    const path = join(dir, 'nan.wav')
    writeFileSync(path, wavBytes({ format: 3, bits: 32, sampleRate: 16000, data: floatData(x) }))
    const w = ok(await openWav(path)())
    expect(E.isRight(await w.read(0, 2000))).toBe(true)
    expect(await w.read(2000, 3000)).toMatchObject(E.left({ _tag: 'WavError', problem: { kind: 'NonFiniteSample', frame: 2500 } }))
    await w.close()
    const lying = join(dir, 'sr.wav')
    writeFileSync(lying, wavBytes({ format: 1, bits: 16, sampleRate: 1e9, data: pcm16Data([0, 0]) }))
    expect((await openWav(lying)()) as unknown).toEqual(await readWav(lying)())
    writeFileSync(join(dir, 'x.flac'), 'fLaC....')
    expect(await isWavFile(join(dir, 'x.flac'))).toBe(false)
  })
  it('a resampled source read in blocks equals resample of the whole input, bit for bit', async () => {
    const x = Float32Array.from(sine(9001, 440, 44100, 0.7))
    const want = resample(x, 44100, 16000)
    const s = resampledSource(memorySource(x, 44100), 16000)
    expect(s.length).toBe(want.length)
    const parts: number[] = []
    for (let at = 0; at < s.length; at += 777) parts.push(...ok(await s.read(at, at + 777)))
    expect(parts).toEqual(Array.from(want))
  })
  it('a WAV written in blocks reads back whole; a short write leaves no file and no temporary file', async () => {
    const path = join(dir, 'out', 'y.wav')
    const y = Float32Array.from(sine(5000, 300, 16000, 0.5))
    const w = ok(await createWavWriter(path, 16000, 1, y.length)())
    for (let at = 0; at < y.length; at += 1024) ok(await w.write(y.subarray(at, at + 1024)))
    expect(ok(await w.close())).toBe(path)
    const back = ok(await readWav(path)())
    expect([back.sampleRate, Array.from(back.channels[0]!)]).toEqual([16000, Array.from(y)])
    const short = ok(await createWavWriter(join(dir, 'out', 'z.wav'), 16000, 1, 10)())
    ok(await short.write(new Float32Array(3)))
    expect(await short.close()).toMatchObject(E.left({ _tag: 'IoError', message: 'wrote 3 samples, announced 10' }))
    expect(readdirSync(join(dir, 'out'))).toEqual(['y.wav'])
  })
})
