import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
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
import { input, noise } from '../core/signal.js'
import { sum } from '../core/tensor.js'
import { mlp } from '../nn/mlp.js'
import { decodeCheckpoint, encodeCheckpoint, loadCheckpoint, saveCheckpoint, type Checkpoint } from './checkpoint.js'
import { fit, type FitOptions } from './fit.js'
import type { OptimizerSpec } from './optimizer.js'
import type { TrainBackend } from './step.js'

const unwrap = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left))
  return r.right
}

const F = 16
const net = mlp('net', { inputs: 1, hidden: 6, layers: 1, outputs: 1 })
/** An MLP fitted to a curve plus seeded noise; outputs the render `y` and the loss. */
const model = (): Program => {
  const y = net.apply(input('x', [1, F, 1], 'control'))
  const e = sub(y, add(input('t', [1, F, 1], 'control'), mul(noise(7, [1, F, 1], 'control'), 0.01)))
  return unwrap(compile({ y, loss: mul(sum(mul(e, e), [0, 1, 2]), 1 / F) }))
}
const x = Float64Array.from({ length: F }, (_, i) => i / F)
const inputs = { x, t: x.map((v) => Math.sin(4 * v)) }
const spec: OptimizerSpec = { kind: 'adam', schedule: { kind: 'exponential', lr: 0.02, rate: 0.5, decaySteps: 10 }, clipNorm: 1 }
const options = (backend: TrainBackend, steps: number): FitOptions => ({ backend, program: model(), inputs, params: net.init(11), optimizer: spec, steps })

const checkpointOf = (program: Program, r: { params: Checkpoint['params']; state: Checkpoint['state']; losses: readonly number[] }): Checkpoint => ({
  program, params: r.params, optimizer: spec, state: r.state, step: r.state.step, seed: 11, losses: r.losses,
})
const dir = () => mkdtemp(join(tmpdir(), 'ddsp-ckpt-'))
const bits = (a: ArrayLike<number>) => Array.from(a, (v) => (Object.is(v, -0) ? '-0' : String(v)))

describe('checkpoint', () => {
  it.each(['float64', 'float32'] as const)('resume equals uninterrupted, bit for bit (reference %s)', async (dtype) => {
    const backend = reference(dtype)
    const straight = unwrap(await fit(options(backend, 12))())
    const half = unwrap(await fit(options(backend, 6))())
    const path = unwrap(await saveCheckpoint(join(await dir(), 'a', 'ckpt.json'), checkpointOf(model(), half))())
    const c = unwrap(await loadCheckpoint(path)())
    expect(c.step).toBe(6)
    const rest = unwrap(await fit({ ...options(backend, 12), program: c.program, params: c.params, state: c.state })())
    for (const k of Object.keys(straight.params)) expect(bits(rest.params[k]!)).toEqual(bits(straight.params[k]!))
    expect([...c.losses, ...rest.losses]).toEqual(straight.losses)
    expect(rest.state).toEqual(straight.state)
  })

  const render = async (name: BackendName, c: Checkpoint) => {
    const b = unwrap(await loadBackend(name))
    const out = unwrap(await evaluate(b)(c.program, { ...inputs, ...c.params }))
    return out['y']!.data
  }
  it.each([
    ['reference', ['wasm', 'tfjs-cpu']],
    ['wasm', ['reference', 'tfjs-cpu']],
  ] as const)('trained on %s, it loads and renders alike on %j', async (trainOn, others) => {
    const trained = unwrap(await fit(options(unwrap(await loadBackend(trainOn)), 8))())
    const text = encodeCheckpoint(checkpointOf(model(), trained))
    const c = unwrap(decodeCheckpoint(text))
    const want = await render(trainOn, c)
    for (const other of others) expect(firstScaledMismatch(TOL.backend, await render(other, c), want), other).toBe(-1)
  })

  it('a corrupt file is an error naming the field', async () => {
    const half = unwrap(await fit(options(reference('float64'), 2))())
    const good = JSON.parse(encodeCheckpoint(checkpointOf(model(), half))) as Record<string, never>
    const broken = (f: (d: Record<string, any>) => void) => {
      const d = structuredClone(good) as Record<string, any>
      f(d)
      return decodeCheckpoint(JSON.stringify(d))
    }
    expect(broken((d) => (d['step'] = -1))).toMatchObject(E.left({ _tag: 'BadCheckpoint', path: '$.step' }))
    expect(broken((d) => (d['version'] = 9))).toMatchObject(E.left({ path: '$.version' }))
    expect(broken((d) => d['params']['net/out/w'].data.pop())).toMatchObject(E.left({ path: '$.params.net/out/w.data' }))
    expect(broken((d) => (d['params']['net/out/w'].data[0] = 'x'))).toMatchObject(E.left({ path: '$.params.net/out/w.data[0]' }))
    expect(broken((d) => (d['params']['nope'] = { dtype: 'float32', shape: [1], data: [0] }))).toMatchObject(E.left({ path: '$.params.nope' }))
    expect(broken((d) => d['optimizer']['state']['slots']['v']['net/fc0/b'].pop())).toMatchObject(E.left({ path: '$.optimizer.state.slots.v.net/fc0/b' }))
    expect(broken((d) => (d['optimizer']['spec']['schedule']['rate'] = 'fast'))).toMatchObject(E.left({ path: '$.optimizer.spec.schedule.rate' }))
    expect(broken((d) => (d['graph']['version'] = 0))).toMatchObject(E.left({ path: '$.graph.version' }))
    expect(broken((d) => (d['losses'] = [1, null]))).toMatchObject(E.left({ path: '$.losses[1]' }))
    expect(decodeCheckpoint('{')).toMatchObject(E.left({ path: '$' }))
    const path = join(await dir(), 'bad.json')
    await writeFile(path, '[]')
    expect(await loadCheckpoint(path)()).toMatchObject(E.left({ _tag: 'BadCheckpoint', path: '$.format' }))
    expect(await loadCheckpoint(join(path, 'missing'))()).toMatchObject(E.left({ _tag: 'CheckpointIoFailed' }))
    expect(await saveCheckpoint(join(path, 'sub', 'c.json'), checkpointOf(model(), half))()).toMatchObject(E.left({ _tag: 'CheckpointIoFailed', path: join(path, 'sub', 'c.json') }))
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual([])
  })
})
