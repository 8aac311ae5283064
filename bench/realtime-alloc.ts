/**
 * Allocation check of the real-time voices, each alone in its own loop: after
 * a warm-up, render BLOCKS blocks of 128 at 48 kHz (808 voices hit every 187
 * blocks, the DDSP voice fed a frame per hop) and count the garbage
 * collections the loop causes. Zero GCs over ~10⁶ s of audio per hundred MB of
 * new space means no per-block allocation (the heap-growth column of
 * `bench:realtime` is too short a window to tell). A forced full GC precedes
 * each loop.
 *
 * @example
 * npx tsx bench/realtime-alloc.ts            # 400 000 blocks per voice
 * BLOCKS=50000 npx tsx bench/realtime-alloc.ts
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

const SR = 48000
const BLOCK = 128
const BLOCKS = Number(process.env['BLOCKS'] ?? 400000)
v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc') as () => void
let gcs = 0
new PerformanceObserver((l) => (gcs += l.getEntries().length)).observe({ entryTypes: ['gc'] })
const settle = () => new Promise((ok) => setTimeout(ok, 50))

/** One block of an 808 voice, hit every 187 blocks. */
const drum = (name: Voice808) => {
  const v = kit808Voices[name](SR)
  const params = kit808[name].defaults(SR)
  const out = new Float32Array(BLOCK)
  let b = 0
  return () => {
    if (b++ % 187 === 0) v.trigger(params)
    v.process(out)
  }
}

/** One block of the DDSP voice (harmonic 100 + noise 65 + 1 s reverb), a frame per hop of 192. */
const ddsp = () => {
  const [K, M, HOP] = [100, 65, 192]
  const ir = Float32Array.from({ length: SR }, (_, i) => Math.sin(i * 12.9898) * 0.3 * Math.exp(-i / (0.25 * SR)))
  const v = ddspVoice({ sampleRate: SR, harmonics: K, bands: M, hop: HOP, ir, block: BLOCK })
  const frames: DdspFrame[] = [0, 1].map((k) => ({
    amplitude: -1 + k,
    distribution: Float64Array.from({ length: K }, (_, i) => Math.sin(i + k)),
    f0: 220 + 10 * k,
    noise: Float64Array.from({ length: M }, (_, i) => Math.cos(i + k)),
  }))
  const out = new Float32Array(BLOCK)
  let [t, pushed] = [0, 0]
  return () => {
    for (; pushed <= Math.floor((t + BLOCK + 64) / HOP) + 1; pushed++) v.pushFrame(frames[pushed & 1]!)
    v.process(out)
    t += BLOCK
  }
}

/** The DDSP voice's parts alone: harmonic and noise fed a frame per hop, the reverb a varying input. */
const parts = (): Array<[string, () => void]> => {
  const h = harmonicVoice({ sampleRate: SR, harmonics: 100, hop: 192 })
  const n = noiseVoice({ bands: 65, hop: 192 })
  const dist = Float64Array.from({ length: 100 }, (_, i) => Math.sin(i))
  const mags = Float64Array.from({ length: 65 }, (_, i) => Math.cos(i))
  const conv = stagedConvolver(Float32Array.from({ length: SR }, (_, i) => Math.exp(-i / 12000) * Math.sin(i)), BLOCK)
  const x = new Float32Array(BLOCK)
  const out = new Float32Array(BLOCK)
  const feed = (push: () => void) => {
    let [t, p] = [0, 0]
    return () => {
      for (; p <= Math.floor((t + BLOCK + 64) / 192) + 1; p++) push()
      t += BLOCK
    }
  }
  const [fh, fn] = [feed(() => h.pushFrame(0, dist, 220)), feed(() => n.pushFrame(mags))]
  let t = 0
  return [
    ['  harmonic', () => (fh(), h.process(out))],
    ['  noise', () => (fn(), n.process(out))],
    ['  reverb', () => {
      for (let i = 0; i < BLOCK; i++) x[i] = Math.sin(0.01 * (t + i))
      t += BLOCK
      conv.process(x, out)
    }],
  ]
}

const main = async () => {
  console.log(`GCs caused by ${BLOCKS} blocks of ${BLOCK} at ${SR} Hz (${((BLOCKS * BLOCK) / SR).toFixed(0)} s of audio), per voice alone`)
  const rows: Array<[string, () => void]> = [['DDSP voice', ddsp()], ...parts(), ...(Object.keys(kit808) as Voice808[]).map((n): [string, () => void] => [n, drum(n)])]
  for (const [name, step] of rows) {
    for (let i = 0; i < 20000; i++) step()
    gc() // a full collection first, so no earlier garbage is collected during the loop
    await settle()
    const g0 = gcs
    for (let i = 0; i < BLOCKS; i++) step()
    await settle()
    console.log(`${name.padEnd(16)} ${gcs - g0} GCs`)
  }
}

void main()
