/**
 * Law: every backend equals the float64 reference — forward outputs and
 * reverse-mode gradients — on random programs over every primitive
 * (properties/programs.ts). Backends come from `DDSP_TEST_BACKENDS` (comma
 * list, default 'wasm,tfjs-cpu'); one that cannot load here (e.g. cuda
 * without a GPU) is reported as a skipped test whose name states why.
 *
 * Also every registered synth, rendered with its defaults; there the
 * tolerance also admits TOL.float32Conditioning × the float32 reference's
 * own deviation from float64.
 *
 * Gradients: every input of the program becomes a param, and `vjp` with an
 * input seed `ct:out` (random values) gives `grad:<name>` for all of them.
 * Tolerance: TOL.backend (float32 vs float64; TOL.gpuBackend on webgpu and
 * webgl), scaled by each output's largest magnitude.
 *
 * @example DDSP_TEST_BACKENDS=wasm,tfjs-cpu,cuda npx vitest run properties/backends.prop.ts
 */
import fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { vjp } from '../src/core/autodiff/vjp.js'
import type { Backend } from '../src/core/backend.js'
import { formatError } from '../src/core/errors.js'
import { evaluate, evaluateSync, type Feeds, type Outputs } from '../src/core/interpret.js'
import type { Eqn, Program } from '../src/core/program.js'
import { outputShape } from '../src/core/program.js'
import { sizeOf } from '../src/core/shape.js'
import { isBackendName, loadBackend } from '../src/backends/load.js'
import { compile } from '../src/core/program-api.js'
import { synthRegistry } from '../src/synths/registry.js'
import { reference } from '../src/backends/reference/index.js'
import { rng } from '../testing/cases.js'
import { ok, run } from './harness.js'
import { randomProgram } from './programs.js'
import { params } from './runs.js'
import { firstScaledMismatch, TOL, type Tolerance } from '../testing/tolerance.js'

// cuda is listed by default so that where it cannot load, the skip and its reason show in every run;
// webgpu runs on Dawn (SwiftShader here), with a quarter of the runs and shorter synths: shader compilation dominates
const names = (process.env['DDSP_TEST_BACKENDS'] ?? 'wasm,tfjs-cpu,cuda,webgpu').split(',').map((s) => s.trim()).filter((s) => s.length > 0)

/** The program with every input turned into a param (so vjp differentiates with respect to it). */
const inputsAsParams = (p: Program): Program => ({
  ...p,
  inputs: [],
  params: [...p.params, ...p.inputs],
  eqns: p.eqns.map((e): Eqn => (e.op === 'input' ? { ...e, op: 'param' } : e)),
})

/** GPU backends: fewer random programs, shorter synths, their own tolerance entry. */
const gpu = (name: string): boolean => name === 'webgpu' || name === 'webgl'

/** Largest |a − b|. */
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let d = 0
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i]! - b[i]!))
  return d
}

/** TOL.backend, its absolute part raised to TOL.float32Conditioning's factor times the float32 reference's own deviation. */
const conditioned = (p: Program, feeds: Feeds, want: Outputs, k: string, base: Tolerance): Tolerance => {
  const ref32 = ok(evaluateSync(reference('float32'))(p, feeds))[k]!.data
  const scale = Math.max(1, ...Array.from(want[k]!.data, Math.abs))
  const atol = (TOL.float32Conditioning.atol * maxDiff(ref32, want[k]!.data)) / scale
  return { ...base, atol: Math.max(base.atol, atol) }
}

/** A description of the first output that differs from the reference, or undefined. */
const mismatch = async <T>(b: Backend<T>, p: Program, feeds: Feeds, float32Conditioned = false): Promise<string | undefined> => {
  const want = run(p, feeds)
  const got = await evaluate(b)(p, feeds).catch((e: unknown) => E.left({ _tag: 'KernelFailed' as const, op: 'download', message: String(e) }))
  if (E.isLeft(got)) return formatError(got.left)
  const base = gpu(b.name) ? TOL.gpuBackend : TOL.backend
  for (const [k, w] of Object.entries(want)) {
    const g = got.right[k]
    if (g === undefined) return `missing output ${k}`
    const at = firstScaledMismatch(float32Conditioned ? conditioned(p, feeds, want, k, base) : base, g.data, w.data)
    if (at >= 0) return `${k}[${at}]: ${b.name} ${g.data[at]} vs reference ${w.data[at]}`
  }
  return undefined
}

/** The gradient program of a random program and its feeds (the cotangent seed included). */
const gradientCase = (p: Program, feeds: Record<string, Float64Array>, seed: number): readonly [Program, Feeds] => {
  const g = ok(vjp(inputsAsParams(p), { output: 'out', seed: 'input' }))
  const r = rng(seed)
  if (!g.inputs.some((d) => d.name === 'ct:out')) return [g, feeds]
  const ct = Float64Array.from({ length: sizeOf(outputShape(p, 'out') ?? []) }, () => 2 * r.next() - 1)
  return [g, { ...feeds, 'ct:out': ct }]
}

const loaded = await Promise.all(names.map(async (n) => [n, isBackendName(n) ? await loadBackend(n) : undefined] as const))

for (const [name, b] of loaded) {
  if (b === undefined || E.isLeft(b)) {
    const why = b === undefined ? `unknown backend name '${name}'` : formatError(b.left)
    const title = `${name}: skipped — BackendUnavailable: ${why}`
    console.log(title)
    describe(`backend ${name} equals the float64 reference`, () => it.skip(title, () => undefined))
    continue
  }
  const backend = b.right
  const [scale, samples] = gpu(name) ? [0.25, 1000] : [1, 4000]
  describe(`backend ${name} equals the float64 reference`, () => {
    it('forward, on random programs', async () => {
      await fc.assert(
        fc.asyncProperty(randomProgram(), async ({ program, feeds }) => {
          const bad = await mismatch(backend, program, feeds)
          expect(bad).toBeUndefined()
        }),
        params(scale),
      )
    })
    it.each(Object.keys(synthRegistry))(`synth %s (${samples} samples at 16 kHz)`, async (synth) => {
      const p = ok(compile({ y: synthRegistry[synth]!.render({ sampleRate: 16000, samples }) }))
      expect(await mismatch(backend, p, {}, true)).toBeUndefined()
    })
    it('gradient (vjp of every input), on random programs', async () => {
      await fc.assert(
        fc.asyncProperty(randomProgram(), fc.integer({ min: 1, max: 2 ** 30 }), async ({ program, feeds }, seed) => {
          const [g, f] = gradientCase(program, feeds, seed)
          const bad = await mismatch(backend, g, f)
          expect(bad).toBeUndefined()
        }),
        params(scale),
      )
    })
  })
}
