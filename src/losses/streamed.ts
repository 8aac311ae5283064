/**
 * A registered loss of two long signals, block by block: each framed term
 * (`streamed-terms.ts`) walks its own frame grid (`dsp/frame-blocks.ts`), so
 * every kept frame sees exactly the samples it sees in one pass; the
 * per-frame sums are added up on the host in float64, and each term is
 * finished from the totals. Memory stays flat in the signals' length; the
 * value equals the one-pass loss up to float32 rounding (the one pass sums
 * in float32 on the backend). The shorter signal is zero-padded, as `ddsp
 * loss` pads it. Losses with no decomposition give `undefined`.
 *
 * @example
 * const v = await streamedLoss('mss', predSource, targetSource, backend)   // Either<…, number> | undefined
 */
import * as E from 'fp-ts/lib/Either.js'
import type { AnyBackend } from '../core/backend.js'
import type { EvalError, GraphError } from '../core/errors.js'
import { evaluate } from '../core/interpret.js'
import { compile } from '../core/program-api.js'
import type { Program } from '../core/program.js'
import { input } from '../core/signal.js'
import { blockFramesFor, frameBlocks } from '../dsp/frame-blocks.js'
import type { SampleSource } from '../io/sample-source.js'
import type { LossName } from './registry.js'
import { streamedLossPlan, type FramedTerm, type SiSdrTerm } from './streamed-terms.js'

/** Default block length (samples) of `streamedLoss`. @example LOSS_BLOCK_SAMPLES // 131072 */
export const LOSS_BLOCK_SAMPLES = 2 ** 17

/** What stops a streamed loss: its graph, its evaluation, or a read. */
export type StreamedLossError<L> = GraphError | EvalError | L

/** Samples [from, to) of a source, zero-padded past its end. */
const readPadded = async <L>(s: SampleSource<L>, from: number, to: number): Promise<E.Either<L, Float32Array>> => {
  const r = await s.read(from, to)
  if (E.isLeft(r) || r.right.length === to - from) return r
  const out = new Float32Array(to - from)
  out.set(r.right)
  return E.right(out)
}

/** Totals of a framed term's per-frame sums over every frame. */
const framed = async <L>(t: FramedTerm, pred: SampleSource<L>, target: SampleSource<L>, backend: AnyBackend, blockSamples: number): Promise<E.Either<StreamedLossError<L>, number>> => {
  const totals: Record<string, number> = {}
  const programs = new Map<number, Program>()
  for (const b of frameBlocks(t.grid, blockFramesFor(t.grid, blockSamples), t.minSlice)) {
    const [p, q] = [await readPadded(pred, b.from, b.to), await readPadded(target, b.from, b.to)]
    if (E.isLeft(p)) return p
    if (E.isLeft(q)) return q
    const len = b.to - b.from
    let program = programs.get(len)
    if (program === undefined) {
      const c = compile(t.sums(input('pred', [1, len], 'audio'), input('target', [1, len], 'audio'), len))
      if (E.isLeft(c)) return E.left(c.left[0])
      programs.set(len, (program = c.right))
    }
    const out = await evaluate(backend)(program, { pred: p.right, target: q.right })
    if (E.isLeft(out)) return out
    for (const [k, v] of Object.entries(out.right)) {
      let s = totals[k] ?? 0
      for (let f = b.keepFrom - b.sliceFrame; f < b.keepTo - b.sliceFrame; f++) s += v.data[f]!
      totals[k] = s
    }
  }
  return E.right(t.finish(totals))
}

/** −SI-SDR (dB, zero-mean, as `siSdrLoss`) in three passes: means, projection, residual. */
const siSdr = async <L>(t: SiSdrTerm, pred: SampleSource<L>, target: SampleSource<L>, n: number, blockSamples: number): Promise<E.Either<L, number>> => {
  const pass = async (f: (p: Float32Array, q: Float32Array) => void): Promise<E.Either<L, void>> => {
    for (let at = 0; at < n; at += blockSamples) {
      const [p, q] = [await readPadded(pred, at, Math.min(n, at + blockSamples)), await readPadded(target, at, Math.min(n, at + blockSamples))]
      if (E.isLeft(p)) return p
      if (E.isLeft(q)) return q
      f(p.right, q.right)
    }
    return E.right(undefined)
  }
  const m = { p: 0, t: 0, pt: 0, tt: 0, proj: 0, res: 0 }
  const passes = [
    (p: Float32Array, q: Float32Array) => p.forEach((v, i) => ((m.p += v), (m.t += q[i]!))),
    (p: Float32Array, q: Float32Array) => p.forEach((v, i) => ((m.pt += (v - m.p / n) * (q[i]! - m.t / n)), (m.tt += (q[i]! - m.t / n) ** 2))),
    (p: Float32Array, q: Float32Array) => {
      const alpha = m.pt / (m.tt + t.eps)
      p.forEach((v, i) => {
        const proj = alpha * (q[i]! - m.t / n)
        m.proj += proj * proj
        m.res += (v - m.p / n - proj) ** 2
      })
    },
  ]
  for (const f of passes) {
    const r = await pass(f)
    if (E.isLeft(r)) return r
  }
  return E.right(-10 * Math.log10(m.proj / (m.res + t.eps) + t.eps))
}

/**
 * Evaluates a registered loss of `pred` against `target` block by block.
 * @param name registered loss  @param pred prediction  @param target target (same rate)  @param backend where the graphs run
 * @param blockSamples samples per block (default `LOSS_BLOCK_SAMPLES`)
 * @returns the loss, the first error, or undefined when the loss has no streamed form
 * @example await streamedLoss('loudness', a, b, wasm) // Right(3.21)
 */
export const streamedLoss = async <L>(
  name: LossName,
  pred: SampleSource<L>,
  target: SampleSource<L>,
  backend: AnyBackend,
  blockSamples = LOSS_BLOCK_SAMPLES,
): Promise<E.Either<StreamedLossError<L>, number> | undefined> => {
  const n = Math.max(pred.length, target.length)
  const terms = streamedLossPlan(name, n, pred.sampleRate)
  if (terms === undefined) return undefined
  let total = 0
  for (const t of terms) {
    const v = t.kind === 'sisdr' ? await siSdr(t, pred, target, n, blockSamples) : await framed(t, pred, target, backend, blockSamples)
    if (E.isLeft(v)) return v
    total += v.right
  }
  return E.right(total)
}
