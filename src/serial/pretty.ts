/**
 * `pretty`: a Program as text, one equation per line (like a jaxpr), with
 * composite bodies indented beneath their equation. Used for golden snapshots.
 *
 * @example
 * pretty(program)
 * // in  phase: [1,8]
 * // v1: [1,8] = sin v0
 * // out y = v1
 */
import type { Eqn, Program } from '../core/program.js'

const showAttrs = (e: Eqn): string => {
  if (e.op === 'constant') {
    const { data } = e.attrs as { data: readonly number[] }
    return data.length === 1 ? ` ${data[0]}` : ` <${data.length} values>`
  }
  if (e.op === 'input' || e.op === 'param') return ` '${(e.attrs as { name: string }).name}'`
  const entries = Object.entries(e.attrs).filter(([k]) => k !== 'shape')
  return entries.length === 0 ? '' : ` {${entries.map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join(', ')}}`
}

const lines = (p: Program, indent: string): string[] => {
  const out: string[] = []
  for (const d of p.inputs) out.push(`${indent}in  ${d.name}: [${d.shape.join(',')}]`)
  for (const d of p.params) out.push(`${indent}param ${d.name}: [${d.shape.join(',')}]`)
  for (const e of p.eqns) {
    const head = `${indent}v${e.id}: [${e.shape.join(',')}] = `
    const args = e.inputs.map((i) => `v${i}`).join(' ')
    if (e.op === 'composite') {
      out.push(`${head}${e.name}(${args})${Object.keys(e.attrs).length > 0 ? ` ${JSON.stringify(e.attrs)}` : ''}${e.vjp === undefined ? '' : ' +vjp'}`)
      out.push(...lines({ ...e.body, inputs: [], params: [] }, `${indent}    `))
    } else out.push(`${head}${e.op}${args === '' ? '' : ` ${args}`}${showAttrs(e)}`)
  }
  for (const o of p.outputs) out.push(`${indent}out ${o.name} = v${o.id}`)
  return out
}

/** One equation per line. @example console.log(pretty(program)) */
export const pretty = (p: Program): string => lines(p, '').join('\n')
