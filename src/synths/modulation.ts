/**
 * A modulation routing matrix: any source to any destination with a depth,
 * dest_d[t] = Σ_s depth[s, d] · source_s[t], one batched matmul, so depths are
 * learnable like any param.
 *
 * @example
 * const [cutoffMod, ampMod] = modMatrix([lfo1, env], param('depth', [2, 2]))
 */
import { matmul, concat, reshape, slice } from '../core/tensor.js'
import type { Signal } from '../core/signal.js'

/**
 * Routes sources to destinations.
 * @param sources S audio signals, each `[B, T]`
 * @param depth static `[S, D]`: depth[s, d] scales source s into destination d
 * @returns D audio signals `[B, T]`
 * @example modMatrix([lfo('sine', 5, n, sr)], constant([0.5, 0.1], [1, 2]))
 */
export const modMatrix = (sources: ReadonlyArray<Signal<'audio'>>, depth: Signal<'static'>): Array<Signal<'audio'>> => {
  const [B, T] = sources[0]?.shape ?? [1, 1]
  const D = depth.shape?.[1] ?? 0
  const stacked = concat(sources.map((s) => reshape(s, [B!, T!, 1])), -1) // [B, T, S]
  const routed = matmul(stacked, depth) as Signal<'audio'> // [B, T, D]
  return Array.from({ length: D }, (_, d) => reshape(slice(routed, [0, 0, d], [B!, T!, 1]), [B!, T!]))
}
