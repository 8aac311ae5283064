/**
 * `ddsp bench [--json]`: the standard DDSP workload (src/bench) on each
 * backend and in PyTorch, side by side. Progress goes to stderr, the table
 * (or one JSON document with `--json`) to stdout.
 *
 * @example
 * ddsp bench --runs 10 --backends wasm,tfjs-cpu
 * ddsp bench --json > bench.json
 * ddsp bench --torch-allocator jemalloc   # the peer at its best (LD_PRELOAD of libjemalloc2)
 * ddsp bench --no-autoencoder             # only the standard workload
 */
import * as E from 'fp-ts/lib/Either.js'
import { isBackendName, type BackendName } from '../backends/load.js'
import { isTorchAllocator, torchAllocators } from '../bench/allocator.js'
import { formatReport } from '../bench/report.js'
import { runBench } from '../bench/run.js'
import { STANDARD, type WorkloadSize } from '../bench/workload.js'
import { positive, usage, type CliError } from './errors.js'

/** Raw options from commander. */
export interface BenchFlags {
  readonly json?: boolean
  readonly runs: string
  readonly backends: string
  readonly torch: boolean
  readonly threads: string
  /** `--torch-allocator`: default or jemalloc (the peer only). */
  readonly torchAllocator?: string
  readonly fused: boolean
  /** `--no-autoencoder` sets false (default true). */
  readonly autoencoder?: boolean
  readonly seconds?: string
  readonly batch?: string
}

/** The workload size with `--seconds` / `--batch` overrides (frames follow at hop 64). */
const sizeOf = (f: BenchFlags): E.Either<CliError, WorkloadSize> => {
  const seconds = f.seconds === undefined ? STANDARD.seconds : positive('--seconds', f.seconds)
  const batch = f.batch === undefined ? STANDARD.batch : positive('--batch', f.batch, true)
  if (typeof seconds !== 'number') return E.left(seconds)
  if (typeof batch !== 'number') return E.left(batch)
  const frames = (seconds * STANDARD.sampleRate) / 64
  if (!Number.isInteger(frames)) return E.left(usage(`--seconds ${seconds}: the length must be a whole number of 64-sample frames at 16 kHz`))
  return E.right({ ...STANDARD, seconds, batch, frames })
}

/**
 * Runs the benchmark and returns the text to print.
 * @example await benchCommand({ runs: '3', backends: 'wasm', torch: false, threads: '2', fused: true })
 */
export const benchCommand = async (f: BenchFlags, log: (s: string) => void): Promise<E.Either<CliError, string>> => {
  const runs = positive('--runs', f.runs, true)
  const threads = positive('--threads', f.threads, true)
  if (typeof runs !== 'number') return E.left(runs)
  if (typeof threads !== 'number') return E.left(threads)
  const names = f.backends.split(',').map((s) => s.trim()).filter((s) => s.length > 0)
  const bad = names.find((n) => !isBackendName(n))
  if (bad !== undefined) return E.left(usage(`unknown backend '${bad}' in --backends`))
  const size = sizeOf(f)
  if (E.isLeft(size)) return size
  const torchAllocator = f.torchAllocator ?? 'default'
  if (!isTorchAllocator(torchAllocator)) return E.left(usage(`--torch-allocator ${torchAllocator}: one of ${torchAllocators.join(', ')}`))
  const report = await runBench({ backends: names as BackendName[], runs, torch: f.torch, threads, torchAllocator, size: size.right, fused: f.fused, autoencoder: f.autoencoder ?? true }, log)
  return E.right(f.json === true ? JSON.stringify(report, null, 2) : formatReport(report))
}
