/**
 * The library's composites by name, one scheme `<group>.<name>` (group: the
 * folder that defines it: `dsp`, `synth`, `features`, `losses`), with the
 * attributes each records. Every lowering table (host fused lowerings,
 * `Backend.fused`, the stream rules) is a `LoweringTable`, so a misspelt key
 * fails `tsc`. The attributes a lowering reads are typed; the others are JSON.
 * Names written by older versions decode through `serial/legacy-names.ts`.
 *
 * @example
 * const rules: LoweringTable<string> = { 'dsp.phase': 'carry the phase' }
 * const a: CompositeAttrs['dsp.frameConvolve'] = { hop: 64, start: 0, length: 4096 }
 */

/** JSON attributes (a composite whose attributes no lowering reads, or a user's composite). */
export type JsonAttrs = Readonly<Record<string, unknown>>

type Upsample = { readonly nSamples: number; readonly method: 'linear' | 'window' | 'centered' }

/** Composites with a `.vjp` twin (`core/fusible.ts`), each with its attributes. */
export type FusibleAttrs = {
  readonly 'dsp.stft': { readonly nFft: number; readonly hop: number; readonly window: string; readonly center: boolean; readonly padEnd: boolean }
  readonly 'dsp.magnitude': { readonly eps: number }
  readonly 'dsp.frameConvolve': { readonly hop: number; readonly start: number; readonly length: number }
  readonly 'dsp.frequencyImpulseResponse': { readonly windowSize: number; readonly ddspCompat: boolean }
  readonly 'dsp.biquad': JsonAttrs
  readonly 'synth.harmonicBank': { readonly samples: number; readonly sampleRate: number; readonly ratios: readonly number[]; readonly ampResample: string }
  readonly 'losses.meanDifference': { readonly distance: 'L1' | 'L2' }
}

/** Attributes by composite name (every composite the library defines). */
export type CompositeAttrs = FusibleAttrs & {
  readonly 'dsp.phase': { readonly sampleRate: number; readonly chunk: number }
  readonly 'dsp.upsample.linear': Upsample
  readonly 'dsp.upsample.window': Upsample
  readonly 'dsp.upsample.centered': Upsample
  readonly 'dsp.fftConvolve': { readonly start: number; readonly length: number }
} & { readonly [N in JsonComposite]: JsonAttrs }

type JsonComposite =
  | `dsp.${'istft' | 'frame' | 'overlapAdd' | 'frequencyFilter' | 'expSigmoid' | 'svf'}`
  | 'synth.oscillatorBank'
  | `features.${'kLoudness' | 'loudness' | 'rms' | 'melSpectrogram' | 'mfcc' | 'yinDifference' | 'spectralFlux' | 'superFlux' | 'temporalCentroid'}`
  | `features.spectral${'Centroid' | 'Bandwidth' | 'Flatness' | 'Rolloff'}`
  | `losses.${'loudness' | 'multiScaleSpectral' | 'melSpectral' | 'multiResolutionStft' | 'siSdr'}`

/** A library composite's name. @example const n: CompositeName = 'dsp.svf' */
export type CompositeName = keyof CompositeAttrs

/** A fusible composite's name. @example const n: FusibleName = 'dsp.stft' */
export type FusibleName = keyof FusibleAttrs

/** Every name a lowering may key on: a composite, or a fusible composite's backward half. @example const n: LoweredName = 'dsp.stft.vjp' */
export type LoweredName = CompositeName | `${FusibleName}.vjp`

/** The attributes of a lowered name (a `.vjp` adds `needs`: which inputs get a cotangent). @example const a: LoweredAttrs<'losses.meanDifference.vjp'> = { distance: 'L1', needs: [true, true] } */
export type LoweredAttrs<N extends LoweredName> = N extends CompositeName
  ? CompositeAttrs[N]
  : N extends `${infer F extends FusibleName}.vjp`
    ? FusibleAttrs[F] & { readonly needs: readonly boolean[] }
    : never

/** The attributes a composite named `N` records: typed for a library name, JSON for any other. @example const a: AttrsOf<'dsp.magnitude'> = { eps: 1e-7 } */
export type AttrsOf<N extends string> = N extends CompositeName ? CompositeAttrs[N] : JsonAttrs

/** A table keyed by lowered names, each entry optional. @example const t: LoweringTable<number> = { 'dsp.biquad': 1 } */
export type LoweringTable<V> = { readonly [N in LoweredName]?: V }

/** A table's entry for a name read from a graph (any string: a user's composite has none). @example lowering(backend.fused, e.name) */
export const lowering = <V>(table: LoweringTable<V>, name: string): V | undefined => (table as Readonly<Record<string, V | undefined>>)[name]
