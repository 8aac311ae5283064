/**
 * A tiny static file server (node:http, no dependencies) for `web/dist/`:
 * GET only, paths resolved inside the root (no `..` escape), a MIME type by
 * extension. Run: `npm run web` (build, then serve on http://localhost:8080).
 *
 * @example
 * const s = await serveStatic('web/dist', 0)   // port 0 = a free port
 * console.log(s.url); await s.close()
 */
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
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

/** A running server. @example const s: StaticServer = await serveStatic('web/dist', 0); await s.close() */
export interface StaticServer {
  readonly url: string
  readonly close: () => Promise<void>
}

/**
 * Serves a directory.
 * @param root directory to serve  @param port TCP port (0 = any free one)  @param host interface (default 127.0.0.1)
 * @example await serveStatic('web/dist', 8080)
 */
export const serveStatic = (root: string, port: number, host = '127.0.0.1'): Promise<StaticServer> => {
  const base = resolve(root)
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path))
    if (req.method !== 'GET' || (file !== base && !file.startsWith(base + sep))) {
      res.writeHead(req.method !== 'GET' ? 405 : 403).end()
      return
    }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`),
    )
  })
  return new Promise((ok, fail) => {
    server.once('error', fail)
    server.listen(port, host, () => {
      const addr = server.address()
      const p = typeof addr === 'object' && addr !== null ? addr.port : port
      ok({ url: `http://${host}:${p}/`, close: () => new Promise((done) => server.close(() => done())) })
    })
  })
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const port = Number(process.argv[2] ?? 8080)
  serveStatic(join(dirname(fileURLToPath(import.meta.url)), 'dist'), port).then(
    (s) => console.log(`web: serving ${s.url} — open http://localhost:${port}/ (Ctrl-C to stop)`),
    (e: unknown) => {
      console.error(`web: cannot serve on port ${port}: ${e instanceof Error ? e.message : String(e)}`)
      process.exit(1)
    },
  )
}
