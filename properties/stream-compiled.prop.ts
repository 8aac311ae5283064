/**
 * Law: the compiled stream equals the offline decomposition. For random
 * streamable programs, every synth of `stream-synths.ts` (the registry's
 * included) and random block partitions (blocks of 1 included), the block
 * compiler (`compileStream`: arena, fused generated loops, block kernels)
 * renders on the float64 reference what the offline interpreter renders
 * there, within `TOL.compiledStream`; with the real-time lowerings
 * (`realtime/lowerings.ts`) and fixed blocks, within `TOL.compiledLowered`.
 * What needs the future is refused at compile time, naming op and site.
 */
import * as E from 'fp-ts/lib/Either.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reference } from '../src/backends/reference/index.js'
import { compile } from '../src/core/program-api.js'
import type { Program } from '../src/core/program.js'
import { constant, input } from '../src/core/signal.js'
import { reverse } from '../src/core/tensor.js'
import { realtimeLowerings } from '../src/realtime/lowerings.js'
import { compileStream } from '../src/stream/compile.js'
import { reverb } from '../src/synths/reverb.js'
import { renderCompiled } from '../src/stream/compile-render.js'
import { streamProgram, type TimeInputs } from '../src/stream/index.js'
import { ok, run } from './harness.js'
import { params } from './runs.js'
import { partition, streamableProgram } from './stream-programs.js'
import { streamSynths } from './stream-synths.js'
import { firstScaledMismatch, TOL, type Tolerance } from '../testing/tolerance.js'

const backend = reference('float64')

const compiledEqualsOffline = (program: Program, inputs: TimeInputs, feeds: Record<string, Float64Array>, blocks: readonly number[], tol: Tolerance = TOL.compiledStream): boolean => {
  const offline = run(program, feeds)['y']!.data
  const blockSize = Math.max(...blocks)
  const got = ok(renderCompiled(program, { inputs, backend, blockSize }, feeds, blocks))['y']!
  const at = firstScaledMismatch(tol, got, offline)
  if (at >= 0) console.error(`compiled ≠ offline at ${at}: ${got[at]} vs ${offline[at]} (blocks ${blocks.join(',')})`)
  return at < 0
}

describe('compiled stream ≡ offline', () => {
  it('random streamable programs, random block partitions', () => {
    fc.assert(
      fc.property(
        streamableProgram().chain((c) => fc.tuple(fc.constant(c), partition(c.T))),
        ([c, blocks]) => compiledEqualsOffline(c.program, c.inputs, c.feeds, blocks),
      ),
      params(),
    )
  })
  it.each(Object.keys(streamSynths))('%s compiles and streams like its offline render for random partitions (or both paths refuse it alike)', (name) => {
    const { program, inputs, feeds } = streamSynths[name]!()
    const T = program.eqns.find((e) => e.id === program.outputs[0]!.id)!.shape[1]!
    const fixed = Object.fromEntries(Object.entries(feeds).filter(([k]) => inputs[k] === undefined))
    const compiled = compileStream(program, { inputs, backend, blockSize: T }, fixed)
    if (E.isLeft(compiled)) {
      // only what the streaming analysis itself refuses (e.g. the registry reverb's delay-compensating crop)
      const interpreted = streamProgram(program, { inputs, backend }, fixed)
      expect(E.isLeft(interpreted) && interpreted.left).toEqual(compiled.left)
      return
    }
    fc.assert(
      fc.property(partition(T), (blocks) => compiledEqualsOffline(program, inputs, feeds, blocks)),
      params(0.25),
    )
  })
  it('with the real-time lowerings and fixed blocks (a partitioned reverb), for random inputs', () => {
    const T = 2048
    const ir = constant(Array.from({ length: 700 }, (_, i) => Math.sin(i * 12.9898) * Math.exp(-i / 200)), [1, 700])
    const program = ok(compile({ y: reverb(input('x', [1, T], 'audio'), ir) }))
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const x = Float64Array.from({ length: T }, (_, i) => Math.sin(i * 0.37 + seed) * Math.cos(seed * i * 1e-3))
        const offline = run(program, { x })['y']!.data
        const got = ok(renderCompiled(program, { inputs: { x: 'audio' }, backend, blockSize: 64, fixedBlocks: true, lowerings: realtimeLowerings }, { x }, Array.from({ length: T / 64 }, () => 64)))['y']!
        return firstScaledMismatch(TOL.compiledLowered, got, offline) < 0
      }),
      params(0.25),
    )
  })
  it('refuses what needs the future at compile time, naming the op and its site', () => {
    const r = compileStream(ok(compile({ y: reverse(input('x', [1, 64], 'audio'), [1]) })), { inputs: { x: 'audio' }, backend, blockSize: 16 }, {})
    expect(E.isLeft(r) && r.left).toMatchObject({ _tag: 'NotStreamable', op: 'reverse', site: 'reverse#1' })
  })
})
