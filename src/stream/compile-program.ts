/**
 * From an analysed plan to the generated process function: flattens the
 * plan (composites with an applicable lowering kept whole), gives each
 * time-indexed value its arena slot, and emits each node in order — a
 * pointwise emitter into the current loop, or a block kernel call (a
 * lowering, else a generic kernel). An op with neither is refused with
 * `NotStreamable` at its site. Outputs that are constant in time but span
 * the stream are copied block by block from their static value.
 *
 * @example
 * import { emitProgram } from './compile-program.js'
 * emitProgram({ plan, statics, clock, spec, capacity: { audio: 128, control: 4 }, w }) // Right({ run, inputs, outputs, … })
 */
import * as E from 'fp-ts/lib/Either.js'
import type { HostTensor } from '../core/backend.js'
import type { OpAttrs } from '../core/ops.js'
import { flatten, type FlatNode, type Ref } from './compile-flat.js'
import { Codegen } from './compile-codegen.js'
import type { Emitter } from './compile-emit.js'
import { genericKernels, type BlockIO, type BlockKernel, type KernelBuilder } from './compile-kernels.js'
import { slotOf, staticSlot, type Capacity, type Slot } from './compile-layout.js'
import type { KernelLowering, LoweringTable } from './compile-lowering.js'
import { primEmitters } from './compile-prims.js'
import { scanEmitters } from './compile-scans.js'
import type { Plan } from './plan.js'
import type { Clock, NotStreamable } from './types.js'

/** What `emitProgram` needs. */
export interface EmitProgramSpec {
  readonly plan: Plan
  readonly statics: ReadonlyMap<string, HostTensor>
  readonly clock: Clock
  readonly spec: { readonly blockSize: number; readonly fixedBlocks?: boolean; readonly lowerings?: LoweringTable }
  readonly capacity: Capacity
  readonly w: Float64Array
}

/** The emitted program. */
export interface EmittedProgram {
  readonly run: (w: Float64Array) => void
  readonly source: string
  readonly states: Codegen['states']
  readonly kernels: readonly BlockKernel[]
  readonly inputs: Record<string, Float64Array>
  readonly outputs: Record<string, Float64Array>
}

const refuse = (n: FlatNode, reason: string): NotStreamable => ({ _tag: 'NotStreamable', op: n.eqn.op === 'composite' ? n.eqn.name : n.eqn.op, site: n.key, reason })

/** A static value spanning the stream on axis 1, copied into its block view. */
const staticOutput = (v: Slot, out: Slot, w: Float64Array): BlockKernel => {
  const [B, T] = v.shape as [number, number]
  const inner = v.data.length / (B * T)
  const cap = out.shape[1]!
  return {
    run: () => {
      const p = w[0]!
      const n = w[1]!
      for (let b = 0; b < B; b++) for (let i = 0; i < n * inner; i++) out.data[b * cap * inner + i] = v.data[(b * T + p) * inner + i]!
    },
    reset: () => undefined,
  }
}

/**
 * Emits a plan.
 * @returns the process function and the arena views, or the first node with no compiled rule
 * @example emitProgram(spec)
 */
export const emitProgram = (o: EmitProgramSpec): E.Either<NotStreamable, EmittedProgram> => {
  const lowerings: Readonly<Record<string, KernelLowering | undefined>> = o.spec.lowerings ?? {} // read by the name an equation carries
  const lctx = { blockSize: o.spec.blockSize, fixedBlocks: o.spec.fixedBlocks ?? false }
  const flat = flatten(o.plan, (e, ins) => lowerings[e.name] !== undefined && lowerings[e.name]!.applies(e, ins, lctx) === undefined)
  const slots = new Map<string, Slot>()
  const statics = new Map<string, Slot>()
  const slotOfRef = (r: Ref): Slot => {
    if (r.time) return slots.get(r.key)!
    let s = statics.get(r.key)
    if (s === undefined) statics.set(r.key, (s = staticSlot(o.statics.get(r.key)!)))
    return s
  }
  const g = new Codegen(o.clock)
  const inputs: Record<string, Float64Array> = {}
  for (const n of flat.nodes) {
    const out = slotOf(n.eqn.shape, n.info, o.capacity)
    slots.set(n.key, out)
    if (n.eqn.op === 'input') {
      inputs[(n.eqn.attrs as OpAttrs['input']).name] = out.data
      continue
    }
    const ins = n.ins.map((r) => ({ key: r.time ? r.key : undefined, slot: slotOfRef(r) }))
    const name = n.eqn.op === 'composite' ? n.eqn.name : n.eqn.op
    const lowering = n.eqn.op === 'composite' ? lowerings[name] : undefined
    const builder: KernelBuilder | undefined = lowering !== undefined && lowering.applies(n.eqn as never, n.infos, lctx) === undefined ? lowering.build : genericKernels[name]
    const emitter: Emitter | undefined = lowering === undefined ? (primEmitters[name as keyof typeof primEmitters] ?? scanEmitters[name]) : undefined
    if (emitter !== undefined && builder === undefined) {
      g.node({ key: n.key, eqn: n.eqn, out, ins }, emitter)
      continue
    }
    if (builder === undefined) return E.left(refuse(n, 'no compiled block rule'))
    const io: BlockIO = { eqn: n.eqn, ins: ins.map((i) => i.slot), infos: n.infos, out, w: o.w, clock: o.clock, blockSize: o.spec.blockSize, fixedBlocks: lctx.fixedBlocks }
    const k = builder(io)
    if (typeof k === 'string') return E.left(refuse(n, k))
    g.kernel(k, n.key, out, ins.map((i) => i.key))
  }
  const outputs: Record<string, Float64Array> = {}
  for (const { name, ref } of flat.outputs) {
    if (ref.time) {
      g.output(ref.key)
      outputs[name] = slots.get(ref.key)!.data
      continue
    }
    const v = slotOfRef(ref)
    if (v.shape.length < 2 || v.shape[1] !== o.clock.samples) continue
    const out = slotOf(v.shape, { axis: 1, rate: 'audio' }, o.capacity)
    g.kernel(staticOutput(v, out, o.w), `@out/${name}`, out, [])
    outputs[name] = out.data
  }
  const { run, source } = g.build()
  return E.right({ run, source, states: g.states, kernels: g.kernels, inputs, outputs })
}
