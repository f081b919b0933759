import type { Executor } from '../../platform/db/transaction.ts';
import { publishEvent } from '../../platform/events/event-bus.ts';

/** Published with the insert / delete of a like row (only when the row really changed); keyed by video. */
export const LIKE_CREATED = 'like.created';
export const LIKE_DELETED = 'like.deleted';

export interface LikeEventPayload {
  videoId: string;
  userId: string;
  creatorId: string;
}

export function publishLikeEvent(
  trx: Executor,
  topic: typeof LIKE_CREATED | typeof LIKE_DELETED,
  payload: LikeEventPayload,
): Promise<void> {
  return publishEvent(trx, { topic, key: payload.videoId, payload });
}
