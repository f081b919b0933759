import type { CounterProjection } from '../../platform/counters/counter-flusher.ts';
import { addToTrendingActivity } from '../trending/activity-sql.ts';
import { addToDailyStats, addToVideoCounter } from './counter-deltas-sql.ts';

export const VIEWS_COUNTER = 'views';
export const WATCH_SECONDS_COUNTER = 'watch_seconds';

/** Counted views: the video's total, today's analytics row and trending activity, together or not at all. */
export const viewCountProjection: CounterProjection = {
  counter: VIEWS_COUNTER,
  apply: (db, deltas) =>
    db.transaction().execute(async (trx) => {
      await addToVideoCounter(trx, 'view_count', deltas);
      await addToDailyStats(trx, 'views', deltas);
      await addToTrendingActivity(trx, 'views', deltas);
    }),
};

/** Seconds watched (from progress reports) into today's analytics row and trending activity. */
export const watchTimeProjection: CounterProjection = {
  counter: WATCH_SECONDS_COUNTER,
  apply: (db, deltas) =>
    db.transaction().execute(async (trx) => {
      await addToDailyStats(trx, 'watch_seconds', deltas);
      await addToTrendingActivity(trx, 'watch_seconds', deltas);
    }),
};
