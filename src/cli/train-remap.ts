/**
 * `ddsp train <hits.wav> --model remap --voice snare808`: timbre remapping of
 * drum hits to an 808 voice (see `models/remap.ts`). Hits are found by onset
 * detection, each 0.5 s long; the mapping is an MLP (width `--hidden`, 32)
 * or a linear map (`--hidden 0`) on the normalised onset features. Writes DIR/checkpoint.json, DIR/model.json,
 * DIR/loss.png and DIR/resynth.wav (the first hit, remapped).
 *
 * @example
 * ddsp train out/hits.wav --model remap --voice snare808 --steps 200 --batch 8 --lr 0.005 --out out/remap
 */
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import type { AnyBackend } from '../backends/load.js'
import type { Recording } from '../models/dataset.js'
import type { RemapConfig } from '../models/remap.js'
import { renderRemap } from '../models/render-remap.js'
import { prepareHits, trainRemap } from '../models/train-remap.js'
import { isVoice808, kit808, type Voice808 } from '../synths/drums/kit808.js'
import type { StepReport } from '../train/fit.js'
import { usage, type CliError } from './errors.js'
import type { TrainOptions, TrainSummary } from './train-options.js'
import { asCli, writeRun } from './train-files.js'

/**
 * The remap config for a sample rate: 0.5 s hits, a ≈ 16 ms onset window (a power of two), an MLP (or linear map).
 * @param voice 808 voice  @param sampleRate Hz  @param hidden MLP width, 0 = linear (default 32)
 * @example remapConfig('snare808', 16000).onsetSamples // 256
 */
export const remapConfig = (voice: Voice808, sampleRate: number, hidden = 32): RemapConfig => ({
  voice,
  sampleRate,
  hitSamples: Math.round(0.5 * sampleRate),
  onsetSamples: 2 ** Math.round(Math.log2(0.016 * sampleRate)),
  hidden,
})

/**
 * Trains a remap model and writes its files.
 * @param backend loaded backend  @param recs mono recordings  @param o CLI options (voice, steps, batch, lr, seed, out)  @param onStep progress
 * @example await trainRemapCommand(wasm, recs, { ...o, model: 'remap', voice: 'snare808' })()
 */
export const trainRemapCommand =
  (backend: AnyBackend, recs: Recording[], o: TrainOptions, onStep?: (r: StepReport) => void): TE.TaskEither<CliError, TrainSummary> =>
  async () => {
    const voice = o.voice ?? 'snare808'
    if (!isVoice808(voice)) return E.left(usage(`--voice must be one of ${Object.keys(kit808).join(', ')}, got '${voice}'`))
    const c = remapConfig(voice, recs[0]!.sampleRate, o.hidden)
    const h = await prepareHits(recs, c, backend)()
    if (E.isLeft(h)) return E.left(asCli(h.left))
    const t0 = performance.now()
    const optimizer = { kind: 'adam' as const, schedule: { kind: 'constant' as const, lr: o.lr } }
    const resume = o.resumeFrom ? { resume: { params: o.resumeFrom.params, state: o.resumeFrom.state, history: o.resumeFrom.history } } : {}
    const r = await trainRemap({
      backend, config: c, hits: h.right, steps: o.steps, batch: Math.min(o.batch, h.right.audio.length), seed: o.seed, optimizer,
      ...resume, ...(o.snapshot ? { snapshot: o.snapshot } : {}), ...(onStep ? { onStep } : {}),
    })()
    if (E.isLeft(r)) return E.left(asCli(r.left))
    const seconds = (performance.now() - t0) / 1000
    const { fit, program } = r.right
    const ckpt = { program, params: fit.params, optimizer, state: fit.state, step: fit.state.step, seed: o.seed, losses: fit.losses }
    const file = { kind: 'remap' as const, ...c, centre: h.right.centre, scale: h.right.scale }
    const resynth = TE.map((y: { audio: Float32Array[] }) => y.audio[0]!)(renderRemap(backend, c, fit.params, h.right, h.right.onset.slice(0, 3)))
    const written = await writeRun(o.out, { checkpoint: ckpt, model: file, resynth, sampleRate: c.sampleRate, lossTitle: 'FEATURE-DIFFERENCE LOSS' })()
    return E.map((files: readonly string[]) => ({ examples: h.right.audio.length, steps: fit.state.step, losses: fit.losses, finalLoss: fit.finalLoss, seconds, files }))(written)
  }
