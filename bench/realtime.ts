/**
 * Real-time benchmark of the fast inference path (`src/realtime`): for each
 * voice, the real-time factor at 48 kHz on one core (seconds of audio per
 * second of wall time, blocks of 128), and an allocation check (heap growth
 * and garbage collections during the timed loops; zero allocation per block
 * means no GC and a flat heap). Latency per voice is stated in the table.
 * Every voice is warmed up first, then timed in `BENCH_ROUNDS` rounds of
 * `BENCH_BLOCKS` blocks, the rounds interleaved across voices (so a slow spell
 * of the machine spreads over all rows). A round's time is the smaller of its
 * wall time and this process's CPU time: both bound the rendering thread's CPU
 * time from above (the wall time counts other processes, the CPU time V8's
 * background compiler and GC threads), so the RTF is a lower bound either way.
 * The table gives the median round (the target is judged on it) and the range.
 *
 * @example
 * npm run bench:realtime            # full table
 * BENCH_BLOCKS=2000 BENCH_ROUNDS=3 npm run bench:realtime
 */
import { extent, median } from '../src/host/stats.js'
import { kit808, type Voice808 } from '../src/synths/drums/kit808.js'
import { compiledRows } from './realtime-compiled.js'
import { BLOCK, ddspRow, drumRow, gc, gcCount, kitRow, parts, type Row, SR, warmUp } from './realtime-rows.js'

const BLOCKS = Number(process.env['BENCH_BLOCKS'] ?? 10000)
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 5)

/** One round of a row: times `BLOCKS` blocks; the real-time factor (by the smaller of wall and CPU time), heap growth and GCs. */
const round = async (r: Row, out: Float32Array) => {
  gc()
  await new Promise((ok) => setTimeout(ok, 10)) // let the observer report the forced GC
  const gc0 = gcCount()
  const heap0 = process.memoryUsage().heapUsed
  const t0 = process.hrtime.bigint()
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < BLOCKS; i++) r.step(out)
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  const cpu = process.cpuUsage(cpu0)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  const heap = process.memoryUsage().heapUsed - heap0
  await new Promise((ok) => setTimeout(ok, 10))
  const audio = (BLOCKS * BLOCK) / SR
  return { rtf: audio / Math.min(seconds, cpuSeconds), heap, gcs: gcCount() - gc0 }
}

const main = async () => {
  const rows = [ddspRow(), ...parts(), ...(Object.keys(kit808) as Voice808[]).map(drumRow), kitRow(), ...(process.env['BENCH_COMPILED'] === '0' ? [] : compiledRows())]
  const out = new Float32Array(BLOCK)
  for (const r of rows) warmUp(r, out)
  const rounds = rows.map(() => [] as Awaited<ReturnType<typeof round>>[])
  for (let k = 0; k < ROUNDS; k++) for (let i = 0; i < rows.length; i++) rounds[i]!.push(await round(rows[i]!, out))
  console.log(`real-time factor at ${SR} Hz, block ${BLOCK}, ${ROUNDS} rounds of ${BLOCKS} blocks (${((BLOCKS * BLOCK) / SR).toFixed(1)} s of audio each) per voice, one core; load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`)
  console.log('RTF = seconds of audio per second of min(wall time, process CPU time): median round, and the range over rounds')
  console.log(['voice'.padEnd(50), 'block', '     RTF', '    range', ' target', 'heap Δ (B/block)', 'GCs', 'latency (samples)'].join(' | '))
  rows.forEach((r, i) => {
    const m = rounds[i]!
    const rtf = m.map((x) => x.rtf)
    const mid = median(rtf)
    const mark = r.target === 0 ? '' : mid >= r.target ? ' ✓' : ' ✗'
    const heap = m.reduce((a, x) => a + x.heap, 0) / (ROUNDS * BLOCKS)
    const [lo, hi] = extent(rtf)
    const range = `${lo.toFixed(0)}–${hi.toFixed(0)}`
    const collected = m.reduce((a, x) => a + x.gcs, 0)
    console.log(
      [r.voice.padEnd(50), String(BLOCK).padStart(5), mid.toFixed(0).padStart(8), range.padStart(9), (r.target === 0 ? '' : `≥${r.target.toFixed(0)}${mark}`).padStart(7), heap.toFixed(1).padStart(16), String(collected).padStart(3), r.latency].join(' | '),
    )
  })
}

void main()
