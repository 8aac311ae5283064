// The demo (npm run demo): sound matching of a real recorded snare hit.
// The target is "snare 1" of Emanuel Rumpf's rumpf_kit_z01 (Hydrogen drum
// kit, CC BY 3.0; see examples/data/LICENSE-SAMPLES.md), 0.5 s at 22.05 kHz. A modal drum
// (8 gliding, decaying modes + 16 filtered-noise bands, drumblender-style)
// starts from the modes extracted from the recording (`ddsp analyze`), is
// level-calibrated, and is refined on the wasm backend by Adam on the match
// loss (MSS + log-mel + RMS envelope, losses/match.ts): the analysis points,
// a jittered copy and the preset get a short warm-up, the best continues.
// It prints the loss and the figures that say whether the match is right:
// pitch (cents apart), envelope error (mean |dB|) and log-mel distance, for
// the match and for the unfitted preset. Writes out/target.wav, out/match.wav, out/params.json,
// out/spectrogram.png (target vs match) and out/loss.png.
import { copyFile, mkdir } from 'node:fs/promises'
import * as E from 'fp-ts/lib/Either.js'
import { loadBackend } from '../src/backends/load.js'
import { formatCliError } from '../src/cli/errors.js'
import { MATCH_DEFAULTS, matchCommand, parseMatchFlags } from '../src/cli/match.js'
import { progressBar } from '../src/cli/progress.js'

const TARGET = 'examples/data/rumpf-snare-1.wav'
const SETTINGS = { ...MATCH_DEFAULTS, synth: 'modal-drum', sr: '22050', seconds: '0.5', seed: '0', out: 'out' }

const main = async (): Promise<string | undefined> => {
  const t0 = performance.now()
  const flags = parseMatchFlags(SETTINGS)
  if (E.isLeft(flags)) return formatCliError(flags.left)
  const backend = await loadBackend('wasm')
  if (E.isLeft(backend)) return `wasm backend unavailable: ${backend.left.reason}`
  console.log(`ddsp-ts demo: matching ${TARGET} with a ${flags.right.synth} (starts from the analysis, match loss, ${flags.right.steps} Adam steps, wasm)`)
  const r = await matchCommand(backend.right, TARGET, flags.right, (n) => progressBar(`match ${flags.right.synth}`, n))()
  if (E.isLeft(r)) return formatCliError(r.left)
  await mkdir('out', { recursive: true })
  await copyFile(TARGET, 'out/target.wav')
  const { preset_loss: preset, final_loss: final, figures } = r.right
  const { match: m, preset: p } = figures
  console.log(`preset loss       ${preset.toFixed(3)}`)
  console.log(`final loss        ${final.toFixed(3)}`)
  console.log(`loss reduction    ${(100 * (1 - final / preset)).toFixed(1)} % (×${(preset / final).toFixed(2)} lower)`)
  console.log(`envelope error    ${m.envelopeErrorDb.toFixed(2)} dB (preset ${p.envelopeErrorDb.toFixed(2)} dB)`)
  console.log(`log-mel distance  ${m.logMelDistance.toFixed(3)} (preset ${p.logMelDistance.toFixed(3)}, ${(m.logMelDistance / p.logMelDistance).toFixed(2)}× it)`)
  console.log(`modes found       ${r.right.analysis?.modes_hz.slice(0, 4).map((f) => f.toFixed(0)).join(', ')} Hz …`)
  console.log(`wall time         ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  console.log(`wrote out/target.wav, ${r.right.files.join(', ')}`)
  return undefined
}

main().then(
  (err) => {
    if (err !== undefined) {
      console.error(`demo: ${err}`)
      process.exitCode = 2
    }
  },
  (e: unknown) => {
    console.error(`demo: ${e instanceof Error ? e.message : String(e)}`)
    process.exitCode = 1
  },
)
