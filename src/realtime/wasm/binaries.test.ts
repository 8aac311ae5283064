import { describe, expect, it } from 'vitest'
import { compileWatFolder, WASM_DIR } from '../../../scripts/wat.js'
import { WASM_BINARIES } from './binaries.js'
import { decodeBase64 } from './kernel.js'

describe('embedded wasm kernels', () => {
  it('binaries.ts is current: every .wat compiles (SIMD, validated) to the committed bytes (else run npm run build:wasm)', async () => {
    const fresh = await compileWatFolder(WASM_DIR)
    expect(Object.keys(WASM_BINARIES).sort()).toEqual(Object.keys(fresh).sort())
    for (const [name, bytes] of Object.entries(fresh)) expect(Buffer.from(bytes).toString('base64'), name).toBe(WASM_BINARIES[name])
  })
  it('decodes base64 without atob (worklets have none)', () => {
    for (const text of Object.values(WASM_BINARIES)) expect(Buffer.from(decodeBase64(text)).equals(Buffer.from(text, 'base64'))).toBe(true)
    expect([...decodeBase64('AGFzbQ==')]).toEqual([0, 97, 115, 109])
  })
})
