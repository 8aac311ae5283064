import * as E from 'fp-ts/lib/Either.js'
import * as fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadBackend } from '../backends/load.js'
import { autoencoderWorkload, timeAutoencoder } from './autoencoder.js'
import { runTorchAutoencoder } from './torch-autoencoder.js'

const torch = fs.existsSync('/usr/bin/python3') && process.env['DDSP_SKIP_TORCH'] !== '1'

describe('the autoencoder step benchmark', () => {
  it('refuses a length that is not a whole number of frames', () => {
    expect(E.isLeft(autoencoderWorkload({ batch: 1, seconds: 0.256 }))).toBe(true)
  })
  it('gives every weight a gradient on wasm, and PyTorch\'s transcription agrees on the loss to 1e-3', async () => {
    const w = autoencoderWorkload({ batch: 2, seconds: 0.32 })
    if (E.isLeft(w)) throw new Error(w.left)
    const b = await loadBackend('wasm')
    if (E.isLeft(b)) throw new Error(b.left.reason)
    const ours = await timeAutoencoder(b.right, w.right, 1)
    expect(Number.isFinite(ours.loss)).toBe(true)
    for (const [k, n] of Object.entries(ours.grad_norms)) expect(n, k).toBeGreaterThan(0)
    if (!torch) return
    const peer = runTorchAutoencoder(w.right, { runs: 1, threads: 1 })
    if (!peer.available) return // no python3-torch here
    expect(Math.abs(peer.loss - ours.loss)).toBeLessThan(1e-3 * ours.loss)
    // every weight of the network within 5 %; the reverb IR's gradient (its taps start at ±1e-6) is the correlation of
    // the dry audio with ∂L/∂y, whose log-magnitude part is 1/(|S| + 1e-7)-amplified in near-silent bins and so follows
    // float32 rounding (wasm 460, the float64 reference 453, PyTorch 334 here): same order only, as the standard workload's f0
    for (const [k, n] of Object.entries(ours.grad_norms)) {
      if (k === 'reverb/ir') expect(peer.grad_norms[k]! / n, k).toBeGreaterThan(0.5)
      else expect(Math.abs(peer.grad_norms[k]! - n), k).toBeLessThan(0.05 * n)
    }
  }, 120_000)
})
