/**
 * Allocation check of the real-time voices, each alone in its own loop: after
 * a warm-up, render BLOCKS blocks of 128 at 48 kHz (the rows of
 * `bench:realtime`, `realtime-rows.ts`: 808 voices hit every 0.5 s, the DDSP
 * voice fed a frame per hop, the reverb a varying input) and count the garbage
 * collections the loop causes, and the heap's growth over the loop. Zero GCs over ~10³ s of audio (400 000 blocks)
 * means no per-block allocation (the heap-growth column of `bench:realtime` is
 * too short a window to tell). A forced full GC precedes each loop.
 *
 * @example
 * npm run bench:alloc                   # 400 000 blocks per voice
 * BLOCKS=50000 npm run bench:alloc
 */
import { kit808, type Voice808 } from '../src/synths/drums/kit808.js'
import { compiledRows } from './realtime-compiled.js'
import { BLOCK, ddspRow, drumRow, gc, gcCount, parts, SR, warmUp } from './realtime-rows.js'

const BLOCKS = Number(process.env['BLOCKS'] ?? 400000)
const settle = () => new Promise((ok) => setTimeout(ok, 50))

const main = async () => {
  console.log(`GCs caused by ${BLOCKS} blocks of ${BLOCK} at ${SR} Hz (${((BLOCKS * BLOCK) / SR).toFixed(0)} s of audio), per voice alone`)
  const rows = [ddspRow(), ...parts(), ...(Object.keys(kit808) as Voice808[]).map(drumRow), ...(process.env['BENCH_COMPILED'] === '0' ? [] : compiledRows())]
  const out = new Float32Array(BLOCK)
  for (const row of rows) {
    warmUp(row, out, 20000)
    gc() // a full collection first, so no earlier garbage is collected during the loop
    await settle()
    const g0 = gcCount()
    const h0 = process.memoryUsage().heapUsed
    for (let i = 0; i < BLOCKS; i++) row.step(out)
    const grown = process.memoryUsage().heapUsed - h0 // read before any timer: a GC during the loop would lower it
    await settle()
    console.log(`${row.voice.padEnd(50)} ${String(gcCount() - g0).padStart(2)} GCs | heap ${(grown / 1024).toFixed(0).padStart(5)} KB over the loop`)
  }
}

void main()
