/**
 * Mixing a decoded WAV file down to one channel: the channel mean, at a chosen
 * length, for the commands and examples that analyse or match mono audio.
 *
 * @example
 * import { mixToMono } from './mono.js'
 * mixToMono({ sampleRate: 16000, channels: [new Float32Array([1, 1]), new Float32Array([0, 1])] }) // [0.5, 1]
 */
import type { Audio } from './wav.js'

/**
 * The channel mean (Σ_c x_c / C), zero-padded (or cut) to `length` samples.
 * @param audio decoded WAV  @param length output length in samples (default: the file's)
 * @example mixToMono({ sampleRate: 16000, channels: [l, r] })
 */
export const mixToMono = (audio: Audio, length = audio.channels[0]?.length ?? 0): Float32Array => {
  const chans = audio.channels
  const out = new Float32Array(length)
  for (const c of chans) for (let i = 0; i < Math.min(length, c.length); i++) out[i] = out[i]! + c[i]! / chans.length
  return out
}
