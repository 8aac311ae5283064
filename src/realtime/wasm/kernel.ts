/**
 * Loading the real-time SIMD kernels (`*.wat` beside this file, embedded by
 * `npm run build:wasm` in `binaries.ts`). Each voice instantiates the kernels
 * it uses over one memory of its own, laid out once at construction (`arena`),
 * so a block never allocates and views never detach (the memory never grows).
 * Where WebAssembly SIMD is missing (`WebAssembly.validate` fails) a voice gets
 * `undefined` and runs its plain-TypeScript kernels, which define the
 * semantics (the wasm kernels are tested equal to them).
 *
 * @example
 * const a = arena({ amps: 8 * 100, out: 8 * 128 })
 * const k = instantiate<{ harmonics: HarmonicsKernel }>(['harmonics'], a.pages)
 * if (k !== undefined) new Float64Array(k.memory.buffer, a.at.out, 128)
 */
import { WASM_BINARIES } from './binaries.js'

/** Which kernels a voice runs: the wasm SIMD ones when the platform has them (default), or the TypeScript ones. */
export type KernelChoice = 'wasm' | 'js'

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** base64 → bytes (AudioWorkletGlobalScope has no `atob`). @example decodeBase64('AGFzbQ==') */
export const decodeBase64 = (s: string): Uint8Array<ArrayBuffer> => {
  const clean = s.replace(/=+$/, '')
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4))
  let bits = 0
  let acc = 0
  let o = 0
  for (let i = 0; i < clean.length; i++) {
    acc = (acc << 6) | B64.indexOf(clean[i]!)
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out[o++] = (acc >> bits) & 255
    }
  }
  return out
}

const compiled = new Map<string, WebAssembly.Module | null>()

/** The compiled module of one kernel, or null when this platform cannot run it (no SIMD). */
const moduleOf = (name: string): WebAssembly.Module | null => {
  const known = compiled.get(name)
  if (known !== undefined) return known
  const text = WASM_BINARIES[name]
  const bytes = text === undefined ? undefined : decodeBase64(text)
  const m = typeof WebAssembly === 'object' && bytes !== undefined && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null
  compiled.set(name, m)
  return m
}

/** Byte offsets of named regions (16-byte aligned) and the 64 KiB pages they need. */
export interface Arena<K extends string> {
  readonly at: Readonly<Record<K, number>>
  readonly pages: number
}

/**
 * Lays out regions of the given byte sizes one after another, each 16-byte aligned (v128 loads).
 * @param sizes bytes per region
 * @example arena({ a0: 800, out: 1024 }).at.out // 800
 */
export const arena = <K extends string>(sizes: Readonly<Record<K, number>>): Arena<K> => {
  let offset = 0
  const at = {} as Record<K, number>
  for (const k of Object.keys(sizes) as K[]) {
    at[k] = offset
    offset += Math.ceil(sizes[k] / 16) * 16
  }
  return { at, pages: Math.max(1, Math.ceil(offset / 65536)) }
}

/**
 * Instantiates the named kernels over one new memory of `pages` pages, or undefined when any is unavailable;
 * each may import the exports of those named before it (under the earlier one's name).
 * @param names kernels (`.wat` file names)  @param pages memory size in 64 KiB pages
 * @example instantiate<{ harmonics: Function }>(['harmonics'], 1)
 */
export const instantiate = <E>(names: readonly string[], pages: number): { readonly exports: E; readonly memory: WebAssembly.Memory } | undefined => {
  const modules = names.map(moduleOf)
  if (modules.some((m) => m === null)) return undefined
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages })
  // each module may import the exports of those before it, by name (e.g. drums imports "noise" "uniform")
  const imports: Record<string, WebAssembly.ModuleImports> = { env: { memory } }
  for (let i = 0; i < modules.length; i++) imports[names[i]!] = new WebAssembly.Instance(modules[i]!, imports).exports as WebAssembly.ModuleImports
  const exports = Object.assign({}, ...names.map((n) => imports[n])) as E
  return { exports, memory }
}
