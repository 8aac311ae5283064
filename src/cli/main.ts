#!/usr/bin/env node
/**
 * The `ddsp` command line. Every command takes `--backend` (or `DDSP_BACKEND`)
 * and `--seed`; failures print one line and exit with code 2 for bad
 * arguments or input.
 *
 * @example
 * ddsp list
 * ddsp render snare808 --seconds 0.5 --out out/snare.wav
 */
import { Command, CommanderError } from 'commander'
import * as E from 'fp-ts/lib/Either.js'
import { pipe } from 'fp-ts/lib/function.js'
import { backendNames, isBackendName, loadBackend } from '../backends/load.js'
import { lossNames } from '../losses/registry.js'
import { synthRegistry } from '../synths/registry.js'
import { exitWith, usage, type CliError } from './errors.js'
import { parseBounded, parseSampleRate } from '../io/limits.js'
import { BOUNDS } from './bounds.js'
import { addGlobalOptions, commandLimits } from './global-options.js'
import { exitOnSignals } from '../io/temp-files.js'
import { lossCommand } from './loss.js'
import { renderCommand } from './render.js'
import { renderInputs } from './render-inputs.js'
import { noteSeconds } from './render-plan.js'
import { benchCommand, type BenchFlags } from './bench.js'
import { featuresCommand, rounded, summary } from './features.js'
import { matchAction } from './match-action.js'
import { analysisSummary, analyzeCommand, roundedAnalysis } from './analyze.js'
import { registerTrain } from './train.js'
import { registerTransfer } from './transfer.js'

/** Loads a backend by name: unknown names are usage errors; unavailable ones say why and how to fix it. */
const chooseBackend = async (name: string) =>
  isBackendName(name)
    ? E.mapLeft((e: CliError) => e)(await loadBackend(name))
    : E.left(usage(`unknown backend '${name}'; choose one of ${backendNames.join(', ')}`))

exitOnSignals() // Ctrl-C and kill end through process.exit, so temporary files are removed

const program = addGlobalOptions(new Command('ddsp'))
  .description('differentiable DSP in TypeScript')
  .exitOverride()
  .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `ddsp: ${s.slice(7)}` : s) })

program
  .command('list')
  .description('list the synths `render` knows')
  .action(() => {
    for (const [name, s] of Object.entries(synthRegistry)) console.log(`${name.padEnd(16)} ${s.description}`)
  })

program
  .command('backends')
  .description('list the backends: available, or why not')
  .action(async () => {
    for (const name of backendNames) {
      const b = await loadBackend(name)
      const device = E.isRight(b) ? (b.right as { caps?: { device?: string } }).caps?.device : undefined
      console.log(`${name.padEnd(10)} ${E.isRight(b) ? `available${device === undefined ? '' : ` on ${device}`}` : `unavailable: ${b.left.reason}. ${b.left.remedy}`}`)
    }
  })

program
  .command('loss <a> <b>')
  .description('a loss of prediction a against target b (audio files: WAV, FLAC, Ogg Vorbis/Opus, MP3; both mixed to mono)')
  .option('--loss <name>', `loss: ${lossNames.join(', ')}`, 'mss')
  .option('--json', 'print one JSON object')
  .option('--backend <name>', `backend: ${backendNames.join(', ')}`, process.env['DDSP_BACKEND'] ?? 'wasm')
  .action(async (a: string, b: string, o: { loss: string; json?: boolean; backend: string }, cmd: Command) => {
    const limits = commandLimits(cmd)
    if (E.isLeft(limits)) return exitWith(limits.left)
    const backend = await chooseBackend(o.backend)
    if (E.isLeft(backend)) return exitWith(backend.left)
    const r = await lossCommand(backend.right, a, b, o.loss, limits.right)()
    if (E.isLeft(r)) return exitWith(r.left)
    const { value, samples, sample_rate, ms } = r.right
    console.log(o.json === true ? JSON.stringify(r.right) : `${o.loss} = ${value} (${a} vs target ${b}, ${samples} samples at ${sample_rate} Hz, ${ms.toFixed(0)} ms on ${o.backend})`)
  })

program
  .command('render <name>')
  .description('render a synth to a WAV file: its defaults, an 808 voice at --params or --preset, or --notes from a MIDI file')
  .option('--seconds <s>', 'duration in seconds', '1')
  .option('--sr <hz>', 'sample rate', '44100')
  .option('--out <file>', 'output WAV (default out/<name>.wav)')
  .option('--backend <name>', `backend: ${backendNames.join(', ')}`, process.env['DDSP_BACKEND'] ?? 'wasm')
  .option('--seed <n>', 'added to the synth\'s own noise seeds (0 = its default noise)', '0')
  .option('--params <file>', "an 808 voice's parameters: a params.json as `ddsp match` writes")
  .option('--preset <name>', "an 808 voice's named preset (e.g. 808_snare_2; a wrong name lists them)")
  .option('--notes <file.mid>', 'play a MIDI file: poly, adsr-saw, harmonic, wavetable, or an 808 voice (one hit per note); --seconds defaults to its length')
  .action(async (name: string, o: { seconds: string; sr: string; out?: string; backend: string; seed: string; params?: string; preset?: string; notes?: string }, cmd: Command) => {
    const limits = commandLimits(cmd)
    if (E.isLeft(limits)) return exitWith(limits.left)
    const f = pipe(
      E.Do,
      E.bind('seconds', () => parseBounded('--seconds', o.seconds, BOUNDS.renderSeconds)),
      E.bind('sampleRate', () => parseSampleRate('--sr', o.sr, limits.right)),
      E.bind('seed', () => parseBounded('--seed', o.seed, BOUNDS.seed)),
    )
    if (E.isLeft(f)) return exitWith(f.left)
    const inputs = await renderInputs(name, o, f.right.sampleRate)()
    if (E.isLeft(inputs)) return exitWith(inputs.left)
    const notes = inputs.right.notes
    const seconds = notes !== undefined && cmd.getOptionValueSource('seconds') === 'default' ? noteSeconds(name, notes.seconds) : f.right.seconds
    const backend = await chooseBackend(o.backend)
    if (E.isLeft(backend)) return exitWith(backend.left)
    const r = await renderCommand(backend.right, name, { ...f.right, seconds, inputs: inputs.right, out: o.out ?? `out/${name}.wav`, limits: limits.right })()
    if (E.isLeft(r)) return exitWith(r.left)
    const { path, samples, peak, rms, ms } = r.right
    console.log(`${path}: ${samples} samples at ${f.right.sampleRate} Hz, peak ${peak.toFixed(3)}, rms ${rms.toFixed(3)}, ${ms.toFixed(0)} ms on ${o.backend}`)
  })

program
  .command('bench')
  .description('time the standard DDSP workload on each backend and in PyTorch (python3-torch), side by side')
  .option('--json', 'print one JSON document')
  .option('--runs <n>', 'timed runs per case (after one warm-up)', '10')
  .option('--backends <list>', 'comma-separated backends', 'wasm,tfjs-cpu')
  .option('--no-torch', 'skip the PyTorch peer')
  .option('--threads <n>', 'PyTorch threads', '2')
  .option('--torch-allocator <name>', 'the PyTorch peer\'s allocator: default (glibc malloc) or jemalloc (LD_PRELOAD of Debian\'s libjemalloc2)', 'default')
  .option('--no-fused', 'time the plain decompositions (no host fused lowerings)')
  .option('--no-autoencoder', 'skip the DDSP autoencoder training-step case')
  .option('--seconds <s>', 'seconds per example (default 4)')
  .option('--batch <n>', 'batch size (default 4)')
  .action(async (o: BenchFlags) => {
    const r = await benchCommand(o, (line) => process.stderr.write(`${line}\n`))
    if (E.isLeft(r)) return exitWith(r.left)
    console.log(r.right)
  })

program
  .command('features <file>')
  .description('f0, loudness, centroid, RMS, flatness and onsets of an audio file (WAV, FLAC, Ogg Vorbis/Opus, MP3; mixed to mono)')
  .option('--json', 'print one JSON object')
  .option('--hop-ms <ms>', 'frame hop in milliseconds', '10')
  .option('--backend <name>', `backend: ${backendNames.join(', ')}`, process.env['DDSP_BACKEND'] ?? 'wasm')
  .action(async (file: string, o: { json?: boolean; hopMs: string; backend: string }, cmd: Command) => {
    const limits = commandLimits(cmd)
    if (E.isLeft(limits)) return exitWith(limits.left)
    const hopMs = parseBounded('--hop-ms', o.hopMs, BOUNDS.hopMs)
    if (E.isLeft(hopMs)) return exitWith(hopMs.left)
    const backend = await chooseBackend(o.backend)
    if (E.isLeft(backend)) return exitWith(backend.left)
    const r = await featuresCommand(backend.right, file, { hopMs: hopMs.right, limits: limits.right })()
    if (E.isLeft(r)) return exitWith(r.left)
    console.log(o.json === true ? JSON.stringify(rounded(r.right)) : summary(file, r.right))
  })

program
  .command('analyze <file>')
  .description('onset, attack, decay, pitch and glide, spectral tilt and noise colour, and decaying modes of a recorded hit (mixed to mono)')
  .option('--json', 'print one JSON object')
  .option('--seconds <s>', 'longest part analysed', '3')
  .action(async (file: string, o: { json?: boolean; seconds: string }, cmd: Command) => {
    const limits = commandLimits(cmd)
    if (E.isLeft(limits)) return exitWith(limits.left)
    const seconds = parseBounded('--seconds', o.seconds, BOUNDS.matchSeconds)
    if (E.isLeft(seconds)) return exitWith(seconds.left)
    const r = await analyzeCommand(file, { seconds: seconds.right, limits: limits.right })()
    if (E.isLeft(r)) return exitWith(r.left)
    console.log(o.json === true ? JSON.stringify(roundedAnalysis(r.right)) : analysisSummary(file, r.right))
  })

registerTrain(program, chooseBackend)
registerTransfer(program, chooseBackend)

matchAction(program.command('match [target]'), chooseBackend)

program.parseAsync(process.argv).catch((e: unknown) => {
  if (e instanceof CommanderError) process.exitCode = e.exitCode === 0 ? 0 : 2
  else exitWith(usage(e instanceof Error ? e.message : String(e)))
})
