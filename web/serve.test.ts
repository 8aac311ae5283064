/**
 * The dev server under hostile requests: malformed percent-encodings, NUL
 * bytes, path escapes, oversized headers and other methods each get a status,
 * and the server keeps serving afterwards.
 *
 * @example
 * npx vitest run web/serve.test.ts
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isLoopback, route, serveStatic, type StaticServer } from './serve.js'

/** Sends raw bytes, returns the status line (or '' when the socket closes without one). */
const raw = (port: number, text: string): Promise<string> =>
  new Promise((done, fail) => {
    const s = connect(port, '127.0.0.1')
    let got = ''
    s.on('data', (b) => (got += b.toString('latin1')))
    s.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? done(got.split('\r\n')[0] ?? '') : fail(e)))
    s.on('close', () => done(got.split('\r\n')[0] ?? ''))
    s.write(text)
  })

const get = (path: string, method = 'GET', extra = '') => `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`

describe('route (pure)', () => {
  it('refuses what it cannot map, never throwing', () => {
    expect(route('/srv', 'GET', '/%')).toMatchObject({ _tag: 'Refuse', status: 400 })
    expect(route('/srv', 'GET', '/%E0%A4%A')).toMatchObject({ _tag: 'Refuse', status: 400 })
    expect(route('/srv', 'GET', '/a%00b')).toMatchObject({ _tag: 'Refuse', status: 400 })
    expect(route('/srv', 'GET', `/${'a'.repeat(5000)}`)).toMatchObject({ _tag: 'Refuse', status: 414 })
    expect(route('/srv', 'POST', '/')).toMatchObject({ _tag: 'Refuse', status: 405 })
    expect(route('/srv', 'GET', '/%2e%2e/%2e%2e/etc/passwd')).toMatchObject({ _tag: 'File', file: '/etc/passwd'.replace('/etc', '/srv/etc') })
    expect(route('/srv', 'GET', '/..%2f..%2fetc/passwd')).toMatchObject({ _tag: 'Refuse', status: 403 })
    expect(route('/srv', 'HEAD', '/')).toEqual({ _tag: 'File', file: '/srv/index.html', head: true })
  })
  it('knows loopback hosts', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', 'localhost', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true)
    expect(['0.0.0.0', '::', '192.168.1.2', '10.0.0.1', ''].some(isLoopback)).toBe(false)
  })
})

describe('serveStatic under hostile requests', () => {
  let dir = ''
  let server: StaticServer
  let port = 0

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ddsp-serve-'))
    await writeFile(join(dir, 'index.html'), '<p>hi</p>')
    server = await serveStatic(dir, 0)
    port = Number(new URL(server.url).port)
  })
  afterAll(async () => {
    await server.close()
    await rm(dir, { recursive: true, force: true })
  })

  const cases: readonly (readonly [string, string, RegExp])[] = [
    ['a lone %', get('/%'), / 400 /],
    ['a truncated escape', get('/%E0%A4%A'), / 400 /],
    ['an encoded NUL', get('/a%00b'), / 400 /],
    ['a raw NUL in the target', get('/a\u0000b'), / 400 /],
    ['an encoded escape from the root', get('/..%2f..%2fetc%2fpasswd'), / 403 /],
    ['a 100 kB header', get('/', 'GET', `X-Big: ${'a'.repeat(100_000)}\r\n`), / 431 /],
    ['a 5000-character URL', get(`/${'a'.repeat(5000)}`), / 414 /],
    ['POST', get('/', 'POST', 'Content-Length: 0\r\n'), / 405 /],
    ['PUT', get('/', 'PUT', 'Content-Length: 0\r\n'), / 405 /],
    ['garbage', 'NOT HTTP AT ALL\r\n\r\n', / 400 /],
    ['a missing file', get('/nope.js'), / 404 /],
  ]
  for (const [name, text, status] of cases)
    it(`${name}: answered, and the server still serves`, async () => {
      expect(await raw(port, text)).toMatch(status)
      expect(await raw(port, get('/'))).toMatch(/ 200 /)
    })

  it('HEAD sends the headers without the body', async () => {
    const res = await fetch(server.url, { method: 'HEAD' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-length')).toBe('9')
    expect(await res.text()).toBe('')
  })

  it('listens on loopback only', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:/)
    await expect(serveStatic(dir, 0, '0.0.0.0')).rejects.toThrow(/loopback only/)
  })
})
