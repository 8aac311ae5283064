/**
 * Real-time benchmark of the fast inference path (`src/realtime`): for each
 * voice, the real-time factor at 48 kHz on one core (seconds of audio per
 * second of wall time, blocks of 128), and an allocation check (heap growth
 * and garbage collections during the timed loops; zero allocation per block
 * means no GC and a flat heap). Latency per voice is stated in the table.
 * Every voice is warmed up first, then timed in `BENCH_ROUNDS` rounds of
 * `BENCH_BLOCKS` blocks, the rounds interleaved across voices (so a slow spell
 * of the machine spreads over all rows). A round's time is the smaller of its
 * wall time and this process's CPU time: both bound the rendering thread's CPU
 * time from above (the wall time counts other processes, the CPU time V8's
 * background compiler and GC threads), so the RTF is a lower bound either way.
 * The table gives the median round (the target is judged on it) and the range.
 *
 * @example
 * npm run bench:realtime            # full table
 * BENCH_BLOCKS=2000 BENCH_ROUNDS=3 npm run bench:realtime
 */
import { PerformanceObserver } from 'node:perf_hooks'
import * as v8 from 'node:v8'
import * as vm from 'node:vm'
import { kit808, type Voice808 } from '../src/synths/drums/kit808.js'
import { ddspVoice, type DdspFrame } from '../src/realtime/voice-ddsp.js'
import { harmonicVoice } from '../src/realtime/harmonic-voice.js'
import { noiseVoice } from '../src/realtime/noise-voice.js'
import { stagedConvolver } from '../src/realtime/partitioned.js'
import { kit808Voices } from '../src/realtime/voice-808.js'

const SR = 48000
const BLOCK = 128
const BLOCKS = Number(process.env['BENCH_BLOCKS'] ?? 10000)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5)
const HOP = 192 // 250 control frames per second

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void
let gcs = 0
new PerformanceObserver((list) => (gcs += list.getEntries().length)).observe({ entryTypes: ['gc'] })

interface Row {
  readonly voice: string
  readonly latency: string
  readonly target: number
  /** Renders one block into `out`. */
  readonly step: (out: Float32Array) => void
}

/** One round of a row: times `BLOCKS` blocks; the real-time factor (by the smaller of wall and CPU time), heap growth and GCs. */
const round = async (r: Row, out: Float32Array) => {
  gc()
  await new Promise((ok) => setTimeout(ok, 10)) // let the observer report the forced GC
  const gc0 = gcs
  const heap0 = process.memoryUsage().heapUsed
  const t0 = process.hrtime.bigint()
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < BLOCKS; i++) r.step(out)
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  const cpu = process.cpuUsage(cpu0)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const heap = process.memoryUsage().heapUsed - heap0
  await new Promise((ok) => setTimeout(ok, 10))
  const audio = (BLOCKS * BLOCK) / SR
  return { rtf: audio / Math.min(seconds, cpuSeconds), heap, gcs: gcs - gc0 }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** A DDSP voice whose controller sends one frame per hop, one hop ahead. */
const ddspRow = (): Row => {
  const K = 100
  const M = 65
  const ir = Float32Array.from({ length: SR }, (_, i) => Math.sin(i * 12.9898) * 0.3 * Math.exp(-i / (0.25 * SR)))
  const v = ddspVoice({ sampleRate: SR, harmonics: K, bands: M, hop: HOP, ir, block: BLOCK })
  const frames: DdspFrame[] = [0, 1].map((k) => ({
    amplitude: -1 + k,
    distribution: Float64Array.from({ length: K }, (_, i) => Math.sin(i + k)),
    f0: 220 + 10 * k, // 100 harmonics stay below Nyquist: all are rendered
    noise: Float64Array.from({ length: M }, (_, i) => Math.cos(i + k)),
  }))
  let t = 0
  let pushed = 0
  return {
    voice: 'DDSP: harmonic(100) + noise(65) + reverb(1 s IR)',
    latency: `0 audio; controls 1 hop (${HOP}) ahead`,
    target: 100,
    step: (out) => {
      for (; pushed <= Math.floor((t + BLOCK + 64) / HOP) + 1; pushed++) v.pushFrame(frames[pushed & 1]!)
      v.process(out)
      t += BLOCK
    },
  }
}

/** One component of the DDSP voice alone, to show where the time goes. */
const parts = (): Row[] => {
  const h = harmonicVoice({ sampleRate: SR, harmonics: 100, hop: HOP })
  const n = noiseVoice({ bands: 65, hop: HOP })
  const dist = Float64Array.from({ length: 100 }, (_, i) => Math.sin(i))
  const mags = Float64Array.from({ length: 65 }, (_, i) => Math.cos(i))
  const conv = stagedConvolver(Float32Array.from({ length: SR }, (_, i) => Math.exp(-i / 12000) * Math.sin(i)), BLOCK)
  const x = Float32Array.from({ length: BLOCK }, (_, i) => Math.sin(i))
  const feeder = (push: () => void) => {
    let [t, pushed] = [0, 0]
    return () => {
      for (; pushed <= Math.floor((t + BLOCK + 64) / HOP) + 1; pushed++) push()
      t += BLOCK
    }
  }
  const fh = feeder(() => h.pushFrame(0, dist, 220))
  const fn = feeder(() => n.pushFrame(mags))
  return [
    { voice: '  harmonic(100) alone', latency: 'controls 1 hop ahead', target: 0, step: (o) => (fh(), h.process(o)) },
    { voice: '  filtered noise(65) alone', latency: 'controls 64 samples ahead', target: 0, step: (o) => (fn(), n.process(o)) },
    { voice: '  reverb 1 s IR alone (128/2048 stages)', latency: '0', target: 0, step: (o) => conv.process(x, o) },
  ]
}

/** Blocks between hits: 0.5 s, eighth notes at 120 bpm (triggers are inside the timed, allocation-checked loop). */
const RETRIGGER = Math.round((0.5 * SR) / BLOCK)

/** An 808 voice hit every 0.5 s with its default parameters. */
const drumRow = (name: Voice808): Row => {
  const v = kit808Voices[name](SR)
  const params = kit808[name].defaults(SR)
  let b = 0
  return {
    voice: `808 ${name}`,
    latency: '0',
    target: 1000,
    step: (o) => {
      if (b++ % RETRIGGER === 0) v.trigger(params)
      v.process(o)
    },
  }
}

/** The whole kit: every voice rendered and summed per block. */
const kitRow = (): Row => {
  const names = Object.keys(kit808) as Voice808[]
  const voices = names.map((name) => kit808Voices[name](SR))
  const params = names.map((name) => kit808[name].defaults(SR))
  const tmp = new Float32Array(BLOCK)
  let b = 0
  return {
    voice: `808 kit (${names.length} voices summed)`,
    latency: '0',
    target: 1000 / names.length,
    step: (out) => {
      if (b++ % RETRIGGER === 0) for (let i = 0; i < voices.length; i++) voices[i]!.trigger(params[i]!)
      out.fill(0)
      for (let k = 0; k < voices.length; k++) {
        voices[k]!.process(tmp)
        for (let i = 0; i < BLOCK; i++) out[i] = out[i]! + tmp[i]!
      }
    },
  }
}

const main = async () => {
  const rows = [ddspRow(), ...parts(), ...(Object.keys(kit808) as Voice808[]).map(drumRow), kitRow()]
  const out = new Float32Array(BLOCK)
  for (const r of rows) for (let i = 0; i < 3000; i++) r.step(out) // warm-up: let every function reach optimised code first
  const rounds = rows.map(() => [] as Awaited<ReturnType<typeof round>>[])
  for (let k = 0; k < ROUNDS; k++) for (let i = 0; i < rows.length; i++) rounds[i]!.push(await round(rows[i]!, out))
  console.log(`real-time factor at ${SR} Hz, block ${BLOCK}, ${ROUNDS} rounds of ${BLOCKS} blocks (${((BLOCKS * BLOCK) / SR).toFixed(1)} s of audio each) per voice, one core; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  console.log('RTF = seconds of audio per second of min(wall time, process CPU time): median round, and the range over rounds')
  console.log(['voice'.padEnd(50), 'block', '     RTF', '    range', ' target', 'heap Δ (B/block)', 'GCs', 'latency (samples)'].join(' | '))
  rows.forEach((r, i) => {
    const m = rounds[i]!
    const rtf = m.map((x) => x.rtf)
    const mark = r.target === 0 ? '' : median(rtf) >= r.target ? ' ✓' : ' ✗'
    const heap = m.reduce((a, x) => a + x.heap, 0) / (ROUNDS * BLOCKS)
    const range = `${Math.min(...rtf).toFixed(0)}–${Math.max(...rtf).toFixed(0)}`
    const gcCount = m.reduce((a, x) => a + x.gcs, 0)
    console.log(
      [r.voice.padEnd(50), String(BLOCK).padStart(5), median(rtf).toFixed(0).padStart(8), range.padStart(9), (r.target === 0 ? '' : `≥${r.target.toFixed(0)}${mark}`).padStart(7), heap.toFixed(1).padStart(16), String(gcCount).padStart(3), r.latency].join(' | '),
    )
  })
}

void main()
