/**
 * The AudioWorkletProcessor `ddsp-synth`: receives a synth description
 * (`{ type: 'load', spec }`) and events through its port (or `processorOptions.spec`
 * at construction), and renders each 128-sample render quantum with the
 * engine (real-time voices on typed arrays; nothing allocated per block).
 * Input 0 is the microphone (timbre transfer); output 0 is mono.
 * Replies: `loaded`, `queued` (after events), `error`, and ~10×/s `features`
 * (tracked f0, loudness) while mic mode is on.
 *
 * @example
 * await ctx.audioWorklet.addModule('worklet.js')
 * const node = new AudioWorkletNode(ctx, 'ddsp-synth', { outputChannelCount: [1] })
 * node.port.postMessage({ type: 'load', spec })
 */
import { createEngine, type Engine } from './engine.js'
import type { SynthSpec, WorkletMessage, WorkletReply } from './spec.js'

/** The AudioWorkletGlobalScope names this file uses (not in TypeScript's DOM lib). */
declare global {
  /** The base class of worklet processors. */
  class AudioWorkletProcessor {
    readonly port: MessagePort
    constructor(options?: { processorOptions?: unknown })
  }
  /** Registers a processor class under a name. */
  function registerProcessor(name: string, ctor: new (options?: { processorOptions?: unknown }) => AudioWorkletProcessor): void
}

/**
 * The context's sample rate (Hz), a global of AudioWorkletGlobalScope: read here rather than declared globally, so a
 * stray `sampleRate` elsewhere in the project does not type-check against it.
 */
const contextRate = (): number => (globalThis as unknown as { readonly sampleRate: number }).sampleRate

const BLOCK = 128

/** The processor: one engine, replaced on every `load`. */
class DdspSynthProcessor extends AudioWorkletProcessor {
  private engine: Engine | undefined
  private mic = false
  private blocks = 0

  constructor(options?: { processorOptions?: unknown }) {
    super(options)
    const initial = (options?.processorOptions as { spec?: SynthSpec } | undefined)?.spec
    if (initial !== undefined) this.load(initial)
    this.port.onmessage = (ev: MessageEvent<WorkletMessage>) => this.onMessage(ev.data)
  }

  private reply(r: WorkletReply): void {
    this.port.postMessage(r)
  }

  private load(spec: SynthSpec): void {
    try {
      if (spec.sampleRate !== contextRate()) throw new Error(`the synth is for ${spec.sampleRate} Hz but the context runs at ${contextRate()} Hz`)
      this.engine = createEngine(spec, BLOCK)
      this.engine.setMic(this.mic)
      this.reply({ type: 'loaded', name: spec.name })
    } catch (err) {
      this.reply({ type: 'error', message: err instanceof Error ? err.message : String(err) })
    }
  }

  private onMessage(m: WorkletMessage): void {
    if (m.type === 'load') this.load(m.spec)
    else if (m.type === 'mic') {
      this.mic = m.on
      this.engine?.setMic(m.on)
    } else if (this.engine === undefined) this.reply({ type: 'error', message: 'events before a synth was loaded' })
    else {
      this.engine.schedule(m.events)
      this.reply({ type: 'queued', count: m.events.length })
    }
  }

  /** One render quantum: silence until a synth is loaded. */
  process(inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
    const out = outputs[0]?.[0]
    if (out === undefined) return true
    if (this.engine === undefined || out.length !== BLOCK) {
      out.fill(0)
      return true
    }
    this.engine.process(out, this.mic ? inputs[0]?.[0] : undefined)
    for (let c = 1; c < outputs[0]!.length; c++) outputs[0]![c]!.set(out)
    if (this.mic && ++this.blocks % 40 === 0) {
      const f = this.engine.features()
      this.reply({ type: 'features', f0: f.f0, loudness: 20 * Math.log10(f.rms + 1e-9) })
    }
    return true
  }
}

registerProcessor('ddsp-synth', DdspSynthProcessor)
