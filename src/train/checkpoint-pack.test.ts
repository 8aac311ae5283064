/**
 * The compact checkpoint: manifest + binary weights (tfjs layout) + the graph
 * packed once by hash. Save → load is exact (params in their dtype, optimizer
 * slots float64, the graph's JSON identical), the optimizer state is
 * optional, checkpoints of one graph share its file, old JSON checkpoints still
 * load, the loaded graph renders alike on every backend, and every damaged
 * piece is a BadCheckpoint naming it.
 *
 * @example
 * npx vitest run src/train/checkpoint-pack.test.ts
 */
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { firstScaledMismatch, TOL } from '../../testing/tolerance.js'
import { loadBackend, type BackendName } from '../backends/load.js'
import { reference } from '../backends/reference/index.js'
import { evaluate } from '../core/interpret.js'
import { add, mul, sub } from '../core/math.js'
import { compile } from '../core/program-api.js'
import type { Program } from '../core/program.js'
import { constant, input } from '../core/signal.js'
import { sum } from '../core/tensor.js'
import { mlp } from '../nn/mlp.js'
import { encode } from '../serial/encode.js'
import { packProgram, unpackProgram } from '../serial/graph-pack.js'
import { encodeCheckpoint, loadCheckpoint, saveCheckpoint, type Checkpoint } from './checkpoint.js'
import { fit } from './fit.js'
import type { OptimizerSpec } from './optimizer.js'

const unwrap = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}
const F = 16
const net = mlp('net', { inputs: 1, hidden: 8, layers: 1, outputs: 1 })
/** An MLP with a big integer ramp and a float table among its constants (as framing indices and windows are). */
const model = (): Program => {
  const ramp = constant(Array.from({ length: 4096 }, (_, i) => i), [1, 4096])
  const table = constant(Array.from({ length: F }, (_, i) => Math.sin(i / 3)), [1, F, 1])
  const y = add(net.apply(input('x', [1, F, 1], 'control')), mul(table, 1e-3))
  const e = sub(y, input('t', [1, F, 1], 'control'))
  return unwrap(compile({ y, loss: add(mul(sum(mul(e, e), [0, 1, 2]), 1 / F), mul(sum(ramp, [0, 1]), 0)) }))
}
const x = Float64Array.from({ length: F }, (_, i) => i / F)
const inputs = { x, t: x.map((v) => Math.sin(4 * v)) }
const spec: OptimizerSpec = { kind: 'adam', schedule: { kind: 'constant', lr: 0.02 } }
const trained = async (): Promise<Checkpoint> => {
  const r = unwrap(await fit({ backend: reference('float32'), program: model(), inputs, params: net.init(3), optimizer: spec, steps: 5 })())
  return { program: model(), params: r.params, optimizer: spec, state: r.state, step: r.state.step, seed: 3, losses: r.losses }
}
const dir = () => mkdtemp(join(tmpdir(), 'ddsp-pack-'))

describe('packed graph', () => {
  it('round-trips exactly, constants stored once and small', async () => {
    const p = model()
    const bytes = await packProgram(p)
    expect(bytes.length).toBeLessThan(encode(p).length / 5)
    expect(encode(unwrap(await unpackProgram(bytes)))).toBe(encode(p))
  })
  it('refuses bytes that are not a packed graph, or that unpack beyond the limit', async () => {
    expect(await unpackProgram(new TextEncoder().encode('{"format":"ddsp-ts/program"}'))).toMatchObject(E.left({ _tag: 'DecodeError', path: '$' }))
    expect(await unpackProgram(await packProgram(model()), 1000)).toMatchObject(E.left({ message: expect.stringMatching(/unpacks to more than 1000 bytes/) }))
  })
})

describe('compact checkpoint', () => {
  it('save → load is exact: params, optimizer state, graph, step, losses', async () => {
    const c = await trained()
    const d = await dir()
    const path = unwrap(await saveCheckpoint(join(d, 'checkpoint.json'), c)())
    const names = (await readdir(d)).sort()
    expect(names).toEqual(['checkpoint.bin', 'checkpoint.json', expect.stringMatching(/^graph-[0-9a-f]{16}\.bin$/)])
    const doc = JSON.parse(await readFile(path, 'utf8'))
    expect(doc.weightsManifest[0]).toMatchObject({ paths: ['checkpoint.bin'], weights: expect.arrayContaining([{ name: 'params/net/fc0/w', shape: [1, 8], dtype: 'float32' }]) })
    const back = unwrap(await loadCheckpoint(path)())
    expect(encode(back.program)).toBe(encode(c.program))
    expect(back.params).toEqual(c.params)
    expect(back.state).toEqual(c.state)
    expect([back.step, back.seed, back.losses]).toEqual([c.step, c.seed, c.losses])
    const v1 = (await stat(join(d, 'v1.json')).catch(() => undefined)) ?? (await writeFile(join(d, 'v1.json'), encodeCheckpoint(c)))
    void v1
    const sizes = await Promise.all(names.map(async (n) => (await stat(join(d, n))).size))
    expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThan((await stat(join(d, 'v1.json'))).size / 4)
  })

  it('the optimizer state is optional: without it a load starts a fresh one', async () => {
    const c = await trained()
    const d = await dir()
    const path = unwrap(await saveCheckpoint(join(d, 'c.json'), c, { optimizer: false })())
    const back = unwrap(await loadCheckpoint(path)())
    expect(back.params).toEqual(c.params)
    expect(back.state.step).toBe(0)
    expect((await stat(join(d, 'c.bin'))).size).toBe(4 * Object.values(c.params).reduce((s, p) => s + p.length, 0))
  })

  it('checkpoints of one graph share its file (written once); a version-1 JSON checkpoint still loads', async () => {
    const c = await trained()
    const d = await dir()
    unwrap(await saveCheckpoint(join(d, 'step-5.json'), c)())
    unwrap(await saveCheckpoint(join(d, 'step-6.json'), { ...c, step: 6 })())
    expect((await readdir(d)).filter((n) => n.startsWith('graph-'))).toHaveLength(1)
    await writeFile(join(d, 'old.json'), encodeCheckpoint(c))
    expect(unwrap(await loadCheckpoint(join(d, 'old.json'))()).params).toEqual(c.params)
  })

  const render = async (name: BackendName, c: Checkpoint) => unwrap(await evaluate(unwrap(await loadBackend(name)))(c.program, { ...inputs, ...c.params }))['y']!.data
  it('the loaded graph renders alike on the reference, wasm and tfjs-cpu backends', async () => {
    const d = await dir()
    const c = unwrap(await loadCheckpoint(unwrap(await saveCheckpoint(join(d, 'c.json'), await trained())()))())
    const want = await render('reference', c)
    for (const other of ['wasm', 'tfjs-cpu'] as const) expect(firstScaledMismatch(TOL.backend, await render(other, c), want), other).toBe(-1)
  })

  it('damaged pieces are BadCheckpoint values naming them', async () => {
    const d = await dir()
    const path = unwrap(await saveCheckpoint(join(d, 'c.json'), await trained(), { graphPath: 'graph.bin' })())
    const doc = JSON.parse(await readFile(path, 'utf8'))
    const variant = async (f: (x: any) => void, name = 'v.json') => {
      const x = structuredClone(doc)
      f(x)
      await writeFile(join(d, name), JSON.stringify(x))
      return loadCheckpoint(join(d, name))()
    }
    expect(await variant((x) => (x.graph.sha256 = '0'.repeat(64)))).toMatchObject(E.left({ _tag: 'BadCheckpoint', path: '$.graph.sha256' }))
    expect(await variant((x) => (x.graph.path = '../graph.bin'))).toMatchObject(E.left({ path: '$.graph.path' }))
    expect(await variant((x) => x.weightsManifest[0].weights.pop())).toMatchObject(E.left({ path: '$.weightsManifest', message: expect.stringMatching(/lists \d+ bytes, the weights file has \d+/) }))
    expect(await variant((x) => (x.weightsManifest[0].weights[0].shape = [2, 8]))).toMatchObject(E.left({ _tag: 'BadCheckpoint' }))
    expect(await variant((x) => (x.weightsManifest[0].weights[0].name = 'params/nope'))).toMatchObject(E.left({ path: '$.weightsManifest.params/nope' }))
    await writeFile(join(d, 'graph.bin'), new Uint8Array([1, 2, 3]))
    expect(await loadCheckpoint(path)()).toMatchObject(E.left({ path: '$.graph.sha256' }))
  })
})
