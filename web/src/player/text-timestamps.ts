import { parseTime } from '../pages/studio/ai/time-input.ts';

/** A run of text, or a timestamp in it ("4:05", "1:02:03") with the second of the video it names. */
export type TextPart = { text: string; seconds?: number };

/**
 * m:ss or h:mm:ss standing on its own: not part of a longer number or clock ("10:30:45:12"), nor a
 * ratio inside a word. Seconds (and minutes after hours) are two digits, as creators write chapters.
 */
const TIMESTAMP = /(?<![\d:.])(?:\d{1,2}:)?\d{1,2}:[0-5]\d(?![\d:])/g;

/**
 * Splits a video's description or a comment into text and the timestamps a viewer can click to jump
 * there, as creators list their chapters ("0:00 Intro", "12:40 Questions") and viewers point at a
 * moment ("2:30 this part"). Only times inside the video count: a time past the end (or any time when
 * the duration is not known yet) stays text.
 */
export function splitTimestamps(text: string, durationSeconds: number | null): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(TIMESTAMP)) {
    const seconds = parseTime(match[0]);
    if (durationSeconds === null || !(seconds <= durationSeconds)) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ text: match[0], seconds });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
