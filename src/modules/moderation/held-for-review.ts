import { sql } from 'kysely';

/**
 * For public video lists (search, channel pages, autocomplete, trending): true unless moderation holds
 * the video. The moderation module's public filter, so other modules need not read moderation_cases.
 *
 * One `not exists` per subject type, each matching a partial "held" index exactly
 * (moderation_cases_held_videos_idx, moderation_cases_held_video_images_idx): a single check with
 * `subject_type in ('video', 'video_image')` could use neither and probed the unique index instead,
 * four buffers per candidate (24,436 buffer hits for one search of 6,000 candidates on 200,000 videos).
 */
export function notHeldForReview(videoIdColumn: string) {
  const id = sql.ref(videoIdColumn);
  return sql<boolean>`(not exists (select 1 from moderation_cases held where held.subject_type = 'video' and held.held and held.subject_id = ${id})
    and not exists (select 1 from moderation_cases held where held.subject_type = 'video_image' and held.held and held.subject_id = ${id}))`;
}
