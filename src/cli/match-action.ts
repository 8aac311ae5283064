/**
 * The commander wiring of `ddsp match`: options with their defaults, the
 * progress bar on stderr, and the summary lines on stdout (the preset's,
 * the chosen start's and the final loss, the files written).
 *
 * @example
 * matchAction(program.command('match <target>'), chooseBackend)
 */
import type { Command } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { backendNames, type AnyBackend } from '../backends/load.js'
import { lossNames } from '../losses/registry.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { parseBounded } from '../io/limits.js'
import { BOUNDS } from './bounds.js'
import { exitWith, usage, type CliError } from './errors.js'
import { matchResume } from './match-resume.js'
import { hintOnInterrupt } from './resume-flags.js'
import { startOrResume } from './resume-run.js'
import { MATCH_DEFAULTS, matchCommand, parseMatchFlags, type MatchReport, type RawMatchFlags } from './match.js'
import { matchSynthNames } from './match-synths.js'
import { progressBar } from './progress.js'
import { commandLimits } from './global-options.js'

/**
 * The lines `ddsp match` prints for a finished run.
 * @param file target path  @param r the report  @param backend backend name
 * @example summaryLines('hit.wav', report, 'wasm') // ['hit.wav: snare808 …', 'preset loss 31.30 …', …]
 */
export const summaryLines = (file: string, r: MatchReport, backend: string): string[] => {
  const pct = (100 * (1 - r.final_loss / r.preset_loss)).toFixed(1)
  const { match: m, preset: p } = r.figures
  const hz = (v: number | null) => (v === null ? 'none' : `${v.toFixed(1)} Hz`)
  const cents = (v: number | null) => (v === null ? '' : ` (${v >= 0 ? '+' : ''}${v.toFixed(0)} cents)`)
  return [
    `${file}: ${r.synth} matched with ${r.loss} on ${backend} (${r.samples} samples at ${r.sample_rate} Hz, ${r.steps} steps, start ${r.start.index} (${r.start.kind}) of ${r.starts.length}, init ${r.init})`,
    `preset loss ${r.preset_loss.toFixed(4)}, start loss ${r.start_loss.toFixed(4)}, final loss ${r.final_loss.toFixed(4)} (${pct} % below the preset), ${r.seconds.toFixed(1)} s`,
    `pitch: target ${hz(m.targetPitchHz)}${m.pitched ? '' : ' (weakly voiced)'}, match ${hz(m.matchPitchHz)}${cents(m.centsApart)}, preset ${hz(p.matchPitchHz)}${cents(p.centsApart)}`,
    `envelope error (mean |dB|): match ${m.envelopeErrorDb.toFixed(2)} dB, preset ${p.envelopeErrorDb.toFixed(2)} dB`,
    `log-mel distance: match ${m.logMelDistance.toFixed(3)}, preset ${p.logMelDistance.toFixed(3)} (${(m.logMelDistance / p.logMelDistance).toFixed(2)}× the preset)`,
    `wrote ${r.files.join(', ')}`,
  ]
}

/**
 * Adds the options and the action of `ddsp match` to a command.
 * @param cmd `program.command('match [target]')` (the target is left out with --resume)
 * @param chooseBackend loads a backend by name (unknown → usage error)
 * @returns the command
 * @example matchAction(program.command('match [target]'), chooseBackend)
 */
export const matchAction = (cmd: Command, chooseBackend: (name: string) => Promise<E.Either<CliError, AnyBackend>>): Command =>
  cmd
    .description('fit a synth (808 voice or modal drum) to a recorded hit; writes match.wav, params.json, spectrogram.png and loss.png')
    .option('--synth <name>', `synth: ${matchSynthNames.join(', ')} (required unless --resume)`)
    .option('--steps <n>', 'updates of the chosen start (warm-up included)', MATCH_DEFAULTS.steps)
    .option('--loss <name>', `loss: ${lossNames.join(', ')}`, MATCH_DEFAULTS.loss)
    .option('--init <how>', 'starts: analysis (read from the target, jittered, and the preset) or preset (the preset and random points)', MATCH_DEFAULTS.init)
    .option('--backend <name>', `backend: ${backendNames.join(', ')}`, process.env['DDSP_BACKEND'] ?? 'wasm')
    .option('--seed <n>', 'seed of the random starts', MATCH_DEFAULTS.seed)
    .option('--starts <k>', 'random starts besides the preset', MATCH_DEFAULTS.starts)
    .option('--warmup <n>', 'updates per start before the best one continues', MATCH_DEFAULTS.warmup)
    .option('--lr <x>', 'Adam learning rate', MATCH_DEFAULTS.lr)
    .option('--sr <hz>', 'render rate; the target is resampled to it', MATCH_DEFAULTS.sr)
    .option('--seconds <s>', 'longest part of the target used', MATCH_DEFAULTS.seconds)
    .option('--out <dir>', 'output folder', MATCH_DEFAULTS.out)
    .option('--checkpoint-every <n>', 'write DIR/resume.json every n updates, atomically (0: never)', '10')
    .option('--resume <dir>', 'continue the interrupted match in DIR from its last checkpoint (ends where the uninterrupted match ends)')
    .action(async (target: string | undefined, given: RawMatchFlags & { backend: string; checkpointEvery: string; resume?: string }, self: Command) => {
      const limits = commandLimits(self)
      if (E.isLeft(limits)) return exitWith(limits.left)
      const start = await startOrResume('match', target, given, (k) => self.getOptionValueSource(k), (p) => TE.right([p]))()
      if (E.isLeft(start)) return exitWith(start.left)
      const o = start.right.flags as RawMatchFlags & { backend: string; checkpointEvery: string }
      if (o.synth === undefined) return exitWith(usage(`--synth is required: ${matchSynthNames.join(', ')}`))
      const flags = parseMatchFlags(o, limits.right)
      if (E.isLeft(flags)) return exitWith(flags.left)
      const every = parseBounded('--checkpoint-every', o.checkpointEvery, BOUNDS.checkpointEvery)
      if (E.isLeft(every)) return exitWith(every.left)
      const resume = matchResume(start.right, flags.right.warmup, every.right)
      if (E.isLeft(resume)) return exitWith(resume.left)
      const backend = await chooseBackend(o.backend)
      if (E.isLeft(backend)) return exitWith(backend.left)
      const watching = hintOnInterrupt('match', flags.right.out, resume.right.last)
      const r = await matchCommand(backend.right, start.right.input, flags.right, (n) => progressBar(`match ${flags.right.synth}`, n), resume.right)()
      watching()
      if (E.isLeft(r)) return exitWith(r.left)
      for (const line of summaryLines(target ?? start.right.input, r.right, o.backend)) console.log(line)
    })
