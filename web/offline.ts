/**
 * Rendering a schedule through the worklet in an OfflineAudioContext — the
 * same processor and engine the live page plays — for the browser test and
 * the page's "render offline" button. Waits for the processor's `loaded` and
 * `queued` replies before rendering, so every event is in place at sample 0.
 *
 * @example
 * const y = await renderOffline('worklet.js', spec, [{ type: 'noteOn', note: 60, velocity: 1, at: 0 }], 48000)
 */
import type { SynthEvent, SynthSpec, WorkletReply } from './spec.js'

const reply = (port: MessagePort, want: WorkletReply['type']): Promise<void> =>
  new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`the worklet did not reply '${want}' within 10 s`)), 10_000)
    port.onmessage = (ev: MessageEvent<WorkletReply>) => {
      if (ev.data.type === 'error') fail(new Error(ev.data.message))
      if (ev.data.type !== want) return
      clearTimeout(timer)
      ok()
    }
  })

/**
 * Renders `samples` mono samples of the spec playing `events`.
 * @param workletUrl URL of the bundled processor  @param spec what to play  @param events schedule (sample times)
 * @param samples output length
 * @example await renderOffline('worklet.js', spec, events, 24000)
 */
export const renderOffline = async (workletUrl: string, spec: SynthSpec, events: readonly SynthEvent[], samples: number): Promise<Float32Array> => {
  const ctx = new OfflineAudioContext({ numberOfChannels: 1, length: samples, sampleRate: spec.sampleRate })
  await ctx.audioWorklet.addModule(workletUrl)
  const node = new AudioWorkletNode(ctx, 'ddsp-synth', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] })
  node.connect(ctx.destination)
  const loaded = reply(node.port, 'loaded')
  node.port.postMessage({ type: 'load', spec })
  await loaded
  const queued = reply(node.port, 'queued')
  node.port.postMessage({ type: 'events', events })
  await queued
  const buffer = await ctx.startRendering()
  return buffer.getChannelData(0)
}
