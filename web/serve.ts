/**
 * A tiny static file server (node:http, no dependencies) for `web/dist/`:
 * loopback interfaces only, GET and HEAD only, paths resolved inside the root
 * (no `..` escape), a MIME type by extension. Nothing a client sends can
 * throw out of a request handler: a malformed percent-encoding (`/%`), a NUL
 * byte, an over-long URL is a 400; oversized headers are answered 431 by
 * Node's parser (16 KiB) and the socket closed; any other failure is a 500
 * for that request only. Run: `npm run web` (build, then serve on
 * http://localhost:8080).
 *
 * @example
 * const s = await serveStatic('web/dist', 0)   // port 0 = a free port
 * console.log(s.url); await s.close()
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFile } from 'node:fs/promises'
import { isIP } from 'node:net'
import type { Socket } from 'node:net'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
  '.map': 'application/json',
}

/** Longest request target served (characters). @example MAX_URL_LENGTH // 2048 */
export const MAX_URL_LENGTH = 2048
/** Largest request head Node's parser accepts before answering 431 (bytes). @example MAX_HEADER_BYTES // 16384 */
export const MAX_HEADER_BYTES = 16 * 1024

/** A running server. @example const s: StaticServer = await serveStatic('web/dist', 0); await s.close() */
export interface StaticServer {
  readonly url: string
  readonly close: () => Promise<void>
}

/** What a request maps to: a file to send, or a status with a one-line reason. @example const r: Route = { _tag: 'File', file: '/srv/index.html', head: false } */
export type Route = { readonly _tag: 'File'; readonly file: string; readonly head: boolean } | { readonly _tag: 'Refuse'; readonly status: number; readonly reason: string }

/**
 * Whether `host` is a loopback address or name (127.0.0.0/8, ::1, localhost).
 * @example isLoopback('127.0.0.1') // true; isLoopback('0.0.0.0') // false
 */
export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '::ffff:127.0.0.1' || (isIP(host) === 4 && host.startsWith('127.'))

/**
 * Maps a request to a file under `base`, never throwing.
 * @param base absolute root  @param method HTTP method  @param url request target as sent
 * @example route('/srv', 'GET', '/%')  // { _tag: 'Refuse', status: 400, reason: 'malformed percent-encoding in the path' }
 */
export const route = (base: string, method: string | undefined, url: string | undefined): Route => {
  if (method !== 'GET' && method !== 'HEAD') return { _tag: 'Refuse', status: 405, reason: 'only GET and HEAD' }
  const target = url ?? '/'
  if (target.length > MAX_URL_LENGTH) return { _tag: 'Refuse', status: 414, reason: `request target longer than ${MAX_URL_LENGTH} characters` }
  let path: string
  try {
    path = decodeURIComponent(new URL(target, 'http://x').pathname)
  } catch {
    return { _tag: 'Refuse', status: 400, reason: 'malformed percent-encoding in the path' }
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(path)) return { _tag: 'Refuse', status: 400, reason: 'control character in the path' }
  const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path))
  if (file !== base && !file.startsWith(base + sep)) return { _tag: 'Refuse', status: 403, reason: 'outside the served folder' }
  return { _tag: 'File', file, head: method === 'HEAD' }
}

const send = (res: ServerResponse, status: number, body: string | Buffer, type: string, head = false): void => {
  if (res.headersSent || res.destroyed) return
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' })
  res.end(head ? undefined : body)
}

/** The request handler: every path through it ends in a response, no throw escapes. */
const handle = (base: string) => (req: IncomingMessage, res: ServerResponse): void => {
  res.on('error', () => res.destroy())
  try {
    if (!isLoopback(req.socket.remoteAddress ?? '')) return send(res, 403, 'loopback clients only\n', 'text/plain')
    const r = route(base, req.method, req.url)
    if (r._tag === 'Refuse') {
      if (r.status === 405) res.setHeader('allow', 'GET, HEAD')
      return send(res, r.status, `${r.reason}\n`, 'text/plain; charset=utf-8')
    }
    readFile(r.file).then(
      (body) => send(res, 200, body, TYPES[extname(r.file)] ?? 'application/octet-stream', r.head),
      () => send(res, 404, 'not found\n', 'text/plain', r.head),
    ).catch(() => res.destroy())
  } catch {
    send(res, 500, 'internal error\n', 'text/plain')
  }
}

/** A request the parser rejects (oversized or malformed head): answer it, close the socket, keep serving. */
const onClientError = (err: NodeJS.ErrnoException, socket: Socket): void => {
  if (socket.writable && !socket.destroyed) {
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request'
    socket.end(`HTTP/1.1 ${status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`)
  } else socket.destroy()
}

/**
 * Serves a directory on a loopback interface.
 * @param root directory to serve  @param port TCP port (0 = any free one)  @param host loopback interface (default 127.0.0.1; others are refused)
 * @example await serveStatic('web/dist', 8080)
 */
export const serveStatic = (root: string, port: number, host = '127.0.0.1'): Promise<StaticServer> => {
  if (!isLoopback(host)) return Promise.reject(new Error(`the dev server listens on loopback only, not '${host}'`))
  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES, requestTimeout: 30_000, headersTimeout: 10_000 }, handle(resolve(root)))
  server.on('clientError', onClientError)
  return new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => {
      const addr = server.address()
      const p = typeof addr === 'object' && addr !== null ? addr.port : port
      ok({ url: `http://${host.includes(':') ? `[${host}]` : host}:${p}/`, close: () => new Promise((done) => server.close(() => done())) })
    })
  })
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? 8080)
  const fail = (message: string) => {
    console.error(`web: cannot serve on port ${process.argv[2] ?? 8080}: ${message}`)
    process.exit(2)
  }
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) fail('the port must be an integer in [0, 65535]')
  else
    serveStatic(join(dirname(fileURLToPath(import.meta.url)), 'dist'), port).then(
      (s) => console.log(`web: serving ${s.url} — open http://localhost:${port}/ (Ctrl-C to stop)`),
      (e: unknown) => fail(e instanceof Error ? e.message : String(e)),
    )
}
