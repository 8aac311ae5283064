/**
 * How this machine's speed drifts while the DDSP voice renders: `SECONDS`
 * consecutive seconds of audio, each timed alone (its real-time factor), next
 * to a clock probe run just before it — a chain of dependent float64 adds,
 * whose speed depends only on the core's clock (one add must finish before
 * the next starts: 3 cycles each on the Zen 4 cores seen here), not on how
 * many instructions per cycle the core can spare. When the RTF drops while
 * the probe holds, the core's clock did not change: its issue slots, caches
 * or memory were shared with other work (on a VM, another guest on the sibling
 * hyperthread is the likely cause; a guest cannot see it).
 *
 * @example
 * npm run bench:spells              # 40 one-second rounds
 * SECONDS=100 npm run bench:spells
 */
import { extent, median } from '../src/host/stats.js'
import { BLOCK, ddspRow, SR, warmUp } from './realtime-rows.js'

const SECONDS = Number(process.env['SECONDS'] ?? 40)
const ADDS = 8e6

/** x + 8n·y, as 8n dependent adds (eight per loop step, so the loop's own work runs beside them). */
const chain = (n: number, y: number): number => {
  let x = 0
  for (let i = 0; i < n; i++) {
    x += y; x += y; x += y; x += y; x += y; x += y; x += y; x += y
  }
  return x
}

/** Nanoseconds per dependent add. */
const probe = (): number => {
  const t0 = process.hrtime.bigint()
  const x = chain(ADDS / 8, 1e-9)
  const ns = Number(process.hrtime.bigint() - t0) / ADDS
  return x < 0 ? Infinity : ns // x is used, so the chain cannot be dropped
}

const main = (): void => {
  const row = ddspRow()
  const out = new Float32Array(BLOCK)
  const perSecond = Math.round(SR / BLOCK)
  warmUp(row, out)
  for (let i = 0; i < 5; i++) probe() // optimised before it is read
  const rtfs: number[] = []
  const probes: number[] = []
  for (let s = 0; s < SECONDS; s++) {
    probes.push(probe())
    const t0 = process.hrtime.bigint()
    for (let b = 0; b < perSecond; b++) row.step(out)
    rtfs.push(((perSecond * BLOCK) / SR) / (Number(process.hrtime.bigint() - t0) / 1e9))
  }
  console.log(`${row.voice}, one second of audio per round, ${SECONDS} rounds; probe = ns per dependent float64 add just before the round`)
  console.log('round | RTF | probe (ns)')
  rtfs.forEach((r, s) => console.log(`${String(s).padStart(5)} | ${r.toFixed(0).padStart(3)} | ${probes[s]!.toFixed(3)}`))
  const slow = rtfs.filter((r) => r < row.target).length
  const [lo, hi] = extent(probes)
  console.log(`RTF median ${median(rtfs).toFixed(0)}, ${slow} of ${SECONDS} rounds under the target ${row.target}; probe median ${median(probes).toFixed(3)} ns, range ${lo.toFixed(3)}–${hi.toFixed(3)}`)
}

main()
