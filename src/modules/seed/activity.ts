import type { Random } from './random.ts';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/**
 * When engagement happens after an upload. Three quarters of a video's lifetime activity (views,
 * likes, comments, watching) comes soon after the upload, decaying exponentially with a mean of two
 * days; the rest is a steady trickle over a year. A video's counts are its lifetime totals times the
 * share already accrued at the anchor, and every event time is drawn from this curve cut at the
 * anchor. So fresh uploads collect their first activity within hours, and old videos keep a little
 * activity every day: trending windows (hour, day, week) all have material.
 */
const BURST_SHARE = 0.75;
const BURST_MEAN_MS = 2 * DAY_MS;
const TAIL_MS = 365 * DAY_MS;

/** Share of the lifetime activity that happens in [from, to] after the upload (0 <= from <= to). */
export function activityBetween(fromMs: number, toMs: number): number {
  const burst = BURST_SHARE * (Math.exp(-fromMs / BURST_MEAN_MS) - Math.exp(-toMs / BURST_MEAN_MS));
  const tail = ((1 - BURST_SHARE) * (Math.min(toMs, TAIL_MS) - Math.min(fromMs, TAIL_MS))) / TAIL_MS;
  return burst + tail;
}

/** Share of the lifetime activity accrued by this age. */
export function accruedShare(ageMs: number): number {
  return activityBetween(0, Math.max(0, ageMs));
}

/** A random event time, as an offset after the upload, within [0, ageMs]. */
export function activityOffset(ageMs: number, random: Random): number {
  if (ageMs <= 0) return 0;
  const burstMass = BURST_SHARE * (1 - Math.exp(-ageMs / BURST_MEAN_MS));
  const tailMass = ((1 - BURST_SHARE) * Math.min(ageMs, TAIL_MS)) / TAIL_MS;
  if (random.next() * (burstMass + tailMass) < burstMass) {
    // Inverse CDF of the exponential cut at ageMs.
    return -BURST_MEAN_MS * Math.log(1 - random.next() * (1 - Math.exp(-ageMs / BURST_MEAN_MS)));
  }
  return random.next() * Math.min(ageMs, TAIL_MS);
}
