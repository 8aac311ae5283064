import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { loadBackend } from '../backends/load.js'
import { firTable } from '../host/fir.js'
import { autoencoder, REVERB_PARAM, type AutoencoderConfig } from '../models/autoencoder.js'
import { renderAutoencoder } from '../models/render.js'
import { renderAutoencoderBlocks } from './autoencoder-blocks.js'

const config: AutoencoderConfig = { sampleRate: 16000, hop: 64, harmonics: 12, noiseBands: 17, hidden: 16, layers: 1, rnn: 16, reverbLength: 700 }
const F = 53
const params = (() => {
  const p = autoencoder(config).init(3)
  // an audible reverb and louder controls than the init's
  p[REVERB_PARAM] = Float32Array.from({ length: config.reverbLength }, (_, i) => 0.3 * Math.sin(i * 1.7) * Math.exp(-i / 150))
  for (const k of Object.keys(p)) if (k.endsWith('/b') && k.includes('out')) p[k] = p[k]!.map((_, i) => 0.5 + 0.1 * Math.sin(i))
  return p
})()
const f0 = Float32Array.from({ length: F }, (_, i) => 200 + 3 * i)
const ld = Float32Array.from({ length: F }, (_, i) => -30 + 15 * Math.sin(i / 9))

describe('an autoencoder rendered in blocks', () => {
  it('equals the one-pass render (wasm) at awkward block sizes, up to float32 rounding; the noise FIR’s last c samples aside', async () => {
    const b = await loadBackend('wasm')
    if (E.isLeft(b)) throw new Error(b.left.reason)
    const want = await renderAutoencoder(b.right, config, params, f0, ld)()
    if (E.isLeft(want)) throw new Error(JSON.stringify(want.left))
    const c = firTable(config.noiseBands, 0).center
    const peak = want.right.reduce((m, v) => Math.max(m, Math.abs(v)), 0)
    expect(peak).toBeGreaterThan(0.01)
    for (const [framesPerBlock, block] of [[7, 128], [13, 256], [F, 64]] as const) {
      const parts: number[] = []
      const r = await renderAutoencoderBlocks(b.right, config, params, f0, ld, async (y) => E.right(parts.push(...y)), { framesPerBlock, block })
      if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
      expect(r.right).toBe(F * config.hop)
      expect(parts.length).toBe(want.right.length)
      let worst = 0
      for (let i = 0; i < parts.length - c; i++) worst = Math.max(worst, Math.abs(parts[i]! - want.right[i]!))
      expect(worst / peak, `${framesPerBlock} frames, ${block} samples`).toBeLessThan(2e-5)
    }
  })
})
