/**
 * The hostile-input cases of issue 23, run against a checkout of ddsp-ts:
 * each case makes its inputs in a temporary folder, runs one `ddsp` command
 * (or one request to the dev server) under a time limit, and records the exit
 * code, the first stderr line, the wall time and the peak RSS
 * (`/usr/bin/time`). `docs/hostile-inputs.md` is two such runs side by side.
 *
 * @example
 * npx tsx scripts/hostile-inputs.ts run /tmp/before > before.json
 * npx tsx scripts/hostile-inputs.ts run . > after.json
 * npx tsx scripts/hostile-inputs.ts table before.json after.json > docs/hostile-inputs.md
 */
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { linearToAlaw, linearToMulaw } from '../src/io/g711.js'
import { floatData, pcm16Data, sine, wavBytes } from '../src/io/wav-bytes.js'

/** One case's outcome. @example const r: Outcome = { id: 'x', command: 'ddsp …', exit: '2', message: 'ddsp: …', seconds: 1.2, rssMb: 80 } */
export interface Outcome {
  readonly id: string
  readonly command: string
  readonly exit: string
  readonly message: string
  readonly seconds: number
  readonly rssMb: number
  readonly leftovers?: string
}

const TSX = resolve(import.meta.dirname, '../node_modules/.bin/tsx')
const LIMIT_S = Number(process.env['HOSTILE_LIMIT_S'] ?? 20)

const makeInputs = (dir: string): void => {
  const tone = sine(8000, 220, 16000)
  const w = (name: string, bytes: Uint8Array) => writeFileSync(join(dir, name), bytes)
  w('good.wav', wavBytes({ format: 1, bits: 16, sampleRate: 16000, data: pcm16Data(sine(16000, 220, 16000)) }))
  w('sr1e9.wav', wavBytes({ format: 3, bits: 32, sampleRate: 1e9, data: floatData(tone) }))
  w('sr1.wav', wavBytes({ format: 3, bits: 32, sampleRate: 1, data: floatData(tone) }))
  w('nan.wav', wavBytes({ format: 3, bits: 32, sampleRate: 16000, data: floatData(tone.map((v, i) => (i === 100 ? NaN : v))) }))
  w('inf.wav', wavBytes({ format: 3, bits: 32, sampleRate: 16000, data: floatData(tone.map((v, i) => (i === 7 ? Infinity : v))) }))
  w('tone.wav', wavBytes({ format: 1, bits: 16, sampleRate: 16000, data: pcm16Data(tone) }))
  w('alaw.wav', wavBytes({ format: 6, bits: 8, sampleRate: 16000, data: Uint8Array.from(tone, (v) => linearToAlaw(32767 * v)) }))
  w('mulaw.wav', wavBytes({ format: 7, bits: 8, sampleRate: 16000, data: Uint8Array.from(tone, (v) => linearToMulaw(32767 * v)) }))
  const hits = new Float64Array(16000)
  for (const at of [1600, 6400, 11200]) for (let i = 0; i < 3000; i++) hits[at + i] = 0.8 * Math.exp(-i / 400) * (Math.sin(i * 0.09) + 0.5 * Math.sin(i * 1.37 + at))
  w('hits.wav', wavBytes({ format: 1, bits: 16, sampleRate: 16000, data: pcm16Data(hits) }))
  w('tag1234.wav', wavBytes({ format: 0x1234, bits: 16, sampleRate: 16000, data: pcm16Data(tone) }))
  mkdirSync(join(dir, 'out', 'd'), { recursive: true })
  writeFileSync(join(dir, 'afile'), 'not a folder')
}

/** A model folder trained by the checkout, and copies with a hostile config. */
const makeModels = (root: string, dir: string): void => {
  spawnSync(TSX, [join(root, 'src/cli/main.ts'), 'train', 'good.wav', '--steps', '2', '--out', 'model'], { cwd: dir, stdio: 'ignore' })
  spawnSync(TSX, [join(root, 'src/cli/main.ts'), 'train', 'good.wav', '--steps', '3', '--seed', '1', '--out', 'model2'], { cwd: dir, stdio: 'ignore' })
  // a folder as a kill -9 mid-write could leave it: the new run's checkpoint beside the old run's model
  cpSync(join(dir, 'model'), join(dir, 'mixed'), { recursive: true })
  cpSync(join(dir, 'model2', 'checkpoint.json'), join(dir, 'mixed', 'checkpoint.json'))
  for (const [name, patch] of [['harm1e9', { harmonics: 1e9 }], ['sr1e9model', { sampleRate: 1e9 }], ['hop2e31', { hop: 2 ** 31 }]] as const) {
    cpSync(join(dir, 'model'), join(dir, name), { recursive: true })
    const m = JSON.parse(readFileSync(join(dir, name, 'model.json'), 'utf8')) as { config: Record<string, number> }
    Object.assign(m.config, patch)
    writeFileSync(join(dir, name, 'model.json'), JSON.stringify(m))
    rmSync(join(dir, name, 'manifest.json'), { force: true }) // as written by hand, or by a ddsp-ts before manifests
  }
}

const CASES: readonly (readonly [string, string])[] = [
  ['features-1e9hz', 'features sr1e9.wav'],
  ['match-1hz', 'match sr1.wav --synth kick808 --steps 5 --warmup 1 --starts 0'],
  ['transfer-1hz', 'transfer sr1.wav --model model --out t.wav'],
  ['render-seconds-1e9', 'render kick808 --seconds 1e9 --out r.wav'],
  ['render-sr-1e9', 'render kick808 --sr 1e9 --out r.wav'],
  ['match-sr-1e9', 'match good.wav --synth kick808 --sr 1e9 --steps 5 --warmup 1 --starts 0'],
  ['train-steps-empty', 'train good.wav --steps= --out tr'],
  ['render-sr-1', 'render kick808 --sr 1 --out r.wav'],
  ['render-seconds-1e-9', 'render kick808 --seconds 1e-9 --out r.wav'],
  ['render-seed-abc', 'render kick808 --seed abc --out r.wav'],
  ['transfer-harmonics-1e9', 'transfer good.wav --model harm1e9 --out t.wav'],
  ['transfer-model-sr-1e9', 'transfer good.wav --model sr1e9model --out t.wav'],
  ['transfer-hop-2^31', 'transfer good.wav --model hop2e31 --out t.wav'],
  ['train-remap-hidden-1e6', 'train hits.wav --model remap --hidden 1000000 --steps 1 --out remap'],
  ['transfer-mixed-run', 'transfer good.wav --model mixed --out t.wav'],
  ['loss-nan', 'loss nan.wav good.wav'],
  ['loss-inf', 'loss good.wav inf.wav'],
  ['match-nan', 'match nan.wav --synth kick808 --steps 5 --warmup 1 --starts 0'],
  ['loss-alaw-vs-pcm', 'loss alaw.wav tone.wav --loss l1'],
  ['loss-mulaw-vs-pcm', 'loss mulaw.wav tone.wav --loss l1'],
  ['features-tag-0x1234', 'features tag1234.wav'],
  ['render-out-is-dir', 'render kick808 --out out/d'],
  ['match-out-unusable', 'match good.wav --synth kick808 --steps 5 --warmup 1 --starts 0 --out afile/sub'],
  ['train-out-unusable', 'train good.wav --steps 2 --out afile/sub'],
]

const run = (root: string, dir: string, id: string, args: string): Promise<Outcome> =>
  new Promise((done) => {
    const rss = join(dir, `${id}.rss`)
    const t0 = performance.now()
    const argv = args.split(' ')
    const tempsBefore = new Set(readdirSync(dir, { recursive: true }).map(String).filter((f) => f.includes('tmp')))
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', rss, 'timeout', '-s', 'KILL', String(LIMIT_S), TSX, join(root, 'src/cli/main.ts'), ...argv], { cwd: dir })
    let err = ''
    let out = ''
    child.stderr.on('data', (b: Buffer) => (err += b.toString()))
    child.stdout.on('data', (b: Buffer) => (out += b.toString()))
    child.on('close', (code) => {
      const seconds = (performance.now() - t0) / 1000
      const killed = seconds >= LIMIT_S - 0.5
      const lines = err.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('Command ') && !/^\d+$/.test(l.trim()))
      const first = lines.find((l) => l.startsWith('ddsp:')) ?? lines.find((l) => !l.includes('█') && !l.includes('░')) ?? out.split('\n')[0] ?? ''
      const rssKb = existsSync(rss) ? Number(readFileSync(rss, 'utf8').trim().split('\n').pop()) : NaN
      const leftovers = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.includes('tmp') && !tempsBefore.has(f))
      done({
        id, command: `ddsp ${args}`, exit: killed ? `killed at ${LIMIT_S} s` : String(code), message: `${first.slice(0, 160)}${lines.length > 1 ? ` (+${lines.length - 1} lines)` : ''}`,
        seconds: Number(seconds.toFixed(1)), rssMb: killed ? 0 : Math.round(rssKb / 1024), ...(leftovers.length > 0 ? { leftovers: leftovers.join(', ') } : {}),
      })
    })
  })

const request = (port: number, raw: string): Promise<string> =>
  new Promise((done) => {
    const s = connect(port, '127.0.0.1')
    let got = ''
    s.on('data', (b) => (got += b.toString()))
    s.on('error', (e) => done(`error: ${e.message}`))
    s.on('close', () => done(got.split('\r\n')[0] ?? ''))
    s.write(raw)
    setTimeout(() => s.destroy(), 2000)
  })

const server = async (root: string): Promise<Outcome[]> => {
  const port = 18000 + Math.floor(Math.random() * 1000)
  const child = spawn(TSX, [join(root, 'web/serve.ts'), String(port)], { stdio: ['ignore', 'pipe', 'pipe'] })
  let alive = true
  child.on('exit', () => (alive = false))
  await new Promise((r) => setTimeout(r, 4000))
  const out: Outcome[] = []
  const probes: readonly (readonly [string, string])[] = [
    ['server-percent', 'GET /% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['server-nul', 'GET /a%00b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['server-huge-header', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100_000)}\r\nConnection: close\r\n\r\n`],
    ['server-post', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n'],
  ]
  for (const [id, raw] of probes) {
    const status = await request(port, raw)
    await new Promise((r) => setTimeout(r, 300))
    const after = alive ? await request(port, 'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n') : 'connection refused'
    out.push({ id, command: `curl ${id.replace('server-', '')} (raw ${JSON.stringify(raw.split('\r\n')[0]!.slice(0, 40))})`, exit: alive ? 'server up' : 'server died', message: `${status || '(no response)'}; next GET /: ${after}`, seconds: 0, rssMb: 0 })
  }
  if (alive) child.kill('SIGTERM')
  return out
}

const cell = (o: Outcome | undefined) =>
  o === undefined
    ? '—'
    : o.id.startsWith('server-')
      ? `${o.exit}: ${o.message}`
      : `exit ${o.exit}, ${o.seconds} s${o.rssMb > 0 ? `, peak ${o.rssMb} MB` : ''}: ${o.message.replace(/\|/g, '\\|')}${o.leftovers ? ` — left ${o.leftovers}` : ''}`

const main = async () => {
  const [mode, a, b] = process.argv.slice(2)
  if (mode === 'run' && a !== undefined) {
    const root = resolve(a)
    const dir = mkdtempSync(join(tmpdir(), 'ddsp-hostile-'))
    makeInputs(dir)
    makeModels(root, dir)
    const only = process.env['HOSTILE_ONLY']?.split(',')
    const results: Outcome[] = only === undefined ? [...(await server(root))] : []
    for (const [id, args] of CASES.filter(([id]) => only === undefined || only.includes(id))) {
      process.stderr.write(`${id} … `)
      const r = await run(root, dir, id, args)
      process.stderr.write(`${r.exit} ${r.seconds} s\n`)
      results.push(r)
    }
    console.log(JSON.stringify(results, null, 1))
  } else if (mode === 'table' && a !== undefined && b !== undefined) {
    const before = JSON.parse(readFileSync(a, 'utf8')) as Outcome[]
    const after = JSON.parse(readFileSync(b, 'utf8')) as Outcome[]
    console.log('| case | command | before | after |\n|---|---|---|---|')
    for (const o of after) console.log(`| ${o.id} | \`${o.command}\` | ${cell(before.find((x) => x.id === o.id))} | ${cell(o)} |`)
  } else {
    console.error('usage: hostile-inputs.ts run ROOT > out.json | table before.json after.json')
    process.exitCode = 2
  }
}

void main()
