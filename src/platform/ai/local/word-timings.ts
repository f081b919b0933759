import type { TranscriptSegment } from '../ports.ts';

export interface TimedWord {
  word: string;
  start: number;
  end: number;
}

/** Caption-sized cues: a pause, about seven seconds or sixteen words end a segment. */
const PAUSE_SECONDS = 0.3;
const MAX_SECONDS = 7;
const MAX_WORDS = 16;

/**
 * Groups recognised words into time-stamped segments the way captions read well: a new segment
 * starts at a pause in speech, or when the current one gets too long to read at a glance.
 */
export function segmentWords(words: TimedWord[]): TranscriptSegment[] {
  const segments: TranscriptSegment[] = [];
  let current: TimedWord[] = [];
  const flush = () => {
    if (current.length === 0) return;
    segments.push({
      startSeconds: current[0]!.start,
      endSeconds: current.at(-1)!.end,
      text: current.map((word) => word.word).join(' '),
    });
    current = [];
  };
  for (const word of words) {
    const previous = current.at(-1);
    if (
      previous &&
      (word.start - previous.end >= PAUSE_SECONDS ||
        word.end - current[0]!.start > MAX_SECONDS ||
        current.length >= MAX_WORDS)
    )
      flush();
    current.push(word);
  }
  flush();
  return segments;
}
