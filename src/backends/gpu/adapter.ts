/**
 * A WebGPU adapter's description in one line, for `ddsp backends` and the
 * benchmarks: `description` where the implementation fills it in (Dawn:
 * "SwiftShader driver 5.0.0"), else vendor and architecture.
 *
 * @example
 * describeAdapter({ vendor: 'google', architecture: 'swiftshader', description: 'SwiftShader driver 5.0.0' })
 * // 'SwiftShader driver 5.0.0 (google swiftshader)'
 */

/** The fields of `GPUAdapterInfo` read here. @example const i: AdapterInfo = { vendor: 'nvidia' } */
export interface AdapterInfo {
  readonly vendor?: string
  readonly architecture?: string
  readonly device?: string
  readonly description?: string
}

/**
 * One line naming an adapter.
 * @example describeAdapter({ vendor: 'nvidia', architecture: 'hopper' }) // 'nvidia hopper'
 */
export const describeAdapter = (info: AdapterInfo | undefined): string => {
  const who = [info?.vendor, info?.architecture].filter((s) => s !== undefined && s !== '').join(' ')
  const what = info?.description ?? info?.device ?? ''
  return what === '' ? who || 'unknown adapter' : who === '' ? what : `${what} (${who})`
}

/** Whether a description names a software rasteriser. @example isSoftware('SwiftShader driver 5.0.0') // true */
export const isSoftware = (description: string): boolean => /swiftshader|llvmpipe|lavapipe|software/i.test(description)
