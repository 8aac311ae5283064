/**
 * Program JSON: `encode` writes a versioned document; `decode` validates an
 * untrusted one (structure, op names, attribute schema, references, then
 * every type rule) and returns a fresh, simplified Program or a
 * `DecodeError` naming the JSON path of the culprit. A trained synth is stored
 * this way and loaded on any backend.
 *
 * @example
 * const text = encode(program)
 * decode(text) // Right(program') with evaluate(program') ≡ evaluate(program)
 */
import * as E from 'fp-ts/lib/Either.js'
import { currentName } from './legacy-names.js'
import { compileNodes, programNodes } from '../core/compile.js'
import type { DecodeError } from '../core/errors.js'
import { formatError } from '../core/errors.js'
import { FORMAT_VERSION, type Eqn, type Program } from '../core/program.js'
import { checkAttrs, isOpName } from './schema.js'
import { isShape } from '../core/shape.js'

const FORMAT = 'ddsp-ts/program'

/** Serialises a Program as JSON text. @example encode(program) */
export const encode = (p: Program): string => JSON.stringify({ format: FORMAT, version: FORMAT_VERSION, program: p })

const fail = (path: string, message: string): E.Either<DecodeError, never> => E.left({ _tag: 'DecodeError', path, message })
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
const isIdList = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= 0)

const checkDecls = (v: unknown, path: string): DecodeError | undefined => {
  if (!Array.isArray(v)) return { _tag: 'DecodeError', path, message: 'must be an array' }
  const i = v.findIndex((d) => !isObj(d) || typeof d['name'] !== 'string' || !isShape(d['shape']))
  return i < 0 ? undefined : { _tag: 'DecodeError', path: `${path}[${i}]`, message: 'must be { name: string, shape: number[] }' }
}

const checkEqn = (e: unknown, path: string, defined: Set<number>): E.Either<DecodeError, Eqn> => {
  if (!isObj(e)) return fail(path, 'an equation must be an object')
  const { id, op, inputs, attrs, shape } = e
  if (!Number.isInteger(id) || defined.has(id as number)) return fail(`${path}.id`, `must be a fresh integer, got ${JSON.stringify(id)}`)
  if (!isIdList(inputs)) return fail(`${path}.inputs`, 'must be an array of equation ids')
  const undef = inputs.find((i) => !defined.has(i))
  if (undef !== undefined) return fail(`${path}.inputs`, `reads v${undef} before it is defined`)
  if (!isShape(shape)) return fail(`${path}.shape`, 'must be an array of non-negative integers')
  if (op === 'composite') {
    if (typeof e['name'] !== 'string') return fail(`${path}.name`, 'a composite needs a name')
    if (!isObj(attrs)) return fail(`${path}.attrs`, 'must be an object')
    const body = checkProgram(e['body'], `${path}.body`)
    if (E.isLeft(body)) return body
    const vjp = e['vjp'] === undefined || e['vjp'] === null ? E.right(undefined) : checkProgram(e['vjp'], `${path}.vjp`)
    if (E.isLeft(vjp)) return vjp
    defined.add(id as number)
    return E.right({ id: id as number, op, name: currentName(e['name']), attrs, inputs, shape, body: body.right, vjp: vjp.right })
  }
  if (!isOpName(op)) return fail(`${path}.op`, `unknown op ${JSON.stringify(op)}`)
  const bad = checkAttrs(op, attrs)
  if (bad !== undefined) return fail(`${path}.${bad.split(' ')[0]}`, `${op}: ${bad}`)
  defined.add(id as number)
  return E.right({ id: id as number, op, inputs, attrs: attrs as never, shape })
}

const checkProgram = (v: unknown, path: string): E.Either<DecodeError, Program> => {
  if (!isObj(v)) return fail(path, 'a program must be an object')
  for (const k of ['inputs', 'params'] as const) {
    const bad = checkDecls(v[k], `${path}.${k}`)
    if (bad !== undefined) return E.left(bad)
  }
  if (!Array.isArray(v['args']) || !v['args'].every(isShape)) return fail(`${path}.args`, 'must be an array of shapes')
  if (!Array.isArray(v['eqns'])) return fail(`${path}.eqns`, 'must be an array')
  const defined = new Set<number>()
  const eqns: Eqn[] = []
  for (const [i, e] of v['eqns'].entries()) {
    const r = checkEqn(e, `${path}.eqns[${i}]`, defined)
    if (E.isLeft(r)) return r
    eqns.push(r.right)
  }
  const outs = v['outputs']
  if (!Array.isArray(outs) || outs.length === 0) return fail(`${path}.outputs`, 'must be a non-empty array')
  const j = outs.findIndex((o) => !isObj(o) || typeof o['name'] !== 'string' || !defined.has(o['id'] as number))
  if (j >= 0) return fail(`${path}.outputs[${j}]`, 'must be { name, id } naming a defined equation')
  return E.right({
    inputs: v['inputs'] as Program['inputs'],
    params: v['params'] as Program['params'],
    args: v['args'] as Program['args'],
    eqns,
    outputs: outs as Program['outputs'],
  })
}

/**
 * Parses and validates Program JSON (text or an already parsed value).
 * @returns the recompiled Program, or a `DecodeError` with the JSON path of the culprit.
 * @example decode('{"format":"ddsp-ts/program","version":1,"program":{…}}')
 */
export const decode = (json: unknown): E.Either<DecodeError, Program> => {
  let doc: unknown = json
  if (typeof json === 'string') {
    try {
      doc = JSON.parse(json)
    } catch (err) {
      return fail('$', `not JSON: ${err instanceof Error ? err.message : String(err)}`)
    }
  }
  if (!isObj(doc) || doc['format'] !== FORMAT) return fail('$.format', `expected '${FORMAT}'`)
  if (doc['version'] !== FORMAT_VERSION) return fail('$.version', `unsupported version ${JSON.stringify(doc['version'])}; this ddsp-ts reads ${FORMAT_VERSION}`)
  return E.flatMap(checkProgram(doc['program'], '$.program'), (p) =>
    E.mapLeft((errs: readonly { readonly _tag: 'GraphError'; readonly op: string; readonly message: string; readonly site: string }[]) => ({
      _tag: 'DecodeError' as const,
      path: '$.program',
      message: errs.map((g) => formatError({ ...g, site: 'decoded graph' })).join('; '),
    }))(compileNodes(Object.fromEntries(programNodes(p)))),
  )
}
