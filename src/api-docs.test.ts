/**
 * `npm run docs` builds the API reference (typedoc, `typedoc.json`: the
 * package's entry points into docs/api) with no warnings: every exported
 * function's `@param` names its parameters, and every type an export refers
 * to is exported or listed as internal (`intentionallyNotExported`). Built
 * into a temporary folder here.
 *
 * @example
 * npx vitest run src/api-docs.test.ts
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

describe('API docs', () => {
  it('typedoc builds them with no warnings', { timeout: 600_000 }, () => {
    const out = mkdtempSync(join(tmpdir(), 'ddsp-docs-'))
    try {
      const r = spawnSync(join(process.cwd(), 'node_modules/.bin/typedoc'), ['--out', out, '--treatWarningsAsErrors'], { encoding: 'utf8', cwd: process.cwd() })
      const text = `${r.stdout}${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '')
      expect(text.split('\n').filter((l) => /\[(warning|error)\]/.test(l))).toEqual([])
      expect(r.status).toBe(0)
      expect(existsSync(join(out, 'index.html'))).toBe(true)
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
