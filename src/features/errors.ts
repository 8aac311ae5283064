/**
 * The error of the host-side feature API: what input or option was wrong, or
 * why evaluation failed.
 *
 * @example
 * import { featureError } from 'ddsp-ts/features'
 * featureError('sampleRate must be > 0, got 0') // { _tag: 'FeatureError', message: ... }
 */

/** A bad input or option of a host feature function, or a failed evaluation. */
export interface FeatureError {
  readonly _tag: 'FeatureError'
  /** What was wrong, naming the argument. */
  readonly message: string
}

/**
 * Makes a FeatureError.
 * @param message what was wrong  @example featureError('audio is empty')
 */
export const featureError = (message: string): FeatureError => ({ _tag: 'FeatureError', message })
