/**
 * Bundles the page with esbuild into `web/dist/`: `main.js` (the page),
 * `worklet.js` (the AudioWorkletProcessor), `index.html`, and the bundled
 * synths `default-ddsp.json` and `default-808.json` (built from the library).
 * Fails if a bundle would pull tfjs or a Node built-in (the page and the
 * worklet run on plain typed arrays). Run: `npm run web:build`.
 *
 * @example
 * const r = await buildWeb()   // { dir, bytes: { 'main.js': …, 'worklet.js': … } }
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { defaultDdsp, defaultKit } from './default-synth.js'

const here = dirname(fileURLToPath(import.meta.url))

/** What a build produced. @example (await buildWeb()).bytes['worklet.js'] // ≈ 67 000 */
export interface WebBuild {
  /** The output directory. */
  readonly dir: string
  /** Bytes of each bundle. */
  readonly bytes: Readonly<Record<string, number>>
}

/** Modules the browser bundles must not contain. */
const FORBIDDEN = [/@tensorflow/, /^node:/, /(^|\/)node_modules\/(fs|path|os|child_process)\//]

/**
 * Builds the page.
 * @param outDir output directory (default `web/dist`)  @param sampleRate rate of the bundled synths, Hz
 * @example await buildWeb()
 */
export const buildWeb = async (outDir = join(here, 'dist'), sampleRate = 48000): Promise<WebBuild> => {
  await mkdir(outDir, { recursive: true })
  const result = await build({
    entryPoints: { main: join(here, 'main.ts'), worklet: join(here, 'worklet.ts') },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    outdir: outDir,
    metafile: true,
    logLevel: 'error',
  })
  const inputs = Object.keys(result.metafile.inputs)
  const bad = inputs.filter((i) => FORBIDDEN.some((r) => r.test(i)))
  if (bad.length > 0) throw new Error(`the web bundle must not include tfjs or Node built-ins: ${bad.join(', ')}`)
  await copyFile(join(here, 'index.html'), join(outDir, 'index.html'))
  await writeFile(join(outDir, 'default-ddsp.json'), JSON.stringify(defaultDdsp(sampleRate)))
  await writeFile(join(outDir, 'default-808.json'), JSON.stringify(defaultKit(sampleRate)))
  const bytes = Object.fromEntries(Object.entries(result.metafile.outputs).map(([k, v]) => [k.split('/').pop()!, v.bytes]))
  return { dir: outDir, bytes }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildWeb().then(
    (r) => console.log(`web: built ${r.dir} (${Object.entries(r.bytes).map(([k, v]) => `${k} ${(v / 1024).toFixed(1)} kB`).join(', ')})`),
    (e: unknown) => {
      console.error(`web: build failed: ${e instanceof Error ? e.message : String(e)}`)
      process.exit(1)
    },
  )
}
