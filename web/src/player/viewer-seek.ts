/**
 * A jump forward of less than this while playing is the player stepping over a hole in the buffered
 * media (hls.js nudges past gaps, most often at the start), or plain playback between two time
 * updates, not the viewer seeking: the player's controls step 5 or 10 s.
 */
export const GAP_STEP_SECONDS = 2;
/** Analytics positions are kept to the hundredth of a second; a "seek" shorter than that went nowhere. */
const SAME_PLACE_SECONDS = 0.01;

/**
 * Whether a `seeking` event that moved the playhead by `step` seconds (from the last position seen) is
 * a viewer's seek. Not one: a seek to where the playhead already was (the player setting its position
 * again, as a resume or a stalled start does) and a small step forward while playing (over a gap). Those
 * are neither reported as seeks nor counted as watched.
 */
export function isViewerSeek(step: number, paused: boolean): boolean {
  if (Math.abs(step) < SAME_PLACE_SECONDS) return false;
  return paused || step < 0 || step >= GAP_STEP_SECONDS;
}
