/**
 * Import rules of ddsp-ts, checked by `npm run deps` (dependency-cruiser) in `npm test`.
 *
 * Layers, bottom to top. A file may import its own folder and any folder of a LOWER layer, never one above
 * (non-test files; tests may reach across layers, e.g. to run a composite on the reference backend):
 *
 *   0  core     the signal graph, autodiff, interpreter (fp-ts and itself only)
 *      host     typed-array numerics: FFT, window/upsample/FIR/frame tables, stats, sinPi, tanh (itself only)
 *      io       WAV files, atomic writes, limits
 *   1  dsp      Signal → Signal composites (core + host)
 *      plot     PNG plots (host + io)
 *      serial   Programs as JSON and text: encode/decode, pretty (core)
 *      backends kernels for every primitive and the lowerings they register (core + host only)
 *   2  nn, synths, features
 *   3  losses   (a loss may be built on a feature)
 *   4  train
 *   5  models
 *   6  stream   the block-by-block evaluator, generic over a host backend's kernels
 *   7  realtime the real-time voices (and the stream re-exported with the reference backend)
 *   8  bench    src/bench: the library benchmark `ddsp bench` runs (bench/ at the root holds scripts)
 *   9  cli, web, index
 *
 * Library folders (layers 0–5) and stream import no backend: a backend is passed in (`AnyBackend`, core/backend.ts).
 * The root folders properties/, testing/, bench/, scripts/, examples/ are tooling: they may import anything,
 * nothing in src/ imports them (src tests may import testing/). Import cycles are refused everywhere, tests included.
 */
const LAYERS = [
  ['core', 'host', 'io'],
  ['dsp', 'plot', 'serial', 'backends'],
  ['nn', 'synths', 'features'],
  ['losses'],
  ['train'],
  ['models'],
  ['stream'],
  ['realtime'],
  ['bench'],
  ['cli', 'index\\.ts'],
]

const TEST = '\\.test(-d)?\\.ts$'
const src = (folders) => `^src/(${folders.join('|')})(/|$)`

/** One rule per layer: its folders import nothing from a layer above. */
const upward = LAYERS.slice(0, -1).map((folders, i) => ({
  name: `no-upward-from-${folders.join('-')}`,
  comment: `layer ${i} (${folders.join(', ')}) imports only its own folder and layers below`,
  severity: 'error',
  from: { path: src(folders), pathNot: TEST },
  to: { path: [src(LAYERS.slice(i + 1).flat()), '^web/'] },
}))

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import cycle, tests included (type-only imports count)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-fp-ts-only',
      comment: 'core imports fp-ts and itself, nothing else (no Node built-ins either)',
      severity: 'error',
      from: { path: '^src/core/', pathNot: TEST },
      to: { pathNot: ['^src/core/', '(^|/)node_modules/fp-ts/'] },
    },
    {
      name: 'host-imports-host-only',
      comment: 'host numerics import nothing but host',
      severity: 'error',
      from: { path: '^src/host/', pathNot: TEST },
      to: { pathNot: '^src/host/' },
    },
    {
      name: 'library-imports-no-backend',
      comment: 'library folders get a backend passed in; they import no backend, CLI, streaming, real-time or web code',
      severity: 'error',
      from: { path: src(['core', 'host', 'io', 'dsp', 'plot', 'serial', 'nn', 'synths', 'features', 'losses', 'train', 'models']), pathNot: TEST },
      to: { path: [src(['backends', 'cli', 'stream', 'realtime', 'bench']), '^web/'] },
    },
    {
      name: 'stream-imports-no-backend',
      comment: "the stream evaluator runs on the kernels of the backend its spec names; it imports no backend (nor what is above it)",
      severity: 'error',
      from: { path: '^src/stream/', pathNot: TEST },
      to: { path: [src(['backends', 'cli', 'realtime', 'bench']), '^web/'] },
    },
    {
      name: 'realtime-voices-import-no-backend',
      comment: 'the real-time voices run on host arrays and wasm; only realtime/stream.ts (the stream evaluator with the reference backend as its default) names a backend',
      severity: 'error',
      from: { path: '^src/realtime/', pathNot: [TEST, '^src/realtime/stream\\.ts$'] },
      to: { path: '^src/backends/' },
    },
    {
      name: 'backends-import-core-and-host',
      comment: 'a backend imports core, host, its packages and backends/ (its own lowerings, the loader)',
      severity: 'error',
      from: { path: '^src/backends/', pathNot: TEST },
      to: { path: '^(src|web|bench|properties|testing|scripts|examples)/', pathNot: src(['backends', 'core', 'host']) },
    },
    {
      name: 'backends-register-in-load',
      comment: 'backends/load.ts registers the backends and their lowerings: nothing in backends/ imports it back',
      severity: 'error',
      from: { path: '^src/backends/[^/]+/', pathNot: TEST },
      to: { path: '^src/backends/load\\.ts$' },
    },
    {
      name: 'unit-tests-import-no-property-suite',
      comment: 'unit tests share helpers through testing/ (tolerances, op cases), not through the property suites',
      severity: 'error',
      from: { path: ['^src/', '^web/'] },
      to: { path: '^properties/' },
    },
    {
      name: 'src-imports-no-tooling',
      comment: 'the library imports no tooling folder (src tests may import testing/)',
      severity: 'error',
      from: { path: '^src/', pathNot: TEST },
      to: { path: '^(properties|testing|bench|scripts|examples|web)/' },
    },
    ...upward,
  ],
  options: {
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^web/dist/' },
    moduleSystems: ['es6', 'cjs'],
  },
}
