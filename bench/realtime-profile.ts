/**
 * Where the DDSP voice's time goes: V8's sampling CPU profiler (node:inspector)
 * over `SECONDS` of audio, self time grouped by the source file that runs it —
 * a wasm kernel's time under the TypeScript module that calls it (e.g.
 * `wasm/harmonics.ts`: the oscillator bank and its staging; `wasm/convolve.ts`:
 * the reverb's multiply-add; `wasm/fft.ts`: the FFTs, the reverb's and the
 * noise voice's impulse), JavaScript under its own file — as a
 * share of the profile and in ms per second of audio.
 *
 * @example
 * npm run bench:profile
 * SECONDS=60 npm run bench:profile
 */
import { Session } from 'node:inspector/promises'
import { BLOCK, ddspRow, SR, warmUp } from './realtime-rows.js'

const SECONDS = Number(process.env['SECONDS'] ?? 300)

/** One node of V8's CPU profile (the fields read here). */
interface ProfileNode {
  readonly id: number
  readonly callFrame: { readonly url: string; readonly functionName: string }
  readonly children?: readonly number[]
}

/** The file a node's self time is charged to: its own, or for wasm code the nearest caller with a source file. */
const owner = (id: number, nodes: Map<number, ProfileNode>, parent: Map<number, number>): string => {
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const url = nodes.get(at)!.callFrame.url
    if (url !== '' && !url.startsWith('wasm')) return url.replace(/^.*\/(src|bench)\//, '')
  }
  return nodes.get(id)!.callFrame.functionName || '(other)'
}

const main = async (): Promise<void> => {
  const row = ddspRow()
  const out = new Float32Array(BLOCK)
  warmUp(row, out)
  const session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 200 })
  await session.post('Profiler.start')
  const blocks = Math.round((SECONDS * SR) / BLOCK)
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < blocks; i++) row.step(out)
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  const { profile } = await session.post('Profiler.stop')
  session.disconnect()
  const nodes = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n as ProfileNode]))
  const parent = new Map<number, number>()
  for (const n of nodes.values()) for (const c of n.children ?? []) parent.set(c, n.id)
  const self = new Map<string, number>()
  const samples = profile.samples ?? []
  const deltas = profile.timeDeltas ?? []
  let total = 0
  samples.forEach((id, i) => {
    const dt = deltas[i] ?? 0
    const k = owner(id, nodes, parent)
    if (k.startsWith('node:inspector')) return // the profiler's own start and stop, outside the timed loop
    self.set(k, (self.get(k) ?? 0) + dt)
    total += dt
  })
  const audio = (blocks * BLOCK) / SR
  console.log(`${row.voice}: ${audio.toFixed(0)} s of audio in ${(ms / 1000).toFixed(2)} s (RTF ${((1000 * audio) / ms).toFixed(0)} while profiled)`)
  console.log('share | ms per s of audio | where (wasm kernels under the module that calls them)')
  for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).filter(([, t]) => t / total >= 0.005))
    console.log(`${((100 * t) / total).toFixed(1).padStart(5)} % | ${((t / total) * (ms / audio)).toFixed(3).padStart(6)} | ${k}`)
}

void main()
