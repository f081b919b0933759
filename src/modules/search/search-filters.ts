import { notHeldForReview } from '../moderation/case-repo.ts';
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

/** short < 4 min, medium 4–20 min, long > 20 min. */
const DURATION_CONDITIONS: Record<DurationBucket, RawBuilder<unknown>> = {
  short: sql`v.duration_seconds < 240`,
  medium: sql`v.duration_seconds between 240 and 1200`,
  long: sql`v.duration_seconds > 1200`,
};

/** When a video counts as uploaded: its source upload, else its creation. */
export const PUBLISHED_AT = sql`coalesce(v.uploaded_at, v.created_at)`;

/** Search shows public, ready videos only: unlisted and private ones are never discoverable, nor videos moderation holds. */
export function searchConditions(filters: SearchFilters): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [sql`v.status = 'ready'`, sql`v.visibility = 'public'`, notHeldForReview('v.id')];
  if (filters.category) conditions.push(sql`v.category = ${filters.category}`);
  if (filters.duration) conditions.push(DURATION_CONDITIONS[filters.duration]);
  if (filters.uploaded) conditions.push(sql`${PUBLISHED_AT} > now() - ${`1 ${filters.uploaded}`}::interval`);
  if (filters.tags?.length) conditions.push(sql`v.tags @> ${sql.val(filters.tags)}::text[]`);
  return conditions;
}
