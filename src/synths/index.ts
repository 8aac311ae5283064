/**
 * The synth library: DDSP synths, electronic-music building blocks and the
 * 808 kit, all pure functions of signals.
 *
 * @example
 * import { harmonic, adsr, kit808 } from 'ddsp-ts/synths'
 */
export * from './adsr.js'
export * from './bandlimited.js'
export * from './delay.js'
export * from './effects.js'
export * from './harmonic.js'
export * from './lfo.js'
export * from './modal.js'
export * from './modulation.js'
export * from './filtered-noise.js'
export * from './reverb.js'
export * from './oscillator-bank.js'
export * from './poly.js'
export * from './registry.js'
export * from './sinusoidal.js'
export * from './time.js'
export * from './wavetable.js'
export * from './drums/kit808.js'
export * from './drums/snare808.js'
export * from './drums/kick808.js'
export * from './drums/metal808.js'
export * from './drums/clap808.js'
export { expDecayEnvelope, pitchedSine, dbGain, fromUnit, toUnit, type Range } from './drums/modules.js'
