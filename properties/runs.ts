/**
 * Property run counts: `DDSP_PROPERTY_RUNS` (default 20 in CI; 1000 for a deep run).
 *
 * @example DDSP_PROPERTY_RUNS=1000 npm run test:props
 */
const env = Number(process.env['DDSP_PROPERTY_RUNS'] ?? '')

/** Runs per property. */
export const RUNS = Number.isInteger(env) && env > 0 ? env : 20

/** fast-check parameters for one property. */
export const params = (scale = 1) => ({ numRuns: Math.max(1, Math.round(RUNS * scale)) })
