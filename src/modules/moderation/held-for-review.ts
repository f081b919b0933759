import { sql } from 'kysely';
import type { Executor } from '../../platform/db/transaction.ts';

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
  return sql<boolean>`(not exists (select 1 from moderation_cases held where held.subject_type = 'video' and held.held and held.subject_id = ${sql.ref(videoIdColumn)})
    and ${picturesNotHeld(videoIdColumn)})`;
}

/**
 * True unless the video's picture case holds it. While it does, the creator's custom thumbnail is not
 * shown (the generated poster is): a held picture is never what a video is advertised with.
 */
export function picturesNotHeld(videoIdColumn: string) {
  return sql<boolean>`not exists (select 1 from moderation_cases held where held.subject_type = 'video_image' and held.held and held.subject_id = ${sql.ref(videoIdColumn)})`;
}

/** The videos among `videoIds` whose picture case holds them. */
export async function videosWithPicturesHeld(db: Executor, videoIds: readonly string[]): Promise<Set<string>> {
  if (videoIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('moderation_cases')
    .select('subject_id')
    .where('subject_type', '=', 'video_image')
    .where('held', '=', true)
    .where('subject_id', 'in', [...videoIds])
    .execute();
  return new Set(rows.map((row) => row.subject_id));
}
