import { sql } from 'kysely';

/**
 * For public video lists (search, channel pages, autocomplete, trending): true unless moderation holds
 * the video. The moderation module's public filter, so other modules need not read moderation_cases.
 */
export function notHeldForReview(videoIdColumn: string) {
  return sql<boolean>`not exists (select 1 from moderation_cases held where held.subject_type in ('video', 'video_image') and held.subject_id = ${sql.ref(videoIdColumn)} and held.held)`;
}
