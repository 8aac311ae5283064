/**
 * `ddsp transfer` with a remap model: every onset of the input becomes one
 * hit of the trained 808 voice, its parameters mapped from the hit's onset
 * features, rendered and placed at the onset time (the output has the
 * input's length). Shifts do not apply to remapping.
 *
 * @example
 * ddsp transfer out/beatbox.wav --model out/remap --out out/beatbox-as-snare.wav
 */
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import type { AnyBackend } from '../backends/load.js'
import { extractFeatures } from '../features/extract.js'
import { writeWav } from '../io/wav.js'
import type { RemapFile } from '../models/model-file.js'
import { placeHits, renderRemap } from '../models/render-remap.js'
import { cutHits, hitOnsets, rawOnsets } from '../models/train-remap.js'
import { loadCheckpoint } from '../train/checkpoint.js'
import { usage, type CliError } from './errors.js'
import { asCli } from './train-files.js'
import type { TransferOptions, TransferSummary } from './transfer-options.js'
import { isVoice808 } from '../synths/drums/kit808.js'

/**
 * Remaps the hits of `samples` and writes the track to `o.out`.
 * @param backend loaded backend  @param samples mono input at the model's rate (`m.sampleRate`)  @param m the remap model file  @param o model folder and out path
 * @example await transferRemap(wasm, x, file, { model: 'out/remap', out: 'y.wav', pitchShift: 0, loudnessShift: 0 })()
 */
export const transferRemap =
  (backend: AnyBackend, samples: Float32Array, m: RemapFile, o: TransferOptions): TE.TaskEither<CliError, TransferSummary> =>
  async () => {
    const t0 = performance.now()
    if (!isVoice808(m.voice)) return E.left(usage(`the model's voice '${m.voice}' is not in the 808 kit`))
    const sampleRate = m.sampleRate // samples are at the model's rate
    const c = { voice: m.voice, sampleRate, hitSamples: m.hitSamples, onsetSamples: m.onsetSamples, hidden: m.hidden }
    const ckpt = await loadCheckpoint(join(o.model, 'checkpoint.json'))()
    if (E.isLeft(ckpt)) return E.left(asCli(ckpt.left))
    const f = await extractFeatures(samples, sampleRate, { backend })()
    if (E.isLeft(f)) return E.left(asCli(f.left))
    const times = hitOnsets(samples, sampleRate, f.right.onsets_s, c.onsetSamples)
    if (times.length === 0) return E.left(usage('no onset found in the input'))
    const onset = await rawOnsets(backend, cutHits(samples, sampleRate, times, c.hitSamples), c)
    if (E.isLeft(onset)) return E.left(asCli(onset.left))
    const y = await renderRemap(backend, c, ckpt.right.params, m, onset.right)()
    if (E.isLeft(y)) return E.left(asCli(y.left))
    const track = placeHits(y.right.audio, times, sampleRate, samples.length)
    const w = await writeWav(o.out, { sampleRate, channels: [track] })()
    if (E.isLeft(w)) return w
    return E.right({ path: o.out, samples: track.length, frames: times.length, pitchShift: 0, loudnessShift: 0, seconds: (performance.now() - t0) / 1000 })
  }
