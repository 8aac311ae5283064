/**
 * Outputs: atomic files leave no temporary file on any failure or signal that
 * Node sees; a run folder is replaced as a whole set, carries a manifest that
 * loading checks, and survives a SIGKILL mid-write with the old set intact.
 *
 * @example
 * npx vitest run src/io/run-folder.test.ts
 */
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import * as TE from 'fp-ts/lib/TaskEither.js'
import { describe, expect, it } from 'vitest'
import { writeAtomic } from './atomic.js'
import { verifyManifest, writeFolderAtomic } from './run-folder.js'
import { checkWritable } from './writable.js'
import type { IoError } from './wav.js'

const root = mkdtempSync(join(tmpdir(), 'ddsp-out-'))
const TSX = join(process.cwd(), 'node_modules/.bin/tsx')
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.ddsp-tmp') || n.endsWith('.tmp'))

const writeRun = (dir: string, tag: string, fail = false) =>
  writeFolderAtomic(dir, ['a.json', 'b.json'], (tmp): TE.TaskEither<string | IoError, readonly string[]> =>
    fail
      ? TE.left('boom')
      : TE.map(() => ['a.json', 'b.json'])(TE.sequenceSeqArray([writeAtomic(join(tmp, 'a.json'), `{"a":"${tag}"}`), writeAtomic(join(tmp, 'b.json'), `{"b":"${tag}"}`)])),
  )

describe('atomic outputs', () => {
  it('writeAtomic onto a folder is an IoError and leaves no temporary file', async () => {
    const d = join(root, 'out1')
    mkdirSync(join(d, 'd'), { recursive: true })
    const r = await writeAtomic(join(d, 'd'), 'x')()
    expect(E.isLeft(r) && r.left.message).toMatch(/is a folder/)
    expect(temps(d)).toEqual([])
  })
  it('checkWritable: folders for files, files for folders and files as parents are refused before any work', async () => {
    const d = join(root, 'out2')
    mkdirSync(join(d, 'dir'), { recursive: true })
    writeFileSync(join(d, 'afile'), 'x')
    expect(E.isLeft(await checkWritable(join(d, 'dir'), 'file')())).toBe(true)
    expect(E.isLeft(await checkWritable(join(d, 'afile'), 'folder')())).toBe(true)
    const sub = await checkWritable(join(d, 'afile', 'sub', 'x.wav'), 'file')()
    expect(E.isLeft(sub) && sub.left.message).toMatch(/afile is a file, not a folder/)
    expect(E.isRight(await checkWritable(join(d, 'new', 'deeper', 'x.wav'), 'file')())).toBe(true)
  })
  it('a run folder is replaced whole, carries a manifest, and a failed write keeps the old set', async () => {
    const d = join(root, 'run')
    expect(E.isRight(await writeRun(d, 'one')())).toBe(true)
    expect(readdirSync(d).sort()).toEqual(['a.json', 'b.json', 'manifest.json'])
    expect(E.isRight(await writeRun(d, 'two')())).toBe(true)
    expect(readFileSync(join(d, 'b.json'), 'utf8')).toBe('{"b":"two"}')
    expect(await writeRun(d, 'three', true)()).toEqual(E.left('boom'))
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('{"a":"two"}')
    expect(temps(root)).toEqual([])
    expect(E.isRight(await verifyManifest(d, ['a.json', 'b.json'])())).toBe(true)
  })
  it('a folder holding other files is not replaced', async () => {
    const d = join(root, 'precious')
    mkdirSync(d)
    writeFileSync(join(d, 'thesis.tex'), 'x')
    const r = await writeRun(d, 'one')()
    expect(E.isLeft(r) && typeof r.left !== 'string' && r.left.message).toMatch(/holds files a run does not write \(thesis\.tex\)/)
    expect(readdirSync(d)).toEqual(['thesis.tex'])
  })
  it('loading refuses a mix of two runs (a new b.json beside an old a.json)', async () => {
    const [d1, d2] = [join(root, 'mix1'), join(root, 'mix2')]
    await writeRun(d1, 'one')()
    await writeRun(d2, 'two')()
    writeFileSync(join(d1, 'b.json'), readFileSync(join(d2, 'b.json')))
    const r = await verifyManifest(d1, ['a.json', 'b.json'])()
    expect(E.isLeft(r) && r.left.message).toMatch(/does not match manifest\.json/)
  })
  const child = (code: string) => spawn(TSX, ['-e', code], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] })
  const ready = (p: ReturnType<typeof child>) => new Promise<void>((ok) => p.stdout.on('data', (b: Buffer) => b.toString().includes('ready') && ok()))
  const exited = (p: ReturnType<typeof child>) => new Promise<number | null>((ok) => p.on('exit', (code) => ok(code)))
  const hang = (dir: string) => `
    import { writeFolderAtomic } from './src/io/run-folder.ts'
    import { writeAtomic } from './src/io/atomic.ts'
    import { exitOnSignals } from './src/io/temp-files.ts'
    import { join } from 'node:path'
    exitOnSignals()
    void writeFolderAtomic(${JSON.stringify(dir)}, ['a.json', 'b.json'], (tmp) => async () => {
      await writeAtomic(join(tmp, 'a.json'), '{"a":"new"}')()
      console.log('ready')
      await new Promise((r) => setTimeout(r, 60000))
      return { _tag: 'Right', right: ['a.json'] }
    })()`
  it('SIGINT mid-write: the temporary folder is removed and the old set stays', async () => {
    const d = join(root, 'sigint')
    await writeRun(d, 'old')()
    const p = child(hang(d))
    await ready(p)
    expect(temps(root).length).toBe(1)
    p.kill('SIGINT')
    expect(await exited(p)).toBe(130)
    expect(temps(root)).toEqual([])
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('{"a":"old"}')
  })
  it('SIGKILL mid-write: the old set stays whole and verified; only a hidden .ddsp-tmp folder is left', async () => {
    const d = join(root, 'sigkill')
    await writeRun(d, 'old')()
    const p = child(hang(d))
    await ready(p)
    p.kill('SIGKILL')
    await exited(p)
    expect(readFileSync(join(d, 'a.json'), 'utf8')).toBe('{"a":"old"}')
    expect(E.isRight(await verifyManifest(d, ['a.json', 'b.json'])())).toBe(true)
    expect(temps(root).every((n) => n.startsWith('.sigkill.'))).toBe(true)
    expect(existsSync(join(d, 'manifest.json'))).toBe(true)
  })
})
