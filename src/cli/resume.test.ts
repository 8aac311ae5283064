/**
 * `ddsp train --resume` and `ddsp match --resume`, end to end: the CLI runs as
 * a child process on a generated 0.5 s tone, is interrupted mid-run by SIGINT
 * or SIGKILL once DIR/resume.json holds a checkpoint, and is resumed; the
 * folder it writes is compared with an uninterrupted run's — byte for byte
 * for train (checkpoint.json with params, optimizer state and losses, model,
 * resynthesis, plot, manifest), and for match the fitted params, the losses
 * (loss.png), the render (match.wav) and the starts (params.json holds the
 * run's wall time, so it is compared field by field).
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { pcm16Data, sine, wavBytes } from '../io/wav-bytes.js'

const TSX = join(process.cwd(), 'node_modules/tsx/dist/esm/index.mjs')
const MAIN = join(process.cwd(), 'src/cli/main.ts')
const dir = mkdtempSync(join(tmpdir(), 'ddsp-resume-'))
const at = (...p: string[]) => join(dir, ...p)
const args = (a: readonly string[]) => ['--import', TSX, MAIN, ...a]

/** Runs the CLI to the end. */
const run = (a: readonly string[]) => {
  const r = spawnSync(process.execPath, args(a), { cwd: dir, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`ddsp ${a.join(' ')} exited ${r.status}: ${r.stderr.slice(-400)}`)
  return r
}

/** The step recorded in DIR/resume.json (undefined while there is none). */
const savedStep = (out: string): number | undefined => {
  const t = existsSync(at(out, 'resume.json')) ? readFileSync(at(out, 'resume.json'), 'utf8') : ''
  const m = /"step":(\d+)/.exec(t)
  return m === null ? undefined : Number(m[1])
}

/** Starts the CLI, sends `signal` once a checkpoint at step ≥ `after` exists, returns how it ended and what it said. */
const interrupt = (a: readonly string[], out: string, after: number, signal: 'SIGINT' | 'SIGKILL') =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; at: number }>((done, fail) => {
    const p = spawn(process.execPath, args(a), { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    let sentAt = -1
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
    const poll = setInterval(() => {
      const s = savedStep(out)
      if (s !== undefined && s >= after && sentAt < 0) {
        sentAt = s
        p.kill(signal)
      }
    }, 20)
    p.on('error', fail)
    p.on('exit', (code, sig) => {
      clearInterval(poll)
      done({ code, signal: sig, stderr, at: sentAt })
    })
  })

const files = (out: string) => readdirSync(at(out)).sort()
const bytes = (out: string, f: string) => readFileSync(at(out, f))

beforeAll(() => {
  const x = sine(8000, 220, 16000, 0.4).map((v, i) => v * (1 + 0.5 * Math.sin(i / 900)) + 0.05 * Math.sin(i * 1.7))
  writeFileSync(at('tone.wav'), wavBytes({ format: 1, bits: 16, sampleRate: 16000, data: pcm16Data(x) }))
})

describe('ddsp train --resume', () => {
  const train = (out: string) => ['train', 'tone.wav', '--steps', '12', '--batch', '1', '--example-seconds', '0.2', '--checkpoint-every', '2', '--out', out]
  it.each(['SIGINT', 'SIGKILL'] as const)('interrupted by %s mid-run, then resumed: the run folder equals the uninterrupted run’s, byte for byte', async (signal) => {
    if (!existsSync(at('train-straight', 'manifest.json'))) run(train('train-straight'))
    const out = `train-${signal}`
    const cut = await interrupt(train(out), out, 2, signal)
    // it really stopped mid-run: no finished folder, a checkpoint before the last step
    expect(signal === 'SIGINT' ? cut.code : cut.signal).toBe(signal === 'SIGINT' ? 130 : 'SIGKILL')
    expect(files(out).filter((f) => !f.endsWith('.ddsp-tmp'))).toEqual(['resume.json'])
    expect(savedStep(out)).toBeGreaterThanOrEqual(2)
    expect(savedStep(out)).toBeLessThan(12)
    if (signal === 'SIGINT') expect(cut.stderr).toMatch(new RegExp(`the last checkpoint \\(step \\d+\\) is in ${out}; continue with: ddsp train --resume ${out}`))
    const resumed = run(['train', '--resume', out])
    expect(resumed.stdout).toMatch(/12 steps/)
    expect(files(out)).toEqual(files('train-straight'))
    for (const f of files(out)) expect(bytes(out, f).equals(bytes('train-straight', f)), f).toBe(true)
  })
  it('refuses a fresh run over an interrupted one, a changed flag, a changed input, and a folder with nothing to resume', async () => {
    const out = 'train-refusals'
    await interrupt(train(out), out, 2, 'SIGKILL')
    const fail = (a: string[]) => spawnSync(process.execPath, args(a), { cwd: dir, encoding: 'utf8' })
    const fresh = fail(train(out))
    expect([fresh.status, fresh.stderr.trim()]).toEqual([2, expect.stringMatching(/holds an interrupted run \(step \d+\); continue it with 'ddsp train --resume train-refusals'/)])
    expect(fail(['train', '--resume', out, '--lr', '0.01']).stderr).toMatch(/--lr is 0.01 but the run being resumed used 0.001/)
    expect(fail(['train', '--resume', 'train-straight']).stderr).toMatch(/no interrupted run to resume \(no resume.json; the run there finished\)/)
    const t = readFileSync(at('tone.wav'))
    t[100] = t[100]! ^ 1
    writeFileSync(at('tone-changed.wav'), t)
    const doc = JSON.parse(readFileSync(at(out, 'resume.json'), 'utf8')) as { input: string; inputs: { path: string }[] }
    writeFileSync(at(out, 'resume.json'), JSON.stringify({ ...doc, input: at('tone-changed.wav'), inputs: doc.inputs.map((f) => ({ ...f, path: at('tone-changed.wav') })) }))
    const changed = fail(['train', '--resume', out])
    expect([changed.status, changed.stderr]).toEqual([2, expect.stringMatching(/tone-changed.wav: changed since the run started/)])
  })
})

describe('ddsp match --resume', () => {
  const match = (out: string) => ['match', 'tone.wav', '--synth', 'kick808', '--steps', '60', '--warmup', '8', '--starts', '1', '--sr', '16000', '--seconds', '0.3', '--checkpoint-every', '3', '--out', out]
  const report = (out: string) => {
    const { seconds: _s, files: _f, ...r } = JSON.parse(readFileSync(at(out, 'params.json'), 'utf8')) as Record<string, unknown>
    return r
  }
  it.each([
    ['SIGINT', 6],
    ['SIGKILL', 30],
  ] as const)('interrupted by %s (after update %i), then resumed: params, losses, render and starts equal the uninterrupted match’s', async (signal, after) => {
    if (!existsSync(at('match-straight', 'manifest.json'))) run(match('match-straight'))
    const out = `match-${signal}`
    const cut = await interrupt(match(out), out, after, signal)
    expect(signal === 'SIGINT' ? cut.code : cut.signal).toBe(signal === 'SIGINT' ? 130 : 'SIGKILL')
    expect(files(out).filter((f) => !f.endsWith('.ddsp-tmp'))).toEqual(['resume.json'])
    run(['match', '--resume', out])
    expect(report(out)).toEqual(report('match-straight'))
    for (const f of ['match.wav', 'loss.png', 'spectrogram.png']) expect(bytes(out, f).equals(bytes('match-straight', f)), f).toBe(true)
  })
})
