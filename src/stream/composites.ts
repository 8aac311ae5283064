/**
 * Stream rules of composites whose bodies index the whole time axis, keyed
 * by composite name:
 * - `dsp.phase`: carries the wrapped phase (in Hz·samples mod sr) per channel;
 *   φ = 2π/sr·wrap(carry + Σ_{τ≤t} f[τ]), the body's formula with its chunk
 *   hierarchy replaced by the carry (equal modulo 2π up to rounding).
 * - `dsp.upsample.{linear,window,centered}`: reads the body's own gather
 *   tables and keeps the control frames still needed (the block's first
 *   frame index i₀[p] onwards): y = x[i₀] + (x[i₁] − x[i₀])·w, as the body.
 * - `dsp.fftConvolve` with a causal crop (start 0, as `reverb`): the
 *   convolution tail, i.e. the last M − 1 input samples, y[t] = Σₘ h[m]·x[t − m].
 * - `dsp.frameConvolve` (filtered noise, time-varying FIR): the IR frames still
 *   needed and the input tail; its centred crop reads ahead, which is allowed
 *   for a noise-source input (counter-based, so drawn on demand).
 *
 * @example
 * import { compositeRules } from './composites.js'
 * compositeRules['dsp.phase'] // the phase accumulator rule
 */
import * as E from 'fp-ts/lib/Either.js'
import type { HostTensor } from '../core/backend.js'
import type { LoweringTable } from '../core/composite-names.js'
import type { OpAttrs } from '../core/ops.js'
import type { CompositeEqn } from '../core/program.js'
import { normalAt, uniformAt } from '../core/random.js'
import type { BlockCtx } from './align.js'
import { extentOf, withTime, type Clock, type TimeInfo } from './types.js'

type T = NonNullable<TimeInfo>

/** A composite's stream rule. */
export interface CompositeRule {
  readonly info: (e: CompositeEqn, ins: readonly TimeInfo[], shapes: ReadonlyArray<readonly number[]>, clock: Clock) => E.Either<string, T>
  readonly run: (ctx: BlockCtx, e: CompositeEqn, ins: readonly HostTensor[], infos: readonly TimeInfo[], out: T) => HostTensor
}

const audioAxis1 = (t: TimeInfo | undefined): boolean => t != null && t.axis === 1 && t.rate === 'audio'

/** v − p·⌊v·(1/p)⌋, as `dsp/phase` computes it. */
const wrap = (v: number, p: number): number => v - Math.floor(v * (1 / p)) * p

const phase: CompositeRule = {
  info: (_e, [t]) => (audioAxis1(t) ? E.right(t!) : E.left('phase needs time on axis 1 at audio rate')),
  run: (ctx, e, [f], _i, out) => {
    const sr = e.attrs['sampleRate'] as number
    const [b, n, c = 1] = f!.shape as [number, number, number?]
    const carry = Float64Array.from(((ctx.get() as HostTensor | undefined)?.data ?? new Float64Array(b * c)))
    const y = f!.data.constructor === Float32Array ? new Float32Array(f!.data.length) : new Float64Array(f!.data.length)
    for (let r = 0; r < b; r++)
      for (let k = 0; k < c; k++) {
        let acc = carry[r * c + k]!
        for (let t = 0; t < n; t++) {
          const i = (r * n + t) * c + k
          acc += f!.data[i]!
          y[i] = wrap(acc, sr) * ((2 * Math.PI) / sr)
        }
        carry[r * c + k] = wrap(acc, sr)
      }
    ctx.put({ data: carry, shape: [b * c] })
    return { data: y, shape: withTime(e.shape, out, n) }
  },
}

/** The body's gather tables i₀, i₁ and weights w (constants of length nSamples). */
const tables = (e: CompositeEqn): { i0: readonly number[]; i1: readonly number[]; w: readonly number[] } => {
  const byId = new Map(e.body.eqns.map((q) => [q.id, q]))
  const data = (id: number | undefined) => (byId.get(id ?? -1)?.attrs as OpAttrs['constant'] | undefined)?.data ?? [0]
  const gathers = e.body.eqns.filter((q) => q.op === 'gather')
  const n = e.attrs['nSamples'] as number
  const w = e.body.eqns.find((q) => q.op === 'constant' && q.shape.length === 2 && q.shape[0] === n && q.shape[1] === 1)
  return { i0: data(gathers[0]?.inputs[1]), i1: data((gathers[1] ?? gathers[0])?.inputs[1]), w: (w?.attrs as OpAttrs['constant'] | undefined)?.data ?? [0] }
}

interface Frames {
  readonly start: number
  readonly frames: HostTensor
}

const upsample: CompositeRule = {
  info: (e, [t], _s, clock) =>
    t != null && t.axis === 1 && t.rate === 'control' && e.attrs['nSamples'] === clock.samples
      ? E.right({ axis: 1, rate: 'audio' })
      : E.left('upsample needs control frames on axis 1 and the stream length as nSamples'),
  run: (ctx, e, [x], _i, out) => {
    const tab = tables(e)
    const [b, , c] = x!.shape as [number, number, number]
    const prev = (ctx.get() as Frames | undefined) ?? { start: 0, frames: { data: new Float64Array(0), shape: [b, 0, c] } }
    const have = prev.frames.shape[1]!
    const all = ctx.kernels.concat([prev.frames, x!], { axis: 1 }, [b, have + x!.shape[1]!, c])
    const k = all.shape[1]!
    const { p, n } = ctx.w
    const y = new (x!.data.constructor as Float64ArrayConstructor)(b * n * c)
    const at = (r: number, i: number, ch: number) => {
      const j = i - prev.start
      if (j < 0 || j >= k) throw new Error(`upsample: control frame ${i} not delivered (have ${prev.start}…${prev.start + k - 1})`)
      return all.data[(r * k + j) * c + ch]!
    }
    for (let r = 0; r < b; r++)
      for (let t = 0; t < n; t++)
        for (let ch = 0; ch < c; ch++) {
          const a0 = at(r, tab.i0[p + t]!, ch)
          const a1 = at(r, tab.i1[p + t]!, ch)
          y[(r * n + t) * c + ch] = a0 + (a1 - a0) * tab.w[tab.w.length === 1 ? 0 : p + t]!
        }
    const keepFrom = Math.min(tab.i0[Math.min(p + n, tab.i0.length - 1)]!, prev.start + k)
    const drop = Math.max(0, keepFrom - prev.start)
    const kept = ctx.kernels.slice([all], { begin: [0, drop, 0], size: [b, k - drop, c] }, [b, k - drop, c])
    ctx.put({ start: prev.start + drop, frames: kept })
    return { data: y, shape: withTime(e.shape, out, n) }
  },
}

/** Causal FFT convolution (crop start 0): y[t] = Σₘ h[m]·x[t − m], the last M − 1 inputs carried. */
const convolve: CompositeRule = {
  info: (e, [tx, th]) =>
    th !== null
      ? E.left('convolution with a time-varying impulse response')
      : e.attrs['start'] !== 0
        ? E.left(`convolution cropped from sample ${String(e.attrs['start'])} reads ahead (delay compensation); use delayCompensation 0`)
        : audioAxis1(tx)
          ? E.right(tx!)
          : E.left('convolution needs audio time on axis 1'),
  run: (ctx, e, [x, h], _i, out) => {
    const [bx, n] = x!.shape as [number, number]
    const [bh, m] = h!.shape as [number, number]
    const b = Math.max(bx, bh)
    const hist = (ctx.get() as HostTensor | undefined)?.data ?? new Float64Array(bx * (m - 1))
    const len = m - 1 + n
    const xs = new Float64Array(bx * len) // [history | block] per row
    for (let r = 0; r < bx; r++) {
      xs.set(hist.subarray(r * (m - 1), (r + 1) * (m - 1)), r * len)
      for (let t = 0; t < n; t++) xs[r * len + m - 1 + t] = x!.data[r * n + t]!
    }
    const y = new (x!.data.constructor as Float64ArrayConstructor)(b * n)
    for (let r = 0; r < b; r++) {
      const xr = (bx === 1 ? 0 : r) * len
      const hr = (bh === 1 ? 0 : r) * m
      for (let t = 0; t < n; t++) {
        let acc = 0
        for (let k = 0; k < m; k++) acc += h!.data[hr + k]! * xs[xr + m - 1 + t - k]!
        y[r * n + t] = acc
      }
    }
    const next = new Float64Array(bx * (m - 1))
    for (let r = 0; r < bx; r++) next.set(xs.subarray(r * len + n, (r + 1) * len), r * (m - 1))
    ctx.put({ data: next, shape: [bx, m - 1] })
    return { data: y, shape: withTime(e.shape, out, extentOf(out.rate, ctx.w)) }
  },
}

/**
 * y[r, t] = Σ_{j<M} ir(r, v, j)·x(r, v) over v = u(t) − j inside [0, total): one block of a time-varying FIR.
 */
const firBlock = (
  rows: number,
  n: number,
  m: number,
  u: (r: number, t: number) => number,
  total: number,
  ir: (r: number, v: number, j: number) => number,
  x: (r: number, v: number) => number,
): Float64Array => {
  const y = new Float64Array(rows * n)
  for (let r = 0; r < rows; r++)
    for (let t = 0; t < n; t++) {
      let acc = 0
      for (let j = 0; j < m; j++) {
        const v = u(r, t) - j
        if (v >= 0 && v < total) acc += ir(r, v, j) * x(r, v)
      }
      y[r * n + t] = acc
    }
  return y
}

/**
 * Time-varying FIR by frame convolution (`dsp.frameConvolve`): frame k of H input samples is
 * convolved with irs[k] and the results overlap-added, then cropped from c, i.e.
 *   y[t] = Σ_{j<M} irs[⌊v/H⌋][j]·x[v],  v = t + c − j,  0 ≤ v < N.
 * With c > 0 this reads c samples ahead, which streams only when x is a noise source (drawn on
 * demand); otherwise the last M − 1 inputs are carried. The IR frames still needed are kept.
 */
const frameConvolve: CompositeRule = {
  info: (e, [tx, th]) => {
    const c = e.attrs['start'] as number
    if (!audioAxis1(tx)) return E.left('frame convolution needs audio time on axis 1')
    if (th !== null && (th!.axis !== 1 || th!.rate !== 'control')) return E.left('frame convolution needs its IR frames on axis 1 at control rate')
    if (c > 0 && tx!.noise === undefined)
      return E.left(`frame convolution cropped from sample ${c} reads ${c} samples ahead; only a noise source input can be read ahead`)
    return E.right({ axis: 1, rate: 'audio' })
  },
  run: (ctx, e, [x, irs], infos, out) => {
    const [hop, c, total] = [e.attrs['hop'] as number, e.attrs['start'] as number, e.attrs['length'] as number]
    const [bh, , m] = irs!.shape as [number, number, number]
    const bx = x!.shape[0]!
    const b = Math.max(bx, bh)
    const { p, n } = ctx.w
    const st = (ctx.get() as { frames: Frames; hist: HostTensor } | undefined) ?? {
      frames: { start: 0, frames: { data: new Float64Array(0), shape: [bh, 0, m] } },
      hist: { data: new Float64Array(bx * (m - 1)), shape: [bx, m - 1] },
    }
    const fresh = infos[1] === null ? (p === 0 ? irs! : { data: new Float64Array(0), shape: [bh, 0, m] }) : irs!
    const have = st.frames.frames.shape[1]!
    const all = ctx.kernels.concat([st.frames.frames, fresh], { axis: 1 }, [bh, have + fresh.shape[1]!, m])
    const k = all.shape[1]!
    const src = infos[0]!.noise
    const draw = src === undefined ? undefined : src.dist === 'uniform' ? uniformAt : normalAt
    const xAt = (r: number, v: number): number => {
      if (draw !== undefined) return draw(src!.seed, src!.offset + r * src!.shape[1]! + v)
      const i = v - p // history holds v ∈ [p − (M−1), p)
      return i >= 0 ? x!.data[r * n + i]! : st.hist.data[r * (m - 1) + (m - 1) + i]!
    }
    const irAt = (r: number, v: number, j: number): number => {
      const f = Math.floor(v / hop) - st.frames.start
      if (f < 0 || f >= k) throw new Error(`frame convolution: IR frame ${f + st.frames.start} not delivered`)
      return all.data[((bh === 1 ? 0 : r) * k + f) * m + j]!
    }
    const y = firBlock(b, n, m, (_r, t) => p + t + c, total, irAt, (r, v) => xAt(bx === 1 ? 0 : r, v))
    const keepFrom = Math.max(0, Math.floor((p + n + c - (m - 1)) / hop))
    const drop = Math.min(k, Math.max(0, keepFrom - st.frames.start))
    const kept = ctx.kernels.slice([all], { begin: [0, drop, 0], size: [bh, k - drop, m] }, [bh, k - drop, m])
    const hist = new Float64Array(bx * (m - 1))
    for (let r = 0; r < bx; r++) for (let i = 0; i < m - 1; i++) hist[r * (m - 1) + i] = xAt(r, p + n - (m - 1) + i)
    ctx.put({ frames: { start: st.frames.start + drop, frames: kept }, hist: { data: hist, shape: [bx, m - 1] } })
    return { data: y, shape: withTime(e.shape, out, n) }
  },
}

/** Rules by composite name (a `LoweringTable`: a misspelt name fails `tsc`). */
export const compositeRules: LoweringTable<CompositeRule> = {
  'dsp.phase': phase,
  'dsp.upsample.linear': upsample,
  'dsp.upsample.window': upsample,
  'dsp.upsample.centered': upsample,
  'dsp.fftConvolve': convolve,
  'dsp.frameConvolve': frameConvolve,
}
