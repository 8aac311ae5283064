/**
 * The `needs` attribute of a fusible `.vjp` composite (see `core/fusible.ts`):
 * which inputs' cotangents are wanted at this call site. Missing (older
 * graphs) means every one is.
 *
 * @example
 * const needX = needs(attrs, 0)
 */

/** Whether input `i`'s cotangent is wanted. @example needs({ needs: [false, true] }, 0) // false */
export const needs = (attrs: Readonly<Record<string, unknown>>, i: number): boolean => {
  const v = attrs['needs']
  return !(Array.isArray(v) && v[i] === false)
}
