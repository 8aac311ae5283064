/**
 * Blocks of a framed analysis: which samples to give a framed composite so
 * that the frames it returns for a block are exactly frames [first, end) of
 * the analysis of the whole signal. A frame f is centred on sample f·hop and
 * reads samples [f·hop − left, f·hop + right) (for a centred STFT: left =
 * nFft/2, right = nFft − nFft/2; the composite zero-pads or reflects what
 * lies outside the signal). A block's slice starts `ceil(left/hop)` frames
 * early (a whole number of hops, so its frame grid is the signal's) or at
 * sample 0, and ends `right` samples after its last frame's centre or at the
 * end of the signal: every kept frame then reads only real samples, or the
 * same padding as in one pass, and the results equal the one-pass analysis
 * (up to the float rounding of the kernels).
 *
 * @example
 * frameBlocks({ samples: 16000, hop: 160, left: 256, right: 256, frames: 101 }, 40)
 * // [{ from: 0, to: 6496, sliceFrame: 0, keepFrom: 0, keepTo: 40 }, { from: 6080, to: 12896, sliceFrame: 38, keepFrom: 40, keepTo: 80 }, …]
 */

/** The frame grid of an analysis. @example const g: FrameGrid = { samples: 16000, hop: 160, left: 256, right: 256, frames: 101 } */
export interface FrameGrid {
  /** samples in the signal */
  readonly samples: number
  /** samples between frame centres */
  readonly hop: number
  /** samples a frame reads before its centre */
  readonly left: number
  /** samples a frame reads from its centre on (its centre included) */
  readonly right: number
  /** frames of the whole signal */
  readonly frames: number
}

/** One block: the slice [from, to) of the signal, whose frame 0 is the signal's frame `sliceFrame`, and the frames it keeps. @example const b: FrameBlock = { from: 0, to: 6496, sliceFrame: 0, keepFrom: 0, keepTo: 40 } */
export interface FrameBlock {
  readonly from: number
  readonly to: number
  /** the signal's frame that is frame 0 of the slice (from / hop) */
  readonly sliceFrame: number
  /** frames [keepFrom, keepTo) of the signal, computed by this block */
  readonly keepFrom: number
  readonly keepTo: number
}

/**
 * Cuts a framed analysis into blocks of at most `blockFrames` frames.
 * @param g the grid  @param blockFrames frames per block (≥ 1)
 * @param minSlice shortest slice allowed (a composite may need more samples than one frame reads, e.g. reflect padding):
 *   a last block shorter than this is merged into the one before
 * @returns the blocks, in order, covering frames [0, g.frames) once each
 * @example frameBlocks({ samples: 1000, hop: 100, left: 64, right: 64, frames: 11 }, 4).map((b) => [b.keepFrom, b.keepTo]) // [[0, 4], [4, 8], [8, 11]]
 */
export const frameBlocks = (g: FrameGrid, blockFrames: number, minSlice = 0): FrameBlock[] => {
  const per = Math.max(1, Math.floor(blockFrames))
  const back = Math.ceil(g.left / g.hop)
  const out: FrameBlock[] = []
  for (let keepFrom = 0; keepFrom < g.frames; keepFrom += per) {
    const keepTo = Math.min(g.frames, keepFrom + per)
    const sliceFrame = Math.max(0, keepFrom - back)
    const from = sliceFrame * g.hop
    const to = keepTo === g.frames ? g.samples : Math.min(g.samples, (keepTo - 1) * g.hop + g.right)
    const prev = out.at(-1)
    if (prev !== undefined && keepTo === g.frames && to - from < minSlice) out[out.length - 1] = { ...prev, to, keepTo }
    else out.push({ from, to, sliceFrame, keepFrom, keepTo })
  }
  return out
}

/**
 * Blocks of frames holding about `samples` samples each (a block size in samples, as a caller thinks of memory).
 * @param g the grid  @param samples target samples per block
 * @example blockFramesFor({ samples: 1e6, hop: 160, left: 256, right: 256, frames: 6251 }, 65536) // 409
 */
export const blockFramesFor = (g: FrameGrid, samples: number): number => Math.max(1, Math.floor((samples - g.left - g.right) / g.hop))
