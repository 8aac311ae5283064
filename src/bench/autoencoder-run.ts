/**
 * The autoencoder case of `ddsp bench`: the training step of
 * `autoencoder.ts` on each requested backend and in PyTorch
 * (`torch-autoencoder.ts`), with the standard case's runs, threads and
 * allocator; ratios ddsp-ts / PyTorch. A backend that cannot load, or a
 * length that is not whole frames, is reported with its reason.
 *
 * @example
 * const r = await runAutoencoderBench({ backends: ['wasm'], runs: 5, torch: true, threads: 2, size: STANDARD })
 * if (r.available) r.backends[0]
 */
import * as E from 'fp-ts/lib/Either.js'
import { loadBackend, type BackendName } from '../backends/load.js'
import { autoencoderWorkload, timeAutoencoder, type AutoencoderTiming } from './autoencoder.js'
import type { TorchAllocator } from './allocator.js'
import type { CaseReport } from './timing.js'
import type { WorkloadSize } from './workload.js'
import { runTorchAutoencoder, type TorchAutoencoderResult } from './torch-autoencoder.js'

/** What the case reads of `ddsp bench`'s options (a `BenchOptions` is one). */
export interface AutoencoderBenchOptions {
  readonly backends: readonly BackendName[]
  readonly runs: number
  readonly torch: boolean
  readonly threads: number
  readonly torchAllocator?: TorchAllocator
  /** batch and seconds are the step's; the rest is the standard case's */
  readonly size: WorkloadSize
  readonly fused?: boolean
}

/** One backend's autoencoder step. */
export type AutoencoderBackendReport =
  | { readonly backend: string; readonly available: true; readonly loss: number; readonly grad_norms: AutoencoderTiming['grad_norms']; readonly train: CaseReport }
  | { readonly backend: string; readonly available: false; readonly reason: string }

/** The autoencoder case (`--json`: `autoencoder`). */
export type AutoencoderReport =
  | { readonly available: true; readonly batch: number; readonly seconds: number; readonly frames: number; readonly params: number; readonly backends: readonly AutoencoderBackendReport[]; readonly torch: TorchAutoencoderResult }
  | { readonly available: false; readonly reason: string }

/**
 * Runs the autoencoder case at the standard case's batch and length.
 * @example await runAutoencoderBench(options, console.error)
 */
export const runAutoencoderBench = async (o: AutoencoderBenchOptions, log: (line: string) => void = () => undefined): Promise<AutoencoderReport> => {
  const w = autoencoderWorkload({ batch: o.size.batch, seconds: o.size.seconds })
  if (E.isLeft(w)) return { available: false, reason: w.left }
  const seconds = o.size.batch * o.size.seconds
  const timed: Array<{ name: BackendName; t: AutoencoderTiming } | { name: BackendName; reason: string }> = []
  for (const name of o.backends) {
    const b = await loadBackend(name, { fused: o.fused ?? true })
    if (E.isLeft(b)) {
      timed.push({ name, reason: `${b.left.reason}. ${b.left.remedy}` })
      continue
    }
    log(`${name}: timing the autoencoder training step, ${o.runs} runs`)
    timed.push({ name, t: await timeAutoencoder(b.right, w.right, o.runs) })
  }
  let torch: TorchAutoencoderResult = { available: false, reason: o.torch ? 'no backend ran' : 'not requested (--no-torch)' }
  if (o.torch && timed.some((t) => 't' in t)) {
    log(`pytorch: timing the autoencoder training step (${o.threads} threads, ${o.torchAllocator ?? 'default'} allocator)`)
    torch = runTorchAutoencoder(w.right, { runs: o.runs, threads: o.threads, allocator: o.torchAllocator ?? 'default' })
  }
  const peer = torch.available ? torch.cases.train : undefined
  const backends = timed.map((x): AutoencoderBackendReport =>
    'reason' in x
      ? { backend: x.name, available: false, reason: x.reason }
      : {
          backend: x.name, available: true, loss: x.t.loss, grad_norms: x.t.grad_norms,
          train: { ...x.t.train, realtime: seconds / (x.t.train.median_ms / 1000), ...(peer === undefined ? {} : { ratio_vs_torch: x.t.train.median_ms / peer.median_ms }) },
        },
  )
  const params = Object.values(w.right.params).reduce((a, v) => a + v.length, 0)
  return { available: true, batch: w.right.batch, seconds: o.size.seconds, frames: w.right.frames, params, backends, torch }
}
