/** Published with the insert / delete of a like row (only when the row really changed; written by toggleLike); keyed by video. */
export const LIKE_CREATED = 'like.created';
export const LIKE_DELETED = 'like.deleted';

export interface LikeEventPayload {
  videoId: string;
  userId: string;
  creatorId: string;
}
