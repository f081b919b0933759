/**
 * Pure helpers around voice activity: turning per-window speech probabilities into speech regions, and
 * cutting the audio down to those regions so the recogniser only hears speech, then moving the times
 * of what it heard back onto the original timeline.
 */

export interface SpeechRegion {
  startSeconds: number;
  endSeconds: number;
}

export interface RegionOptions {
  /** Seconds covered by one probability. */
  windowSeconds: number;
  /** A window at or above this starts (or continues) speech. */
  threshold: number;
  /** Speech only ends below this, so a dip between syllables does not split a sentence. */
  negativeThreshold: number;
  /** Shorter bursts (a click, a drum hit, a note's onset) are dropped. */
  minSpeechSeconds: number;
  /** Pauses shorter than this stay inside the region. */
  minSilenceSeconds: number;
  /** Kept either side of a region, so word onsets and endings are not clipped. */
  padSeconds: number;
}

export const DEFAULT_REGION_OPTIONS: Omit<RegionOptions, 'windowSeconds'> = {
  threshold: 0.5,
  negativeThreshold: 0.35,
  // Silero's reference uses 0.25 s; note onsets in noisy music reached 0.32 s here, and a lone word under
  // half a second adds little to captions.
  minSpeechSeconds: 0.5,
  minSilenceSeconds: 0.6,
  padSeconds: 0.2,
};

/** Speech regions from probabilities, one per consecutive window (the Silero reference algorithm, simplified). */
export function speechRegions(probabilities: ArrayLike<number>, options: RegionOptions): SpeechRegion[] {
  const { windowSeconds: w } = options;
  const raw: SpeechRegion[] = [];
  let start: number | undefined;
  let silenceSince: number | undefined;
  for (let index = 0; index < probabilities.length; index++) {
    const probability = probabilities[index]!;
    const time = index * w;
    if (probability >= options.threshold) {
      silenceSince = undefined;
      start ??= time;
    } else if (start !== undefined && probability < options.negativeThreshold) {
      silenceSince ??= time;
      if (time + w - silenceSince >= options.minSilenceSeconds) {
        raw.push({ startSeconds: start, endSeconds: silenceSince });
        start = undefined;
        silenceSince = undefined;
      }
    }
  }
  if (start !== undefined) raw.push({ startSeconds: start, endSeconds: silenceSince ?? probabilities.length * w });

  const total = probabilities.length * w;
  const padded: SpeechRegion[] = [];
  for (const region of raw) {
    if (region.endSeconds - region.startSeconds < options.minSpeechSeconds) continue;
    const next = {
      startSeconds: Math.max(0, region.startSeconds - options.padSeconds),
      endSeconds: Math.min(total, region.endSeconds + options.padSeconds),
    };
    const last = padded.at(-1);
    if (last && next.startSeconds <= last.endSeconds) last.endSeconds = next.endSeconds;
    else padded.push(next);
  }
  return padded;
}

export function speechSeconds(regions: SpeechRegion[]): number {
  return regions.reduce((sum, region) => sum + region.endSeconds - region.startSeconds, 0);
}

/** Where each region sits in the cut-down audio: `cutStart` there is `startSeconds` in the original. */
export interface CutPiece extends SpeechRegion {
  cutStart: number;
}

/**
 * Joins the regions' samples with `gapSeconds` of silence between them (the recogniser ends its
 * utterance there instead of running two regions' words together), and says where each piece landed.
 */
export function cutToRegions(
  samples: Int16Array,
  sampleRate: number,
  regions: SpeechRegion[],
  gapSeconds: number,
): { samples: Int16Array; pieces: CutPiece[] } {
  const gap = Math.round(gapSeconds * sampleRate);
  const spans = regions.map((region) => ({
    region,
    from: Math.round(region.startSeconds * sampleRate),
    to: Math.min(samples.length, Math.round(region.endSeconds * sampleRate)),
  }));
  const length = spans.reduce((sum, span) => sum + Math.max(0, span.to - span.from), 0) + gap * spans.length;
  const out = new Int16Array(length);
  const pieces: CutPiece[] = [];
  let at = 0;
  for (const { region, from, to } of spans) {
    out.set(samples.subarray(from, to), at);
    pieces.push({ ...region, cutStart: at / sampleRate });
    at += Math.max(0, to - from) + gap;
  }
  return { samples: out, pieces };
}

/**
 * A time in the cut-down audio, back on the original timeline. A time in the silent gap between two
 * pieces belongs to no speech: the recogniser often starts an utterance a few frames before the next
 * piece or ends one a little after the last, so a segment's `start` there moves forward to the next
 * piece and its `end` back to the piece before (mapping a start back would stretch the caption over
 * everything the cut left out).
 */
export function originalTime(cutSeconds: number, pieces: CutPiece[], edge: 'start' | 'end'): number {
  let index = 0;
  while (index + 1 < pieces.length && pieces[index + 1]!.cutStart <= cutSeconds) index += 1;
  const piece = pieces[index];
  if (!piece) return cutSeconds;
  const time = piece.startSeconds + cutSeconds - piece.cutStart;
  if (time <= piece.endSeconds) return Math.max(piece.startSeconds, time);
  const next = pieces[index + 1];
  return edge === 'start' && next ? next.startSeconds : piece.endSeconds;
}
