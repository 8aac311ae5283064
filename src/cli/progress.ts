/**
 * Progress of a long CLI run (training, matching) on stderr: a `cli-progress`
 * bar with step/total, the current loss and the ETA when stderr is a TTY;
 * otherwise (tests, CI logs, pipes) one plain line per ~10 % of the steps, so
 * logs stay short and free of control characters.
 *
 * @example
 * const bar = progressBar('match', 200)
 * for (let i = 1; i <= 200; i++) bar.update(i, loss)
 * bar.stop()
 */
import cliProgress from 'cli-progress'

/** A running progress display. @example const p: Progress = progressBar('fit', 100); p.update(1, 0.5); p.stop() */
export interface Progress {
  /** Reports `step` (1-based, ≤ total) done with the latest `loss`. */
  readonly update: (step: number, loss: number) => void
  /** Ends the display (idempotent); the bar is left at its last state. */
  readonly stop: () => void
}

/** Where and how to draw. @example const o: ProgressOptions = { stream: process.stderr, tty: false } */
export interface ProgressOptions {
  /** output stream (default `process.stderr`) */
  readonly stream?: NodeJS.WritableStream & { readonly isTTY?: boolean }
  /** force the TTY bar on or off (default: `stream.isTTY`) */
  readonly tty?: boolean
}

/**
 * A loss to 4 significant digits, or 'nan'/'infinity'.
 * @param loss the value
 * @example fmtLoss(0.012345) // '0.01235'
 */
export const fmtLoss = (loss: number): string => (Number.isFinite(loss) ? loss.toPrecision(4) : String(loss).toLowerCase())

/**
 * Seconds as `1m05s` / `12s` ('?' when unknown).
 * @param s duration, seconds
 * @example fmtSeconds(65) // '1m05s'
 */
export const fmtSeconds = (s: number): string => {
  if (!Number.isFinite(s) || s < 0) return '?'
  const r = Math.round(s)
  return r >= 60 ? `${Math.floor(r / 60)}m${String(r % 60).padStart(2, '0')}s` : `${r}s`
}

/** The plain-line reporter: a line whenever a further tenth of the steps is done (and at the end). */
const linePrinter = (label: string, total: number, stream: NodeJS.WritableStream): Progress => {
  const t0 = performance.now()
  let nextTenth = 1
  let stopped = false
  let last: { step: number; loss: number } | undefined
  let printed = 0
  const line = (step: number, loss: number) => {
    const elapsed = (performance.now() - t0) / 1000
    const eta = step > 0 ? (elapsed * (total - step)) / step : NaN
    printed = step
    stream.write(`${label}: ${step}/${total} (${Math.round((100 * step) / total)}%) loss ${fmtLoss(loss)} eta ${fmtSeconds(eta)}\n`)
  }
  return {
    update: (step, loss) => {
      if (stopped) return
      last = { step, loss }
      if (step * 10 < nextTenth * total) return
      while (step * 10 >= nextTenth * total) nextTenth++
      line(step, loss)
    },
    stop: () => {
      if (!stopped && last !== undefined && last.step !== printed) line(last.step, last.loss)
      stopped = true
    },
  }
}

/** The TTY bar: `label [████░░] step/total | loss x | eta 12s`. */
const ttyBar = (label: string, total: number, stream: NodeJS.WritableStream): Progress => {
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} | loss {loss} | eta {eta_formatted}`, stream, hideCursor: true, etaBuffer: 20, fps: 10, noTTYOutput: true, notTTYSchedule: 1000 },
    cliProgress.Presets.shades_classic,
  )
  bar.start(total, 0, { loss: '-' })
  let stopped = false
  return {
    update: (step, loss) => (stopped ? undefined : bar.update(Math.min(step, total), { loss: fmtLoss(loss) })),
    stop: () => {
      if (!stopped) bar.stop()
      stopped = true
    },
  }
}

/**
 * A progress display for `total` steps on stderr.
 * @param label what is running, e.g. 'match snare808'
 * @param total number of steps (a positive integer; 0 gives a silent no-op)
 * @param o stream and TTY override (tests pass their own stream)
 * @returns `update(step, loss)` and `stop()`
 * @example
 * const bar = progressBar('train', 1000)
 * bar.update(10, 0.42) // TTY: bar with ETA; else a line at 10 %, 20 %, …
 * bar.stop()
 */
export const progressBar = (label: string, total: number, o: ProgressOptions = {}): Progress => {
  const stream = o.stream ?? process.stderr
  if (!(total > 0)) return { update: () => undefined, stop: () => undefined }
  return (o.tty ?? stream.isTTY === true) ? ttyBar(label, total, stream) : linePrinter(label, total, stream)
}
