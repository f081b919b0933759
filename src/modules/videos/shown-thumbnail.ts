import { sql } from 'kysely';
import { picturesNotHeld } from '../moderation/held-for-review.ts';
import type { VideoRow } from './repo.ts';

/**
 * The picture a video is shown with: the creator's custom thumbnail, unless image moderation holds the
 * video's pictures (then the generated poster until an admin approves), else the generated poster.
 */
export function shownThumbnailKey(
  video: Pick<VideoRow, 'thumbnail_key' | 'custom_thumbnail_key'>,
  picturesHeld: boolean,
): string | null {
  return (!picturesHeld && video.custom_thumbnail_key) || video.thumbnail_key;
}

/** The same choice inside a query over `videos` aliased `alias` (search results). */
export function shownThumbnailKeySql(alias: string) {
  const custom = sql.ref(`${alias}.custom_thumbnail_key`);
  return sql<
    string | null
  >`case when ${custom} is not null and ${picturesNotHeld(`${alias}.id`)} then ${custom} else ${sql.ref(`${alias}.thumbnail_key`)} end`;
}
