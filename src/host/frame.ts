/**
 * Frame counts on the host: how many frames of length L at hop H an N-sample
 * signal holds, for the graph's `frame` (`dsp/frame.ts`) and the fused STFT.
 *
 * @example
 * import { frameCount } from './frame.js'
 * frameCount(16000, 1024, 256)        // 59
 * frameCount(16000, 1024, 256, 'end') // 63
 */

/** How `frame` treats the tail: 'none' keeps only whole frames; 'end' zero-pads to ⌈N/hop⌉ frames (tf.signal.frame pad_end). @example const p: FramePad = 'end' */
export type FramePad = 'none' | 'end'

/**
 * The number of frames of an N-sample signal.
 * @param n samples  @param frameLength L  @param hop samples between frame starts  @param pad tail policy
 * @example frameCount(16000, 1024, 256, 'none') // 59
 */
export const frameCount = (n: number, frameLength: number, hop: number, pad: FramePad = 'none'): number =>
  pad === 'end' ? Math.ceil(n / hop) : n < frameLength ? 0 : Math.floor((n - frameLength) / hop) + 1
