/**
 * Notes to monophonic voices and their frame-rate controls, for synths driven
 * by f0 and amplitude curves (the harmonic and wavetable synths): notes are
 * dealt to the fewest voices that never hold two notes at once (the first
 * voice free at a note's onset, notes by onset); each voice's f0 holds its
 * current note's pitch until the next onset (the synth interpolates between
 * frames, so a legato line moves within one frame), its amplitude is velocity ×
 * a linear attack from the onset × an exponential release after the end.
 *
 * @example
 * const voices = assignVoices(notes)                                  // [[0, 2], [1]]: note indices per voice
 * const c = voiceControls(voices.map((v) => v.map((i) => notes[i]!)), 250, 1)
 */

/** A note, as `poly.ts` and `io/midi-file.ts` have it. @example const n: VoiceNote = { pitch: 60, onset: 0, duration: 0.5, velocity: 0.8 } */
export interface VoiceNote {
  readonly pitch: number
  readonly onset: number
  readonly duration: number
  readonly velocity: number
}

/**
 * Deals notes to the fewest non-overlapping voices (greedy by onset, optimal for intervals).
 * @param notes any order  @returns per voice, the indices of its notes in onset order
 * @example assignVoices([{ pitch: 60, onset: 0, duration: 1, velocity: 1 }, { pitch: 64, onset: 0.5, duration: 1, velocity: 1 }]) // [[0], [1]]
 */
export const assignVoices = (notes: readonly VoiceNote[]): number[][] => {
  const order = notes.map((_, i) => i).sort((a, b) => notes[a]!.onset - notes[b]!.onset || notes[a]!.pitch - notes[b]!.pitch)
  const voices: number[][] = []
  const freeAt: number[] = []
  for (const i of order) {
    const n = notes[i]!
    let v = freeAt.findIndex((t) => t <= n.onset + 1e-9)
    if (v < 0) {
      v = voices.length
      voices.push([])
      freeAt.push(0)
    }
    voices[v]!.push(i)
    freeAt[v] = n.onset + n.duration
  }
  return voices
}

/** Envelope times of `voiceControls`, s. @example const e: VoiceEnvelope = { attack: 0.01, release: 0.08 } */
export interface VoiceEnvelope {
  readonly attack: number
  /** time constant of the exponential release */
  readonly release: number
}

/** Frame-rate controls of each voice: f0 (Hz) and amplitude per frame. @example const c: VoiceControls = { f0: [Float64Array.of(440)], amp: [Float64Array.of(0.5)] } */
export interface VoiceControls {
  readonly f0: readonly Float64Array[]
  readonly amp: readonly Float64Array[]
}

const hz = (pitch: number) => 440 * 2 ** ((pitch - 69) / 12)

/**
 * The f0 and amplitude curves of each voice at `frames` frames over `seconds`.
 * @param voices each voice's notes in onset order  @param frames frame count  @param seconds the render's length
 * @param env attack and release (default 10 ms, 80 ms)
 * @example voiceControls([[{ pitch: 69, onset: 0, duration: 0.5, velocity: 1 }]], 250, 1).f0[0]![0] // 440
 */
export const voiceControls = (voices: readonly (readonly VoiceNote[])[], frames: number, seconds: number, env: VoiceEnvelope = { attack: 0.01, release: 0.08 }): VoiceControls => {
  const f0 = voices.map(() => new Float64Array(frames))
  const amp = voices.map(() => new Float64Array(frames))
  voices.forEach((ns, v) => {
    let k = 0 // the note sounding or last ended at frame time t
    for (let j = 0; j < frames; j++) {
      const t = (j * seconds) / frames
      while (k + 1 < ns.length && ns[k + 1]!.onset <= t) k++
      const n = ns[k]!
      const end = n.onset + n.duration
      // the pitch holds until the next onset (through the release), so a tail never slides
      f0[v]![j] = hz(n.pitch)
      const a = t < n.onset ? 0 : t < end ? Math.min(1, (t - n.onset) / env.attack) : Math.min(1, n.duration / env.attack) * Math.exp(-(t - end) / env.release)
      amp[v]![j] = n.velocity * a
    }
  })
  return { f0, amp }
}
