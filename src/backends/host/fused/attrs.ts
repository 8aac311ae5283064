/**
 * What every host lowering needs from its composite's attributes: typed
 * readers (a wrong attribute is an error naming it, which the interpreter
 * returns as a `KernelFailed` value), which cotangents a `.vjp` must compute, and a cache of the plans built from
 * attributes and shapes (tables, windows), so a training loop does not
 * rebuild them on every step.
 *
 * @example
 * const p = cachedPlan('dsp.stft', attrs, shapes, () => ({ nFft: num(attrs, 'nFft'), center: flag(attrs, 'center') }))
 */

type Attrs = Readonly<Record<string, unknown>>

const bad = (k: string, want: string, v: unknown): Error => new Error(`fused lowering: attribute '${k}' must be ${want}, got ${JSON.stringify(v)}`)

/** A number attribute. @example num({ hop: 64 }, 'hop') // 64 */
export const num = (a: Attrs, k: string): number => {
  const v = a[k]
  if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(k, 'a finite number', v)
  return v
}

/** A boolean attribute (absent = false). @example flag({ center: true }, 'center') // true */
export const flag = (a: Attrs, k: string): boolean => a[k] === true

/** A list of numbers. @example nums({ ratios: [1, 2] }, 'ratios') // [1, 2] */
export const nums = (a: Attrs, k: string): number[] => {
  const v = a[k]
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) throw bad(k, 'a list of numbers', v)
  return v as number[]
}

/** One of the allowed strings. @example oneOf({ window: 'hann' }, 'window', ['hann', 'hamming']) // 'hann' */
export const oneOf = <S extends string>(a: Attrs, k: string, allowed: readonly S[]): S => {
  const v = a[k]
  const hit = allowed.find((s) => s === v)
  if (hit === undefined) throw bad(k, `one of ${allowed.join(', ')}`, v)
  return hit
}

/**
 * Whether input `i`'s cotangent is wanted, from the `needs` attribute of a fusible `.vjp`
 * composite (`core/fusible.ts`); absent means every one is.
 * @example needs({ needs: [false, true] }, 0) // false
 */
export const needs = (a: Attrs, i: number): boolean => {
  const v = a['needs']
  return !(Array.isArray(v) && v[i] === false)
}

const plans = new Map<string, unknown>()
const MAX_PLANS = 64

/**
 * The plan for `(name, attrs, shapes)`, built once by `make` (the oldest of more than 64 is dropped).
 * @example cachedPlan('synth.harmonicBank', attrs, shapes, () => buildTables(attrs, shapes))
 */
export const cachedPlan = <P>(name: string, attrs: Attrs, shapes: readonly (readonly number[])[], make: () => P): P => {
  const key = `${name} ${JSON.stringify(attrs)} ${JSON.stringify(shapes)}`
  if (plans.has(key)) return plans.get(key) as P
  const p = make()
  plans.set(key, p)
  if (plans.size > MAX_PLANS) plans.delete(plans.keys().next().value!)
  return p
}
