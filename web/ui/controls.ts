/**
 * The page's controls: an on-screen keyboard (mouse/touch and the computer
 * keys a w s e d f t g y h u j k), knobs (range inputs for `KNOBS`) and Web
 * MIDI (note on/off, CC 7 gain, CC 74 brightness) — each calls back with
 * `SynthEvent`s.
 *
 * @example
 * keyboard(div, 60, 25, send); knobs(div, send); await midi(send)
 */
import { KNOBS, type KnobName, type SynthEvent } from '../spec.js'

/** Where the controls send their events. @example const send: Send = (e) => node.port.postMessage({ type: 'events', events: [e] }) */
export type Send = (e: SynthEvent) => void

const BLACK = new Set([1, 3, 6, 8, 10])
const KEYS = 'awsedftgyhujk'

/**
 * Builds a keyboard of `count` keys from MIDI note `low`.
 * @param host container  @param low lowest MIDI note  @param count keys
 * @example keyboard(document.getElementById('keys')!, 60, 25, send)
 */
export const keyboard = (host: HTMLElement, low: number, count: number, send: Send): void => {
  const press = (note: number, on: boolean) => {
    host.querySelector(`[data-note="${note}"]`)?.classList.toggle('down', on)
    send(on ? { type: 'noteOn', note, velocity: 0.8 } : { type: 'noteOff', note })
  }
  for (let i = 0; i < count; i++) {
    const note = low + i
    const key = document.createElement('div')
    key.className = BLACK.has(note % 12) ? 'key black' : 'key white'
    key.dataset['note'] = String(note)
    key.addEventListener('pointerdown', (e) => {
      key.setPointerCapture(e.pointerId)
      press(note, true)
    })
    key.addEventListener('pointerup', () => press(note, false))
    host.appendChild(key)
  }
  const down = new Set<string>()
  window.addEventListener('keydown', (e) => {
    const i = KEYS.indexOf(e.key)
    if (i < 0 || down.has(e.key) || e.target instanceof HTMLInputElement) return
    down.add(e.key)
    press(low + i, true)
  })
  window.addEventListener('keyup', (e) => {
    const i = KEYS.indexOf(e.key)
    if (i < 0 || !down.delete(e.key)) return
    press(low + i, false)
  })
}

/**
 * Builds one labelled range input per knob; returns a setter for MIDI CCs.
 * @param host container
 * @example const set = knobs(div, send); set('gain', -6)
 */
export const knobs = (host: HTMLElement, send: Send): ((name: KnobName, value: number) => void) => {
  const inputs = new Map<KnobName, HTMLInputElement>()
  for (const [name, k] of Object.entries(KNOBS) as Array<[KnobName, (typeof KNOBS)[KnobName]]>) {
    const label = document.createElement('label')
    const input = document.createElement('input')
    const value = document.createElement('span')
    Object.assign(input, { type: 'range', min: String(k.min), max: String(k.max), step: 'any', value: String(k.value), name })
    const show = () => (value.textContent = `${Number(input.value).toFixed(1)} ${k.unit}`)
    input.addEventListener('input', () => {
      show()
      send({ type: 'knob', name, value: Number(input.value) })
    })
    show()
    label.append(`${name} `, input, value)
    host.appendChild(label)
    inputs.set(name, input)
  }
  return (name, v) => {
    const input = inputs.get(name)
    if (input === undefined) return
    input.value = String(v)
    input.dispatchEvent(new Event('input'))
  }
}

/**
 * Connects every Web MIDI input (when the browser has Web MIDI and the user allows it).
 * @returns a status line for the page
 * @example status.textContent = await midi(send, setKnob)
 */
export const midi = async (send: Send, setKnob: (name: KnobName, value: number) => void): Promise<string> => {
  if (typeof navigator.requestMIDIAccess !== 'function') return 'Web MIDI: not available in this browser'
  try {
    const access = await navigator.requestMIDIAccess()
    const attach = () => {
      let count = 0
      access.inputs.forEach((input) => {
        count++
        input.onmidimessage = (m: MIDIMessageEvent) => {
          const [status = 0, a = 0, b = 0] = m.data ?? []
          const kind = status & 0xf0
          if (kind === 0x90 && b > 0) send({ type: 'noteOn', note: a, velocity: b / 127 })
          else if (kind === 0x80 || (kind === 0x90 && b === 0)) send({ type: 'noteOff', note: a })
          else if (kind === 0xb0 && (a === 7 || a === 74)) {
            const name: KnobName = a === 7 ? 'gain' : 'brightness'
            setKnob(name, KNOBS[name].min + ((KNOBS[name].max - KNOBS[name].min) * b) / 127)
          }
        }
      })
      return `Web MIDI: ${count} input(s)`
    }
    access.onstatechange = attach
    return attach()
  } catch (err) {
    return `Web MIDI: ${err instanceof Error ? err.message : String(err)}`
  }
}
