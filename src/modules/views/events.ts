import type { Executor } from '../../platform/db/transaction.ts';
import { publishEvent } from '../../platform/events/event-bus.ts';

/**
 * Published with the watch-history write that starts a viewer's history row for a video (`first`) or
 * marks it finished for the first time (`completed`); the many progress reports in between publish
 * nothing. Keyed by the viewer, so one viewer's watches reach a consumer in order.
 */
export const WATCH_RECORDED = 'watch.recorded';

export interface WatchRecordedPayload {
  userId: string;
  videoId: string;
  /** The history row was created by this report. */
  first: boolean;
  /** The video is finished (this report finished it, or it already was when `first`). */
  completed: boolean;
}

export function publishWatchRecorded(trx: Executor, payload: WatchRecordedPayload): Promise<void> {
  return publishEvent(trx, { topic: WATCH_RECORDED, key: payload.userId, payload });
}
