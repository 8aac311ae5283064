/**
 * Setup for the property suites: after each file, print the largest relative
 * gradient error seen per synth or composite (the figures a deep run reports:
 * `DDSP_PROPERTY_RUNS=1000 npm run test:props`).
 */
import { afterAll } from 'vitest'
import { worstByLabel } from './directional.js'

afterAll(() => {
  if (worstByLabel.size === 0) return
  const rows = [...worstByLabel].map(([k, v]) => `${k} ${v.toExponential(1)}`)
  console.log(`largest relative gradient error: ${rows.join(', ')}`)
  worstByLabel.clear()
})
