/**
 * The autoencoder step's PyTorch peer: writes the config, the initial
 * weights (by ddsp-ts param name), the controls, the noise and the target
 * to a temporary folder and runs `bench/torch_autoencoder.py` (the same
 * model transcribed) with the standard peer's options (threads, allocator).
 *
 * @example
 * const peer = runTorchAutoencoder(w, { runs: 5, threads: 2, allocator: 'jemalloc' })
 * if (peer.available) peer.loss // agrees with ddsp-ts's to 1e-3
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { AutoencoderWorkload } from './autoencoder.js'
import type { Timing } from './timing.js'
import { runPeerScript, torchScript, writeF32, type PeerOptions } from './torch.js'

/** The peer's autoencoder step, or why it did not run. */
export type TorchAutoencoderResult =
  | { readonly available: true; readonly impl: string; readonly threads: number; readonly allocator: string; readonly allocator_note?: string; readonly loss: number; readonly grad_norms: Readonly<Record<string, number>>; readonly cases: { readonly train: Timing }; readonly peak_rss_mb: number }
  | { readonly available: false; readonly reason: string }

const write = (dir: string, w: AutoencoderWorkload): void => {
  const B = w.batch, F = w.frames
  const data: Record<string, [Float32Array, number[]]> = {
    f0: [w.controls.f0, [B, F, 1]], loudness: [w.controls.loudness, [B, F, 1]], white: [w.noise, [B, w.samples]], target: [w.target, [B, w.samples]],
  }
  for (const [k, [v]] of Object.entries(data)) writeF32(path.join(dir, `${k}.f32`), v)
  const params = Object.entries(w.params).map(([name, v], i) => {
    writeF32(path.join(dir, `param${i}.f32`), v)
    return { name, file: `param${i}.f32`, shape: w.paramShapes[name] }
  })
  const shapes = Object.fromEntries(Object.entries(data).map(([k, [, sh]]) => [k, sh]))
  fs.writeFileSync(path.join(dir, 'meta.json'), JSON.stringify({ config: w.config, samples: w.samples, shapes, params }))
}

/**
 * Runs the peer on the workload's data and weights.
 * @example runTorchAutoencoder(w, { runs: 3, threads: 2 })
 */
export const runTorchAutoencoder = (w: AutoencoderWorkload, o: PeerOptions): TorchAutoencoderResult => {
  const r = runPeerScript<Omit<Extract<TorchAutoencoderResult, { available: true }>, 'available'>>(torchScript('torch_autoencoder.py'), (dir) => write(dir, w), o)
  return r.available ? { available: true, ...r.out } : r
}
