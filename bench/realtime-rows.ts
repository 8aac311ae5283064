/**
 * The real-time benchmark's rows (`bench:realtime` times them, `bench:alloc`
 * counts the collections each causes alone) and the GC counter both use:
 * the DDSP voice (harmonic 100 + noise 65 + 1 s reverb, a frame per hop of
 * 192), its parts alone, each 808 voice hit every 0.5 s, and the whole kit.
 *
 * @example
 * const row = drumRow('kick808'); row.step(new Float32Array(BLOCK))
 */
import { PerformanceObserver } from 'node:perf_hooks'
import * as v8 from 'node:v8'
import * as vm from 'node:vm'
import { harmonicVoice } from '../src/realtime/harmonic-voice.js'
import { noiseVoice } from '../src/realtime/noise-voice.js'
import { stagedConvolver } from '../src/realtime/partitioned.js'
import { ddspVoice, type DdspFrame } from '../src/realtime/voice-ddsp.js'
import { kit808Voices } from '../src/realtime/voice-808.js'
import { kit808, type Voice808 } from '../src/synths/drums/kit808.js'

/** Sample rate (Hz) and block (samples) of every row. */
export const SR = 48000
export const BLOCK = 128
const HOP = 192 // 250 control frames per second

v8.setFlagsFromString('--expose-gc')
/** A full collection (V8's `gc`, exposed here). @example gc() */
export const gc = vm.runInNewContext('gc') as () => void
let collections = 0
new PerformanceObserver((list) => (collections += list.getEntries().length)).observe({ entryTypes: ['gc'] })
/** Garbage collections so far in this process. @example const g0 = gcCount() */
export const gcCount = (): number => collections

/** A benchmark row: a voice, its latency, its target RTF (0: none), and one block of it. */
export interface Row {
  readonly voice: string
  readonly latency: string
  readonly target: number
  /** Renders one block into `out`. */
  readonly step: (out: Float32Array) => void
}

/**
 * Renders `blocks` blocks untimed, so every function on the row's path reaches optimised code first.
 * @example warmUp(row, new Float32Array(BLOCK))
 */
export const warmUp = (row: Row, out: Float32Array, blocks = 3000): void => {
  for (let i = 0; i < blocks; i++) row.step(out)
}

/** A DDSP voice whose controller sends one frame per hop, one hop ahead. */
export const ddspRow = (): Row => {
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
export const parts = (): Row[] => {
  const h = harmonicVoice({ sampleRate: SR, harmonics: 100, hop: HOP })
  const n = noiseVoice({ bands: 65, hop: HOP })
  const dist = Float64Array.from({ length: 100 }, (_, i) => Math.sin(i))
  const mags = Float64Array.from({ length: 65 }, (_, i) => Math.cos(i))
  const conv = stagedConvolver(Float32Array.from({ length: SR }, (_, i) => Math.exp(-i / 12000) * Math.sin(i)), BLOCK)
  const x = new Float32Array(BLOCK)
  let tx = 0
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
    {
      voice: '  reverb 1 s IR alone (128/2048 stages)',
      latency: '0',
      target: 0,
      step: (o) => {
        for (let i = 0; i < BLOCK; i++) x[i] = Math.sin(0.01 * (tx + i)) // a varying input (a constant one hid an allocation)
        tx += BLOCK
        conv.process(x, o)
      },
    },
  ]
}

/** Blocks between hits: 0.5 s, eighth notes at 120 bpm (triggers are inside the timed, allocation-checked loop). */
const RETRIGGER = Math.round((0.5 * SR) / BLOCK)

/** An 808 voice hit every 0.5 s with its default parameters. */
export const drumRow = (name: Voice808): Row => {
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
export const kitRow = (): Row => {
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
