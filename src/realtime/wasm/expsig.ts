/**
 * The exp-sigmoid kernel (`expsig.wat`) in a voice's wasm memory: DDSP's
 * exp_sigmoid of n control values at once (the harmonic distribution, the
 * noise band gains), within 1e-14 relative to `host/sigmoid` `expSigmoid`. Lay the
 * regions out with `expsigRegions` next to the voice's own, then `expsigCall`
 * gives the call.
 *
 * @example
 * const a = arena({ ...mine, ...expsigRegions(65) })
 * const gains = expsigCall(k, a.at, 65) // gains(raw, bias) → a reused view of 65 values
 */

/** The `expsig` export: src, dst, n (even), biasAt (byte offset of an f64). */
export type ExpSig = (src: number, dst: number, n: number, biasAt: number) => void

/** The kernel works on pairs: n rounded up to even (the padding lane reads a spare slot). */
const pairsOf = (n: number): number => 2 * Math.ceil(n / 2)

/**
 * Byte sizes of exp-sigmoid's regions for n values (for `arena`): inputs, outputs and the bias.
 * @example arena({ ...expsigRegions(100), x: 1024 })
 */
export const expsigRegions = (n: number) => ({ expsigIn: 8 * pairsOf(n), expsigOut: 8 * pairsOf(n), expsigBias: 8 })

/**
 * exp-sigmoid of the first n values of `raw` plus `bias` (the bias through memory: no double argument),
 * returned as a view of the n gains, reused by the next call.
 * @param k the instance (its memory and `expsig`)  @param at the arena's offsets  @param n values per call
 * @example expsigCall(k, a.at, 65)(raw, -5)
 */
export const expsigCall = (
  k: { readonly memory: WebAssembly.Memory; readonly exports: { readonly expsig: ExpSig } },
  at: Readonly<Record<keyof ReturnType<typeof expsigRegions>, number>>,
  n: number,
): ((raw: ArrayLike<number>, bias?: number) => Float64Array) => {
  const input = new Float64Array(k.memory.buffer, at.expsigIn, n)
  const output = new Float64Array(k.memory.buffer, at.expsigOut, n)
  const biasIn = new Float64Array(k.memory.buffer, at.expsigBias, 1)
  return (raw, bias = 0) => {
    for (let i = 0; i < n; i++) input[i] = raw[i]!
    biasIn[0] = bias
    k.exports.expsig(at.expsigIn, at.expsigOut, pairsOf(n), at.expsigBias)
    return output
  }
}
