// Line budget (tinygrad's sz.py): prints the largest source files and fails
// if any file under src/ or properties/ exceeds 300 lines.  Run: npm run size
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

const BUDGET = 300
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : []
  })
const rows = ['src', 'properties']
  .flatMap(walk)
  .map((f) => [f, readFileSync(f, 'utf8').split('\n').length] as const)
  .sort((a, b) => b[1] - a[1])
for (const [f, n] of rows.slice(0, 10)) console.log(`${String(n).padStart(5)}  ${f}`)
console.log(`${rows.length} files, ${rows.reduce((s, [, n]) => s + n, 0)} lines`)
const over = rows.filter(([, n]) => n > BUDGET)
if (over.length > 0) {
  console.error(`over the ${BUDGET}-line budget: ${over.map(([f]) => f).join(', ')}`)
  process.exitCode = 1
}
