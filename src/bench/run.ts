/**
 * `ddsp bench` / `npm run bench`: the standard workload (workload.ts) timed
 * on each requested backend and, where Debian's python3-torch is installed,
 * in PyTorch on the same data in the same run; ratios ddsp-ts / PyTorch.
 * A backend that cannot load is reported with its reason, not an error.
 * Case (b) is one training step: the target's spectrograms (and the synth's
 * noise) are loop invariants, hoisted out and computed once
 * (`core/hoist.ts`), exactly as the peer precomputes its target spectra.
 *
 * @example
 * const report = await runBench({ backends: ['wasm'], runs: 5, torch: true, threads: 2, size: STANDARD })
 * console.log(formatReport(report))
 */
import * as E from 'fp-ts/lib/Either.js'
import type { Backend } from '../core/backend.js'
import { formatError } from '../core/errors.js'
import { evaluate, type Feeds, type Outputs } from '../core/interpret.js'
import type { Program } from '../core/program.js'
import { loadBackend, type BackendName } from '../backends/load.js'
import { hoistedFeeds, hoistInvariants } from '../train/hoist.js'
import { time, type CaseReport, type Timing } from './timing.js'
import { runTorch, type TorchResult } from './torch.js'
import type { TorchAllocator } from './allocator.js'
import { STANDARD, workload, type WorkloadSize } from './workload.js'
import { gradName } from '../core/autodiff/vjp.js'
import { runAutoencoderBench, type AutoencoderReport } from './autoencoder-run.js'

/** Options of a benchmark run. */
export interface BenchOptions {
  readonly backends: readonly BackendName[]
  readonly runs: number
  /** Run the PyTorch peer (default true). */
  readonly torch: boolean
  /** PyTorch threads (default 2, the machine's cores). */
  readonly threads: number
  /** The peer's allocator (default `'default'`, glibc malloc; `'jemalloc'` preloads libjemalloc2 into the peer only). */
  readonly torchAllocator?: TorchAllocator
  readonly size: WorkloadSize
  /** Register host fused lowerings (default true; false times the plain tfjs decompositions). */
  readonly fused?: boolean
  /** Also time the DDSP autoencoder's training step (default true; `autoencoder-run.ts`). */
  readonly autoencoder?: boolean
}

/** One timed case with its real-time factor and ratio to PyTorch (defined in timing.ts). */
export type { CaseReport } from './timing.js'

/** One backend's result. */
export type BackendReport =
  | { readonly backend: string; readonly available: true; readonly fused: boolean; readonly loss: number; readonly grad_norms: Readonly<Record<string, number>>; readonly cases: { readonly forward: CaseReport; readonly train: CaseReport }; readonly peak_rss_mb: number }
  | { readonly backend: string; readonly available: false; readonly reason: string }

/** The whole report (`--json` prints it). */
export interface BenchReport {
  readonly workload: WorkloadSize & { readonly samples: number }
  readonly backends: readonly BackendReport[]
  readonly torch: TorchResult
  /** The autoencoder step case, when requested. */
  readonly autoencoder?: AutoencoderReport
}

const must = async (f: () => Promise<E.Either<Parameters<typeof formatError>[0], unknown>>): Promise<unknown> => {
  const r = await f()
  if (E.isLeft(r)) throw new Error(formatError(r.left))
  return r.right
}

const rssMb = (): number => process.resourceUsage().maxRSS / 1024

/**
 * The target's spectrograms and the synth's noise do not change between steps: computed once (as the peer does).
 * @returns the per-step program and the feeds of the hoisted values
 * @example const { main, feeds } = await hoistTarget(backend, programs.train, target)
 */
export const hoistTarget = async (b: Backend<unknown>, train: Program, target: Float32Array | Float64Array) => {
  const { pre, main } = hoistInvariants(train, new Set(['target']))
  const fixed = (await must(() => evaluate(b)(pre, { target }))) as Outputs
  return { main, feeds: hoistedFeeds(fixed) }
}

const timeBackend = async (b: Backend<unknown>, programs: { forward: Program; train: Program }, controls: Feeds, target: Float32Array, runs: number) => {
  const { main, feeds } = await hoistTarget(b, programs.train, target)
  const trainFeeds = { ...controls, ...feeds }
  const out = (await must(() => evaluate(b)(main, trainFeeds))) as Record<string, { data: Float32Array }>
  const forward = await time(() => must(() => evaluate(b)(programs.forward, controls)), runs)
  const train = await time(() => must(() => evaluate(b)(main, trainFeeds)), runs)
  const norm = (v: { data: ArrayLike<number> }) => Math.sqrt(Array.from(v.data).reduce((a, x) => a + x * x, 0))
  const gradNorms = Object.fromEntries(programs.forward.params.map((d) => [d.name, norm(out[gradName(d.name)]!)]))
  return { loss: out['loss']!.data[0]!, gradNorms, forward, train }
}

const withRatio = (t: Timing, seconds: number, peer: Timing | undefined): CaseReport => ({
  ...t,
  realtime: seconds / (t.median_ms / 1000),
  ...(peer === undefined ? {} : { ratio_vs_torch: t.median_ms / peer.median_ms }),
})

/**
 * Runs the benchmark; `log` receives progress lines.
 * @example await runBench({ backends: ['wasm', 'tfjs-cpu'], runs: 10, torch: true, threads: 2, size: STANDARD }, console.error)
 */
export const runBench = async (o: BenchOptions, log: (line: string) => void = () => undefined): Promise<BenchReport> => {
  const size = o.size ?? STANDARD
  const w = workload(size)
  const audioSeconds = size.batch * size.seconds
  const timed: Array<{ name: string; fused: boolean; r: Awaited<ReturnType<typeof timeBackend>>; rss: number } | { name: string; reason: string }> = []
  let target: Float32Array | undefined
  for (const name of o.backends) {
    log(`${name}: loading`)
    const loaded = await loadBackend(name, { fused: o.fused ?? true })
    if (E.isLeft(loaded)) {
      timed.push({ name, reason: `${loaded.left.reason}. ${loaded.left.remedy}` })
      continue
    }
    const b = loaded.right
    if (target === undefined) {
      log(`${name}: rendering the target`)
      const t = (await must(() => evaluate(b)(w.programs.forward, w.targetControls))) as Record<string, { data: Float32Array | Float64Array }>
      target = Float32Array.from(t['audio']!.data)
    }
    log(`${name}: timing (a) forward and (b) forward + loss + backward, ${o.runs} runs each`)
    timed.push({ name, fused: (o.fused ?? true) && Object.keys(b.fused).length > 0, r: await timeBackend(b, w.programs, w.controls, target, o.runs), rss: rssMb() })
  }
  let torch: TorchResult = { available: false, reason: o.torch ? 'no backend rendered the target' : 'not requested (--no-torch)' }
  if (o.torch && target !== undefined) {
    log(`pytorch: timing the same workload (${o.threads} threads, ${o.torchAllocator ?? 'default'} allocator)`)
    torch = runTorch(w, target, { runs: o.runs, threads: o.threads, allocator: o.torchAllocator ?? 'default' })
  }
  const peer = torch.available ? torch.cases : undefined
  const backends = timed.map((t): BackendReport =>
    'reason' in t
      ? { backend: t.name, available: false, reason: t.reason }
      : {
          backend: t.name, available: true, fused: t.fused, loss: t.r.loss, grad_norms: t.r.gradNorms, peak_rss_mb: t.rss,
          cases: { forward: withRatio(t.r.forward, audioSeconds, peer?.forward), train: withRatio(t.r.train, audioSeconds, peer?.train) },
        },
  )
  const autoencoder = o.autoencoder === false ? undefined : await runAutoencoderBench({ ...o, size }, log)
  return { workload: { ...size, samples: w.samples }, backends, torch, ...(autoencoder === undefined ? {} : { autoencoder }) }
}
