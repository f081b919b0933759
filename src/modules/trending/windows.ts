import { z } from 'zod';

export const TRENDING_WINDOWS = ['hour', 'day', 'week'] as const;
export type TrendingWindow = (typeof TRENDING_WINDOWS)[number];
export const trendingWindowSchema = z.enum(TRENDING_WINDOWS);

export interface WindowSpec {
  /** Only activity younger than this counts. */
  horizonSeconds: number;
  /** Activity this old weighs half as much as activity happening now. */
  halfLifeSeconds: number;
}

/** A quarter of the window as half-life: the last quarter dominates, the window's start still counts 1/16. */
export const WINDOW_SPECS: Record<TrendingWindow, WindowSpec> = {
  hour: { horizonSeconds: 3600, halfLifeSeconds: 900 },
  day: { horizonSeconds: 86_400, halfLifeSeconds: 6 * 3600 },
  week: { horizonSeconds: 7 * 86_400, halfLifeSeconds: 42 * 3600 },
};

/** Activity older than the longest window (plus a day of slack for rebuilds) is pruned. */
export const ACTIVITY_RETENTION_SECONDS = WINDOW_SPECS.week.horizonSeconds + 86_400;

/** How deep each stored ranking goes: overall, and within each category. */
export const RANKED_OVERALL = 1000;
export const RANKED_PER_CATEGORY = 500;

/** The overall ranking's category key ('' = every category). */
export const ALL_CATEGORIES = '';
