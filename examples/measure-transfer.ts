/**
 * Measurable proxies for the timbre-transfer run (examples/TIMBRE_TRANSFER.md):
 * 1. resynthesis quality: DDSP's multi-scale spectral loss (MSS) of
 *    DIR/resynth.wav against the first training example, next to three
 *    baselines — silence, white noise of equal RMS, and the same model
 *    untrained (its seeded init, same f0 and loudness);
 * 2. pitch: the f0 of the transferred output (YIN, `extractFeatures`) against
 *    the input's f0 times 2^(shift/12), over frames voiced in both: median
 *    absolute error in cents and the share within 50 cents;
 * 3. dynamics: Pearson correlation of the output's and the input's loudness.
 *
 * @example
 * npx tsx examples/measure-transfer.ts out/violin.wav out/violin-model out/flute.wav out/flute-as-violin.wav -12
 */
import * as E from 'fp-ts/lib/Either.js'
import { loadBackend } from '../src/backends/load.js'
import { evaluate } from '../src/core/interpret.js'
import { compile } from '../src/core/program-api.js'
import { input } from '../src/core/signal.js'
import { fillNoise } from '../src/core/random.js'
import { extractFeatures, type FeatureReport } from '../src/features/extract.js'
import { mixToMono } from '../src/io/mono.js'
import { readWav } from '../src/io/wav.js'
import { multiScaleSpectralLoss } from '../src/losses/spectral.js'
import { autoencoder } from '../src/models/autoencoder.js'
import { prepareDataset } from '../src/models/dataset.js'
import { loadModelFile } from '../src/models/model-file.js'
import { renderAutoencoder } from '../src/models/render.js'

const [violinPath, modelDir, flutePath, transferPath, shiftArg] = process.argv.slice(2)
const ok = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left).slice(0, 500))
  return r.right
}
const backend = ok(await loadBackend('wasm'))
const mono = async (p: string): Promise<Float32Array> => mixToMono(ok(await readWav(p)()))

const mss = async (pred: Float32Array, target: Float32Array): Promise<number> => {
  const n = target.length
  const p = ok(compile({ loss: multiScaleSpectralLoss(input('p', [1, n], 'audio'), input('t', [1, n], 'audio')) }))
  return ok(await evaluate(backend)(p, { p: pred, t: target }))['loss']!.data[0]!
}

// 1. resynthesis vs baselines
const model = ok(await loadModelFile(`${modelDir}/model.json`)())
if (model.kind !== 'autoencoder') throw new Error('expected an autoencoder model')
const sr = model.config.sampleRate
const data = ok(await prepareDataset([{ sampleRate: sr, samples: await mono(violinPath!) }], { hop: model.config.hop, exampleSamples: sr, stepSamples: sr / 2, backend })())
const first = data.examples[0]!
const resynth = (await mono(`${modelDir}/resynth.wav`)).slice(0, first.audio.length)
const rms = Math.sqrt(first.audio.reduce((a, v) => a + v * v, 0) / first.audio.length)
const noise = fillNoise(new Float32Array(first.audio.length), 9, 'uniform', 0).map((v) => v * rms * Math.sqrt(3))
const untrained = ok(await renderAutoencoder(backend, model.config, autoencoder(model.config).init(0), first.f0Hz, first.loudnessDb)())
console.log('MSS vs the first training example (lower is better):')
for (const [name, y] of [['trained resynthesis', resynth], ['untrained model (init)', untrained], ['white noise, equal RMS', noise], ['silence', new Float32Array(first.audio.length)]] as const)
  console.log(`  ${name.padEnd(24)} ${(await mss(y, first.audio)).toFixed(3)}`)

// 2. + 3. pitch and dynamics of the transfer
const features = async (x: Float32Array): Promise<FeatureReport> => ok(await extractFeatures(x, sr, { backend, hopMs: (1000 * model.config.hop) / sr })())
const [fin, fout] = [await features(await mono(flutePath!)), await features(await mono(transferPath!))]
const shift = Number(shiftArg ?? 0)
const frames = Math.min(fin.f0_hz.length, fout.f0_hz.length)
const cents: number[] = []
let inputVoiced = 0
for (let i = 0; i < frames; i++) {
  const [a, b] = [fin.f0_hz[i], fout.f0_hz[i]]
  if (a === null || a === undefined || fin.loudness_db[i]! < -50) continue
  inputVoiced++
  if (b !== null && b !== undefined) cents.push(Math.abs(1200 * Math.log2(b / (a * 2 ** (shift / 12)))))
}
cents.sort((x, y) => x - y)
const within = cents.filter((c) => c < 50).length
console.log(`f0 of the transfer vs the input's f0 · 2^(${shift}/12), over ${inputVoiced} voiced input frames above −50 dB:`)
console.log(`  output voiced in ${cents.length} (${((100 * cents.length) / inputVoiced).toFixed(1)} %); median |error| ${cents[Math.floor(cents.length / 2)]?.toFixed(1)} cents; within 50 cents: ${((100 * within) / Math.max(1, cents.length)).toFixed(1)} %`)
const [x, y] = [fin.loudness_db.slice(0, frames), fout.loudness_db.slice(0, frames)]
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length
const [mx, my] = [mean(x), mean(y)]
const cov = x.reduce((a, v, i) => a + (v - mx) * (y[i]! - my), 0)
const r = cov / Math.sqrt(x.reduce((a, v) => a + (v - mx) ** 2, 0) * y.reduce((a, v) => a + (v - my) ** 2, 0))
console.log(`loudness (dB) correlation, output vs input: r = ${r.toFixed(3)}`)
