import { notHeldForReview } from '../moderation/held-for-review.ts';
import { sql, type RawBuilder } from 'kysely';

export type DurationBucket = 'short' | 'medium' | 'long';
export type UploadedWithin = 'hour' | 'day' | 'week' | 'month' | 'year';
export type SearchSort = 'relevance' | '-views' | '-uploaded_at';

export interface SearchFilters {
  category?: string;
  duration?: DurationBucket;
  uploaded?: UploadedWithin;
  /** Every tag must be on the video. */
  tags?: string[];
}

/** short < 4 min, medium 4–20 min, long > 20 min (on video_search's copy of the duration). */
const DURATION_CONDITIONS: Record<DurationBucket, RawBuilder<unknown>> = {
  short: sql`s.duration_seconds < 240`,
  medium: sql`s.duration_seconds between 240 and 1200`,
  long: sql`s.duration_seconds > 1200`,
};

/**
 * When a video counts as uploaded: its source upload, else its creation. video_search keeps it as
 * `published_at` (migration 0012), so conditions and orders read it there.
 */
export const PUBLISHED_AT = sql`s.published_at`;

/**
 * The conditions on `video_search s` for the filters. Search shows public, ready videos only
 * (`s.searchable`, which the partial GIN index covers): unlisted and private ones are never
 * discoverable, nor videos moderation holds for review.
 */
export function searchConditions(filters: SearchFilters): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`s.searchable`, notHeldForReview('s.video_id')];
  if (filters.category) conditions.push(sql`s.category = ${filters.category}`);
  if (filters.duration) conditions.push(DURATION_CONDITIONS[filters.duration]);
  if (filters.uploaded) conditions.push(sql`${PUBLISHED_AT} > now() - ${`1 ${filters.uploaded}`}::interval`);
  if (filters.tags?.length) {
    // Exact on video_search's copy of the tags; and first a necessary condition on the document (each
    // tag's words in its tags part, weight B), which the GIN index intersects with the text query before
    // any row is read: a common word with a tag that few of its videos carry no longer walks all of that
    // word's videos.
    const words = filters.tags.flatMap((tag) => tag.toLowerCase().match(TAG_WORD) ?? []);
    if (words.length)
      conditions.push(sql`s.document @@ to_tsquery('english', ${words.map((word) => `'${word}':B`).join(' & ')})`);
    conditions.push(sql`s.tags @> ${sql.val(filters.tags)}::text[]`);
  }
  return conditions;
}

/** Letters and digits, as the search document's parser splits a tag into words. */
const TAG_WORD = /[\p{L}\p{N}]+/gu;
