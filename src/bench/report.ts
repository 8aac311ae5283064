/**
 * The benchmark report as a plain-text table: one row per backend and case
 * (median and range in ms, real-time factor for the batch, ratio to PyTorch,
 * minor page faults per step),
 * then PyTorch's own rows, loss values, peak memory and the peer's allocator.
 *
 * @example
 * console.log(formatReport(await runBench(options)))
 */
import type { BenchReport } from './run.js'
import type { Timing } from './timing.js'
import type { AutoencoderReport } from './autoencoder-run.js'

const CASES = { forward: '(a) synth forward', train: '(b) synth + loss + backward' } as const

const ms = (t: Timing) => `${t.median_ms.toFixed(0).padStart(7)}  (${t.min_ms.toFixed(0)}–${t.max_ms.toFixed(0)})`.padEnd(24)
const faults = (t: Timing) => (t.minor_faults === undefined ? '–' : t.minor_faults.toFixed(0)).padStart(14)

/** The autoencoder case's rows. @example autoencoderLines({ available: false, reason: 'not whole frames' }) */
export const autoencoderLines = (a: AutoencoderReport): string[] => {
  if (!a.available) return [`autoencoder step: not run: ${a.reason}`]
  const secs = a.batch * a.seconds
  const lines = [`DDSP autoencoder training step: batch ${a.batch} × ${a.seconds} s, ${a.frames} frames, ${a.params} weights (GRU decoder → harmonic + filtered noise + reverb → MSS loss → every weight's gradient)`]
  const row = (name: string, c: Timing, ratio: string) =>
    `${name.padEnd(12)}${'(c) autoencoder step'.padEnd(30)}${ms(c)}${(secs / (c.median_ms / 1000)).toFixed(1).padStart(12)}${ratio.padStart(10)}${faults(c)}`
  for (const b of a.backends) lines.push(b.available ? row(b.backend, b.train, b.train.ratio_vs_torch?.toFixed(2) ?? '–') : `${b.backend.padEnd(12)}unavailable: ${b.reason}`)
  const t = a.torch
  lines.push(t.available ? row('pytorch', t.cases.train, '1.00') : `${'pytorch'.padEnd(12)}not run: ${t.reason}`)
  const agree = (loss: number) => (t.available ? ` (PyTorch's differs by ${(Math.abs(loss - t.loss) / t.loss).toExponential(1)} of it)` : '')
  for (const b of a.backends) if (b.available) lines.push(`${b.backend}: autoencoder loss ${b.loss.toFixed(5)}${agree(b.loss)}`)
  if (t.available) lines.push(`pytorch (${t.threads} threads, ${t.allocator}): autoencoder loss ${t.loss.toFixed(5)}; peak RSS ${t.peak_rss_mb.toFixed(0)} MB`)
  return lines
}

/** Formats a report. @example formatReport(report).split('\n')[0] // 'ddsp-ts benchmark: ...' */
export const formatReport = (r: BenchReport): string => {
  const w = r.workload
  const lines = [
    `ddsp-ts benchmark: ${w.sampleRate / 1000} kHz, ${w.seconds} s × batch ${w.batch} (${w.samples} samples each), ${w.frames} frames, harmonic ${w.harmonics} + noise ${w.bands} bands, MSS loss 2048…64`,
    '',
    `${'backend'.padEnd(12)}${'case'.padEnd(30)}${'median ms (min–max)'.padEnd(24)}${'× real time'.padStart(12)}${'× torch'.padStart(10)}${'faults/step'.padStart(14)}`,
  ]
  for (const b of r.backends) {
    if (!b.available) {
      lines.push(`${b.backend.padEnd(12)}unavailable: ${b.reason}`)
      continue
    }
    for (const k of ['forward', 'train'] as const) {
      const c = b.cases[k]
      lines.push(`${b.backend.padEnd(12)}${CASES[k].padEnd(30)}${ms(c)}${c.realtime.toFixed(1).padStart(12)}${(c.ratio_vs_torch?.toFixed(2) ?? '–').padStart(10)}${faults(c)}`)
    }
  }
  const t = r.torch
  if (t.available) {
    const secs = w.batch * w.seconds
    for (const k of ['forward', 'train'] as const)
      lines.push(`${'pytorch'.padEnd(12)}${CASES[k].padEnd(30)}${ms(t.cases[k])}${(secs / (t.cases[k].median_ms / 1000)).toFixed(1).padStart(12)}${'1.00'.padStart(10)}${faults(t.cases[k])}`)
  } else lines.push(`${'pytorch'.padEnd(12)}not run: ${t.reason}`)
  lines.push('')
  const norms = (g: Readonly<Record<string, number>>) => Object.entries(g).map(([k, v]) => `${k} ${v.toExponential(3)}`).join(', ')
  for (const b of r.backends)
    if (b.available) lines.push(`${b.backend}: loss ${b.loss.toFixed(5)}, ‖grad‖ ${norms(b.grad_norms)}; fused lowerings ${b.fused ? 'on' : 'off'}, peak RSS of the process so far ${b.peak_rss_mb.toFixed(0)} MB`)
  if (t.available) lines.push(`pytorch (${t.impl}, ${t.threads} threads, ${t.allocator}): loss ${t.loss.toFixed(5)}, ‖grad‖ ${norms(t.grad_norms)}; peak RSS ${t.peak_rss_mb.toFixed(0)} MB`)
  if (t.available && t.allocator_note !== undefined) lines.push(`note: ${t.allocator_note}`)
  if (r.autoencoder !== undefined) lines.push('', ...autoencoderLines(r.autoencoder))
  lines.push('faults/step: median minor page faults per timed call, the whole process (ddsp-ts and the peer alike)')
  return lines.join('\n')
}
