import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { fmtLoss, fmtSeconds, progressBar } from './progress.js'

/** A stream that records what is written to it. */
const sink = (isTTY = false) => {
  const chunks: string[] = []
  const stream = Object.assign(
    new Writable({
      write: (c: Buffer | string, _e, cb) => {
        chunks.push(String(c))
        cb()
      },
    }),
    { isTTY },
  )
  return { stream, text: () => chunks.join('') }
}

describe('progressBar', () => {
  it('without a TTY prints one plain line per tenth of the steps, with step/total, loss and eta', () => {
    const s = sink()
    const p = progressBar('match', 50, { stream: s.stream })
    for (let i = 1; i <= 50; i++) p.update(i, 1 / i)
    p.stop()
    const lines = s.text().trim().split('\n')
    expect(lines).toHaveLength(10)
    expect(lines[0]).toMatch(/^match: 5\/50 \(10%\) loss 0\.2000 eta \d+s$/)
    expect(lines[9]).toMatch(/^match: 50\/50 \(100%\) loss 0\.02000 eta 0s$/)
    expect(s.text()).not.toMatch(/\x1b/)
  })
  it('stop() reports the last step when the run ended early, once', () => {
    const s = sink()
    const p = progressBar('fit', 100, { stream: s.stream })
    for (let i = 1; i <= 33; i++) p.update(i, 0.5)
    p.stop()
    p.stop()
    p.update(40, 0.1)
    expect(s.text().trim().split('\n').map((l) => l.split(' ')[1])).toEqual(['10/100', '20/100', '30/100', '33/100'])
  })
  it('few steps: a line per step, never more than total', () => {
    const s = sink()
    const p = progressBar('x', 3, { stream: s.stream })
    for (let i = 1; i <= 3; i++) p.update(i, 1)
    p.stop()
    expect(s.text().trim().split('\n')).toHaveLength(3)
  })
  it('on a TTY draws a cli-progress bar with the loss', () => {
    const s = sink(true)
    const p = progressBar('train', 10, { stream: s.stream, tty: true })
    p.update(10, 0.125)
    p.stop()
    expect(s.text()).toMatch(/train \[.*\] 10\/10 \| loss 0\.1250 \| eta/)
  })
  it('formats losses and durations', () => {
    expect(fmtLoss(Number.NaN)).toBe('nan')
    expect(fmtLoss(Infinity)).toBe('infinity')
    expect(fmtSeconds(65)).toBe('1m05s')
    expect(fmtSeconds(Number.NaN)).toBe('?')
  })
})
