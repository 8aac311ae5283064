/**
 * Type tests, checked by `tsc --noEmit` in `npm test`: rate mistakes must not
 * compile. Each `@ts-expect-error` fails the build if the line compiles.
 */
import { add, mul, select, sin } from './math.js'
import { input, param, type Signal } from './signal.js'
import { concat, gather, matmul } from './tensor.js'

const audio = input('a', [1, 16], 'audio')
const control = input('c', [1, 4], 'control')
const gain = param('g', [])

// Allowed: same rate, static with anything, numbers with anything.
export const ok1: Signal<'audio'> = add(audio, audio)
export const ok2: Signal<'audio'> = mul(audio, gain)
export const ok3: Signal<'control'> = add(control, 1)
export const ok4: Signal<'audio'> = audio.pipe(sin, mul(0.5))
export const ok5: Signal<'static'> = add(gain, 2)

// @ts-expect-error audio + control does not compile
export const bad1 = add(audio, control)
// @ts-expect-error data-last form too
export const bad2 = control.pipe(mul(audio))
// @ts-expect-error the result of audio · static is audio, not control
export const bad3: Signal<'control'> = mul(audio, gain)
// @ts-expect-error select's branches must share a rate
export const bad4 = select(1, audio, control)
// @ts-expect-error matmul operands must share a rate
export const bad5 = matmul(audio, control)
// @ts-expect-error gather indices of another rate
export const bad6 = gather(audio, control, 1)
// @ts-expect-error concat of audio and control
export const bad7 = concat<'audio'>([audio, control], 1)
