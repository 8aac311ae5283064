/**
 * The instrument page: loads a synth (the bundled DDSP preset or 808 kit, or
 * a checkpoint / synth JSON from the file input), plays it through the
 * `ddsp-synth` AudioWorklet from the on-screen keyboard, knobs, Web MIDI, or
 * the microphone (f0 + loudness tracked in the worklet drive the DDSP voice:
 * timbre transfer), and shows a live spectrogram from an AnalyserNode.
 * `window.ddsp.renderOffline` renders a schedule through the same worklet in
 * an OfflineAudioContext (used by the browser test).
 *
 * @example
 * // in the page: await window.ddsp.renderOffline('ddsp', demoSchedule('ddsp', 48000), 24000)
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Voice808 } from '../src/synths/drums/kit808.js'
import { loadSynth, loadSynthJson } from './load.js'
import { demoSchedule } from './demo.js'
import { renderOffline } from './offline.js'
import type { DdspSpec, SynthEvent, SynthSpec, WorkletReply } from './spec.js'
import { keyboard, knobs, midi } from './ui/controls.js'
import { drawSpectrogram, liveSpectrogram } from './ui/spectrogram.js'

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T
const status = $<HTMLParagraphElement>('status')
const canvas = $<HTMLCanvasElement>('spectrogram')
const lines = new Map<string, string>()
const say = (key: string, text: string) => {
  lines.set(key, text)
  status.textContent = [...lines.values()].join('\n')
}

interface Live {
  readonly ctx: AudioContext
  readonly node: AudioWorkletNode
  mic?: { stream: MediaStream; source: MediaStreamAudioSourceNode }
  stop: () => void
}
const state: { spec?: SynthSpec; base?: DdspSpec; live?: Live | undefined } = {}

const fetchJson = async (url: string): Promise<unknown> => {
  const r = await fetch(url)
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`)
  return r.json()
}

const use = (spec: SynthSpec): void => {
  state.spec = spec
  say('synth', `synth: ${spec.name} (${spec.kind}, ${spec.sampleRate} Hz)`)
  const live = state.live
  if (live === undefined) return
  if (live.ctx.sampleRate !== spec.sampleRate) void stopLive().then(startLive).catch((e: unknown) => say('worklet', `audio: ${e instanceof Error ? e.message : String(e)}`))
  else live.node.port.postMessage({ type: 'load', spec })
}

const stopLive = async (): Promise<void> => {
  const live = state.live
  state.live = undefined
  if (live === undefined) return
  live.stop()
  live.mic?.stream.getTracks().forEach((t) => t.stop())
  await live.ctx.close()
}

const startLive = async (): Promise<void> => {
  const spec = state.spec
  if (spec === undefined || state.live !== undefined) return
  const ctx = new AudioContext({ sampleRate: spec.sampleRate, latencyHint: 'interactive' })
  await ctx.audioWorklet.addModule('worklet.js')
  const node = new AudioWorkletNode(ctx, 'ddsp-synth', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] })
  const analyser = new AnalyserNode(ctx, { fftSize: 2048, smoothingTimeConstant: 0.5 })
  node.connect(analyser).connect(ctx.destination)
  node.port.onmessage = (ev: MessageEvent<WorkletReply>) => {
    const m = ev.data
    if (m.type === 'error') say('worklet', `worklet error: ${m.message}`)
    else if (m.type === 'loaded') say('worklet', `playing: ${m.name}`)
    else if (m.type === 'features') say('mic', `mic: f0 ${m.f0.toFixed(1)} Hz, loudness ${m.loudness.toFixed(1)} dBFS`)
  }
  node.port.postMessage({ type: 'load', spec })
  state.live = { ctx, node, stop: liveSpectrogram(canvas, analyser) }
  await ctx.resume()
}

const send = (e: SynthEvent): void => state.live?.node.port.postMessage({ type: 'events', events: [e] })

const toggleMic = async (): Promise<void> => {
  const live = state.live
  if (live === undefined) return say('mic', 'mic: start audio first')
  if (live.mic !== undefined) {
    live.mic.source.disconnect()
    live.mic.stream.getTracks().forEach((t) => t.stop())
    delete live.mic
    live.node.port.postMessage({ type: 'mic', on: false })
    return say('mic', 'mic: off')
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false } })
    const source = live.ctx.createMediaStreamSource(stream)
    source.connect(live.node)
    live.mic = { stream, source }
    live.node.port.postMessage({ type: 'mic', on: true })
    say('mic', state.spec?.kind === 'ddsp' ? 'mic: on (timbre transfer)' : 'mic: on — timbre transfer needs a DDSP synth')
  } catch (err) {
    say('mic', `mic: ${err instanceof Error ? err.message : String(err)}`)
  }
}

/** A synth JSON or checkpoint, with a compact checkpoint's `.bin` weights when chosen together. */
const loadFile = async (file: File, bin?: File): Promise<void> => {
  const base = state.base
  if (base === undefined) return
  const text = await file.text().catch((err: unknown) => err as Error)
  if (text instanceof Error) return say('synth', `${file.name}: cannot be read (${text.message})`)
  const weights = bin === undefined ? undefined : new Uint8Array(await bin.arrayBuffer())
  const r = loadSynth(file.name, text, { base, drum: $<HTMLSelectElement>('drum').value as Voice808, ...(weights === undefined ? {} : { weights }) })
  if (E.isLeft(r)) return say('synth', r.left)
  use(r.right)
}

/** A bundled synth from the list, checked as a file is. */
const loadBundled = async (url: string): Promise<void> => {
  const base = state.base
  if (base === undefined) return
  const r = loadSynthJson(url, await fetchJson(url), { base })
  if (E.isLeft(r)) return say('synth', r.left)
  use(r.right)
}

/** Renders a schedule offline through the worklet and paints its spectrogram; returns the samples. */
const offline = async (which: 'ddsp' | 'kit808' | SynthSpec, events: readonly SynthEvent[] | undefined, samples: number): Promise<number[]> => {
  const spec = typeof which === 'string' ? ((await fetchJson(which === 'ddsp' ? 'default-ddsp.json' : 'default-808.json')) as SynthSpec) : which
  const y = await renderOffline('worklet.js', spec, events ?? demoSchedule(spec.kind, spec.sampleRate), samples)
  drawSpectrogram(canvas, y, spec.sampleRate)
  say('offline', `offline render: ${samples} samples of ${spec.name}`)
  return Array.from(y)
}

declare global {
  interface Window {
    /** The page's test hooks. */
    ddsp: { ready: Promise<void>; renderOffline: typeof offline }
  }
}

const init = async (): Promise<void> => {
  state.base = (await fetchJson('default-ddsp.json')) as DdspSpec
  use(state.base)
  keyboard($('keys'), 48, 25, send)
  const setKnob = knobs($('knobs'), send)
  void midi(send, setKnob).then((m) => say('midi', m)) // may wait on a permission prompt: not awaited
  $('start').addEventListener('click', () => void startLive().catch((e: unknown) => say('worklet', `audio: ${String(e)}`)))
  $('synth').addEventListener('change', (e) => void loadBundled((e.target as HTMLSelectElement).value).catch((err: unknown) => say('synth', err instanceof Error ? err.message : String(err))))
  $('file').addEventListener('change', (e) => {
    const all = Array.from((e.target as HTMLInputElement).files ?? [])
    const f = all.find((x) => !x.name.endsWith('.bin')) ?? all[0]
    if (f !== undefined) void loadFile(f, all.find((x) => x.name.endsWith('.bin'))).catch((err: unknown) => say('synth', `${f.name}: ${err instanceof Error ? err.message : String(err)}`))
  })
  $('mic').addEventListener('click', () => void toggleMic())
  $('demo').addEventListener('click', () => {
    const spec = state.spec
    if (spec !== undefined) void offline(spec, undefined, Math.round(spec.sampleRate * 0.6)).catch((e: unknown) => say('offline', `offline render: ${e instanceof Error ? e.message : String(e)}`))
  })
}

window.ddsp = { ready: init(), renderOffline: offline }
