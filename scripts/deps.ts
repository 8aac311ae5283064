/**
 * The import graph, checked: runs dependency-cruiser with the rules of
 * `.dependency-cruiser.cjs` (layers, no cycles, no backend in the library),
 * prints the folder-level graph of the non-test files as a table, then the
 * violations, and fails when there is one. Run: npm run deps
 *
 * @example
 * npx tsx scripts/deps.ts
 * // layer  folder               imports
 * //     1  src/dsp              src/core, src/host
 * // rules: 19, 0 violations (a TEMPORARY entry, when one is needed, is named here)
 */
import { readFileSync } from 'node:fs'
import { cruise as depcruise } from 'dependency-cruiser'
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options'
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config'

const ROOTS = ['src', 'web', 'properties', 'testing', 'scripts', 'bench', 'examples']
const CONFIG = '.dependency-cruiser.cjs'

interface Violation {
  readonly from: string
  readonly to: string
  readonly rule: { readonly name: string }
  readonly cycle?: readonly { readonly name: string }[]
}
interface Cruise {
  readonly modules: readonly { readonly source: string; readonly dependencies: readonly { readonly resolved: string; readonly coreModule: boolean }[] }[]
  readonly summary: { readonly violations: readonly Violation[]; readonly error: number; readonly totalCruised: number; readonly totalDependenciesCruised: number; readonly ruleSetUsed: { readonly forbidden: readonly unknown[] } }
}

const TEST = /\.test(-d)?\.ts$/

/** The folder a file is drawn in: src/<top> (backends one level deeper), or its root folder. */
const folderOf = (path: string): string | undefined => {
  const parts = path.split('/')
  if (!ROOTS.includes(parts[0]!)) return undefined
  if (parts[0] !== 'src') return parts[0]
  if (parts.length === 2) return `src/${parts[1]!.replace(/\.ts$/, '')}`
  return parts[1] === 'backends' ? `src/backends/${parts[2]!.replace(/\.ts$/, '')}` : `src/${parts[1]}`
}

/** Layer index of a src folder (web/ is in the top layer), from the config's LAYERS as written there; undefined for tooling. */
const layerOf = (layers: readonly (readonly string[])[], folder: string): number | undefined => {
  if (folder === 'web') return layers.length - 1
  const top = folder.startsWith('src/') ? folder.split('/')[1]! : undefined
  const i = top === undefined ? -1 : layers.findIndex((l) => l.some((f) => new RegExp(`^${f}$`).test(top) || new RegExp(`^${f}$`).test(`${top}.ts`)))
  return i < 0 ? undefined : i
}

/** The LAYERS and TEMPORARY names written in the config (module.exports holds only what depcruise validates). */
const configNotes = (text: string): { layers: string[][]; temporary: string[] } => {
  const layers = [...(text.match(/const LAYERS = \[([\s\S]*?)\n\]/)?.[1] ?? '').matchAll(/\[([^\]]*)\]/g)].map((m) =>
    [...m[1]!.matchAll(/'([^']+)'/g)].map((x) => x[1]!.replace(/\\\\/g, '\\')),
  )
  const temporary = [...(text.match(/const TEMPORARY = \{([\s\S]*?)\n\}/)?.[1] ?? '').matchAll(/^ {2}(\w+):/gm)].map((m) => m[1]!)
  return { layers, temporary }
}

const options = await extractDepcruiseOptions(`./${CONFIG}`)
const result = await depcruise(ROOTS, { ...options, outputType: 'json' }, {}, { tsConfig: extractTSConfig('tsconfig.json') })
const cruise = JSON.parse(String(result.output)) as Cruise
const { layers, temporary } = configNotes(readFileSync(CONFIG, 'utf8'))

const edges = new Map<string, Set<string>>()
for (const m of cruise.modules) {
  const from = folderOf(m.source)
  if (from === undefined || TEST.test(m.source)) continue
  const set = edges.get(from) ?? new Set<string>()
  edges.set(from, set)
  for (const d of m.dependencies) {
    const to = folderOf(d.resolved)
    if (to !== undefined && to !== from && !d.coreModule) set.add(to)
  }
}
const rank = (f: string) => layerOf(layers, f) ?? 99
const rows = [...edges.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
const width = Math.max(...rows.map((r) => r.length)) + 2
console.log(`layer  ${'folder'.padEnd(width)}imports (non-test files)`)
for (const r of rows) {
  const l = layerOf(layers, r)
  const to = [...edges.get(r)!].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  console.log(`${(l === undefined ? 'tool' : String(l)).padStart(5)}  ${r.padEnd(width)}${to.join(', ') || '—'}`)
}

const v = cruise.summary.violations
for (const x of v) console.log(`  ${x.rule.name}: ${x.from} → ${x.cycle !== undefined ? x.cycle.map((c) => c.name).join(' → ') : x.to}`)
const note = temporary.length > 0 ? ` (${temporary.length} temporary exceptions: ${temporary.join(', ')})` : ''
console.log(
  `rules: ${cruise.summary.ruleSetUsed.forbidden.length}, ${cruise.summary.totalCruised} modules, ${cruise.summary.totalDependenciesCruised} imports: ${v.length} violations${note}`,
)
if (cruise.summary.error > 0) process.exitCode = 1
