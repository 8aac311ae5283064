/**
 * WebAssembly text → binary with wabt (SIMD enabled), for `build-wasm.ts` and
 * the test that checks the committed binaries are current.
 *
 * @example
 * const bins = await compileWatFolder(WASM_DIR) // { harmonics: Uint8Array, … }
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import wabt from 'wabt'

/** Where the kernels' `.wat` sources live. */
export const WASM_DIR = fileURLToPath(new URL('../src/realtime/wasm', import.meta.url))

/**
 * Compiles each `<name>.wat` in `dir` to a binary, by name (sorted).
 * @param dir folder of .wat files
 * @example await compileWatFolder('src/realtime/wasm')
 */
export const compileWatFolder = async (dir: string): Promise<Record<string, Uint8Array>> => {
  const w = await wabt()
  const out: Record<string, Uint8Array> = {}
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.wat')).sort()) {
    const module = w.parseWat(file, readFileSync(join(dir, file), 'utf8'), { simd: true })
    module.validate()
    out[file.slice(0, -4)] = Uint8Array.from(module.toBinary({}).buffer)
    module.destroy()
  }
  return out
}
