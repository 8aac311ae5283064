/**
 * A monophonic note stack with last-note priority: note-on pushes and sounds
 * the note, note-off removes it and falls back to the most recent held note
 * (legato), or closes the gate when none is held. Fixed storage (32 notes).
 *
 * @example
 * const s = noteStack(); s.on(60, 1); s.on(64, 1); s.off(64)   // s.note === 60, s.gate === true
 */

/** The stack's state and operations. @example const s: NoteStack = noteStack(); s.on(60, 0.8) */
export interface NoteStack {
  /** The sounding MIDI note (the last one when the gate is closed). */
  readonly note: number
  /** Velocity of the last note-on, 0…1. */
  readonly velocity: number
  /** Whether any note is held. */
  readonly gate: boolean
  readonly on: (note: number, velocity: number) => void
  readonly off: (note: number) => void
}

/**
 * Creates an empty stack (note 69 = A4 until the first note-on).
 * @example noteStack().gate // false
 */
export const noteStack = (): NoteStack => {
  const held = new Int16Array(32)
  const st = { note: 69, velocity: 0, count: 0 }
  return {
    get note() {
      return st.note
    },
    get velocity() {
      return st.velocity
    },
    get gate() {
      return st.count > 0
    },
    on: (note, velocity) => {
      let j = 0
      for (let i = 0; i < st.count; i++) if (held[i] !== note) held[j++] = held[i]!
      if (j < held.length) held[j++] = note
      st.count = j
      st.note = note
      st.velocity = velocity
    },
    off: (note) => {
      let j = 0
      for (let i = 0; i < st.count; i++) if (held[i] !== note) held[j++] = held[i]!
      st.count = j
      if (j > 0) st.note = held[j - 1]!
    },
  }
}
