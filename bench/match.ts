/**
 * `npm run bench:match [-- --only before|after] [--hits name,name] [--json]`:
 * `ddsp match` on real one-shot hits it never saw, with the figures that say
 * whether the match is right (`features/analysis/figures.ts`): per hit, the
 * target's and the match's pitch (cents apart), the envelope error (mean
 * |dB|), the log-mel distance and the unfitted preset's, and the wall time —
 * "before" (the method of issue 17's report: MSS loss, the preset and 2
 * random starts; `--loss mss --init preset`) and "after" (the CLI defaults:
 * the match loss, starts from the target's analysis).
 *
 * The hits are Debian's Hydrogen kits (`apt-get install hydrogen-data
 * hydrogen-drumkits flac`; the 808 FLACs are decoded with `flac -d`):
 * - TR808EmulationKit (hydrogen-data), licence GPL (its drumkit.xml):
 *   808_Kick_Long, 808_Tom_Low, 808_Snare_1, 808_Clap;
 * - GMRockKit (hydrogen-drumkits), licence GPL (its drumkit.xml), an acoustic
 *   kit other than the demo's rumpf_kit_z01: Kick-Hard, Snare-Hard, TomFloor-Hard.
 * Not used by any test (tests use generated or shipped data).
 *
 * @example
 * npm run bench:match -- --only after --hits 808-kick,gm-snare
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { loadBackend } from '../src/backends/load.js'
import { formatCliError } from '../src/cli/errors.js'
import { MATCH_DEFAULTS, matchCommand, parseMatchFlags, type MatchReport } from '../src/cli/match.js'

const KITS = '/usr/share/hydrogen/data/drumkits'
const HITS = [
  { name: '808-kick', file: `${KITS}/TR808EmulationKit/808_Kick_Long.flac`, synth: 'kick808' },
  { name: '808-low-tom', file: `${KITS}/TR808EmulationKit/808_Tom_Low.flac`, synth: 'tom808' },
  { name: '808-snare', file: `${KITS}/TR808EmulationKit/808_Snare_1.flac`, synth: 'snare808' },
  { name: '808-clap', file: `${KITS}/TR808EmulationKit/808_Clap.flac`, synth: 'clap808' },
  { name: 'gm-kick', file: `${KITS}/GMRockKit/Kick-Hard.wav`, synth: 'kick808' },
  { name: 'gm-snare', file: `${KITS}/GMRockKit/Snare-Hard.wav`, synth: 'modal-drum' },
  { name: 'gm-floor-tom', file: `${KITS}/GMRockKit/TomFloor-Hard.wav`, synth: 'modal-drum' },
] as const

const METHODS = {
  before: { loss: 'mss', init: 'preset', lr: '0.05', steps: '150', starts: '2', warmup: '15' },
  after: {},
} as const

const arg = (flag: string) => {
  const i = process.argv.indexOf(flag)
  return i >= 0 ? process.argv[i + 1] : undefined
}

/** A WAV path for the hit: FLACs are decoded into a temporary folder. */
const wavOf = (file: string, dir: string): string => {
  if (!file.endsWith('.flac')) return file
  const out = join(dir, file.split('/').pop()!.replace(/\.flac$/, '.wav'))
  execFileSync('flac', ['-d', '-s', '-f', '-o', out, file])
  return out
}

const row = (hit: string, synth: string, method: string, r: MatchReport) => {
  const { match: m, preset: p } = r.figures
  const hz = (v: number | null) => (v === null ? '—' : v.toFixed(1))
  const c = (v: number | null) => (v === null ? '—' : `${v >= 0 ? '+' : ''}${v.toFixed(0)}`)
  return `| ${hit} | ${synth} | ${method} | ${hz(m.targetPitchHz)}${m.pitched ? '' : '*'} | ${hz(m.matchPitchHz)} (${c(m.centsApart)}) | ${hz(p.matchPitchHz)} (${c(p.centsApart)}) | ${m.envelopeErrorDb.toFixed(2)} | ${p.envelopeErrorDb.toFixed(2)} | ${m.logMelDistance.toFixed(3)} | ${p.logMelDistance.toFixed(3)} | ${(m.logMelDistance / p.logMelDistance).toFixed(2)} | ${r.seconds.toFixed(1)} |`
}

const main = async (): Promise<number> => {
  const missing = HITS.filter((h) => !existsSync(h.file))
  if (missing.length > 0) {
    console.error(`bench:match: ${missing[0]!.file} is missing; install the kits: apt-get install hydrogen-data hydrogen-drumkits flac`)
    return 2
  }
  const only = arg('--only')
  const names = arg('--hits')?.split(',')
  const methods = (Object.keys(METHODS) as Array<keyof typeof METHODS>).filter((m) => only === undefined || only === m)
  const backend = await loadBackend('wasm')
  if (E.isLeft(backend)) {
    console.error(`bench:match: wasm unavailable: ${backend.left.reason}`)
    return 2
  }
  const dir = mkdtempSync(join(tmpdir(), 'ddsp-bench-match-'))
  const json: unknown[] = []
  console.log('| hit | synth | method | target Hz | match Hz (cents) | preset Hz (cents) | env err dB | preset env dB | log-mel | preset log-mel | ratio | s |')
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|')
  for (const h of HITS.filter((x) => names === undefined || names.includes(x.name))) {
    const wav = wavOf(h.file, dir)
    for (const method of methods) {
      const flags = parseMatchFlags({ ...MATCH_DEFAULTS, ...METHODS[method], synth: h.synth, out: join(dir, `${h.name}-${method}`) })
      if (E.isLeft(flags)) throw new Error(formatCliError(flags.left))
      const r = await matchCommand(backend.right, wav, flags.right)()
      if (E.isLeft(r)) {
        console.log(`| ${h.name} | ${h.synth} | ${method} | failed: ${formatCliError(r.left)} |`)
        continue
      }
      console.log(row(h.name, h.synth, method, r.right))
      json.push({ hit: h.name, synth: h.synth, method, figures: r.right.figures, seconds: r.right.seconds, final_loss: r.right.final_loss, preset_loss: r.right.preset_loss })
    }
  }
  console.log('\n`*` the target is weakly voiced (under half its sounding frames): its pitch is not a target. ratio = log-mel / preset log-mel.')
  if (process.argv.includes('--json')) console.log(JSON.stringify(json))
  return 0
}

main().then((code) => { process.exitCode = code }, (e: unknown) => {
  console.error(`bench:match: ${e instanceof Error ? e.message : String(e)}`)
  process.exitCode = 1
})
