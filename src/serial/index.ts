/**
 * Programs as text: `encode`/`decode` (versioned JSON; decode checks an
 * untrusted document: structure, op names, the attribute schema, references,
 * and renames the composite names older versions wrote) and `pretty` (a
 * readable listing). Built on core, imported by checkpoints and tools.
 *
 * @example
 * import { decode, encode, pretty } from 'ddsp-ts/serial'
 * const same = decode(JSON.parse(encode(p)))   // Right(p)
 */
export { encode, decode } from './encode.js'
export { pretty } from './pretty.js'
export { currentName, legacyCompositeNames } from './legacy-names.js'
