// Where the benchmark's time goes: runs case (a) or (b) of the standard
// workload (src/bench/workload.ts) on one backend with every kernel and fused
// lowering timed (and its minor page faults counted), and prints the totals per kernel (per input shape for the
// layout ops) of the last of three runs.
// Run: npx tsx bench/profile.ts [wasm|tfjs-cpu] [a|b]
import * as E from 'fp-ts/lib/Either.js'
import type { Backend } from '../src/core/backend.js'
import { checkFeeds, evaluate, execute, type Feeds } from '../src/core/interpret.js'
import { loadBackend, type BackendName } from '../src/backends/load.js'
import { hoistTarget } from '../src/bench/run.js'
import { workload } from '../src/bench/workload.js'

const orThrow = <A>(e: E.Either<unknown, A>): A => {
  if (E.isLeft(e)) throw new Error(JSON.stringify(e.left))
  return e.right
}
const name = (process.argv[2] ?? 'wasm') as BackendName
const mode = process.argv[3] ?? 'b'
const b = orThrow(await loadBackend(name))
const w = workload()
const target = orThrow(await evaluate(b)(w.programs.forward, w.targetControls))['audio']!.data
const hoisted = await hoistTarget(b, w.programs.train, target)
const program = mode === 'a' ? w.programs.forward : hoisted.main
const feeds: Feeds = mode === 'a' ? w.controls : { ...w.controls, ...hoisted.feeds }

const times = new Map<string, number>()
const faults = new Map<string, number>()
const mf = () => process.resourceUsage().minorPageFault
const layoutOps = new Set(['gather', 'scatterAdd', 'broadcast', 'slice', 'concat', 'sum', 'mul', 'add'])
const timed =
  (op: string, k: (...a: never[]) => unknown) =>
  (...a: never[]): unknown => {
    const t0 = performance.now()
    const f0 = mf()
    const v = k(...a)
    const df = mf() - f0
    const key = layoutOps.has(op) ? `${op} ${JSON.stringify((a[0] as unknown as { shape: number[] }[]).map((x) => x.shape))}` : op
    times.set(key, (times.get(key) ?? 0) + performance.now() - t0)
    faults.set(key, (faults.get(key) ?? 0) + df)
    return v
  }
const wrap = <T extends object>(table: T): T => Object.fromEntries(Object.entries(table).map(([k, f]) => [k, timed(k, f as never)])) as T
const profiled: Backend<unknown> = { ...b, kernels: wrap(b.kernels), fused: wrap(b.fused) }
const checked = orThrow(checkFeeds(program, feeds, b.float))
for (let run = 0; run < 3; run++) {
  times.clear(); faults.clear()
  const t0 = performance.now()
  const F0 = mf()
  b.scope(() => {
    const named = new Map(checked.map(([n, d, s]) => [n, b.upload(d, s)] as const))
    const out = orThrow(execute(profiled, program, { named, args: [] }))
    for (const v of out.values()) b.readSync?.(v)
  })
  console.log(`${name} case (${mode}) run ${run + 1}: ${(performance.now() - t0).toFixed(0)} ms, ${mf() - F0} faults`)
}
for (const [k, v] of [...times].sort((x, y) => y[1] - x[1]).slice(0, process.env["PROFILE_ALL"] ? 1000 : 25)) console.log(`${v.toFixed(1).padStart(8)} ms ${String(faults.get(k)).padStart(7)} faults  ${k}`)
console.log('total faults in kernels', [...faults.values()].reduce((a, b) => a + b, 0))
