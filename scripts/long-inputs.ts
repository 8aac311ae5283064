/**
 * Peak RSS of `ddsp features`, `ddsp loss` and `ddsp transfer` on long
 * inputs (issue 23, item 4): for each length in minutes it writes a 16 kHz
 * mono 16-bit WAV (a 220 Hz tone with vibrato and a slow swell, written in
 * blocks, so this script stays small too), trains a tiny model once for
 * `transfer`, and runs each command under `/usr/bin/time`, one after the
 * other, printing a markdown table (exit code, wall time, peak RSS in MiB)
 * and, on stderr, each run as JSON.
 *
 * @example
 * npx tsx scripts/long-inputs.ts 1 10 60 > table.md
 * LONG_ONLY=transfer npx tsx scripts/long-inputs.ts 1 10   # some commands only (their columns only)
 */
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const NODE = [process.execPath, '--import', join(ROOT, 'node_modules/tsx/dist/esm/index.mjs'), join(ROOT, 'src/cli/main.ts')]
const SR = 16000

/** Writes `minutes` of the test tone as a 16-bit mono WAV, 64 Ki samples at a time. */
const writeTone = (path: string, minutes: number): void => {
  const n = Math.round(minutes * 60 * SR)
  const fd = openSync(path, 'w')
  const h = Buffer.alloc(44)
  h.write('RIFF', 0)
  h.writeUInt32LE(36 + 2 * n, 4)
  h.write('WAVEfmt ', 8)
  h.writeUInt32LE(16, 16)
  h.writeUInt16LE(1, 20)
  h.writeUInt16LE(1, 22)
  h.writeUInt32LE(SR, 24)
  h.writeUInt32LE(2 * SR, 28)
  h.writeUInt16LE(2, 32)
  h.writeUInt16LE(16, 34)
  h.write('data', 36)
  h.writeUInt32LE(2 * n, 40)
  writeSync(fd, h)
  let phase = 0
  for (let at = 0; at < n; at += 65536) {
    const m = Math.min(65536, n - at)
    const b = Buffer.alloc(2 * m)
    for (let i = 0; i < m; i++) {
      const t = (at + i) / SR
      phase += (2 * Math.PI * 220 * (1 + 0.01 * Math.sin(2 * Math.PI * 5 * t))) / SR
      b.writeInt16LE(Math.round(32767 * 0.5 * (0.5 + 0.4 * Math.sin(2 * Math.PI * 0.25 * t)) * Math.sin(phase)), 2 * i)
    }
    writeSync(fd, b)
  }
  closeSync(fd)
}

/** One command under /usr/bin/time: exit code, wall seconds, peak RSS (MiB), the first line it printed. */
const measure = (dir: string, args: readonly string[]) => {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', ...NODE, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 2 ** 30 })
  const m = /TIME ([\d.]+) (\d+)/.exec(r.stderr)
  const said = `${r.stdout}\n${r.stderr}`.split('\n').find((l) => l.trim() !== '' && !l.startsWith('TIME') && !l.includes('%')) ?? ''
  return { args: args.join(' '), exit: r.status, seconds: Number(m?.[1] ?? NaN), rssMiB: Math.round(Number(m?.[2] ?? NaN) / 1024), said: said.slice(0, 140) }
}

const minutes = process.argv.slice(2).map(Number)
const dir = mkdtempSync(join(tmpdir(), 'ddsp-long-'))
writeTone(join(dir, 'train.wav'), 1 / 60)
const trained = spawnSync(NODE[0]!, [...NODE.slice(1), 'train', 'train.wav', '--steps', '2', '--example-seconds', '0.25', '--out', 'model'], { cwd: dir, encoding: 'utf8' })
if (trained.status !== 0) throw new Error(`training the model for transfer failed: ${trained.stderr.trim().split('\n').at(-1)}`)
const titles: Record<string, string> = { features: '`ddsp features x.wav`', loss: '`ddsp loss x.wav x.wav`', transfer: '`ddsp transfer x.wav --model m`' }
const only = (process.env['LONG_ONLY'] ?? 'features,loss,transfer').split(',')
const rows: string[] = [`| input | ${only.map((c) => titles[c]).join(' | ')} |`, `|---|${only.map(() => '---|').join('')}`]
for (const min of minutes) {
  const wav = `m${min}.wav`
  writeTone(join(dir, wav), min)
  const runs = [['features', wav], ['loss', wav, wav], ['transfer', wav, '--model', 'model', '--out', 'y.wav']].filter((a) => only.includes(a[0]!)).map((a) => {
    const r = measure(dir, a)
    process.stderr.write(`${JSON.stringify({ minutes: min, ...r })}\n`)
    return r
  })
  rows.push(`| ${min} min (${min * 60 * SR} samples) | ${runs.map((r) => `exit ${r.exit}, ${r.seconds.toFixed(0)} s, peak ${r.rssMiB} MiB`).join(' | ')} |`)
  rmSync(join(dir, wav))
  rmSync(join(dir, 'y.wav'), { force: true })
}
rmSync(dir, { recursive: true, force: true })
console.log(rows.join('\n'))
