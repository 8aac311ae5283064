/**
 * Line budgets (tinygrad's sz.py), run by `npm test`: prints the largest
 * source files (`.ts` and the real-time kernels' `.wat`) under src/,
 * properties/ and testing/, and fails if any file exceeds 300 lines or the
 * library code of `src/core` (tests excepted) exceeds 3 000.
 *
 * @example
 * npm run size
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const FILE_BUDGET = 300
const CORE_BUDGET = 3000
const SOURCE = /\.(ts|wat)$/
const TEST = /\.test(-d)?\.ts$/

/** Lines as `wc -l` counts them (a final newline ends the last line, it does not start one). */
const lineCount = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0)

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? walk(p) : SOURCE.test(p) ? [p] : []
  })
const rows = ['src', 'properties', 'testing']
  .flatMap(walk)
  .map((f) => [f, lineCount(readFileSync(f, 'utf8'))] as const)
  .sort((a, b) => b[1] - a[1])
for (const [f, n] of rows.slice(0, 10)) console.log(`${String(n).padStart(5)}  ${f}`)
console.log(`${rows.length} files, ${rows.reduce((s, [, n]) => s + n, 0)} lines`)
const core = rows.filter(([f]) => f.startsWith(join('src', 'core')) && !TEST.test(f)).reduce((s, [, n]) => s + n, 0)
console.log(`src/core: ${core} lines (tests excepted; budget ${CORE_BUDGET})`)
const over = rows.filter(([, n]) => n > FILE_BUDGET)
if (over.length > 0) {
  console.error(`over the ${FILE_BUDGET}-line budget: ${over.map(([f]) => f).join(', ')}`)
  process.exitCode = 1
}
if (core > CORE_BUDGET) {
  console.error(`src/core is ${core} lines, over its ${CORE_BUDGET}-line budget: move what is not the core out of it`)
  process.exitCode = 1
}
