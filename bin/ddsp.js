#!/usr/bin/env node
// The installed `ddsp` command: runs the compiled CLI (npm run build makes dist/).
import('../dist/cli/main.js').catch((e) => {
  process.stderr.write(`ddsp: cannot start (${e instanceof Error ? e.message : e}); run 'npm run build' first\n`)
  process.exitCode = 1
})
