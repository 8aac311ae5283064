import { describe, expect, it } from 'vitest'


import { hannTable, windowTable } from '../host/window.js'
import { blackman, hamming, hann } from './window.js'
import { run, close } from '../../testing/run.js'

describe('windows are periodic', () => {
  it('hann(4) = [0, 0.5, 1, 0.5] and hann(5) is periodic, not symmetric', () => {
    close(run({ w: hann(4) })['w'], [0, 0.5, 1, 0.5], 1e-15)
    close(hannTable(5), [0, 1, 2, 3, 4].map((i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / 5)), 1e-15)
    expect(hannTable(5)[1]).toBeCloseTo(hannTable(5)[4]!, 15)
  })
  it('Hann at hop n/4 overlap-adds to the constant 2 (its square to 1.5), the property STFT resynthesis relies on', () => {
    const w = hannTable(16)
    for (let i = 0; i < 4; i++) expect(w[i]! + w[i + 4]! + w[i + 8]! + w[i + 12]!).toBeCloseTo(2, 14)
    for (let i = 0; i < 4; i++) expect(w[i]! ** 2 + w[i + 4]! ** 2 + w[i + 8]! ** 2 + w[i + 12]! ** 2).toBeCloseTo(1.5, 14)
  })
  it('Hamming and Blackman have their textbook endpoints and peaks', () => {
    const o = run({ h: hamming(8), b: blackman(8) })
    expect(o['h']![0]).toBeCloseTo(0.08, 14)
    expect(o['h']![4]).toBeCloseTo(1, 14)
    expect(o['b']![0]).toBeCloseTo(0, 14)
    expect(o['b']![4]).toBeCloseTo(1, 14)
    close(windowTable('rectangular', 3), [1, 1, 1], 0)
  })
})
