/**
 * WebAssembly text → binary with wabt (SIMD enabled), for `build-wasm.ts` and
 * the test that checks the committed binaries are current.
 *
 * @example
 * const bins = await compileWatFolder(WASM_DIR) // { harmonics: Uint8Array, … }
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import wabt from 'wabt'

/** Where the kernels' `.wat` sources live. */
export const WASM_DIR = fileURLToPath(new URL('../src/realtime/wasm', import.meta.url))

/**
 * The text of each module in `dir`, by name (sorted): a `<name>.wat` file, or a `<name>/` folder whose `.wat` parts
 * are joined in file-name order (a module too long for one file, e.g. `drums/1-oscillators.wat`, `2-filters.wat`, …).
 * @param dir folder of .wat files and folders
 * @example watSources('src/realtime/wasm').drums // the drum module's text, its parts joined
 */
export const watSources = (dir: string): Record<string, string> => {
  const read = (f: string): string =>
    statSync(join(dir, f)).isDirectory()
      ? readdirSync(join(dir, f)).filter((p) => p.endsWith('.wat')).sort().map((p) => readFileSync(join(dir, f, p), 'utf8')).join('')
      : readFileSync(join(dir, f), 'utf8')
  const names = readdirSync(dir).filter((f) => f.endsWith('.wat') || statSync(join(dir, f)).isDirectory())
  return Object.fromEntries(names.map((f) => [f.replace(/\.wat$/, ''), read(f)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * Compiles each module of `dir` (`watSources`) to a binary, by name (sorted).
 * @param dir folder of .wat files (and folders of parts)
 * @example await compileWatFolder('src/realtime/wasm')
 */
export const compileWatFolder = async (dir: string): Promise<Record<string, Uint8Array>> => {
  const w = await wabt()
  const out: Record<string, Uint8Array> = {}
  for (const [name, text] of Object.entries(watSources(dir))) {
    const module = w.parseWat(`${name}.wat`, text, { simd: true })
    module.validate()
    out[name] = Uint8Array.from(module.toBinary({}).buffer)
    module.destroy()
  }
  return out
}
